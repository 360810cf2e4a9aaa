// The functions formulas may call besides tables. The compiler keeps their names private
// (`builtinAliases` in check/expressions.ts); test/builtins.test.ts compiles a call of each, so
// this list cannot drift from what the compiler accepts.
export const builtinFunctions: readonly { readonly name: string; readonly signature: string }[] = [
  { name: 'min', signature: 'min(a, b, ...)' },
  { name: 'max', signature: 'max(a, b, ...)' },
  { name: 'standaard', signature: 'standaard(waarde, als_onbekend)' },
  { name: 'bekend', signature: 'bekend(waarde): janee' },
  { name: 'maanden_tussen', signature: 'maanden_tussen(van, tot): duur in maanden' },
];

// Semantic tokens: what each name in a document refers to, from the occurrence index (so a
// parameter, a table call and an enumeration value are told apart, which the lexer cannot).
import type { Occurrence } from './occurrences.js';
import type { SemanticToken } from './types.js';

type Named = Occurrence & { readonly symbol: Exclude<Occurrence['symbol'], { kind: 'document' }> };

const kindOf = (o: Named): SemanticToken['kind'] => {
  const s = o.symbol;
  switch (s.kind) {
    case 'value':
      return s.declared;
    case 'scoped-definition':
      return 'definition';
    case 'contract-field':
    case 'activity-field':
    case 'attribute':
    case 'reference-date':
      return 'field';
    default:
      return s.kind;
  }
};

/** One token per written name, in text order; a document's name stays a plain name. */
export function semanticTokens(occurrences: readonly Occurrence[]): SemanticToken[] {
  return occurrences
    .filter((o): o is Named => o.symbol.kind !== 'document')
    .map((o) => ({
      start: o.range.start,
      end: o.range.end,
      kind: kindOf(o),
      declaration: o.declaration,
    }));
}

// Reading the IR as a reviewer needs it: declarations by identity (the identities under which a
// variant replaces a base declaration), references between them, and expressions in a canonical
// form where only meaning counts — not spans, not formula text, not parameter-versus-definition.
import { irChildren, templateExprs, type IrDocument, type IrExpr } from '@sroi/core';

export type IrParameter = IrDocument['parameters'][number];
export type IrTable = IrDocument['tables'][number];
export type IrDefinition = IrDocument['definitions'][number];
export type IrValuation = IrDocument['valuations'][number];
export type IrRoute = IrDocument['routes'][number];
export type IrOutcome = IrDocument['outcomes'][number];

/** A ruleset's declarations by name. */
export interface IrIndex {
  readonly ir: IrDocument;
  readonly parameters: ReadonlyMap<string, IrParameter>;
  readonly tables: ReadonlyMap<string, IrTable>;
  /** By key: `naam`, or `soort.naam` for a definition `bij` an activity kind. */
  readonly definitions: ReadonlyMap<string, IrDefinition>;
  readonly valuations: ReadonlyMap<string, IrValuation>;
  readonly routes: ReadonlyMap<string, IrRoute>;
  readonly outcomes: ReadonlyMap<string, IrOutcome>;
}

const byName = <T>(list: readonly T[], key: (t: T) => string): Map<string, T> =>
  new Map(list.map((t) => [key(t), t]));

export function indexIr(ir: IrDocument): IrIndex {
  return {
    ir,
    parameters: byName(ir.parameters, (p) => p.name),
    tables: byName(ir.tables, (t) => t.name),
    definitions: byName(ir.definitions, (d) => d.key),
    valuations: byName(ir.valuations, (v) => v.kind),
    routes: byName(ir.routes, (r) => r.name),
    outcomes: byName(ir.outcomes, (o) => o.name),
  };
}

/**
 * The identity of a declaration, spelled as the compiler's `declarationKey`: parameters, tables and
 * contract-level definitions share `waarde <naam>` (a variant may turn one into another).
 */
export const identity = {
  value: (name: string) => `waarde ${name}`,
  definition: (key: string) => (key.includes('.') ? `definitie ${key}` : `waarde ${key}`),
  valuation: (kind: string) => `waardering ${kind}`,
  route: (name: string) => `route ${name}`,
  outcome: (name: string) => `uitkomst ${name}`,
  enumeration: (name: string) => `opsomming ${name}`,
  property: (title: string) => `eigenschap ${title}`,
};

export { templateExprs } from '@sroi/core';

/** Every expression in `e`, depth first, `e` itself first. */
export function* walk(e: IrExpr): Generator<IrExpr> {
  yield e;
  for (const c of irChildren(e)) yield* walk(c);
}

/** The identities of the declarations an expression uses. */
export function referencesOf(e: IrExpr): Set<string> {
  const out = new Set<string>();
  for (const x of walk(e)) {
    if (x.k === 'param') out.add(identity.value(x.name));
    else if (x.k === 'def') out.add(identity.definition(x.key));
    else if (x.k === 'table') out.add(identity.value(x.name));
    else if (x.k === 'outcome') out.add(identity.outcome(x.name));
  }
  return out;
}

/** The expressions of every declaration, by identity. */
export function expressionsByIdentity(ir: IrDocument): Map<string, IrExpr[]> {
  const out = new Map<string, IrExpr[]>();
  const add = (id: string, ...es: IrExpr[]) => out.set(id, [...(out.get(id) ?? []), ...es]);
  for (const p of ir.parameters) add(identity.value(p.name));
  for (const t of ir.tables)
    add(identity.value(t.name), ...t.versions.flatMap((v) => v.rows.flatMap((r) => r.then)));
  for (const d of ir.definitions) add(identity.definition(d.key), d.expr);
  for (const v of ir.valuations)
    add(
      identity.valuation(v.kind),
      v.expr,
      ...v.requirements.flatMap((r) => [r.when, ...templateExprs(r.message)]),
      ...(v.within ? [v.within.expr] : []),
    );
  for (const r of ir.routes) add(identity.route(r.name), ...(r.cap ? [r.cap.expr] : []));
  for (const o of ir.outcomes) add(identity.outcome(o.name), o.expr);
  return out;
}

/** Everything `roots` depend on, transitively, the roots included. */
export function closure(ir: IrDocument, roots: readonly string[]): Set<string> {
  const exprs = expressionsByIdentity(ir);
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of exprs.get(id) ?? []) for (const r of referencesOf(e)) if (!seen.has(r)) todo.push(r);
  }
  return seen;
}

/**
 * An expression with only its meaning: spans and formula texts dropped, and references to a
 * parameter or a definition both written `{ k: 'ref' }` — a variant that turns a parameter into a
 * formula changes that one declaration, not every formula that uses it.
 */
export function normalize(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalize);
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  if (o['k'] === 'param') return { k: 'ref', name: o['name'] };
  if (o['k'] === 'def') return { k: 'ref', name: o['key'] };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o).sort()) if (key !== 'at' && key !== 'src') out[key] = normalize(o[key]);
  return out;
}

/** A stable text of a JSON value with sorted keys: equal texts mean equal values. */
export function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** Structural equality of two IR fragments, ignoring spans and texts. */
export const sameMeaning = (a: unknown, b: unknown): boolean =>
  canonical(normalize(a)) === canonical(normalize(b));

/** A valuation that gives € 0 (with or without a message): the activity kind is not valued. */
export function isValued(v: IrValuation): boolean {
  const zero = (e: IrExpr): boolean => e.k === 'const' && 'num' in e.v && e.v.num === '0';
  return !(zero(v.expr) || (v.expr.k === 'message' && zero(v.expr.x)));
}

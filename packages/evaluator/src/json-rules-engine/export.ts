// IR → json-rules-engine: every decision of a ruleset (a condition of `als`, a requirement, a
// sum's filter, a table row, a route cap biting) becomes a stock json-rules-engine 7 rule; what
// json-rules-engine cannot do (arithmetic, sums over activities, choosing a dated version) stays
// in a model of formulas that the adapter (adapter.ts) computes, asking the engine for every
// decision. The formulas are the IR's expressions with each decision replaced by its rule's name.
import type { IrDocument, IrExpr, IrType, IrValue } from '@sroi/core';
import { irSha256 } from '../audit.js';

/** The export's format, in its `format` field; the adapter refuses any other. */
export const JRE_FORMAT = 'sroi-json-rules-engine/1';

/**
 * A formula: an IR expression in which every decision is `{ k: 'rule', name }` (the engine
 * decides it), plus what rules compare: `sign` (the exact sign of l − r for numbers; 0 when
 * equal, 1 otherwise for text and yes/no), `arg` (a table's i-th input) and `local` (a route's
 * total and cap, for its cap rule).
 */
export type Formula =
  | Exclude<IrExpr, { k: 'if' | 'sum' | 'table' | 'cmp' | 'and' | 'or' | 'not' | 'in' | 'known' }>
  | { k: 'rule'; name: string }
  | { k: 'if'; rule: string; t: Formula; e: Formula }
  | { k: 'sum'; over: 'activity' | 'route'; body: Formula; filter?: string }
  | { k: 'table'; name: string; args: Formula[] }
  | { k: 'sign'; l: Formula; r: Formula }
  | { k: 'arg'; i: number }
  | { k: 'local'; name: 'totaal' | 'maximum' };

/** A json-rules-engine condition (the subset the export writes). */
export type JreCondition = (
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { not: JreCondition }
  | { fact: 'sroi'; params: { formula: Formula }; operator: string; value: unknown }
) & { priority?: number };

/**
 * The left operand of `en`/`of` is decided first and the right one only when it matters, as the
 * evaluator does: json-rules-engine evaluates a higher `priority` first and stops an `all` at the
 * first failure and an `any` at the first success.
 */
const first = (c: JreCondition): JreCondition => ({ ...c, priority: 2 });
const then = (c: JreCondition): JreCondition => ({ ...c, priority: 1 });

/** A json-rules-engine rule: its conditions decide; its event names the decision. */
export interface JreRule {
  name: string;
  conditions: { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition };
  event: { type: 'beslissing'; params: { rule: string } };
}

export interface JreDocument {
  format: typeof JRE_FORMAT;
  regeling: string;
  versie?: string;
  irSha256: string;
  rules: JreRule[];
  model: {
    referenceDate: string;
    periods: { name: string; from: string; to: string }[];
    parameters: { name: string; versions: { from?: string; value: IrValue }[] }[];
    tables: {
      name: string;
      hitPolicy: 'uniek' | 'eerste' | 'som';
      single: boolean;
      outputs: string[];
      versions: { from?: string; rows: { rule: string; then: Formula[] }[] }[];
    }[];
    definitions: { key: string; scope?: string; expr: Formula }[];
    valuations: { kind: string; requirements: string[]; expr: Formula }[];
    routes: { name: string; label: string; kinds: string[]; cap?: { expr: Formula; bites: string } }[];
    outcomes: { name: string; type: IrType; expr: Formula }[];
  };
}

/** Operators of an exact sign compared with 0, per IR comparison. */
const signOperator = {
  '=': 'equal',
  '≠': 'notEqual',
  '<': 'lessThan',
  '≤': 'lessThanInclusive',
  '>': 'greaterThan',
  '≥': 'greaterThanInclusive',
} as const;

/**
 * Translates a validated IR document. Every construct of the IR has a translation (the
 * arithmetic stays in formulas), so nothing is refused; a rule's melding text is left out.
 */
export function toJsonRulesEngine(ir: IrDocument): JreDocument {
  const rules: JreRule[] = [];

  const rule = (name: string, conditions: JreCondition): string => {
    rules.push({
      name,
      conditions:
        'all' in conditions || 'any' in conditions || 'not' in conditions
          ? conditions
          : { all: [conditions] },
      event: { type: 'beslissing', params: { rule: name } },
    });
    return name;
  };

  /** A boolean IR expression as a json-rules-engine condition. */
  const condition = (e: IrExpr, where: string): JreCondition => {
    switch (e.k) {
      case 'and':
        return { all: [first(condition(e.l, where)), then(condition(e.r, where))] };
      case 'or':
        return { any: [first(condition(e.l, where)), then(condition(e.r, where))] };
      case 'not':
        return { not: condition(e.x, where) };
      case 'cmp':
        return leaf({ k: 'sign', l: formula(e.l, where), r: formula(e.r, where) }, signOperator[e.op], 0);
      case 'in': {
        const x = formula(e.x, where);
        const found: JreCondition = {
          any: e.options.map((o) => leaf({ k: 'sign', l: x, r: formula(o, where) }, 'equal', 0)),
        };
        return e.negated ? { not: found } : found;
      }
      case 'known':
        return leaf(formula(e.x, where), 'notEqual', null);
      default:
        return leaf(formula(e, where), 'equal', true);
    }
  };
  const leaf = (f: Formula, operator: string, value: unknown): JreCondition => ({
    fact: 'sroi',
    params: { formula: f },
    operator,
    value,
  });

  let counter = 0;
  /** An IR expression as a formula: its decisions become rules named after `where`. */
  const formula = (e: IrExpr, where: string): Formula => {
    switch (e.k) {
      case 'if':
        return {
          k: 'if',
          rule: rule(`${where}: als ${e.src} #${++counter}`, condition(e.c, where)),
          t: formula(e.t, where),
          e: formula(e.e, where),
        };
      case 'sum':
        return {
          k: 'sum',
          over: e.over,
          body: formula(e.body, where),
          ...(e.filter ? { filter: rule(`${where}: filter #${++counter}`, condition(e.filter, where)) } : {}),
        };
      case 'table':
        return { k: 'table', name: e.name, args: e.args.map((a) => formula(a, where)) };
      case 'cmp':
      case 'and':
      case 'or':
      case 'not':
      case 'in':
      case 'known':
        return { k: 'rule', name: rule(`${where}: voorwaarde #${++counter}`, condition(e, where)) };
      case 'member':
        return { ...e, of: formula(e.of, where) } as Formula;
      case 'neg':
        return { k: 'neg', x: formula(e.x, where) } as Formula;
      case 'arith':
        return { k: 'arith', op: e.op, l: formula(e.l, where), r: formula(e.r, where) } as Formula;
      case 'min':
      case 'max':
        return { k: e.k, args: e.args.map((a) => formula(a, where)) } as Formula;
      case 'default':
        return { k: 'default', x: formula(e.x, where), fallback: formula(e.fallback, where) } as Formula;
      case 'months':
        return { k: 'months', from: formula(e.from, where), to: formula(e.to, where) } as Formula;
      case 'round':
        return { k: 'round', x: formula(e.x, where), q: formula(e.q, where), mode: e.mode } as Formula;
      case 'message':
        // A rule's melding is text for people, not an amount: the export keeps the value and
        // leaves the text out (see docs/embedding.md).
        return formula(e.x, where);
      case 'const':
      case 'field':
      case 'attr':
      case 'param':
      case 'def':
      case 'outcome':
      case 'refdate':
        return e;
    }
    // Every node of the IR has a translation above; the validator refuses any other.
    throw new Error(`Internal error: no translation of IR node ${(e as { k: string }).k} (${where})`);
  };

  /** A table row's cells as conditions on the table's inputs. */
  const rowCondition = (
    when: IrDocument['tables'][number]['versions'][number]['rows'][number]['when'],
  ): JreCondition => ({
    all: when.flatMap((cell, i): JreCondition[] => {
      if ('any' in cell) return [];
      if ('in' in cell)
        return [
          {
            any: cell.in.map((v) =>
              leaf({ k: 'sign', l: { k: 'arg', i }, r: { k: 'const', v } }, 'equal', 0),
            ),
          },
        ];
      return cell.cmp.map(([op, v]) =>
        leaf({ k: 'sign', l: { k: 'arg', i }, r: { k: 'const', v } }, signOperator[op], 0),
      );
    }),
  });

  const model: JreDocument['model'] = {
    referenceDate: ir.referenceDate,
    periods: ir.periods.map((p) => ({ name: p.name, from: p.from, to: p.to })),
    parameters: ir.parameters.map((p) => ({
      name: p.name,
      versions: p.versions.map((v) => ({ ...(v.from ? { from: v.from } : {}), value: v.value })),
    })),
    tables: ir.tables.map((t) => ({
      name: t.name,
      hitPolicy: t.hitPolicy,
      single: t.single,
      outputs: t.outputs.map((o) => o.name),
      versions: t.versions.map((v, vi) => ({
        ...(v.from ? { from: v.from } : {}),
        rows: v.rows.map((row, ri) => ({
          rule: rule(
            `tabel ${t.name}${v.from ? ` vanaf ${v.from}` : ''} rij ${ri + 1} (${vi + 1})`,
            rowCondition(row.when),
          ),
          then: row.then.map((x) => formula(x, `tabel ${t.name} rij ${ri + 1}`)),
        })),
      })),
    })),
    definitions: ir.definitions.map((d) => ({
      key: d.key,
      ...(d.scope ? { scope: d.scope } : {}),
      expr: formula(d.expr, `definitie ${d.name}`),
    })),
    valuations: ir.valuations.map((v) => ({
      kind: v.kind,
      requirements: v.requirements.map((r, i) =>
        rule(`waardering ${v.kind}: vereist ${r.src} #${i + 1}`, condition(r.when, `waardering ${v.kind}`)),
      ),
      expr: formula(v.expr, `waardering ${v.kind}`),
    })),
    routes: ir.routes.map((r) => ({
      name: r.name,
      label: r.label,
      kinds: r.kinds,
      ...(r.cap
        ? {
            cap: {
              expr: formula(r.cap.expr, `maximum ${r.name}`),
              bites: rule(
                `maximum ${r.name}: totaal > maximum`,
                leaf(
                  { k: 'sign', l: { k: 'local', name: 'totaal' }, r: { k: 'local', name: 'maximum' } },
                  'greaterThan',
                  0,
                ),
              ),
            },
          }
        : {}),
    })),
    outcomes: ir.outcomes.map((o) => ({
      name: o.name,
      type: o.type,
      expr: formula(o.expr, `uitkomst ${o.name}`),
    })),
  };
  return {
    format: JRE_FORMAT,
    regeling: ir.ruleset.name,
    ...(ir.ruleset.version !== undefined ? { versie: ir.ruleset.version } : {}),
    irSha256: irSha256(ir),
    rules,
    model,
  };
}

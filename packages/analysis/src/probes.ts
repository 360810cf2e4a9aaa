// Where a ruleset's outcome can jump: the constants its rules compare contract and activity fields
// with (thresholds, month limits, percentages, table bounds), found in the IR. The boundary search
// builds its candidate contracts just below, at and just above each of them.
import { irNumber, type Rational, type IrDocument, type IrExpr } from '@sroi/core';
import { indexIr, templateExprs, walk, type IrIndex } from './ir-walk.js';
import { placeOf, type Place, type ReviewedRuleset } from './ruleset.js';
import { fieldSpec, isNumeric } from './values.js';

/** Which rule a probe comes from. */
export interface ProbeOrigin {
  /** Index of the ruleset (0: A, 1: B). */
  readonly side: number;
  /** "definitie binnen_bereik", "waardering plaatsing", "tabel leerling_norm". */
  readonly rule: string;
  /** The comparison as written in the IR (≥, >, min, tabel). */
  readonly op: string;
  readonly place?: Place;
}

/** A value a field is compared with, in IR units (cents, ratios, months). */
export interface Probe {
  readonly scope: 'contract' | 'activity';
  /** The activity kinds whose rules compare it (absent for the contract). */
  readonly kinds?: readonly string[];
  readonly field: string;
  readonly value: Rational;
  readonly origin: ProbeOrigin;
}

interface FieldRef {
  readonly scope: 'contract' | 'activity';
  readonly name: string;
}

const MAX_DEPTH = 6;

/** The field an expression is "about": `activiteit.maanden` in `min(activiteit.maanden, 24)`. */
function fieldOf(e: IrExpr, idx: IrIndex, depth = 0): FieldRef | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (e.k) {
    case 'field':
      return { scope: e.scope, name: e.name };
    case 'default':
    case 'round':
      return fieldOf(e.x, idx, depth + 1);
    case 'min':
    case 'max':
      for (const a of e.args) {
        const f = fieldOf(a, idx, depth + 1);
        if (f) return f;
      }
      return undefined;
    case 'def': {
      const d = idx.definitions.get(e.key);
      return d ? fieldOf(d.expr, idx, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The constant values an expression can take (parameters in every version, table outputs). */
function constantsOf(e: IrExpr, idx: IrIndex, depth = 0): Rational[] {
  if (depth > MAX_DEPTH) return [];
  const next = (x: IrExpr) => constantsOf(x, idx, depth + 1);
  switch (e.k) {
    case 'const': {
      const r = irNumber(e.v);
      return r ? [r] : [];
    }
    case 'neg':
      return next(e.x).map((r) => r.neg());
    case 'param':
      return (idx.parameters.get(e.name)?.versions ?? []).flatMap((v) => {
        const r = irNumber(v.value);
        return r ? [r] : [];
      });
    case 'def': {
      const d = idx.definitions.get(e.key);
      return d ? next(d.expr) : [];
    }
    case 'table':
      return tableOutputs(idx, e.name, 0);
    case 'member': {
      if (e.of.k !== 'table') return [];
      const t = idx.tables.get(e.of.name);
      const column = t?.outputs.findIndex((c) => c.name === e.field) ?? -1;
      return column >= 0 ? tableOutputs(idx, e.of.name, column) : [];
    }
    case 'default':
      return [...next(e.x), ...next(e.fallback)];
    case 'min':
    case 'max':
      return e.args.flatMap(next);
    case 'if':
      return [...next(e.t), ...next(e.e)];
    case 'round':
      return next(e.x);
    default:
      return [];
  }
}

function tableOutputs(idx: IrIndex, name: string, column: number): Rational[] {
  const t = idx.tables.get(name);
  if (!t) return [];
  return t.versions.flatMap((v) =>
    v.rows.flatMap((r) => {
      const out = r.then[column];
      const value = out?.k === 'const' ? irNumber(out.v) : undefined;
      return value ? [value] : [];
    }),
  );
}

/** Every rule of a ruleset with its expressions and the activity kind it is about. */
function rules(
  ir: IrDocument,
): { rule: string; kind?: string; at?: IrDocument['definitions'][number]['at']; exprs: IrExpr[] }[] {
  return [
    ...ir.definitions.map((d) => ({
      rule: `definitie ${d.name}`,
      ...(d.scope ? { kind: d.scope } : {}),
      at: d.at,
      exprs: [d.expr],
    })),
    ...ir.valuations.map((v) => ({
      rule: `waardering ${v.kind}`,
      kind: v.kind,
      at: v.at,
      exprs: [v.expr, ...v.requirements.flatMap((r) => [r.when, ...templateExprs(r.message)])],
    })),
    ...ir.routes.flatMap((r) =>
      r.cap ? [{ rule: `maximum ${r.name}`, at: r.cap.at, exprs: [r.cap.expr] }] : [],
    ),
    ...ir.outcomes.map((o) => ({ rule: `uitkomst ${o.name}`, at: o.at, exprs: [o.expr] })),
  ];
}

/** The probes of one ruleset; `side` numbers it in a comparison. */
export function probesOf(r: ReviewedRuleset, side: number): Probe[] {
  const idx = indexIr(r.ir);
  const out: Probe[] = [];
  for (const { rule, kind, at, exprs } of rules(r.ir)) {
    const place = placeOf(r, at);
    const add = (f: FieldRef | undefined, values: readonly Rational[], op: string) => {
      if (!f) return;
      const spec = fieldSpec(f.scope, f.name, kind);
      if (!spec || !isNumeric(spec.type)) return;
      for (const value of values)
        out.push({
          scope: f.scope,
          ...(f.scope === 'activity' && kind ? { kinds: [kind] } : {}),
          field: f.name,
          value,
          origin: { side, rule, op, ...(place ? { place } : {}) },
        });
    };
    for (const e of exprs.flatMap((x) => [...walk(x)])) {
      if (e.k === 'cmp') {
        add(fieldOf(e.l, idx), constantsOf(e.r, idx), e.op);
        add(fieldOf(e.r, idx), constantsOf(e.l, idx), e.op);
      } else if (e.k === 'min' || e.k === 'max') {
        for (const [i, x] of e.args.entries())
          add(
            fieldOf(x, idx),
            e.args.filter((_, j) => j !== i).flatMap((y) => constantsOf(y, idx)),
            e.k,
          );
      } else if (e.k === 'table') {
        const t = idx.tables.get(e.name);
        if (!t) continue;
        for (const [i, x] of e.args.entries()) {
          const values = t.versions.flatMap((v) =>
            v.rows.flatMap((row) => {
              const cell = row.when[i];
              if (!cell || 'any' in cell) return [];
              const vals = 'in' in cell ? cell.in : cell.cmp.map(([, v]) => v);
              return vals.flatMap((v) => irNumber(v) ?? []);
            }),
          );
          add(fieldOf(x, idx), values, `tabel ${t.name}`);
        }
      }
    }
  }
  return out;
}

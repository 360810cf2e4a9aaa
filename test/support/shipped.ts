// The shipped rulesets as plans, for the engine's property suites: compiled once per test file,
// with helpers to read result amounts as exact cents and to edit an IR's tariffs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSource } from '@sroi/compiler';
import { type IrDocument, type IrType, type Language } from '@sroi/core';
import { Plan, type EvaluationResult } from '@sroi/evaluator';
import { fileHost } from './host.js';

export const rulesetDir = join(import.meta.dirname, '../../rulesets');

/** The rulesets the engine's invariants are checked on. */
export const shippedRulesets = [
  'rijnmond-2023-2027.sroi',
  'rijnmond-2019-2023.sroi',
  'haaglanden-zhc-2023.sroi',
] as const;

/** Compiles a shipped ruleset to IR (an error in it fails the test that asked). */
export function shippedIr(file: string): IrDocument {
  const path = join(rulesetDir, file);
  const compiled = compileSource(path, readFileSync(path, 'utf8'), fileHost);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !compiled.ir) throw new Error(`${file} does not compile: ${JSON.stringify(errors)}`);
  return compiled.ir;
}

/** A plan from IR that must validate. */
export function planOf(ir: unknown): Plan {
  const plan = Plan.fromIr(ir);
  if (!plan.value) throw new Error(`IR refused: ${JSON.stringify(plan.diagnostics)}`);
  return plan.value;
}

/** A result amount ("1234.56", "-0.01") as whole cents; refuses anything that is not two decimals. */
export function cents(text: string | undefined): bigint {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(text ?? '');
  if (!m) throw new Error(`not an amount with two decimals: ${String(text)}`);
  const value = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -value : value;
}

/** Evaluates a contract that must be valid and evaluable; the result or a thrown explanation. */
export function mustEvaluate(
  plan: Plan,
  contract: unknown,
  options: Parameters<Plan['evaluate']>[1] = {},
): EvaluationResult {
  const r = plan.evaluate(contract, options);
  if (!r.value) throw new Error(`not evaluated: ${JSON.stringify(r.diagnostics)}`);
  return r.value;
}

/**
 * A result without what only an explanation adds: `uitleg` at every level, and the source place
 * (`plaats`) of a melding, which the tracer looks up. For comparing engines.
 */
export function withoutExplanations(result: EvaluationResult): unknown {
  const { uitleg: _u, ...rest } = result;
  return {
    ...rest,
    meldingen: result.meldingen.map(({ plaats: _p, ...m }) => m),
    waarderingen: result.waarderingen.map(({ uitleg: _w, ...w }) => w),
    routes: result.routes.map(({ uitleg: _r, ...r }) => r),
  };
}

/** Types whose values are tariffs: money, money per unit of time, and percentages. */
const isTariffType = (t: IrType): boolean => t.t === 'bedrag' || t.t === 'tarief' || t.t === 'percentage';

/**
 * One place where a tariff's value stands in the IR: a version of a parameter, or one output
 * cell of a table row (a constant of money, a rate or a percentage).
 */
export interface TariffSite {
  /** "parameter drempel vanaf 2023-07-01", "tabel jaarwaarde_plaatsing vanaf 2025-07-01 rij 3". */
  readonly label: string;
  /** The parameter or table name. */
  readonly name: string;
  /** The version's start date, if it has one. */
  readonly from: string | undefined;
  /** The value as IR text ("1000000/3"). */
  readonly value: string;
  /** A copy of `ir` with this site's value replaced. */
  readonly replace: (ir: IrDocument, value: string) => IrDocument;
}

/** Every tariff value of a ruleset: parameter versions and table cells of money or percentage type. */
export function tariffSites(ir: IrDocument): TariffSite[] {
  const sites: TariffSite[] = [];
  ir.parameters.forEach((p, pi) => {
    if (!isTariffType(p.type)) return;
    p.versions.forEach((v, vi) => {
      if (!('num' in v.value)) return;
      sites.push({
        label: `parameter ${p.name}${v.from ? ` vanaf ${v.from}` : ''}`,
        name: p.name,
        from: v.from,
        value: v.value.num,
        replace: (doc, value) => {
          const copy = structuredClone(doc);
          copy.parameters[pi]!.versions[vi]!.value = { num: value };
          return copy;
        },
      });
    });
  });
  ir.tables.forEach((t, ti) => {
    t.outputs.forEach((o, oi) => {
      if (!isTariffType(o.type)) return;
      t.versions.forEach((v, vi) => {
        v.rows.forEach((row, ri) => {
          const cell = row.then[oi];
          if (cell?.k !== 'const' || !('num' in cell.v)) return;
          sites.push({
            label: `tabel ${t.name}${v.from ? ` vanaf ${v.from}` : ''} rij ${ri + 1}${t.single ? '' : ` ${o.name}`}`,
            name: t.name,
            from: v.from,
            value: cell.v.num,
            replace: (doc, value) => {
              const copy = structuredClone(doc);
              copy.tables[ti]!.versions[vi]!.rows[ri]!.then[oi] = { k: 'const', v: { num: value } };
              return copy;
            },
          });
        });
      });
    });
  });
  return sites;
}

/** An IR rational text plus a non-negative rational `n/d`, as IR text. */
export function addRational(value: string, n: bigint, d: bigint): string {
  const [a, b = '1'] = value.split('/');
  const num = BigInt(a!) * d + n * BigInt(b);
  const den = BigInt(b) * d;
  const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : gcd(y, x % y));
  const g = gcd(num, den) || 1n;
  return den / g === 1n ? `${num / g}` : `${num / g}/${den / g}`;
}

/**
 * The result of one contract (no explanation) as JSON text (key order included: what `sroi eval
 * --json` prints) from each engine: the generated code's (`engine: 'compiled'`) and the reference's.
 */
export function resultJsonByBothEngines(
  plan: Plan,
  contract: unknown,
  lang: Language,
): { compiled: string; reference: string } {
  const json = (engine: 'compiled' | 'reference') =>
    JSON.stringify(plan.evaluate(contract, { lang, engine }));
  return { compiled: json('compiled'), reference: json('reference') };
}

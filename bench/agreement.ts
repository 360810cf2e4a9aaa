// Before anything is timed: the baselines must compute what the evaluator computes. The
// hand-written function and the json-rules-engine encoding are held to `plan.compute` on every
// contract, and to the result text of `plan.evaluate` (both engines) on a sample.
import type { FastResult, Plan } from '@sroi/evaluator';
import type { Contract } from './contracts.js';
import { rijnmond20232027, type HandResult } from './hand-written/rijnmond-2023-2027.js';
import type { RijnmondRulesEngine } from './json-rules-engine/rijnmond-2023-2027.js';

const OUTCOMES = ['verplichting', 'gerealiseerd', 'restant', 'percentage', 'boete'] as const;

/** Cents as the result format prints them: "1234.56". */
const money = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** The hand result's outcome in the plan's unit: cents, and the percentage as a ratio (÷ 10.000). */
function expected(h: HandResult, name: (typeof OUTCOMES)[number]): [number, number] | null {
  if (name === 'percentage') return h.percentage === null ? null : [h.percentage, 10_000];
  return [h[name], 1];
}

/** Where a fast result differs from the hand result, or undefined when they agree. */
function differenceFast(plan: Plan, fast: FastResult | undefined, h: HandResult): string | undefined {
  if (!fast) return 'plan.compute gave no result (reference evaluator needed)';
  for (const name of OUTCOMES) {
    const i = plan.ir.outcomes.findIndex((o) => o.name === name);
    const n = fast.outcomes[2 * i]!;
    const d = fast.outcomes[2 * i + 1]!;
    const e = expected(h, name);
    const same = e === null ? Number.isNaN(n) : !Number.isNaN(n) && n * e[1] === e[0] * d;
    if (!same) return `${name}: plan ${n}/${d}, expected ${e ? `${e[0]}/${e[1]}` : 'unknown'}`;
  }
  if (fast.valuations.length < h.waarderingen.length) return 'number of valuations';
  for (let j = 0; j < h.waarderingen.length; j++)
    if (fast.valuations[j] !== h.waarderingen[j])
      return `waardering ${j + 1}: plan ${fast.valuations[j]}, expected ${h.waarderingen[j]}`;
  return undefined;
}

interface ResultText {
  verplichting: string;
  waarderingen: { bedrag: string }[];
  gerealiseerd: string;
  restant: string;
  percentage?: string;
  boete: string;
}

/** Where an evaluate result (JSON text fields) differs from the hand result. */
function differenceText(r: ResultText | undefined, h: HandResult): string | undefined {
  if (!r) return 'plan.evaluate gave diagnostics';
  const want: Record<string, string | undefined> = {
    verplichting: money(h.verplichting),
    gerealiseerd: money(h.gerealiseerd),
    restant: money(h.restant),
    percentage: h.percentage === null ? undefined : money(h.percentage),
    boete: money(h.boete),
  };
  const got: Record<string, string | undefined> = {
    verplichting: r.verplichting,
    gerealiseerd: r.gerealiseerd,
    restant: r.restant,
    percentage: r.percentage,
    boete: r.boete,
  };
  for (const [k, v] of Object.entries(want))
    if (got[k] !== v) return `${k}: plan "${got[k]}", expected "${v}"`;
  const w = r.waarderingen.map((x) => x.bedrag).join(' ');
  const hw = h.waarderingen.map(money).join(' ');
  return w === hw ? undefined : `waarderingen: plan ${w}, expected ${hw}`;
}

export interface Agreement {
  contracts: number;
  textSample: number;
  referenceSample: number;
  rulesEngine: number;
  problems: string[];
}

/**
 * Compares the baselines with the evaluator: hand vs `plan.compute` on every contract, hand vs
 * `plan.evaluate` (generated code and reference engine) on every `sampleEvery`-th, and the
 * json-rules-engine encoding vs hand on every contract when given. With `fastPath: false`, a
 * contract the generated code hands to the reference evaluator is not a disagreement.
 */
export async function checkAgreement(
  plan: Plan,
  contracts: readonly Contract[],
  options: { sampleEvery?: number; rulesEngine?: RijnmondRulesEngine; fastPath?: boolean } = {},
): Promise<Agreement> {
  const sampleEvery = options.sampleEvery ?? 10;
  const problems: string[] = [];
  const out = plan.compiled.newResult();
  let textSample = 0;
  let referenceSample = 0;
  let rulesEngine = 0;
  const report = (i: number, what: string, diff: string) => {
    if (problems.length < 20) problems.push(`contract ${i} (${contracts[i]!.id}) ${what}: ${diff}`);
    else if (problems.length === 20) problems.push('...');
  };
  for (const [i, c] of contracts.entries()) {
    const h = rijnmond20232027(c);
    const valid = plan.validate(c);
    if (!valid.value) {
      report(i, 'validate', valid.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`).join('; '));
      continue;
    }
    // A synthesized ruleset may leave the fast path (numbers beyond 2^53): then only results count.
    const fast = plan.compute(valid.value, out);
    const diff = fast || options.fastPath !== false ? differenceFast(plan, fast, h) : undefined;
    if (diff) report(i, 'hand-written vs plan.compute', diff);
    if (i % sampleEvery === 0) {
      textSample++;
      const text = differenceText(plan.evaluate(c).value as ResultText | undefined, h);
      if (text) report(i, 'hand-written vs plan.evaluate', text);
    }
    if (i % (sampleEvery * 10) === 0) {
      referenceSample++;
      const ref = differenceText(
        plan.evaluate(c, { engine: 'reference' }).value as ResultText | undefined,
        h,
      );
      if (ref) report(i, 'hand-written vs plan.evaluate (reference engine)', ref);
    }
    if (options.rulesEngine) {
      rulesEngine++;
      const j = await options.rulesEngine.evaluate(c);
      if (JSON.stringify(j) !== JSON.stringify(h))
        report(i, 'json-rules-engine vs hand-written', `${JSON.stringify(j)} ≠ ${JSON.stringify(h)}`);
    }
  }
  return { contracts: contracts.length, textSample, referenceSample, rulesEngine, problems };
}

// Checking a ruleset's properties (`eigenschap`) with generated contracts: fast-check draws
// contracts the ruleset accepts, and shrinks a failure to a small counterexample, printed as
// JSON and as a ready-to-paste `voorbeeld`, with the seed to reproduce it.
import fc from 'fast-check';
import { formatMoney, isStandardOutcome, Rational, renderMessage, type Language } from '@sroi/core';
import type { EvaluationResult, Plan } from '@sroi/evaluator';
import { activityArbitrary, contractArbitrary, type ContractShape } from './arbitrary.js';
import { voorbeeldText } from './voorbeeld.js';

export interface PropertyOutcome {
  readonly title: string;
  readonly passed: boolean;
  readonly runs: number;
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample. */
  readonly path?: string;
  readonly counterexample?: unknown;
  /** The counterexample as a `voorbeeld` block, with the outcomes it gives. */
  readonly voorbeeld?: string;
  /** Why it failed: the values that break it, or an evaluation error. */
  readonly reason?: string;
}

export interface PropertyOptions {
  readonly runs?: number;
  readonly seed?: number;
  readonly lang?: Language;
}

const shapeOf = (plan: Plan): ContractShape => ({
  enumerations: plan.enumerations,
  periods: plan.ir.periods,
  referenceDate: plan.ir.referenceDate,
});

/** The amount a result gives for a target: an outcome, or the valuation of activity `index`. */
function amount(
  r: EvaluationResult,
  target: { outcome: string } | { valuation: true },
  index: number,
): Rational | undefined {
  let text: string | undefined;
  if ('valuation' in target) text = r.waarderingen[index]?.bedrag;
  else if (isStandardOutcome(target.outcome))
    text = (r as unknown as Record<string, string | undefined>)[target.outcome];
  else text = r.overige?.[target.outcome];
  return text === undefined ? undefined : Rational.parse(text);
}

/** Raises a numeric input field by a positive step, staying within its bounds. */
function raised(value: unknown, step: number, field: string): unknown {
  if (typeof value === 'string') {
    const cents = Math.round(Number(value) * 100) + step * 100;
    return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  }
  const n = typeof value === 'number' ? value : 0;
  if (field === 'fte') return Math.min(1.5, Math.round((n + step / 100) * 100) / 100);
  if (field === 'maanden') return Math.min(120, n + step);
  if (field === 'arbeidsaandeel' || field.startsWith('aandeel')) return Math.min(100, n + step);
  return n + step;
}

interface Verdict {
  readonly ok: boolean;
  readonly reason?: string;
}

export function runProperties(plan: Plan, options: PropertyOptions = {}): PropertyOutcome[] {
  const runs = options.runs ?? 200;
  const lang = options.lang ?? 'nl';
  const problems = (
    ds: readonly { code: Parameters<typeof renderMessage>[0]; args: Parameters<typeof renderMessage>[1] }[],
  ) => ds.map((d) => `${d.code}: ${renderMessage(d.code, d.args, lang)}`).join('; ');
  return plan.ir.properties.map((p, index) => {
    const seed = options.seed ?? (Date.now() ^ (index * 0x9e3779b9)) | 0;
    // One verdict function per property: used by fast-check, then again on the shrunk counterexample.
    let verdict: (args: unknown[]) => Verdict;
    let arbitraries: fc.Arbitrary<unknown>[];
    if (p.expr) {
      arbitraries = [contractArbitrary(shapeOf(plan))];
      verdict = ([c]) => {
        const valid = plan.validate(c).value;
        // Generated contracts are valid; a generator bug must not pass for a failing property.
        if (!valid) return { ok: false, reason: problems(plan.validate(c).diagnostics) };
        const holds = plan.propertyHolds(valid, index);
        if (holds.value === undefined) return { ok: false, reason: problems(holds.diagnostics) };
        return { ok: holds.value };
      };
    } else {
      const m = p.monotone!;
      const shape = shapeOf(plan);
      arbitraries = [
        m.field.scope === 'activity'
          ? fc
              .tuple(contractArbitrary(shape), activityArbitrary(m.field.kind!, shape))
              .map(([c, a]) => ({ ...c, activiteiten: [...(c['activiteiten'] as unknown[]), a] }))
          : contractArbitrary(shape),
        fc.nat(),
        fc.integer({ min: 1, max: 24 }),
      ];
      verdict = ([contract, pick, step]) => {
        const c = contract as Record<string, unknown>;
        const acts = c['activiteiten'] as Record<string, unknown>[];
        const candidates = acts.map((a, i) => ({ a, i })).filter(({ a }) => a['soort'] === m.field.kind);
        const target =
          m.field.scope === 'activity'
            ? candidates[(pick as number) % Math.max(1, candidates.length)]
            : undefined;
        if (m.field.scope === 'activity' && !target) return { ok: true };
        const before = m.field.scope === 'contract' ? c[m.field.name] : target!.a[m.field.name];
        const after = raised(before, step as number, m.field.name);
        const higher =
          m.field.scope === 'contract'
            ? { ...c, [m.field.name]: after }
            : {
                ...c,
                activiteiten: acts.map((a, i) => (i === target!.i ? { ...a, [m.field.name]: after } : a)),
              };
        const r1 = plan.evaluate(c);
        const r2 = plan.evaluate(higher);
        if (!r1.value || !r2.value)
          return { ok: false, reason: problems([...r1.diagnostics, ...r2.diagnostics]) };
        const x = amount(r1.value, m.target, target?.i ?? 0);
        const y = amount(r2.value, m.target, target?.i ?? 0);
        if (!x || !y) return { ok: true }; // an absent outcome (no percentage) has nothing to compare
        if (m.direction === 'stijgend' ? y.ge(x) : y.le(x)) return { ok: true };
        const what = 'valuation' in m.target ? `waardering ${(target?.i ?? 0) + 1}` : m.target.outcome;
        const field =
          m.field.scope === 'contract'
            ? `contract.${m.field.name}`
            : `${m.field.kind}.${m.field.name} (activiteit ${(target?.i ?? 0) + 1})`;
        return {
          ok: false,
          reason: `${what} gaat van ${formatMoney(x.mul(Rational.of(100)))} naar ${formatMoney(y.mul(Rational.of(100)))} als ${field} toeneemt van ${String(before)} naar ${String(after)}`,
        };
      };
    }
    const property = fc.property(fc.tuple(...arbitraries), (args) => verdict(args).ok);
    const details = fc.check(property, { numRuns: runs, seed }) as fc.RunDetails<[unknown[]]>;
    if (!details.failed || !details.counterexample)
      return { title: p.title, passed: !details.failed, runs: details.numRuns, seed };
    const args = details.counterexample[0];
    const counterexample = args[0] as Record<string, unknown>;
    const { reason } = verdict(args);
    const result = plan.evaluate(counterexample).value;
    return {
      title: p.title,
      passed: false,
      runs: details.numRuns,
      seed: details.seed,
      ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
      counterexample,
      ...(result ? { voorbeeld: voorbeeldText(`Tegenvoorbeeld: ${p.title}`, counterexample, result) } : {}),
      ...(reason ? { reason } : {}),
    };
  });
}

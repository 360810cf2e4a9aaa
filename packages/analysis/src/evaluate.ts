// Asking a ruleset about a contract on a chosen reference date, and the part of a result a review
// compares: obligation, each activity's value, realisation and penalty.
import {
  formatIsoDate,
  parseIsoDate,
  renderMessage,
  type Diagnostic,
  type Language,
  type Result,
} from '@sroi/core';
import type { EvaluationResult } from '@sroi/evaluator';
import { moveIntoPeriods } from './periods.js';
import type { ReviewedRuleset } from './ruleset.js';

/** The outcomes a review compares, in the result format ("2500.00"), or why there are none. */
export interface OutcomeSummary {
  readonly verplichting?: string;
  readonly waarderingen?: readonly string[];
  readonly gerealiseerd?: string;
  readonly boete?: string;
  /** The ruleset refused the contract (e.g. a doelgroep it does not know). */
  readonly fout?: string;
}

/** The contract with the ruleset's reference date field set to `date`. */
export const withDate = (r: ReviewedRuleset, contract: object, date: string): Record<string, unknown> => ({
  ...contract,
  [r.ir.referenceDate]: date,
});

/** Evaluates `contract` as if its reference date were `date`. */
export function evaluateOn(
  r: ReviewedRuleset,
  contract: object,
  date: string,
  options: { explain?: boolean; lang?: Language } = {},
): Result<EvaluationResult | undefined> {
  return r.plan.evaluate(withDate(r, contract, date), options);
}

export const firstProblem = (ds: readonly Diagnostic[], lang: Language): string =>
  ds[0] ? `${ds[0].code}: ${renderMessage(ds[0].code, ds[0].args, lang)}` : '?';

export function summarize(result: Result<EvaluationResult | undefined>, lang: Language): OutcomeSummary {
  const v = result.value;
  if (!v) return { fout: firstProblem(result.diagnostics, lang) };
  return {
    verplichting: v.verplichting,
    waarderingen: v.waarderingen.map((w) => w.bedrag),
    gerealiseerd: v.gerealiseerd,
    boete: v.boete,
  };
}

/** Which of the compared outcomes differ between two summaries. */
export function differingOutcomes(x: OutcomeSummary, y: OutcomeSummary): string[] {
  const out: string[] = [];
  if (x.fout !== undefined || y.fout !== undefined) return x.fout === y.fout ? [] : ['fout'];
  if (x.verplichting !== y.verplichting) out.push('verplichting');
  if (JSON.stringify(x.waarderingen) !== JSON.stringify(y.waarderingen)) out.push('waarderingen');
  if (x.gerealiseerd !== y.gerealiseerd) out.push('gerealiseerd');
  if (x.boete !== y.boete) out.push('boete');
  return out;
}

/** The reference date a ruleset uses for a contract: its own, or moved into the ruleset's periods. */
export interface DateUsed {
  /** The contract's field that holds it (gunningsdatum). */
  readonly field: string;
  /** As the contract gives it (absent or unreadable: undefined). */
  readonly given?: string;
  readonly used: string;
  readonly moved: boolean;
}

export function dateFor(r: ReviewedRuleset, contract: unknown, fallback?: string): DateUsed | undefined {
  const field = r.ir.referenceDate;
  const raw =
    typeof contract === 'object' && contract !== null
      ? (contract as Record<string, unknown>)[field]
      : undefined;
  const day = typeof raw === 'string' ? parseIsoDate(raw) : undefined;
  if (day === undefined) {
    if (fallback === undefined) return undefined;
    const f = parseIsoDate(fallback)!;
    return { field, used: formatIsoDate(moveIntoPeriods(r.ir, f)), moved: true };
  }
  const used = moveIntoPeriods(r.ir, day);
  return { field, given: raw as string, used: formatIsoDate(used), moved: used !== day };
}

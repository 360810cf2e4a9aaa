// The shape of a result, written once: its keys in the order every writer writes them — the
// reference evaluator's object (interpret.ts), the object of a fast run and the JSON bytes of a
// batch (compiled/result.ts). A new standard outcome is one key here (and one in `EvaluationResult`).
import { isStandardOutcome, type StandardOutcome } from '@sroi/core';
import type { EvaluationResult } from './result.js';

export type ResultKey = keyof EvaluationResult;

/** Every key of a result, in its order; optional ones are left out when they have no value. */
export const resultKeys = [
  'regeling',
  'periode',
  'contract',
  'verplichting',
  'waarderingen',
  'gerealiseerd',
  'restant',
  'overschot',
  'percentage',
  'boete',
  'routes',
  'meldingen',
  'overige',
  'uitleg',
] as const satisfies readonly ResultKey[];

// Every key of EvaluationResult is listed (a key added to the type and not here fails to compile).
type Unlisted = Exclude<ResultKey, (typeof resultKeys)[number]>;
const everyKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyKeyListed;

/** Whether a key of the result holds a standard outcome (an amount, or the percentage). */
export const isOutcomeKey = (key: ResultKey): key is ResultKey & StandardOutcome => isStandardOutcome(key);

/** The values of a result by key, in any order; undefined ones are left out. */
export type ResultParts = { -readonly [K in ResultKey]?: EvaluationResult[K] };

/** A result object with its keys in the order of `resultKeys`, whatever order `parts` has. */
export function assembleResult(parts: ResultParts): EvaluationResult {
  const result: ResultParts = {};
  for (const key of resultKeys) {
    const value = parts[key];
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result as EvaluationResult;
}

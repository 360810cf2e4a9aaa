// Usage and input problems that end a command with exit code 2: shown as one clear line.
import { diagnostic, type Diagnostic } from '@sroi/core';

export class UsageError extends Error {}

/** Exit codes (README): 0 ok, 1 ruleset or example failures, 2 bad input or usage, 3 output not written. */
export const EXIT = { ok: 0, failures: 1, input: 2, output: 3, interrupted: 130, terminated: 143 } as const;

/** The diagnostic for a file whose bytes are not UTF-8 text. */
export const notText = (path: string, offset: number): Diagnostic =>
  diagnostic(
    'SR1006',
    { what: 'ongeldige UTF-8-reeks', offset },
    { span: { file: path, start: offset, end: offset + 1 } },
  );

/**
 * Evaluation problems that are the ruleset's fault (exit 1): a division by zero, a value or
 * table row missing for a date. Every other problem of an evaluation is the contract's (exit 2).
 */
export const rulesetFaults: ReadonlySet<string> = new Set(['SR5005', 'SR5007', 'SR5008', 'SR5009', 'SR5010']);

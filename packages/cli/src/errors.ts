// Usage and input problems that end a command with exit code 2: shown as one clear line.
import { diagnostic, type Diagnostic } from '@sroi/core';

export class UsageError extends Error {}

/** Exit codes (README): 0 ok, 1 ruleset or example failures, 2 bad input or usage. */
export const EXIT = { ok: 0, failures: 1, input: 2 } as const;

/** The diagnostic for a file whose bytes are not UTF-8 text. */
export const notText = (path: string, offset: number): Diagnostic =>
  diagnostic(
    'SR1006',
    { what: 'ongeldige UTF-8-reeks', offset },
    { span: { file: path, start: offset, end: offset + 1 } },
  );

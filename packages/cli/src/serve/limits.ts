// The limits of `sroi serve` (flags of the command, documented in docs/embedding.md): how much
// one request may ask of the server, so that no client can exhaust its memory or its time.
import type { Diagnostic } from '@sroi/core';

export interface ServeLimits {
  /** Bytes of a request body with one contract (`evaluate`, `compare`): `--max-body`. */
  readonly bodyBytes: number;
  /** Bytes of an `evaluate-batch` body: `--max-batch-body`. */
  readonly batchBytes: number;
  /** Lines of an `evaluate-batch` body: `--max-lines`. */
  readonly batchLines: number;
  /** Activities of one contract: `--max-activities`. */
  readonly activities: number;
  /** Milliseconds from the first byte of a request to the end of its answer: `--timeout`. */
  readonly requestMs: number;
}

export const defaultLimits: ServeLimits = {
  // A contract with a few hundred activities is some tens of kB; 1 MiB leaves room for 10^4.
  bodyBytes: 1024 * 1024,
  batchBytes: 64 * 1024 * 1024,
  batchLines: 100_000,
  activities: 10_000,
  requestMs: 30_000,
};

/** SR5254 when a contract has more activities than the limit; counted before any validation. */
export function activityLimit(json: unknown, limit: number): Diagnostic | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const list = (json as { activiteiten?: unknown }).activiteiten;
  if (!Array.isArray(list) || list.length <= limit) return undefined;
  return {
    code: 'SR5254',
    severity: 'error',
    args: { count: list.length, limit, option: '--max-activities' },
    path: 'activiteiten',
  };
}

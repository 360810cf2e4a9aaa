// One batch of contracts through the engine: the unit of work of a worker thread (and of the
// main thread when there is one worker). Plain data in and out.
import type { Diagnostic } from '@sroi/core';
import { addOutcome, emptyTotals, type WhatIfTotals } from './aggregate.js';
import type { WhatIfEngine } from './engine.js';

export interface BatchAnswer {
  readonly totals: WhatIfTotals;
  /** Per-contract CSV lines, in batch order (empty without a CSV writer). */
  readonly csv: string;
  /** Contracts the baseline could not evaluate: their index in the batch and why. */
  readonly skipped: readonly { readonly index: number; readonly diagnostics: readonly Diagnostic[] }[];
  /** Contracts a scenario could not evaluate: index, scenario, why. */
  readonly failed: readonly {
    readonly index: number;
    readonly scenario: number;
    readonly id: string;
    readonly diagnostics: readonly Diagnostic[];
  }[];
}

export function evaluateBatch(
  engine: WhatIfEngine,
  contracts: readonly unknown[],
  csvRows?: (o: NonNullable<ReturnType<WhatIfEngine['evaluate']>['value']>) => string,
  keep?: number,
): BatchAnswer {
  const totals = emptyTotals(
    engine.job.scenarios.length,
    engine.job.scenarios.map((s, i) => (engine.attributes(i) ? s.players.length : 0)),
    keep,
  );
  let csv = '';
  const skipped: BatchAnswer['skipped'][number][] = [];
  const failed: BatchAnswer['failed'][number][] = [];
  contracts.forEach((c, index) => {
    const r = engine.evaluate(c);
    if (!r.value) {
      skipped.push({ index, diagnostics: r.diagnostics });
      return;
    }
    for (const f of r.failures ?? []) failed.push({ index, id: r.value.id, ...f });
    addOutcome(totals, r.value);
    if (csvRows) csv += csvRows(r.value);
  });
  return { totals, csv, skipped, failed };
}

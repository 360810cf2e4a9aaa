// One batch of contracts through the engine: the unit of work of a worker thread (and of the
// main thread when there is one worker). Plain data in and out.
import type { Diagnostic } from '@sroi/core';
import { addOutcome, emptyTotals, type WhatIfTotals } from './aggregate.js';
import type { BaselineMemo, WhatIfEngine } from './engine.js';
import { jsonLine } from './portfolio-rows.js';

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
  /** Per contract, its baseline kept between runs (see `BaselineMemo`). */
  memos?: readonly BaselineMemo[],
  /** Whether the baselines are added to the totals (see `addOutcome`). */
  baseline = true,
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
    const r = engine.evaluate(c, memos?.[index]);
    if (!r.value) {
      skipped.push({ index, diagnostics: r.diagnostics });
      return;
    }
    for (const f of r.failures ?? []) failed.push({ index, id: r.value.id, ...f });
    addOutcome(totals, r.value, baseline);
    if (csvRows) csv += csvRows(r.value);
  });
  return { totals, csv, skipped, failed };
}

/** The answer for a chunk of JSON Lines: a batch answer, with rows instead of positions. */
export interface LinesAnswer extends BatchAnswer {
  /** The row of each contract of the batch (indexes of `skipped` and `failed` point here). */
  readonly rows: readonly number[];
  /** Lines that are not JSON (SR5301), by row. */
  readonly problems: readonly { readonly row: number; readonly diagnostic: Diagnostic }[];
}

/**
 * A chunk of whole JSON Lines (from row `firstRow` of `file`; decoded, a BOM kept), parsed and
 * evaluated here: the work of a worker thread, so the main thread only reads bytes. Lines are
 * split and read as `readJsonLines` reads them (\n, \r\n or a lone \r; blank lines skipped; a
 * BOM on row 1).
 */
export function evaluateLines(
  engine: WhatIfEngine,
  text: string,
  firstRow: number,
  file: string,
  csvRows?: Parameters<typeof evaluateBatch>[2],
  keep?: number,
): LinesAnswer {
  const lines = text.split(/\r\n|\n|\r/);
  const contracts: unknown[] = [];
  const rows: number[] = [];
  const problems: { row: number; diagnostic: Diagnostic }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const item = jsonLine(lines[i]!, firstRow + i, file);
    if (!item) continue;
    if ('problem' in item) problems.push({ row: firstRow + i, diagnostic: item.problem });
    else {
      contracts.push(item.contract);
      rows.push(firstRow + i);
    }
  }
  return { ...evaluateBatch(engine, contracts, csvRows, keep), rows, problems };
}

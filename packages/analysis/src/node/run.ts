// Running a what-if job over a streamed portfolio on all cores: the main thread reads contracts
// in batches and hands them to worker threads (each with its own compiled plans), at most two
// batches per worker in flight, so memory stays bounded; answers are merged in batch order, so
// the totals (sums of whole cents) and the CSV do not depend on the number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '@sroi/core';
import { emptyTotals, finishTotals, mergeTotals, type WhatIfTotals } from '../whatif/aggregate.js';
import { evaluateBatch, type BatchAnswer, type LinesAnswer } from '../whatif/batch.js';
import { WhatIfEngine, quantities, type WhatIfJob } from '../whatif/engine.js';
import { WhatIfCsv } from '../render/whatif.js';
import { whatIfReport, type WhatIfReport } from '../whatif/report.js';
import { isJsonLinesPortfolio, jsonLinesChunks, type PortfolioItem, type Where } from './portfolio-read.js';

/** What a worker starts with. */
export interface WorkerSetup {
  readonly job: WhatIfJob;
  readonly csv: boolean;
  readonly keep: number;
}

export interface RunOptions {
  /** Worker threads (default: one per core; 1 runs on the main thread). */
  readonly workers?: number;
  /** Contracts per batch (default 500). */
  readonly batch?: number;
  /** Stop at the first row that fails validation. */
  readonly strict?: boolean;
  /** Status changes kept per scenario for the report (default 500). */
  readonly keep?: number;
  /** A row skipped: where, and why. */
  onSkip?(where: { file: string; row: number; column: string }, d: Diagnostic): void;
  /** A contract scenario `scenario` could not evaluate. */
  onFailed?(where: Where, failure: { scenario: number; id: string }, d: Diagnostic): void;
  /** Progress: contracts done so far. */
  onProgress?(done: number): void;
  /** Per-contract CSV text, in portfolio order (header first, totals last). */
  csv?(text: string): void;
  /** How the portfolio is named in the report. */
  readonly portfolioName: string;
}

export interface RunResult {
  readonly report: WhatIfReport;
  /** Whether `strict` stopped the run. */
  readonly stopped: boolean;
}

function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = JSON.stringify(new URL('./whatif-worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${entry}); });`, {
      eval: true,
      workerData: setup,
      execArgv: ['--conditions', 'source'],
    });
  }
  // Bundled: beside this chunk (the CLI's dist/ writes .js, the benchmarks' bundle .mjs).
  return new Worker(new URL(here.endsWith('.mjs') ? './whatif-worker.mjs' : './whatif-worker.js', here), {
    workerData: setup,
    // Each contract's results die young; with node's default young generation a worker spent a
    // fifth of its time in scavenges. 64 MB: 10^6 x 3 in 8.3-9.1 s instead of 10.2-10.8 s (CPU of
    // all threads 16-18 s instead of 20-21 s), peak RSS 434 MB instead of 405 (docs/performance.md).
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
}

/** Worker threads answering batches in the order each received them. */
class Pool {
  private readonly workers: {
    worker: Worker;
    waiting: { resolve(a: BatchAnswer): void; reject(e: Error): void }[];
    stopped?: Error;
  }[] = [];
  constructor(count: number, setup: WorkerSetup) {
    for (let i = 0; i < count; i++) {
      const entry: Pool['workers'][number] = { worker: startWorker(setup), waiting: [] };
      const fail = (e: Error) => {
        entry.stopped ??= e;
        for (const w of entry.waiting.splice(0)) w.reject(e);
      };
      entry.worker.on('message', (a: BatchAnswer) => entry.waiting.shift()?.resolve(a));
      entry.worker.on('error', fail);
      entry.worker.on('exit', (code) => fail(new Error(`whatif-worker stopte met code ${code}`)));
      this.workers.push(entry);
    }
  }
  /** A batch of contracts, or a chunk of JSON Lines (its buffer moves to the worker). */
  run(contracts: unknown[]): Promise<BatchAnswer>;
  run(lines: { lines: Uint8Array; firstRow: number; file: string }): Promise<LinesAnswer>;
  run(work: unknown[] | { lines: Uint8Array; firstRow: number; file: string }): Promise<BatchAnswer> {
    let entry = this.workers[0]!;
    for (const w of this.workers) if (w.waiting.length < entry.waiting.length) entry = w;
    return new Promise((resolve, reject) => {
      if (entry.stopped) return reject(entry.stopped);
      entry.waiting.push({ resolve, reject });
      if (Array.isArray(work)) entry.worker.postMessage(work);
      else entry.worker.postMessage(work, [work.lines.buffer as ArrayBuffer]);
    });
  }
  get size(): number {
    return this.workers.length;
  }
  async close(): Promise<void> {
    // Batches still in flight (a run that failed) are dropped, not rejected: nobody awaits them.
    for (const w of this.workers) w.worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Where a contract of a JSON Lines file was read (as `jsonLine` makes it). */
const jsonLineWhere = (file: string, row: number): Where => ({
  file,
  row,
  rows: 1,
  locate: (path) => ({ row, column: path ?? '(contract)' }),
});

/** Runs a what-if job over a portfolio. */
export async function runWhatIf(
  job: WhatIfJob,
  portfolio: AsyncIterable<PortfolioItem>,
  options: RunOptions,
): Promise<RunResult> {
  const keep = options.keep ?? 500;
  const engine = new WhatIfEngine(job);
  const shown = quantities.filter((q) => q !== 'overschot' || engine.overschot);
  const csv = options.csv ? new WhatIfCsv(job.scenarios, shown) : undefined;
  if (csv) options.csv!(csv.header());
  const workers = Math.max(1, Math.min(64, options.workers ?? availableParallelism()));
  const batchSize = options.batch ?? 500;
  const pool = workers > 1 ? new Pool(workers, { job, csv: Boolean(csv), keep }) : undefined;
  const totals: WhatIfTotals = emptyTotals(
    job.scenarios.length,
    job.scenarios.map((s, i) => (engine.attributes(i) ? s.players.length : 0)),
    keep,
  );
  let contracts = 0;
  let skipped = 0;
  let skippedRows = 0;
  let done = 0;
  let stopped = false;
  const inFlight: { wheres?: Where[]; file?: string; answer: Promise<BatchAnswer | LinesAnswer> }[] = [];

  /** A problem of a row that is not a contract (not JSON, a missing column): counted and reported. */
  const problem = (d: Diagnostic, rows: number) => {
    skipped++;
    skippedRows += rows;
    options.onSkip?.(
      {
        file: String(d.args['file'] ?? ''),
        row: Number(d.args['row'] ?? 0),
        column: String(d.args['column'] ?? ''),
      },
      d,
    );
  };
  const settle = async () => {
    const next = inFlight.shift()!;
    const a = await next.answer;
    mergeTotals(totals, a.totals);
    if (csv && a.csv) options.csv!(a.csv);
    // A chunk of JSON Lines: its contracts were read in the worker, each at a row of `file`.
    const lines = 'rows' in a ? a : undefined;
    const whereOf = (index: number): Where =>
      lines ? jsonLineWhere(next.file!, lines.rows[index]!) : next.wheres![index]!;
    if (lines) contracts += lines.rows.length;
    // Reported in the order of their rows: lines that are not JSON, and contracts that fail.
    const reports: { row: number; report(): void }[] = (lines?.problems ?? []).map((p) => ({
      row: p.row,
      report: () => problem(p.diagnostic, 1),
    }));
    for (const s of a.skipped) {
      const where = whereOf(s.index);
      reports.push({
        row: where.row,
        report: () => {
          skipped++;
          skippedRows += where.rows;
          for (const d of s.diagnostics) options.onSkip?.({ file: where.file, ...where.locate(d.path) }, d);
          if (options.strict) stopped = true;
        },
      });
    }
    if (lines) reports.sort((x, y) => x.row - y.row);
    for (const r of reports) r.report();
    for (const f of a.failed) for (const d of f.diagnostics) options.onFailed?.(whereOf(f.index), f, d);
    done += lines ? lines.rows.length : next.wheres!.length;
    options.onProgress?.(done);
  };
  const submit = (batch: unknown[], wheres: Where[]) => {
    const answer = pool
      ? pool.run(batch)
      : Promise.resolve(evaluateBatch(engine, batch, csv && ((o) => csv.rows(o)), keep));
    inFlight.push({ wheres, answer });
  };

  try {
    // A JSON Lines file on worker threads: chunks of lines go to the workers as bytes, parsed
    // there (the main thread neither parses nor copies contracts). --strict reads line by line.
    const chunked =
      pool && !options.strict && isJsonLinesPortfolio(portfolio) ? portfolio.jsonLines : undefined;
    if (pool && chunked)
      for await (const chunk of jsonLinesChunks(chunked.file)) {
        const work = { lines: chunk.bytes, firstRow: chunk.firstRow, file: chunked.shownAs };
        inFlight.push({ file: chunked.shownAs, answer: pool.run(work) });
        while (inFlight.length >= 2 * pool.size + 1) await settle();
      }
    let batch: unknown[] = [];
    let wheres: Where[] = [];
    for await (const item of chunked ? [] : portfolio) {
      if ('problem' in item) {
        problem(item.problem, item.rows);
        // A problem of the whole file (a missing column or sheet) ends the run: nothing can be read.
        if (options.strict || item.rows === 0) {
          stopped = true;
          break;
        }
        continue;
      }
      contracts++;
      batch.push(item.contract);
      wheres.push(item.where);
      if (batch.length >= batchSize) {
        submit(batch, wheres);
        batch = [];
        wheres = [];
        while (inFlight.length >= 2 * (pool?.size ?? 0) + 1) await settle();
        if (stopped) break;
      }
    }
    if (!stopped && batch.length > 0) submit(batch, wheres);
    while (inFlight.length > 0) await settle();
  } finally {
    await pool?.close();
  }
  finishTotals(totals);
  const report = whatIfReport(totals, job.scenarios, {
    base: job.baseName,
    portfolio: options.portfolioName,
    contracts,
    skipped,
    skippedRows,
    overschot: engine.overschot,
    attribution: job.scenarios.map((_, i) => engine.attributes(i)),
  });
  if (csv) options.csv!(csv.totals(report));
  return { report, stopped };
}

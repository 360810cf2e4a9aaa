// A worker thread of `sroi whatif`: builds the engine (one compiled plan per variant) once from
// the job it is given, then answers batches of contracts with their totals and CSV lines.
// Bundled as an entry of its own (scripts/build.mjs): dist/whatif-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { WhatIfCsv } from '../render/whatif.js';
import { evaluateBatch, evaluateLines } from '../whatif/batch.js';
import { WhatIfEngine, quantities } from '../whatif/engine.js';
import type { WorkerSetup } from './run.js';

const setup = workerData as WorkerSetup;
const engine = new WhatIfEngine(setup.job);
const shown = quantities.filter((q) => q !== 'overschot' || engine.overschot);
const csv = setup.csv ? new WhatIfCsv(setup.job.scenarios, shown) : undefined;
const port = parentPort!;
const rows = csv && ((o: Parameters<WhatIfCsv['rows']>[0]) => csv.rows(o));
// A batch of contracts, or a chunk of JSON Lines to parse here.
port.on('message', (work: unknown[] | { lines: Uint8Array; firstRow: number; file: string }) => {
  if (Array.isArray(work)) {
    port.postMessage(evaluateBatch(engine, work, rows, setup.keep));
    return;
  }
  // Buffer's decoder: twice as fast as TextDecoder here (and it keeps a BOM, as readline does).
  const text = Buffer.from(work.lines.buffer, work.lines.byteOffset, work.lines.length).toString('utf8');
  port.postMessage(evaluateLines(engine, text, work.firstRow, work.file, rows, setup.keep));
});

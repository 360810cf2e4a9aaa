// A worker thread of `sroi whatif`: builds the engine (one compiled plan per variant) once from
// the job it is given, then answers batches of contracts with their totals and CSV lines.
// Bundled as an entry of its own (scripts/build.mjs): dist/whatif-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { WhatIfCsv } from '../render/whatif.js';
import { evaluateBatch } from '../whatif/batch.js';
import { WhatIfEngine, quantities } from '../whatif/engine.js';
import type { WorkerSetup } from './run.js';

const setup = workerData as WorkerSetup;
const engine = new WhatIfEngine(setup.job);
const shown = quantities.filter((q) => q !== 'overschot' || engine.overschot);
const csv = setup.csv ? new WhatIfCsv(setup.job.scenarios, shown) : undefined;
const port = parentPort!;
port.on('message', (contracts: unknown[]) => {
  port.postMessage(evaluateBatch(engine, contracts, csv && ((o) => csv.rows(o)), setup.keep));
});

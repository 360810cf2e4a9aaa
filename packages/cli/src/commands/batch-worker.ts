// A worker thread of `sroi eval --batch`: rebuilds the plan once from the IR it is given, then
// turns each batch of input bytes (whole lines) into result lines, in the order batches arrive.
// Bundled as an entry of its own (scripts/build.mjs): dist/batch-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import {
  decodeLines,
  evaluateLines,
  evaluatorFromSpec,
  type BatchOutput,
  type EvaluatorSpec,
} from './batch-lines.js';

/** A worker's answer to a batch: its result lines as UTF-8, and how many lines had errors. */
export type WorkerAnswer = BatchOutput;

/** A batch from the main thread: UTF-8 bytes of whole lines, the first numbered `firstLine`. */
export interface BatchMessage {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

const spec = workerData as EvaluatorSpec;
const evaluator = evaluatorFromSpec(spec);
const port = parentPort!;
port.on('message', (m: BatchMessage) => {
  // The result lines as UTF-8 in a buffer of their own, handed over (not copied): the main
  // thread only writes them, so it keeps up with every worker.
  const { text, invalid } = decodeLines(m.bytes, m.firstLine);
  const answer: WorkerAnswer = evaluateLines(evaluator, text, m.firstLine, spec.lang, invalid);
  port.postMessage(answer, [answer.bytes.buffer as ArrayBuffer]);
});

// `sroi eval REGELING --batch CONTRACTEN.jsonl`: one JSON line per contract in, one result line
// out, in input order. The main thread streams the input in batches of whole lines to worker
// threads (one per core, or `--workers N`) that each load the plan once; at most two batches per
// worker are in flight, so memory stays bounded however long the file is. An input of a single
// batch is evaluated on the main thread, without starting workers.
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EXIT, UsageError } from '../errors.js';
import { evaluatorOf, loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { EvalOptions, Io } from '../options.js';
import { evaluateLines, type BatchOutput, type EvaluatorSpec } from './batch-lines.js';
import type { BatchMessage, WorkerAnswer } from './batch-worker.js';

/** Bytes of input per batch (cut at the last line break): a few hundred contracts. */
const BATCH_BYTES = 256 * 1024;
/** Batches in flight per worker: one being evaluated, one waiting, so no worker idles. */
const IN_FLIGHT_PER_WORKER = 2;
const MAX_WORKERS = 64;

/** A worker thread running batch-worker; from the bundle its .js, from sources its .ts via tsx. */
function startWorker(spec: EvaluatorSpec): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (tests, scripts/sroi-dev.mjs): load the entry through tsx.
    const entry = JSON.stringify(new URL('./batch-worker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${entry}); });`, {
      eval: true,
      workerData: spec,
      execArgv: ['--conditions', 'source'],
    });
  }
  return new Worker(new URL('./batch-worker.js', here), { workerData: spec });
}

/** Worker threads, each answering its batches in the order it received them. */
class WorkerPool {
  private readonly workers: {
    worker: Worker;
    waiting: { resolve(o: WorkerAnswer): void; reject(e: Error): void }[];
    /** Why the worker stopped; a stopped worker gets no more batches. */
    stopped?: Error;
  }[] = [];

  constructor(count: number, spec: EvaluatorSpec) {
    for (let i = 0; i < count; i++) {
      const entry: WorkerPool['workers'][number] = { worker: startWorker(spec), waiting: [] };
      const fail = (e: Error) => {
        entry.stopped ??= e;
        for (const w of entry.waiting.splice(0)) w.reject(e);
      };
      entry.worker.on('message', (o: WorkerAnswer) => entry.waiting.shift()?.resolve(o));
      entry.worker.on('error', fail);
      entry.worker.on('exit', (code) => fail(new Error(`batch-worker stopte met code ${code}`)));
      this.workers.push(entry);
    }
  }

  /** Evaluates a batch on the least busy worker. */
  run(message: BatchMessage): Promise<WorkerAnswer> {
    let entry = this.workers[0]!;
    for (const w of this.workers) if (w.waiting.length < entry.waiting.length) entry = w;
    return new Promise((resolve, reject) => {
      if (entry.stopped) return reject(entry.stopped);
      entry.waiting.push({ resolve, reject });
      entry.worker.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** The first `length` bytes of `parts` in one array of its own (transferable, never a pool slice). */
function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    if (at === length) break;
    const take = Math.min(p.length, length - at);
    out.set(take === p.length ? p : p.subarray(0, take), at);
    at += take;
  }
  return out;
}

/** The chunks of the input; a read error becomes a usage error naming the file. */
async function* chunks(input: AsyncIterable<Uint8Array>, path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of input) yield chunk;
  } catch (e) {
    throw readError(path, e);
  }
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function workerCount(option: string | undefined): number {
  if (option === undefined) return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(option);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new UsageError(
      `--workers moet een geheel getal van 1 tot en met ${MAX_WORKERS} zijn, niet '${option}'`,
    );
  return n;
}

const readError = (path: string, e: unknown): UsageError => {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'bestand bestaat niet'
      : code === 'EISDIR'
        ? 'dit is een map, geen bestand'
        : (e as Error).message;
  return new UsageError(`${path}: ${reason}`);
};

export async function batchCommand(args: readonly string[], options: EvalOptions, io: Io): Promise<number> {
  const [rulesetPath, ...rest] = args;
  if (!rulesetPath || rest.length > 0 || !options.batch)
    throw new UsageError('eval --batch: sroi eval REGELING --batch CONTRACTEN.jsonl');
  const workers = workerCount(options.workers);
  const loaded = await loadRuleset(rulesetPath);
  const evaluator = evaluatorOf(loaded);
  if (!evaluator) {
    io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
    return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  }
  const spec: EvaluatorSpec = loaded.set
    ? {
        set: loaded.set.name,
        members: loaded.set.members.map((m) => ({ label: m.label, ir: m.plan.ir })),
        lang: options.lang,
      }
    : { members: [{ label: rulesetPath, ir: loaded.plan!.ir }], lang: options.lang };

  const input =
    options.batch === '-' ? process.stdin : createReadStream(options.batch, { highWaterMark: 64 * 1024 });
  const decoder = new TextDecoder('utf-8');
  let pool: WorkerPool | undefined;
  /** Results in input order; the head is written as soon as it is ready. */
  const queue: Promise<WorkerAnswer>[] = [];
  let failed = 0;
  let lines = 0;
  /** A batch cut but not yet sent: sent once a second batch shows the input is not a single one. */
  let held: BatchMessage | undefined;
  const writeBytes = (o: BatchOutput) => {
    if (o.bytes.length > 0) {
      if (io.outBytes) io.outBytes(o.bytes);
      else io.out(decoder.decode(o.bytes));
    }
    failed += o.failed;
  };
  const send = async (message: BatchMessage) => {
    pool ??= new WorkerPool(workers, spec);
    const result = pool.run(message);
    result.catch(() => {}); // awaited in order below; a failure surfaces there
    queue.push(result);
    while (queue.length >= workers * IN_FLIGHT_PER_WORKER) writeBytes(await queue.shift()!);
  };
  const inline = (message: BatchMessage) =>
    writeBytes(evaluateLines(evaluator, decoder.decode(message.bytes), message.firstLine, options.lang));
  const cut = async (bytes: Uint8Array) => {
    const message: BatchMessage = { bytes, firstLine: lines + 1 };
    lines += countLineBreaks(bytes);
    if (workers === 1) return inline(message);
    if (held) await send(held);
    held = message;
  };

  try {
    let parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of chunks(input as AsyncIterable<Uint8Array>, options.batch)) {
      parts.push(chunk);
      size += chunk.length;
      if (size < BATCH_BYTES) continue;
      // Cut after the chunk's last line break; a chunk without one continues a long line.
      const rest = chunk.length - 1 - chunk.lastIndexOf(10);
      if (rest === chunk.length) continue;
      const batch = join(parts, size - rest);
      parts = rest > 0 ? [chunk.subarray(chunk.length - rest)] : [];
      size = rest;
      await cut(batch);
    }
    if (size > 0) {
      const last = join(parts, size);
      await cut(last);
      if (last[last.length - 1] !== 10) lines++; // a last line without a line break
    }
    if (held) {
      if (pool) await send(held);
      else inline(held);
    }
    while (queue.length > 0) writeBytes(await queue.shift()!);
  } finally {
    await pool?.close();
  }
  io.err(
    options.lang === 'nl'
      ? `${lines} regels, ${failed} met fouten\n`
      : `${lines} lines, ${failed} with errors\n`,
  );
  return failed > 0 ? EXIT.input : EXIT.ok;
}

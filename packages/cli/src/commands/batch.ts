// `sroi eval REGELING --batch CONTRACTEN.jsonl`: one JSON line per contract in, one result line
// out, in input order. The main thread streams the input in batches of whole lines to worker
// threads (one per core, or `--workers N`) that each load the plan once; at most two batches per
// worker are in flight, so memory stays bounded however long the file is. An input of a single
// batch is evaluated on the main thread, without starting workers.
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EXIT, readReasons, UsageError } from '../errors.js';
import { evaluatorOf, loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { wholeNumberOption, type EvalOptions, type Io } from '../options.js';
import { renderMessage } from '@sroi/core';
import { decodeLines, evaluateLines, type BatchOutput, type EvaluatorSpec } from './batch-lines.js';
import type { BatchMessage, WorkerAnswer } from './batch-worker.js';

/** Bytes of input per batch (cut at the last line break): a few hundred contracts. */
const BATCH_BYTES = 256 * 1024;
/** Batches in flight per worker: one being evaluated, one waiting, so no worker idles. */
const IN_FLIGHT_PER_WORKER = 2;
const MAX_WORKERS = 64;
/** A longer line is reported as too long (SR5103) and skipped unread; `--max-line-bytes` sets it. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

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
async function* chunks(
  input: AsyncIterable<Uint8Array>,
  path: string,
  stopped: () => boolean,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of input) yield chunk;
  } catch (e) {
    // Reading ends with an error when a signal closed the input: that is the stop, not a fault.
    if (!stopped()) throw readError(path, e);
  }
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function workerCount(option: string | undefined): number {
  if (option === undefined) return Math.min(availableParallelism(), MAX_WORKERS);
  return wholeNumberOption(option, '--workers', { min: 1, max: MAX_WORKERS }, 1);
}

function maxLineBytes(option: string | undefined): number {
  if (option === undefined) return DEFAULT_MAX_LINE_BYTES;
  return wholeNumberOption(option, '--max-line-bytes', { min: 1, max: 2 ** 40 }, DEFAULT_MAX_LINE_BYTES);
}

/** The batch input: stdin, a regular file or a pipe; a device or a directory is refused unread. */
function openInput(path: string): AsyncIterable<Uint8Array> {
  if (path === '-') return process.stdin;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError('fileProblem', { path, reason: readReasons.EISDIR });
    if (!stat.isFile() && !stat.isFIFO()) throw new UsageError('notFileOrPipe', { path });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw readError(path, e);
  }
  return createReadStream(path, { highWaterMark: 64 * 1024 });
}

const readError = (path: string, e: unknown): UsageError => {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' || code === 'EISDIR' ? readReasons[code] : (e as Error).message;
  return new UsageError('fileProblem', { path, reason });
};

export async function batchCommand(args: readonly string[], options: EvalOptions, io: Io): Promise<number> {
  const [rulesetPath, ...rest] = args;
  if (!rulesetPath || rest.length > 0 || !options.batch) throw new UsageError('batchArguments');
  const workers = workerCount(options.workers);
  const maxLine = maxLineBytes(options.maxLineBytes);
  // SIGINT or SIGTERM: stop reading, finish and write the lines already read (whole lines only),
  // and say how far the run got. Listened for from the start, so a signal while the ruleset
  // loads also ends with the summary.
  let stopped: NodeJS.Signals | undefined;
  let input: AsyncIterable<Uint8Array> | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stopped ??= signal;
    (input as { destroy?: () => void } | undefined)?.destroy?.();
  };
  const signals = ['SIGINT', 'SIGTERM'] as const;
  for (const signal of signals) process.on(signal, stop);
  try {
    return await run();
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }

  async function run(): Promise<number> {
    const loaded = await loadRuleset(rulesetPath!);
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
      : { members: [{ label: rulesetPath!, ir: loaded.plan!.ir }], lang: options.lang };

    input = stopped ? (async function* () {})() : openInput(options.batch!);
    const decoder = new TextDecoder('utf-8');
    let pool: WorkerPool | undefined;
    /** Results in input order; the head is written as soon as it is ready. */
    const queue: Promise<WorkerAnswer>[] = [];
    let failed = 0;
    let written = 0;
    let lines = 0;
    /** A batch cut but not yet sent: sent once a second batch shows the input is not a single one. */
    let held: BatchMessage | undefined;
    const writeBytes = (o: BatchOutput) => {
      if (o.bytes.length > 0) {
        if (io.outBytes) io.outBytes(o.bytes);
        else io.out(decoder.decode(o.bytes));
      }
      written += countLineBreaks(o.bytes);
      failed += o.failed;
    };
    const send = async (message: BatchMessage) => {
      pool ??= new WorkerPool(workers, spec);
      const result = pool.run(message);
      result.catch(() => {}); // awaited in order below; a failure surfaces there
      queue.push(result);
      while (queue.length >= workers * IN_FLIGHT_PER_WORKER) writeBytes(await queue.shift()!);
    };
    const inline = (message: BatchMessage) => {
      const { text, invalid } = decodeLines(message.bytes, message.firstLine);
      writeBytes(evaluateLines(evaluator, text, message.firstLine, options.lang, invalid));
    };
    const cut = async (bytes: Uint8Array) => {
      const message: BatchMessage = { bytes, firstLine: lines + 1 };
      lines += countLineBreaks(bytes);
      if (workers === 1) return inline(message);
      if (held) await send(held);
      held = message;
    };
    /** Everything cut so far goes out before what comes next (a too-long line's error). */
    const flushHeld = async () => {
      if (!held) return;
      if (pool) await send(held);
      else inline(held);
      held = undefined;
    };
    /** The line after the last one counted is too long: its error line, in its place. */
    const tooLong = async () => {
      await flushHeld();
      lines++;
      const fout = {
        code: 'SR5103',
        melding: renderMessage('SR5103', { limit: maxLine }, options.lang),
      };
      const o: BatchOutput = {
        bytes: new TextEncoder().encode(JSON.stringify({ regel: lines, fouten: [fout] }) + '\n'),
        failed: 1,
      };
      if (queue.length === 0) writeBytes(o);
      else queue.push(Promise.resolve(o));
    };

    try {
      /** Bytes read but not cut: whole lines, then the start of an unfinished one (`partial` bytes). */
      let parts: Uint8Array[] = [];
      let size = 0;
      let partial = 0;
      /** Inside a line over the limit: its bytes are dropped until its line break. */
      let skipping = false;
      const reading = chunks(input, options.batch!, () => stopped !== undefined);
      for await (const chunk of reading) {
        for (let from = 0; from < chunk.length;) {
          const nl = chunk.indexOf(10, from);
          const end = nl < 0 ? chunk.length : nl + 1;
          if (skipping) {
            if (nl >= 0) {
              skipping = false;
              await tooLong();
            }
            from = end;
            continue;
          }
          const lineBytes = partial + (nl < 0 ? end - from : end - from - 1);
          if (lineBytes > maxLine) {
            // The whole lines before it go out first; this line's bytes are dropped, unread.
            if (size > partial) await cut(join(parts, size - partial));
            parts = [];
            size = 0;
            partial = 0;
            if (nl >= 0) await tooLong();
            else skipping = true;
            from = end;
            continue;
          }
          parts.push(from === 0 && end === chunk.length ? chunk : chunk.subarray(from, end));
          size += end - from;
          partial = nl < 0 ? lineBytes : 0;
          from = end;
          if (partial === 0 && size >= BATCH_BYTES) {
            await cut(join(parts, size));
            parts = [];
            size = 0;
          }
        }
        if (stopped) break;
      }
      if (stopped) {
        // Only whole lines read before the signal are evaluated; an unfinished one is dropped.
        if (size > partial) await cut(join(parts, size - partial));
      } else if (skipping) await tooLong();
      else if (size > 0) {
        const last = join(parts, size);
        await cut(last);
        if (last[last.length - 1] !== 10) lines++; // a last line without a line break
      }
      await flushHeld();
      while (queue.length > 0) writeBytes(await queue.shift()!);
    } finally {
      await pool?.close();
    }
    const summary =
      options.lang === 'nl'
        ? `${lines} regels gelezen, ${written} geschreven, ${failed} geweigerd`
        : `${lines} lines read, ${written} written, ${failed} refused`;
    if (stopped) {
      io.err(
        options.lang === 'nl'
          ? `sroi: gestopt door ${stopped} na een hele regel; ${summary}\n`
          : `sroi: stopped by ${stopped} after a whole line; ${summary}\n`,
      );
      return stopped === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
    }
    io.err(`${summary}\n`);
    return failed > 0 ? EXIT.input : EXIT.ok;
  }
}

// `POST /v1/rulesets/{name}/evaluate-batch`: JSON Lines in, JSON Lines out, streamed both ways.
// Each result line is what `sroi eval --batch` writes for the same line; a bad line gives its
// error line and the rest goes on. The input is read as the output is consumed (backpressure),
// so memory stays bounded by a chunk and a line, however long the body is.
import { renderMessage, type Diagnostic, type Language } from '@sroi/core';
import { JsonBytes, Plan, type PlanSet } from '@sroi/evaluator';
import { parseJsonInput } from '../json-input.js';
import { activityLimit } from './limits.js';

export interface BatchLimits {
  /** Bytes of the whole body. */
  readonly bytes: number;
  /** Bytes of one line (one contract). */
  readonly lineBytes: number;
  readonly lines: number;
  readonly activities: number;
}

export interface BatchCounts {
  ok: number;
  failed: number;
}

/** An error line, as `sroi eval --batch` writes it: `{ "regel": n, "fouten": [...] }`. */
export function errorLine(line: number, diagnostics: readonly Diagnostic[], lang: Language): string {
  return JSON.stringify({
    regel: line,
    fouten: diagnostics.map((d) => ({
      code: d.code,
      ...(d.path !== undefined ? { path: d.path } : {}),
      melding: renderMessage(d.code, d.args, lang),
    })),
  });
}

const NEWLINE = 10;

/**
 * The result lines of a JSON Lines body, a chunk at a time. Stops with a last error line when the
 * body passes a limit or `signal` aborts (the request's time is up); `counts` says how it went.
 */
export async function* batchResults(
  input: AsyncIterable<Uint8Array>,
  evaluator: Plan | PlanSet,
  lang: Language,
  limits: BatchLimits,
  counts: BatchCounts,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  // Per request: nothing is shared with another request's batch while this one waits for input.
  const out = new JsonBytes(64 * 1024);
  const decoder = new TextDecoder('utf-8');
  let line = 0;
  let total = 0;
  /** The bytes of the line being read, in pieces. */
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** The current line passed the line limit: skip to its end, then report it. */
  let oversized = false;

  const evaluateLine = (bytes: Uint8Array) => {
    line++;
    let text = decoder.decode(bytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;
    const mark = out.length;
    const fail = (ds: readonly Diagnostic[]) => {
      counts.failed++;
      out.truncate(mark);
      out.text(errorLine(line, ds, lang));
      out.byte(NEWLINE);
    };
    const parsed = parseJsonInput(`regel ${line}`, text);
    if ('diagnostics' in parsed) return fail(parsed.diagnostics);
    const tooMany = activityLimit(parsed.json, limits.activities);
    if (tooMany) return fail([tooMany]);
    try {
      if (evaluator instanceof Plan) {
        const ds = evaluator.writeJson(parsed.json, out, { lang });
        if (ds.length > 0) return fail(ds);
      } else {
        const r = evaluator.evaluate(parsed.json, { explain: false, lang });
        if (!r.value) return fail(r.diagnostics);
        out.text(JSON.stringify(r.value));
      }
    } catch (e) {
      // Not the input's fault: a fault of sroi, reported on its line so the rest goes on.
      return fail([
        { code: 'SR5023', severity: 'error', args: { message: (e as Error)?.message ?? String(e) } },
      ]);
    }
    counts.ok++;
    out.byte(NEWLINE);
  };

  const stop = (d: Diagnostic) => {
    counts.failed++;
    out.text(errorLine(line + 1, [d], lang));
    out.byte(NEWLINE);
  };

  /** A line that has ended: evaluated, or reported when it passed the line limit. */
  const endLine = () => {
    if (oversized) {
      line++;
      counts.failed++;
      out.text(errorLine(line, [limitDiagnostic('SR5252', limits.lineBytes, '--max-body')], lang));
      out.byte(NEWLINE);
    } else evaluateLine(join(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
    oversized = false;
  };

  let stopped = false;
  try {
    for await (const piece of untilAborted(input, signal)) {
      // The lines that end within --max-batch-body are evaluated; the rest is not read.
      const room = limits.bytes - total;
      const tooLarge = piece.length > room;
      const chunk = tooLarge ? piece.subarray(0, room) : piece;
      total += chunk.length;
      let start = 0;
      for (let nl = chunk.indexOf(NEWLINE); ; nl = chunk.indexOf(NEWLINE, start)) {
        const end = nl < 0 ? chunk.length : nl;
        if (!oversized && pendingBytes + end - start > limits.lineBytes) {
          oversized = true;
          pending = [];
          pendingBytes = 0;
        }
        if (!oversized && end > start) {
          pending.push(chunk.subarray(start, end));
          pendingBytes += end - start;
        }
        if (nl < 0) break;
        start = nl + 1;
        if (line >= limits.lines) {
          stopped = true;
          break;
        }
        endLine();
      }
      if (stopped) {
        stop(limitDiagnostic('SR5253', limits.lines, '--max-lines'));
        break;
      }
      if (tooLarge) {
        stop(limitDiagnostic('SR5252', limits.bytes, '--max-batch-body'));
        stopped = true;
        break;
      }
      // Keep the pieces of an unfinished line apart from the input's buffers.
      pending = pending.map((p) => p.slice());
      if (out.length > 0) {
        yield out.take();
        out.truncate(0);
      }
    }
    if (!stopped && !signal.aborted && (pendingBytes > 0 || oversized)) {
      // A last line without a line break.
      if (line >= limits.lines) stop(limitDiagnostic('SR5253', limits.lines, '--max-lines'));
      else endLine();
    }
  } catch (e) {
    if (!signal.aborted) throw e;
  }
  if (signal.aborted) stop(limitDiagnostic('SR5255', Number(signal.reason) || 0, '--timeout'));
  if (out.length > 0) yield out.take();
}

const limitDiagnostic = (
  code: 'SR5252' | 'SR5253' | 'SR5255',
  limit: number,
  option: string,
): Diagnostic => ({
  code,
  severity: 'error',
  args: { limit, option },
});

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * The chunks of `input` until `signal` aborts, even while a chunk is awaited (a client that
 * trickles its body). The input is left as it is: the route closes the connection after the
 * answer, and destroying the request here would cut the answer off too.
 */
async function* untilAborted(
  input: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const iterator = input[Symbol.asyncIterator]();
  const aborted = new Promise<IteratorResult<Uint8Array>>((resolve) => {
    if (signal.aborted) resolve({ done: true, value: undefined });
    signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  while (true) {
    const next = await Promise.race([iterator.next(), aborted]);
    if (next.done) return;
    yield next.value;
  }
}

// One batch of `sroi eval --batch`: a run of JSON lines in, one result line out per non-blank
// line. Shared by the worker threads and by the main thread (which evaluates small inputs itself).
import { renderMessage, type IrDocument, type Language, type Result } from '@sroi/core';
import { Plan, PlanSet } from '@sroi/evaluator';
import { parseJsonInput } from '../json-input.js';

/** What a worker needs to rebuild the evaluator: the IR of the ruleset, or of each set member. */
export interface EvaluatorSpec {
  readonly members: readonly { readonly label: string; readonly ir: IrDocument }[];
  /** The name of the ruleset set, when the members form one. */
  readonly set?: string;
  readonly lang: Language;
}

/** The evaluator of a spec; the IR was validated when the main thread loaded it. */
export function evaluatorFromSpec(spec: EvaluatorSpec): Plan | PlanSet {
  const members = spec.members.map((m) => {
    // The main thread validated this IR against the schema already; the invariants are cheap.
    const plan = Plan.fromCompilerIr(m.ir).value;
    if (!plan) throw new Error(`IR van ${m.label} is niet geldig`);
    return { plan, label: m.label };
  });
  return spec.set === undefined ? members[0]!.plan : new PlanSet(spec.set, members);
}

const mapValue = <T, U>(r: Result<T | undefined>, f: (v: T) => U): Result<U | undefined> =>
  r.value === undefined
    ? { value: undefined, diagnostics: r.diagnostics }
    : { value: f(r.value), diagnostics: [] };

export interface BatchOutput {
  /** The result lines as UTF-8, each ending in a newline; a buffer of its own (transferable). */
  readonly bytes: Uint8Array;
  /** How many lines had errors. */
  readonly failed: number;
}

const encoder = new TextEncoder();

/**
 * Result lines as UTF-8, encoded one line at a time into a growing buffer. Measured: encoding
 * the batch's text at the end (a rope of thousands of pieces, flattened first) cost twice as much.
 */
class LineBytes {
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;

  add(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; 1 more for the newline.
    const room = 3 * line.length + 1;
    if (this.buffer.length - this.length < room) {
      const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.length + room));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(line, this.buffer.subarray(this.length)).written;
    this.buffer[this.length++] = 10;
  }

  /** The bytes written, in a buffer of exactly their size (handed over to another thread). */
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * Evaluates whole lines (`text` ends at a line break or at the end of the input); `firstLine`
 * is the number of the first, for `{ "regel": n, "fouten": [...] }` of a bad line.
 */
export function evaluateLines(
  evaluator: Plan | PlanSet,
  text: string,
  firstLine: number,
  lang: Language,
): BatchOutput {
  const out = new LineBytes();
  let failed = 0;
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (raw.trim() === '') continue;
    let result: string;
    try {
      const parsed = parseJsonInput(`regel ${line}`, raw);
      if ('diagnostic' in parsed) {
        failed++;
        const d = parsed.diagnostic;
        out.add(
          JSON.stringify({
            regel: line,
            fouten: [{ code: d.code, melding: renderMessage(d.code, d.args, lang) }],
          }),
        );
        continue;
      }
      const contract = parsed.json;
      // A plan writes its result JSON directly (the same text as JSON.stringify of the result).
      const r =
        evaluator instanceof Plan
          ? evaluator.evaluateJson(contract, { lang })
          : mapValue(evaluator.evaluate(contract, { explain: false, lang }), JSON.stringify);
      result =
        r.value ??
        JSON.stringify({
          regel: line,
          fouten: r.diagnostics.map((d) => ({
            code: d.code,
            path: d.path,
            melding: renderMessage(d.code, d.args, lang),
          })),
        });
      if (r.value === undefined) failed++;
    } catch (e) {
      // Not the input's fault: a fault of sroi, reported on its line so the rest goes on.
      failed++;
      const message = (e as Error)?.message ?? String(e);
      result = JSON.stringify({
        regel: line,
        fouten: [{ code: 'SR5023', melding: renderMessage('SR5023', { message }, lang) }],
      });
    }
    out.add(result);
  }
  return { bytes: out.take(), failed };
}

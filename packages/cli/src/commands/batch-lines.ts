// One batch of `sroi eval --batch`: a run of JSON lines in, one result line out per non-blank
// line. Shared by the worker threads and by the main thread (which evaluates small inputs itself).
import { renderMessage, type Diagnostic, type IrDocument, type Language } from '@sroi/core';
import { JsonBytes, Plan, PlanSet } from '@sroi/evaluator';
import { malformedUtf8 } from '../errors.js';
import { parseJsonInput } from '../json-input.js';
import { firstInvalidUtf8, textOffset } from '../utf8.js';

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

export interface BatchOutput {
  /** The result lines as UTF-8, each ending in a newline; a buffer of its own (transferable). */
  readonly bytes: Uint8Array;
  /** How many lines had errors. */
  readonly failed: number;
}

/** A batch's text, and its lines that are not UTF-8: line number → offset of the first bad byte. */
export interface DecodedLines {
  readonly text: string;
  readonly invalid?: ReadonlyMap<number, number>;
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes a batch of whole lines. A line that is not UTF-8 is refused (SR1006, as a file is) and
 * not evaluated with replacement characters; the others are decoded as they are. A BOM is kept:
 * evaluateLines drops one at the start of any line, not only of the first batch.
 */
export function decodeLines(bytes: Uint8Array, firstLine: number): DecodedLines {
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    const invalid = new Map<number, number>();
    for (let start = 0, line = firstLine; start < bytes.length; line++) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const bad = firstInvalidUtf8(bytes, start, end);
      if (bad >= 0) invalid.set(line, textOffset(bytes, start, bad));
      start = end + 1;
    }
    return { text: lossy.decode(bytes), invalid };
  }
}

/** The output of a thread's batches, reused from one batch to the next (it only grows). */
const output = new JsonBytes();

/**
 * Evaluates whole lines (`text` ends at a line break or at the end of the input); `firstLine`
 * is the number of the first, for `{ "regel": n, "fouten": [...] }` of a bad line.
 */
export function evaluateLines(
  evaluator: Plan | PlanSet,
  text: string,
  firstLine: number,
  lang: Language,
  invalid?: ReadonlyMap<number, number>,
): BatchOutput {
  const out = output;
  out.truncate(0);
  let failed = 0;
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A BOM may start any line (files joined with cat): it is dropped wherever it is.
    const from = text.charCodeAt(start) === 0xfeff ? start + 1 : start;
    const raw = text.slice(from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const badByte = invalid?.get(line);
    if (badByte !== undefined) {
      failed++;
      const melding = renderMessage('SR1006', { ...malformedUtf8, offset: badByte }, lang);
      out.text(JSON.stringify({ regel: line, fouten: [{ code: 'SR1006', melding }] }));
      out.byte(10);
      continue;
    }
    if (raw.trim() === '') continue;
    const mark = out.length;
    try {
      const parsed = parseJsonInput(`regel ${line}`, raw);
      if ('diagnostics' in parsed) {
        failed++;
        out.text(
          JSON.stringify({
            regel: line,
            fouten: parsed.diagnostics.map((d) => ({
              code: d.code,
              melding: renderMessage(d.code, d.args, lang),
            })),
          }),
        );
      } else if (evaluator instanceof Plan) {
        // A plan writes its result JSON directly (the same text as JSON.stringify of the result).
        const diagnostics = evaluator.writeJson(parsed.json, out, { lang });
        if (diagnostics.length > 0) {
          failed++;
          out.text(errorLine(line, diagnostics, lang));
        }
      } else {
        const r = evaluator.evaluate(parsed.json, { explain: false, lang });
        if (r.value) out.text(JSON.stringify(r.value));
        else {
          failed++;
          out.text(errorLine(line, r.diagnostics, lang));
        }
      }
    } catch (e) {
      // Not the input's fault: a fault of sroi, reported on its line so the rest goes on.
      failed++;
      out.truncate(mark);
      const message = (e as Error)?.message ?? String(e);
      out.text(
        JSON.stringify({
          regel: line,
          fouten: [{ code: 'SR5023', melding: renderMessage('SR5023', { message }, lang) }],
        }),
      );
    }
    out.byte(10);
  }
  return { bytes: out.take(), failed };
}

/** The result line of a contract that could not be evaluated: its diagnostics. */
function errorLine(line: number, diagnostics: readonly Diagnostic[], lang: Language): string {
  return JSON.stringify({
    regel: line,
    fouten: diagnostics.map((d) => ({
      code: d.code,
      path: d.path,
      melding: renderMessage(d.code, d.args, lang),
    })),
  });
}

// JSON text as its author wrote it: what JSON.parse changes without a word — a key written twice
// (the last one wins) and a number a double cannot hold (it is rounded) — found in one scan.
import { Rational } from './rational.js';

/** A place in a JSON text where JSON.parse would not read what is written. */
export type JsonTextProblem =
  | {
      readonly kind: 'duplicate-key';
      /** The key as JSON.parse reads it. */
      readonly key: string;
      /** The second occurrence (the string of the key, quotes included). */
      readonly start: number;
      readonly end: number;
      /** The first occurrence's offset. */
      readonly first: number;
    }
  | {
      readonly kind: 'inexact-number';
      /** The number as written, and as a double reads it back. */
      readonly text: string;
      readonly read: string;
      readonly start: number;
      readonly end: number;
    };

/** More problems than this in one text are not reported: the first ones say enough. */
export const MAX_JSON_TEXT_PROBLEMS = 20;

/**
 * The duplicate keys and inexact numbers of a text that JSON.parse accepted (for other text the
 * answer is unspecified but the scan still ends). A hand-written scan rather than a second parser:
 * it runs on every line of a batch, and a full parse (jsonc-parser's visitor) triples the cost of
 * reading a contract.
 */
export function jsonTextProblems(text: string, limit = MAX_JSON_TEXT_PROBLEMS): JsonTextProblem[] {
  const problems: JsonTextProblem[] = [];
  /** Per open object its keys so far (with their offsets); `undefined` for an array. */
  const frames: (Map<string, number> | undefined)[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n && problems.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      if (!expectKey) continue;
      expectKey = false;
      const keys = frames[frames.length - 1];
      if (!keys) continue;
      const raw = text.slice(start + 1, i);
      const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
      const first = keys.get(key);
      if (first !== undefined) problems.push({ kind: 'duplicate-key', key, start, end: i + 1, first });
      else keys.set(key, start);
    } else if (c === 0x7b /* { */) {
      frames.push(new Map());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      frames.push(undefined);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = frames[frames.length - 1] !== undefined;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      let digits = 0;
      let plain = true;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39) digits++;
        else if (d === 0x65 || d === 0x45 || d === 0x2b)
          plain = false; // e E +
        else if (d !== 0x2e && d !== 0x2d) break; // . -
      }
      const written = text.slice(start, i);
      i--;
      // Up to 15 digits without an exponent, a double holds the decimal exactly enough that it
      // prints back as the same value (DBL_DIG is 15): the common case needs no arithmetic.
      if (plain && digits <= 15) continue;
      const read = Number(written);
      const exact = Number.isFinite(read) && Rational.parse(written)?.eq(Rational.fromNumber(read)) === true;
      if (!exact)
        problems.push({ kind: 'inexact-number', text: written, read: String(read), start, end: i + 1 });
    }
  }
  return problems;
}

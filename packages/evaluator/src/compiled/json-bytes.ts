// JSON written as UTF-8 straight into a growing byte buffer: the output of `sroi eval --batch`.
// A result line is mostly text the ruleset fixes (keys, route names and labels: encoded once per
// plan) and amounts (written digit by digit). Building the line as a string first and encoding
// it afterwards cost as much as evaluating the contract (measured: 35% of a batch worker).

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Text as UTF-8 bytes, for the fragments a writer copies again and again. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export class JsonBytes {
  private buffer: Uint8Array;
  /** Bytes written so far. */
  private end = 0;

  constructor(capacity = 64 * 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  /** How many bytes are written: a mark to go back to with `truncate`. */
  get length(): number {
    return this.end;
  }

  /** Drops what was written after `mark` (a line that failed halfway). */
  truncate(mark: number): void {
    if (mark < this.end) this.end = mark;
  }

  /** The buffer, with room for `n` more bytes. */
  private room(n: number): Uint8Array {
    if (this.buffer.length - this.end < n) {
      const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.end + n));
      grown.set(this.buffer.subarray(0, this.end));
      this.buffer = grown;
    }
    return this.buffer;
  }

  byte(b: number): void {
    this.room(1)[this.end++] = b;
  }

  /** Bytes encoded beforehand. */
  bytes(b: Uint8Array): void {
    const buffer = this.room(b.length);
    let at = this.end;
    // Measured: `set` wins from about 8 bytes on; below, the call costs more than a loop.
    if (b.length <= 8) for (let i = 0; i < b.length; i++) buffer[at++] = b[i]!;
    else {
      buffer.set(b, at);
      at += b.length;
    }
    this.end = at;
  }

  /** Text that is JSON already (or part of it), as UTF-8. */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const buffer = this.room(3 * s.length);
    let at = this.end;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buffer[at++] = c;
      else if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buffer[at++] = 0xe0 | (c >> 12);
        buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[at++] = 0x80 | (c & 0x3f);
      } else {
        // A surrogate: the encoder pairs it up (or writes U+FFFD for a lone one).
        at += encoder.encodeInto(s.slice(i), buffer.subarray(at)).written;
        break;
      }
    }
    this.end = at;
  }

  /**
   * Any text as a JSON string literal: the bytes of `JSON.stringify(s)`. Written as it is between
   * quotes when no character needs an escape, which is every melding an engine writes.
   */
  string(s: string): void {
    if (!plainJsonText(s)) return this.text(JSON.stringify(s));
    this.byte(34); // "
    this.text(s);
    this.byte(34);
  }

  /** A non-negative safe integer, in decimal digits. */
  digits(n: number): void {
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    const buffer = this.room(width);
    let at = this.end + width;
    this.end = at;
    do {
      const q = Math.floor(n / 10);
      buffer[--at] = 48 + (n - 10 * q);
      n = q;
    } while (n > 0);
  }

  /**
   * Whole cents (a safe integer) as the result format writes money: "1234.56", "-0.05", "0.00"
   * — `centsText`, without the string.
   */
  cents(c: number): void {
    let a = c;
    if (c < 0) {
      this.byte(45); // -
      a = -c;
    }
    const cents = a % 100;
    this.digits((a - cents) / 100);
    const buffer = this.room(3);
    buffer[this.end] = 46; // .
    buffer[this.end + 1] = 48 + Math.floor(cents / 10);
    buffer[this.end + 2] = 48 + (cents % 10);
    this.end += 3;
  }

  /** The bytes written, in a buffer of exactly their size (transferable), and an empty writer. */
  take(): Uint8Array {
    const out = this.buffer.slice(0, this.end);
    this.end = 0;
    return out;
  }

  /** The text written, and an empty writer. */
  takeText(): string {
    const text = decoder.decode(this.buffer.subarray(0, this.end));
    this.end = 0;
    return text;
  }
}

/**
 * Whether `JSON.stringify` writes a text as it is between quotes: no quote, backslash, control
 * character or surrogate (a lone one would be escaped).
 */
function plainJsonText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

// The byte writer of the batch output against the string functions it stands in for.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { JsonBytes } from '../../src/compiled/json-bytes.js';
import { centsText } from '../../src/compiled/result.js';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/**
 * Any UTF-16 text, lone surrogates included, with the characters a writer treats apart (quote,
 * backslash, control characters, €, two-byte letters) made likely.
 */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\u0001', '€', 'é', 'a', ' ', '\ud83d', '\ude00', '\ud83d\ude00'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 30,
});
const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('JsonBytes', () => {
  test.prop([fc.array(safe, { maxLength: 20 })])(
    'cents writes what centsText writes, for any safe integer',
    (list) => {
      // A small first buffer: the writer grows on the way.
      const out = new JsonBytes(8);
      for (const c of list) {
        out.cents(c);
        out.byte(44);
      }
      expect(decode(out.take())).toBe(list.map((c) => `${centsText(c)},`).join(''));
    },
  );

  test.prop([fc.array(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { maxLength: 20 })])(
    'digits writes a non-negative integer as String does',
    (list) => {
      const out = new JsonBytes(4);
      for (const n of list) {
        out.digits(n);
        out.byte(32);
      }
      expect(decode(out.take())).toBe(list.map((n) => `${n} `).join(''));
    },
  );

  test.prop([fc.array(anyText, { maxLength: 10 })])(
    'text and string write the UTF-8 of TextEncoder, string that of JSON.stringify, for any UTF-16 text',
    (texts) => {
      const out = new JsonBytes(1);
      for (const t of texts) {
        out.text(t);
        out.string(t);
      }
      const expected = new TextEncoder().encode(texts.map((t) => t + JSON.stringify(t)).join(''));
      expect([...out.take()]).toEqual([...expected]);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 })])(
    'bytes copies short and long fragments alike; truncate drops what followed a mark',
    (a, b) => {
      const out = new JsonBytes(16);
      out.bytes(a);
      const mark = out.length;
      out.bytes(b);
      expect(out.length).toBe(a.length + b.length);
      out.truncate(mark);
      out.bytes(b);
      expect([...out.take()]).toEqual([...a, ...b]);
      expect(out.length).toBe(0);
    },
  );
});

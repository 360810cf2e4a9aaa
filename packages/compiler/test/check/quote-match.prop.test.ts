// Quotations that are in the document are always found, however they are wrapped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { comparable, comparableQuote, occursIn } from '../../src/check/quote-match.js';

const policy = readFileSync(
  join(import.meta.dirname, '../../../../rulesets/bronnen/regionaal-social-return-beleid-2023-2027.txt'),
  'utf8',
).normalize('NFC');
const document = comparable(policy);

/** A piece of the policy text: any start, 1 to 300 characters, never splitting a surrogate pair. */
const piece = fc
  .tuple(fc.integer({ min: 0, max: policy.length - 1 }), fc.integer({ min: 1, max: 300 }))
  .map(([start, length]) => policy.slice(start, Math.min(policy.length, start + length)))
  .filter((p) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p));

/** Blanks and line breaks, as an editor or a copy from a PDF viewer puts them. */
const blanks = fc.constantFrom(' ', '  ', '\n', '\n  ', '\r\n', '\t', ' \n\n ');

/** A piece rewrapped: every run of blanks replaced, and blanks or line breaks added anywhere. */
const rewrapped = fc
  .tuple(piece, fc.array(fc.tuple(fc.nat(), blanks), { maxLength: 8 }), fc.array(blanks, { minLength: 1 }))
  .map(([text, insertions, runs]) => {
    let i = 0;
    let out = text.replace(/\s+/g, () => runs[i++ % runs.length]!);
    for (const [at, blank] of insertions) {
      const k = at % (out.length + 1);
      out = out.slice(0, k) + blank + out.slice(k);
    }
    return { text, out };
  })
  .filter(({ out }) => !/[\ud800-\udbff][^\udc00-\udfff]/.test(out));

describe('finding quotations (check/quote-match.ts)', () => {
  test.prop([rewrapped])(
    'any piece of the document, rewrapped with arbitrary line breaks and blanks, is found as a quotation',
    ({ out }) => {
      expect(occursIn(comparableQuote(out), document)).toBe(true);
    },
  );

  test.prop([piece])('any piece of the document with a hyphen broken across a line is found', (text) => {
    const broken = text.replace(/(\p{L})(\p{L})/u, '$1- \n$2');
    expect(occursIn(comparableQuote(broken), document)).toBe(true);
  });
});

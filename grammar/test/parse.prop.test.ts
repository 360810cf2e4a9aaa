import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { keywordList } from '../src/tokens.js';
import { lexAndParse } from '../src/parse.js';

/** Fragments of the language, so random text reaches deep into the grammar, not just the lexer. */
const fragment = fc.oneof(
  fc.constantFrom(...keywordList.map((k) => k.spelling)),
  fc.constantFrom('(', ')', '[', ']', '|', ',', ':', '.', '=', '≥', '+', '-', '×', '/', '%', '€', '#'),
  fc.constantFrom('"tekst"', '"open', '2024-01-01', '50.000', '1,5', 'naam', 'mbo-bbl', '\n', '  '),
);
const sroiLike = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(' '));

test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('lexAndParse never throws on any text', (text) => {
  expect(() => lexAndParse(text)).not.toThrow();
});

test.prop([sroiLike])('lexAndParse never throws on text made of sroi fragments', (text) => {
  expect(() => lexAndParse(`regeling "x"\n${text}`)).not.toThrow();
});

test.prop([sroiLike])('every token lies within the text and images match their offsets', (text) => {
  const raw = lexAndParse(text);
  for (const t of [...raw.tokens, ...raw.comments])
    expect(text.slice(t.startOffset, t.startOffset + t.image.length)).toBe(t.image);
});

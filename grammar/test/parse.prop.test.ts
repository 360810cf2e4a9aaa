import { fc, test } from '@fast-check/vitest';
import { Lexer } from 'chevrotain';
import { expect, test as unit } from 'vitest';
import { allTokens, keywordList, sroiLexer } from '../src/tokens.js';
import { lexAndParse } from '../src/parse.js';
import { nonKeywordExamples, tokenSoupArbitrary, vocabulary } from './support/vocabulary.js';

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

unit('the token vocabulary produces every token type the lexer knows', () => {
  const produced = new Set<string>();
  for (const entry of vocabulary) {
    const { tokens, groups } = sroiLexer.tokenize(entry);
    for (const t of [...tokens, ...Object.values(groups).flat()]) produced.add(t.tokenType.name);
    if (/^\s+$/u.test(entry)) produced.add('WhiteSpace');
  }
  const lexed = allTokens.filter((t) => t.PATTERN !== Lexer.NA).map((t) => t.name);
  expect(lexed.filter((name) => !produced.has(name))).toEqual([]);
  expect(Object.keys(nonKeywordExamples).filter((name) => !lexed.includes(name))).toEqual([]);
});

test.prop([tokenSoupArbitrary], { numRuns: 300 })(
  'on token soup from the whole vocabulary, lexAndParse never throws and every error lies in the text',
  (soup) => {
    for (const text of [soup, `regeling "x"\n${soup}`]) {
      const raw = lexAndParse(text);
      for (const e of raw.lexErrors) {
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
      }
      // A parse error points at a token of the text, or at the end (Chevrotain's EOF has no offset).
      for (const e of raw.parseErrors)
        if (!Number.isNaN(e.token.startOffset))
          expect(text.slice(e.token.startOffset, e.token.startOffset + e.token.image.length)).toBe(
            e.token.image,
          );
    }
  },
);

/** The same tokens without Chevrotain's first-character optimisation (the start hints unused). */
const unoptimisedLexer = new Lexer(allTokens, { positionTracking: 'full', safeMode: true });
const tokenFacts = (r: ReturnType<Lexer['tokenize']>) => ({
  tokens: r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn]),
  comments: (r.groups['comments'] ?? []).map((t) => [t.image, t.startOffset, t.startLine, t.startColumn]),
  errors: r.errors.map((e) => [e.offset, e.length]),
});
/** Line and column of an offset, counted independently of the lexer (\n, \r\n and \r end a line). */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split(/\r\n?|\n/);
  return [before.length, before.at(-1)!.length + 1];
}
const textWithBreaks = fc
  .array(
    fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.constantFrom('\r\n', '\r', '\u2028', '\u00a0', '\t', 'é', '€'),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(' '));

test.prop([fc.oneof(tokenSoupArbitrary, textWithBreaks, fc.string({ maxLength: 200 }))])(
  'the start-character hints and line-break flags of the tokens change no token, offset, line or column',
  (text) => {
    const optimised = sroiLexer.tokenize(text);
    expect(tokenFacts(optimised)).toEqual(tokenFacts(unoptimisedLexer.tokenize(text)));
    for (const t of optimised.tokens)
      expect([t.startLine, t.startColumn]).toEqual(lineColumn(text, t.startOffset));
  },
);

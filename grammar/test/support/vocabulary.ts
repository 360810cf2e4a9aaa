// The token vocabulary of the language, for token soup: every keyword spelling and examples of
// every other token type (both well-formed and just-wrong literals). `vocabulary.test.ts` checks
// that every token type the lexer knows is produced by some entry, so a new token joins the soup.
import { fc } from '@fast-check/vitest';
import { keywordList } from '../../src/tokens.js';

/** Examples of every token that is not a keyword, with the lexer's token name. */
export const nonKeywordExamples: Readonly<Record<string, readonly string[]>> = {
  WhiteSpace: [' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff'],
  Comment: ['# opmerking', '#', '# "niet" een tekst'],
  StringLiteral: ['"tekst"', '""', '"a \\" b"', '"a\\\\"', '"{activiteit.maanden}"', '"{"'],
  UnterminatedString: ['"open', '"eindigt op \\'],
  DateLiteral: ['2024-01-01', '2024-02-30', '0000-99-99'],
  NumberLiteral: ['0', '50.000', '1,5', '1.2.3', '00,001', '99999999999999999999'],
  EuroSign: ['€'],
  PercentSign: ['%'],
  Identifier: ['naam', 'mbo-bbl', 'a1', 'é', '_x', 'jongere-zonder-start'],
  LParen: ['('],
  RParen: [')'],
  LBracket: ['['],
  RBracket: [']'],
  Comma: [','],
  Colon: [':'],
  Dot: ['.'],
  Pipe: ['|'],
  NotEquals: ['≠', '<>', '!='],
  LessEquals: ['≤', '<='],
  GreaterEquals: ['≥', '>='],
  Less: ['<'],
  Greater: ['>'],
  Equals: ['='],
  Plus: ['+'],
  Minus: ['-', '−', '–'],
  Times: ['×', '*', '·'],
  Divide: ['/', '÷'],
};

/** Every entry of the vocabulary: keyword spellings and the examples above. */
export const vocabulary: readonly string[] = [
  ...keywordList.map((k) => k.spelling),
  ...Object.values(nonKeywordExamples).flat(),
];

/** Text made of tokens of the language, separated by blanks (or not: `a(`, `1,5`). */
export const tokenSoupArbitrary: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(' ', ' ', ' ', '\n', '', '  ')), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([token, blank]) => token + blank).join(''));

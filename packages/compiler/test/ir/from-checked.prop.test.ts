// The formula text of the IR ("as written", white space tidied) against the regular expressions
// that define it.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formulaText } from '../../src/ir/from-checked.js';

const byRegExps = (text: string) =>
  text.replace(/\s+/g, ' ').replace(/\(\s/g, '(').replace(/\s\)/g, ')').trim();

/** Text made of formula pieces, parentheses and every kind of white space `\s` knows. */
const pieces = fc.constantFrom(
  ...['a', 'min', '€ 1.000', '(', ')', '((', '))', ',', '×', '"x  y"'],
  ...[' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\x01'],
);
const formula = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

test.prop([formula])('formulaText collapses white space exactly as the regular expressions do', (text) => {
  expect(formulaText(text)).toBe(byRegExps(text));
});

test.prop([formula, fc.nat(), fc.nat()])(
  'formulaText of a slice is the tidied slice (the span of a node in a file)',
  (text, a, b) => {
    const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [
      number,
      number,
    ];
    expect(formulaText(text, start, end)).toBe(byRegExps(text.slice(start, end)));
  },
);

test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
  'formulaText agrees with the regular expressions on any text',
  (text) => {
    expect(formulaText(text)).toBe(byRegExps(text));
  },
);

import { describe, expect, test } from 'vitest';
import { escapeControlCharacters, isBidiControl, isC1Control } from '../src/characters.js';

describe('escapeControlCharacters', () => {
  test('shows C0, DEL, C1, bidi controls and line separators escaped, and leaves other text alone', () => {
    expect(escapeControlCharacters('a\r\nb\tc\x1b[8md\x7f\x9be\u202eF\u2066\u2028g')).toBe(
      'a\\r\\nb\\tc\\x1b[8md\\x7f\\x9be\\u202eF\\u2066\\u2028g',
    );
    expect(escapeControlCharacters('€ 1.250,00 · Ĳsselmonde')).toBe('€ 1.250,00 · Ĳsselmonde');
  });

  test('keeps the characters it is told to keep, and escapes the rest', () => {
    expect(escapeControlCharacters('één\nregel\r\x1b', '\n')).toBe('één\nregel\\r\\x1b');
  });

  test('classifies the Trojan Source characters and the C1 range', () => {
    expect([0x202a, 0x202e, 0x2066, 0x2069, 0x200f].every(isBidiControl)).toBe(true);
    expect([0x2065, 0x202f, 0x41].some(isBidiControl)).toBe(false);
    expect([0x80, 0x9b, 0x9f].every(isC1Control)).toBe(true);
    expect([0x7f, 0xa0].some(isC1Control)).toBe(false);
  });
});

import { fc, test } from '@fast-check/vitest';
import { moneyText, Rational } from '@sroi/core';
import { describe, expect } from 'vitest';
import { centsText } from '../../src/compiled/result.js';

describe('centsText', () => {
  test.prop([
    fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.maxSafeInteger(),
      fc.constantFrom(
        0,
        -0,
        5,
        -5,
        99,
        -99,
        100,
        -100,
        101,
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_SAFE_INTEGER,
      ),
    ),
  ])('writes whole cents exactly as moneyText does (the same text for every safe integer)', (c) => {
    expect(centsText(c)).toBe(moneyText(Rational.of(BigInt(c))));
  });

  test('writes cents beyond 2^53 through the Rational, exactly', () => {
    expect(centsText(2 ** 60)).toBe(moneyText(Rational.of(2n ** 60n)));
  });
});

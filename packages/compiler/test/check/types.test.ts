// Types (check/types.ts): what a formula must give, and optional values that may be unknown.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('types', () => {
  test('a number where an amount is declared is SR3002', () => {
    expect(codesWith('uitkomst a: bedrag = 5\n  aanname "t"')).toEqual(['SR3002']);
  });

  test('an optional field used as if it were always known is SR3006', () => {
    expect(codesWith('uitkomst a: percentage = contract.arbeidsaandeel + 1%\n  aanname "t"')).toEqual([
      'SR3006',
    ]);
  });

  test('standaard gives an optional field a value, and the formula is accepted', () => {
    expect(
      codesWith('uitkomst a: percentage = standaard(contract.arbeidsaandeel, 0%) + 1%\n  aanname "t"'),
    ).toEqual([]);
  });
});

// Precision (check/precision.ts): every amount that leaves the ruleset is whole cents.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('precision', () => {
  test('an outcome that may be a fraction of a cent is SR3005', () => {
    expect(codesWith('uitkomst a: bedrag = contract.waarde × 5%\n  aanname "t"')).toEqual(['SR3005']);
  });

  test('afronden op € 0,01 makes it whole cents', () => {
    expect(
      codesWith('uitkomst a: bedrag = afronden(contract.waarde × 5%, op € 0,01)\n  aanname "t"'),
    ).toEqual([]);
  });
});

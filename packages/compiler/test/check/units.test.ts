// Units (check/units.ts): the unit algebra of amounts, rates, durations and percentages.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('units', () => {
  test('an amount times an amount is SR3014', () => {
    expect(codesWith('uitkomst a: getal = contract.waarde × contract.waarde\n  aanname "t"')).toContain(
      'SR3014',
    );
  });

  test('a number plus a percentage is SR3019, a rate plus an amount SR3017', () => {
    expect(codesWith('uitkomst a: getal = 1 + 5%\n  aanname "t"')).toEqual(['SR3019']);
    expect(codesWith('uitkomst a: bedrag = € 10 per jaar + € 5\n  aanname "t"')).toEqual(['SR3017']);
  });

  test('a rate per year times months is an amount', () => {
    expect(
      codesWith('uitkomst a: bedrag = afronden(€ 12.000 per jaar × 3 maanden, op € 0,01)\n  aanname "t"'),
    ).toEqual([]);
  });
});

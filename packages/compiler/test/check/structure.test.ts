// Structure (check/structure.ts): required outcomes, enumerations, routes, the reference date.
import { describe, expect, test } from 'vitest';
import { codesWith, codesOf, rulesetWith } from '../support/check.js';

describe('structure', () => {
  test('a required outcome that is missing is SR2005', () => {
    const text = rulesetWith().replace(/uitkomst boete: bedrag = restant\n/, '');
    expect(codesOf(text)).toEqual(['SR2005']);
  });

  test('an activity kind in no route is SR2012', () => {
    const text = rulesetWith().replace('maatwerk, overdracht', 'maatwerk');
    expect(codesOf(text)).toEqual(['SR2012']);
  });

  test('a reference date that is not a required date of the contract is SR2022', () => {
    expect(
      codesWith(
        '',
        'regeling "P"\n  bron "t"\n  peildatum contract.startdatum\n  periode "p" van 2024-01-01 tot en met 2024-12-31',
      ),
    ).toContain('SR2022');
  });
});

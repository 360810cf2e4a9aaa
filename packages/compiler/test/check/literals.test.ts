import { describe, expect, test } from 'vitest';
import { codesOf, rulesetWith } from '../support/check.js';

// The minimal ruleset values a placement at € 10.000 per jaar in its formula: one SR3202 of its own.
const own = codesOf(rulesetWith(), { literals: true }).filter((c) => c === 'SR3202').length;
const literals = (extra: string) =>
  codesOf(rulesetWith(extra), { literals: true }).filter((c) => c === 'SR3202').length - own;

describe('named values (check/literals.ts)', () => {
  test('a money amount, a percentage or a duration inside a formula is SR3202', () => {
    expect(literals('definitie a: bedrag = € 7.500\n  aanname "t"')).toBe(1);
    expect(literals('definitie b: percentage = 5% × 2\n  aanname "t"')).toBe(1);
    expect(literals('definitie c: janee = contract.waarde > € 50.000\n  aanname "t"')).toBe(1);
  });

  test('neutral notation is no policy value: € 0, 0%, 100% and a rounding quantum', () => {
    expect(literals('definitie a: bedrag = max(€ 0, contract.waarde)\n  aanname "t"')).toBe(0);
    expect(
      literals('definitie b: percentage = standaard(contract.arbeidsaandeel, 100%)\n  aanname "t"'),
    ).toBe(0);
    expect(literals('definitie c: bedrag = afronden(contract.waarde, op € 0,01)\n  aanname "t"')).toBe(0);
  });

  test('a named parameter is how a value is written instead', () => {
    expect(
      literals(
        'parameter bonus: bedrag = € 7.500\n  aanname "t"\ndefinitie a: bedrag = bonus\n  aanname "t"',
      ),
    ).toBe(0);
  });
});

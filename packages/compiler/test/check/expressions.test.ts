// Expressions (check/expressions.ts): name resolution, calls and their arity, conditions.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('expressions', () => {
  test('a table called with the wrong number of arguments is SR2013', () => {
    const codes = codesWith(
      'tabel t(contractvorm: contractvorm): bedrag [uniek]\n  aanname "t"\n  | bepaald | € 1 |\n  | onbepaald | € 2 |\nuitkomst a: bedrag = t(bepaald, onbepaald)\n  aanname "t"',
    );
    expect(codes).toContain('SR2013');
  });

  test('a condition that is not ja/nee is SR3003', () => {
    expect(codesWith('uitkomst a: bedrag = als € 1 dan € 1 anders € 2\n  aanname "t"')).toEqual(['SR3003']);
  });

  test('a branch whose condition is always ja or nee is warned of (SR4107)', () => {
    expect(codesWith('uitkomst a: bedrag = als ja dan € 1 anders € 2\n  aanname "t"')).toEqual(['SR4107']);
  });

  test('maanden_tussen of two dates is a duration in months, optional when a date may be unknown', () => {
    expect(
      codesWith(
        'uitkomst a: duur in maanden = maanden_tussen(2024-01-15, contract.gunningsdatum)\n  aanname "t"\n' +
          'uitkomst b: duur in maanden optioneel = months_between(contract.startdatum, contract.einddatum)\n  aanname "t"',
      ),
    ).toEqual([]);
    // Used where a known duration is needed, the optional months must be given a value first.
    expect(
      codesWith(
        'uitkomst a: duur in maanden = maanden_tussen(contract.startdatum, contract.einddatum)\n  aanname "t"',
      ),
    ).toEqual(['SR3006']);
  });

  test('maanden_tussen takes two dates: another type is SR3002, another count SR2013', () => {
    expect(
      codesWith('uitkomst a: duur in maanden = maanden_tussen(contract.gunningsdatum, € 1)\n  aanname "t"'),
    ).toEqual(['SR3002']);
    expect(
      codesWith('uitkomst a: duur in maanden = maanden_tussen(contract.gunningsdatum)\n  aanname "t"'),
    ).toEqual(['SR2013']);
  });
});

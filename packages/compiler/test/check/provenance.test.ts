// Provenance (check/provenance.ts): every value says where it comes from, bron or aanname.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('provenance', () => {
  test('a parameter without bron or aanname is SR2024', () => {
    expect(
      codesWith('parameter drempel: bedrag = € 50.000\nuitkomst a: bedrag = drempel\n  aanname "t"'),
    ).toEqual(['SR2024']);
  });

  test('a ruleset without any bron is SR2023', () => {
    expect(codesWith('', 'regeling "P"\n  periode "p" van 2024-01-01 tot en met 2024-12-31')).toContain(
      'SR2023',
    );
  });
});

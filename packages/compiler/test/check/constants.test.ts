// Constants (check/constants.ts): where only fixed values may stand (parameters, table cells).
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

describe('constants', () => {
  test('a parameter holds a fixed value, never a contract field (SR3020)', () => {
    expect(codesWith('parameter vast: bedrag = contract.waarde\n  aanname "t"')).toContain('SR3020');
  });

  test('an input cell of a table is a fixed value, never a parameter (SR4006)', () => {
    const codes = codesWith(
      'tabel t(n: getal): bedrag [eerste]\n  aanname "t"\n  | < percentage_sr | € 1 |\n  | - | € 2 |\nuitkomst a: bedrag = t(1)\n  aanname "t"',
    );
    expect(codes).toContain('SR4006');
  });
});

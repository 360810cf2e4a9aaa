// Names (check/names.ts): symbol tables, duplicates, and "did you mean" for unknown names.
import { describe, expect, test } from 'vitest';
import { compileSource } from '../../src/compile.js';
import { codesWith, rulesetWith } from '../support/check.js';

describe('names', () => {
  test('the minimal ruleset declares every name it uses', () => {
    expect(codesWith()).toEqual([]);
  });

  test('an unknown name is SR2001, with the name it probably meant as a suggestion', () => {
    const text = rulesetWith(
      'parameter drempel: bedrag = € 50.000\n  aanname "t"\nuitkomst groot: janee = contract.waarde > drempl\n  aanname "t"',
    );
    const d = compileSource('test.sroi', text).diagnostics.find((x) => x.code === 'SR2001')!;
    expect(d.args['name']).toBe("'drempl'");
    expect(JSON.stringify(d.suggestions)).toContain('drempel');
  });

  test('a name declared twice is SR2002', () => {
    expect(codesWith('parameter percentage_sr: percentage = 6%\n  aanname "t"')).toContain('SR2002');
  });
});

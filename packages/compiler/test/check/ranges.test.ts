import { irInvariants } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { compileSource } from '../../src/compile.js';
import { formatSource } from '../../src/format/format.js';
import { codesOf, rulesetWith } from '../support/check.js';

const range = (declaration: string) =>
  codesOf(
    rulesetWith(`${declaration}\n  aanname "t"\ndefinitie gebruikt: janee = p = p\n  aanname "t"`),
  ).filter((c) => c.startsWith('SR33'));

describe('parameter ranges (check/ranges.ts)', () => {
  test('a value inside its declared range, bounds included, is accepted', () => {
    expect(range('parameter p: percentage tussen 0% en 10% = 10%')).toEqual([]);
    expect(range('parameter p: bedrag tussen -€ 100 en € 100 = -€ 100')).toEqual([]);
    expect(range('parameter p: getal between 1 and 3 = 1')).toEqual([]);
  });

  test('a value outside its declared range is SR3301, in every version', () => {
    expect(range('parameter p: percentage tussen 0% en 10% = 11%')).toEqual(['SR3301']);
    expect(
      range('parameter p: duur in maanden tussen 1 maanden en 12 maanden\n  vanaf 2024-01-01: 0 maanden'),
    ).toEqual(['SR3301']);
  });

  test('amounts and percentages without a range are never negative; numbers may be', () => {
    expect(range('parameter p: percentage = -5%')).toEqual(['SR3301']);
    expect(range('parameter p: bedrag per jaar = -€ 1 per jaar')).toEqual(['SR3301']);
    expect(range('parameter p: getal = -1')).toEqual([]);
  });

  test('an empty range is SR3300, a range on a text SR3302', () => {
    expect(range('parameter p: percentage tussen 10% en 5% = 7%')).toEqual(['SR3300']);
    expect(range('parameter p: tekst tussen 1 en 2 = "x"')).toEqual(['SR3302']);
  });

  test('the range reaches the IR, and the IR invariants refuse a value outside it', () => {
    const text = rulesetWith(
      'parameter p: percentage tussen 0% en 10% = 5%\n  aanname "t"\ndefinitie gebruikt: janee = p = p\n  aanname "t"',
    );
    const ir = compileSource('r.sroi', text).ir!;
    const p = ir.parameters.find((x) => x.name === 'p')!;
    expect(p.range).toEqual({ min: { num: '0' }, max: { num: '1/10' } });
    expect(irInvariants(ir)).toEqual([]);
    const tampered = structuredClone(ir);
    tampered.parameters.find((x) => x.name === 'p')!.versions[0]!.value = { num: '1/5' };
    expect(irInvariants(tampered)).toEqual([expect.stringContaining('outside its range')]);
    const negative = structuredClone(ir);
    negative.parameters.find((x) => x.name === 'percentage_sr')!.versions[0]!.value = { num: '-1/20' };
    expect(irInvariants(negative)).toEqual([expect.stringContaining('outside its range')]);
  });

  test('the formatter keeps a range', () => {
    const text = rulesetWith('parameter p: percentage tussen 0% en 10% = 5%\n  aanname "t"');
    expect(formatSource('r.sroi', text).value).toContain('parameter p: percentage tussen 0% en 10% = 5%');
    expect(formatSource('r.sroi', text, 'en').value).toContain(
      'parameter p: percentage between 0% and 10% = 5%',
    );
  });
});

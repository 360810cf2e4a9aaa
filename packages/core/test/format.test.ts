import { describe, expect, test } from 'vitest';
import { parseIsoDate } from '../src/date.js';
import { formatMoney, formatNumber, formatValue, moneyText, percentText } from '../src/format.js';
import type { IrType } from '../src/ir.js';
import { Rational } from '../src/rational.js';

const r = (n: number, d = 1) => Rational.of(n, d);

describe('formatMoney', () => {
  test.each([
    [1_333_333, 1, '€ 13.333,33', '€ 13,333.33'],
    [125_000_000, 1, '€ 1.250.000,00', '€ 1,250,000.00'],
    [0, 1, '€ 0,00', '€ 0.00'],
    [-150, 1, '€ -1,50', '€ -1.50'],
    [1, 2, '€ 0,005', '€ 0.005'],
    [4_000_000, 3, '≈ € 13.333,3333', '≈ € 13,333.3333'],
  ])('%i/%i cents is %s in Dutch and %s in English', (n, d, nl, en) => {
    expect(formatMoney(r(n, d))).toBe(nl);
    expect(formatMoney(r(n, d), 'en')).toBe(en);
  });
});

describe('formatNumber', () => {
  test('pads to the minimum number of decimals', () => {
    expect(formatNumber(r(5), 'nl', 2, 4)).toBe('5,00');
  });

  test('groups thousands and marks a repeating decimal as approximate', () => {
    expect(formatNumber(r(-1_234_567, 10))).toBe('-123.456,7');
    expect(formatNumber(r(-1, 3), 'en')).toBe('≈ -0.3333');
  });
});

describe('formatValue', () => {
  const cases: [string, Rational | boolean | string | null, IrType, string, string][] = [
    ['money', r(1_333_333), { t: 'bedrag' }, '€ 13.333,33', '€ 13,333.33'],
    [
      'a yearly rate from cents per month',
      r(4_000_000, 12),
      { t: 'tarief', per: 'jaar' },
      '€ 40.000,00 per jaar',
      '€ 40,000.00 per year',
    ],
    ['an hourly rate', r(10_000), { t: 'tarief', per: 'uur' }, '€ 100,00 per uur', '€ 100.00 per hour'],
    ['a percentage from its ratio', r(1, 20), { t: 'percentage' }, '5%', '5%'],
    ['a percentage with decimals', r(2222, 10_000), { t: 'percentage' }, '22,22%', '22.22%'],
    ['a repeating percentage', r(1, 3), { t: 'percentage' }, '≈ 33,3333%', '≈ 33.3333%'],
    ['months', r(14), { t: 'duur', unit: 'maand' }, '14 maanden', '14 months'],
    ['one month', r(1), { t: 'duur', unit: 'maand' }, '1 maand', '1 month'],
    ['years from months', r(24), { t: 'duur', unit: 'jaar' }, '2 jaar', '2 years'],
    ['one year', r(12), { t: 'duur', unit: 'jaar' }, '1 jaar', '1 year'],
    ['a year and a half', r(18), { t: 'duur', unit: 'jaar' }, '1,5 jaar', '1.5 years'],
    ['weeks from days', r(14), { t: 'duur', unit: 'week' }, '2 weken', '2 weeks'],
    ['one day', r(1), { t: 'duur', unit: 'dag' }, '1 dag', '1 day'],
    ['hours', r(40), { t: 'duur', unit: 'uur' }, '40 uur', '40 hours'],
    [
      'a date from its day number',
      r(parseIsoDate('2024-02-01')!),
      { t: 'datum' },
      '2024-02-01',
      '2024-02-01',
    ],
    ['a number', r(3, 2), { t: 'getal' }, '1,5', '1.5'],
    ['a large number', r(1_234_567), { t: 'getal' }, '1.234.567', '1,234,567'],
    ['unknown', null, { t: 'bedrag', optional: true }, 'onbekend', 'unknown'],
    ['yes', true, { t: 'janee' }, 'ja', 'yes'],
    ['no', false, { t: 'janee' }, 'nee', 'no'],
    ['text in quotes', 'abc', { t: 'tekst' }, '"abc"', '"abc"'],
    ['an enumeration value as is', 'ww', { t: 'opsomming', name: 'doelgroep' }, 'ww', 'ww'],
  ];
  test.each(cases)('shows %s in Dutch and English', (_, value, type, nl, en) => {
    expect(formatValue(value, type)).toBe(nl);
    expect(formatValue(value, type, 'en')).toBe(en);
  });
});

describe('result format', () => {
  test('moneyText has two decimals, rounded half away from zero, without grouping', () => {
    expect(moneyText(r(1_333_333))).toBe('13333.33');
    expect(moneyText(r(1, 2))).toBe('0.01');
    expect(moneyText(r(-1, 2))).toBe('-0.01');
    expect(moneyText(Rational.ZERO)).toBe('0.00');
  });

  test('percentText is percent with two decimals', () => {
    expect(percentText(r(2, 9))).toBe('22.22');
    expect(percentText(r(20, 9))).toBe('222.22');
    expect(percentText(Rational.ONE)).toBe('100.00');
  });
});

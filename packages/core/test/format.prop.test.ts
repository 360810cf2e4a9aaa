import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parseContract } from '../src/contract.js';
import { formatCents, formatFraction, formatMoney, formatValue, moneyText } from '../src/format.js';
import type { IrType } from '../src/ir.js';
import { Rational } from '../src/rational.js';

const cents = fc.bigInt({ min: 0n, max: 10n ** 14n }).map((c) => Rational.of(c));

test.prop([cents])('moneyText parses back to the same cents', (c) => {
  expect(Rational.parse(moneyText(c))!.mul(Rational.of(100)).eq(c)).toBe(true);
});

test.prop([cents])('moneyText is accepted as contract money of the same cents', (c) => {
  const result = parseContract({
    opdrachtsoort: 'diensten',
    waarde: moneyText(c),
    gunningsdatum: '2024-02-01',
    activiteiten: [],
  });
  expect(result.value?.fields.get('waarde')).toEqual(c);
});

test.prop([cents])('Dutch formatMoney reads back as the same cents', (c) => {
  const text = formatMoney(c);
  expect(text).toMatch(/^€ \d{1,3}(\.\d{3})*,\d{2}$/);
  const plain = text.slice(2).replace(/\./g, '').replace(',', '.');
  expect(Rational.parse(plain)!.mul(Rational.of(100)).eq(c)).toBe(true);
});

test.prop([cents])('English formatMoney differs from Dutch only in its separators', (c) => {
  const swap = (s: string) => s.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.'));
  expect(formatMoney(c, 'en')).toBe(swap(formatMoney(c)));
});

test.prop([fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 1000 })])(
  'moneyText of any fraction of a cent is within half a cent',
  (n, d) => {
    const c = Rational.of(n, BigInt(d));
    const back = Rational.parse(moneyText(c))!.mul(Rational.of(100));
    expect(back.sub(c).abs().le(Rational.of(1, 2))).toBe(true);
  },
);

test.prop([
  fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -200_000_000, max: 200_000_000 }),
    fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }),
    fc.maxSafeInteger(),
    fc.constantFrom(0, -0, 5, -5, 100, -100, 99_999_999, 100_000_000, -100_000_001),
    fc.constantFrom(99_999_999_999, 100_000_000_000, -100_000_000_001),
  ),
  fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>,
])('formatCents(c) shows whole cents exactly as formatMoney of the same Rational', (c, lang) => {
  expect(formatCents(c, lang)).toBe(formatMoney(Rational.of(BigInt(c)), lang));
});

const numberTypes: fc.Arbitrary<IrType> = fc.constantFrom<IrType>(
  { t: 'bedrag' },
  { t: 'getal' },
  { t: 'percentage' },
  { t: 'tarief', per: 'jaar' },
  { t: 'tarief', per: 'week' },
  { t: 'duur', unit: 'maand' },
  { t: 'duur', unit: 'jaar' },
  { t: 'duur', unit: 'uur' },
  { t: 'duur', unit: 'dag' },
  { t: 'duur', unit: 'week' },
  { t: 'tarief', per: 'maand' },
  { t: 'datum' },
);

test.prop([
  fc.oneof(
    fc.integer({ min: -10_000_000, max: 10_000_000 }),
    fc.maxSafeInteger(),
    fc.constantFrom(0, 1, 12, 100),
  ),
  fc.oneof(
    fc.integer({ min: 1, max: 10_000 }),
    fc.constantFrom(1, 3, 100, 10_000, 1_000_000),
    // Any safe denominator but zero (no fraction has it: both sides would throw).
    fc.maxSafeInteger().filter((d) => d !== 0),
  ),
  fc.integer({ min: 1, max: 50 }),
  numberTypes,
  fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>,
])(
  'formatFraction(n, d) shows any fraction, reduced or not, exactly as formatValue of the same Rational',
  (n, d, common, type, lang) => {
    // Dates are whole days; other values any fraction, with a common factor left in.
    const [num, den] = type.t === 'datum' ? [n % 3_000_000, 1] : [n * common, d * common];
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return;
    expect(formatFraction(num, den, type, lang)).toBe(
      formatValue(Rational.of(BigInt(num), BigInt(den)), type, lang),
    );
  },
);

test('formatFraction shows NaN as unknown', () => {
  expect(formatFraction(Number.NaN, 1, { t: 'bedrag' })).toBe('onbekend');
  expect(formatFraction(Number.NaN, 1, { t: 'getal' }, 'en')).toBe('unknown');
});

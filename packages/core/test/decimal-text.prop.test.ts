import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  centDigits,
  decimalDigits,
  fixedText,
  fractionDigits,
  groupedInteger,
  groupThousands,
  hundreds,
  plainCents,
} from '../src/decimal-text.js';
import { formatMoney, formatNumber } from '../src/format.js';
import { Rational } from '../src/rational.js';

// An independent reference on BigInt: n/d × 10^places, rounded half away from zero.
function referenceFixed(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const a = n < 0n ? -n : n;
  const q = (2n * a * scale + d) / (2n * d);
  const digits = q.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return (n < 0n && q !== 0n ? '-' : '') + int + (places > 0 ? '.' + frac : '');
}

// The fewest places (≤ max) that show n/d exactly, or undefined.
function exactPlaces(n: bigint, d: bigint, max: number): number | undefined {
  const a = n < 0n ? -n : n;
  for (let p = 0; p <= max; p++) if ((a * 10n ** BigInt(p)) % d === 0n) return p;
  return undefined;
}

// Small and large numerators, denominators with and without factors other than 2 and 5.
const numerator = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);
const denominator = fc.oneof(
  fc.constantFrom(1, 2, 4, 5, 8, 10, 100, 1200, 3, 7, 12, 52, 36),
  fc.integer({ min: 1, max: 10 ** 9 }),
);
const places = fc.integer({ min: 0, max: 8 });

test.prop([numerator, denominator, places])(
  'fixedText equals BigInt half-away-from-zero rounding whenever it answers',
  (n, d, p) => {
    const fast = fixedText(n, d, p);
    if (fast !== undefined) expect(fast).toBe(referenceFixed(BigInt(n), BigInt(d), p));
  },
);

test.prop([
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  denominator,
  fc.integer({ min: 0, max: 4 }),
])('fixedText answers for every money-sized value (|n| ≤ 10^9, d ≤ 10^9, ≤ 4 places)', (n, d, p) => {
  expect(fixedText(n, d, p)).toBeDefined();
});

test.prop([numerator, denominator, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })])(
  'decimalDigits is exact with the fewest places, or rounded to the maximum and marked approximate',
  (n, d, a, b) => {
    const [min, max] = a <= b ? [a, b] : [b, a];
    const fast = decimalDigits(n, d, min, max);
    if (fast === undefined) return;
    const exact = exactPlaces(BigInt(n), BigInt(d), max);
    const shown = exact === undefined ? max : Math.max(exact, min);
    const reference = referenceFixed(BigInt(n < 0 ? -n : n), BigInt(d), shown);
    expect(fast.approximate).toBe(exact === undefined);
    expect(fast.frac ? `${fast.int}.${fast.frac}` : fast.int).toBe(reference);
    expect(fast.zero).toBe(!/[1-9]/.test(reference));
  },
);

test.prop([fc.bigInt({ min: 0n, max: 10n ** 30n })])(
  'groupThousands inserts a separator every three digits from the right and nothing else',
  (x) => {
    const digits = x.toString();
    const grouped = groupThousands(digits, '.');
    expect(grouped.replace(/\./g, '')).toBe(digits);
    expect(grouped).toMatch(/^\d{1,3}(\.\d{3})*$/);
  },
);

test.prop([
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
  fc.oneof(fc.constantFrom(1n, 3n, 7n, 12n, 100n), fc.bigInt({ min: 1n, max: 10n ** 12n })),
])('formatMoney shows n/d cents as the BigInt reference does, on the fast path and off it', (n, d) => {
  const r = Rational.of(n, d);
  const euros = Rational.of(r.n, r.d * 100n);
  const exact = exactPlaces(euros.n, euros.d, 4);
  const places = exact === undefined ? 4 : Math.max(exact, 2);
  const digits = referenceFixed(euros.n < 0n ? -euros.n : euros.n, euros.d, places);
  const [int, frac] = digits.split('.');
  const sign = euros.n < 0n && /[1-9]/.test(digits) ? '-' : '';
  const expected = `${exact === undefined ? '≈ ' : ''}€ ${sign}${groupThousands(int!, '.')},${frac}`;
  expect(formatMoney(r)).toBe(expected);
  expect(formatNumber(euros, 'en', 2, 4)).toBe(
    `${exact === undefined ? '≈ ' : ''}${sign}${groupThousands(int!, ',')}.${frac}`,
  );
});

test.prop([
  fc.oneof(
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 1000, max: 999_999 }),
    fc.integer({ min: 1_000_000, max: 999_999_999 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(1000, 1001, 999_999, 1_000_000, 1_000_001, 999_999_999, 1_000_000_000),
  ),
  fc.constantFrom('.', ','),
])('groupedInteger groups any safe integer as groupThousands groups its digits', (x, separator) => {
  expect(groupedInteger(x, separator)).toBe(groupThousands(String(x), separator));
});

test.prop([
  fc.oneof(
    fc.integer({ min: 0, max: 99_999 }),
    fc.integer({ min: 100_000, max: 99_999_999 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(0, 1, 99, 100, 99_999, 100_000, 99_999_999, 100_000_000, Number.MAX_SAFE_INTEGER),
  ),
])('plainCents writes any safe number of cents as euros, a point and two digits', (a) => {
  expect(plainCents(a)).toBe(referenceFixed(BigInt(a), 100n, 2));
});

test.prop([fc.integer({ min: 0, max: 99 })])('centDigits writes any cent count as two digits', (c) => {
  expect(centDigits(c)).toBe(String(c).padStart(2, '0'));
});

test.prop([fc.constantFrom(10, 100, 1000, 10_000), fc.nat()])(
  'fractionDigits writes any proper fraction over a power of ten as its decimals without trailing zeros',
  (scale, seed) => {
    const rest = (seed % (scale - 1)) + 1;
    const places = String(scale).length - 1;
    expect(fractionDigits(rest, scale)).toBe(String(rest).padStart(places, '0').replace(/0+$/, ''));
  },
);

test.prop([fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.maxSafeInteger().map(Math.abs))])(
  'hundreds(a) is the exact floor of a / 100 for any safe integer a ≥ 0',
  (a) => {
    expect(BigInt(hundreds(a))).toBe(BigInt(a) / 100n);
  },
);

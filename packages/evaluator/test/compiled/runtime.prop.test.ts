import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cents, FALLBACK, fixedPoint, gcd, MAX, roundDiv, roundHalf } from '../../src/compiled/runtime.js';

/** n/d rounded half away from zero, floor or ceiling, on BigInts: the reference. */
function exact(n: number, d: number, mode: 0 | 1 | 2): number {
  const N = BigInt(n);
  const D = BigInt(d);
  const q = N / D; // truncates toward zero
  const r = N - q * D;
  if (r === 0n) return Number(q);
  const negative = N < 0n;
  if (mode === 1) return Number(negative ? q - 1n : q);
  if (mode === 2) return Number(negative ? q : q + 1n);
  const twice = 2n * (r < 0n ? -r : r);
  return Number(twice >= D ? (negative ? q - 1n : q + 1n) : q);
}

const safe = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.integer().map((x) => x * 1_000_003),
  fc.constantFrom(MAX, -MAX, MAX - 1, 0),
);
const denominator = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: MAX }),
  fc.constant(MAX),
);

describe('integer division of the generated code', () => {
  test.prop([safe, denominator])('roundHalf(n, d) is n/d rounded half away from zero, exactly', (n, d) => {
    expect(roundHalf(n, d)).toBe(exact(n, d, 0));
  });
  test.prop([safe, denominator, fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>])(
    'roundDiv(n, d, mode) rounds n/d exactly (half away from zero, floor, ceiling)',
    (n, d, mode) => {
      expect(roundDiv(n, d, mode)).toBe(exact(n, d, mode));
    },
  );
});

/** The greatest common divisor on BigInts: the reference. */
function exactGcd(a: number, b: number): number {
  let x = BigInt(a < 0 ? -a : a);
  let y = BigInt(b < 0 ? -b : b);
  while (y !== 0n) [x, y] = [y, x % y];
  return Number(x);
}

describe('greatest common divisor of the generated code', () => {
  // Multiples of a common factor, so that the divisor is not always 1.
  const factor = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 1_000_000 }));
  test.prop([safe, safe, factor])(
    'gcd(a, b) is the greatest common divisor of a and b, exactly',
    (a, b, f) => {
      const [x, y] = Number.isSafeInteger(a * f) && Number.isSafeInteger(b * f) ? [a * f, b * f] : [a, b];
      expect(gcd(x, y)).toBe(exactGcd(x, y));
    },
  );
});

describe('numbers from contract JSON', () => {
  const scale = fc.constantFrom(1, 100, 10_000);
  test.prop([fc.integer({ min: -9_000_000_000, max: 9_000_000_000 }), fc.integer({ min: 0, max: 4 }), scale])(
    'fixedPoint(x, S) is exactly the value of a number with as many decimals as S holds (as its JSON text says)',
    (units, decimals, S) => {
      const k = Math.min(decimals, Math.round(Math.log10(S)));
      const text = k === 0 ? String(units) : (units / 10 ** k).toFixed(k);
      const x = JSON.parse(text) as number;
      const n = fixedPoint(x, S);
      // n/S = text, compared exactly: n × 10^k = digits × S.
      const [whole, part = ''] = text.replace('-', '').split('.');
      const digits = BigInt(whole! + part) * (text.startsWith('-') ? -1n : 1n);
      expect(BigInt(n) * 10n ** BigInt(part.length)).toBe(digits * BigInt(S));
    },
  );
  test.prop([fc.double({ noNaN: true }), scale])(
    'fixedPoint never returns an inexact value: a number with more decimals asks for the BigInt path',
    (x, S) => {
      let n: number;
      try {
        n = fixedPoint(x, S);
      } catch (e) {
        expect(e).toBe(FALLBACK);
        return;
      }
      expect(n / S).toBe(x);
      expect(Number.isSafeInteger(n)).toBe(true);
    },
  );
  test('fixedPoint refuses a number with more decimals than its scale', () => {
    expect(() => fixedPoint(0.88891, 10_000)).toThrow();
    expect(() => fixedPoint(6.125, 100)).toThrow();
    expect(fixedPoint(0.8889, 10_000)).toBe(8889);
    expect(fixedPoint(36, 100)).toBe(3600);
  });
  test.prop([
    fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
    fc.constantFrom(0, 1, 2),
    fc.constantFrom('', ' ', '\t'),
  ])('cents reads money text with up to two decimals exactly', (value, decimals, blank) => {
    const text =
      decimals === 0
        ? String(value / 100n)
        : `${value / 100n}.${String(value % 100n)
            .padStart(2, '0')
            .slice(0, decimals)}`;
    let c: number;
    try {
      c = cents(`${blank}${text}${blank}`);
    } catch (e) {
      expect(e).toBe(FALLBACK);
      expect(value / 100n).toBeGreaterThanOrEqual(10n ** 13n);
      return;
    }
    const expected = decimals === 0 ? (value / 100n) * 100n : decimals === 1 ? (value / 10n) * 10n : value;
    expect(BigInt(c)).toBe(expected);
  });
});

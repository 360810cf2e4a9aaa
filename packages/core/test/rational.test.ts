import { describe, expect, test } from 'vitest';
import { Rational, type RoundingMode } from '../src/rational.js';

const r = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);
const parsed = (text: string) => {
  const value = Rational.parse(text);
  if (!value) throw new Error(`test setup: ${text} does not parse`);
  return value;
};
/** `n/d` of a Rational, the most exact way to compare. */
const nd = (x: Rational | undefined) => (x ? `${x.n}/${x.d}` : undefined);

describe('construction and normalisation', () => {
  test('of reduces to lowest terms', () => {
    expect(nd(r(6, 4))).toBe('3/2');
    expect(nd(r(-10, 4))).toBe('-5/2');
    expect(nd(r(0, 7))).toBe('0/1');
  });

  test('of moves the sign to the numerator', () => {
    expect(nd(r(1, -2))).toBe('-1/2');
    expect(nd(r(-1, -2))).toBe('1/2');
    expect(nd(r(0, -5))).toBe('0/1');
  });

  test('of accepts numbers and bigints alike', () => {
    expect(r(3n, 9n).eq(r(1, 3))).toBe(true);
  });

  test('of refuses a zero denominator', () => {
    expect(() => r(1, 0)).toThrow(RangeError);
  });

  test('equal values are eq whatever they were built from', () => {
    expect(r(2, 4).eq(r(1, 2))).toBe(true);
    expect(r(1, 2).eq(r(1, 3))).toBe(false);
  });
});

describe('exact arithmetic', () => {
  test('0.1 + 0.2 is exactly 0.3', () => {
    expect(parsed('0.1').add(parsed('0.2')).eq(parsed('0.3'))).toBe(true);
  });

  test('a third times three is exactly one', () => {
    expect(r(1, 3).mul(r(3)).eq(Rational.ONE)).toBe(true);
  });

  test('add, sub, mul and div give exact fractions', () => {
    expect(nd(r(1, 3).add(r(1, 6)))).toBe('1/2');
    expect(nd(r(1, 3).sub(r(1, 2)))).toBe('-1/6');
    expect(nd(r(2, 3).mul(r(9, 4)))).toBe('3/2');
    expect(nd(r(2, 3).div(r(-4, 9)))).toBe('-3/2');
  });

  test('adding fractions with the same denominator still reduces', () => {
    expect(nd(r(1, 4).add(r(1, 4)))).toBe('1/2');
  });

  test('division by a negative keeps the denominator positive', () => {
    const q = r(1).div(r(-3));
    expect(q.d).toBe(3n);
    expect(q.n).toBe(-1n);
  });

  test('money in cents stays exact over large values', () => {
    const cents = parsed('1250000.00').mul(r(100));
    expect(cents.mul(r(5, 100)).eq(r(6_250_000))).toBe(true);
    const huge = r(10n ** 30n + 1n, 3);
    expect(huge.mul(r(3)).n).toBe(10n ** 30n + 1n);
  });

  test('neg, abs and sign', () => {
    expect(nd(r(3, 4).neg())).toBe('-3/4');
    expect(nd(r(-3, 4).abs())).toBe('3/4');
    expect(nd(r(3, 4).abs())).toBe('3/4');
    expect([r(-2).sign(), Rational.ZERO.sign(), r(2).sign()]).toEqual([-1, 0, 1]);
    expect(Rational.ZERO.neg().eq(Rational.ZERO)).toBe(true);
  });

  test('isZero and isInteger', () => {
    expect([Rational.ZERO.isZero(), r(1, 2).isZero()]).toEqual([true, false]);
    expect([r(4, 2).isInteger(), r(1, 2).isInteger()]).toEqual([true, false]);
  });
});

describe('comparison', () => {
  test('cmp orders by value, not by numerator', () => {
    expect(r(1, 3).cmp(r(1, 2))).toBe(-1);
    expect(r(2, 4).cmp(r(1, 2))).toBe(0);
    expect(r(-1, 2).cmp(r(-2, 3))).toBe(1);
  });

  test('lt, le, gt and ge agree with cmp', () => {
    const [a, b] = [r(1, 3), r(1, 2)];
    expect([a.lt(b), a.le(b), a.gt(b), a.ge(b)]).toEqual([true, true, false, false]);
    expect([a.le(a), a.ge(a), a.lt(a), a.gt(a)]).toEqual([true, true, false, false]);
  });

  test('min and max pick by value', () => {
    expect(nd(r(1, 3).min(r(1, 4)))).toBe('1/4');
    expect(nd(r(1, 3).max(r(1, 4)))).toBe('1/3');
  });
});

describe('parse', () => {
  test.each([
    ['3', '3/1'],
    ['-12.50', '-25/2'],
    ['+7', '7/1'],
    ['0.125', '1/8'],
    ['  2.5  ', '5/2'],
    ['007', '7/1'],
    ['1e-7', '1/10000000'],
    ['1E3', '1000/1'],
    ['2.5e+2', '250/1'],
    ['-1.5e-1', '-3/20'],
  ])('parses %j as %s', (text, expected) => {
    expect(nd(Rational.parse(text))).toBe(expected);
  });

  test.each(['', 'abc', '1.', '.5', '1,5', '1.2.3', '0x10', '€ 5', '1e', '1e401', 'NaN', 'Infinity', '--1'])(
    'refuses %j',
    (text) => {
      expect(Rational.parse(text)).toBeUndefined();
    },
  );

  test('fromNumber takes the shortest decimal a number prints as', () => {
    expect(nd(Rational.fromNumber(0.1))).toBe('1/10');
    expect(nd(Rational.fromNumber(1e-7))).toBe('1/10000000');
    expect(nd(Rational.fromNumber(1e21))).toBe(`${10n ** 21n}/1`);
    expect(nd(Rational.fromNumber(-0.5))).toBe('-1/2');
  });

  test('fromNumber refuses non-finite numbers', () => {
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => Rational.fromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('rounding', () => {
  const cases: [string, number, number, Record<RoundingMode, bigint>][] = [
    ['5/2', 5, 2, { 'half-away-from-zero': 3n, floor: 2n, ceiling: 3n }],
    ['-5/2', -5, 2, { 'half-away-from-zero': -3n, floor: -3n, ceiling: -2n }],
    ['1/2', 1, 2, { 'half-away-from-zero': 1n, floor: 0n, ceiling: 1n }],
    ['-1/2', -1, 2, { 'half-away-from-zero': -1n, floor: -1n, ceiling: 0n }],
    ['7/3', 7, 3, { 'half-away-from-zero': 2n, floor: 2n, ceiling: 3n }],
    ['-7/3', -7, 3, { 'half-away-from-zero': -2n, floor: -3n, ceiling: -2n }],
    ['8/3', 8, 3, { 'half-away-from-zero': 3n, floor: 2n, ceiling: 3n }],
    ['-8/3', -8, 3, { 'half-away-from-zero': -3n, floor: -3n, ceiling: -2n }],
    ['1/3', 1, 3, { 'half-away-from-zero': 0n, floor: 0n, ceiling: 1n }],
    ['-1/3', -1, 3, { 'half-away-from-zero': 0n, floor: -1n, ceiling: 0n }],
    ['4', 4, 1, { 'half-away-from-zero': 4n, floor: 4n, ceiling: 4n }],
    ['-4', -4, 1, { 'half-away-from-zero': -4n, floor: -4n, ceiling: -4n }],
  ];
  for (const mode of ['half-away-from-zero', 'floor', 'ceiling'] as const)
    test.each(cases)(`roundToInteger(${mode}) of %s`, (_, n, d, expected) => {
      expect(r(n, d).roundToInteger(mode)).toBe(expected[mode]);
    });

  test('roundToInteger rounds half away from zero by default', () => {
    expect(r(-5, 2).roundToInteger()).toBe(-3n);
  });

  test('roundTo a cent rounds exact halves away from zero', () => {
    const cent = parsed('0.01');
    expect(parsed('0.125').roundTo(cent).toString()).toBe('0.13');
    expect(parsed('-0.125').roundTo(cent).toString()).toBe('-0.13');
    expect(parsed('0.125').roundTo(cent, 'floor').toString()).toBe('0.12');
    expect(parsed('-0.125').roundTo(cent, 'floor').toString()).toBe('-0.13');
    expect(parsed('0.125').roundTo(cent, 'ceiling').toString()).toBe('0.13');
    expect(parsed('-0.125').roundTo(cent, 'ceiling').toString()).toBe('-0.12');
  });

  test('roundTo a cent of a repeating fraction of cents', () => {
    // € 40.000 × 8 / 24 months in cents: 4,000,000 × 1/3.
    const cents = r(4_000_000, 3);
    expect(nd(cents.roundTo(r(1)))).toBe('1333333/1');
    expect(nd(cents.roundTo(r(100)))).toBe('1333300/1');
    expect(nd(cents.roundTo(r(100), 'ceiling'))).toBe('1333400/1');
  });

  test('roundTo a non-unit quantum returns a multiple of it', () => {
    const quantum = parsed('0.05');
    expect(parsed('0.125').roundTo(quantum).toString()).toBe('0.15');
    expect(parsed('0.124').roundTo(quantum).toString()).toBe('0.1');
    expect(parsed('-0.125').roundTo(quantum).toString()).toBe('-0.15');
  });

  test('roundTo a percentage point of a hundredth percent', () => {
    // 2/9 = 22.222...% rounded to 0.01% is 0.2222.
    expect(r(2, 9).roundTo(parsed('0.0001')).toString()).toBe('0.2222');
  });
});

describe('text', () => {
  test.each([
    [1, 3, 2, '0.33'],
    [2, 3, 2, '0.67'],
    [-2, 3, 2, '-0.67'],
    [1, 200, 2, '0.01'],
    [-1, 200, 2, '-0.01'],
    [-1, 1000, 2, '0.00'],
    [1, 2, 0, '1'],
    [-1, 2, 0, '-1'],
    [5, 1, 0, '5'],
    [1, 20, 3, '0.050'],
    [123_456_789, 100, 2, '1234567.89'],
    [7, 1, 2, '7.00'],
  ])('%i/%i toFixed(%i) is %s', (n, d, decimals, expected) => {
    expect(r(n, d).toFixed(decimals)).toBe(expected);
  });

  test.each([
    [0, 1, '0'],
    [100, 1, '100'],
    [-5, 2, '-2.5'],
    [1, 8, '0.125'],
    [-1, 4, '-0.25'],
    [1, 10_000_000, '0.0000001'],
    [1, 3, '1/3'],
    [-2, 3, '-2/3'],
    [1, 6, '1/6'],
    [7, 15, '7/15'],
  ])('%i/%i prints as %s', (n, d, expected) => {
    expect(r(n, d).toString()).toBe(expected);
  });

  test('toNumber approximates', () => {
    expect(r(1, 4).toNumber()).toBe(0.25);
  });
});

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { Rational } from '../src/rational.js';

const bound = 10n ** 15n;
const rational = fc
  .tuple(fc.bigInt({ min: -bound, max: bound }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
  .map(([n, d]) => Rational.of(n, d));
const nonZero = rational.filter((x) => !x.isZero());
const quantum = fc.bigInt({ min: 1n, max: 10_000n }).map((n) => Rational.of(n, 100n));
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

test.prop([rational])('every rational is in lowest terms with a positive denominator', (x) => {
  expect(x.d > 0n).toBe(true);
  expect(gcd(x.n, x.d)).toBe(x.isZero() ? x.d : 1n);
});

test.prop([rational, rational])('addition is commutative', (a, b) => {
  expect(a.add(b).eq(b.add(a))).toBe(true);
});

test.prop([rational, rational, rational])('addition is associative', (a, b, c) => {
  expect(
    a
      .add(b)
      .add(c)
      .eq(a.add(b.add(c))),
  ).toBe(true);
});

test.prop([rational, rational, rational])('multiplication distributes over addition', (a, b, c) => {
  expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
});

test.prop([rational])('a − a is zero and a + 0 is a', (a) => {
  expect(a.sub(a).eq(Rational.ZERO)).toBe(true);
  expect(a.add(Rational.ZERO).eq(a)).toBe(true);
});

test.prop([rational, nonZero])('(a ÷ b) × b is a', (a, b) => {
  expect(a.div(b).mul(b).eq(a)).toBe(true);
});

test.prop([rational, rational])('cmp is antisymmetric and agrees with the sign of the difference', (a, b) => {
  expect(a.cmp(b)).toBe(-b.cmp(a) || 0);
  expect(a.cmp(b)).toBe(a.sub(b).sign());
});

test.prop([rational])('rounding half away from zero is at most half away and symmetric around zero', (x) => {
  const rounded = Rational.of(x.roundToInteger());
  expect(x.sub(rounded).abs().le(Rational.of(1, 2))).toBe(true);
  expect(x.neg().roundToInteger()).toBe(-x.roundToInteger());
});

test.prop([fc.bigInt({ min: -bound, max: bound })])('an exact half rounds away from zero', (k) => {
  const half = Rational.of(2n * k + 1n, 2n);
  expect(half.roundToInteger()).toBe(k >= 0n ? k + 1n : k);
});

test.prop([rational])('floor is the largest integer not above, ceiling the smallest not below', (x) => {
  const floor = Rational.of(x.roundToInteger('floor'));
  const ceiling = Rational.of(x.roundToInteger('ceiling'));
  expect(floor.le(x) && x.lt(floor.add(Rational.ONE))).toBe(true);
  expect(ceiling.ge(x) && x.gt(ceiling.sub(Rational.ONE))).toBe(true);
});

test.prop([rational, quantum])(
  'roundTo returns a whole multiple of the quantum within half a quantum',
  (x, q) => {
    const rounded = x.roundTo(q);
    expect(rounded.div(q).isInteger()).toBe(true);
    expect(
      rounded
        .sub(x)
        .abs()
        .le(q.div(Rational.of(2))),
    ).toBe(true);
  },
);

test.prop([rational, quantum])('roundTo is idempotent', (x, q) => {
  const once = x.roundTo(q);
  expect(once.roundTo(q).eq(once)).toBe(true);
});

test.prop([fc.bigInt({ min: -bound, max: bound }), fc.integer({ min: 0, max: 12 })])(
  'a finite decimal prints exactly and parses back to itself',
  (n, places) => {
    const x = Rational.of(n, 10n ** BigInt(places));
    expect(x.toString()).not.toContain('/');
    expect(Rational.parse(x.toString())?.eq(x)).toBe(true);
  },
);

test.prop([rational, fc.integer({ min: 0, max: 6 })])(
  'toFixed parses back to within half a unit of its last place',
  (x, decimals) => {
    const back = Rational.parse(x.toFixed(decimals))!;
    expect(
      back
        .sub(x)
        .abs()
        .le(Rational.of(1n, 2n * 10n ** BigInt(decimals))),
    ).toBe(true);
  },
);

test.prop([
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc
      .integer({ min: -1_000_000, max: 1_000_000 })
      .chain((i) => fc.integer({ min: 0, max: 8 }).map((k) => i / 10 ** k)),
  ),
])('fromNumber is the exact value of the shortest decimal that prints as the number', (x) => {
  expect(Rational.fromNumber(x).eq(Rational.parse(String(x))!)).toBe(true);
});

import { describe, expect, it } from 'vitest';
import { distributeCents, factorial, scaledShapley } from '../../src/whatif/shapley.js';

describe('Shapley attribution', () => {
  it('splits an interaction equally between the two parameters that need each other', () => {
    // v(∅) = 0, v({a}) = 0, v({b}) = 0, v({a,b}) = 101 cents: each gets 50.5, scaled by 2! = 101.
    expect(scaledShapley(2, [0n, 0n, 0n, 101n])).toEqual([101n, 101n]);
    // Largest remainder: one cent to the first (ties go to the earlier parameter).
    expect(distributeCents([101n, 101n], factorial(2), 101n)).toEqual([51n, 50n]);
  });

  it('gives additive effects to their own parameter and zero to a parameter that changes nothing', () => {
    // Masks 0..7 over a (1), b (2), c (4): a adds 300, b adds -120, c nothing.
    const v = [0n, 300n, -120n, 180n, 0n, 300n, -120n, 180n];
    const scaled = scaledShapley(3, v);
    expect(scaled).toEqual([1800n, -720n, 0n]);
    expect(distributeCents(scaled, factorial(3), 180n)).toEqual([300n, -120n, 0n]);
  });

  it('distributes thirds to the cent so the parts add up to the total', () => {
    // Only all three together change 100 cents: 33⅓ each.
    const v = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 100n];
    const scaled = scaledShapley(3, v);
    expect(scaled).toEqual([200n, 200n, 200n]);
    const parts = distributeCents(scaled, factorial(3), 100n);
    expect(parts).toEqual([34n, 33n, 33n]);
    // Negative changes round down first, then the remainder goes up.
    expect(
      distributeCents(
        scaled.map((x) => -x),
        factorial(3),
        -100n,
      ),
    ).toEqual([-33n, -33n, -34n]);
  });

  it('stays exact beyond 2^53 (the totals of a large portfolio)', () => {
    const big = 2n ** 60n;
    const v = [0n, big, big, 2n * big + 1n];
    const scaled = scaledShapley(2, v);
    expect(scaled.reduce((a, b) => a + b, 0n)).toBe(2n * (2n * big + 1n));
  });

  it('is linear: the values of summed contracts give the sum of their scaled values', () => {
    const a = [0n, 300n, -120n, 181n, 7n, 300n, -120n, 180n];
    const b = [5n, -3n, 0n, 44n, 1n, 2n, 3n, 4n];
    const sum = a.map((x, i) => x + b[i]!);
    const apart = scaledShapley(3, a).map((x, i) => x + scaledShapley(3, b)[i]!);
    expect(scaledShapley(3, sum)).toEqual(apart);
  });
});

// Helpers the generated evaluator calls: exact integer division and rounding on JS numbers,
// conversion of contract JSON into exact fractions, and the signals that hand a contract back
// to the reference evaluator (a value beyond 2^53, a problem that needs a located diagnostic).

import { monthsBetween as monthsBetweenDays } from '@sroi/core';

export const MAX = Number.MAX_SAFE_INTEGER;

/** `maanden_tussen` on day numbers; NaN (an unknown date) gives NaN (unknown months). */
export function monthsBetween(from: number, to: number): number {
  return Number.isNaN(from) || Number.isNaN(to) ? NaN : monthsBetweenDays(from, to);
}

/** Thrown by generated code when exact number arithmetic is not possible: use the BigInt path. */
export const FALLBACK: { readonly fallback: true } = Object.freeze({ fallback: true });

/**
 * n/d rounded half away from zero (d > 0, both safe integers): `roundDiv(n, d, 0)` in fewer
 * steps, for the rounding every valuation ends with. The float quotient proposes, the remainder
 * corrects.
 */
export function roundHalf(n: number, d: number): number {
  const a = n < 0 ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return n < 0 ? 0 - q : q; // 0 - q: never -0
}

/** Greatest common divisor of two safe integers (non-negative result). */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * The integer n/d rounds to (d > 0, both safe integers): half away from zero, floor or ceiling.
 * Exact: the float quotient only proposes the integer part; the remainder corrects it.
 */
export function roundDiv(n: number, d: number, mode: 0 | 1 | 2): number {
  let q = Math.trunc(n / d) + 0; // + 0: never -0
  let r = n - q * d;
  // The float division may land one off; bring the remainder into (-d, d) with n's sign.
  if (r !== 0 && Math.sign(r) !== Math.sign(n)) {
    q -= Math.sign(n);
    r = n - q * d;
  }
  if (Math.abs(r) >= d) {
    q += Math.sign(n);
    r = n - q * d;
  }
  if (r === 0) return q;
  switch (mode) {
    case 0: // half away from zero
      return 2 * Math.abs(r) >= d ? q + Math.sign(n) : q;
    case 1: // floor
      return n < 0 ? q - 1 : q;
    default: // ceiling
      return n > 0 ? q + 1 : q;
  }
}

/**
 * A JSON number as a whole number of 1/`scale` (a power of ten): exact, or FALLBACK when the
 * number has more decimals than the scale holds or the count passes 2^53. When
 * `n / scale === x`, x is the double nearest to n/scale, so the number's own (shortest) text is
 * n/scale: the value the contract states.
 */
export function fixedPoint(x: number, scale: number): number {
  const n = Math.round(x * scale);
  if (n / scale !== x || n > MAX || n < -MAX) throw FALLBACK;
  return n;
}

/**
 * Cents of a validated money value: text with at most two decimals, or a JSON number. The text
 * is read digit by digit: faster than `Number(text)` (measured), and exact by construction.
 */
export function cents(raw: unknown): number {
  if (typeof raw === 'number') {
    const c = Math.round(raw * 100);
    if (c / 100 !== raw || c > MAX) throw FALLBACK;
    return c;
  }
  const s = raw as string;
  let i = 0;
  let end = s.length;
  while (i < end && s.charCodeAt(i) <= 32) i++;
  while (end > i && s.charCodeAt(end - 1) <= 32) end--;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) break;
    if (c < 48 || c > 57 || ++digits > 13) throw FALLBACK;
    value = value * 10 + (c - 48);
  }
  value *= 100;
  if (i < end) {
    const d1 = i + 1 < end ? s.charCodeAt(i + 1) - 48 : 0;
    const d2 = i + 2 < end ? s.charCodeAt(i + 2) - 48 : 0;
    if (end - i > 3 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) throw FALLBACK;
    value += d1 * 10 + d2;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a validated ISO date, by integer arithmetic (the civil-from-days
 * inverse of Howard Hinnant's algorithm): no Date object on the hot path.
 */
export function day(iso: string): number {
  let y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

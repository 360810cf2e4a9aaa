// Decimal text of exact fractions, fast: the explanation of one contract shows hundreds of
// values, and going through BigInt for each dominated explaining. Works on JS numbers when
// every intermediate stays an exact integer; otherwise answers undefined and the caller takes
// the BigInt path (rational.ts), which gives the same text.

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);

/** n/d as numbers when both are safe integers (d > 0); undefined otherwise. */
export function smallParts(n: bigint, d: bigint): [number, number] | undefined {
  if (d > BIG_MAX || n > BIG_MAX || n < -BIG_MAX) return undefined;
  return [Number(n), Number(d)];
}

/** Whether 2·a·10^places + 2·d stays an exact integer (a float product above the bound is above it). */
const fits = (a: number, d: number, places: number) => 2 * a * POW10[places]! + 2 * d <= MAX;

/** ⌊x / y⌋ for non-negative exact integers x, y < 2^53, corrected for float division. */
function quotient(x: number, y: number): number {
  let q = Math.floor(x / y);
  if (q * y > x) q--;
  else if ((q + 1) * y <= x) q++;
  return q;
}

/** a/d rounded half away from zero to an integer, for a ≥ 0. */
const roundHalfUp = (a: number, d: number): number => quotient(2 * a + d, 2 * d);

/**
 * The digits of |n/d|: with the fewest places that show it exactly, at least `minDecimals`;
 * rounded to `maxDecimals` (half away from zero) and marked approximate when no such text
 * exists. Undefined when the numbers are too large for the fast path. `maxDecimals` ≤ 8.
 */
export function decimalDigits(
  n: number,
  d: number,
  minDecimals: number,
  maxDecimals: number,
): { int: string; frac: string; approximate: boolean; zero: boolean } | undefined {
  if (maxDecimals > 8 || minDecimals > maxDecimals) return undefined;
  const a = Math.abs(n);
  if (!fits(a, d, maxDecimals)) return undefined;
  let places = -1;
  for (let p = 0; p <= maxDecimals; p++)
    if ((a * POW10[p]!) % d === 0) {
      places = p;
      break;
    }
  const approximate = places < 0;
  const shown = approximate ? maxDecimals : Math.max(places, minDecimals);
  const scaled = approximate ? roundHalfUp(a * POW10[shown]!, d) : (a * POW10[shown]!) / d;
  const unit = POW10[shown]!;
  const int = Math.floor(scaled / unit);
  const frac = shown > 0 ? String(scaled - int * unit).padStart(shown, '0') : '';
  return { int: String(int), frac, approximate, zero: scaled === 0 };
}

// The digits of 0..999, plain and padded to two and three places: an explanation shows dozens of
// values per contract, and joining ready strings is several times faster than converting numbers.
const DIGITS = Array.from({ length: 1000 }, (_, i) => String(i));
const PADDED2 = DIGITS.slice(0, 100).map((t) => t.padStart(2, '0'));
const PADDED3 = DIGITS.map((t) => t.padStart(3, '0'));

/**
 * ⌊a / 100⌋ for a safe integer a ≥ 0, exactly: the float quotient, corrected by the remainder.
 * Cheaper than `a % 100` on a double, which is a call into the runtime (fmod).
 */
export function hundreds(a: number): number {
  let q = Math.floor(a / 100);
  const r = a - q * 100;
  if (r < 0) q--;
  else if (r >= 100) q++;
  return q;
}

/** ".00" … ".99": the cents of a result amount, with their point. */
const POINT_CENTS = PADDED2.map((t) => '.' + t);

/**
 * Whole cents a ≥ 0 (a safe integer) as a result amount, "1234567.89": joined from ready parts,
 * the short tail first, so each join copies as little as it can (a result writes some thirty).
 */
export function plainCents(a: number): string {
  const euros = hundreds(a);
  const tail = POINT_CENTS[a - euros * 100]!;
  if (euros < 1000) return DIGITS[euros]! + tail;
  if (euros < 1_000_000) {
    const thousands = Math.floor(euros / 1000);
    return DIGITS[thousands]! + (PADDED3[euros - thousands * 1000]! + tail);
  }
  return String(euros) + tail;
}

/** Whole cents 0..99 as two digits. */
export const centDigits = (c: number): string => PADDED2[c]!;

/** 0..999 as three digits ("007"). */
export const threeDigits = (x: number): string => PADDED3[x]!;

/**
 * A non-negative safe integer with grouped thousands (1234567 → "1.234.567"): from ready digit
 * strings below 10^9, from the text above.
 */
export function groupedInteger(x: number, separator: string): string {
  if (x < 1000) return DIGITS[x]!;
  if (x < 1_000_000) {
    const thousands = Math.floor(x / 1000);
    return DIGITS[thousands]! + separator + PADDED3[x - thousands * 1000]!;
  }
  if (x < 1_000_000_000) {
    const millions = Math.floor(x / 1_000_000);
    const rest = x - millions * 1_000_000;
    const thousands = Math.floor(rest / 1000);
    return (
      DIGITS[millions]! + separator + PADDED3[thousands]! + separator + PADDED3[rest - thousands * 1000]!
    );
  }
  return groupThousands(String(x), separator);
}

/**
 * The decimals of `rest / scale` (scale 10, 100, 1000 or 10000; 0 < rest < scale) without
 * trailing zeros: 5/10 → "5", 50/100 → "5", 5/100 → "05", 1250/10000 → "125".
 */
export function fractionDigits(rest: number, scale: number): string {
  let places = scale === 10 ? 1 : scale === 100 ? 2 : scale === 1000 ? 3 : 4;
  while (rest % 10 === 0) {
    rest /= 10;
    places--;
  }
  if (places === 1) return DIGITS[rest]!;
  if (places === 2) return PADDED2[rest]!;
  if (places === 3) return PADDED3[rest]!;
  return rest >= 1000 ? String(rest) : '0' + PADDED3[rest]!;
}

/** "1234567" → "1.234.567" (or with another separator). */
export function groupThousands(digits: string, separator: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3 || 3;
  out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

/** n/d with exactly `decimals` places (half away from zero), or undefined when too large. */
export function fixedText(n: number, d: number, decimals: number): string | undefined {
  if (decimals > 8) return undefined;
  const a = Math.abs(n);
  if (!fits(a, d, decimals)) return undefined;
  const scaled = roundHalfUp(a * POW10[decimals]!, d);
  const unit = POW10[decimals]!;
  const int = Math.floor(scaled / unit);
  const sign = n < 0 && scaled !== 0 ? '-' : '';
  if (decimals === 0) return sign + String(int);
  return `${sign}${int}.${String(scaled - int * unit).padStart(decimals, '0')}`;
}

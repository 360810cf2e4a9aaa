// Exact rational numbers on BigInt: the arithmetic every stage agrees on, so that
// money never passes through a float (DESIGN: "exact arithmetic").
import { fixedText, smallParts } from './decimal-text.js';

/** How a value is rounded to a quantum: half away from zero ("rekenkundig"), down or up. */
export type RoundingMode = 'half-away-from-zero' | 'floor' | 'ceiling';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // Safe integers: the same Euclid on numbers, exact and much cheaper than BigInt division.
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** An exact fraction n/d in lowest terms with d > 0. Immutable. */
export class Rational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** n/d reduced; throws only on d = 0, which callers rule out (an internal invariant). */
  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let num = typeof n === 'bigint' ? n : BigInt(n);
    let den = typeof d === 'bigint' ? d : BigInt(d);
    if (den === 1n) return new Rational(num, 1n);
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  /**
   * Parses a plain decimal ("-12.50", "3", "1e-7" is also accepted because JSON
   * numbers print that way). Returns undefined for anything else.
   */
  static parse(text: string): Rational | undefined {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) return undefined;
    const [, sign, int = '0', frac = '', exp] = m;
    let n = BigInt(int + frac);
    let d = 10n ** BigInt(frac.length);
    if (exp !== undefined) {
      const e = Number(exp);
      if (!Number.isSafeInteger(e) || Math.abs(e) > 400) return undefined;
      if (e >= 0) n *= 10n ** BigInt(e);
      else d *= 10n ** BigInt(-e);
    }
    return Rational.of(sign === '-' ? -n : n, d);
  }

  /** The exact value of the shortest decimal that prints as this JS number. */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
    if (Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n);
    // Up to six decimals below 10^9, m/10^k that prints as x is the only such decimal (the
    // spacing of doubles there is below 10^-6), so it is the shortest one: no text round trip.
    if (Math.abs(x) < 1e9)
      for (let k = 1, scale = 10; k <= 6; k++, scale *= 10) {
        const m = Math.round(x * scale);
        if (m / scale === x) return Rational.of(BigInt(m), BigInt(scale));
      }
    const r = Rational.parse(String(x));
    if (!r) throw new RangeError(`Unparseable number: ${x}`);
    return r;
  }

  add(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n + o.n, 1n);
    return this.d === o.d
      ? Rational.of(this.n + o.n, this.d)
      : Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n * o.n, 1n);
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  /** Division; the caller checks for a zero divisor (evaluation reports it as SR5xxx). */
  div(o: Rational): Rational {
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  neg(): Rational {
    return new Rational(-this.n, this.d);
  }
  abs(): Rational {
    return this.n < 0n ? this.neg() : this;
  }
  sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  min(o: Rational): Rational {
    return this.le(o) ? this : o;
  }
  max(o: Rational): Rational {
    return this.ge(o) ? this : o;
  }

  /** The integer this rounds to under `mode`. */
  roundToInteger(mode: RoundingMode = 'half-away-from-zero'): bigint {
    const { n, d } = this;
    if (d === 1n) return n;
    switch (mode) {
      case 'floor':
        return n >= 0n ? n / d : -((-n + d - 1n) / d);
      case 'ceiling':
        return n >= 0n ? (n + d - 1n) / d : -(-n / d);
      case 'half-away-from-zero': {
        const a = n < 0n ? -n : n;
        const q = (2n * a + d) / (2n * d);
        return n < 0n ? -q : q;
      }
    }
  }

  /** Rounds to a whole multiple of `quantum` (> 0): round(this / quantum) × quantum. */
  roundTo(quantum: Rational, mode: RoundingMode = 'half-away-from-zero'): Rational {
    const steps = this.div(quantum).roundToInteger(mode);
    return quantum.mul(Rational.of(steps));
  }

  /**
   * Decimal text with exactly `decimals` places, rounded half away from zero;
   * `decimals` may be negative never. Used for output formats, never for arithmetic.
   */
  toFixed(decimals: number): string {
    const parts = smallParts(this.n, this.d);
    const fast = parts && fixedText(parts[0], parts[1], decimals);
    if (fast !== undefined) return fast;
    const scale = 10n ** BigInt(decimals);
    const scaled = Rational.of(this.n * scale, this.d).roundToInteger();
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const int = digits.slice(0, digits.length - decimals);
    const frac = digits.slice(digits.length - decimals);
    return (neg ? '-' : '') + int + (decimals > 0 ? '.' + frac : '');
  }

  /** The shortest exact decimal text, or a fraction "n/d" when no finite decimal exists. */
  toString(): string {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return `${this.n}/${this.d}`;
    const places = Math.max(twos, fives);
    const text = this.toFixed(places);
    return places > 0 ? text.replace(/\.?0+$/, '') : text;
  }

  /** Nearest JS number, for charts and benchmarks only. */
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

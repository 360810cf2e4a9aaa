// Showing values to people: € 13.333,33, 5%, 8 maanden, 2024-05-01 — in Dutch notation by
// default, English on request. Exact values print exactly; a repeating decimal shows "≈".
import type { Language } from './diagnostic.js';
import { formatIsoDate } from './date.js';
import type { IrTimeUnit, IrType } from './ir.js';
import {
  centDigits,
  decimalDigits,
  fractionDigits,
  groupedInteger,
  groupThousands,
  hundreds,
  plainCents,
  smallParts,
  threeDigits,
} from './decimal-text.js';
import { Rational } from './rational.js';

/** A runtime value (see contract.ts): Rational, boolean, string or null (unknown). */
type Shown = Rational | boolean | string | null;

/** For the evaluator's result text: whole cents as "1234567.89", from ready parts. */
export { plainCents };

/** Months per year, days per week: the exact factors between units of one dimension. */
export const unitFactors: Readonly<Record<IrTimeUnit, bigint>> = {
  jaar: 12n,
  maand: 1n,
  week: 7n,
  dag: 1n,
  uur: 1n,
};

/** The same factors as numbers, for values held in JS numbers (`formatFraction`). */
const unitFactorNumbers = Object.fromEntries(
  Object.entries(unitFactors).map(([unit, factor]) => [unit, Number(factor)]),
) as Readonly<Record<IrTimeUnit, number>>;

const unitNames: Record<Language, Record<IrTimeUnit, [string, string]>> = {
  nl: {
    jaar: ['jaar', 'jaar'],
    maand: ['maand', 'maanden'],
    week: ['week', 'weken'],
    dag: ['dag', 'dagen'],
    uur: ['uur', 'uur'],
  },
  en: {
    jaar: ['year', 'years'],
    maand: ['month', 'months'],
    week: ['week', 'weeks'],
    dag: ['day', 'days'],
    uur: ['hour', 'hours'],
  },
};

/** The same names as ready suffixes (" maanden", " per jaar"): one join per value shown. */
const unitSuffixes = Object.fromEntries(
  (['nl', 'en'] as const).map((lang) => [
    lang,
    Object.fromEntries(
      Object.entries(unitNames[lang]).map(([unit, [one, many]]) => [
        unit,
        { one: ' ' + one, many: ' ' + many, per: ' per ' + one },
      ]),
    ),
  ]),
) as Record<Language, Record<IrTimeUnit, { one: string; many: string; per: string }>>;

/**
 * `formatNumber` of n/d on JS numbers (safe integers, d > 0, any common factors), or undefined
 * when an intermediate would leave the exact integers: then the BigInt path answers.
 */
function numberText(n: number, d: number, lang: Language, minDecimals: number, maxDecimals: number) {
  // Over 1 or a power of ten that the decimals hold (how contract numbers are read: months in
  // hundredths, fte in ten-thousandths): digits from ready strings, no search for the places.
  const powerOfTen = d === 1 || d === 10 || d === 100 || d === 1000 || d === 10_000;
  if (powerOfTen && minDecimals === 0 && maxDecimals >= 4) {
    const a = n < 0 ? -n : n;
    if (!Number.isSafeInteger(a)) return undefined;
    const int = Math.floor(a / d);
    const rest = a - int * d;
    const digits = groupedInteger(int, lang === 'nl' ? '.' : ',');
    const text = rest === 0 ? digits : digits + (lang === 'nl' ? ',' : '.') + fractionDigits(rest, d);
    return n < 0 ? '-' + text : text;
  }
  const fast = decimalDigits(n, d, minDecimals, maxDecimals);
  if (!fast) return undefined;
  const sign = n < 0 && !fast.zero ? '-' : '';
  const int = groupThousands(fast.int, lang === 'nl' ? '.' : ',');
  const point = lang === 'nl' ? ',' : '.';
  const text = sign + int + (fast.frac ? point + fast.frac : '');
  return fast.approximate ? '≈ ' + text : text;
}

/** `formatMoney` of n/d cents on JS numbers, or undefined (as `numberText`). */
function moneyTextOf(n: number, d: number, lang: Language): string | undefined {
  // Whole cents (the usual case; n/d is in cents): no search for the decimals needed. For safe
  // integers and d > 0 the quotient is an integer exactly when d divides n; a double's `%` would
  // be a call into the runtime (fmod).
  const whole = n / d;
  if (Number.isInteger(whole)) return formatCents(whole, lang);
  const fast = Number.isSafeInteger(d * 100) ? decimalDigits(n, d * 100, 2, 4) : undefined;
  if (!fast) return undefined;
  const sign = n < 0 && !fast.zero ? '-' : '';
  const int = groupThousands(fast.int, lang === 'nl' ? '.' : ',');
  // ASCII first, two-byte signs once at the end (see formatCents).
  return (fast.approximate ? '≈ € ' : '€ ') + (sign + int + (lang === 'nl' ? ',' : '.') + fast.frac);
}

/** Digits of |r| with grouping, at least `minDecimals` and at most `maxDecimals` places. */
export function formatNumber(r: Rational, lang: Language = 'nl', minDecimals = 0, maxDecimals = 4): string {
  const group = lang === 'nl' ? '.' : ',';
  const point = lang === 'nl' ? ',' : '.';
  const parts = smallParts(r.n, r.d);
  const fast = parts && numberText(parts[0], parts[1], lang, minDecimals, maxDecimals);
  if (fast) return fast;
  const exact = r.toString();
  let digits: string;
  let approximate = false;
  if (!exact.includes('/')) {
    const [, frac = ''] = exact.replace('-', '').split('.');
    digits =
      frac.length > maxDecimals
        ? r.abs().toFixed(maxDecimals)
        : r.abs().toFixed(Math.max(minDecimals, frac.length));
    approximate = frac.length > maxDecimals;
  } else {
    digits = r.abs().toFixed(maxDecimals);
    approximate = true;
  }
  const [int, frac] = digits.split('.');
  // A negative value that rounds to zero shows as zero, not "-0".
  const sign = r.sign() < 0 && /[1-9]/.test(digits) ? '-' : '';
  return `${approximate ? '≈ ' : ''}${sign}${groupThousands(int!, group)}${frac ? point + frac : ''}`;
}

/**
 * Whole cents as `formatMoney` shows them ("€ 13.333,33"), from a safe integer without BigInt:
 * for meldingen written per contract in a batch. Anything else goes through `formatMoney`.
 */
export function formatCents(cents: number, lang: Language = 'nl'): string {
  // Nothing: the most frequent amount of all (empty routes, bonuses that do not apply).
  if (cents === 0) return lang === 'nl' ? '€ 0,00' : '€ 0.00';
  if (!Number.isSafeInteger(cents)) return formatMoney(Rational.of(BigInt(cents)), lang);
  const a = cents < 0 ? -cents : cents;
  const euros = hundreds(a);
  const parts = MONEY_PARTS[lang];
  const tail = parts.cents[a - euros * 100]!;
  // V8 copies short strings when it joins them. So the parts come ready-made — the sign with the
  // first group of digits ("€ 59"), a later group with its separator (".166"), the cents with
  // theirs (",67") — and are joined once or twice: three times as fast as piece by piece. And all
  // of them are two-byte strings, as the € makes the amount: a join of a one-byte and a two-byte
  // string takes a slower path in V8 than a join of two of the same width (43% faster, measured).
  const signed = cents < 0 ? EURO_NEGATIVE : EURO;
  if (euros < 1000) return signed[euros]! + tail;
  const groups = parts.groups;
  if (euros < 1_000_000) {
    const thousands = Math.floor(euros / 1000);
    return signed[thousands]! + (groups[euros - thousands * 1000]! + tail);
  }
  if (euros < 1_000_000_000) {
    const millions = Math.floor(euros / 1_000_000);
    const rest = euros - millions * 1_000_000;
    const thousands = Math.floor(rest / 1000);
    return signed[millions]! + (groups[thousands]! + (groups[rest - thousands * 1000]! + tail));
  }
  return (cents < 0 ? '€ -' : '€ ') + (groupedInteger(euros, lang === 'nl' ? '.' : ',') + tail);
}

/**
 * The same text held as two-byte characters, as a string with a € is: a short slice of a two-byte
 * string is copied as two-byte (V8), whatever its characters.
 */
const twoByte = (text: string): string => ('€' + text).slice(1);

/** "€ 0" … "€ 999" and "€ -0" … "€ -999": the start of an amount, with its two-byte sign. */
const EURO = Array.from({ length: 1000 }, (_, i) => `€ ${i}`);
const EURO_NEGATIVE = Array.from({ length: 1000 }, (_, i) => `€ -${i}`);

/**
 * Per notation: a later group of an amount with its separator (".007"), and the cents (",05"),
 * two-byte like the amounts they end (see `formatCents`).
 */
const MONEY_PARTS: Record<Language, { groups: readonly string[]; cents: readonly string[] }> = {
  nl: {
    groups: Array.from({ length: 1000 }, (_, i) => twoByte('.' + threeDigits(i))),
    cents: Array.from({ length: 100 }, (_, i) => twoByte(',' + centDigits(i))),
  },
  en: {
    groups: Array.from({ length: 1000 }, (_, i) => twoByte(',' + threeDigits(i))),
    cents: Array.from({ length: 100 }, (_, i) => twoByte('.' + centDigits(i))),
  },
};

/** A money amount from cents: "€ 13.333,33". */
export function formatMoney(cents: Rational, lang: Language = 'nl'): string {
  const parts = smallParts(cents.n, cents.d);
  const fast = parts && moneyTextOf(parts[0], parts[1], lang);
  if (fast) return fast;
  const euros = cents.div(Rational.of(100));
  const text = formatNumber(euros, lang, 2, 4);
  return text.startsWith('≈ ') ? `≈ € ${text.slice(2)}` : `€ ${text}`;
}

/** A value of the given type, as a person reads it. */
export function formatValue(v: Shown, type: IrType, lang: Language = 'nl'): string {
  if (v === null) return lang === 'nl' ? 'onbekend' : 'unknown';
  if (typeof v === 'boolean') return lang === 'nl' ? (v ? 'ja' : 'nee') : v ? 'yes' : 'no';
  if (typeof v === 'string') return type.t === 'tekst' ? `"${v}"` : v;
  switch (type.t) {
    case 'bedrag':
      return formatMoney(v, lang);
    case 'tarief': {
      const perUnit = v.mul(Rational.of(unitFactors[type.per]));
      return `${formatMoney(perUnit, lang)} per ${unitNames[lang][type.per][0]}`;
    }
    case 'percentage':
      return `${formatNumber(v.mul(Rational.of(100)), lang, 0, 4)}%`;
    case 'duur': {
      const inUnit = v.div(Rational.of(unitFactors[type.unit]));
      const [one, many] = unitNames[lang][type.unit];
      return `${formatNumber(inUnit, lang)} ${inUnit.eq(Rational.ONE) ? one : many}`;
    }
    case 'datum':
      return formatIsoDate(Number(v.n / v.d));
    default:
      return formatNumber(v, lang);
  }
}

/**
 * `formatValue` of the number n/d (NaN: unknown) on JS numbers, as the generated code holds its
 * values: the same text, without BigInt where every step stays an exact integer.
 */
export function formatFraction(n: number, d: number, type: IrType, lang: Language = 'nl'): string {
  if (Number.isNaN(n)) return formatValue(null, type, lang);
  let fast: string | undefined;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0)
    switch (type.t) {
      case 'bedrag':
        fast = moneyTextOf(n, d, lang);
        break;
      case 'tarief': {
        const factor = unitFactorNumbers[type.per];
        const money = Number.isSafeInteger(n * factor) ? moneyTextOf(n * factor, d, lang) : undefined;
        fast = money && money + unitSuffixes[lang][type.per].per;
        break;
      }
      case 'percentage':
        fast = Number.isSafeInteger(n * 100) ? numberText(n * 100, d, lang, 0, 4) : undefined;
        fast &&= fast + '%';
        break;
      case 'duur': {
        const per = d * unitFactorNumbers[type.unit];
        const suffix = unitSuffixes[lang][type.unit];
        fast = Number.isSafeInteger(per) ? numberText(n, per, lang, 0, 4) : undefined;
        fast &&= fast + (n === per ? suffix.one : suffix.many);
        break;
      }
      case 'datum':
        break;
      default:
        fast = numberText(n, d, lang, 0, 4);
    }
  return fast ?? formatValue(Rational.of(BigInt(n), BigInt(d)), type, lang);
}

/** A money amount in the result format: "13333.33" (two decimals, half away from zero). */
export const moneyText = (cents: Rational): string => cents.div(Rational.of(100)).toFixed(2);

/** A percentage in the result format: "222.22" (percent, two decimals). */
export const percentText = (ratio: Rational): string => ratio.mul(Rational.of(100)).toFixed(2);

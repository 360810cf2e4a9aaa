// IR numbers and parameter ranges, one rule for every stage that reads them: the checker
// (compiler check/ranges.ts), the IR invariants, and `sroi whatif --set`.
import type { IrValue } from './ir.js';
import { Rational } from './rational.js';

/** The exact value of an IR number ("12", "-3/4"); undefined for yes/no, a text or onbekend. */
export function irNumber(v: IrValue): Rational | undefined {
  if (!('num' in v)) return undefined;
  const [n, d = '1'] = v.num.split('/');
  return Rational.of(BigInt(n!), BigInt(d));
}

/** The values a parameter may take, both bounds included; either may be absent. */
export interface Bounds {
  readonly min?: Rational;
  readonly max?: Rational;
}

/** Amounts (also per unit of time) and percentages are never negative unless a range says so. */
export const nonNegativeByDefault = (type: string): boolean =>
  type === 'bedrag' || type === 'tarief' || type === 'percentage';

/** The bounds that hold for a parameter of the IR: its declared range, else the default. */
export function parameterBounds(p: {
  readonly type: { readonly t: string };
  readonly range?: { readonly min: IrValue; readonly max: IrValue } | undefined;
}): Bounds {
  if (p.range) {
    const min = irNumber(p.range.min);
    const max = irNumber(p.range.max);
    return { ...(min ? { min } : {}), ...(max ? { max } : {}) };
  }
  return nonNegativeByDefault(p.type.t) ? { min: Rational.ZERO } : {};
}

export const outsideBounds = (x: Rational, b: Bounds): boolean =>
  (b.min !== undefined && x.cmp(b.min) < 0) || (b.max !== undefined && x.cmp(b.max) > 0);

/** "het bereik € 0,00 tot en met € 1.000,00", or "het bereik vanaf 0%" for a lower bound only. */
export function rangeText(b: Bounds, show: (v: Rational) => string): string {
  if (b.min && b.max) return `het bereik ${show(b.min)} tot en met ${show(b.max)}`;
  if (b.min) return `het bereik vanaf ${show(b.min)}`;
  return `het bereik tot en met ${show(b.max!)}`;
}

// The typed pieces the generator builds JavaScript from: a value while generating is a piece of
// source together with what the generator knows about it (a literal's number, a denominator known
// when generating, whether it can be read again for free), so nothing is read back from source text.
import type { FieldSpec, IrType } from '@sroi/core';
import { gcd } from './runtime.js';

/**
 * A piece of generated JavaScript: its source, whether it can be read again without recomputing
 * anything (a local, a literal), and the number it stands for when it is a literal.
 */
export interface Src {
  readonly js: string;
  readonly stable: boolean;
  readonly literal?: number;
}

/** A local or module variable: read again for free. */
export const local = (name: string): Src => ({ js: name, stable: true });

/** An element of a slot array or a result array (`NUM_SLOTS[3]`): copied into a local before reuse. */
export const slot = (js: string): Src => ({ js, stable: false });

/** A computed expression: copied into a local before reuse. */
export const computed = (js: string): Src => ({ js, stable: false });

/** A safe integer written into the source (negative ones in parentheses). */
export const literal = (n: number): Src => ({ js: n < 0 ? `(${n})` : String(n), stable: true, literal: n });

export const NAN: Src = { js: 'NaN', stable: true };

/**
 * A denominator: a number known when generating (then only numerators exist at run time), or a
 * run-time value.
 */
export type Den = number | Src;

/** A value while generating: an exact fraction, a truth value, a text (or null), or a table row. */
export type Val =
  | { readonly k: 'num'; readonly n: Src; readonly d: Den }
  | { readonly k: 'bool'; readonly v: Src }
  | { readonly k: 'str'; readonly v: Src }
  | { readonly k: 'row'; readonly table: string; readonly slots: readonly Val[] };

export type Num = Val & { k: 'num' };
export type Kind = Val['k'];

export const num = (n: Src, d: Den): Num => ({ k: 'num', n, d });

/** The source of a denominator. */
export const denJs = (d: Den): string => (typeof d === 'number' ? String(d) : d.js);

/** Whether two denominators are the same (the same number, or the same run-time source). */
export const sameDen = (a: Den, b: Den): boolean =>
  typeof a === 'number' ? a === b : typeof b !== 'number' && a.js === b.js;

/** `a * b` as source, folding multiplication by 1. */
export function times(a: Src | Den, b: Src | Den): string {
  const one = (x: Src | Den) => x === 1 || (typeof x !== 'number' && x.literal === 1);
  const js = (x: Src | Den) => (typeof x === 'number' ? String(x) : x.js);
  return one(a) ? js(b) : one(b) ? js(a) : `${js(a)} * ${js(b)}`;
}

export const kindOfType = (t: IrType): Kind =>
  t.t === 'janee' ? 'bool' : t.t === 'tekst' || t.t === 'opsomming' ? 'str' : t.t === 'rij' ? 'row' : 'num';

export const kindOfField = (spec: FieldSpec | undefined): Kind => {
  switch (spec?.type.kind) {
    case 'boolean':
      return 'bool';
    case 'text':
    case 'enum':
      return 'str';
    default:
      return 'num';
  }
};

/**
 * The common denominator of two known ones, when it stays small: then sums, minima and branches
 * keep a denominator known when the code is generated (no run-time denominators, no reductions).
 */
export function commonDenominator(a: Den, b: Den): number | undefined {
  if (typeof a !== 'number' || typeof b !== 'number' || a <= 0 || b <= 0) return undefined;
  const l = (a / gcd(a, b)) * b;
  return l <= 1e9 ? l : undefined;
}

/** One known denominator for all of these (their least common multiple), when it stays small. */
export function sharedDenominator(denominators: readonly Den[]): number | undefined {
  let common: number | undefined = 1;
  for (const d of denominators) if ((common = commonDenominator(common, d)) === undefined) break;
  return common;
}

/**
 * The fixed point a number field is read in: whole numbers as they are; 1/10000 for a field
 * bounded by 10 (fte: 0,8889 is 32 of 36 hours); 1/100 otherwise (months, hours, percentages),
 * so that a product of a yearly amount in cents, an fte and months stays below 2^53.
 */
export function fixedPointScale(type: FieldSpec['type']): number {
  if (type.kind === 'number' && type.integer) return 1;
  if (type.kind === 'number' && type.max !== undefined && type.max <= 10) return 10_000;
  return 100;
}

/** A bigint as a safe integer, or undefined when it is not one. */
export const safeInteger = (n: bigint): number | undefined =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined;

// The types of the checked model: values with units. Money is exact cents; rates and durations
// carry a time dimension (months, days, hours) and a display unit; percentages are ratios.
import type { IrType } from '@sroi/core';
import type { TimeUnit, TypeReference } from '../ast/ast.js';

/** Time dimensions whose units convert exactly: jaar = 12 maanden; week = 7 dagen; uren alone. */
export type Dimension = 'maanden' | 'dagen' | 'uren';

export const dimensionOf: Record<TimeUnit, Dimension> = {
  jaar: 'maanden',
  maand: 'maanden',
  week: 'dagen',
  dag: 'dagen',
  uur: 'uren',
};

/** How many base units of its dimension one unit is (a year is 12 months, a week 7 days). */
export const unitFactor: Record<TimeUnit, bigint> = { jaar: 12n, maand: 1n, week: 7n, dag: 1n, uur: 1n };

export type Type = (
  | { readonly kind: 'bedrag' }
  | { readonly kind: 'tarief'; readonly per: TimeUnit }
  | { readonly kind: 'getal' }
  | { readonly kind: 'percentage' }
  | { readonly kind: 'duur'; readonly unit: TimeUnit }
  | { readonly kind: 'datum' }
  | { readonly kind: 'tekst' }
  | { readonly kind: 'janee' }
  | { readonly kind: 'opsomming'; readonly name: string }
  /** The row of a table with several outputs; fields are its output columns. */
  | { readonly kind: 'rij'; readonly table: string }
  /** `onbekend` before its context gives it a type. */
  | { readonly kind: 'onbekend' }
  /** A type that could not be determined; already reported, so never reported again. */
  | { readonly kind: 'fout' }
) & { readonly optional?: boolean };

export const T = {
  bedrag: { kind: 'bedrag' },
  getal: { kind: 'getal' },
  percentage: { kind: 'percentage' },
  datum: { kind: 'datum' },
  tekst: { kind: 'tekst' },
  janee: { kind: 'janee' },
  onbekend: { kind: 'onbekend', optional: true },
  fout: { kind: 'fout' },
  maanden: { kind: 'duur', unit: 'maand' },
  uren: { kind: 'duur', unit: 'uur' },
} as const satisfies Record<string, Type>;

export const optional = (t: Type): Type => (t.optional ? t : { ...t, optional: true });
export const required = (t: Type): Type => {
  if (!t.optional) return t;
  const { optional: _ignored, ...rest } = t;
  return rest as Type;
};

export const isError = (t: Type): boolean => t.kind === 'fout';
export const isNumeric = (t: Type): boolean =>
  t.kind === 'bedrag' ||
  t.kind === 'tarief' ||
  t.kind === 'getal' ||
  t.kind === 'percentage' ||
  t.kind === 'duur';
/** Dimensionless: getal and percentage mix freely in × and / (a percentage is a ratio). */
export const isRatio = (t: Type): boolean => t.kind === 'getal' || t.kind === 'percentage';

/** The type a written type reference denotes; `named` must be resolved by the caller. */
export function typeOfReference(ref: TypeReference, enumExists: (name: string) => boolean): Type | undefined {
  let t: Type;
  switch (ref.kind) {
    case 'bedrag':
      t = ref.per ? { kind: 'tarief', per: ref.per } : T.bedrag;
      break;
    case 'duur':
      t = { kind: 'duur', unit: ref.unit ?? 'maand' };
      break;
    case 'named':
      if (!enumExists(ref.name.name)) return undefined;
      t = { kind: 'opsomming', name: ref.name.name };
      break;
    default:
      t = T[ref.kind];
  }
  return ref.optional ? optional(t) : t;
}

const unitWords: Record<TimeUnit, string> = {
  jaar: 'jaar',
  maand: 'maand',
  week: 'week',
  dag: 'dag',
  uur: 'uur',
};
const unitPlural: Record<TimeUnit, string> = {
  jaar: 'jaren',
  maand: 'maanden',
  week: 'weken',
  dag: 'dagen',
  uur: 'uren',
};

/** The type as the author would write it: `bedrag per jaar`, `duur in maanden`, `percentage optioneel`. */
export function showType(t: Type): string {
  let s: string;
  switch (t.kind) {
    case 'tarief':
      s = `bedrag per ${unitWords[t.per]}`;
      break;
    case 'duur':
      s = `duur in ${unitPlural[t.unit]}`;
      break;
    case 'opsomming':
      s = t.name;
      break;
    case 'rij':
      s = `rij van tabel ${t.table}`;
      break;
    default:
      s = t.kind;
  }
  return t.optional && t.kind !== 'onbekend' ? `${s} optioneel` : s;
}

/** Same kind and dimension (units within a dimension convert exactly). Ignores optionality. */
export function sameShape(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return isRatio(a) && isRatio(b);
  switch (a.kind) {
    case 'tarief':
      return dimensionOf[a.per] === dimensionOf[(b as typeof a).per];
    case 'duur':
      return dimensionOf[a.unit] === dimensionOf[(b as typeof a).unit];
    case 'opsomming':
      return a.name === (b as typeof a).name;
    case 'rij':
      return a.table === (b as typeof a).table;
    default:
      return true;
  }
}

/** Whether a value of type `from` may be used where `to` is expected. */
export function assignable(from: Type, to: Type): boolean {
  if (isError(from) || isError(to)) return true;
  if (from.kind === 'onbekend') return to.optional === true;
  if (from.optional && !to.optional) return false;
  return sameShape(from, to);
}

/** The common type of two branches, or undefined when they do not fit together. */
export function unify(a: Type, b: Type): Type | undefined {
  if (isError(a)) return b;
  if (isError(b)) return a;
  if (a.kind === 'onbekend') return optional(b);
  if (b.kind === 'onbekend') return optional(a);
  if (!sameShape(a, b)) return undefined;
  // A percentage branch keeps the percentage display; optional if either branch may be unknown.
  const base = a.kind === 'getal' && b.kind === 'percentage' ? b : a;
  return a.optional || b.optional ? optional(base) : required(base);
}

/** The IR form of a type (IR types are plain JSON; see @sroi/core ir.ts). */
export function irTypeOf(t: Type): IrType {
  const opt = t.optional && t.kind !== 'onbekend' ? { optional: true } : {};
  switch (t.kind) {
    case 'tarief':
      return { t: 'tarief', per: t.per, ...opt };
    case 'duur':
      return { t: 'duur', unit: t.unit, ...opt };
    case 'opsomming':
      return { t: 'opsomming', name: t.name, ...opt };
    case 'rij':
      return { t: 'rij', table: t.table, ...opt };
    case 'onbekend':
    case 'fout':
      return { t: 'getal', optional: true };
    default:
      return { t: t.kind, ...opt };
  }
}

// Values between the IR, contract JSON and people: IR rationals ("n/d" in normalised units) to
// exact numbers, to the contract's JSON notation and to Dutch or English text.
import {
  activityKinds,
  contractFields,
  formatMoney,
  formatValue,
  irNumber,
  Rational,
  type FieldSpec,
  type FieldType,
  type IrType,
  type IrValue,
  type Language,
} from '@sroi/core';

/** An IR value as a person reads it; an unknown value (a `-` cell) is "-". */
export function showIrValue(v: IrValue, type: IrType, lang: Language): string {
  if ('unknown' in v) return '-';
  if ('bool' in v) return formatValue(v.bool, type, lang);
  if ('text' in v) return formatValue(v.text, type, lang);
  return formatValue(irNumber(v)!, type, lang);
}

/** A money amount in the result format ("2500.00") as text: "€ 2.500,00". */
export const showMoney = (text: string, lang: Language): string => {
  const r = Rational.parse(text);
  return r ? formatMoney(r.mul(Rational.of(100)), lang) : text;
};

/** The specification of a contract field or of an activity kind's field. */
export function fieldSpec(
  scope: 'contract' | 'activity',
  field: string,
  kind?: string,
): FieldSpec | undefined {
  if (scope === 'contract') return contractFields[field];
  if (kind) return activityKinds[kind]?.[field];
  for (const fields of Object.values(activityKinds)) if (fields[field]) return fields[field];
  return undefined;
}

/** Numeric field types: the ones a boundary search moves along. */
export type NumericFieldType = Extract<FieldType, { kind: 'money' | 'number' | 'percentage' | 'duration' }>;

export const isNumeric = (t: FieldType): t is NumericFieldType =>
  t.kind === 'money' || t.kind === 'number' || t.kind === 'percentage' || t.kind === 'duration';

/** The smallest step of a field that a person would write: a cent, 0,01%, a month, 0,01 fte. */
export function stepOf(t: NumericFieldType): Rational {
  switch (t.kind) {
    case 'money':
      return Rational.ONE; // one cent
    case 'percentage':
      return Rational.of(1, 10_000); // 0,01 percentage point, as a ratio
    case 'duration':
      return Rational.ONE;
    case 'number':
      return t.integer ? Rational.ONE : Rational.of(1, 100);
  }
}

/** Whether an exact runtime value (IR units) is allowed in a contract for a field of this type. */
export function allowed(t: NumericFieldType, v: Rational): boolean {
  switch (t.kind) {
    case 'money':
      return v.sign() >= 0 && v.isInteger();
    case 'percentage':
      return v.sign() >= 0 && v.le(Rational.ONE);
    case 'duration':
    case 'number': {
      if (t.kind === 'number' && t.integer && !v.isInteger()) return false;
      if (t.min !== undefined) {
        const min = Rational.fromNumber(t.min);
        if (t.minExclusive ? v.le(min) : v.lt(min)) return false;
      }
      return t.max === undefined || v.le(Rational.fromNumber(t.max));
    }
  }
}

/** An exact runtime value (IR units: cents, ratios, months) in the contract's JSON notation. */
export function toJson(t: NumericFieldType, v: Rational): string | number {
  switch (t.kind) {
    case 'money':
      return v.div(Rational.of(100)).toFixed(2);
    case 'percentage':
      return Number(v.mul(Rational.of(100)).toString());
    default:
      return Number(v.toString());
  }
}

/** A contract field's JSON value as a person reads it. */
export function showJson(t: FieldType, v: unknown, lang: Language): string {
  if (typeof v === 'boolean') return lang === 'nl' ? (v ? 'ja' : 'nee') : v ? 'yes' : 'no';
  const r =
    typeof v === 'number' ? Rational.fromNumber(v) : typeof v === 'string' ? Rational.parse(v) : undefined;
  if (!r || !isNumeric(t)) return String(v);
  switch (t.kind) {
    case 'money':
      return formatMoney(r.mul(Rational.of(100)), lang);
    case 'percentage':
      return formatValue(r.div(Rational.of(100)), { t: 'percentage' }, lang);
    case 'duration':
      return formatValue(r, { t: 'duur', unit: t.unit === 'uren' ? 'uur' : 'maand' }, lang);
    case 'number':
      return formatValue(r, { t: 'getal' }, lang);
  }
}

/** An activity field as a reviewer reads it: enumeration values and durations speak for themselves. */
export function fieldText(name: string, value: unknown, type: FieldType | undefined, lang: Language): string {
  if (type?.kind === 'enum') return String(value);
  if (type?.kind === 'duration') return showJson(type, value, lang);
  return `${name} ${type ? showJson(type, value, lang) : String(value)}`;
}

/** A money difference with its sign: "+€ 5.000,00", "−€ 1.250,00". */
export function signedMoney(text: string, lang: Language): string {
  const negative = text.startsWith('-');
  const abs = negative ? text.slice(1) : text;
  return `${negative ? '−' : /^0(\.0*)?$/.test(abs) ? '' : '+'}${showMoney(abs, lang)}`;
}

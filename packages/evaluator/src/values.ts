// Run-time values and how a result writes them: shared by both engines (the reference interpreter
// in interpret.ts and the generated code's result writer in compiled/result.ts), so that the
// generated code never imports the reference engine.
import {
  formatIsoDate,
  irNumber,
  moneyText,
  percentText,
  type Rational,
  type IrType,
  type IrValue,
} from '@sroi/core';

/** A runtime value; a table row with several outputs is an array. */
export type Value = Rational | boolean | string | null | readonly Value[];

/** The value of an IR constant: numbers as exact Rationals, `onbekend` as null. */
export const constant = (v: IrValue): Value => {
  const n = irNumber(v);
  if (n) return n;
  if ('bool' in v) return v.bool;
  if ('text' in v) return v.text;
  return null;
};

/** The result-format text of a value: money and percentages with two decimals, others exact. */
export function resultText(v: Value, type: IrType): string {
  if (v === null) return 'onbekend';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => resultText(x, { t: 'getal' })).join(', ');
  const r = v as Rational;
  if (type.t === 'bedrag') return moneyText(r);
  if (type.t === 'percentage') return percentText(r);
  if (type.t === 'datum') return formatIsoDate(Number(r.n / r.d));
  return r.toString();
}

// Unit algebra: which arithmetic and comparisons have meaning. Money × money, money + percentage
// or a yearly rate × days are errors (SR3001) with a hint; everything else has one result type.
import type { DiagnosticCode } from '@sroi/core';
import { dimensionOf, isError, isRatio, sameShape, T, type Type } from './types.js';
import type { TimeUnit } from '../ast/ast.js';

export type ArithmeticOperator = '+' | '-' | '×' | '/';

/** Why an operation is refused: a catalogue code whose hint tells the author what to write. */
export interface UnitError {
  readonly code: DiagnosticCode;
}
const refuse = (code: DiagnosticCode): UnitError => ({ code });

const ratioResult = (a: Type, b: Type): Type =>
  a.kind === 'percentage' || b.kind === 'percentage' ? T.percentage : T.getal;

/** The result type of `a op b`, or a UnitError. Both operands must already be non-optional. */
export function arithmeticType(op: ArithmeticOperator, a: Type, b: Type): Type | UnitError {
  if (isError(a) || isError(b)) return T.fout;
  const k = `${a.kind}${op}${b.kind}`;
  switch (op) {
    case '+':
    case '-':
      if (isRatio(a) && isRatio(b)) {
        if (a.kind !== b.kind) return refuse('SR3019');
        return a;
      }
      if (a.kind === 'bedrag' && b.kind === 'bedrag') return T.bedrag;
      if ((a.kind === 'tarief' || a.kind === 'duur') && a.kind === b.kind) {
        if (!sameShape(a, b)) return refuse('SR3016');
        return a;
      }
      if ((a.kind === 'bedrag' && isRatio(b)) || (isRatio(a) && b.kind === 'bedrag')) return refuse('SR3015');
      if ((a.kind === 'bedrag' && b.kind === 'tarief') || (a.kind === 'tarief' && b.kind === 'bedrag'))
        return refuse('SR3017');
      return refuse('SR3001');
    case '×':
      if (isRatio(a) && isRatio(b)) return ratioResult(a, b);
      if (isRatio(b) && (a.kind === 'bedrag' || a.kind === 'tarief' || a.kind === 'duur')) return a;
      if (isRatio(a) && (b.kind === 'bedrag' || b.kind === 'tarief' || b.kind === 'duur')) return b;
      if (a.kind === 'tarief' && b.kind === 'duur') return rateTimesDuration(a.per, b.unit);
      if (a.kind === 'duur' && b.kind === 'tarief') return rateTimesDuration(b.per, a.unit);
      if (k === 'bedrag×bedrag') return refuse('SR3014');
      if (k === 'bedrag×duur' || k === 'duur×bedrag') return refuse('SR3018');
      return refuse('SR3001');
    case '/':
      if (isRatio(a) && isRatio(b)) return T.getal;
      if (isRatio(b) && (a.kind === 'bedrag' || a.kind === 'tarief' || a.kind === 'duur')) return a;
      if (a.kind === 'bedrag' && b.kind === 'bedrag') return T.getal;
      if ((a.kind === 'tarief' || a.kind === 'duur') && a.kind === b.kind) {
        if (!sameShape(a, b)) return refuse('SR3016');
        return T.getal;
      }
      if (a.kind === 'bedrag' && b.kind === 'duur') return { kind: 'tarief', per: b.unit };
      return refuse('SR3001');
  }
}

function rateTimesDuration(per: TimeUnit, unit: TimeUnit): Type | UnitError {
  if (dimensionOf[per] !== dimensionOf[unit]) return refuse('SR3016');
  return T.bedrag;
}

/** Whether `a` and `b` can be compared with an ordering (<, ≥ ...) or only for equality. */
export function comparable(a: Type, b: Type, ordering: boolean): boolean {
  if (isError(a) || isError(b)) return true;
  if (!sameShape(a, b)) return false;
  if (!ordering) return a.kind !== 'rij';
  return a.kind === 'bedrag' || a.kind === 'tarief' || isRatio(a) || a.kind === 'duur' || a.kind === 'datum';
}

export const isUnitError = (x: Type | UnitError): x is UnitError => 'code' in x;

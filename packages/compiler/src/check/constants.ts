// Fixed values: literals in normalised units (cents, cents per month, months, ratios, days),
// shared by the table analysis and by lowering, so both read a literal the same way.
import { Rational } from '@sroi/core';
import type * as A from '../ast/ast.js';
import type { NameBinding } from '../checked/model.js';
import { unitFactor } from './types.js';

export type ConstantValue = Rational | boolean | string | null;

/** The value of a literal (or an enumeration value, given the name bindings); undefined if not constant. */
export function constantValue(
  e: A.Expression,
  names?: ReadonlyMap<A.PathExpression, NameBinding>,
): ConstantValue | undefined {
  switch (e.kind) {
    case 'money':
      // A rate is kept per base unit of its dimension: € 40.000 per jaar is 4.000.000/12 cents per month.
      return e.per ? e.cents.div(Rational.of(unitFactor[e.per])) : e.cents;
    case 'number':
      if (e.unit === 'percent') return e.value.div(Rational.of(100));
      if (e.unit) return e.value.mul(Rational.of(unitFactor[e.unit]));
      return e.value;
    case 'date':
      return Number.isNaN(e.day) ? undefined : Rational.of(e.day);
    case 'text':
      return e.value;
    case 'boolean':
      return e.value;
    case 'unknown':
      return null;
    case 'parenthesized':
      return constantValue(e.expression, names);
    case 'unary': {
      if (e.operator !== '-') return undefined;
      const v = constantValue(e.operand, names);
      return v instanceof Rational ? v.neg() : undefined;
    }
    case 'path': {
      const b = names?.get(e);
      return b?.kind === 'enum-value' ? b.value : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether an expression is written as a fixed value (what a parameter or input cell must be). */
export const isLiteral = (e: A.Expression): boolean =>
  e.kind === 'money' ||
  e.kind === 'number' ||
  e.kind === 'date' ||
  e.kind === 'text' ||
  e.kind === 'boolean' ||
  e.kind === 'unknown' ||
  e.kind === 'error' ||
  (e.kind === 'unary' && e.operator === '-' && isLiteral(e.operand)) ||
  (e.kind === 'parenthesized' && isLiteral(e.expression)) ||
  (e.kind === 'path' && e.fields.length === 0 && !e.rootKeyword);

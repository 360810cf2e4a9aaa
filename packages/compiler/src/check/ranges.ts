// Parameter ranges: every value of a parameter lies within its declared range (`tussen 0% en
// 100%`, both bounds included), and amounts and percentages without one are never negative — so a
// typo such as `sr_percentage = -5%` cannot give a negative obligation. The IR invariants apply the
// same rule to an IR that did not come from this checker (@sroi/core, ir-invariants.ts).
import {
  formatValue,
  nonNegativeByDefault,
  outsideBounds,
  Rational,
  rangeText,
  type Bounds,
} from '@sroi/core';
import type * as A from '../ast/ast.js';
import { constantValue } from './constants.js';
import type { ExpressionChecker } from './expressions.js';
import { irTypeOf, isError, isNumeric, required, showType, type Type } from './types.js';

/** Checks a parameter's declared range and every value against the range that holds for it. */
export function checkParameterRange(p: A.ParameterDeclaration, type: Type, checker: ExpressionChecker): void {
  if (isError(type)) return;
  const name = p.name.name;
  const scope = { owner: `parameter ${name}`, constant: true };
  const show = (v: Rational) => formatValue(v, irTypeOf(type));
  let bounds: Bounds | undefined;
  if (p.range) {
    if (!isNumeric(type)) {
      checker.report('SR3302', { type: showType(type) }, p.range.span);
      return;
    }
    const low = checker.expect(p.range.low, scope, required(type));
    const high = checker.expect(p.range.high, scope, required(type));
    if (isError(low) || isError(high)) return;
    const lo = constantValue(p.range.low);
    const hi = constantValue(p.range.high);
    if (!(lo instanceof Rational) || !(hi instanceof Rational)) return;
    if (lo.cmp(hi) > 0) {
      checker.report('SR3300', { name, low: show(lo), high: show(hi) }, p.range.span);
      return;
    }
    bounds = { min: lo, max: hi };
  } else if (nonNegativeByDefault(type.kind)) bounds = { min: Rational.ZERO };
  if (!bounds) return;
  const range = rangeText(bounds, show);
  for (const v of p.versions) {
    const value = constantValue(v.value, checker.names);
    if (!(value instanceof Rational)) continue;
    if (outsideBounds(value, bounds))
      checker.report('SR3301', { name, value: show(value), range, type: showType(type) }, v.value.span);
  }
}

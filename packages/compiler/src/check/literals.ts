// Named values: a money amount, a percentage or a duration written inside a formula is a policy
// value that neither the harmonisation matrix nor a what-if scenario can address. It belongs in a
// `parameter` (or a table) with its `bron` or `aanname`; this check warns where one is not.
//
// Allowed in formulas, because they are notation rather than policy: € 0, 0%, 100%, 0 and 1 of
// any unit, plain numbers (they are factors such as 12 months a year, or counts), and the quantum
// of `afronden(..., op € 0,01)`. Tables and examples are not formulas: their cells are the values.
import { diagnostic, Rational, type Diagnostic } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { childrenOf } from './dependencies.js';

/** The kind of policy value a literal writes, or undefined when it is neutral notation. */
function policyLiteral(x: A.Expression): 'bedrag' | 'percentage' | 'duur' | undefined {
  if (x.kind === 'money') return x.cents.isZero() ? undefined : 'bedrag';
  if (x.kind !== 'number' || x.unit === undefined) return undefined;
  if (x.unit === 'percent')
    return x.value.isZero() || x.value.eq(Rational.of(100)) ? undefined : 'percentage';
  return x.value.isZero() || x.value.eq(Rational.ONE) ? undefined : 'duur';
}

/** Every policy literal inside the formulas of declarations written in `rootFile`. */
export function checkNamedValues(
  declarations: readonly A.Declaration[],
  rootFile: string,
  excerpt: (node: A.Node) => string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (x: A.Expression, where: string): void => {
    if (x.kind === 'rounding') return visit(x.value, where);
    const what = policyLiteral(x);
    if (what) {
      out.push(diagnostic('SR3202', { what, text: excerpt(x), where }, { span: x.span }));
      return;
    }
    childrenOf(x).forEach((c) => visit(c, where));
  };
  for (const d of declarations) {
    if (d.span.file !== rootFile) continue;
    switch (d.kind) {
      case 'definition':
        visit(d.value, `definitie '${d.name.name}'`);
        break;
      case 'outcome':
        visit(d.value, `uitkomst '${d.name.name}'`);
        break;
      case 'valuation':
        visit(d.value, `waardering '${d.activityKind.name}'`);
        for (const r of d.requirements) visit(r.condition, `waardering '${d.activityKind.name}'`);
        if (d.within) visit(d.within.duration, `waardering '${d.activityKind.name}'`);
        break;
      case 'route':
        if (d.cap) visit(d.cap.value, `het maximum van route '${d.name.name}'`);
        break;
      default:
        break;
    }
  }
  return out;
}

// Walking IR expressions: the one place that knows which parts of each expression kind are
// sub-expressions, for every tool that reads formulas (coverage, reviews, probes).
import type { IrExpr, IrTemplate } from './ir.js';

/** The expressions interpolated in a message template. */
export const templateExprs = (t: IrTemplate): IrExpr[] => t.flatMap((p) => ('x' in p ? [p.x] : []));

/** The direct sub-expressions of an expression, in source order. */
export function irChildren(e: IrExpr): IrExpr[] {
  switch (e.k) {
    case 'const':
    case 'field':
    case 'attr':
    case 'param':
    case 'def':
    case 'outcome':
    case 'refdate':
      return [];
    case 'table':
      return e.args;
    case 'member':
      return [e.of];
    case 'neg':
    case 'not':
    case 'known':
      return [e.x];
    case 'arith':
    case 'cmp':
    case 'and':
    case 'or':
      return [e.l, e.r];
    case 'if':
      return [e.c, e.t, e.e];
    case 'in':
      return [e.x, ...e.options];
    case 'min':
    case 'max':
      return e.args;
    case 'default':
      return [e.x, e.fallback];
    case 'months':
      return [e.from, e.to];
    case 'round':
      return [e.x, e.q];
    case 'sum':
      return e.filter ? [e.body, e.filter] : [e.body];
    case 'message':
      return [e.x, ...templateExprs(e.text)];
  }
}

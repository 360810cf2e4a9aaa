// Formula depth: a formula nested deeper than MAX_FORMULA_DEPTH (counting through the definitions
// and outcomes it names) is reported where it is written, before any recursive pass walks it; the
// evaluator refuses the same depth in an IR (SR6601), so whatever compiles also loads.
import { diagnostic, DepthMeter, MAX_FORMULA_DEPTH, type Diagnostic } from '@sroi/core';
import { isExpression } from '../ast/ast.js';
import type * as A from '../ast/ast.js';
import { childrenOf } from './dependencies.js';

/**
 * The expressions inside `value` that are not inside another expression: looked for through
 * objects and lists that are no expression (a template's parts, a requirement, a table row), at
 * most `levels` of them deep (declarations are shallow; only formulas nest).
 */
function expressionsIn(value: unknown, levels: number, out: A.Expression[] = []): A.Expression[] {
  if (typeof value !== 'object' || value === null) return out;
  if (isExpression(value)) {
    out.push(value);
    return out;
  }
  if (levels === 0) return out;
  // Plain loops: this runs over every declaration after each keystroke, and `Object.entries`
  // made an array per object.
  if (Array.isArray(value)) for (const v of value) expressionsIn(v, levels - 1, out);
  else
    for (const key in value)
      if (key !== 'span' && Object.hasOwn(value, key))
        expressionsIn((value as Record<string, unknown>)[key], levels - 1, out);
  return out;
}

/** SR2351 for each formula deeper than the limit, at the formula. */
export function checkFormulaDepth(declarations: readonly A.Declaration[]): Diagnostic[] {
  const rules = new Map<string, A.Expression>();
  for (const d of declarations)
    if ((d.kind === 'definition' || d.kind === 'outcome') && !rules.has(d.name.name))
      rules.set(d.name.name, d.value);
  // A bare name may be a definition or an outcome: its depth counts (a name that is neither is a leaf).
  const nameOf = (e: A.Expression) =>
    e.kind === 'path' && !e.rootKeyword && e.fields.length === 0 ? e.root.name : undefined;
  const meter = new DepthMeter<A.Expression>(childrenOf, nameOf, rules);
  /** The definitions and outcomes a formula names, found without recursion (formulas may be deep). */
  const namedRules = (root: A.Expression): A.Expression[] => {
    const found: A.Expression[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const e = stack.pop()!;
      const rule = rules.get(nameOf(e) ?? '');
      if (rule) found.push(rule);
      else stack.push(...childrenOf(e));
    }
    return found;
  };
  const tooDeep = (e: A.Expression) => meter.depth(e) > MAX_FORMULA_DEPTH;
  const diagnostics: Diagnostic[] = [];
  for (const d of declarations)
    // A voorbeeld holds literal values only (and expectations whose kinds look like expressions').
    for (const e of d.kind === 'example' ? [] : expressionsIn(d, 6)) {
      // A chain of definitions is reported once, at the first formula past the limit: one that
      // is too deep only because a rule it names is too deep says nothing new.
      if (!tooDeep(e) || namedRules(e).some(tooDeep)) continue;
      diagnostics.push(
        diagnostic('SR2351', { depth: meter.depth(e), limit: MAX_FORMULA_DEPTH }, { span: e.span }),
      );
    }
  return diagnostics;
}

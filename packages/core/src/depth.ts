// The one limit on how deep a formula may nest, shared by the compiler (which reports a deeper
// formula where it is written) and the evaluator (which refuses such an IR at load): whatever the
// compiler accepts, the evaluator loads. Every pass over formulas recurses, so the depth is bounded.
import type { IrDocument, IrExpr } from './ir.js';
import { irChildren, templateExprs } from './ir-walk.js';

/**
 * How deep a formula may nest, counting through the definitions and outcomes it uses: `a + b + c`
 * is 3 deep (left to right), `als … anders als …` one more per branch, and a formula that uses a
 * definition adds that definition's depth. Generous for rulesets people write (the shipped ones stay
 * below 20), small enough that no pass over formulas runs out of stack.
 */
export const MAX_FORMULA_DEPTH = 200;

/**
 * How deep the JSON of an IR document may nest before its schema is checked (the validator recurses):
 * an expression level is at most two JSON levels (an object and a list of arguments), plus the
 * document's own levels. An IR within MAX_FORMULA_DEPTH is always within this.
 */
export const MAX_IR_JSON_DEPTH = 2 * MAX_FORMULA_DEPTH + 24;

/** Whether JSON data nests deeper than `limit` (objects and arrays), walked without recursion. */
export function jsonDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** A formula of the IR deeper than MAX_FORMULA_DEPTH: where it is (JSON path) and how deep. */
export interface DepthProblem {
  readonly path: string;
  readonly depth: number;
}

/**
 * The formulas of a (schema-valid) IR document that nest deeper than MAX_FORMULA_DEPTH, counting
 * through the definitions and outcomes they use. Walked without recursion, so a document of any
 * depth is measured; a reference in a cycle counts as a leaf (the invariants report the cycle).
 */
export function irDepthProblems(doc: IrDocument): DepthProblem[] {
  const rules = new Map<string, IrExpr>();
  for (const d of doc.definitions) rules.set(`def:${d.key}`, d.expr);
  for (const o of doc.outcomes) rules.set(`outcome:${o.name}`, o.expr);
  const meter = new DepthMeter<IrExpr>(
    irChildren,
    (e) => (e.k === 'def' ? `def:${e.key}` : e.k === 'outcome' ? `outcome:${e.name}` : undefined),
    rules,
  );
  const depthOf = (e: IrExpr) => meter.depth(e);
  const problems: DepthProblem[] = [];
  const check = (e: IrExpr, path: string) => {
    const depth = depthOf(e);
    if (depth > MAX_FORMULA_DEPTH) problems.push({ path, depth });
  };
  doc.definitions.forEach((d, i) => check(d.expr, `definitions[${i}]`));
  doc.valuations.forEach((v, i) => {
    check(v.expr, `valuations[${i}]`);
    v.requirements.forEach((r, j) => {
      check(r.when, `valuations[${i}].requirements[${j}]`);
      templateExprs(r.message).forEach((x) => check(x, `valuations[${i}].requirements[${j}]`));
    });
    if (v.within) check(v.within.expr, `valuations[${i}].within`);
  });
  doc.routes.forEach((r, i) => r.cap && check(r.cap.expr, `routes[${i}].cap`));
  doc.outcomes.forEach((o, i) => check(o.expr, `outcomes[${i}]`));
  doc.properties.forEach((p, i) => p.expr && check(p.expr, `properties[${i}]`));
  return problems;
}

/**
 * Measures the depth of formulas of any representation (the compiler's AST, the IR) the same way:
 * one per node, plus the depth of a rule a node refers to; without recursion, memoised, a
 * reference inside a cycle counting as a leaf.
 */
export class DepthMeter<N extends object> {
  private readonly nodeDepth = new Map<N, number>();
  private readonly ruleDepth = new Map<string, number>();
  private readonly active = new Set<string>();

  constructor(
    private readonly children: (n: N) => readonly N[],
    private readonly ref: (n: N) => string | undefined,
    private readonly rules: ReadonlyMap<string, N>,
  ) {}

  depth(root: N): number {
    type Frame =
      | { readonly kind: 'rule'; readonly rule: string; readonly root: N; started: boolean }
      | { readonly kind: 'node'; readonly n: N; expanded: boolean };
    const { nodeDepth, ruleDepth, active } = this;
    const stack: Frame[] = [{ kind: 'node', n: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.kind === 'rule') {
        if (!top.started) {
          top.started = true;
          active.add(top.rule);
          stack.push({ kind: 'node', n: top.root, expanded: false });
          continue;
        }
        stack.pop();
        ruleDepth.set(top.rule, nodeDepth.get(top.root) ?? 1);
        active.delete(top.rule);
        continue;
      }
      if (nodeDepth.has(top.n)) {
        stack.pop();
        continue;
      }
      const rule = this.ref(top.n);
      const body = rule === undefined ? undefined : this.rules.get(rule);
      if (rule !== undefined && body && !ruleDepth.has(rule) && !active.has(rule)) {
        stack.push({ kind: 'rule', rule, root: body, started: false });
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        for (const c of this.children(top.n))
          if (!nodeDepth.has(c)) stack.push({ kind: 'node', n: c, expanded: false });
        continue;
      }
      stack.pop();
      let d = 1 + (rule === undefined ? 0 : (ruleDepth.get(rule) ?? 0));
      for (const c of this.children(top.n)) d = Math.max(d, 1 + (nodeDepth.get(c) ?? 0));
      nodeDepth.set(top.n, d);
    }
    return nodeDepth.get(root) ?? 1;
  }
}

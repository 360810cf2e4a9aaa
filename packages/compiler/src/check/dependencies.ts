// Dependencies between named rules: cycles are errors (SR2003), the order of evaluation
// follows from them, and what no outcome or valuation reaches is unused (SR2004).
import { diagnostic, type Diagnostic, type Span } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { definitionKey, type CallBinding, type NameBinding } from '../checked/model.js';
import { declarationName } from '../resolve/merge.js';
import type { SymbolTable } from './names.js';

/** The direct sub-expressions of an expression (template parts of a message included). */
export function childrenOf(e: A.Expression): readonly A.Expression[] {
  switch (e.kind) {
    case 'parenthesized':
      return [e.expression];
    case 'member':
      return [e.object];
    case 'call':
      return e.args;
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.condition, e.then, e.else];
    case 'membership':
      return [e.value, ...e.options];
    case 'rounding':
      return [e.value, e.quantum];
    case 'aggregate':
      return e.filter ? [e.body, e.filter] : [e.body];
    case 'message':
      return [e.value, ...e.message.parts.filter((p): p is A.PathExpression => typeof p !== 'string')];
    default:
      return [];
  }
}

/**
 * Visits every sub-expression (and template part) of an expression, depth first, in the order of
 * `childrenOf` — without its arrays: the checker walks every formula after each keystroke.
 */
export function forEachExpression(e: A.Expression, visit: (e: A.Expression) => void): void {
  visit(e);
  switch (e.kind) {
    case 'parenthesized':
      return forEachExpression(e.expression, visit);
    case 'member':
      return forEachExpression(e.object, visit);
    case 'call':
      for (const a of e.args) forEachExpression(a, visit);
      return;
    case 'unary':
      return forEachExpression(e.operand, visit);
    case 'binary':
      forEachExpression(e.left, visit);
      return forEachExpression(e.right, visit);
    case 'conditional':
      forEachExpression(e.condition, visit);
      forEachExpression(e.then, visit);
      return forEachExpression(e.else, visit);
    case 'membership':
      forEachExpression(e.value, visit);
      for (const o of e.options) forEachExpression(o, visit);
      return;
    case 'rounding':
      forEachExpression(e.value, visit);
      return forEachExpression(e.quantum, visit);
    case 'aggregate':
      forEachExpression(e.body, visit);
      if (e.filter) forEachExpression(e.filter, visit);
      return;
    case 'message':
      forEachExpression(e.value, visit);
      for (const p of e.message.parts) if (typeof p !== 'string') forEachExpression(p, visit);
      return;
    default:
      return;
  }
}

/** A node of the dependency graph: `def:soort.naam`, `param:x`, `table:x`, `outcome:x`, `valuation:x`, `cap:x`. */
type NodeId = string;

export interface DependencyResult {
  readonly definitionOrder: string[];
  readonly outcomeOrder: string[];
  readonly diagnostics: Diagnostic[];
}

export function analyseDependencies(
  symbols: SymbolTable,
  names: ReadonlyMap<A.PathExpression, NameBinding>,
  calls: ReadonlyMap<A.CallExpression, CallBinding>,
  rootFile: string,
  damaged: (node: A.Node) => boolean = () => false,
): DependencyResult {
  const edges = new Map<NodeId, Set<NodeId>>();
  const declared = new Map<
    NodeId,
    { name: string; span: Span; file: string; kind: string; damaged: boolean }
  >();
  const valuationNodes = [...symbols.valuations.keys()].map((k) => `valuation:${k}`);
  const capNodes = symbols.routes.filter((r) => r.cap).map((r) => `cap:${r.name.name}`);

  const refsOf = (exprs: readonly A.Expression[]): Set<NodeId> => {
    const out = new Set<NodeId>();
    for (const root of exprs)
      forEachExpression(root, (e) => {
        if (e.kind === 'path') {
          const b = names.get(e);
          if (b?.kind === 'definition') out.add(`def:${b.key}`);
          else if (b?.kind === 'parameter') out.add(`param:${b.declaration.name.name}`);
          else if (b?.kind === 'outcome') out.add(`outcome:${b.declaration.name.name}`);
          else if (b?.kind === 'activity-attribute' && b.attribute === 'waardering')
            valuationNodes.forEach((v) => out.add(v));
          else if (b?.kind === 'route-attribute' && b.attribute !== 'naam') {
            valuationNodes.forEach((v) => out.add(v));
            capNodes.forEach((c) => out.add(c));
          }
        } else if (e.kind === 'call') {
          const c = calls.get(e);
          if (c?.kind === 'table') out.add(`table:${c.declaration.name.name}`);
        }
      });
    return out;
  };
  const add = (id: NodeId, d: A.Declaration, exprs: readonly A.Expression[], kind: string) => {
    edges.set(id, refsOf(exprs));
    const { name, span } = declarationName(d);
    declared.set(id, { name, span, file: d.span.file, kind, damaged: damaged(d) || name === '' });
  };
  for (const d of symbols.parameters.values())
    add(
      `param:${d.name.name}`,
      d,
      d.versions.map((v) => v.value),
      'Parameter',
    );
  for (const d of symbols.tables.values())
    add(
      `table:${d.name.name}`,
      d,
      d.versions.flatMap((v) =>
        v.value.flatMap((r) =>
          r.cells.flatMap((c) =>
            c.kind === 'values' ? c.values : c.kind === 'compare' ? c.bounds.map((b) => b.value) : [],
          ),
        ),
      ),
      'Tabel',
    );
  for (const d of symbols.definitions.values()) add(`def:${definitionKey(d)}`, d, [d.value], 'Definitie');
  for (const d of symbols.outcomes.values()) add(`outcome:${d.name.name}`, d, [d.value], 'Uitkomst');
  for (const d of symbols.valuations.values())
    add(
      `valuation:${d.activityKind.name}`,
      d,
      [
        d.value,
        ...d.requirements.flatMap((r) => [r.condition, ...templatePaths(r.message)]),
        ...(d.within ? [d.within.duration] : []),
      ],
      'Waardering',
    );
  for (const r of symbols.routes) if (r.cap) add(`cap:${r.name.name}`, r, [r.cap.value], 'Maximum');

  const diagnostics: Diagnostic[] = [];
  // Tarjan's strongly connected components: every component with a cycle is reported once.
  let counter = 0;
  const index = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const stack: NodeId[] = [];
  const onStack = new Set<NodeId>();
  const order: NodeId[] = [];
  const strong = (v: NodeId): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: NodeId[] = [];
      let w: NodeId;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && edges.get(v)?.has(v);
      if (component.length > 1 || selfLoop) {
        const path = component.reverse().map((c) => declared.get(c)?.name ?? c);
        const first = declared.get(component[0]!)!;
        diagnostics.push(
          diagnostic(
            'SR2003',
            { cycle: [...path, path[0]].map((p) => `'${p}'`).join(' → ') },
            { span: first.span },
            {
              related: component.slice(1).map((c) => ({
                span: declared.get(c)!.span,
                code: 'SR2003' as const,
                args: { cycle: path.join(' → ') },
              })),
            },
          ),
        );
      }
      order.push(...component);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) strong(v);

  // Unused: not reachable from an outcome, valuation, cap or property (reported for the root file only).
  const reached = new Set<NodeId>();
  const visit = (v: NodeId) => {
    if (reached.has(v)) return;
    reached.add(v);
    for (const w of edges.get(v) ?? []) visit(w);
  };
  for (const v of edges.keys()) if (/^(outcome|valuation|cap):/.test(v)) visit(v);
  for (const p of symbols.properties) for (const v of refsOf([p.value])) visit(v);
  for (const [id, d] of declared) {
    if (reached.has(id) || d.damaged || d.file !== rootFile || !/^(def|param|table):/.test(id)) continue;
    diagnostics.push(diagnostic('SR2004', { kind: d.kind, name: `'${d.name}'` }, { span: d.span }));
  }

  // Tarjan emits components in reverse topological order: dependencies first.
  return {
    definitionOrder: order.filter((v) => v.startsWith('def:')).map((v) => v.slice(4)),
    outcomeOrder: order.filter((v) => v.startsWith('outcome:')).map((v) => v.slice(8)),
    diagnostics,
  };
}

const templatePaths = (t: A.Template): A.Expression[] =>
  t.parts.filter((p): p is A.PathExpression => typeof p !== 'string');

// The checker's walk over formulas: `forEachExpression` visits what `childrenOf` says, in its order.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import type * as A from '../../src/ast/ast.js';
import { childrenOf, forEachExpression } from '../../src/check/dependencies.js';
import { compileSource } from '../../src/compile.js';

const dir = resolve(import.meta.dirname, '../../../../rulesets');

/** The kinds of expression that have sub-expressions. */
const compound = new Set([
  'parenthesized',
  'member',
  'call',
  'unary',
  'binary',
  'conditional',
  'membership',
  'rounding',
  'aggregate',
  'message',
]);

/** Every expression object in a syntax tree that is not itself inside another expression. */
function rootExpressions(node: unknown, out: A.Expression[] = [], inside = false): A.Expression[] {
  if (typeof node !== 'object' || node === null) return out;
  if (Array.isArray(node)) {
    for (const x of node) rootExpressions(x, out, inside);
    return out;
  }
  const o = node as Record<string, unknown>;
  const kind = o['kind'];
  const isExpression =
    typeof kind === 'string' &&
    compound.has(kind) &&
    // An example's expected melding is `kind: 'message'` too, without a value.
    (kind !== 'message' || ('value' in o && 'message' in o));
  if (isExpression && !inside) out.push(o as unknown as A.Expression);
  for (const v of Object.values(o)) rootExpressions(v, out, inside || isExpression);
  return out;
}

test('forEachExpression visits every sub-expression once, in the order of childrenOf, for every shipped ruleset', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sroi'));
  expect(files.length).toBeGreaterThan(1);
  let compared = 0;
  for (const f of files) {
    const ast = compileSource(join(dir, f), readFileSync(join(dir, f), 'utf8')).ast;
    for (const root of rootExpressions(ast)) {
      const expected: A.Expression[] = [];
      const walk = (e: A.Expression) => {
        expected.push(e);
        childrenOf(e).forEach(walk);
      };
      walk(root);
      const visited: A.Expression[] = [];
      forEachExpression(root, (e) => visited.push(e));
      expect(visited).toEqual(expected);
      for (let i = 0; i < visited.length; i++) expect(visited[i]).toBe(expected[i]);
      compared += visited.length;
    }
  }
  expect(compared).toBeGreaterThan(400);
});

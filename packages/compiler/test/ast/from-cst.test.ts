// The CST → AST translation: regression cases the generated-ruleset properties found, and the
// short path of table cell values.
import { Rational } from '@sroi/core';
import { expect, test } from 'vitest';
import type * as A from '../../src/ast/ast.js';
import { relocated } from '../../src/incremental/relocate.js';
import { parseModule } from '../../src/resolve/load.js';

test('a text ending in an escaped backslash is closed: "a\\\\" is the text a\\', () => {
  const parsed = parseModule('regression.sroi', 'regeling "a\\\\"\n  bron "\\\\"\n');
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.ast?.header.name.value).toBe('a\\');
  expect(parsed.ast?.header.provenance.map((p) => p.text)).toEqual(['\\']);
});

test('an operator whose right operand recovery left out spans from its left operand, never backwards', async () => {
  // A generated ruleset with a piece cut out (`2013-04-25 or` became `2013-04-2or`): the `of` had no
  // right operand, whose empty span 0..0 ended the whole expression before it started (SR3002 at 350..0).
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('../fixtures/recovered-operand.sroi', import.meta.url), 'utf8');
  const { compileSource } = await import('../../src/compile.js');
  const spans = compileSource('cut.sroi', text).diagnostics.map((d) => d.span!);
  expect(spans.length).toBeGreaterThan(0);
  for (const s of spans) expect(s.start <= s.end && s.end <= text.length).toBe(true);
});

test('a table cell value parsed on its own (a literal or a name) has the AST, spans included, of the same value parsed as an expression', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../../../../rulesets/', import.meta.url);
  let compared = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sroi'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const values = tableCellValues(parseModule(file, text).ast);
    if (values.length === 0) continue;
    // The same text with every cell value as `(value)`: a parenthesized value takes the
    // expression path. Each value then starts one character later per value before it, plus one.
    let wrapped = '';
    let at = 0;
    for (const v of values) {
      wrapped += `${text.slice(at, v.span.start)}(${text.slice(v.span.start, v.span.end)})`;
      at = v.span.end;
    }
    wrapped += text.slice(at);
    const again = tableCellValues(parseModule(file, wrapped).ast);
    expect(again.length).toBe(values.length);
    values.forEach((v, i) => {
      const p = again[i]!;
      expect(p.kind).toBe('parenthesized');
      const inner = (p as Extract<A.Expression, { kind: 'parenthesized' }>).expression;
      // Shift the expression path's spans back onto the original text, then compare everything.
      expect(JSON.parse(JSON.stringify(relocated(inner, -(2 * i + 1)), bigints))).toEqual(
        JSON.parse(JSON.stringify(v, bigints)),
      );
      compared++;
    });
  }
  expect(compared).toBeGreaterThan(50);
});

const bigints = (_: string, v: unknown) =>
  typeof v === 'bigint' ? `${v}n` : v instanceof Rational ? `rational ${v.toString()}` : v;

/** Every value of every `values` cell of every table, in source order. */
function tableCellValues(ast: A.Ruleset | undefined): A.Expression[] {
  const out: A.Expression[] = [];
  for (const d of ast?.declarations ?? [])
    if (d.kind === 'table')
      for (const v of d.versions)
        for (const r of v.value) for (const c of r.cells) if (c.kind === 'values') out.push(...c.values);
  return out;
}

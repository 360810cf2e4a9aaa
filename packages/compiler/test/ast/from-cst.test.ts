// Regression case the generated-ruleset properties found in the CST → AST translation.
import { expect, test } from 'vitest';
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

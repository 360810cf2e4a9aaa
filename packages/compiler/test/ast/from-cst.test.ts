// Regression case the generated-ruleset properties found in the CST → AST translation.
import { expect, test } from 'vitest';
import { parseModule } from '../../src/resolve/load.js';

test('a text ending in an escaped backslash is closed: "a\\\\" is the text a\\', () => {
  const parsed = parseModule('regression.sroi', 'regeling "a\\\\"\n  bron "\\\\"\n');
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.ast?.header.name.value).toBe('a\\');
  expect(parsed.ast?.header.provenance.map((p) => p.text)).toEqual(['\\']);
});

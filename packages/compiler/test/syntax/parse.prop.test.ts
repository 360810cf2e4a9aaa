// The compiler on text that is not a ruleset: token soup from the grammar's whole vocabulary,
// arbitrary text, and generated rulesets with a piece cut out. It never throws, and every
// diagnostic is located: a span inside the text it reports on.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Diagnostic } from '@sroi/core';
// The grammar's token vocabulary lives with the grammar's tests; reached into on purpose.
import { tokenSoupArbitrary } from '../../../../grammar/test/support/vocabulary.js';
import { compileSource } from '../../src/compile.js';
import { render, rulesetArbitrary } from '../support/syntax.js';

const path = 'soup.sroi';

/** Compiles `text` (no bases: `breidt uit` cannot be read) and returns where each diagnostic points. */
function located(text: string): { code: string; inside: boolean }[] {
  const diagnostics: readonly Diagnostic[] = compileSource(path, text).diagnostics;
  return diagnostics.map((d) => ({
    code: d.code,
    inside:
      d.span !== undefined &&
      d.span.file === path &&
      d.span.start >= 0 &&
      d.span.start <= d.span.end &&
      d.span.end <= text.length,
  }));
}

const allInside = (text: string) => {
  const list = located(text);
  expect(list.filter((d) => !d.inside)).toEqual([]);
  return list;
};

describe('the compiler on hostile text', () => {
  test.prop([tokenSoupArbitrary], { numRuns: 150 })(
    'token soup, with or without a header: no throw, every diagnostic has a span inside the text',
    (soup) => {
      allInside(soup);
      allInside(`regeling "x"\n  periode "p" van 2024-01-01 tot en met 2024-12-31\n${soup}`);
    },
  );

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 })], { numRuns: 100 })(
    'arbitrary text: no throw, at least one diagnostic, each with a span inside the text',
    (text) => {
      expect(allInside(text).length).toBeGreaterThan(0);
    },
  );

  test.prop([rulesetArbitrary, fc.integer(), fc.nat(), fc.nat({ max: 12 })], { numRuns: 100 })(
    'a generated ruleset with a piece cut out: no throw, every diagnostic has a span inside the text',
    (model, seed, at, length) => {
      const text = render(model, seed).text;
      const start = at % (text.length + 1);
      allInside(text.slice(0, start) + text.slice(start + length));
    },
  );
});

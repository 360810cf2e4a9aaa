// The formatter against generated syntax trees: what it prints parses back to the same tree (in
// Dutch and in English), printing its own output changes nothing, and every comment survives once.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hasErrors } from '@sroi/core';
import { formatSource } from '../../src/format/format.js';
import { parseModule } from '../../src/resolve/load.js';
import { render, rulesetArbitrary, stripSpans, type MRuleset } from '../support/syntax.js';

/** The tree of a text, positions left out; fails the property on any syntax error. */
function treeOf(text: string): unknown {
  const parsed = parseModule('generated.sroi', text);
  expect(parsed.diagnostics).toEqual([]);
  return stripSpans(parsed.ast);
}

const format = (text: string, lang: 'nl' | 'en' = 'nl'): string => {
  const formatted = formatSource('generated.sroi', text, lang);
  expect(hasErrors(formatted.diagnostics)).toBe(false);
  return formatted.value!;
};

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

const input = fc.record({ model: rulesetArbitrary, seed: fc.integer() });

describe('the parser on generated rulesets', () => {
  test.prop([input], { numRuns: 100 })(
    'parse(render(ast)) is the ast, in any layout and with Dutch and English keywords mixed',
    ({ model, seed }) => {
      expect(treeOf(render(model, seed).text)).toEqual(stripSpans(model));
    },
  );
});

describe('the formatter on generated rulesets', () => {
  test.prop([input], { numRuns: 100 })(
    'parse(format(text)) is the ast of text (Dutch layout)',
    ({ model, seed }) => {
      const text = render(model, seed).text;
      expect(treeOf(format(text))).toEqual(stripSpans(model));
    },
  );

  test.prop([input], { numRuns: 60 })(
    'parse(format(text, en)) is the ast of text (English layout)',
    ({ model, seed }) => {
      const text = render(model, seed).text;
      expect(treeOf(format(text, 'en'))).toEqual(stripSpans(model));
    },
  );

  test.prop([input], { numRuns: 100 })(
    'formatting is idempotent: format(format(text)) = format(text)',
    ({ model, seed }) => {
      const once = format(render(model, seed, { comments: 0.05 }).text);
      expect(format(once)).toBe(once);
    },
  );

  test.prop([input], { numRuns: 100 })(
    'every comment appears exactly once in the formatted text, which parses to the same ast',
    ({ model, seed }) => {
      const { text, comments } = render(model, seed, { comments: 0.08 });
      const formatted = format(text);
      for (const c of comments)
        expect({ comment: c, count: occurrences(formatted, c) }).toEqual({ comment: c, count: 1 });
      expect(treeOf(formatted)).toEqual(stripSpans(model as MRuleset));
    },
  );
});

// Regression cases the generated-ruleset properties found in the parser, each with its smallest
// input: `route` and `waardering` are values too, so a loop over cells or expectations must not
// read on into the declaration that follows.
import type { CstNode } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { lexAndParse } from '../src/parse.js';
import { SroiParser } from '../src/parser.js';

/** The parse errors and, per declaration, the name of its one child rule. */
function declarations(text: string) {
  const raw = lexAndParse(text);
  const list = (raw.cst?.children['declaration'] ?? []) as CstNode[];
  return {
    errors: raw.parseErrors.map((e) => e.message),
    kinds: list.map((d) => Object.keys(d.children)),
  };
}

describe('where a repetition ends', () => {
  test('a table row followed by `route werken` ends before the route', () => {
    expect(declarations('regeling "x"\ntabel t(x: getal): getal\n  | 1 | 2 |\nroute werken: a\n')).toEqual({
      errors: [],
      kinds: [['table'], ['route']],
    });
  });

  test('a verwacht block followed by `waardering plaatsing = ...` ends before the valuation', () => {
    const text =
      'regeling "x"\nvoorbeeld "v"\n  verwacht\n    waardering 1 € 5\nwaardering plaatsing = € 1\n';
    expect(declarations(text)).toEqual({ errors: [], kinds: [['example'], ['valuation']] });
  });

  test('`route.totaal` in a table cell is still a value', () => {
    expect(declarations('regeling "x"\ntabel t(x: getal): getal\n  | route.totaal | 2 |\n')).toEqual({
      errors: [],
      kinds: [['table']],
    });
  });
});

describe('the grammar itself', () => {
  test("passes Chevrotain's grammar validations, which the shared parser skips at startup", () => {
    // performSelfAnalysis throws on any definition error (ambiguity, left recursion, ...).
    expect(() => new SroiParser({ validate: true })).not.toThrow();
  });
});

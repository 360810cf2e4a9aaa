import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lexAndParse, MAX_PARENTHESES_DEPTH, type RawParse } from '../src/parse.js';
import type { SyntaxErrorPayload } from '../src/parser.js';

const realRuleset = fileURLToPath(new URL('../../rulesets/rijnmond-2023-2027.sroi', import.meta.url));

const header = 'regeling "x"\n';
/** A ruleset whose one parameter has `expression` as its value. */
const withValue = (expression: string) => `${header}parameter a: getal = ${expression}\n`;

/** Each parse error as its payload and the line of the offending token (NaN at the end). */
const errors = (raw: RawParse) =>
  raw.parseErrors.map((e) => ({
    ...(JSON.parse(e.message) as SyntaxErrorPayload),
    image: e.token.image,
    line: e.token.startLine,
  }));

describe('lexAndParse', () => {
  test('the Rijnmond ruleset parses without errors and keeps its comments', () => {
    const raw = lexAndParse(readFileSync(realRuleset, 'utf8'));
    expect(raw.lexErrors).toEqual([]);
    expect(errors(raw)).toEqual([]);
    expect(raw.tooDeep).toEqual([]);
    expect(raw.stackExhausted).toBe(false);
    expect(raw.cst?.name).toBe('ruleset');
    expect(raw.comments.length).toBeGreaterThan(0);
    expect(raw.comments.every((c) => c.image.startsWith('#'))).toBe(true);
  });

  test('a minimal header parses into a ruleset node', () => {
    const raw = lexAndParse(header);
    expect(errors(raw)).toEqual([]);
    expect(Object.keys(raw.cst!.children)).toEqual(['header']);
  });

  test('empty text is one error that expects regeling', () => {
    expect(errors(lexAndParse(''))).toEqual([
      { kind: 'mismatch', expected: ["'regeling'"], rule: 'header', image: '', line: NaN },
    ]);
  });

  test('recovery reports several errors in one run, each in its own declaration', () => {
    const raw = lexAndParse(
      `${header}parameter a bedrag = 5\nparameter b: = 3\nparameter c: bedrag = € 1\ntabel`,
    );
    expect(errors(raw)).toEqual([
      { kind: 'mismatch', expected: ["':'"], rule: 'parameter', image: 'bedrag', line: 2 },
      {
        kind: 'no-alternative',
        expected: ["'bedrag'", "'duur'", "'getal'", "'percentage'", "'datum'", "'tekst'", "'janee'", 'naam'],
        rule: 'typeReference',
        image: '=',
        line: 3,
      },
      { kind: 'mismatch', expected: ['naam'], rule: 'table', image: '', line: NaN },
    ]);
    expect(raw.cst).toBeDefined();
  });

  test('text that starts no declaration is reported as redundant, not as a missing end of file', () => {
    expect(errors(lexAndParse(`${header})`))).toEqual([
      { kind: 'redundant', expected: [], rule: 'ruleset', image: ')', line: 2 },
    ]);
  });

  test('the lexer errors are returned beside the parse', () => {
    const raw = lexAndParse(`${header}@`);
    expect(raw.lexErrors.map((e) => e.offset)).toEqual([header.length]);
    expect(errors(raw)).toEqual([]);
  });

  test('comments are returned apart from the tokens', () => {
    const raw = lexAndParse(`${header}# één\n`);
    expect(raw.comments.map((c) => c.image)).toEqual(['# één']);
    expect(raw.tokens.map((t) => t.image)).toEqual(['regeling', '"x"']);
  });
});

describe('nesting guard', () => {
  const nested = (depth: number) => '('.repeat(depth) + '1' + ')'.repeat(depth);

  test(`${MAX_PARENTHESES_DEPTH} levels of parentheses parse untouched`, () => {
    const raw = lexAndParse(withValue(nested(MAX_PARENTHESES_DEPTH)));
    expect(raw.tooDeep).toEqual([]);
    expect(errors(raw)).toEqual([]);
  });

  test('the group that opens one level too deep is replaced and reported once, at its parenthesis', () => {
    const text = withValue(nested(MAX_PARENTHESES_DEPTH + 1));
    const raw = lexAndParse(text);
    const firstParen = text.indexOf('(');
    expect(raw.tooDeep.map((t) => [t.image, t.startOffset])).toEqual([
      ['(', firstParen + MAX_PARENTHESES_DEPTH],
    ]);
    expect(errors(raw)).toEqual([]);
    expect(raw.stackExhausted).toBe(false);
  });

  test('two separate too-deep groups are each reported', () => {
    const deep = nested(MAX_PARENTHESES_DEPTH + 2);
    const raw = lexAndParse(withValue(`${deep} + ${deep}`));
    expect(raw.tooDeep).toHaveLength(2);
    expect(errors(raw)).toEqual([]);
  });

  test('the original tokens are returned, not the guarded ones', () => {
    const raw = lexAndParse(withValue(nested(MAX_PARENTHESES_DEPTH + 1)));
    expect(raw.tokens.filter((t) => t.image === '(')).toHaveLength(MAX_PARENTHESES_DEPTH + 1);
  });

  test('10,000 nested parentheses do not throw and are reported as one too-deep group', () => {
    const raw = lexAndParse(withValue(nested(10_000)));
    expect(raw.tooDeep).toHaveLength(1);
    expect(raw.stackExhausted).toBe(false);
    expect(errors(raw)).toEqual([]);
  });

  test('10,000 unclosed parentheses do not throw', () => {
    const raw = lexAndParse(withValue('('.repeat(10_000) + '1'));
    expect(raw.tooDeep).toHaveLength(1);
    expect(raw.stackExhausted).toBe(false);
  });

  test('10,000 times niet does not throw and is reported as one too-long run', () => {
    const raw = lexAndParse(`${header}definitie a: janee = ${'niet '.repeat(10_000)}ja\n`);
    expect(raw.tooDeep).toHaveLength(1);
    expect(raw.tooDeep[0]!.image).toBe('niet');
    expect(raw.stackExhausted).toBe(false);
    expect(errors(raw)).toEqual([]);
  });

  test('10,000 minus signs do not throw', () => {
    const raw = lexAndParse(withValue(`${'- '.repeat(10_000)}1`));
    expect(raw.tooDeep).toHaveLength(1);
    expect(raw.stackExhausted).toBe(false);
  });

  test('a run of 48 niet is within the limit', () => {
    const raw = lexAndParse(`${header}definitie a: janee = ${'niet '.repeat(48)}ja\n`);
    expect(raw.tooDeep).toEqual([]);
    expect(errors(raw)).toEqual([]);
  });
});

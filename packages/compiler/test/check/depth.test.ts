import { MAX_FORMULA_DEPTH } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { compileSource } from '../../src/compile.js';
import { rulesetWith } from '../support/check.js';

/** A definition `name` whose formula is a chain of `terms` terms joined by `+`. */
const sum = (name: string, terms: number, first = '€ 1') =>
  `definitie ${name}: bedrag = ${[first, ...Array<string>(terms - 1).fill('€ 1')].join(' + ')}\n  aanname "t"`;

/** The errors of the minimal ruleset with `extra` added, each with the text its span starts at. */
function errorsWith(extra: string) {
  const text = rulesetWith(extra);
  return compileSource('test.sroi', text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, args: d.args, at: text.slice(d.span?.start).split('\n')[0] }));
}

describe('formula depth (check/depth.ts)', () => {
  test('a chain of + at the limit is accepted; past it, SR2351 at the formula', () => {
    expect(errorsWith(sum('a', MAX_FORMULA_DEPTH))).toEqual([]);
    const found = errorsWith(sum('a', MAX_FORMULA_DEPTH + 2));
    expect(found.map((d) => d.code)).toEqual(['SR2351']);
    expect(found[0]?.args).toMatchObject({ limit: MAX_FORMULA_DEPTH });
    expect(found[0]?.at).toMatch(/^€ 1 \+ € 1/);
  });

  test('depth counts through the definitions a formula names, and a chain is reported once', () => {
    const half = Math.ceil(MAX_FORMULA_DEPTH / 2) + 2;
    // `a` fits; `b` names `a` and is the first formula past the limit; `c` says nothing new.
    const found = errorsWith([sum('a', half), sum('b', half, 'a'), sum('c', half, 'b')].join('\n'));
    expect(found.map((d) => d.code)).toEqual(['SR2351']);
    expect(found[0]?.at).toMatch(/^a \+ € 1/);
  });

  test('an als … anders als chain past the limit is SR2351; one the parser cannot hold is SR2352 at its first als', () => {
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) => `als contract.waarde > € ${i + 1} dan € ${i + 1}`).join(' anders ');
    const errors = (n: number) => errorsWith(`definitie a: bedrag = ${chain(n)} anders € 0\n  aanname "t"`);
    const past = errors(MAX_FORMULA_DEPTH + 5);
    expect(past.map((d) => d.code)).toEqual(['SR2351']);
    expect(past[0]?.at).toMatch(/^als contract\.waarde > € 1 dan/);
    // Far past it the parser's own stack gives out: named as the chain, never "Haakjes" at 1:1.
    const unreadable = errors(5_000);
    expect(unreadable.map((d) => d.code)).toEqual(['SR2352']);
    expect(unreadable[0]?.at).toMatch(/^als/);
  });
});

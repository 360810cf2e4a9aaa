import { describe, expect, test } from 'vitest';
import { editDistance, suggestNames } from '../src/suggest.js';

describe('editDistance', () => {
  test.each([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['plaatsng', 'plaatsing', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    // Optimal string alignment: a swapped pair may not be edited again.
    ['ca', 'abc', 3],
  ])('from %j to %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('suggestNames', () => {
  const kinds = ['plaatsing', 'leerling', 'arbeidsontwikkeling', 'scholing', 'inkoop'];

  test('suggests the name one typo away', () => {
    expect(suggestNames('plaatsng', kinds)).toEqual(['plaatsing']);
  });

  test('treats a difference in case as a near miss', () => {
    expect(suggestNames('Participatiewet', ['participatiewet', 'ww'])).toEqual(['participatiewet']);
  });

  test('never suggests the name itself', () => {
    expect(suggestNames('ww', ['ww'])).toEqual([]);
  });

  test('suggests names that start with a long enough prefix, closest first', () => {
    expect(suggestNames('part', ['participatiewet', 'partner', 'ww'])).toEqual([
      'partner',
      'participatiewet',
    ]);
  });

  test('suggests a name with the same words in another order first', () => {
    expect(suggestNames('percentage_sr', ['sr_percentage', 'percentage_sv', 'drempel'])).toEqual([
      'sr_percentage',
      'percentage_sv',
    ]);
    expect(suggestNames('maatschappelijk_uurtarief', ['uurtarief_maatschappelijk'])).toEqual([
      'uurtarief_maatschappelijk',
    ]);
  });

  test('does not suggest names that are too far off', () => {
    expect(suggestNames('x', ['abc'])).toEqual([]);
    expect(suggestNames('waardering', kinds)).toEqual([]);
  });

  test('orders equally close names alphabetically and returns at most max of them', () => {
    expect(suggestNames('a', ['e', 'd', 'c', 'b'])).toEqual(['b', 'c', 'd']);
    expect(suggestNames('a', ['e', 'd', 'c', 'b'], 2)).toEqual(['b', 'c']);
  });

  test('lists a candidate given twice once', () => {
    expect(suggestNames('fet', ['fte', 'fte'])).toEqual(['fte']);
  });

  test('answers at once for a text of a million characters (found by the contract fuzzer)', () => {
    const started = performance.now();
    expect(suggestNames('x'.repeat(1_000_000), ['participatiewet', 'ww', 'nugger'])).toEqual([]);
    expect(suggestNames('ww', ['w'.repeat(1_000_000)])).toEqual([]);
    // Aligning it with each candidate took seconds; skipping by length takes microseconds.
    expect(performance.now() - started).toBeLessThan(200);
  });
});

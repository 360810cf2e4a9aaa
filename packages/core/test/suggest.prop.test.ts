import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { editDistance, suggestNames } from '../src/suggest.js';

const word = fc.string({ maxLength: 12 });

test.prop([word, word])('editDistance is symmetric', (a, b) => {
  expect(editDistance(a, b)).toBe(editDistance(b, a));
});

test.prop([word, word])('editDistance is zero exactly for equal strings', (a, b) => {
  expect(editDistance(a, a)).toBe(0);
  if (a !== b) expect(editDistance(a, b)).toBeGreaterThan(0);
});

test.prop([word, word])('editDistance lies between the length difference and the longer length', (a, b) => {
  const d = editDistance(a, b);
  expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
  expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
});

test.prop([word, fc.array(word, { maxLength: 10 }), fc.integer({ min: 0, max: 5 })])(
  'suggestNames returns at most max distinct candidates other than the name',
  (name, candidates, max) => {
    const suggestions = suggestNames(name, candidates, max);
    expect(suggestions.length).toBeLessThanOrEqual(max);
    expect(new Set(suggestions).size).toBe(suggestions.length);
    for (const s of suggestions) {
      expect(candidates).toContain(s);
      expect(s).not.toBe(name);
    }
  },
);

import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formulaFragments } from '../../src/diff/fragments.js';

const formula = fc
  .array(fc.constantFrom('a', 'b', '+', '×', '≥', '6', 'maanden', '€', '0'), { maxLength: 12 })
  .map((w) => w.join(' '));

test.prop([formula, formula])(
  'fragments of (B, A) are the fragments of (A, B) with old and new swapped',
  (a, b) => {
    expect(formulaFragments(b, a)).toEqual(formulaFragments(a, b).map((f) => ({ old: f.new, new: f.old })));
  },
);

import { describe, expect, test } from 'vitest';
import { formulaFragments } from '../../src/diff/fragments.js';

describe('formula fragments', () => {
  test('name the words that differ', () => {
    expect(
      formulaFragments(
        'als activiteit.maanden ≥ 6 maanden dan € 2.500 anders € 0',
        'als activiteit.maanden > 12 maanden dan € 5.000 anders € 0',
      ),
    ).toEqual([
      { old: '≥ 6', new: '> 12' },
      { old: '2.500', new: '5.000' },
    ]);
  });

  test('show an insertion with an empty old side', () => {
    expect(formulaFragments('a + b', 'a + b + c')).toEqual([{ old: '', new: '+ c' }]);
  });

  test('are empty for equal formulas', () => {
    expect(formulaFragments('contract.waarde > drempel', 'contract.waarde > drempel')).toEqual([]);
  });
});

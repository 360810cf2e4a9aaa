import { describe, expect, test } from 'vitest';
import { standardOutcomes } from '@sroi/core';
import { assembleResult, isOutcomeKey, resultKeys } from '../src/result-shape.js';

describe('the shape of a result', () => {
  test('lists the standard outcomes in their own order', () => {
    expect(resultKeys.filter(isOutcomeKey)).toEqual([...standardOutcomes]);
  });

  test('assembleResult puts the keys in the order of the shape and leaves out undefined ones', () => {
    const result = assembleResult({
      meldingen: [],
      boete: '0.00',
      regeling: 'R',
      percentage: undefined,
      periode: 'p',
      contract: undefined,
    });
    expect(JSON.stringify(result)).toBe('{"regeling":"R","periode":"p","boete":"0.00","meldingen":[]}');
  });
});

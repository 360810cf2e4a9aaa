import { describe, expect, test } from 'vitest';
import { formatIsoDate, parseIsoDate } from '@sroi/core';
import { epochs, moveIntoPeriods, scenarios } from '../src/periods.js';
import { review } from './support/rulesets.js';

const ir = (f: string) => review(f).ir;
const day = (s: string) => parseIsoDate(s)!;

describe('reference dates', () => {
  test('epochs are the first day of the periods and every dated value inside them', () => {
    expect(epochs(ir('rijnmond-2023-2027.sroi')).map(formatIsoDate)).toEqual(['2023-07-01', '2025-07-01']);
    // The 2022 thresholds of Haaglanden start before its period: they count from its first day.
    expect(epochs(ir('haaglanden-zhc-2023.sroi')).map(formatIsoDate)).toEqual([
      '2023-07-01',
      '2024-01-01',
      '2026-01-01',
    ]);
  });

  test('a date outside the periods moves to the nearest day inside them', () => {
    const old = ir('rijnmond-2019-2023.sroi');
    expect(formatIsoDate(moveIntoPeriods(old, day('2024-02-01')))).toBe('2023-06-30');
    expect(formatIsoDate(moveIntoPeriods(old, day('2018-01-01')))).toBe('2019-10-01');
    expect(formatIsoDate(moveIntoPeriods(old, day('2021-05-05')))).toBe('2021-05-05');
  });

  test('rulesets of the same period are compared on the same days', () => {
    expect(scenarios(ir('rijnmond-2023-2027.sroi'), ir('haaglanden-zhc-2023.sroi'))).toEqual([
      { a: '2023-07-01', b: '2023-07-01' },
      { a: '2024-01-01', b: '2024-01-01' },
      { a: '2025-07-01', b: '2025-07-01' },
      { a: '2026-01-01', b: '2026-01-01' },
    ]);
  });

  test('rulesets of different periods are each asked on their own days, in an order that mirrors', () => {
    const forward = scenarios(ir('rijnmond-2019-2023.sroi'), ir('rijnmond-2023-2027.sroi'));
    expect(forward).toEqual([
      { a: '2019-10-01', b: '2023-07-01' },
      { a: '2019-10-01', b: '2025-07-01' },
    ]);
    const backward = scenarios(ir('rijnmond-2023-2027.sroi'), ir('rijnmond-2019-2023.sroi'));
    expect(backward.map((s) => ({ a: s.b, b: s.a }))).toEqual(forward);
  });
});

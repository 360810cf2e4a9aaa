// Periods (check/periods.ts): periods neither overlap nor leave gaps, and end after they start.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

const header = (periods: string) => `regeling "P"\n  bron "t"\n${periods}`;

describe('periods', () => {
  test('periods that follow each other day by day are accepted', () => {
    expect(
      codesWith(
        '',
        header(
          '  periode "a" van 2024-01-01 tot en met 2024-12-31\n  periode "b" van 2025-01-01 tot en met 2025-12-31',
        ),
      ),
    ).toEqual([]);
  });

  test('overlapping periods are SR4101, a gap SR4102, a period that ends before it starts SR4106', () => {
    expect(
      codesWith(
        '',
        header(
          '  periode "a" van 2024-01-01 tot en met 2024-12-31\n  periode "b" van 2024-06-01 tot en met 2025-12-31',
        ),
      ),
    ).toEqual(['SR4101']);
    expect(
      codesWith(
        '',
        header(
          '  periode "a" van 2024-01-01 tot en met 2024-12-31\n  periode "b" van 2025-02-01 tot en met 2025-12-31',
        ),
      ),
    ).toEqual(['SR4102']);
    expect(codesWith('', header('  periode "a" van 2024-12-31 tot en met 2024-01-01'))).toContain('SR4106');
  });

  test('a ruleset without a period is SR2018', () => {
    expect(codesWith('', 'regeling "P"\n  bron "t"')).toContain('SR2018');
  });
});

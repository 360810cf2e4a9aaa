// Tables (check/tables.ts): completeness, overlap and reachability of decision tables.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

const table = (policy: string, rows: string) =>
  codesWith(
    `tabel t(n: getal): bedrag [${policy}]\n  aanname "t"\n${rows}\nuitkomst a: bedrag = t(1)\n  aanname "t"`,
  );

describe('tables', () => {
  test('rows that cover every number once are complete and disjoint', () => {
    expect(table('uniek', '  | < 2 | € 1 |\n  | >= 2 | € 2 |')).toEqual([]);
  });

  test('a gap between rows is SR4001, an overlap under uniek SR4002', () => {
    expect(table('uniek', '  | < 2 | € 1 |\n  | >= 3 | € 2 |')).toEqual(['SR4001']);
    expect(table('uniek', '  | < 3 | € 1 |\n  | >= 2 | € 2 |')).toEqual(['SR4002']);
  });

  test('a row after one that matches everything is unreachable under eerste (SR4003)', () => {
    expect(table('eerste', '  | - | € 1 |\n  | < 2 | € 2 |')).toEqual(['SR4003']);
  });
});

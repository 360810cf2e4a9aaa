// The swept table analysis (check/tables.ts) against the plain enumeration it replaced: every
// grid cell tested against every row.
import { fc, test } from '@fast-check/vitest';
import { Rational } from '@sroi/core';
import { expect } from 'vitest';
import {
  accepted,
  matches,
  regions,
  sweep,
  type Condition,
  type Region,
  type SweepFindings,
} from '../../src/check/tables.js';
import { T, type Type } from '../../src/check/types.js';

/** The first five overlapping pairs, the first gap, and which rows ever match, by enumeration. */
function enumerate(columns: readonly (readonly Region[])[], rows: readonly Condition[][]): SweepFindings {
  const cases = columns.reduce((n, c) => n * c.length, 1);
  const everFirst = rows.map(() => false);
  const everMatched = rows.map(() => false);
  const overlaps: { first: number; second: number; at: number[] }[] = [];
  let gap: number[] | undefined;
  const index = columns.map(() => 0);
  for (let n = 0; n < cases; n++) {
    const hits = rows.flatMap((r, i) => (r.every((c, k) => matches(c, columns[k]![index[k]!]!)) ? [i] : []));
    if (hits.length === 0 && !gap) gap = [...index];
    if (hits.length > 0) everFirst[hits[0]!] = true;
    for (const h of hits) everMatched[h] = true;
    if (
      hits.length > 1 &&
      overlaps.length < 5 &&
      !overlaps.some((o) => o.first === hits[0] && o.second === hits[1])
    )
      overlaps.push({ first: hits[0]!, second: hits[1]!, at: [...index] });
    for (let i = index.length - 1; i >= 0; i--) {
      if (++index[i]! < columns[i]!.length) break;
      index[i] = 0;
    }
  }
  return { ...(gap ? { gap } : {}), overlaps, everFirst, everMatched };
}

const constant = fc.integer({ min: -2, max: 6 }).map((n) => Rational.of(n));
const op = fc.constantFrom('=', '≠', '<', '≤', '>', '≥' as const);
const numberCell: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant({ kind: 'any' } as const),
  fc.array(constant, { minLength: 1, maxLength: 3 }).map((values) => ({ kind: 'values', values }) as const),
  fc
    .array(fc.record({ op, value: constant }), { minLength: 1, maxLength: 2 })
    .map((bounds) => ({ kind: 'bounds', bounds }) as const),
);
const booleanCell: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant({ kind: 'any' } as const),
  fc.subarray([true, false], { minLength: 0 }).map((values) => ({ kind: 'values', values }) as const),
);
const columnType = fc.constantFrom<Type>(T.getal, T.datum, T.janee);
const table = fc.array(columnType, { minLength: 1, maxLength: 3 }).chain((types) =>
  fc
    .array(fc.tuple(...types.map((t) => (t.kind === 'janee' ? booleanCell : numberCell))), {
      minLength: 1,
      maxLength: 8,
    })
    .map((rows) => ({ types, rows: rows as Condition[][] })),
);

test.prop([table], { numRuns: 200 })(
  'sweeping a table finds the same gap, overlaps and reachable rows as testing every grid cell against every row',
  ({ types, rows }) => {
    const columns = types.map((t, i) =>
      regions(
        t,
        rows.map((r) => r[i]!),
        undefined,
      ),
    );
    const isOrdered = types.map((t) => t.kind !== 'janee');
    const accepts = rows.map((r) => r.map((c, i) => accepted(c, columns[i]!, isOrdered[i]!)));
    expect(sweep(columns, accepts, true)).toEqual(enumerate(columns, rows));
  },
);

// Dates for comparing rulesets of different periods: each ruleset is asked about a contract on a
// reference date inside its own periods, at the dates where its values change ("epochs").
import { formatIsoDate, parseIsoDate, type IrDocument } from '@sroi/core';

/** An inclusive range of days (days since 1970-01-01). */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

export const periodRanges = (ir: IrDocument): DayRange[] =>
  ir.periods
    .map((p) => ({ from: parseIsoDate(p.from)!, to: parseIsoDate(p.to)! }))
    .sort((a, b) => a.from - b.from);

const inRanges = (ranges: readonly DayRange[], day: number) =>
  ranges.some((r) => r.from <= day && day <= r.to);

/** "2019-2023 (2019-10-01 t/m 2023-06-30)" for every period. */
export const describePeriods = (ir: IrDocument, through = 't/m'): string =>
  ir.periods.map((p) => `${p.name} (${p.from} ${through} ${p.to})`).join(', ');

/**
 * The days on which a ruleset's values may change, inside its periods: each period's first day and
 * each dated parameter value or table version that starts within a period.
 */
export function epochs(ir: IrDocument): number[] {
  const ranges = periodRanges(ir);
  const days = new Set(ranges.map((r) => r.from));
  const starts = [
    ...ir.parameters.flatMap((p) => p.versions.map((v) => v.from)),
    ...ir.tables.flatMap((t) => t.versions.map((v) => v.from)),
  ];
  for (const s of starts) {
    const day = s ? parseIsoDate(s) : undefined;
    if (day !== undefined && inRanges(ranges, day)) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** `day` when it falls in one of the ruleset's periods, else the nearest day that does. */
export function moveIntoPeriods(ir: IrDocument, day: number): number {
  const ranges = periodRanges(ir);
  if (inRanges(ranges, day)) return day;
  let best = ranges[0]!.from;
  for (const r of ranges)
    for (const candidate of [r.from, r.to])
      if (Math.abs(candidate - day) < Math.abs(best - day)) best = candidate;
  return best;
}

/** A pair of reference dates, one per ruleset, on which the two are compared. */
export interface Scenario {
  readonly a: string;
  readonly b: string;
}

/**
 * The reference dates on which to compare two rulesets. Where their periods overlap, both are
 * asked about the same day: every epoch of either inside the overlap. Where they do not (2019-2023
 * against 2023-2027), each is asked on its own epochs, every pairing.
 */
export function scenarios(a: IrDocument, b: IrDocument): Scenario[] {
  const ra = periodRanges(a);
  const rb = periodRanges(b);
  const overlap: DayRange[] = [];
  for (const x of ra)
    for (const y of rb) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from <= to) overlap.push({ from, to });
    }
  if (overlap.length > 0) {
    const days = new Set([
      ...overlap.map((r) => r.from),
      ...[...epochs(a), ...epochs(b)].filter((d) => inRanges(overlap, d)),
    ]);
    return [...days].sort((x, y) => x - y).map((d) => ({ a: formatIsoDate(d), b: formatIsoDate(d) }));
  }
  // Ordered by symmetric keys, so that comparing B with A pairs the same days in the same order.
  return epochs(a)
    .flatMap((x) => epochs(b).map((y) => [x, y] as const))
    .sort(([x1, y1], [x2, y2]) => x1 + y1 - (x2 + y2) || Math.min(x1, y1) - Math.min(x2, y2))
    .map(([x, y]) => ({ a: formatIsoDate(x), b: formatIsoDate(y) }));
}

// Decision tables: cells are checked against their columns, then every table version is proven
// complete (unless [som]), free of overlap ([uniek]) and without unreachable rows ([eerste]) by
// enumerating the grid of value regions that the cells' own constants cut each column into.
import { diagnostic, formatValue, Rational, type Diagnostic, type Language } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { constantValue, isLiteral, type ConstantValue } from './constants.js';
import type { ExpressionChecker } from './expressions.js';
import { irTypeOf, isError, isNumeric, required, showType, type Type } from './types.js';

/** More grid cells than this are not enumerated (reported as SR4007). */
export const MAX_TABLE_CASES = 2_000_000;

export type Condition =
  | { readonly kind: 'any' }
  | { readonly kind: 'values'; readonly values: readonly ConstantValue[] }
  | { readonly kind: 'bounds'; readonly bounds: readonly { op: A.ComparisonOperator; value: Rational }[] };

/** A region of one column's domain: a single value, or an open interval between two constants. */
export type Region =
  | { readonly kind: 'value'; readonly value: ConstantValue }
  | { readonly kind: 'between'; readonly lo?: Rational; readonly hi?: Rational }
  | { readonly kind: 'other' };

const ordered = (t: Type): boolean => isNumeric(t) || t.kind === 'datum';

function representative(r: Region): ConstantValue | undefined {
  if (r.kind === 'value') return r.value;
  if (r.kind === 'other') return undefined;
  if (r.lo && r.hi) return r.lo.add(r.hi).div(Rational.of(2));
  if (r.lo) return r.lo.add(Rational.ONE);
  if (r.hi) return r.hi.sub(Rational.ONE);
  return Rational.ZERO;
}

function compare(op: A.ComparisonOperator, a: Rational, b: Rational): boolean {
  const c = a.cmp(b);
  switch (op) {
    case '=':
      return c === 0;
    case '≠':
      return c !== 0;
    case '<':
      return c < 0;
    case '≤':
      return c <= 0;
    case '>':
      return c > 0;
    case '≥':
      return c >= 0;
  }
}

const sameValue = (a: ConstantValue, b: ConstantValue): boolean =>
  a instanceof Rational && b instanceof Rational ? a.eq(b) : a === b;

export function matches(c: Condition, r: Region): boolean {
  if (c.kind === 'any') return true;
  if (c.kind === 'values') return r.kind === 'value' && c.values.some((v) => sameValue(v, r.value));
  const v = representative(r);
  return v instanceof Rational && c.bounds.every((b) => compare(b.op, v, b.value));
}

/** The regions a column's domain splits into, given every constant its cells mention. */
export function regions(
  type: Type,
  conditions: readonly Condition[],
  enumValues: readonly string[] | undefined,
): Region[] {
  if (type.kind === 'opsomming') return (enumValues ?? []).map((value) => ({ kind: 'value', value }));
  if (type.kind === 'janee') return [true, false].map((value) => ({ kind: 'value', value }));
  const points: ConstantValue[] = [];
  for (const c of conditions) {
    if (c.kind === 'values') points.push(...c.values);
    if (c.kind === 'bounds') points.push(...c.bounds.map((b) => b.value));
  }
  if (!ordered(type)) {
    const texts = [...new Set(points.filter((p): p is string => typeof p === 'string'))];
    return [...texts.map((value): Region => ({ kind: 'value', value })), { kind: 'other' }];
  }
  // Amounts, durations, numbers and percentages in contracts are never negative; dates are unbounded.
  const nonNegative = type.kind !== 'datum';
  const numbers = points.filter((p): p is Rational => p instanceof Rational);
  if (nonNegative) numbers.push(Rational.ZERO);
  const sorted = numbers
    .filter((p) => !nonNegative || p.sign() >= 0)
    .sort((a, b) => a.cmp(b))
    .filter((p, i, all) => i === 0 || !p.eq(all[i - 1]!));
  const out: Region[] = [];
  if (!nonNegative) out.push(sorted[0] ? { kind: 'between', hi: sorted[0] } : { kind: 'between' });
  sorted.forEach((p, i) => {
    out.push({ kind: 'value', value: p });
    const next = sorted[i + 1];
    out.push(next ? { kind: 'between', lo: p, hi: next } : { kind: 'between', lo: p });
  });
  return out;
}

export class TableChecker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly checker: ExpressionChecker,
    private readonly enumValues: (name: string) => readonly string[] | undefined,
    private readonly lang: Language = 'nl',
    /** Tables with a syntax error inside are not analysed: a lost row would look like a gap. */
    private readonly damaged: (node: A.Node) => boolean = () => false,
  ) {}

  check(table: A.TableDeclaration): void {
    const inputTypes = table.inputs.map((c) => this.checker.columnType(c));
    const outputTypes = table.outputs.map((c) => this.checker.columnType(c));
    inputTypes.forEach((t, i) => {
      if (t.optional)
        this.diagnostics.push(
          diagnostic('SR3006', { name: table.inputs[i]!.name.name }, { span: table.inputs[i]!.span }),
        );
    });
    if (table.hitPolicy === 'som')
      outputTypes.forEach((t, i) => {
        if (!isError(t) && !isNumeric(t))
          this.diagnostics.push(
            diagnostic(
              'SR3002',
              { expected: 'een bedrag, getal of duur (hit policy som)', actual: showType(t) },
              { span: table.outputs[i]!.span },
            ),
          );
      });
    const scope = { owner: `tabel ${table.name.name}`, constant: true };
    for (const version of table.versions) {
      const when = version.from ? ` (vanaf ${version.from.text})` : '';
      if (version.value.length === 0) {
        this.diagnostics.push(diagnostic('SR4005', { name: `'${table.name.name}'` }, { span: version.span }));
        continue;
      }
      const rows: Condition[][] = [];
      let analysable = true;
      for (const row of version.value) {
        const expected = table.inputs.length + table.outputs.length;
        if (row.cells.length !== expected) {
          this.diagnostics.push(
            diagnostic(
              'SR4004',
              { actual: row.cells.length, expected, name: `'${table.name.name}'` },
              { span: row.span },
            ),
          );
          analysable = false;
          continue;
        }
        const conditions = table.inputs.map((_, i) =>
          this.inputCell(table, row.cells[i]!, inputTypes[i]!, scope),
        );
        if (conditions.some((c) => c === undefined)) analysable = false;
        else rows.push(conditions as Condition[]);
        table.outputs.forEach((_, j) =>
          this.outputCell(row.cells[table.inputs.length + j]!, outputTypes[j]!, scope),
        );
      }
      if (analysable && !inputTypes.some(isError) && !this.damaged(table))
        this.analyse(table, version, rows, inputTypes, when);
    }
  }

  private inputCell(
    table: A.TableDeclaration,
    cell: A.TableCell,
    type: Type,
    scope: { owner: string; constant: boolean },
  ): Condition | undefined {
    if (cell.kind === 'any') return { kind: 'any' };
    const fixed = (e: A.Expression): ConstantValue | undefined => {
      if (!isLiteral(e)) {
        this.diagnostics.push(diagnostic('SR4006', { name: `'${table.name.name}'` }, { span: e.span }));
        return undefined;
      }
      const t = this.checker.expect(e, scope, required(type));
      if (isError(t)) return undefined;
      const v = constantValue(e, this.checker.names);
      if (v === undefined || v === null) {
        this.diagnostics.push(diagnostic('SR4006', { name: `'${table.name.name}'` }, { span: e.span }));
        return undefined;
      }
      return v;
    };
    if (cell.kind === 'values') {
      const values = cell.values.map(fixed);
      return values.some((v) => v === undefined)
        ? undefined
        : { kind: 'values', values: values as ConstantValue[] };
    }
    const ordering = cell.bounds.some((b) => b.operator !== '=' && b.operator !== '≠');
    if (ordering && !ordered(type) && !isError(type)) {
      this.diagnostics.push(
        diagnostic('SR3007', { left: showType(type), right: '<, >' }, { span: cell.span }),
      );
      return undefined;
    }
    const bounds = cell.bounds.map((b) => ({ op: b.operator, value: fixed(b.value) }));
    if (bounds.some((b) => b.value === undefined)) return undefined;
    if (!ordered(type)) {
      // `= x` and `≠ x` on enumerations and ja/nee: a set of values.
      const all = this.domainValues(type);
      const keep = all.filter((v) =>
        bounds.every((b) => (b.op === '=' ? sameValue(v, b.value!) : !sameValue(v, b.value!))),
      );
      return { kind: 'values', values: keep };
    }
    return { kind: 'bounds', bounds: bounds.map((b) => ({ op: b.op, value: b.value as Rational })) };
  }

  private domainValues(type: Type): ConstantValue[] {
    if (type.kind === 'janee') return [true, false];
    if (type.kind === 'opsomming') return [...(this.enumValues(type.name) ?? [])];
    return [];
  }

  private outputCell(cell: A.TableCell, type: Type, scope: { owner: string; constant: boolean }): void {
    if (cell.kind === 'any') {
      if (!type.optional && !isError(type))
        this.diagnostics.push(
          diagnostic('SR3002', { expected: showType(type), actual: '-' }, { span: cell.span }),
        );
      return;
    }
    if (cell.kind !== 'values' || cell.values.length !== 1) {
      this.diagnostics.push(
        diagnostic('SR3002', { expected: showType(type), actual: 'een voorwaarde' }, { span: cell.span }),
      );
      return;
    }
    this.checker.expect(cell.values[0]!, scope, type);
  }

  private describe(region: Region, type: Type): string {
    const show = (v: ConstantValue) => formatValue(v, irTypeOf(type), this.lang);
    if (region.kind === 'value') return show(region.value);
    if (region.kind === 'other') return this.lang === 'nl' ? 'een andere tekst' : 'another text';
    const nl = this.lang === 'nl';
    if (region.lo && region.hi)
      return nl
        ? `tussen ${show(region.lo)} en ${show(region.hi)}`
        : `between ${show(region.lo)} and ${show(region.hi)}`;
    if (region.lo) return nl ? `meer dan ${show(region.lo)}` : `more than ${show(region.lo)}`;
    if (region.hi) return nl ? `minder dan ${show(region.hi)}` : `less than ${show(region.hi)}`;
    return nl ? 'elke waarde' : 'any value';
  }

  private analyse(
    table: A.TableDeclaration,
    version: A.Versioned<readonly A.TableRow[]>,
    rows: readonly Condition[][],
    types: readonly Type[],
    when: string,
  ): void {
    const name = `'${table.name.name}'`;
    const columns = types.map((t, i) =>
      regions(
        t,
        rows.map((r) => r[i]!),
        t.kind === 'opsomming' ? this.enumValues(t.name) : undefined,
      ),
    );
    const cases = columns.reduce((n, c) => n * c.length, 1);
    if (cases > MAX_TABLE_CASES) {
      this.diagnostics.push(diagnostic('SR4007', { name, cases }, { span: table.name.span }));
      return;
    }
    const found = sweep(
      columns,
      rows.map((r) => r.map((c, i) => accepted(c, columns[i]!, ordered(types[i]!)))),
      table.hitPolicy === 'uniek',
    );
    const example = (index: readonly number[]) =>
      index
        .map((j, i) => `${table.inputs[i]!.name.name} = ${this.describe(columns[i]![j]!, types[i]!)}`)
        .join(', ');
    if (found.gap && table.hitPolicy !== 'som')
      this.diagnostics.push(
        diagnostic('SR4001', { name, when, example: example(found.gap) }, { span: version.span }),
      );
    if (table.hitPolicy === 'uniek')
      for (const { first, second, at } of found.overlaps) {
        const args = { first: first + 1, second: second + 1, name, when, example: example(at) };
        this.diagnostics.push(
          diagnostic(
            'SR4002',
            args,
            { span: version.value[second]!.span },
            { related: [{ span: version.value[first]!.span, code: 'SR4002', args }] },
          ),
        );
      }
    rows.forEach((_, r) => {
      const unreachable = table.hitPolicy === 'eerste' ? !found.everFirst[r] : !found.everMatched[r];
      if (unreachable)
        this.diagnostics.push(
          diagnostic('SR4003', { row: r + 1, name, when }, { span: version.value[r]!.span }),
        );
    });
  }
}

// ── The grid, swept ──────────────────────────────────────────────────────────────────────────
// Each cell accepts a few runs of its column's regions (found by binary search on ordered
// columns), so no row is tested against every region. One column is swept from left to right
// with the rows whose cells cover the current region kept active; the grid of the other columns
// is enumerated for the active rows only. A table of n interval rows costs O(n log n) instead of
// the n × 2n region tests of a plain enumeration.

/** Region indices a cell accepts: sorted, disjoint, inclusive runs [from, to]. */
type Runs = readonly (readonly [number, number])[];

/** The first index in [0, n) for which `test` holds, for a `test` false then true; n if none. */
function firstTrue(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function intersect(a: Runs, b: Runs): Runs {
  const out: [number, number][] = [];
  for (const [f1, t1] of a)
    for (const [f2, t2] of b) {
      const from = Math.max(f1, f2);
      const to = Math.min(t1, t2);
      if (from <= to) out.push([from, to]);
    }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Where each value of an unordered column (a text, an enumeration value, ja/nee) is its own region. */
const valueRegions = new WeakMap<readonly Region[], Map<ConstantValue, number>>();

/** The region of `column` that is exactly the value `v`, or -1. */
function regionOf(column: readonly Region[], v: ConstantValue, isOrdered: boolean): number {
  if (!isOrdered) {
    let map = valueRegions.get(column);
    if (!map) {
      map = new Map(column.flatMap((r, i) => (r.kind === 'value' ? [[r.value, i] as const] : [])));
      valueRegions.set(column, map);
    }
    return map.get(v) ?? -1;
  }
  if (!(v instanceof Rational)) return -1;
  // Ordered regions ascend by their representatives; a value is a region of its own.
  const i = firstTrue(column.length, (j) => (representative(column[j]!) as Rational).cmp(v) >= 0);
  const r = column[i];
  return r?.kind === 'value' && sameValue(r.value, v) ? i : -1;
}

/** The regions of `column` a condition accepts; the same answer as `matches` for each region. */
export function accepted(c: Condition, column: readonly Region[], isOrdered: boolean): Runs {
  const last = column.length - 1;
  if (c.kind === 'any') return [[0, last]];
  if (c.kind === 'values')
    return runsOf(c.values.map((v) => regionOf(column, v, isOrdered)).filter((i) => i >= 0));
  if (!isOrdered) return runsOf(column.flatMap((r, i) => (matches(c, r) ? [i] : [])));
  let runs: Runs = [[0, last]];
  for (const b of c.bounds) {
    const rep = (j: number) => representative(column[j]!) as Rational;
    const atLeast = firstTrue(column.length, (j) => rep(j).cmp(b.value) >= 0);
    const above = firstTrue(column.length, (j) => rep(j).cmp(b.value) > 0);
    const one: Runs =
      b.op === '<'
        ? [[0, atLeast - 1]]
        : b.op === '≤'
          ? [[0, above - 1]]
          : b.op === '>'
            ? [[above, last]]
            : b.op === '≥'
              ? [[atLeast, last]]
              : b.op === '='
                ? [[atLeast, above - 1]]
                : [
                    [0, atLeast - 1],
                    [above, last],
                  ];
    runs = intersect(
      runs,
      one.filter(([from, to]) => from <= to),
    );
  }
  return runs;
}

/** Sorted distinct indices as runs of consecutive ones. */
function runsOf(indices: readonly number[]): Runs {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const i of sorted) {
    const run = out[out.length - 1];
    if (run && run[1] === i - 1) run[1] = i;
    else out.push([i, i]);
  }
  return out;
}

function covers(runs: Runs, i: number): boolean {
  const k = firstTrue(runs.length, (j) => runs[j]![1] >= i);
  return k < runs.length && runs[k]![0] <= i;
}

/** Whether grid cell `a` comes before `b` when the first column varies slowest. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export interface SweepFindings {
  /** The first grid cell (first column slowest) that no row accepts. */
  readonly gap?: readonly number[];
  /** The first five pairs of overlapping rows (the first two rows of a cell), by their first cell. */
  readonly overlaps: readonly { first: number; second: number; at: readonly number[] }[];
  readonly everFirst: readonly boolean[];
  readonly everMatched: readonly boolean[];
}

export function sweep(
  columns: readonly (readonly Region[])[],
  accepts: readonly Runs[][],
  overlap: boolean,
): SweepFindings {
  const width = columns.length;
  // Sweep the column whose runs leave the fewest active rows per cell of the rest of the grid.
  let s = 0;
  let best = Infinity;
  for (let c = 0; c < width; c++) {
    const covered = accepts.reduce((n, row) => n + row[c]!.reduce((m, [f, t]) => m + t - f + 1, 0), 0);
    const cost = covered / columns[c]!.length;
    if (cost < best) [best, s] = [cost, c];
  }
  const others = [...Array(width).keys()].filter((c) => c !== s);
  const starts: number[][] = columns[s]!.map(() => []);
  const ends: number[][] = columns[s]!.map(() => []);
  accepts.forEach((row, r) =>
    row[s]!.forEach(([from, to]) => {
      starts[from]!.push(r);
      ends[to]!.push(r);
    }),
  );
  const everFirst = accepts.map(() => false);
  const everMatched = accepts.map(() => false);
  let gap: number[] | undefined;
  const firstOverlap = new Map<string, { first: number; second: number; at: number[] }>();
  const active: number[] = []; // ascending row numbers
  const index = new Array<number>(width).fill(0);
  for (let j = 0; j < columns[s]!.length; j++) {
    for (const r of starts[j]!)
      active.splice(
        firstTrue(active.length, (k) => active[k]! > r),
        0,
        r,
      );
    index[s] = j;
    for (const c of others) index[c] = 0;
    for (;;) {
      let hits = 0;
      let first = -1;
      let second = -1;
      for (const r of active) {
        if (!others.every((c) => covers(accepts[r]![c]!, index[c]!))) continue;
        everMatched[r] = true;
        if (hits === 0) first = r;
        else if (hits === 1) second = r;
        hits++;
      }
      if (hits === 0 && (!gap || before(index, gap))) gap = [...index];
      if (hits > 0) everFirst[first] = true;
      if (hits > 1 && overlap) {
        const key = `${first}:${second}`;
        const known = firstOverlap.get(key);
        if (!known) firstOverlap.set(key, { first, second, at: [...index] });
        else if (before(index, known.at)) known.at = [...index];
      }
      // Next cell of the other columns (odometer, last column fastest).
      let k = others.length - 1;
      for (; k >= 0; k--) {
        const c = others[k]!;
        if (++index[c]! < columns[c]!.length) break;
        index[c] = 0;
      }
      if (k < 0) break;
    }
    for (const r of ends[j]!)
      active.splice(
        firstTrue(active.length, (k) => active[k]! >= r),
        1,
      );
  }
  const overlaps = [...firstOverlap.values()].sort((a, b) =>
    before(a.at, b.at) ? -1 : before(b.at, a.at) ? 1 : 0,
  );
  return { ...(gap ? { gap } : {}), overlaps: overlaps.slice(0, 5), everFirst, everMatched };
}

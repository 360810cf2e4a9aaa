// Decision tables: cells are checked against their columns, then every table version is proven
// complete (unless [som]), free of overlap ([uniek]) and without unreachable rows ([eerste]) by
// enumerating the grid of value regions that the cells' own constants cut each column into.
import { diagnostic, formatValue, Rational, type Diagnostic, type Language } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { constantValue, isLiteral, type ConstantValue } from './constants.js';
import type { ExpressionChecker } from './expressions.js';
import { irTypeOf, isError, isNumeric, required, showType, type Type } from './types.js';

/** More grid cells than this are not enumerated (reported as SR4007). */
export const MAX_TABLE_CASES = 200_000;

type Condition =
  | { readonly kind: 'any' }
  | { readonly kind: 'values'; readonly values: readonly ConstantValue[] }
  | { readonly kind: 'bounds'; readonly bounds: readonly { op: A.ComparisonOperator; value: Rational }[] };

/** A region of one column's domain: a single value, or an open interval between two constants. */
type Region =
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

function matches(c: Condition, r: Region): boolean {
  if (c.kind === 'any') return true;
  if (c.kind === 'values') return r.kind === 'value' && c.values.some((v) => sameValue(v, r.value));
  const v = representative(r);
  return v instanceof Rational && c.bounds.every((b) => compare(b.op, v, b.value));
}

/** The regions a column's domain splits into, given every constant its cells mention. */
function regions(
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
    // match[row][column][region]: whether the row's cell accepts that region.
    const match = rows.map((r) => r.map((c, i) => columns[i]!.map((region) => matches(c, region))));
    const example = (index: number[]) =>
      index
        .map((j, i) => `${table.inputs[i]!.name.name} = ${this.describe(columns[i]![j]!, types[i]!)}`)
        .join(', ');
    const everFirst = rows.map(() => false);
    const everMatched = rows.map(() => false);
    let reportedGap = false;
    const overlaps = new Set<string>();
    const index = columns.map(() => 0);
    for (let n = 0; n < cases; n++) {
      const hits: number[] = [];
      for (let r = 0; r < rows.length; r++) if (match[r]!.every((col, i) => col[index[i]!])) hits.push(r);
      if (hits.length === 0 && !reportedGap && table.hitPolicy !== 'som') {
        reportedGap = true;
        this.diagnostics.push(
          diagnostic('SR4001', { name, when, example: example(index) }, { span: version.span }),
        );
      }
      if (hits.length > 0) everFirst[hits[0]!] = true;
      for (const h of hits) everMatched[h] = true;
      if (hits.length > 1 && table.hitPolicy === 'uniek') {
        const key = `${hits[0]}:${hits[1]}`;
        if (!overlaps.has(key) && overlaps.size < 5) {
          overlaps.add(key);
          const first = version.value[hits[0]!]!;
          const second = version.value[hits[1]!]!;
          this.diagnostics.push(
            diagnostic(
              'SR4002',
              { first: hits[0]! + 1, second: hits[1]! + 1, name, when, example: example(index) },
              { span: second.span },
              {
                related: [
                  {
                    span: first.span,
                    code: 'SR4002',
                    args: { first: hits[0]! + 1, second: hits[1]! + 1, name, when, example: example(index) },
                  },
                ],
              },
            ),
          );
        }
      }
      // Next grid cell (odometer).
      for (let i = index.length - 1; i >= 0; i--) {
        if (++index[i]! < columns[i]!.length) break;
        index[i] = 0;
      }
    }
    rows.forEach((_, r) => {
      const unreachable = table.hitPolicy === 'eerste' ? !everFirst[r] : !everMatched[r];
      if (unreachable)
        this.diagnostics.push(
          diagnostic('SR4003', { row: r + 1, name, when }, { span: version.value[r]!.span }),
        );
    });
  }
}

// Periods and time-varying values: periods must not overlap or leave gaps, and every value
// that changes with the reference date (`vanaf`) must exist from the first period's first day.
import { diagnostic, formatIsoDate, type Diagnostic } from '@sroi/core';
import type * as A from '../ast/ast.js';

const day = (d: A.DateLiteralNode): number => d.day;
const iso = (n: number): string => formatIsoDate(n);

export function checkPeriods(periods: readonly A.Period[], headerSpan: A.Node['span']): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (periods.length === 0) {
    out.push(diagnostic('SR2018', {}, { span: headerSpan }));
    return out;
  }
  const valid = periods.filter((p) => !Number.isNaN(day(p.from)) && !Number.isNaN(day(p.to)));
  for (const p of valid)
    if (day(p.to) < day(p.from))
      out.push(
        diagnostic(
          'SR4106',
          { name: `'${p.name.value}'`, from: p.from.text, to: p.to.text },
          { span: p.span },
        ),
      );
  const names = new Map<string, A.Period>();
  for (const p of periods) {
    const twin = names.get(p.name.value);
    if (twin)
      out.push(diagnostic('SR2002', { kind: 'Periode', name: `'${p.name.value}'` }, { span: p.name.span }));
    else names.set(p.name.value, p);
  }
  const sorted = [...valid].filter((p) => day(p.to) >= day(p.from)).sort((a, b) => day(a.from) - day(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    const args = { first: `'${prev.name.value}'`, second: `'${next.name.value}'` };
    if (day(next.from) <= day(prev.to)) {
      out.push(
        diagnostic(
          'SR4101',
          { ...args, from: next.from.text, to: iso(Math.min(day(prev.to), day(next.to))) },
          { span: next.span },
          {
            related: [
              { span: prev.span, code: 'SR4101', args: { ...args, from: next.from.text, to: prev.to.text } },
            ],
          },
        ),
      );
    } else if (day(next.from) > day(prev.to) + 1) {
      out.push(
        diagnostic(
          'SR4102',
          { ...args, from: iso(day(prev.to) + 1), to: iso(day(next.from) - 1) },
          { span: next.span },
        ),
      );
    }
  }
  return out;
}

/**
 * A value that varies by date: its `vanaf` dates ascend, the first covers the start of the
 * first period, and none lies beyond the last period's end (it would never be used).
 */
export function checkVersions(
  name: string,
  versions: readonly A.Versioned<unknown>[],
  periods: readonly A.Period[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dated = versions.filter((v) => v.from && !Number.isNaN(v.from.day));
  if (dated.length === 0) return out;
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1]!.from!;
    const cur = dated[i]!.from!;
    if (cur.day <= prev.day)
      out.push(diagnostic('SR4103', { date: cur.text, previous: prev.text }, { span: cur.span }));
  }
  const valid = periods.filter((p) => !Number.isNaN(p.from.day) && !Number.isNaN(p.to.day));
  if (valid.length === 0) return out;
  const first = [...valid].sort((a, b) => a.from.day - b.from.day)[0]!;
  const last = [...valid].sort((a, b) => b.to.day - a.to.day)[0]!;
  const earliest = dated.reduce((m, v) => Math.min(m, v.from!.day), Number.POSITIVE_INFINITY);
  if (earliest > first.from.day) {
    out.push(
      diagnostic(
        'SR4104',
        { name: `'${name}'`, from: first.from.text, to: iso(earliest - 1), period: `'${first.name.value}'` },
        { span: dated[0]!.from!.span },
      ),
    );
  }
  for (const v of dated)
    if (v.from!.day > last.to.day)
      out.push(diagnostic('SR4105', { date: v.from!.text, end: last.to.text }, { span: v.from!.span }));
  return out;
}

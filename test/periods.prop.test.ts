// Period and version independence: a contract evaluated under one tariff version (a `vanaf` of
// a parameter or table) or one period (a member of a ruleset set) gives the same result whatever
// the values of the other versions and periods are.
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatIsoDate, parseIsoDate, type IrDocument, type IrExpr, type IrValue } from '@sroi/core';
import { PlanSet, type Plan } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { planOf, shippedIr, shippedRulesets } from './support/shipped.js';

/** A different number: n × 3 + 7 (so a threshold, tariff or duration surely changes). */
const perturbValue = (v: IrValue): IrValue => {
  if (!('num' in v)) return v;
  const [n, d = '1'] = v.num.split('/');
  const num = BigInt(n!) * 3n + 7n * BigInt(d);
  return { num: d === '1' ? `${num}` : `${num}/${d}` };
};
const perturbExpr = (e: IrExpr): IrExpr => (e.k === 'const' ? { k: 'const', v: perturbValue(e.v) } : e);

/** The version in force on `day`: the latest dated one that started, else the undated one. */
function inForce<V extends { from?: string | undefined }>(
  versions: readonly V[],
  day: number,
): V | undefined {
  const started = versions
    .filter((v) => v.from !== undefined && parseIsoDate(v.from)! <= day)
    .sort((a, b) => (a.from! < b.from! ? 1 : -1));
  return started[0] ?? versions.find((v) => v.from === undefined);
}

/** A copy of `ir` with every parameter and table version that is not in force on `day` changed. */
function perturbOtherVersions(ir: IrDocument, day: number): IrDocument {
  const copy = structuredClone(ir);
  for (const p of copy.parameters) {
    const keep = inForce(p.versions, day);
    for (const v of p.versions) if (v !== keep) v.value = perturbValue(v.value);
  }
  for (const t of copy.tables) {
    const keep = inForce(t.versions, day);
    for (const v of t.versions)
      if (v !== keep) for (const row of v.rows) row.then = row.then.map(perturbExpr);
  }
  return copy;
}

/** A copy of `ir` with every parameter and table value changed. */
const perturbAll = (ir: IrDocument): IrDocument => perturbOtherVersions(ir, Number.NEGATIVE_INFINITY);

/** The stretches of the ruleset's period between the `vanaf` dates of its versions. */
function stretches(ir: IrDocument): { from: string; to: string }[] {
  const period = ir.periods[0]!;
  const start = parseIsoDate(period.from)!;
  const end = parseIsoDate(period.to)!;
  const cuts = new Set<number>([start]);
  for (const x of [...ir.parameters, ...ir.tables])
    for (const v of x.versions) {
      const day = v.from === undefined ? undefined : parseIsoDate(v.from)!;
      if (day !== undefined && day > start && day <= end) cuts.add(day);
    }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.map((from, i) => ({
    from: formatIsoDate(from),
    to: formatIsoDate(i + 1 < sorted.length ? sorted[i + 1]! - 1 : end),
  }));
}

/** A contract with a placement and a value near the thresholds, on `date`: tariffs and thresholds show. */
const probe = (date: string) => ({
  opdrachtsoort: 'diensten',
  waarde: '300000.00',
  gunningsdatum: date,
  activiteiten: [
    { soort: 'plaatsing', doelgroep: 'participatiewet', contractvorm: 'bepaald', fte: 1, maanden: 12 },
  ],
});

describe.each(shippedRulesets)('%s', (file) => {
  const ir = shippedIr(file);
  const plan = planOf(ir);
  const parts = stretches(ir);

  describe.each(parts)('a contract awarded from $from to $to', (part) => {
    const other = planOf(perturbOtherVersions(ir, parseIsoDate(part.from)!));

    test.prop([contractArbitrary({ enumerations: plan.enumerations, dates: part })], { numRuns: 100 })(
      'is unaffected by the values of every other tariff version',
      (contract) => {
        expect(other.evaluate(contract)).toEqual(plan.evaluate(contract));
        expect(other.evaluate(contract, { explain: true })).toEqual(
          plan.evaluate(contract, { explain: true }),
        );
      },
    );

    test.skipIf(parts.length < 2)('the change is real: contracts in the other stretches see it', () => {
      for (const elsewhere of parts.filter((p) => p !== part))
        expect(other.evaluate(probe(elsewhere.from))).not.toEqual(plan.evaluate(probe(elsewhere.from)));
    });
  });
});

test('Rijnmond 2023-2027 has two tariff versions and Haaglanden/ZHC three threshold versions in its period', () => {
  expect(stretches(shippedIr('rijnmond-2023-2027.sroi')).map((s) => s.from)).toEqual([
    '2023-07-01',
    '2025-07-01',
  ]);
  expect(stretches(shippedIr('haaglanden-zhc-2023.sroi')).map((s) => s.from)).toEqual([
    '2023-07-01',
    '2024-01-01',
    '2026-01-01',
  ]);
});

describe('the Rijnmond ruleset set (2019-2023, then 2023-2027)', () => {
  const dir = join(import.meta.dirname, '../rulesets');
  const [old, current] = ['rijnmond-2019-2023.sroi', 'rijnmond-2023-2027.sroi'].map((f) => shippedIr(f)) as [
    IrDocument,
    IrDocument,
  ];
  const set = (a: Plan, b: Plan) =>
    new PlanSet('Social Return Rijnmond', [
      { plan: a, label: join(dir, 'rijnmond-2019-2023.sroi') },
      { plan: b, label: join(dir, 'rijnmond-2023-2027.sroi') },
    ]);
  const original = set(planOf(old), planOf(current));
  const members = [
    { name: '2019-2023', ir: old, changed: set(planOf(old), planOf(perturbAll(current))), other: current },
    { name: '2023-2027', ir: current, changed: set(planOf(perturbAll(old)), planOf(current)), other: old },
  ];

  describe.each(members)('a contract in period $name', ({ ir, changed, other }) => {
    const period = ir.periods[0]!;
    test.prop([contractArbitrary({ enumerations: planOf(ir).enumerations, dates: period })], {
      numRuns: 100,
    })('is unaffected by every parameter and table value of the other period', (contract) => {
      expect(changed.evaluate(contract)).toEqual(original.evaluate(contract));
    });

    test('the change is real: contracts in the other period see it', () => {
      const date = other.periods[0]!.from;
      expect(changed.evaluate(probe(date))).not.toEqual(original.evaluate(probe(date)));
    });
  });
});

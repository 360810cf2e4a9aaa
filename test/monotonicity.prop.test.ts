// Monotonicity of the shipped rulesets: raising any tariff (a money, rate or percentage value of a
// parameter version or a table cell, edited in the IR) never lowers a valuation or gerealiseerd,
// and neither do more months, more fte or more hours on an activity.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { IrDocument } from '@sroi/core';
import type { Plan } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import {
  addRational,
  cents,
  mustEvaluate,
  planOf,
  shippedIr,
  shippedRulesets,
  tariffSites,
} from './support/shipped.js';

/**
 * Where a ruleset is not monotone in a value on purpose. A threshold (`drempel`) is not a tariff:
 * raising it can take a contract out of scope, and in the Rijnmond rulesets the caps of some
 * routes are a share of the obligation, so gerealiseerd can drop with it. Valuations stay monotone.
 */
const notMonotoneInGerealiseerd: Record<string, readonly string[]> = {
  'rijnmond-2023-2027.sroi': ['drempel'],
  'rijnmond-2019-2023.sroi': ['drempel'],
  'haaglanden-zhc-2023.sroi': [],
};

/** Ways to raise a value (IR text): by a thousandth of a unit, by half, by 1000 units. */
const raises = [
  { label: '+1/1000', raise: (v: string) => addRational(v, 1n, 1000n) },
  { label: '+50%', raise: (v: string) => threeHalves(v) },
  { label: '+1000', raise: (v: string) => addRational(v, 1000n, 1n) },
] as const;

/** `v × 3/2` as IR text (v ≥ 0). */
function threeHalves(v: string): string {
  const [n, d = '1'] = v.split('/');
  return addRational('0', BigInt(n!) * 3n, BigInt(d) * 2n);
}

const gerealiseerdAndValuations = (plan: Plan, contract: unknown) => {
  const r = mustEvaluate(plan, contract);
  return { gerealiseerd: cents(r.gerealiseerd), valuations: r.waarderingen.map((w) => cents(w.bedrag)) };
};

describe.each(shippedRulesets)('%s', (file) => {
  const ir = shippedIr(file);
  const plan = planOf(ir);
  const period = ir.periods[0]!;
  const enumerations = plan.enumerations;
  const dates = { from: period.from, to: period.to };
  const sites = tariffSites(ir);
  const exceptions = notMonotoneInGerealiseerd[file]!;

  // Plans with one raised tariff, built on first use (validating and compiling IR takes a while).
  const raised = new Map<string, Plan>();
  const raisedPlan = (site: number, how: number): Plan => {
    const key = `${site}:${how}`;
    let p = raised.get(key);
    if (!p) {
      const s = sites[site]!;
      p = planOf(s.replace(ir, raises[how]!.raise(s.value)) as IrDocument);
      raised.set(key, p);
    }
    return p;
  };

  test('the suite finds the tariffs of the ruleset', () => {
    expect(sites.length).toBeGreaterThanOrEqual(15);
    expect(sites.every((s) => !s.value.startsWith('-'))).toBe(true);
  });

  test.prop(
    [
      fc.integer({ min: 0, max: sites.length - 1 }),
      fc.integer({ min: 0, max: raises.length - 1 }),
      fc.array(contractArbitrary({ enumerations, dates }), { minLength: 1, maxLength: 5 }),
    ],
    { numRuns: 80 },
  )(
    'raising any tariff never lowers a valuation, nor gerealiseerd (except for the thresholds named above)',
    (site, how, contracts) => {
      const other = raisedPlan(site, how);
      const label = `${sites[site]!.label} ${raises[how]!.label}`;
      for (const contract of contracts) {
        const before = gerealiseerdAndValuations(plan, contract);
        const after = gerealiseerdAndValuations(other, contract);
        after.valuations.forEach((v, i) =>
          expect(v >= before.valuations[i]!, `${label}: waardering ${i + 1}`).toBe(true),
        );
        if (!exceptions.includes(sites[site]!.name))
          expect(after.gerealiseerd >= before.gerealiseerd, `${label}: gerealiseerd`).toBe(true);
      }
    },
  );

  test.each(exceptions)('the exception is real: raising %s can lower gerealiseerd', (name) => {
    const site = sites.findIndex((s) => s.name === name);
    const higher = planOf(
      sites[site]!.replace(ir, addRational(sites[site]!.value, 10_000_000n, 1n)) as IrDocument,
    );
    // A contract just above the threshold, with hours that the cap on maatschappelijk cuts.
    const contract = {
      opdrachtsoort: 'diensten',
      waarde: '100000.00',
      gunningsdatum: period.from,
      activiteiten: [{ soort: 'maatschappelijk', uren: 10 }],
    };
    const before = gerealiseerdAndValuations(plan, contract);
    const after = gerealiseerdAndValuations(higher, contract);
    expect(after.valuations).toEqual(before.valuations);
    expect(after.gerealiseerd < before.gerealiseerd).toBe(true);
  });

  /** A contract, one of its activities of a kind with `field`, and a raise of that field (hundredths). */
  const withActivity = (field: string, kinds: readonly string[], max: number) =>
    contractArbitrary({ enumerations, dates, kinds })
      .filter((c) => (c['activiteiten'] as unknown[]).length > 0)
      .chain((contract) =>
        fc.record({
          contract: fc.constant(contract),
          index: fc.nat({ max: (contract['activiteiten'] as unknown[]).length - 1 }),
          more: fc.integer({ min: 1, max: max * 100 }),
        }),
      )
      .map(({ contract, index, more }) => {
        const activities = contract['activiteiten'] as Record<string, number>[];
        const old = activities[index]![field]!;
        const raised = Math.min(max, Math.round(old * 100 + more) / 100);
        const changed = activities.map((a, i) => (i === index ? { ...a, [field]: raised } : a));
        return { contract, index, more: { ...contract, activiteiten: changed } };
      });

  test.each([
    { field: 'maanden', kinds: ['plaatsing', 'leerling', 'arbeidsontwikkeling'], max: 120 },
    { field: 'fte', kinds: ['plaatsing', 'leerling'], max: 1.5 },
    { field: 'uren', kinds: ['maatschappelijk'], max: 2_000 },
  ])('more $field never lowers that activity’s valuation, nor gerealiseerd', ({ field, kinds, max }) => {
    fc.assert(
      fc.property(withActivity(field, kinds, max), ({ contract, index, more }) => {
        const before = gerealiseerdAndValuations(plan, contract);
        const after = gerealiseerdAndValuations(plan, more);
        expect(after.valuations[index]! >= before.valuations[index]!).toBe(true);
        expect(after.gerealiseerd >= before.gerealiseerd).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

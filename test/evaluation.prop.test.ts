// The engine's invariants on the shipped rulesets, for generated contracts: evaluation is
// deterministic and independent of activity order, totals are the sums of their parts, caps and
// bounds hold, and amounts up to € 10^12 come out to the exact cent.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { EvaluationResult, Melding } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { cents, mustEvaluate, planOf, shippedIr, shippedRulesets } from './support/shipped.js';

/** Whole cents as a contract amount ("1234.56"). */
const amount = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** Cents `x × p / q` rounded half away from zero (x ≥ 0), computed apart from the engine. */
const percentOf = (x: bigint, p: bigint, q: bigint) => (2n * x * p + q) / (2n * q);

/** The policy's numbers for the exact-cents checks, read from the rulesets' text by hand. */
const policy: Record<
  (typeof shippedRulesets)[number],
  { inkoop: [bigint, bigint]; obligationAbove: bigint; kinds: readonly string[] }
> = {
  // inkoop_percentage 30%; verplichting 5% above € 50.000.
  'rijnmond-2023-2027.sroi': {
    inkoop: [30n, 100n],
    obligationAbove: 5_000_000n,
    kinds: ['diensten', 'werken', 'leveringen'],
  },
  // inkoop_percentage 25%; verplichting 5% from € 50.000.
  'rijnmond-2019-2023.sroi': {
    inkoop: [25n, 100n],
    obligationAbove: 5_000_000n,
    kinds: ['diensten', 'werken', 'leveringen'],
  },
  // The whole invoice counts; verplichting 5% above the European threshold (at most € 5.538.000
  // for works), none for deliveries.
  'haaglanden-zhc-2023.sroi': {
    inkoop: [1n, 1n],
    obligationAbove: 553_800_000n,
    kinds: ['diensten', 'werken'],
  },
};

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

/** Meldingen as comparable text, with activity indices mapped through `map`. */
const meldingKeys = (ms: readonly Melding[], map: (i: number) => number = (i) => i) =>
  ms
    .map((m) =>
      JSON.stringify({ ...m, ...(m.activiteit !== undefined ? { activiteit: map(m.activiteit) } : {}) }),
    )
    .sort();

describe.each(shippedRulesets)('%s', (file) => {
  const plan = planOf(shippedIr(file));
  const period = plan.ir.periods[0]!;
  const enumerations = plan.enumerations;
  const contracts = contractArbitrary({ enumerations, dates: { from: period.from, to: period.to } });

  test.prop([contracts, fc.array(contracts, { minLength: 1, maxLength: 4 })], { numRuns: 100 })(
    'evaluation is deterministic: the same contract gives the same result twice, also after evaluating others',
    (contract, others) => {
      const first = plan.evaluate(contract);
      expect(first.value).toBeDefined();
      expect(plan.evaluate(contract)).toEqual(first);
      for (const other of others) plan.evaluate(other);
      expect(plan.evaluate(contract)).toEqual(first);
      // The reference evaluator too, explanation included.
      const explained = plan.evaluate(contract, { explain: true });
      for (const other of others) plan.evaluate(other, { explain: true });
      expect(plan.evaluate(contract, { explain: true })).toEqual(explained);
    },
  );

  const permuted = contracts.chain((contract) => {
    const n = (contract['activiteiten'] as unknown[]).length;
    const indices = [...Array(n).keys()];
    return fc.shuffledSubarray(indices, { minLength: n, maxLength: n }).map((order) => ({ contract, order }));
  });

  test.prop([permuted], { numRuns: 150 })(
    'evaluation is independent of activity order: permuted activities give the same totals and, per activity, the same valuation',
    ({ contract, order }) => {
      const activities = contract['activiteiten'] as unknown[];
      const shuffled = { ...contract, activiteiten: order.map((i) => activities[i]) };
      const a = mustEvaluate(plan, contract);
      const b = mustEvaluate(plan, shuffled);
      const { waarderingen: wa, meldingen: ma, ...totalsA } = a;
      const { waarderingen: wb, meldingen: mb, ...totalsB } = b;
      expect(totalsB).toEqual(totalsA);
      // Position j of the shuffled contract is activity order[j] of the original.
      wb.forEach((w, j) => expect({ ...w, index: order[j] }).toEqual(wa[order[j]!]));
      expect(meldingKeys(mb, (j) => order[j]!)).toEqual(meldingKeys(ma));
    },
  );

  test.prop([contracts], { numRuns: 200 })(
    'totals are the sums of their parts: route totals sum the valuations, gerealiseerd sums the routes after their caps, and no capped route exceeds its cap',
    (contract) => {
      const r = mustEvaluate(plan, contract);
      for (const route of r.routes) {
        const total = sum(r.waarderingen.filter((w) => w.route === route.naam).map((w) => cents(w.bedrag)));
        expect(cents(route.totaal), route.naam).toBe(total);
        const cap = route.maximum === undefined ? undefined : cents(route.maximum);
        const realised = cap !== undefined && total > cap ? cap : total;
        expect(cents(route.gerealiseerd), route.naam).toBe(realised);
        if (cap !== undefined) expect(cents(route.gerealiseerd) <= cap).toBe(true);
      }
      // Every valued activity belongs to a route of the ruleset.
      for (const w of r.waarderingen) expect(r.routes.map((x) => x.naam)).toContain(w.route);
      expect(cents(r.gerealiseerd)).toBe(sum(r.routes.map((x) => cents(x.gerealiseerd))));
    },
  );

  test.prop([contracts], { numRuns: 200 })(
    'restant and boete are never negative and never above the obligation; restant is what gerealiseerd leaves of it, overschot what it exceeds it by',
    (contract) => {
      const r = mustEvaluate(plan, contract);
      const obligation = cents(r.verplichting);
      const remainder = cents(r.restant);
      const penalty = cents(r.boete);
      expect(obligation >= 0n).toBe(true);
      expect(remainder >= 0n && remainder <= obligation).toBe(true);
      expect(penalty >= 0n && penalty <= obligation).toBe(true);
      // All three rulesets define restant = max(€ 0, verplichting − gerealiseerd).
      const left = obligation - cents(r.gerealiseerd);
      expect(remainder).toBe(left > 0n ? left : 0n);
      // ... and overschot = max(€ 0, gerealiseerd − verplichting): never both above zero.
      expect(cents(r.overschot)).toBe(left < 0n ? -left : 0n);
    },
  );

  const { inkoop, obligationAbove, kinds } = policy[file];
  const huge = fc.bigInt({ min: 0n, max: 10n ** 14n }); // up to € 10^12, in cents
  const hugeContract = fc.record({
    opdrachtsoort: fc.constantFrom(...kinds),
    value: fc.bigInt({ min: obligationAbove + 1n, max: 10n ** 14n }),
    invoices: fc.array(fc.tuple(fc.constantFrom('sw-bedrijf', 'sociaal-ondernemer'), huge), { maxLength: 5 }),
    training: fc.array(huge, { maxLength: 120 }),
  });

  test.prop([hugeContract], { numRuns: 60 })(
    'amounts up to € 10^12 are exact to the cent: obligation, invoice percentage and sums past 2^53 cents match a separate BigInt computation',
    ({ opdrachtsoort, value, invoices, training }) => {
      const contract = {
        opdrachtsoort,
        waarde: amount(value),
        gunningsdatum: period.from,
        activiteiten: [
          ...invoices.map(([leverancier, f]) => ({ soort: 'inkoop', leverancier, factuurbedrag: amount(f) })),
          ...training.map((k) => ({ soort: 'scholing', kosten: amount(k) })),
        ],
      };
      const r = mustEvaluate(plan, contract);
      expect(cents(r.verplichting)).toBe(percentOf(value, 5n, 100n));
      const expectedInvoices = invoices.map(([, f]) => percentOf(f, inkoop[0], inkoop[1]));
      expect(r.waarderingen.slice(0, invoices.length).map((w) => cents(w.bedrag))).toEqual(expectedInvoices);
      expect(r.waarderingen.slice(invoices.length).map((w) => cents(w.bedrag))).toEqual(training);
      const route = (name: string) => r.routes.find((x) => x.naam === name)!;
      expect(cents(route('inkopen').totaal)).toBe(sum(expectedInvoices));
      expect(cents(route('leren').totaal)).toBe(sum(training));
      expect(cents(r.gerealiseerd)).toBe(sum(expectedInvoices) + sum(training));
    },
  );
});

// A guard that the huge-amount property reaches the sizes it claims (so it cannot pass vacuously).
test('the exact-cents property reaches sums beyond 2^53 cents', () => {
  const plan = planOf(shippedIr('rijnmond-2023-2027.sroi'));
  const k = 10n ** 14n - 1n;
  const r: EvaluationResult = mustEvaluate(plan, {
    opdrachtsoort: 'diensten',
    waarde: amount(k),
    gunningsdatum: '2024-01-01',
    activiteiten: Array.from({ length: 120 }, () => ({ soort: 'scholing', kosten: amount(k) })),
  });
  expect(cents(r.gerealiseerd)).toBe(120n * k);
  expect(120n * k > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  expect(r.gerealiseerd).toBe('119999999999998.80');
});

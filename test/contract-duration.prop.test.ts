// The contract-duration melding (`binnen`, issue 16 §2) on the shipped rulesets: an activity whose
// months exceed the contract's duration (maanden_tussen of startdatum and einddatum) gets exactly one
// melding, its value and every amount unchanged; without both dates there is none; and the
// generated code and the reference interpreter give the same meldingen.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { monthsBetween, parseIsoDate } from '@sroi/core';
import type { EvaluationResult } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import {
  mustEvaluate,
  planOf,
  resultJsonByBothEngines,
  shippedIr,
  shippedRulesets,
} from './support/shipped.js';

const kindsWithMonths = ['plaatsing', 'leerling', 'arbeidsontwikkeling'];

/** The result without its looptijd meldingen. */
const withoutDurationMeldingen = (r: EvaluationResult) => ({
  ...r,
  berekend: undefined,
  meldingen: r.meldingen.filter((m) => m.soort !== 'looptijd'),
});

describe.each(shippedRulesets)('%s', (file) => {
  const plan = planOf(shippedIr(file));
  const period = plan.ir.periods[0]!;
  const contracts = contractArbitrary({
    enumerations: plan.enumerations,
    dates: { from: period.from, to: period.to },
  });
  let reported = 0;

  test.prop([contracts], { numRuns: 150 })(
    'an activity with months gets one looptijd melding exactly when its months exceed the months from startdatum through einddatum',
    (contract) => {
      const result = mustEvaluate(plan, contract);
      const start = contract['startdatum'] as string | undefined;
      const end = contract['einddatum'] as string | undefined;
      const duration =
        start !== undefined && end !== undefined
          ? monthsBetween(parseIsoDate(start)!, parseIsoDate(end)!)
          : undefined;
      const activities = contract['activiteiten'] as { soort: string; maanden?: number }[];
      const expected = activities.flatMap((a, i) =>
        kindsWithMonths.includes(a.soort) && duration !== undefined && a.maanden! > duration ? [i] : [],
      );
      const meldingen = result.meldingen.filter((m) => m.soort === 'looptijd');
      expect(meldingen.map((m) => m.activiteit)).toEqual(expected);
      reported += meldingen.length;
    },
  );

  test.prop([contracts], { numRuns: 150 })(
    'the looptijd melding never changes a value: without startdatum and einddatum every amount and other melding is the same',
    (contract) => {
      const { startdatum: _s, einddatum: _e, ...undated } = contract;
      const dated = mustEvaluate(plan, contract);
      const without = mustEvaluate(plan, undated);
      expect(without.meldingen.filter((m) => m.soort === 'looptijd')).toEqual([]);
      expect(withoutDurationMeldingen(dated)).toEqual(withoutDurationMeldingen(without));
    },
  );

  test.prop([contracts, fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>], { numRuns: 150 })(
    'for any contract, the compiled and reference engines give the same meldingen (and the same result JSON)',
    (contract, lang) => {
      const { compiled, reference } = resultJsonByBothEngines(plan, contract, lang);
      expect(compiled).toEqual(reference);
    },
  );

  test('the generated contracts did reach the melding (so the properties above can fail)', () => {
    expect(reported).toBeGreaterThan(0);
  });
});

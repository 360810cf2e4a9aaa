// `Plan.evaluateJson` writes the result JSON of `sroi eval --batch` directly: it must be, byte for
// byte, the text of JSON.stringify of `Plan.evaluate`'s result, and refuse what it refuses.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { contractArbitrary } from './support/arbitraries.js';
import { planOf, shippedIr, shippedRulesets } from './support/shipped.js';

const plans = shippedRulesets.map((file) => planOf(shippedIr(file)));

/** A shipped plan (by index, so a counterexample stays short) and a contract for it: usual amounts, or amounts beyond 2^53 cents now and then. */
const planAndContract = fc.nat(plans.length - 1).chain((i) =>
  fc.tuple(
    fc.constant(i),
    fc.oneof(
      { weight: 4, arbitrary: contractArbitrary({ enumerations: plans[i]!.enumerations, maxActivities: 8 }) },
      {
        weight: 1,
        arbitrary: contractArbitrary({
          enumerations: plans[i]!.enumerations,
          maxActivities: 3,
          maxValue: 90_000_000_000_000,
          dates: { from: '2015-01-01', to: '2030-12-31' },
        }),
      },
    ),
  ),
);

describe('Plan.evaluateJson', () => {
  test.prop([planAndContract, fc.constantFrom('nl' as const, 'en' as const)], { numRuns: 600 })(
    'writes exactly JSON.stringify of the evaluated result, or the same diagnostics',
    ([i, contract], lang) => {
      const plan = plans[i]!;
      const object = plan.evaluate(contract, { explain: false, lang });
      const json = plan.evaluateJson(contract, { lang });
      expect(json.diagnostics).toEqual(object.diagnostics);
      expect(json.value).toBe(object.value === undefined ? undefined : JSON.stringify(object.value));
    },
  );

  test('writes the same text for a contract again (the reused scratch result holds nothing over)', () => {
    const plan = plans[0]!;
    const [a, b] = fc.sample(contractArbitrary({ enumerations: plan.enumerations, maxActivities: 8 }), {
      numRuns: 2,
      seed: 7,
    });
    const first = plan.evaluateJson(a).value;
    plan.evaluateJson(b);
    expect(plan.evaluateJson(a).value).toBe(first);
  });
});

// Differential test on the shipped rulesets: the generated JavaScript (Plan.evaluate without
// explanations, packages/evaluator/src/compiled/) and the BigInt reference interpreter
// (interpret.ts) give the same result JSON for every contract: exactly the same when the reference
// does not explain (key order included, in either language), and apart from the explanation
// (`uitleg`, a melding's `plaats`) when it does; explanations come from the reference alone.
import { readdirSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { contractArbitrary } from './support/arbitraries.js';
import {
  planOf,
  resultJsonByBothEngines,
  rulesetDir,
  shippedIr,
  withoutExplanations,
} from './support/shipped.js';

const rulesets = readdirSync(rulesetDir)
  .filter((f) => f.endsWith('.sroi'))
  .sort();

/** Whole cents up to € 10^12 as a contract amount, to push the generated code past 2^53. */
const hugeAmount = fc
  .bigInt({ min: 0n, max: 10n ** 14n })
  .map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);

describe.each(rulesets)('%s', (file) => {
  const plan = planOf(shippedIr(file));
  const enumerations = plan.enumerations;
  let fast = 0;
  let total = 0;

  /** Both engines on one contract: same diagnostics, same result apart from explanations. */
  const same = (contract: Record<string, unknown>, lang: 'nl' | 'en' = 'nl') => {
    const compiled = plan.evaluate(contract);
    expect(plan.evaluate(contract, { engine: 'reference' })).toEqual(compiled);
    const explained = plan.evaluate(contract, { explain: true });
    expect(explained.diagnostics).toEqual(compiled.diagnostics);
    expect(explained.value && withoutExplanations(explained.value)).toEqual(
      compiled.value && withoutExplanations(compiled.value),
    );
    // The whole result JSON, key order included, in the contract's language.
    const both = resultJsonByBothEngines(plan, contract, lang);
    expect(both.compiled).toBe(both.reference);
    // Count how often the generated code really answered (and did not hand over to the reference).
    const valid = plan.validate(contract).value;
    total++;
    if (valid && plan.compute(valid)) fast++;
  };

  const language = fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>;

  test.prop([contractArbitrary({ enumerations }), language], { numRuns: 250 })(
    'the generated code and the reference interpreter give the same result JSON for any contract, in and out of the period',
    (contract, lang) => same(contract, lang),
  );

  const bigContract = fc
    .tuple(
      contractArbitrary({ enumerations, maxActivities: 4 }),
      hugeAmount,
      fc.array(hugeAmount, { maxLength: 4 }),
    )
    .map(([c, waarde, amounts]) => {
      const activities = (c['activiteiten'] as Record<string, unknown>[]).map((a, i) => {
        const field = ['kosten', 'factuurbedrag', 'bedrag'].find((f) => f in a);
        return field && amounts[i] ? { ...a, [field]: amounts[i] } : a;
      });
      return { ...c, waarde, activiteiten: activities };
    });

  test.prop([bigContract], { numRuns: 100 })(
    'they agree on amounts up to € 10^12, where the generated code must notice when it leaves 2^53 and hand over',
    (contract) => same(contract),
  );

  afterAll(() => {
    // Most contracts are answered by the generated code: the comparison is not one engine with itself.
    console.log(`${file}: ${fast} of ${total} contracts answered by the generated code`);
    expect(fast).toBeGreaterThan(total / 3);
  });
});

// Differential test on generated rulesets (test/support/ruleset-arbitrary.ts): the generated
// JavaScript (Plan.evaluate without explanations, packages/evaluator/src/compiled/) and the BigInt
// reference interpreter (interpret.ts) give the same result JSON, to the cent, meldingen and
// diagnostics included, for generated contracts; and apart from the explanation when it explains
// (explanations come from the reference alone).
// The shipped rulesets have their own differential suite (differential-shipped.prop.test.ts).
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { generateRuleset, type GeneratedRuleset } from './support/ruleset-arbitrary.js';
import { resultJsonByBothEngines, withoutExplanations } from './support/shipped.js';

interface Case {
  readonly ruleset: GeneratedRuleset;
  readonly plan: Plan;
}

const plans = new Map<number, Case>();
/** The plan of a generated ruleset (compiled once per seed; shrinking revisits seeds). */
function caseOf(seed: number): Case {
  let c = plans.get(seed);
  if (!c) {
    const ruleset = generateRuleset(seed);
    const compiled = compileSource('generated.sroi', ruleset.text);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = Plan.fromIr(JSON.parse(JSON.stringify(compiled.ir)));
    expect(plan.diagnostics).toEqual([]);
    c = { ruleset, plan: plan.value! };
    plans.set(seed, c);
  }
  return c;
}

/** Whole cents up to € 10^12, to push the generated code past 2^53 (where it must hand over). */
const hugeAmount = fc
  .bigInt({ min: 0n, max: 10n ** 14n })
  .map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);

/** A contract of the ruleset: mostly ordinary, some dated outside its periods, some huge. */
function contractOf(seed: number): fc.Arbitrary<Record<string, unknown>> {
  const enumerations = caseOf(seed).ruleset.enumerations;
  const ordinary = contractArbitrary({ enumerations, maxActivities: 8 });
  const outside = contractArbitrary({ enumerations, dates: { from: '2018-01-01', to: '2029-12-31' } });
  const huge = fc
    .tuple(
      contractArbitrary({ enumerations, maxActivities: 4 }),
      hugeAmount,
      fc.array(hugeAmount, { maxLength: 4 }),
    )
    .map(([c, waarde, amounts]) => ({
      ...c,
      waarde,
      activiteiten: (c['activiteiten'] as Record<string, unknown>[]).map((a, i) => {
        const field = ['kosten', 'factuurbedrag', 'bedrag'].find((f) => f in a);
        return field && amounts[i] ? { ...a, [field]: amounts[i] } : a;
      }),
    }));
  return fc.oneof(
    { weight: 6, arbitrary: ordinary },
    { weight: 1, arbitrary: outside },
    { weight: 1, arbitrary: huge },
  );
}

/** A generated ruleset and contracts drawn from its enumerations. */
const input = fc.integer().chain((seed) =>
  fc.record({
    seed: fc.constant(seed),
    contracts: fc.array(contractOf(seed), { minLength: 1, maxLength: 6 }),
    lang: fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>,
  }),
);

let fast = 0;
let total = 0;

describe('the generated code against the reference interpreter, on generated rulesets', () => {
  test.prop([input], { numRuns: 60 })(
    'both engines give the same result JSON for every contract: every field to the cent, meldingen, diagnostics and key order included',
    ({ seed, contracts, lang }) => {
      const { plan } = caseOf(seed);
      for (const contract of contracts) {
        const compiled = plan.evaluate(contract);
        expect(plan.evaluate(contract, { engine: 'reference' })).toStrictEqual(compiled);
        const explained = plan.evaluate(contract, { explain: true });
        expect(explained.diagnostics).toStrictEqual(compiled.diagnostics);
        expect(explained.value && withoutExplanations(explained.value)).toStrictEqual(
          compiled.value && withoutExplanations(compiled.value),
        );
        // The whole result JSON, key order included, in the contract's language.
        const both = resultJsonByBothEngines(plan, contract, lang);
        expect(both.compiled).toBe(both.reference);
        const valid = plan.validate(contract).value;
        total++;
        if (valid && plan.compute(valid)) fast++;
      }
    },
  );

  afterAll(() => {
    // Most contracts are answered by the generated code: the comparison is not one engine with itself.
    expect(fast).toBeGreaterThan(total / 2);
  });
});

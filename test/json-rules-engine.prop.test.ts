// json-rules-engine as a differential oracle: the export of every shipped ruleset
// (`toJsonRulesEngine`, `sroi export --to json-rules-engine`), run by stock json-rules-engine 7
// through the adapter, gives the evaluator's amounts to the cent on generated contracts, and
// refuses the contracts the evaluator refuses.
import { readdirSync } from 'node:fs';
import { test } from '@fast-check/vitest';
import { JreEvaluationError, JreRunner, toJsonRulesEngine, type JreEngineClass } from '@sroi/evaluator';
import { Engine } from 'json-rules-engine';
import { describe, expect } from 'vitest';
import { contractArbitrary } from './support/arbitraries.js';
import { planOf, rulesetDir, shippedIr } from './support/shipped.js';

const rulesets = readdirSync(rulesetDir)
  .filter((f) => f.endsWith('.sroi'))
  .sort();

describe.each(rulesets)('%s', (file) => {
  const ir = shippedIr(file);
  const plan = planOf(ir);
  // The export goes through JSON, as a team receives it.
  const exported = JSON.parse(JSON.stringify(toJsonRulesEngine(ir)));
  const runner = new JreRunner(exported, Engine as unknown as JreEngineClass);

  test('the export is rules json-rules-engine accepts, one per decision, and formulas', () => {
    expect(exported.rules.length).toBeGreaterThan(0);
    for (const rule of exported.rules) expect(() => new Engine([rule])).not.toThrow();
    expect(exported.irSha256).toBe(plan.irSha256);
  });

  test.prop([contractArbitrary({ enumerations: plan.enumerations })], { numRuns: 25 })(
    'json-rules-engine running the export gives the evaluator amounts to the cent',
    async (contract) => {
      const expected = plan.evaluate(contract);
      let actual;
      try {
        actual = await runner.evaluate(contract, plan.enumerations);
      } catch (e) {
        if (!(e instanceof JreEvaluationError)) throw e;
        // The evaluator refuses such a contract too (division by zero, no row, no period).
        expect(expected.value, `the export refused: ${e.message}`).toBeUndefined();
        return;
      }
      if (!expected.value) {
        expect(actual.value).toBeUndefined();
        return;
      }
      const { meldingen: _m, ...amounts } = expected.value;
      expect(actual.value).toEqual(amounts);
    },
  );
});

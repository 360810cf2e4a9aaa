// The published result schema (`resultSchema` in @sroi/core, exported as JSON Schema with
// `sroi export --schema result`) describes what the evaluator really returns: every result, with
// and without explanations, in both languages and from both engines, validates against the zod
// schema and against its JSON Schema (ajv), and a result with a wrong field does not.
import { fc, test } from '@fast-check/vitest';
import { resultJsonSchema, resultSchema } from '@sroi/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect } from 'vitest';
import { contractArbitrary } from './support/arbitraries.js';
import { planOf, shippedIr, shippedRulesets } from './support/shipped.js';

const zodSchema = resultSchema();
const ajvValidate = new Ajv2020({ strict: false, allErrors: true }).compile(resultJsonSchema());

/** The result as JSON, as an embedding app or the HTTP API receives it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function expectValid(result: unknown): void {
  const parsed = zodSchema.safeParse(result);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(ajvValidate(result) ? [] : ajvValidate.errors).toEqual([]);
}

describe.each(shippedRulesets)('%s', (file) => {
  const plan = planOf(shippedIr(file));
  const contracts = contractArbitrary({ enumerations: plan.enumerations });

  test.prop([contracts, fc.constantFrom('nl' as const, 'en' as const), fc.boolean()], { numRuns: 40 })(
    'every result of a valid contract validates against the result schema, explained or not',
    (contract, lang, explain) => {
      const result = plan.evaluate(contract, { lang, explain });
      fc.pre(result.value !== undefined);
      expectValid(asJson(result.value));
      const fromJson = plan.evaluateJson(contract, { lang });
      if (fromJson.value !== undefined) expectValid(JSON.parse(fromJson.value));
    },
  );

  test.prop([contracts], { numRuns: 10 })(
    'a result with an amount that is not two decimals, or an unknown field, is refused',
    (contract) => {
      const result = plan.evaluate(contract);
      fc.pre(result.value !== undefined);
      const json = asJson(result.value) as Record<string, unknown>;
      for (const wrong of [
        { ...json, restant: '12.5' },
        { ...json, extra: 1 },
      ]) {
        expect(zodSchema.safeParse(wrong).success).toBe(false);
        expect(ajvValidate(wrong)).toBe(false);
      }
    },
  );
});

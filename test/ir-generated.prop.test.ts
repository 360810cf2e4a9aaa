// The IR of generated rulesets (test/support/ruleset-arbitrary.ts: every declaration kind, typed
// formulas) is plain JSON and passes every gate the evaluator and the schema put before it.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileSource } from '@sroi/compiler';
import { irDocumentSchema, irInvariants, type IrDocument } from '@sroi/core';
import { Plan, validateIr } from '@sroi/evaluator';
import { generateRuleset } from './support/ruleset-arbitrary.js';

/** The IR of a generated ruleset; fails the property when the ruleset has errors. */
function irOf(seed: number): IrDocument {
  const compiled = compileSource('generated.sroi', generateRuleset(seed).text);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.ir!;
}

describe('the IR of generated rulesets', () => {
  test.prop([fc.integer()], { numRuns: 25 })(
    'JSON round trip is the identity: no undefined, no NaN, no class instances, same key order',
    (seed) => {
      const ir = irOf(seed);
      const text = JSON.stringify(ir);
      const back = JSON.parse(text) as unknown;
      expect(back).toStrictEqual(ir);
      expect(JSON.stringify(back)).toBe(text);
    },
  );

  test.prop([fc.integer()], { numRuns: 15 })(
    'every IR validates: the evaluator JSON Schema (validateIr, Plan.fromIr), the zod schema without stripping a key, and the invariants',
    (seed) => {
      const ir = JSON.parse(JSON.stringify(irOf(seed))) as unknown;
      expect(validateIr(ir).diagnostics).toEqual([]);
      expect(Plan.fromIr(ir).diagnostics).toEqual([]);
      const parsed = irDocumentSchema().safeParse(ir);
      expect(parsed.error?.issues ?? []).toEqual([]);
      // zod drops keys it does not know: an equal parse means the schema names every field.
      expect(parsed.data).toStrictEqual(ir);
      expect(irInvariants(ir as IrDocument)).toEqual([]);
    },
  );

  test.prop([fc.integer()], { numRuns: 10 })('compiling the same text twice gives the same IR', (seed) => {
    expect(irOf(seed)).toStrictEqual(irOf(seed));
  });
});

// Depth across the pipeline (issue 15 item 1): whatever the compiler accepts, the evaluator loads
// from the exported IR and evaluates; whatever it refuses for depth, it refuses with a located
// diagnostic naming the depth (SR2351, SR2352 for an als chain too deep to parse, SR2400 for a run
// of one operator too long to parse) or the parentheses (SR1005), never an internal error.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileSource } from '@sroi/compiler';
import { MAX_FORMULA_DEPTH } from '@sroi/core';
import { Plan } from '@sroi/evaluator';
import { deepKinds, deepRuleset } from './support/deep-formulas.js';

const contract = {
  opdrachtsoort: 'diensten',
  waarde: '1000.00',
  gunningsdatum: '2024-05-01',
  activiteiten: [{ soort: 'scholing', kosten: '10.00' }],
};

/** Sizes around the limit, and far beyond it. */
const size = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: MAX_FORMULA_DEPTH - 10, max: MAX_FORMULA_DEPTH + 10 }),
  fc.integer({ min: MAX_FORMULA_DEPTH, max: 3000 }),
);

describe('formula depth across the pipeline', () => {
  test.prop([fc.constantFrom(...deepKinds), size], { numRuns: 60 })(
    'whatever the compiler accepts, the evaluator loads from the exported IR and evaluates; a refusal is a located SR2351, SR2352, SR2400 or SR1005',
    (kind, n) => {
      const compiled = compileSource('diep.sroi', deepRuleset(kind, n));
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) {
        expect(compiled.ir).toBeDefined();
        const plan = Plan.fromIr(JSON.parse(JSON.stringify(compiled.ir)));
        expect(plan.diagnostics).toEqual([]);
        const result = plan.value!.evaluate(contract);
        expect(result.diagnostics).toEqual([]);
      } else {
        // The parser cuts deep parentheses off (SR1005; what is left may not type-check).
        expect(
          errors.map((d) => d.code).some((c) => ['SR2351', 'SR2352', 'SR2400', 'SR1005'].includes(c)),
        ).toBe(true);
        for (const d of errors) expect(d.span).toBeDefined();
      }
    },
  );

  test('a chain of 3,000 definitions is reported once, at the first definition past the limit', () => {
    const text = deepRuleset('definities', 3000);
    const errors = compileSource('diep.sroi', text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.args])).toEqual([
      ['SR2351', { depth: MAX_FORMULA_DEPTH + 1, limit: MAX_FORMULA_DEPTH }],
    ]);
  });

  test('an als ... anders als chain too deep to parse is SR2352 at its first als, not a parenthesis error at 1:1', () => {
    const text = deepRuleset('anders-als', 5000);
    const errors = compileSource('diep.sroi', text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.args])).toEqual([
      ['SR2352', { count: 5000, limit: MAX_FORMULA_DEPTH }],
    ]);
    expect(text.slice(errors[0]!.span!.start, errors[0]!.span!.end)).toBe('als');
    expect(errors[0]!.span!.start).toBe(
      text.indexOf('uitkomst diep: bedrag =') + 'uitkomst diep: bedrag =\n  '.length,
    );
  });

  test.each(['plus', 'en', 'maal', 'anders-als', 'definities'] as const)(
    '%s: at the limit the formula compiles and loads, one step beyond it is SR2351 at the formula',
    (kind) => {
      // `a + b` is one level per term; an `als` chain two for its last branch; a definition chain one per definition.
      const fits = (n: number) => {
        const c = compileSource('diep.sroi', deepRuleset(kind, n));
        return c.diagnostics.every((d) => d.severity !== 'error');
      };
      let n = 1;
      while (fits(n * 2) && n < 4096) n *= 2;
      let lo = n;
      let hi = n * 2;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      expect(lo).toBeGreaterThan(MAX_FORMULA_DEPTH / 3);
      const refused = compileSource('diep.sroi', deepRuleset(kind, hi));
      expect(refused.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain(
        'SR2351',
      );
      const accepted = compileSource('diep.sroi', deepRuleset(kind, lo));
      expect(Plan.fromIr(JSON.parse(JSON.stringify(accepted.ir))).diagnostics).toEqual([]);
    },
  );
});

// Hosts that forbid compiling code from text (a strict Content-Security-Policy, node's
// `--disallow-code-generation-from-strings`): a plan falls back to the reference evaluator once
// and gives the same results; `engine: 'reference'` never generates code. Here the refusal is
// made by replacing the global `Function` with one that throws the EvalError such hosts throw.
import { fc, test } from '@fast-check/vitest';
import { Plan } from '@sroi/evaluator';
import { afterEach, describe, expect, vi } from 'vitest';
import { contractArbitrary } from './support/arbitraries.js';
import { shippedIr, shippedRulesets } from './support/shipped.js';

/** Makes `new Function(...)` throw as under a CSP without 'unsafe-eval'; counts the attempts. */
function forbidCodeFromText(): { attempts: number } {
  const seen = { attempts: 0 };
  vi.stubGlobal(
    'Function',
    new Proxy(Function, {
      construct() {
        seen.attempts++;
        throw new EvalError('Code generation from strings disallowed for this context');
      },
    }),
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(shippedRulesets)('%s', (file) => {
  const ir = shippedIr(file);
  const compiled = Plan.fromIr(ir, { engine: 'compiled' }).value!;
  const reference = Plan.fromIr(ir, { engine: 'reference' }).value!;
  const contracts = contractArbitrary({ enumerations: compiled.enumerations });

  test('the engines are what was asked for', () => {
    expect([compiled.engine, reference.engine, Plan.fromIr(ir).value!.engine]).toEqual([
      'compiled',
      'reference',
      'compiled',
    ]);
  });

  test.prop([contracts], { numRuns: 60 })(
    'a plan made with engine reference gives what the generated code gives, explanation included',
    (contract) => {
      expect(reference.evaluate(contract)).toEqual(compiled.evaluate(contract));
      expect(reference.evaluateJson(contract)).toEqual(compiled.evaluateJson(contract));
      expect(reference.evaluate(contract, { explain: true, lang: 'en' })).toEqual(
        compiled.evaluate(contract, { explain: true, lang: 'en', engine: 'reference' }),
      );
    },
  );

  test.prop([fc.array(contracts, { minLength: 1, maxLength: 8 })], { numRuns: 10 })(
    'where code from text is forbidden an auto plan falls back once and gives the same results',
    (batch) => {
      const forbidden = forbidCodeFromText();
      try {
        const plan = Plan.fromIr(ir).value!;
        for (const contract of batch) {
          expect(plan.evaluate(contract)).toEqual(compiled.evaluate(contract));
          expect(plan.evaluateJson(contract)).toEqual(compiled.evaluateJson(contract));
          expect(plan.compute(plan.validate(contract).value!)).toBeUndefined();
        }
        expect(plan.engine).toBe('reference');
        expect(forbidden.attempts).toBe(1);
      } finally {
        vi.unstubAllGlobals();
      }
    },
  );

  test('where code from text is forbidden a plan that requires generated code says so', () => {
    forbidCodeFromText();
    const plan = Plan.fromIr(ir, { engine: 'compiled' }).value!;
    expect(() => plan.engine).toThrow(EvalError);
  });
});

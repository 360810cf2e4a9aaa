// Value slots (what-if's shared code): plans made with a `SharedCode` read parameter values and
// table constants from a values vector. On generated rulesets, and on variants of them with other
// parameter values and table constants, such a plan gives the reference interpreter's result JSON
// to the cent, and a variant's generated source is the base's: the values are data, not source,
// so the variant runs the base's compiled function. Its values are read from the slots' origins
// without generating its code again; a fresh generation of the variant gives the same source and
// the same values.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { compileSource } from '@sroi/compiler';
import { Rational, type IrDocument, type IrValue } from '@sroi/core';
import { Plan, SharedCode } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { generateRuleset, type GeneratedRuleset } from './support/ruleset-arbitrary.js';
import { resultJsonByBothEngines } from './support/shipped.js';

const rulesets = new Map<number, { ruleset: GeneratedRuleset; ir: IrDocument }>();
function rulesetOf(seed: number) {
  let r = rulesets.get(seed);
  if (!r) {
    const ruleset = generateRuleset(seed);
    const compiled = compileSource('generated.sroi', ruleset.text);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    r = { ruleset, ir: JSON.parse(JSON.stringify(compiled.ir)) as IrDocument };
    rulesets.set(seed, r);
  }
  return r;
}

/**
 * Each number of a parameter or a table row's constant output multiplied by the next factor, with
 * the value's source text changed too (the generated code never reads it).
 */
function variantOf(ir: IrDocument, factors: readonly Rational[]): IrDocument {
  let i = 0;
  const scaled = (v: IrValue): IrValue => {
    if (!('num' in v)) return v;
    const [n, d = '1'] = v.num.split('/');
    const x = Rational.of(BigInt(n!), BigInt(d)).mul(factors[i++ % factors.length]!);
    return { num: x.d === 1n ? `${x.n}` : `${x.n}/${x.d}` };
  };
  return {
    ...ir,
    parameters: ir.parameters.map((p) => ({
      ...p,
      versions: p.versions.map((v) => ({ ...v, value: scaled(v.value), src: `${v.src} (variant)` })),
    })),
    tables: ir.tables.map((t) => ({
      ...t,
      versions: t.versions.map((v) => ({
        ...v,
        rows: v.rows.map((r) => ({
          ...r,
          then: r.then.map((x) => (x.k === 'const' ? { ...x, v: scaled(x.v) } : x)),
          src: `${r.src} (variant)`,
        })),
      })),
    })),
  };
}

const factor = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom(1, 2, 3, 100, 1000))
  .map(([n, d]) => Rational.of(BigInt(n), BigInt(d)));

const input = fc.integer().chain((seed) =>
  fc.record({
    seed: fc.constant(seed),
    factors: fc.array(factor, { minLength: 1, maxLength: 6 }),
    contracts: fc.array(
      contractArbitrary({ enumerations: rulesetOf(seed).ruleset.enumerations, maxActivities: 8 }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
);

let variants = 0;
let sameSource = 0;
let reused = 0;
let fast = 0;
let total = 0;

describe('value slots', () => {
  test.prop([input], { numRuns: 40 })(
    'a plan on shared code gives the reference result JSON, for the ruleset and for a variant with other values, whose source is the same',
    ({ seed, factors, contracts }) => {
      const { ir } = rulesetOf(seed);
      const code = new SharedCode();
      const plans = [Plan.fromIr(ir, { sharedCode: code }).value!];
      const variant = Plan.fromIr(variantOf(ir, factors), { sharedCode: code });
      // A value outside a parameter's range is refused by the IR checks: no variant then.
      if (variant.value) plans.push(variant.value);
      for (const plan of plans)
        for (const contract of contracts) {
          const both = resultJsonByBothEngines(plan, contract, 'nl');
          expect(both.compiled).toBe(both.reference);
          const valid = plan.validate(contract).value;
          total++;
          if (valid && plan.compute(valid)) fast++;
        }
      if (plans[1]) {
        variants++;
        const [a, b] = plans.map((p) => p.compiled.generated);
        expect(b!.source).toBe(a!.source);
        if (b!.values.join() !== a!.values.join()) sameSource++;
        // Generated afresh (shared code of its own), the variant has the values read from the slots.
        const fresh = Plan.fromIr(plans[1].ir, { sharedCode: new SharedCode() }).value!.compiled.generated;
        expect(fresh.source).toBe(a!.source);
        expect(b!.values).toEqual(fresh.values);
        if (b !== fresh && b!.source === a!.source && b!.constants === a!.constants) reused++;
      }
    },
  );

  afterAll(() => {
    // Most variants are valid and differ from their base in some value.
    expect(sameSource).toBeGreaterThan(variants / 2);
    // Every variant took its base's code (nothing else differs): none was generated again.
    expect(reused).toBe(variants);
    // Most contracts are answered by the generated code: the comparison is not one engine with itself.
    expect(fast).toBeGreaterThan(total / 2);
  });
});

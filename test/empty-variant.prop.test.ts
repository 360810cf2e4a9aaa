// A variant that states nothing of its own (`breidt uit` and a header) is its base: on any valid
// contract it gives the base's result, to the cent, with the same explanation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileSource, type SourceHost } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { fileHost } from './support/host.js';

const dir = join(import.meta.dirname, '../rulesets');
const bases = [
  'rijnmond-2019-2023.sroi',
  'rijnmond-2023-2027.sroi',
  'haaglanden-zhc-2023.sroi',
  'leidschendam-voorburg-2025.sroi',
  'schiedam-legacy.sroi',
];

function plans(base: string) {
  const path = join(dir, base);
  const basePlan = Plan.fromIr(compileSource(path, readFileSync(path, 'utf8'), fileHost).ir).value!;
  const variantPath = join(dir, `leeg-${base}`);
  const text = `regeling "Lege variant van ${base}"\n  bron "Test: geen eigen regels"\n  breidt uit "${base}"\n`;
  const host: SourceHost = {
    readFile: (p) => (p === variantPath ? { text } : fileHost.readFile(p)),
    resolve: fileHost.resolve,
  };
  const compiled = compileSource(variantPath, text, host);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { basePlan, variantPlan: Plan.fromIr(compiled.ir).value! };
}

/**
 * A result without the ruleset's name and what it was computed with (`berekend`: the variant's
 * name and IR hash), the one thing a variant changes.
 */
const withoutName = (r: unknown) => {
  const { regeling: _name, berekend: _with, ...rest } = r as Record<string, unknown>;
  return rest;
};

describe.each(bases)('an empty variant of %s', (base) => {
  const { basePlan, variantPlan } = plans(base);
  const period = basePlan.ir.periods[0]!;
  const enumerations = basePlan.enumerations;

  test.prop([contractArbitrary({ enumerations, dates: { from: period.from, to: period.to } })], {
    numRuns: 150,
  })('evaluates every contract exactly as its base does', (contract) => {
    const a = basePlan.evaluate(contract);
    const b = variantPlan.evaluate(contract);
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.value && withoutName(b.value)).toEqual(a.value && withoutName(a.value));
  });

  test.prop(
    [contractArbitrary({ enumerations, dates: { from: period.from, to: period.to }, maxActivities: 3 })],
    {
      numRuns: 25,
    },
  )('explains every contract exactly as its base does', (contract) => {
    const a = basePlan.evaluate(contract, { explain: true });
    const b = variantPlan.evaluate(contract, { explain: true });
    expect(b.value && withoutName(b.value)).toEqual(a.value && withoutName(a.value));
  });
});

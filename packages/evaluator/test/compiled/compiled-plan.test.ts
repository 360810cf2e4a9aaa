// Compiled code shared between plans (value slots): plans that differ only in a parameter's value
// run one compiled function, each with its own values; other code, or other texts, is not shared.
import { describe, expect, test, vi } from 'vitest';
import { SharedCode } from '../../src/compiled/compiled-plan.js';
import { Plan } from '../../src/plan.js';
import { contract, placement, tinyIr } from '../support/ir.js';

const withPercentage = (num: string) => {
  const ir = tinyIr();
  const p = ir.parameters[0]!;
  return { ...ir, parameters: [{ ...p, versions: [{ ...p.versions[0]!, value: { num } }] }] };
};

describe('SharedCode', () => {
  test('plans that differ only in a value compile one function and keep their own values', () => {
    const code = new SharedCode();
    const made = vi.spyOn(code, 'runOf');
    const five = Plan.fromIr(withPercentage('1/20'), { sharedCode: code }).value!;
    const eight = Plan.fromIr(withPercentage('2/25'), { sharedCode: code }).value!;
    const c = contract(placement('bepaald', 12));
    expect(five.evaluate(c).value!.verplichting).toBe('5000.00');
    expect(eight.evaluate(c).value!.verplichting).toBe('8000.00');
    expect(five.compiled.generated.source).toBe(eight.compiled.generated.source);
    // Each plan asked for its function; the second got the first's (the factory ran once).
    const factories = made.mock.results.map((r) => r.value as unknown);
    expect(factories).toHaveLength(2);
    expect(factories[0]).toBe(factories[1]);
    // Without shared code the value is written into the source: no slot to read it from.
    const own = Plan.fromIr(withPercentage('1/20')).value!;
    expect(own.compiled.generated.values).toEqual([]);
    expect(own.evaluate(c).value!.verplichting).toBe('5000.00');
  });

  test('keeps the functions last made, up to its limit', () => {
    const code = new SharedCode(1);
    const make = vi.fn(() => () => undefined);
    const a = { source: 'a', constants: [] } as unknown as Parameters<SharedCode['runOf']>[0];
    const b = { source: 'b', constants: [] } as unknown as Parameters<SharedCode['runOf']>[0];
    const ir = tinyIr();
    code.runOf(a, make, ir);
    code.runOf(a, make, ir);
    expect(make).toHaveBeenCalledTimes(1);
    code.runOf(b, make, ir);
    code.runOf(a, make, ir);
    expect(make).toHaveBeenCalledTimes(3);
    // The same source with other texts is other code.
    code.runOf({ ...a, constants: ['x'] }, make, ir);
    expect(make).toHaveBeenCalledTimes(4);
  });
});

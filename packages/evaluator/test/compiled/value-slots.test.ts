// A ruleset that differs from one whose code was generated only in values the code's slots hold
// (parameter values, table rows' constant outputs) gets those values without generating its code
// again; any other difference generates it. Checked against a fresh generation every time.
import { describe, expect, test, vi } from 'vitest';
import type { IrDocument } from '@sroi/core';
import { Codegen } from '../../src/compiled/codegen.js';
import { SharedCode } from '../../src/compiled/compiled-plan.js';
import { sameCode, slotNumber, slotValues } from '../../src/compiled/value-slots.js';
import { Plan } from '../../src/plan.js';
import { at, contract, num, placement, tinyIrWithTable, type Doc } from '../support/ir.js';

const base = (): IrDocument =>
  tinyIrWithTable('uniek', [
    [['participatiewet'], '100000'],
    [['ww'], '50000'],
  ]);

/** `ir` with the percentage and a row of the table replaced, as a what-if variant makes it. */
function variant(ir: IrDocument, percentage: string, row: { index: number; cents: string; src?: string }) {
  const p = ir.parameters[0]!;
  const t = ir.tables[0]!;
  const rows = t.versions[0]!.rows.slice();
  rows[row.index] = { ...rows[row.index]!, then: [num(row.cents)], src: row.src ?? rows[row.index]!.src };
  return {
    ...ir,
    parameters: [{ ...p, versions: [{ ...p.versions[0]!, value: { num: percentage }, src: 'scenario' }] }],
    tables: [{ ...t, versions: [{ ...t.versions[0]!, rows }] }],
  };
}

const generate = (ir: IrDocument) => new Codegen(ir, { slots: true }).generate();

describe('value slots', () => {
  test('a number a slot can hold, onbekend as NaN; not a text or a number beyond 2^53', () => {
    expect(slotNumber({ num: '-3/20' })).toEqual([-3, 20]);
    expect(slotNumber({ unknown: true })).toEqual([NaN, 1]);
    expect(slotNumber({ text: 'ww' })).toBeUndefined();
    expect(slotNumber({ num: `${2n ** 53n}` })).toBeUndefined();
  });

  test("a variant's values, read from the slots' origins, are those of its own generated code", () => {
    const ir = base();
    const other = variant(ir, '3/50', { index: 1, cents: '62500', src: 'rij 2, scenario' });
    expect(sameCode(ir, other)).toBe(true);
    const fresh = generate(other);
    expect(fresh.source).toBe(generate(ir).source);
    expect(slotValues(generate(ir).valueOrigins, other)).toEqual(fresh.values);
    // Every slot has its origin: the percentage and each row of the table.
    expect(fresh.valueOrigins).toEqual(
      expect.arrayContaining([
        { parameter: 'sr_percentage', version: 0 },
        { table: 'jaarwaarde', version: 0, row: 0, column: 0 },
        { table: 'jaarwaarde', version: 0, row: 1, column: 0 },
      ]),
    );
    expect(fresh.values).toHaveLength(2 * fresh.valueOrigins.length);
  });

  describe('any other difference is other code', () => {
    const ir = base();
    const cases: [string, (d: Doc) => void][] = [
      ['a parameter with a dated version', (d) => void (d.parameters[0]!.versions[0]!.from = '2024-06-01')],
      [
        'a row with another condition',
        (d) => void (d.tables[0]!.versions[0]!.rows[0]!.when = [{ any: true }]),
      ],
      [
        'a row whose output is a formula',
        (d) => void (d.tables[0]!.versions[0]!.rows[1]!.then = [{ k: 'param', name: 'sr_percentage' }]),
      ],
      [
        'a row more',
        (d) =>
          void d.tables[0]!.versions[0]!.rows.push({ ...d.tables[0]!.versions[0]!.rows[0]!, at: at(70) }),
      ],
      ['a valuation', (d) => void (d.valuations = d.valuations.slice(1))],
      ['a number beyond 2^53', (d) => void (d.parameters[0]!.versions[0]!.value = { num: `${2n ** 60n}` })],
    ];
    test.each(cases)('%s', (_, change) => {
      const other = structuredClone(ir) as Doc;
      change(other);
      // Parts that did not change stay the same objects, as in a what-if variant.
      for (const key of Object.keys(ir) as (keyof IrDocument)[])
        if (JSON.stringify(other[key]) === JSON.stringify(ir[key]))
          (other as Record<string, unknown>)[key] = ir[key];
      expect(sameCode(ir, other)).toBe(false);
    });
  });

  test('shared code runs a variant on the code generated for its base, with its own values', () => {
    const code = new SharedCode();
    const generated = vi.spyOn(Codegen.prototype, 'generate');
    const ir = base();
    const first = Plan.fromCompilerIr(ir, { sharedCode: code }).value!;
    const c = contract(placement('bepaald', 6), { ...placement('bepaald', 12), doelgroep: 'ww' });
    const before = first.evaluate(c).value!;
    expect(generated).toHaveBeenCalledTimes(1);
    const second = Plan.fromCompilerIr(variant(ir, '3/50', { index: 1, cents: '62500' }), {
      sharedCode: code,
    }).value!;
    const after = second.evaluate(c).value!;
    expect(generated).toHaveBeenCalledTimes(1);
    // Both by the generated code, each with its own values: € 1.000 a month for 6 months, and
    // € 500 then € 625 for 12 months; 5% then 6% of € 100.000.
    expect(first.engine).toBe('compiled');
    expect(second.engine).toBe('compiled');
    expect([before.gerealiseerd, before.verplichting]).toEqual(['12000.00', '5000.00']);
    expect([after.gerealiseerd, after.verplichting]).toEqual(['13500.00', '6000.00']);
    // A plan of its own (no shared code) agrees.
    expect(Plan.fromCompilerIr(second.ir).value!.evaluate(c).value).toEqual(after);
    generated.mockRestore();
  });
});

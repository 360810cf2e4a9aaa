// Issue 15, item 8 (invariants and ranges): an IR that passes the schema but breaks an invariant is
// refused at load with a located message; a parameter outside its range is reported where it is set.
// The issue names no size here: every valuation of the ruleset is broken at once (ten in the mini
// ruleset's IR), and each is reported.
import { describe, expect, test } from 'vitest';
import {
  escapeRegExp,
  expectLocated,
  expectWithinBudget,
  lineOf,
  miniText,
  sroi,
  hostileFile,
  MINI,
  MINI_CONTRACT,
} from './support.js';

const tmp = hostileFile('invariants');

const mini = MINI;
const contract = MINI_CONTRACT;

interface Ir {
  valuations: { kind: string; expr: { k: string; x?: unknown } }[];
}

async function exportedIr(): Promise<Ir> {
  const run = await sroi(['export', '--ir', mini]);
  expectWithinBudget(run);
  return JSON.parse(run.out) as Ir;
}

describe('item 8: a tampered IR that passes the schema is refused at load, located', () => {
  test('rounding removed from a valuation: SR6001 at that valuation, for eval and for a batch', async () => {
    const ir = await exportedIr();
    const i = ir.valuations.findIndex((v) => v.expr.k === 'round');
    ir.valuations[i]!.expr = ir.valuations[i]!.expr.x as Ir['valuations'][number]['expr'];
    const text = JSON.stringify(ir, null, 2);
    const file = tmp.write('afronding.ir.json', text);
    const [line] = expectLocated(await sroi(['eval', '--format', 'gnu', file, contract]), file, 'SR6001', 2);
    expect(line).toContain(`valuations[${i}].expr`);
    // At the valuation's line in the pretty-printed IR, not at 1:1.
    expect(Number(new RegExp(`^${escapeRegExp(file)}:(\\d+):`).exec(line ?? '')?.[1])).toBeGreaterThan(1);
    const batch = await sroi(['eval', '--batch', '-', '--format', 'gnu', file], { stdin: '{}\n' });
    expectLocated(batch, file, 'SR6001', 2);
    expect(batch.out).toBe('');
  });

  test('an enumeration used as money in every valuation that has one: one SR6001 per valuation', async () => {
    const ir = await exportedIr();
    const enumerationField: Record<string, string> = {
      plaatsing: 'doelgroep',
      leerling: 'opleiding',
      arbeidsontwikkeling: 'vorm',
      inkoop: 'leverancier',
    };
    for (const v of ir.valuations)
      if (enumerationField[v.kind])
        v.expr = { k: 'field', scope: 'activity', name: enumerationField[v.kind] } as never;
    const file = tmp.write('opsomming.ir.json', JSON.stringify(ir, null, 2));
    const lines = expectLocated(await sroi(['eval', '--format', 'gnu', file, contract]), file, 'SR6001', 2);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => /valuations\[\d+\]\.expr: .*an amount that is a text value/.test(l))).toBe(
      true,
    );
  });
});

describe('item 8: parameters out of range are reported where they are set', () => {
  test.each(['-5%', '-50%', '-5000%'])(
    'sr_percentage = %s: SR3301 at the value, and no IR',
    async (value) => {
      const text = miniText.replace(
        'parameter sr_percentage: percentage = 5%',
        `parameter sr_percentage: percentage = ${value}`,
      );
      const file = tmp.write(`negatief-${value.length}.sroi`, text);
      const run = await sroi(['check', '--format', 'gnu', file]);
      const [line] = expectLocated(run, file, 'SR3301', 1);
      expect(line).toContain(`${file}:${lineOf(text, 'parameter sr_percentage')}:39: error SR3301: `);
      const exported = await sroi(['export', '--ir', file]);
      expect(exported.code).toBe(1);
      expect(exported.out).toBe('');
    },
  );

  test('a declared range is kept: 150% is outside "tussen 0% en 100%"', async () => {
    const text = miniText.replace(
      'parameter sr_percentage: percentage = 5%',
      'parameter sr_percentage: percentage tussen 0% en 100% = 150%',
    );
    const file = tmp.write('bereik.sroi', text);
    expectLocated(await sroi(['check', '--format', 'gnu', file]), file, 'SR3301', 1);
  });
});

import { describe, expect, test } from 'vitest';
import { Plan } from '../src/plan.js';
import { checkSetPeriods, PlanSet, type SetMember } from '../src/plan-set.js';
import { contract, placement, tinyIr, type Doc } from './support/ir.js';

/** A member whose one period runs from `from` to `to`, reading `referenceDate`. */
function member(label: string, from: string, to: string, referenceDate = 'gunningsdatum'): SetMember {
  const ir: Doc = { ...tinyIr(), referenceDate };
  ir.periods = [{ ...ir.periods[0]!, name: label, from, to }];
  return { label, plan: Plan.fromIr(ir).value! };
}

describe('checkSetPeriods', () => {
  test('members that follow each other day by day are in order', () => {
    expect(
      checkSetPeriods([member('a', '2024-01-01', '2024-12-31'), member('b', '2025-01-01', '2025-12-31')]),
    ).toEqual([]);
  });

  test('members whose periods overlap are an error at the later one, naming the days', () => {
    const d = checkSetPeriods([
      member('a', '2024-01-01', '2024-12-31'),
      member('b', '2024-07-01', '2025-06-30'),
    ]);
    expect(d.map((x) => [x.code, x.args, x.path])).toEqual([
      ['SR6201', { first: "'a'", second: "'b'", from: '2024-07-01', to: '2024-12-31' }, 'regelingen[1]'],
    ]);
  });

  test('a gap between members is a warning naming the days no member holds', () => {
    const d = checkSetPeriods([
      member('a', '2024-01-01', '2024-12-31'),
      member('b', '2025-03-01', '2025-12-31'),
    ]);
    expect(d.map((x) => [x.code, x.severity, x.args['from'], x.args['to']])).toEqual([
      ['SR6202', 'warning', '2025-01-01', '2025-02-28'],
    ]);
  });

  test('members that read different reference dates are an error', () => {
    const d = checkSetPeriods([
      member('a', '2024-01-01', '2024-12-31'),
      member('b', '2025-01-01', '2025-12-31', 'startdatum'),
    ]);
    expect(d.map((x) => [x.code, x.args])).toEqual([['SR6204', { fields: 'gunningsdatum, startdatum' }]]);
  });
});

describe('PlanSet.evaluate', () => {
  const set = new PlanSet('Klein over tijd', [
    member('2024', '2024-01-01', '2024-12-31'),
    member('2025', '2025-01-01', '2025-12-31'),
  ]);

  test('evaluates a contract with the member whose period holds its date, and says so in a melding', () => {
    const result = set.evaluate({ ...contract(placement('bepaald', 6)), gunningsdatum: '2025-03-01' });
    expect(result.diagnostics).toEqual([]);
    expect([result.value!.regelingenset, result.value!.periode]).toEqual(['Klein over tijd', '2025']);
    expect(result.value!.meldingen[0]!.tekst).toBe(
      'Klein over tijd: gunningsdatum 2025-03-01 valt in periode 2025, dus geldt Klein',
    );
  });

  test('a date in no period of the set is SR5020 at the date, naming every period', () => {
    const result = set.evaluate({ ...contract(placement('bepaald', 6)), gunningsdatum: '2026-01-01' });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path, d.args['periods']])).toEqual([
      [
        'SR5020',
        'gunningsdatum',
        '2024 (2024-01-01 t/m 2024-12-31, 2024); 2025 (2025-01-01 t/m 2025-12-31, 2025)',
      ],
    ]);
  });
});

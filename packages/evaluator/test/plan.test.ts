import { describe, expect, test, vi } from 'vitest';
import { Plan } from '../src/plan.js';
import { contract, placement, tinyIr } from './support/ir.js';

describe('Plan.fromIr', () => {
  test('compiles a valid document and exposes its enumerations', () => {
    const result = Plan.fromIr(tinyIr());
    expect(result.diagnostics).toEqual([]);
    expect(result.value!.enumerations['contractvorm']).toEqual(['bepaald', 'onbepaald']);
    expect(result.value!.ir.ruleset.name).toBe('Klein');
  });

  test('returns the validation diagnostics instead of a plan for an invalid document', () => {
    expect(Plan.fromIr({ ...tinyIr(), irVersion: 99 })).toEqual({
      value: undefined,
      diagnostics: [
        { code: 'SR6401', severity: 'error', args: { version: 99, supported: 2 }, path: 'irVersion' },
      ],
    });
  });
});

describe('Plan.evaluate', () => {
  const plan = Plan.fromIr(tinyIr()).value!;

  test('evaluates a contract into the result format', () => {
    const result = plan.evaluate(contract(placement('bepaald', 6), { soort: 'scholing', kosten: '250.00' }));
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({
      regeling: 'Klein',
      periode: '2024',
      contract: 'T-1',
      verplichting: '5000.00',
      waarderingen: [
        { index: 0, soort: 'plaatsing', bedrag: '5000.00', route: 'werken' },
        { index: 1, soort: 'scholing', bedrag: '250.00', route: 'werken' },
      ],
      gerealiseerd: '5250.00',
      restant: '0.00',
      overschot: '250.00',
      percentage: '105.00',
      boete: '0.00',
      routes: [
        { naam: 'werken', label: 'Werken', totaal: '5250.00', gerealiseerd: '5250.00' },
        {
          naam: 'maatschappelijk',
          label: 'Maatschappelijk',
          totaal: '0.00',
          gerealiseerd: '0.00',
          maximum: '500.00',
        },
      ],
      meldingen: [],
      berekend: { regeling: 'Klein', periode: '2024', irSha256: plan.irSha256 },
    });
  });

  test('rejects an invalid contract with diagnostics naming JSON paths', () => {
    const result = plan.evaluate(contract({ ...placement('bepaald', 6), fte: 0 }));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['SR5012', 'activiteiten[0].fte']]);
  });

  test("checks enumeration values against the ruleset's own values", () => {
    const doc = tinyIr();
    doc.enumerations.find((e) => e.name === 'doelgroep')!.values = ['participatiewet', 'statushouder'];
    const own = Plan.fromIr(doc).value!;
    const rejected = own.evaluate(contract({ ...placement('bepaald', 6), doelgroep: 'ww' }));
    expect(rejected.diagnostics).toEqual([
      {
        code: 'SR5004',
        severity: 'error',
        args: { value: '"ww"', field: 'doelgroep', allowed: 'participatiewet, statushouder' },
        path: 'activiteiten[0].doelgroep',
      },
    ]);
    expect(
      own.evaluate(contract({ ...placement('bepaald', 6), doelgroep: 'statushouder' })).diagnostics,
    ).toEqual([]);
  });

  test('gives the same result for the same contract, whatever was evaluated in between', () => {
    const a = contract(placement('onbepaald', 14));
    const first = plan.evaluate(a, { explain: true });
    plan.evaluate(contract(placement('bepaald', 1), { soort: 'maatschappelijk', uren: 1000 }), {
      explain: true,
    });
    expect(plan.evaluate(a, { explain: true })).toEqual(first);
  });
});

describe('explanations', () => {
  test('come from the reference evaluator, never from the generated code', () => {
    const plan = Plan.fromIr(tinyIr()).value!;
    const generated = vi.spyOn(plan.compiled, 'compute');
    const explained = (engine?: 'compiled' | 'reference') =>
      JSON.stringify(
        plan.evaluate(contract(placement('onbepaald', 8)), { explain: true, ...(engine ? { engine } : {}) }),
      );
    const reference = explained('reference');
    for (let i = 0; i < 20; i++) expect(explained()).toBe(reference);
    expect(explained('compiled')).toBe(reference);
    expect(generated).not.toHaveBeenCalled();
  });

  test('results without an explanation come from the generated code', () => {
    const plan = Plan.fromIr(tinyIr()).value!;
    const generated = vi.spyOn(plan.compiled, 'compute');
    const result = plan.evaluate(contract(placement('onbepaald', 8)));
    expect(result).toEqual(plan.evaluate(contract(placement('onbepaald', 8)), { engine: 'reference' }));
    expect(generated).toHaveBeenCalledTimes(1);
    expect(generated.mock.results[0]!.value).toBeDefined(); // it answered, did not hand over
  });
});

describe('the generated code and its fixed point', () => {
  const plan = Plan.fromIr(tinyIr()).value!;
  const withMonths = (maanden: number) => contract(placement('bepaald', maanden));

  test('answers numbers within its fixed point (months in hundredths) itself', () => {
    const valid = plan.validate(withMonths(6.25)).value!;
    expect(plan.compute(valid)).toBeDefined();
  });

  test('hands a number with more decimals to the reference evaluator, which gives the exact result', () => {
    const fine = withMonths(6.125);
    const valid = plan.validate(fine).value!;
    expect(plan.compute(valid)).toBeUndefined();
    const result = plan.evaluate(fine);
    expect(result.value).toEqual(plan.evaluate(fine, { engine: 'reference' }).value);
    expect(result.value!.waarderingen[0]!.bedrag).not.toBe(
      plan.evaluate(withMonths(6.13)).value!.waarderingen[0]!.bedrag,
    );
  });
});

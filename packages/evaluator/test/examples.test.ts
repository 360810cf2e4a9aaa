import { describe, expect, test } from 'vitest';
import { runExamples } from '../src/examples.js';
import { Plan } from '../src/plan.js';
import { at, contract, placement, tinyIr, type Doc } from './support/ir.js';

type Example = Doc['examples'][number];

const example = (
  title: string,
  json: Record<string, unknown>,
  expect: Partial<Example['expect']>,
): Example => ({
  title,
  contract: json,
  expect: { outcomes: [], valuations: [], messages: [], ...expect },
  provenance: [],
  at: at(70),
});

const run = (...examples: Example[]) => {
  const doc = tinyIr();
  doc.examples = examples;
  return runExamples(Plan.fromIr(doc).value!);
};

describe('runExamples', () => {
  test('an example whose expectations all hold passes with its result', () => {
    const [outcome] = run(
      example('Plaatsing', contract(placement('bepaald', 6)), {
        outcomes: [
          { name: 'verplichting', value: '5000.00', at: at(71) },
          { name: 'percentage', value: '100.00', at: at(72) },
        ],
        valuations: [{ index: 0, value: '5000.00', at: at(73) }],
      }),
    );
    expect(outcome!.passed).toBe(true);
    expect(outcome!.diagnostics).toEqual([]);
    expect(outcome!.result?.gerealiseerd).toBe('5000.00');
  });

  test('a wrong expectation fails with SR6101 naming the expected and the actual amount, as the voorbeeld writes it, at the expectation', () => {
    const [outcome] = run(
      example('Fout', contract(placement('bepaald', 6)), {
        outcomes: [{ name: 'restant', value: '1.00', at: at(71, 5) }],
        valuations: [{ index: 0, value: '4999.99', at: at(72, 5) }],
      }),
    );
    expect(outcome!.passed).toBe(false);
    expect(outcome!.diagnostics).toEqual([
      {
        code: 'SR6101',
        severity: 'error',
        args: { example: "'Fout'", outcome: 'restant', actual: '€ 0,00', expected: '€ 1,00' },
        span: { file: 'klein.sroi', start: 704, end: 705 },
      },
      {
        code: 'SR6101',
        severity: 'error',
        args: { example: "'Fout'", outcome: 'waardering 1', actual: '€ 5.000,00', expected: '€ 4.999,99' },
        span: { file: 'klein.sroi', start: 714, end: 715 },
      },
    ]);
  });

  test('an expected valuation of an activity that does not exist shows ? as actual', () => {
    const [outcome] = run(
      example('Geen activiteit', contract(), { valuations: [{ index: 2, value: '0.00', at: at(71) }] }),
    );
    expect(outcome!.diagnostics.map((d) => d.args)).toEqual([
      { example: "'Geen activiteit'", outcome: 'waardering 3', actual: '?', expected: '€ 0,00' },
    ]);
  });

  test('an expected melding matches case-insensitively on part of its text', () => {
    const capped = contract({ soort: 'maatschappelijk', uren: 60 });
    const [found, missing] = run(
      example('Maximum', capped, { messages: [{ text: 'route maatschappelijk begrensd', at: at(71) }] }),
      example('Geen', capped, { messages: [{ text: 'boete', at: at(72) }] }),
    );
    expect(found!.passed).toBe(true);
    expect(missing!.diagnostics).toEqual([
      {
        code: 'SR6102',
        severity: 'error',
        args: {
          example: "'Geen'",
          expected: '"boete"',
          actual:
            '"Route Maatschappelijk begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee"',
        },
        span: { file: 'klein.sroi', start: 710, end: 711 },
      },
    ]);
  });

  test('an example whose contract cannot be evaluated fails with SR6103 followed by the reasons', () => {
    const [outcome] = run(example('Ongeldig', { ...contract(), waarde: '-1.00' }, {}));
    expect(outcome!.passed).toBe(false);
    expect(outcome!.result).toBeUndefined();
    expect(outcome!.diagnostics.map((d) => [d.code, d.args['reason'] ?? d.path])).toEqual([
      ['SR6103', 'waarde: SR5014'],
      ['SR5014', 'waarde'],
    ]);
  });

  test('every example is run, in order', () => {
    expect(
      run(example('A', contract(), {}), example('B', contract(), {})).map((o) => [o.title, o.passed]),
    ).toEqual([
      ['A', true],
      ['B', true],
    ]);
  });
});

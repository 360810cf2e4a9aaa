import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareContract, explainDifference } from '../src/index.js';
import { review, rulesetsDir } from './support/rulesets.js';

const contract = JSON.parse(
  readFileSync(join(rulesetsDir, 'examples/schoonmaak-stadskantoor.json'), 'utf8'),
) as Record<string, unknown>;

describe('one contract under several rulesets', () => {
  const c = compareContract(
    [
      review('rijnmond-2019-2023.sroi'),
      review('rijnmond-2023-2027.sroi'),
      review('haaglanden-zhc-2023.sroi'),
    ],
    contract,
  );

  test('moves the award date into a ruleset whose periods do not hold it, and says so', () => {
    expect(c.rulesets.map((r) => r.date)).toEqual([
      { field: 'gunningsdatum', given: '2024-02-01', used: '2023-06-30', moved: true },
      { field: 'gunningsdatum', given: '2024-02-01', used: '2024-02-01', moved: false },
      { field: 'gunningsdatum', given: '2024-02-01', used: '2024-02-01', moved: false },
    ]);
    expect(c.rulesets.every((r) => r.result !== undefined)).toBe(true);
  });

  test('compares every activity, route and outcome, marking the differences', () => {
    expect(c.activities.map((a) => [a.soort, a.differs])).toEqual([
      ['plaatsing', true],
      ['leerling', true],
      ['arbeidsontwikkeling', true],
      ['scholing', false],
      ['inkoop', true],
      ['maatschappelijk', false],
      ['investering', true],
      ['maatwerk', true],
      ['overdracht', true],
    ]);
    expect(c.outcomes.find((o) => o.key === 'verplichting')).toMatchObject({
      values: ['62500.00', '62500.00', '62500.00'],
      differs: false,
      explanations: [],
    });
    expect(c.activities[0]!.values).toEqual(['48333.33', '59166.67', '46666.67']);
  });

  test('explains a difference by the rules with different values', () => {
    const placement = c.activities[0]!.explanations.find((e) => e.against === 1)!;
    const rules = Object.fromEntries(
      placement.rules.map((r) => [r.regel, [r.base?.waarde, r.other?.waarde]]),
    );
    expect(rules).toMatchObject({
      'waardering plaatsing': ['€ 48.333,33', '€ 59.166,67'],
      'tabel jaarwaarde_plaatsing': ['€ 35.000,00 per jaar', '€ 40.000,00 per jaar'],
      'parameter max_maanden_plaatsing': ['24 maanden', '36 maanden'],
      'definitie bonus_onbepaald': ['€ 5.000,00', '€ 7.500,00'],
      'definitie bonus_duurzaam': ['€ 2.500,00', '€ 5.000,00'],
    });
    // Rules with the same value are not a reason.
    expect(rules['definitie geteld']).toBeUndefined();
  });

  test('names the rules only one ruleset has (Haaglanden calls its table plaatsing_norm)', () => {
    const haaglanden = c.activities[0]!.explanations.find((e) => e.against === 2)!;
    const only = haaglanden.rules.filter((r) => !r.base).map((r) => r.regel);
    expect(only).toContain('tabel plaatsing_norm');
  });

  test('a contract a ruleset refuses gets its diagnostics, the others still compare', () => {
    const bad = {
      ...contract,
      activiteiten: [
        { soort: 'plaatsing', doelgroep: 'onbekend', contractvorm: 'bepaald', fte: 1, maanden: 1 },
      ],
    };
    const r = compareContract([review('rijnmond-2023-2027.sroi'), review('haaglanden-zhc-2023.sroi')], bad);
    expect(r.rulesets.map((x) => x.result === undefined)).toEqual([true, true]);
    expect(r.rulesets[0]!.diagnostics[0]!.path).toBe('activiteiten[0].doelgroep');
  });
});

test('explainDifference of a tree with itself is empty', () => {
  const node = {
    regel: 'waardering x',
    waarde: '€ 1,00',
    onderdelen: [{ regel: 'parameter p', waarde: '1' }],
  };
  expect(explainDifference(node, node)).toEqual([]);
});

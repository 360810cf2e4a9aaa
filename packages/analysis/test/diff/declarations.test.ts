import { describe, expect, test } from 'vitest';
import { diffRulesets, type DiffChange } from '../../src/index.js';
import { review } from '../support/rulesets.js';

const structural = (a: string, b: string, lang: 'nl' | 'en' = 'nl') =>
  diffRulesets(review(a), review(b), { boundaries: false, lang }).changes;
const keys = (changes: readonly DiffChange[]) => changes.map((c) => `${c.change} ${c.key}`);

describe('diff of a variant against its base', () => {
  test('Leidschendam-Voorburg against Haaglanden: only its header and sr_percentage', () => {
    const changes = structural('haaglanden-zhc-2023.sroi', 'leidschendam-voorburg-2025.sroi');
    expect(keys(changes)).toEqual([
      'changed kop naam',
      'changed kop versie',
      'added kop gemeente',
      'changed kop bron',
      'added kop basis',
      'added waarde arbeidsaandeel_grens',
      'added waarde sr_percentage_weinig_arbeid',
      'added waarde sr_percentage_gewoon',
      'changed waarde sr_percentage',
    ]);
    const percentage = changes.at(-1)!;
    expect(percentage).toMatchObject({
      category: 'scope',
      subject: 'value',
      aspects: ['kind'],
      old: {
        declaration: 'parameter',
        text: '5%',
        place: { file: 'rulesets/haaglanden-zhc-2023.sroi', line: 66 },
      },
      new: {
        declaration: 'definitie',
        text: 'als standaard(contract.arbeidsaandeel, 100%) < arbeidsaandeel_grens dan sr_percentage_weinig_arbeid anders sr_percentage_gewoon',
        place: { file: 'rulesets/leidschendam-voorburg-2025.sroi', line: 20, column: 1 },
        replaces: { file: 'rulesets/haaglanden-zhc-2023.sroi', line: 66, column: 1 },
      },
    });
    expect(percentage.new!.provenance.map((p) => p.kind)).toEqual(['bron', 'aanname']);
  });

  test('Schiedam against Rijnmond 2019-2023: only its header, binnen_bereik and the table drempel_schiedam', () => {
    const changes = structural('rijnmond-2019-2023.sroi', 'schiedam-legacy.sroi');
    expect(keys(changes)).toEqual([
      'changed kop naam',
      'added kop gemeente',
      'changed kop bron',
      'added kop basis',
      'added waarde drempel_schiedam',
      'changed waarde binnen_bereik',
    ]);
    const table = changes.find((c) => c.key === 'waarde drempel_schiedam')!;
    expect(table.new!.rows).toEqual([
      { key: 'diensten', text: '€ 125.000,00' },
      { key: 'leveringen', text: '€ 125.000,00' },
      { key: 'werken', text: '€ 225.000,00' },
    ]);
    const scope = changes.find((c) => c.key === 'waarde binnen_bereik')!;
    expect(scope).toMatchObject({
      aspects: ['formula', 'provenance'],
      fragments: [{ old: 'drempel', new: 'drempel_schiedam(contract.opdrachtsoort)' }],
      old: {
        formula: 'contract.waarde ≥ drempel',
        place: { file: 'rulesets/rijnmond-2019-2023.sroi', line: 51 },
      },
      new: { place: { file: 'rulesets/schiedam-legacy.sroi', line: 20 }, replaces: { line: 51 } },
    });
  });
});

describe('diff of Rijnmond 2019-2023 against 2023-2027', () => {
  const changes = structural('rijnmond-2019-2023.sroi', 'rijnmond-2023-2027.sroi');
  const find = (key: string) => changes.find((c) => c.key === key);

  test('the periods and the header differ, each with its place in both files', () => {
    expect(find('kop perioden')).toMatchObject({
      old: { text: '2019-2023 (2019-10-01 t/m 2023-06-30)', place: { line: 20, column: 3 } },
      new: { text: '2023-2027 (2023-07-01 t/m 2027-12-31)', place: { line: 17, column: 3 } },
    });
  });

  test('a value history counts from the start of the periods: drempel differs in its source only', () => {
    expect(find('waarde drempel')).toMatchObject({ aspects: ['provenance'], old: { text: '€ 50.000,00' } });
  });

  test('a table row shows both value histories with the table-update date', () => {
    const nugger = changes.find((c) => c.name === 'jaarwaarde_plaatsing: nugger')!;
    expect(nugger.old!.text).toBe('€ 5.000,00 per jaar');
    expect(nugger.new!.text).toBe('€ 10.000,00 per jaar; vanaf 2025-07-01: € 10.500,00 per jaar');
    expect(nugger.new!.values!.map((v) => v.from)).toEqual([undefined, '2025-07-01']);
  });

  test('caps: the maatschappelijk cap changes, open and overdracht get one', () => {
    // The cap's formula names its percentage: the parameter changes, the formula only its aanname.
    expect(find('maximum maatschappelijk')).toMatchObject({ change: 'changed', aspects: ['provenance'] });
    expect(find('waarde maximum_maatschappelijk')).toMatchObject({ change: 'changed' });
    expect(find('waarde maximum_maatschappelijk')?.old?.text).toBe('20%');
    expect(find('waarde maximum_maatschappelijk')?.new?.text).toBe('10%');
    expect(find('maximum open')?.change).toBe('added');
    expect(find('maximum overdracht')?.change).toBe('added');
  });

  test('every change is placed in a category and has a side with a place', () => {
    for (const c of changes) expect(c.old?.place ?? c.new?.place, c.key).toBeDefined();
  });

  test('English texts on request', () => {
    const en = structural('rijnmond-2019-2023.sroi', 'rijnmond-2023-2027.sroi', 'en');
    expect(en.find((c) => c.key === 'kop perioden')!.old!.text).toBe('2019-2023 (2019-10-01 to 2023-06-30)');
    expect(en.find((c) => c.name === 'jaarwaarde_plaatsing: nugger')!.new!.text).toBe(
      '€ 10,000.00 per year; from 2025-07-01: € 10,500.00 per year',
    );
  });
});

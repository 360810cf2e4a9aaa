import { describe, expect, test } from 'vitest';
import type { IrExpr } from '@sroi/core';
import { day as isoDay } from '../src/compiled/runtime.js';
import { Plan } from '../src/plan.js';
import {
  at,
  contract,
  div,
  eq,
  field,
  mul,
  num,
  outcome,
  param,
  placement,
  roundCents,
  text,
  tinyIr,
  tinyIrWithTable,
  type Doc,
} from './support/ir.js';

const planOf = (doc: Doc) => {
  const result = Plan.fromIr(doc);
  expect(result.diagnostics).toEqual([]);
  return result.value!;
};
const evaluate = (doc: Doc, json: unknown, explain = false) => planOf(doc).evaluate(json, { explain });
const value = (doc: Doc, json: unknown) => {
  const result = evaluate(doc, json);
  expect(result.diagnostics).toEqual([]);
  return result.value!;
};

describe('valuations', () => {
  test('a placement of 6 months at € 10.000 per year is worth € 5.000', () => {
    expect(value(tinyIr(), contract(placement('bepaald', 6))).waarderingen[0]!.bedrag).toBe('5000.00');
  });

  test('a repeating fraction of a cent is rounded only where the ruleset rounds', () => {
    // 7 months × € 10.000 / 12 = € 5.833,333...; the valuation rounds to € 5.833,33.
    expect(value(tinyIr(), contract(placement('bepaald', 7))).waarderingen[0]!.bedrag).toBe('5833.33');
  });

  test('a kind without a valuation counts € 0 with a melding', () => {
    const result = value(
      tinyIr(),
      contract({ soort: 'inkoop', leverancier: 'sw-bedrijf', factuurbedrag: '5.00' }),
    );
    expect(result.waarderingen).toEqual([{ index: 0, soort: 'inkoop', bedrag: '0.00', route: '' }]);
    expect(result.meldingen).toEqual([
      {
        soort: 'niet-gewaardeerd',
        tekst: 'Activiteitsoort inkoop wordt in Klein niet gewaardeerd',
        activiteit: 0,
      },
    ]);
  });

  test('a failed requirement values the activity at € 0 with a melding that shows the value', () => {
    const doc = tinyIr();
    doc.valuations[1]!.requirements.push({
      when: { k: 'cmp', op: '≥', l: field('kosten'), r: num('100000') },
      message: [{ text: 'Te weinig: ' }, { x: field('kosten'), type: { t: 'bedrag' } }],
      src: 'activiteit.kosten ≥ € 1.000',
      provenance: [],
      at: at(26, 3),
    });
    const result = evaluate(doc, contract({ soort: 'scholing', kosten: '500.00' }), true).value!;
    expect(result.waarderingen[0]!.bedrag).toBe('0.00');
    expect(result.meldingen).toEqual([
      {
        soort: 'vereiste',
        tekst: 'Te weinig: € 500,00',
        activiteit: 0,
        plaats: { bestand: 'klein.sroi', regel: 26, kolom: 3 },
      },
    ]);
    expect(result.waarderingen[0]!.uitleg!.voorwaarden).toEqual([
      {
        formule: 'vereist activiteit.kosten ≥ € 1.000',
        uitkomst: false,
        waarden: [{ naam: 'activiteit.kosten', waarde: '€ 500,00' }],
        plaats: { bestand: 'klein.sroi', regel: 26, kolom: 3 },
      },
    ]);
  });

  test('a met melding expression adds a melding of soort regel for its activity', () => {
    const doc = tinyIr();
    doc.valuations[2]!.expr = { k: 'message', x: num('0'), text: [{ text: 'Telt niet' }], at: at(27, 9) };
    expect(value(doc, contract({ soort: 'maatschappelijk', uren: 3 })).meldingen).toEqual([
      { soort: 'regel', tekst: 'Telt niet', activiteit: 0 },
    ]);
  });

  test('an optional field that is absent makes arithmetic fail with SR5009', () => {
    const doc = tinyIr();
    doc.valuations[0]!.expr = mul(num('100'), field('leeftijd'));
    expect(evaluate(doc, contract(placement('bepaald', 6))).diagnostics).toEqual([
      { code: 'SR5009', severity: 'error', args: { name: 'activiteit.leeftijd', rule: 'formule' } },
    ]);
  });
});

describe('explanations', () => {
  test('a bonus that does not apply explains why not: the failed condition and its values', () => {
    const result = evaluate(tinyIr(), contract(placement('bepaald', 6)), true).value!;
    const bonus = result.waarderingen[0]!.uitleg!.onderdelen!.find(
      (u) => u.regel === 'definitie bonus_onbepaald',
    );
    expect(bonus).toEqual({
      regel: 'definitie bonus_onbepaald',
      waarde: '€ 0,00',
      formule: 'als activiteit.contractvorm = onbepaald dan € 1.000 anders € 0',
      bron: ['Bonus voor onbepaalde tijd'],
      plaats: { bestand: 'klein.sroi', regel: 20, kolom: 1 },
      invoer: [{ naam: 'activiteit.contractvorm', waarde: 'bepaald' }],
      voorwaarden: [
        {
          formule: 'activiteit.contractvorm = onbepaald',
          uitkomst: false,
          waarden: [{ naam: 'activiteit.contractvorm', waarde: 'bepaald' }],
          plaats: { bestand: 'klein.sroi', regel: 21, kolom: 6 },
        },
      ],
    });
  });

  test('a bonus that applies shows its condition as held', () => {
    const result = evaluate(tinyIr(), contract(placement('onbepaald', 6)), true).value!;
    const valuation = result.waarderingen[0]!;
    expect(valuation.bedrag).toBe('6000.00');
    expect(valuation.uitleg!.onderdelen![0]!.voorwaarden![0]!.uitkomst).toBe(true);
  });

  test('the explanation of a valuation names its rule, formula, inputs, source and place', () => {
    const uitleg = evaluate(tinyIr(), contract(placement('bepaald', 6)), true).value!.waarderingen[0]!
      .uitleg!;
    expect({ ...uitleg, onderdelen: uitleg.onderdelen!.map((u) => u.regel) }).toEqual({
      regel: 'waardering plaatsing',
      waarde: '€ 5.000,00',
      formule: 'afronden(€ 10.000 per jaar × activiteit.maanden + bonus_onbepaald, op € 0,01)',
      bron: ['Plaatsing'],
      plaats: { bestand: 'klein.sroi', regel: 25, kolom: 1 },
      invoer: [{ naam: 'activiteit.maanden', waarde: '6 maanden' }],
      onderdelen: ['definitie bonus_onbepaald'],
    });
  });

  test('a parameter is explained with its value and source', () => {
    const uitleg = evaluate(tinyIr(), contract(), true).value!.uitleg!['verplichting']!;
    expect(uitleg.onderdelen).toEqual([
      {
        regel: 'parameter sr_percentage',
        waarde: '5%',
        formule: '5%',
        bron: ['Beleid: 5%'],
        plaats: { bestand: 'klein.sroi', regel: 10, kolom: 30 },
      },
    ]);
  });

  test('with lang en the explanation shows values in English notation; the rules stay as written', () => {
    const plan = planOf(tinyIr());
    const json = contract(placement('bepaald', 6));
    const en = plan.evaluate(json, { explain: true, lang: 'en' }).value!.waarderingen[0]!.uitleg!;
    expect(en.waarde).toBe('€ 5,000.00');
    expect(en.invoer).toEqual([{ naam: 'activiteit.maanden', waarde: '6 months' }]);
    expect(en.formule).toBe('afronden(€ 10.000 per jaar × activiteit.maanden + bonus_onbepaald, op € 0,01)');
    // Dutch again afterwards: nothing of the English run is reused.
    const nl = plan.evaluate(json, { explain: true }).value!.waarderingen[0]!.uitleg!;
    expect([nl.waarde, nl.invoer]).toEqual([
      '€ 5.000,00',
      [{ naam: 'activiteit.maanden', waarde: '6 maanden' }],
    ]);
  });

  test('a parameter node is shared between contracts but never between languages', () => {
    const plan = planOf(tinyIr());
    const node = (lang: 'nl' | 'en') =>
      plan.evaluate(contract(), { explain: true, lang }).value!.uitleg!['verplichting']!.onderdelen![0]!;
    expect(node('nl')).toBe(node('nl'));
    expect(node('en')).not.toBe(node('nl'));
    expect(node('en').waarde).toBe('5%');
  });

  describe('a condition gives the same result in both engines, whatever it reads', () => {
    // A read in a branch of a condition (a fallback, the right side of en, an option of in) may or
    // may not happen: the generated code must still agree with the reference.
    const gt = (l: IrExpr, r: IrExpr): IrExpr => ({ k: 'cmp', op: '>', l, r });
    const standaard = (x: IrExpr, fallback: IrExpr): IrExpr => ({ k: 'default', x, fallback });
    const conditions: Record<string, IrExpr> = {
      'reads always: a field, a constant fallback, a parameter': {
        k: 'and',
        l: gt(standaard(field('leeftijd'), num('30')), mul(field('maanden'), param('sr_percentage'))),
        r: { k: 'const', v: { bool: true } },
      },
      'the fallback reads': gt(standaard(field('leeftijd'), field('maanden')), num('30')),
      'the right side of en reads': {
        k: 'and',
        l: eq(field('contractvorm'), text('onbepaald')),
        r: gt(field('maanden'), num('12')),
      },
      'an option of in reads': {
        k: 'in',
        x: field('leeftijd'),
        options: [num('30'), field('maanden')],
        negated: false,
      },
    };
    const contracts = [
      placement('onbepaald', 40),
      placement('bepaald', 6),
      { ...placement('onbepaald', 30), leeftijd: 30 },
      { ...placement('bepaald', 12), leeftijd: 50 },
    ];
    test.each(Object.entries(conditions))('%s', (_, condition) => {
      const doc = tinyIr();
      const bonus = doc.definitions[0]!;
      bonus.expr = { ...(bonus.expr as IrExpr & { k: 'if' }), c: condition };
      const plan = planOf(doc);
      for (const c of contracts)
        for (const lang of ['nl', 'en'] as const) {
          const json = (engine: 'compiled' | 'reference') =>
            JSON.stringify(plan.evaluate(contract(c), { lang, engine }));
          expect(json('compiled')).toBe(json('reference'));
          // ... and the generated code answered itself.
          const valid = plan.validate(contract(c)).value!;
          expect(plan.compiled.compute(valid, isoDay('2024-05-01'))).toBeDefined();
        }
    });
  });

  test('without explain there is no uitleg anywhere', () => {
    const result = value(tinyIr(), contract(placement('bepaald', 6), { soort: 'maatschappelijk', uren: 60 }));
    expect(result.uitleg).toBeUndefined();
    expect(result.waarderingen.map((w) => w.uitleg)).toEqual([undefined, undefined]);
    expect(result.routes.map((r) => r.uitleg)).toEqual([undefined, undefined]);
  });
});

describe('route caps', () => {
  test('a cap that bites limits the route and adds a melding of soort maximum', () => {
    const result = evaluate(tinyIr(), contract({ soort: 'maatschappelijk', uren: 60 }), true).value!;
    expect(result.waarderingen[0]!.bedrag).toBe('6000.00');
    expect(result.routes[1]).toMatchObject({
      naam: 'maatschappelijk',
      totaal: '6000.00',
      gerealiseerd: '500.00',
      maximum: '500.00',
    });
    expect(result.gerealiseerd).toBe('500.00');
    expect(result.restant).toBe('4500.00');
    expect(result.meldingen).toEqual([
      {
        soort: 'maximum',
        tekst: 'Route Maatschappelijk begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee',
        route: 'maatschappelijk',
        plaats: { bestand: 'klein.sroi', regel: 32, kolom: 3 },
      },
    ]);
    expect(result.routes[1]!.uitleg!.voorwaarden).toEqual([
      {
        formule: 'totaal > maximum',
        uitkomst: true,
        waarden: [
          { naam: 'maximum', waarde: '€ 500,00' },
          { naam: 'totaal', waarde: '€ 6.000,00' },
        ],
        plaats: { bestand: 'klein.sroi', regel: 32, kolom: 3 },
      },
    ]);
  });

  test('the engine words its own meldingen in the language asked for, the same in both engines', () => {
    const json = contract(
      { soort: 'maatschappelijk', uren: 60 },
      { soort: 'inkoop', leverancier: 'sw-bedrijf', factuurbedrag: '5.00' },
    );
    const texts = (options: { explain?: boolean; lang?: 'nl' | 'en' }) =>
      planOf(tinyIr())
        .evaluate(json, options)
        .value!.meldingen.map((m) => m.tekst);
    const english = [
      'Route Maatschappelijk capped at € 500.00: € 6,000.00 valued, € 5,500.00 does not count',
      'Activity kind inkoop is not valued in Klein',
    ];
    expect(texts({ lang: 'en' }).sort()).toEqual([...english].sort());
    expect(texts({ lang: 'en', explain: true }).sort()).toEqual([...english].sort());
    expect(texts({ explain: true }).sort()).toEqual(texts({}).sort());
    expect(texts({}).some((t) => t.includes('begrensd op € 500,00'))).toBe(true);
  });

  test('a total exactly at the cap does not bite', () => {
    const result = value(tinyIr(), contract({ soort: 'maatschappelijk', uren: 5 }));
    expect(result.routes[1]).toMatchObject({ totaal: '500.00', gerealiseerd: '500.00' });
    expect(result.meldingen).toEqual([]);
  });

  test('waarderingen show values before the cap', () => {
    const result = value(
      tinyIr(),
      contract({ soort: 'maatschappelijk', uren: 4 }, { soort: 'maatschappelijk', uren: 4 }),
    );
    expect(result.waarderingen.map((w) => w.bedrag)).toEqual(['400.00', '400.00']);
    expect(result.gerealiseerd).toBe('500.00');
  });
});

describe('outcomes', () => {
  test('without an obligation there is no percentage', () => {
    const result = value(tinyIr(), { ...contract(), waarde: '0.00' });
    expect([result.verplichting, result.restant, result.boete, result.percentage]).toEqual([
      '0.00',
      '0.00',
      '0.00',
      undefined,
    ]);
    expect('percentage' in result).toBe(false);
  });

  test('an unfulfilled obligation leaves a restant and a boete', () => {
    const result = value(tinyIr(), contract({ soort: 'scholing', kosten: '1000.00' }));
    expect([result.gerealiseerd, result.restant, result.percentage, result.boete]).toEqual([
      '1000.00',
      '4000.00',
      '20.00',
      '4000.00',
    ]);
  });

  test('outcomes beyond the five standard ones are returned under overige', () => {
    const doc = tinyIr();
    doc.outcomes.push({
      name: 'aantal',
      type: { t: 'getal' },
      expr: { k: 'sum', over: 'activity', body: num('1') },
      src: 'som(1 voor elke activiteit)',
      provenance: [],
      at: at(45),
    });
    expect(value(doc, contract({ soort: 'scholing', kosten: '1.00' })).overige).toEqual({ aantal: '1' });
  });

  test('an outcome named __proto__ or constructor is an own key of overige and uitleg, in both engines', () => {
    const doc = tinyIr();
    for (const name of ['__proto__', 'constructor'])
      doc.outcomes.push({
        name,
        type: { t: 'getal' },
        expr: { k: 'sum', over: 'activity', body: num('1') },
        src: 'som(1 voor elke activiteit)',
        provenance: [],
        at: at(45),
      });
    const input = contract({ soort: 'scholing', kosten: '1.00' });
    for (const explain of [false, true]) {
      const result = evaluate(doc, input, explain).value!;
      expect(Object.keys(result.overige!)).toEqual(['__proto__', 'constructor']);
      expect(Object.getPrototypeOf(result.overige)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(result)).overige).toEqual(
        JSON.parse('{"__proto__": "1", "constructor": "1"}'),
      );
      if (explain) expect(Object.keys(result.uitleg!)).toContain('__proto__');
    }
  });
});

describe('evaluation errors', () => {
  test('division by zero is an SR5005 diagnostic at the division', () => {
    const doc = tinyIr();
    // An unguarded percentage: gerealiseerd / verplichting.
    doc.outcomes.find((o) => o.name === 'percentage')!.expr = {
      k: 'round',
      x: div(outcome('gerealiseerd'), outcome('verplichting'), at(43, 12, 1)),
      q: num('1/10000'),
      mode: 'half',
    };
    expect(evaluate(doc, { ...contract(), waarde: '0.00' }, true)).toEqual({
      value: undefined,
      diagnostics: [
        {
          code: 'SR5005',
          severity: 'error',
          args: { rule: 'deling' },
          span: { file: 'klein.sroi', start: 431, end: 432 },
        },
      ],
    });
  });

  test('a gunningsdatum in no period is SR5001 at the gunningsdatum, naming every period', () => {
    const doc = tinyIr();
    doc.periods.push({ name: '2025', from: '2025-01-01', to: '2025-12-31', provenance: [], at: at(2) });
    expect(evaluate(doc, { ...contract(), gunningsdatum: '2023-12-31' }).diagnostics).toEqual([
      {
        code: 'SR5001',
        severity: 'error',
        args: {
          field: 'gunningsdatum',
          date: '2023-12-31',
          ruleset: "'Klein'",
          periods: '2024 (2024-01-01 t/m 2024-12-31), 2025 (2025-01-01 t/m 2025-12-31)',
        },
        path: 'gunningsdatum',
      },
    ]);
  });

  test('the first and the last day of a period fall in it', () => {
    expect(value(tinyIr(), { ...contract(), gunningsdatum: '2024-01-01' }).periode).toBe('2024');
    expect(value(tinyIr(), { ...contract(), gunningsdatum: '2024-12-31' }).periode).toBe('2024');
  });
});

describe('versions by reference date', () => {
  const versioned = () => {
    const doc = tinyIr();
    doc.parameters[0]!.versions.push({
      from: '2024-07-01',
      value: { num: '1/10' },
      src: '10%',
      provenance: [],
      at: at(11),
    });
    return doc;
  };

  test('a parameter takes the value of the last version on or before the gunningsdatum', () => {
    expect(value(versioned(), { ...contract(), gunningsdatum: '2024-06-30' }).verplichting).toBe('5000.00');
    expect(value(versioned(), { ...contract(), gunningsdatum: '2024-07-01' }).verplichting).toBe('10000.00');
  });

  test('a parameter without a version on the gunningsdatum is SR5007 at the parameter', () => {
    const doc = tinyIr();
    doc.parameters[0]!.versions[0]!.from = '2024-07-01';
    expect(evaluate(doc, contract()).diagnostics).toEqual([
      {
        code: 'SR5007',
        severity: 'error',
        args: { name: "'sr_percentage'", date: '2024-05-01' },
        span: { file: 'klein.sroi', start: 90, end: 91 },
      },
    ]);
  });
});

describe('tables', () => {
  const withTable = tinyIrWithTable;
  const rows: [string[], string][] = [
    [['participatiewet'], '100000'],
    [['ww'], '50000'],
  ];

  test('a unique table returns the row that matches', () => {
    expect(value(withTable('uniek', rows), contract(placement('bepaald', 6))).waarderingen[0]!.bedrag).toBe(
      '6000.00',
    );
  });

  test('no matching row is SR5008 naming the table and the input', () => {
    expect(
      evaluate(withTable('uniek', rows), contract({ ...placement('bepaald', 6), doelgroep: 'wia' }))
        .diagnostics,
    ).toEqual([
      {
        code: 'SR5008',
        severity: 'error',
        args: { name: "'jaarwaarde'", example: 'doelgroep = wia' },
        span: { file: 'klein.sroi', start: 580, end: 581 },
      },
    ]);
  });

  test('two matching rows in a unique table is SR5010 naming both rows', () => {
    const overlapping = withTable('uniek', [...rows, [['participatiewet', 'wia'], '1']]);
    expect(evaluate(overlapping, contract(placement('bepaald', 6))).diagnostics).toEqual([
      {
        code: 'SR5010',
        severity: 'error',
        args: { name: "'jaarwaarde'", example: 'doelgroep = participatiewet', rows: '1, 3' },
        span: { file: 'klein.sroi', start: 610, end: 611 },
      },
    ]);
  });

  test('hit policy eerste takes the first matching row', () => {
    const first = withTable('eerste', [...rows, ['any', '1']]);
    expect(value(first, contract(placement('bepaald', 6))).waarderingen[0]!.bedrag).toBe('6000.00');
    expect(
      value(first, contract({ ...placement('bepaald', 6), doelgroep: 'wia' })).waarderingen[0]!.bedrag,
    ).toBe('0.06');
  });

  test('hit policy som adds every matching row and is zero without one', () => {
    const sum = withTable('som', [...rows, [['participatiewet', 'wia'], '1']]);
    expect(value(sum, contract(placement('bepaald', 6))).waarderingen[0]!.bedrag).toBe('6000.06');
    expect(
      value(sum, contract({ ...placement('bepaald', 6), doelgroep: 'nugger' })).waarderingen[0]!.bedrag,
    ).toBe('0.00');
  });

  test('a table lookup is explained with its row and input', () => {
    const result = evaluate(withTable('uniek', rows), contract(placement('bepaald', 6)), true).value!;
    expect(result.waarderingen[0]!.uitleg!.onderdelen).toEqual([
      {
        regel: 'tabel jaarwaarde',
        waarde: '€ 12.000,00 per jaar',
        formule: 'rij 1',
        plaats: { bestand: 'klein.sroi', regel: 60, kolom: 1 },
        invoer: [{ naam: 'doelgroep', waarde: 'participatiewet' }],
      },
    ]);
  });

  describe.each(['reference', 'compiled'] as const)('with the %s engine', (engine) => {
    const explained = (doc: Doc, json: unknown, plan = planOf(doc), lang: 'nl' | 'en' = 'nl') =>
      plan.evaluate(json, { explain: true, engine, lang }).value!.waarderingen[0]!.uitleg!;

    test('a row matched on exactly one value has one node for every contract, per language', () => {
      const plan = planOf(withTable('uniek', rows));
      const node = (maanden: number, lang: 'nl' | 'en' = 'nl') =>
        explained(plan.ir, contract(placement('bepaald', maanden)), plan, lang).onderdelen![0]!;
      expect(node(6)).toBe(node(9));
      expect(node(6, 'en')).toBe(node(9, 'en'));
      expect(node(6, 'en')).not.toBe(node(6));
      expect(node(6, 'en').waarde).toBe('€ 12,000.00 per year');
    });

    test('a rule that looks such a row up twice shows it once', () => {
      const doc = withTable('uniek', rows);
      const lookup: IrExpr = { k: 'table', name: 'jaarwaarde', args: [field('doelgroep')] };
      doc.valuations[0]!.expr = roundCents(mul(lookup, mul(lookup, div(field('maanden'), num('100000')))));
      const uitleg = explained(doc, contract(placement('bepaald', 6)));
      expect(uitleg.onderdelen!.map((n) => n.regel)).toEqual(['tabel jaarwaarde']);
    });

    test('a row matched by a wildcard or by one of several values shows each contract its own value', () => {
      const doc = withTable('eerste', [
        [['participatiewet', 'wia'], '100000'],
        ['any', '1'],
      ]);
      const plan = planOf(doc);
      const shown = (doelgroep: string) =>
        explained(doc, contract({ ...placement('bepaald', 6), doelgroep }), plan).onderdelen![0]!.invoer;
      expect(shown('participatiewet')).toEqual([{ naam: 'doelgroep', waarde: 'participatiewet' }]);
      expect(shown('wia')).toEqual([{ naam: 'doelgroep', waarde: 'wia' }]);
      expect(shown('ww')).toEqual([{ naam: 'doelgroep', waarde: 'ww' }]);
      expect(shown('nugger')).toEqual([{ naam: 'doelgroep', waarde: 'nugger' }]);
    });
  });
});

test('a parameter is read once per contract and the same value is used everywhere', () => {
  const doc = tinyIr();
  doc.valuations[1]!.expr = roundCents(mul(field('kosten'), param('sr_percentage')));
  const result = value(doc, contract({ soort: 'scholing', kosten: '100.00' }));
  expect([result.verplichting, result.waarderingen[0]!.bedrag]).toEqual(['5000.00', '5.00']);
});

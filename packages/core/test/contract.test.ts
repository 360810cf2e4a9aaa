import { describe, expect, test } from 'vitest';
import {
  contractJsonSchema,
  formatJsonPath,
  inputLimits,
  parseContract,
  type EnumerationValues,
  type Value,
} from '../src/contract.js';
import { renderHint, renderMessage } from '../src/diagnostic.js';
import { Rational } from '../src/rational.js';

/** The example of docs/contract-format.md, verbatim. */
const documented = {
  id: 'RTD-2024-017',
  gemeente: 'rotterdam',
  omschrijving: 'Schoonmaak stadskantoor',
  opdrachtsoort: 'diensten',
  waarde: '1250000.00',
  gunningsdatum: '2024-02-01',
  startdatum: '2024-03-01',
  einddatum: '2026-02-28',
  activiteiten: [
    { soort: 'plaatsing', doelgroep: 'participatiewet', contractvorm: 'onbepaald', fte: 1, maanden: 14 },
    { soort: 'leerling', opleiding: 'mbo-bbl', niveau: 2, arbeidsovereenkomst: true, fte: 0.8, maanden: 10 },
    { soort: 'arbeidsontwikkeling', vorm: 'voorschakelen', startkwalificatie: false, maanden: 6 },
    { soort: 'scholing', kosten: '1850.00', omschrijving: 'VCA-cursus' },
    { soort: 'inkoop', leverancier: 'sociaal-ondernemer', factuurbedrag: '20000.00' },
    { soort: 'maatschappelijk', uren: 40 },
    { soort: 'investering', bedrag: '5000.00', omschrijving: 'Rikx' },
    { soort: 'maatwerk', bedrag: '2500.00', omschrijving: 'open sociale impact invulling' },
    { soort: 'overdracht', bedrag: '3000.00', vanContract: 'RTD-2021-003' },
  ],
};

/** A valid contract without activities, to add one problem to. */
const base = {
  opdrachtsoort: 'diensten',
  waarde: '100000.00',
  gunningsdatum: '2024-02-01',
  activiteiten: [],
};
const placement = { soort: 'plaatsing', doelgroep: 'ww', contractvorm: 'bepaald', fte: 1, maanden: 6 };

/** Values as plain data: Rationals as exact text, so expectations read like the input. */
const plain = (fields: ReadonlyMap<string, Value>) =>
  Object.fromEntries([...fields].map(([k, v]) => [k, v instanceof Rational ? `#${v.toString()}` : v]));

/** The diagnostics of an invalid contract as [code, path] pairs. */
const problems = (json: unknown, enums?: EnumerationValues) =>
  parseContract(json, enums).diagnostics.map((d) => [d.code, d.path]);

const only = (json: unknown, enums?: EnumerationValues) => {
  const result = parseContract(json, enums);
  expect(result.value).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
};

describe('a valid contract', () => {
  test('the example of docs/contract-format.md parses, with money in cents and dates as day numbers', () => {
    const result = parseContract(documented);
    expect(result.diagnostics).toEqual([]);
    expect(plain(result.value!.fields)).toEqual({
      id: 'RTD-2024-017',
      gemeente: 'rotterdam',
      omschrijving: 'Schoonmaak stadskantoor',
      opdrachtsoort: 'diensten',
      waarde: '#125000000',
      gunningsdatum: '#19754',
      startdatum: '#19783',
      einddatum: '#20512',
      inspanningAangetoond: false,
      arbeidsaandeel: null,
    });
  });

  test('its activities keep their index and kind, absent facts are nee and absent options unknown', () => {
    const activities = parseContract(documented).value!.activities;
    expect(activities.map((a) => [a.index, a.soort])).toEqual([
      [0, 'plaatsing'],
      [1, 'leerling'],
      [2, 'arbeidsontwikkeling'],
      [3, 'scholing'],
      [4, 'inkoop'],
      [5, 'maatschappelijk'],
      [6, 'investering'],
      [7, 'maatwerk'],
      [8, 'overdracht'],
    ]);
    expect(plain(activities[0]!.fields)).toEqual({
      doelgroep: 'participatiewet',
      contractvorm: 'onbepaald',
      fte: '#1',
      maanden: '#14',
      leeftijd: null,
      arbeidsbeperking: false,
      naStageVsoPro: false,
      omschrijving: null,
    });
    expect(plain(activities[1]!.fields)).toEqual({
      opleiding: 'mbo-bbl',
      niveau: '#2',
      stage: false,
      arbeidsovereenkomst: true,
      fte: '#0.8',
      maanden: '#10',
      omschrijving: null,
    });
    expect(plain(activities[3]!.fields)).toEqual({ kosten: '#185000', omschrijving: 'VCA-cursus' });
    expect(plain(activities[4]!.fields)).toEqual({
      leverancier: 'sociaal-ondernemer',
      factuurbedrag: '#2000000',
      aandeelDoelgroep: null,
      missieVoorop: null,
      aandeelCommercieel: null,
      omschrijving: null,
    });
    expect(plain(activities[5]!.fields)).toEqual({ uren: '#40', omschrijving: null });
  });

  test('percentages become ratios', () => {
    const result = parseContract({
      ...base,
      arbeidsaandeel: 40,
      activiteiten: [
        {
          soort: 'inkoop',
          leverancier: 'sw-bedrijf',
          factuurbedrag: 1000,
          aandeelDoelgroep: 35,
          aandeelCommercieel: 12.5,
        },
      ],
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.value!.fields.get('arbeidsaandeel')).toEqual(Rational.of(2, 5));
    const inkoop = result.value!.activities[0]!.fields;
    expect(inkoop.get('aandeelDoelgroep')).toEqual(Rational.of(7, 20));
    expect(inkoop.get('aandeelCommercieel')).toEqual(Rational.of(1, 8));
  });

  test('money may be a JSON number with at most two decimals', () => {
    const result = parseContract({ ...base, waarde: 1250.5 });
    expect(result.value!.fields.get('waarde')).toEqual(Rational.of(125_050));
  });

  test('money text may have no or one decimal and surrounding spaces', () => {
    expect(parseContract({ ...base, waarde: '1250' }).value!.fields.get('waarde')).toEqual(
      Rational.of(125_000),
    );
    expect(parseContract({ ...base, waarde: ' 12.5 ' }).value!.fields.get('waarde')).toEqual(
      Rational.of(1250),
    );
  });

  test('an einddatum equal to the startdatum is allowed', () => {
    expect(problems({ ...base, startdatum: '2024-03-01', einddatum: '2024-03-01' })).toEqual([]);
  });

  test('2024-02-29 is a date', () => {
    expect(problems({ ...base, gunningsdatum: '2024-02-29' })).toEqual([]);
  });
});

describe('problems carry the exact JSON path', () => {
  test('every problem is reported at once, each at its own path', () => {
    expect(
      problems({
        ...base,
        waarde: '-5.00',
        gunningsdatum: '2023-02-30',
        activiteiten: [{ ...placement, fte: 2, maanden: 0, fet: 1 }, 5, {}],
        fooo: 1,
      }),
    ).toEqual([
      ['SR5014', 'waarde'],
      ['SR5015', 'gunningsdatum'],
      ['SR5012', 'activiteiten[0].fte'],
      ['SR5012', 'activiteiten[0].maanden'],
      ['SR5006', 'activiteiten[0].fet'],
      ['SR5011', 'activiteiten[1]'],
      ['SR5017', 'activiteiten[2].soort'],
      ['SR5006', 'fooo'],
    ]);
  });

  test('a contract that is not an object is reported at (contract)', () => {
    for (const json of [null, [], 'x', 5])
      expect(only(json)).toMatchObject({ code: 'SR5011', path: '(contract)' });
    expect(only([]).args).toEqual({ expected: 'een object { ... }', actual: '[]' });
  });

  test('activiteiten that is not a list is a type error at activiteiten', () => {
    expect(only({ ...base, activiteiten: {} })).toEqual({
      code: 'SR5011',
      severity: 'error',
      args: { expected: 'een lijst [ ... ]', actual: '{}' },
      path: 'activiteiten',
    });
  });

  test('a wrongly typed field names what was expected and what was given', () => {
    expect(only({ ...base, activiteiten: [{ ...placement, fte: '1' }] })).toEqual({
      code: 'SR5011',
      severity: 'error',
      args: { expected: 'een getal', actual: '"1"' },
      path: 'activiteiten[0].fte',
    });
    expect(only({ ...base, gunningsdatum: 20240201 }).args).toEqual({
      expected: 'een datum ("JJJJ-MM-DD")',
      actual: '20240201',
    });
  });

  test('a number out of range names the allowed range', () => {
    expect(only({ ...base, activiteiten: [{ ...placement, fte: 1.6 }] })).toEqual({
      code: 'SR5012',
      severity: 'error',
      args: { value: '1.6', range: '> 0 en ≤ 1.5' },
      path: 'activiteiten[0].fte',
    });
    const leerling = { soort: 'leerling', opleiding: 'hbo', fte: 1, maanden: 2, niveau: 2.5 };
    expect(only({ ...base, activiteiten: [leerling] }).args).toEqual({
      value: '2.5',
      range: 'geheel getal ≥ 1 en ≤ 4',
    });
    expect(only({ ...base, arbeidsaandeel: 101 }).args).toEqual({ value: '101', range: '≥ 0 en ≤ 100' });
  });

  test('a long value is shortened in the message', () => {
    const d = only({ ...base, id: { tekst: 'y'.repeat(100) } });
    expect(d.args['actual']).toBe(`${JSON.stringify({ tekst: 'y'.repeat(100) }).slice(0, 57)}...`);
  });
});

describe('unknown fields', () => {
  test('an unknown contract field is rejected with a suggestion and the allowed fields', () => {
    expect(only({ ...base, waarder: '5.00' })).toEqual({
      code: 'SR5006',
      severity: 'error',
      args: {
        name: "'waarder'",
        allowed:
          'id, gemeente, omschrijving, opdrachtsoort, waarde, gunningsdatum, startdatum, einddatum, inspanningAangetoond, arbeidsaandeel, activiteiten',
      },
      path: 'waarder',
      suggestions: ['waarde'],
    });
  });

  test("an unknown activity field is rejected with a suggestion from that kind's fields", () => {
    expect(only({ ...base, activiteiten: [{ ...placement, fet: 1 }] })).toEqual({
      code: 'SR5006',
      severity: 'error',
      args: {
        name: "'fet'",
        allowed:
          'soort, doelgroep, contractvorm, fte, maanden, leeftijd, arbeidsbeperking, naStageVsoPro, omschrijving',
      },
      path: 'activiteiten[0].fet',
      suggestions: ['fte'],
    });
  });

  test('an unknown field with no near name gets no suggestion', () => {
    expect(only({ ...base, xyzzy: 1 }).suggestions).toBeUndefined();
  });
});

describe('activity kinds', () => {
  test('an unknown soort is rejected with a suggestion and the known kinds', () => {
    expect(only({ ...base, activiteiten: [{ soort: 'plaatsng' }] })).toEqual({
      code: 'SR5018',
      severity: 'error',
      args: {
        value: '"plaatsng"',
        allowed:
          'plaatsing, leerling, arbeidsontwikkeling, scholing, inkoop, maatschappelijk, investering, maatwerk, overdracht',
      },
      path: 'activiteiten[0].soort',
      suggestions: ['plaatsing'],
    });
  });

  test('a soort that is not text is an unknown soort without suggestions', () => {
    const d = only({ ...base, activiteiten: [{ soort: 5 }] });
    expect([d.code, d.path, d.args['value'], d.suggestions]).toEqual([
      'SR5018',
      'activiteiten[0].soort',
      '5',
      undefined,
    ]);
  });

  test('names of Object.prototype members are not activity kinds', () => {
    for (const soort of ['toString', '__proto__', 'constructor'])
      expect(problems({ ...base, activiteiten: [{ soort }] })).toEqual([['SR5018', 'activiteiten[0].soort']]);
  });

  test('a soort inherited through __proto__ does not count as given', () => {
    const json = JSON.parse('{"__proto__": {"soort": "scholing"}, "kosten": "1.00"}') as unknown;
    expect(problems({ ...base, activiteiten: [json] })).toEqual([['SR5017', 'activiteiten[0].soort']]);
  });
});

describe('required fields', () => {
  test('each missing contract field is reported with its description', () => {
    expect(parseContract({ activiteiten: [] }).diagnostics).toEqual([
      {
        code: 'SR5017',
        severity: 'error',
        args: {
          name: 'opdrachtsoort',
          doc: 'Soort opdracht: diensten, werken of leveringen',
          'doc@en': 'Kind of contract: services, works or supplies',
        },
        path: 'opdrachtsoort',
      },
      {
        code: 'SR5017',
        severity: 'error',
        args: {
          name: 'waarde',
          doc: 'Contractwaarde exclusief btw',
          'doc@en': 'Contract value excluding VAT',
        },
        path: 'waarde',
      },
      {
        code: 'SR5017',
        severity: 'error',
        args: {
          name: 'gunningsdatum',
          doc: 'Datum van gunning: kiest de periode en elk tarief',
          'doc@en': 'Award date: chooses the period and every tariff',
        },
        path: 'gunningsdatum',
      },
    ]);
  });

  test('a missing activiteiten list is a missing field', () => {
    const { activiteiten: _, ...withoutActivities } = base;
    expect(only(withoutActivities)).toMatchObject({ code: 'SR5017', path: 'activiteiten' });
  });

  test("the hint quotes the field's description in the language of the message", () => {
    const { waarde: _, ...withoutValue } = base;
    const missing = only(withoutValue);
    expect([renderMessage(missing.code, missing.args), renderHint(missing)]).toEqual([
      'Verplicht veld waarde ontbreekt',
      'waarde: Contractwaarde exclusief btw.',
    ]);
    expect([renderMessage(missing.code, missing.args, 'en'), renderHint(missing, 'en')]).toEqual([
      'Required field waarde is missing',
      'waarde: Contract value excluding VAT.',
    ]);
    const { activiteiten: __, ...withoutActivities } = base;
    expect(renderHint(only(withoutActivities), 'en')).toBe(
      'activiteiten: list of activities, possibly empty: [].',
    );
  });

  test('a missing activity field is reported at its path', () => {
    const { fte: _, ...withoutFte } = placement;
    expect(only({ ...base, activiteiten: [withoutFte] })).toEqual({
      code: 'SR5017',
      severity: 'error',
      args: {
        name: 'fte',
        doc: 'Omvang; 1 fte is 36 uur per week',
        'doc@en': 'Size; 1 fte is 36 hours a week',
      },
      path: 'activiteiten[0].fte',
    });
  });
});

describe('money', () => {
  test.each([['-5.00'], [-5], ['-0.01']])('negative money %j is an error', (waarde) => {
    expect(only({ ...base, waarde })).toEqual({
      code: 'SR5014',
      severity: 'error',
      args: { value: JSON.stringify(waarde) },
      path: 'waarde',
    });
  });

  test.each([['1.234'], [1.234], [0.1 + 0.2]])(
    'money with three decimals %j is not a valid amount',
    (waarde) => {
      expect(only({ ...base, waarde })).toEqual({
        code: 'SR5013',
        severity: 'error',
        args: { value: JSON.stringify(waarde) },
        path: 'waarde',
      });
    },
  );

  test.each([['€ 5'], ['1.250,00'], ['1e3'], ['+5'], ['']])(
    'money text %j is not a valid amount',
    (waarde) => {
      expect(only({ ...base, waarde }).code).toBe('SR5013');
    },
  );

  test('money of the wrong type is a type error', () => {
    expect(only({ ...base, waarde: true }).args).toEqual({
      expected: 'een bedrag ("1250.00")',
      actual: 'true',
    });
  });

  test('negative money inside an activity is reported at its path', () => {
    expect(problems({ ...base, activiteiten: [{ soort: 'scholing', kosten: '-1850.00' }] })).toEqual([
      ['SR5014', 'activiteiten[0].kosten'],
    ]);
  });
});

describe('dates', () => {
  test('2023-02-30 is not an existing date', () => {
    expect(only({ ...base, gunningsdatum: '2023-02-30' })).toEqual({
      code: 'SR5015',
      severity: 'error',
      args: { value: '"2023-02-30"' },
      path: 'gunningsdatum',
    });
  });

  test('2023-02-29 is not an existing date', () => {
    expect(problems({ ...base, gunningsdatum: '2023-02-29' })).toEqual([['SR5015', 'gunningsdatum']]);
  });

  test('an einddatum before the startdatum is reported at einddatum with both dates', () => {
    expect(only({ ...base, startdatum: '2024-05-01', einddatum: '2024-04-30' })).toEqual({
      code: 'SR5016',
      severity: 'error',
      args: { start: '2024-05-01', end: '2024-04-30' },
      path: 'einddatum',
    });
  });
});

describe('__proto__ and other hostile keys', () => {
  test('a __proto__ key is rejected as an unknown field and Object.prototype is not polluted', () => {
    const json = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "opdrachtsoort": "diensten", "waarde": "1.00", "gunningsdatum": "2024-02-01",' +
        ' "activiteiten": [{"soort": "scholing", "kosten": "1.00", "__proto__": {"polluted": "yes"}}]}',
    ) as unknown;
    expect(problems(json)).toEqual([
      ['SR5006', 'activiteiten[0].__proto__'],
      ['SR5006', '__proto__'],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a constructor key is an unknown field', () => {
    expect(problems({ ...base, constructor: 1 })).toEqual([['SR5006', 'constructor']]);
  });
});

describe('enumerations', () => {
  const enums: EnumerationValues = {
    doelgroep: ['participatiewet', 'ww'],
    opdrachtsoort: ['diensten', 'werken'],
  };

  test("a value outside the ruleset's enumeration names the allowed values and the closest one", () => {
    expect(only({ ...base, activiteiten: [{ ...placement, doelgroep: 'particpatiewet' }] }, enums)).toEqual({
      code: 'SR5004',
      severity: 'error',
      args: { value: '"particpatiewet"', field: 'doelgroep', allowed: 'participatiewet, ww' },
      path: 'activiteiten[0].doelgroep',
      suggestions: ['participatiewet'],
    });
  });

  test('a contract-level enumeration is checked too', () => {
    expect(only({ ...base, opdrachtsoort: 'leveringen' }, enums)).toMatchObject({
      code: 'SR5004',
      path: 'opdrachtsoort',
      args: { value: '"leveringen"', field: 'opdrachtsoort', allowed: 'diensten, werken' },
    });
  });

  test("a value of the ruleset's enumeration is accepted even if the shared vocabulary lacks it", () => {
    const extended: EnumerationValues = { doelgroep: ['statushouder'] };
    expect(
      problems({ ...base, activiteiten: [{ ...placement, doelgroep: 'statushouder' }] }, extended),
    ).toEqual([]);
  });

  test('equal enumerations in new objects give the same answers, and other enumerations their own', () => {
    // The checks are cached by content too (an editor makes new, equal enumerations per keystroke):
    // a cache keyed by content alone would confuse the third set with the first two.
    const withValue = (doelgroep: string) => ({ ...base, activiteiten: [{ ...placement, doelgroep }] });
    for (const same of [{ doelgroep: ['ww'] }, { doelgroep: ['ww'] }]) {
      expect(problems(withValue('ww'), same)).toEqual([]);
      expect(problems(withValue('participatiewet'), same)).toEqual([['SR5004', 'activiteiten[0].doelgroep']]);
    }
    const other: EnumerationValues = { doelgroep: ['participatiewet'] };
    expect(problems(withValue('participatiewet'), other)).toEqual([]);
    expect(problems(withValue('ww'), other)).toEqual([['SR5004', 'activiteiten[0].doelgroep']]);
  });

  test('without enumerations any lower-case name is accepted and anything else is refused', () => {
    expect(problems({ ...base, activiteiten: [{ ...placement, doelgroep: 'iets-nieuws' }] })).toEqual([]);
    expect(only({ ...base, activiteiten: [{ ...placement, doelgroep: 'Participatiewet' }] }).args).toEqual({
      value: '"Participatiewet"',
      field: 'doelgroep',
      allowed: 'kleine letters en -',
    });
  });
});

describe('limits', () => {
  test('more activities than the limit is one size error at activiteiten', () => {
    const many = Array.from({ length: inputLimits.maxActivities + 1 }, () => ({
      soort: 'scholing',
      kosten: '1.00',
    }));
    expect(parseContract({ ...base, activiteiten: many }).diagnostics).toEqual([
      {
        code: 'SR5019',
        severity: 'error',
        args: {
          reason: `meer dan ${inputLimits.maxActivities} activiteiten`,
          'reason@en': `more than ${inputLimits.maxActivities} activities`,
        },
        path: 'activiteiten',
      },
    ]);
  });

  test('a contract nested 100,000 levels deep is a type error, not a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(only(deep)).toEqual({
      code: 'SR5011',
      severity: 'error',
      args: { expected: 'een object { ... }', actual: '[...]' },
      path: '(contract)',
    });
    expect(only({ ...base, activiteiten: [deep] }).path).toBe('activiteiten[0]');
  });
});

describe('formatJsonPath', () => {
  test('joins names with dots and indices in brackets', () => {
    expect(formatJsonPath(['activiteiten', 0, 'fte'])).toBe('activiteiten[0].fte');
    expect(formatJsonPath([0, 'a'])).toBe('[0].a');
    expect(formatJsonPath([])).toBe('(contract)');
  });
});

describe('contractJsonSchema', () => {
  test('describes the contract with its required fields and no others', () => {
    const schema = contractJsonSchema() as {
      $id: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.$id).toBe('https://sroi.dev/schema/contract-v1.json');
    expect(schema.required).toEqual(['opdrachtsoort', 'waarde', 'gunningsdatum', 'activiteiten']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      'id',
      'gemeente',
      'omschrijving',
      'opdrachtsoort',
      'waarde',
      'gunningsdatum',
      'startdatum',
      'einddatum',
      'inspanningAangetoond',
      'arbeidsaandeel',
      'activiteiten',
    ]);
  });

  test("lists a ruleset's enumeration values when given", () => {
    const schema = contractJsonSchema({ opdrachtsoort: ['diensten', 'werken'] }) as {
      properties: { opdrachtsoort: { enum?: string[]; pattern?: string } };
    };
    expect(schema.properties.opdrachtsoort.enum).toEqual(['diensten', 'werken']);
    const open = contractJsonSchema() as typeof schema;
    expect(open.properties.opdrachtsoort.enum).toBeUndefined();
    expect(open.properties.opdrachtsoort.pattern).toBe('^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$');
  });

  /** Every `description` (and `title`) of a schema by its JSON pointer, and the schema without them. */
  const descriptions = (schema: unknown): { texts: Map<string, string>; rest: unknown } => {
    const texts = new Map<string, string>();
    const strip = (node: unknown, at: string): unknown => {
      if (Array.isArray(node)) return node.map((n, i) => strip(n, `${at}/${i}`));
      if (typeof node !== 'object' || node === null) return node;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') texts.set(at, v);
        else if (k === 'title' && typeof v === 'string') texts.set(`${at}#title`, v);
        else out[k] = strip(v, `${at}/${k}`);
      }
      return out;
    };
    return { texts, rest: strip(schema, '') };
  };

  test('its descriptions are Dutch by default and English with lang en; nothing else differs', () => {
    const nl = descriptions(contractJsonSchema());
    const en = descriptions(contractJsonSchema(undefined, 'en'));
    expect(contractJsonSchema(undefined, 'nl')).toEqual(contractJsonSchema());
    expect(en.rest).toEqual(nl.rest);
    expect([...en.texts.keys()]).toEqual([...nl.texts.keys()]);
    expect(nl.texts.get('/properties/waarde')).toBe('Contractwaarde exclusief btw');
    expect(en.texts.get('/properties/waarde')).toBe('Contract value excluding VAT');
    expect(en.texts.get('')).toBe('Contract with social return activities (docs/contract-format.md)');
    expect(nl.texts.get('')).toBe('Contract met social-return-activiteiten (docs/contract-format.md)');
    // Every field's own description, at any depth, is translated (the shapes' "Percentage 0-100" is the same).
    const translated = [...en.texts].filter(([at, text]) => text !== nl.texts.get(at));
    expect(translated.length).toBe(
      en.texts.size - [...en.texts.values()].filter((t) => t === 'Percentage 0-100').length,
    );
  });

  test('with lang en, each activity field is described by its English doc', () => {
    const schema = contractJsonSchema({ doelgroep: ['ww'] }, 'en') as {
      title: string;
      properties: {
        activiteiten: { items: { oneOf: { properties: Record<string, { description?: string }> }[] } };
      };
    };
    expect(schema.title).toBe('SROI contract');
    const plaatsing = schema.properties.activiteiten.items.oneOf[0]!.properties;
    expect(plaatsing['doelgroep']!.description).toBe('Target group of the person placed');
    expect(plaatsing['fte']!.description).toBe('Size; 1 fte is 36 hours a week');
  });
});

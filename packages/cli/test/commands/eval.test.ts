import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, miniContract, rijnmond, rijnmondContract, scratch, sroi } from '../support/run.js';

const tmp = scratch('eval');
afterAll(tmp.remove);

/** The result of the mini ruleset for plaatsing.json, as `eval --json` prints it without explanations. */
const miniResult = {
  regeling: 'Mini',
  periode: '2024',
  contract: 'MINI-1',
  verplichting: '5000.00',
  waarderingen: [
    { index: 0, soort: 'plaatsing', bedrag: '2500.00', route: 'werken' },
    { index: 1, soort: 'maatschappelijk', bedrag: '6000.00', route: 'overig' },
  ],
  gerealiseerd: '3000.00',
  restant: '2000.00',
  overschot: '0.00',
  percentage: '60.00',
  boete: '2000.00',
  routes: [
    { naam: 'werken', label: 'Werken', totaal: '2500.00', gerealiseerd: '2500.00' },
    { naam: 'overig', label: 'Overig', totaal: '6000.00', gerealiseerd: '500.00', maximum: '500.00' },
  ],
  meldingen: [
    {
      soort: 'maximum',
      tekst: 'Route Overig begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee',
      route: 'overig',
    },
  ],
};

describe('sroi eval', () => {
  test('evaluates the sample contract against the Rijnmond ruleset, explained, and exits 0', async () => {
    const { code, out, err } = await sroi('eval', rijnmond, rijnmondContract);
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Social Return Rijnmond 2023-2027 · periode 2023-2027 · contract RTD-2024-017');
    expect(lines[2]).toMatch(/^Verplichting +€ [\d.]+,\d\d$/);
    expect(lines.filter((l) => /^ {2}\d+\. /.test(l)).map((l) => l.trim().split(' ')[1])).toEqual([
      'plaatsing',
      'leerling',
      'arbeidsontwikkeling',
      'scholing',
      'inkoop',
      'maatschappelijk',
      'investering',
      'maatwerk',
      'overdracht',
    ]);
  });

  test('--json prints the result format for the Rijnmond ruleset and exits 0', async () => {
    const { code, out, err } = await sroi('eval', '--json', rijnmond, rijnmondContract);
    expect([code, err]).toEqual([0, '']);
    const result = JSON.parse(out) as Record<string, unknown> & {
      waarderingen: { index: number; bedrag: string }[];
    };
    expect(Object.keys(result)).toEqual([
      'regeling',
      'periode',
      'contract',
      'verplichting',
      'waarderingen',
      'gerealiseerd',
      'restant',
      'overschot',
      'percentage',
      'boete',
      'routes',
      'meldingen',
      'uitleg',
    ]);
    expect(result['verplichting']).toMatch(/^\d+\.\d\d$/);
    expect(result.waarderingen.map((w) => w.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.waarderingen.every((w) => /^\d+\.\d\d$/.test(w.bedrag))).toBe(true);
  });

  test('--json --no-explain prints exactly the result without explanations', async () => {
    const { code, out, err } = await sroi('eval', '--json', '--no-explain', mini, miniContract);
    expect([code, err]).toEqual([0, '']);
    expect(JSON.parse(out)).toEqual(miniResult);
  });

  test('--json includes the explanation of every valuation, route and outcome', async () => {
    const result = JSON.parse((await sroi('eval', '--json', mini, miniContract)).out) as {
      waarderingen: { uitleg: { regel: string; plaats: unknown } }[];
      uitleg: Record<string, unknown>;
    };
    expect(result.waarderingen.map((w) => [w.uitleg.regel, w.uitleg.plaats])).toEqual([
      ['waardering plaatsing', { bestand: mini, regel: 31, kolom: 1 }],
      ['waardering maatschappelijk', { bestand: mini, regel: 41, kolom: 1 }],
    ]);
    expect(Object.keys(result.uitleg)).toEqual([
      'verplichting',
      'gerealiseerd',
      'restant',
      'percentage',
      'boete',
      'overschot',
    ]);
  });

  test('--kort prints only the amounts', async () => {
    expect(await sroi('eval', '--kort', mini, miniContract)).toEqual({
      code: 0,
      err: '',
      out: [
        'Mini · periode 2024 · contract MINI-1',
        '',
        'Verplichting                                                 € 5.000,00',
        'Waarderingen',
        '  1. plaatsing (Werken)                                      € 2.500,00',
        '  2. maatschappelijk (Overig)                                € 6.000,00',
        '',
        'Routes',
        '  Werken                                                     € 2.500,00',
        '  Overig                                                       € 500,00  (€ 6.000,00, begrensd op € 500,00)',
        '',
        'Gerealiseerd                                                 € 3.000,00',
        'Restant                                                      € 2.000,00',
        'Percentage                                                       60,00%',
        'Boete                                                        € 2.000,00',
        '',
        'Meldingen',
        '  ! overig: Route Overig begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee',
        '',
      ].join('\n'),
    });
  });

  test('the text explanation shows why a bonus did not apply', async () => {
    const { out } = await sroi('eval', mini, miniContract);
    expect(out.split('\n').filter((l) => l.includes('✗'))).toEqual([
      '              ✗ activiteit.contractvorm = onbepaald  (activiteit.contractvorm = bepaald)',
      '        ✗ verplichting = € 0  (verplichting = € 5.000,00)',
    ]);
  });

  test('an invalid contract exits 2 naming the JSON path and the file:line:col of the offending value', async () => {
    const line =
      '    { "soort": "plaatsing", "doelgroep": "participatiewet", "contractvorm": "bepaald", "fte": 2, "maanden": 6 }';
    const contract = tmp.write(
      'fte.json',
      ['{', '  "opdrachtsoort": "diensten",', '  "waarde": "100000.00",', '  "gunningsdatum": "2024-05-01",']
        .concat(['  "activiteiten": [', line, '  ]', '}'])
        .join('\n'),
    );
    const column = line.indexOf('"fte"') + 1;
    expect(await sroi('eval', mini, contract)).toEqual({
      code: 2,
      out: '',
      err: [
        `${contract}:6:${column}: fout SR5012: activiteiten[0].fte: 2 ligt buiten het toegestane bereik: > 0 en ≤ 1.5`,
        '  |',
        `6 | ${line}`,
        `  | ${' '.repeat(column - 1)}${'^'.repeat('"fte": 2'.length)}`,
        '',
      ].join('\n'),
    });
  });

  test('an invalid contract in gnu format is one line per problem', async () => {
    const contract = tmp.write(
      'twee.json',
      '{"opdrachtsoort": "diensten", "waarde": "-1.00", "gunningsdatum": "2024-02-30", "activiteiten": []}',
    );
    expect(await sroi('eval', '--format', 'gnu', mini, contract)).toEqual({
      code: 2,
      out: '',
      err: [
        `${contract}:1:31: error SR5014: waarde: Een bedrag mag niet negatief zijn ("-1.00")`,
        `${contract}:1:50: error SR5015: gunningsdatum: "2024-02-30" is geen bestaande datum (Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld "2024-02-01".)`,
        '',
      ].join('\n'),
    });
  });

  test("a value outside the ruleset's enumeration names the allowed values", async () => {
    const contract = tmp.write(
      'doelgroep.json',
      JSON.stringify({
        opdrachtsoort: 'diensten',
        waarde: '1.00',
        gunningsdatum: '2024-05-01',
        activiteiten: [{ soort: 'plaatsing', doelgroep: 'wia', contractvorm: 'bepaald', fte: 1, maanden: 1 }],
      }),
    );
    const { code, err } = await sroi('eval', '--format', 'gnu', mini, contract);
    const column = readFileSync(contract, 'utf8').indexOf('"doelgroep"') + 1;
    expect(code).toBe(2);
    expect(err).toBe(
      `${contract}:1:${column}: error SR5004: activiteiten[0].doelgroep: "wia" is geen toegestane waarde voor doelgroep (Toegestaan: participatiewet, ww.)\n`,
    );
  });

  test('a gunningsdatum outside every period exits 2 at the gunningsdatum and names the periods', async () => {
    const contract = tmp.write(
      'periode.json',
      JSON.stringify({
        opdrachtsoort: 'diensten',
        waarde: '1.00',
        gunningsdatum: '2025-01-01',
        activiteiten: [],
      }),
    );
    const column = readFileSync(contract, 'utf8').indexOf('"gunningsdatum"') + 1;
    expect(await sroi('eval', '--format', 'gnu', mini, contract)).toEqual({
      code: 2,
      out: '',
      err: `${contract}:1:${column}: error SR5001: gunningsdatum: gunningsdatum 2025-01-01 valt in geen periode van 'Mini' (Perioden: 2024 (2024-01-01 t/m 2024-12-31).)\n`,
    });
  });

  test('an evaluation error of the ruleset itself exits 1 and points into the ruleset', async () => {
    const unguarded = tmp.write(
      'deling.sroi',
      readFileSync(mini, 'utf8').replace(
        'als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)',
        'afronden(gerealiseerd / verplichting, op 0,01%)',
      ),
    );
    const contract = tmp.write(
      'nul.json',
      JSON.stringify({
        opdrachtsoort: 'diensten',
        waarde: '0.00',
        gunningsdatum: '2024-05-01',
        activiteiten: [],
      }),
    );
    expect(await sroi('eval', '--format', 'gnu', unguarded, contract)).toEqual({
      code: 1,
      out: '',
      err: `${unguarded}:62:25: error SR5005: Deling door nul in deling (Bescherm de deling met als ... = 0 dan ... anders ....)\n`,
    });
  });

  test('a ruleset with errors exits 1 before reading the contract', async () => {
    const broken = tmp.write('kapot.sroi', 'regeling "x"\nparameter\n');
    const { code, out } = await sroi('eval', broken, 'bestaat-niet.json');
    expect([code, out]).toEqual([1, '']);
  });
});

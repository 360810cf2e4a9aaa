import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildMatrix, compareContract, compareCsv, csvField, matrixCsv } from '../../src/index.js';
import { review, rulesetsDir } from '../support/rulesets.js';

describe('CSV of the matrix', () => {
  const csv = matrixCsv(
    buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]),
  );
  const lines = csv.split('\r\n');

  test('opens in a Dutch spreadsheet: a byte order mark, `;` between fields, CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFsectie;regel;Social return Haaglanden en Zuid-Holland Centraal 2023;')).toBe(
      true,
    );
    expect(lines[0]).toContain(';Social return Leidschendam-Voorburg 2025: grondslag;');
    expect(lines.at(-1)).toBe('');
  });

  test('amounts are numbers with a decimal comma, percentages "5%"; every value says bron or aanname', () => {
    const placement = lines.find((l) =>
      l.startsWith('Waarde van standaardactiviteiten (berekend);Plaatsing participatiewet ('),
    )!;
    expect(placement.split(';').slice(2, 4)).toEqual(['40000,00', 'bron']);
    const share = lines.find((l) => l.includes(';Verplichting in % bij arbeidsaandeel 29,99%'))!;
    expect(share.split(';')[2]).toBe('5%');
    expect(share.split(';')[5]).toBe('2%');
    const inkoop = lines.find((l) => l.includes(';Inkoop sw-bedrijf ('))!;
    expect(inkoop.split(';')[3]).toBe('aanname');
  });

  test('no JSON in cells, and a note says why a probe is € 0', () => {
    expect(csv).not.toMatch(/[{[]"/);
    const bol = lines.find((l) => l.includes(';Leerling mbo-bol ('))!;
    expect(bol).toContain('Deze leerling telt in de bouwblokken niet');
  });

  test('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-')).toBe('-');
    expect(csvField('−€ 5')).toBe('−€ 5');
  });
});

describe('spreadsheet and JSON reports (golden: exactly as the CLI writes them)', () => {
  const contract: unknown = JSON.parse(
    readFileSync(join(rulesetsDir, 'examples/schoonmaak-stadskantoor.json'), 'utf8'),
  );
  const pair = () =>
    buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]);

  test('matrix CSV of Haaglanden and Leidschendam-Voorburg', async () => {
    await expect(matrixCsv(pair())).toMatchFileSnapshot('golden/matrix-haaglanden-leidschendam-voorburg.csv');
  });

  test('matrix JSON of Haaglanden and Leidschendam-Voorburg, in English', async () => {
    const m = buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')], {
      lang: 'en',
    });
    await expect(JSON.stringify(m, null, 2) + '\n').toMatchFileSnapshot(
      'golden/matrix-haaglanden-leidschendam-voorburg.en.json',
    );
  });

  test('compare CSV of the sample contract under Rijnmond 2019-2023 and 2023-2027', async () => {
    const c = compareContract(
      [review('rijnmond-2019-2023.sroi'), review('rijnmond-2023-2027.sroi')],
      contract,
    );
    await expect(compareCsv(c)).toMatchFileSnapshot('golden/compare-rijnmond.csv');
  });
});

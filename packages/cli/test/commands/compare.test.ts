import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { rijnmond, rijnmondContract, scratch, sroi } from '../support/run.js';

const tmp = scratch('compare');
afterAll(tmp.remove);
const old = rijnmond.replace('rijnmond-2023-2027', 'rijnmond-2019-2023');
const haaglanden = rijnmond.replace('rijnmond-2023-2027', 'haaglanden-zhc-2023');

describe('sroi compare', () => {
  test('shows the contract under each ruleset, says when its date was moved, and explains the differences', async () => {
    const { code, out, err } = await sroi(
      'compare',
      old,
      rijnmond,
      haaglanden,
      '--contract',
      rijnmondContract,
    );
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Eén contract onder meerdere regelingen: RTD-2024-017 — Schoonmaak stadskantoor');
    expect(lines[2]).toBe(
      '      gunningsdatum 2024-02-01 valt buiten de periode 2019-2023 (2019-10-01 t/m 2023-06-30); gerekend met 2023-06-30',
    );
    expect(lines.find((l) => l.startsWith('Verplichting'))).toMatch(
      /€ 62\.500,00 +€ 62\.500,00° +€ 62\.500,00°$/,
    );
    expect(lines.find((l) => l.startsWith('  1. plaatsing'))).toMatch(
      /€ 48\.333,33° +€ 59\.166,67° +€ 46\.666,67 {2}\*$/,
    );
    expect(lines).toContain('Verschillen verklaard:');
    expect(lines).toContain(
      '      tabel jaarwaarde_plaatsing: € 35.000,00 per jaar → € 40.000,00 per jaar  (' + rijnmond + ':61)',
    );
  });

  test('--json prints the comparison as data', async () => {
    const { code, out } = await sroi('compare', '--json', old, rijnmond, '--contract', rijnmondContract);
    expect(code).toBe(0);
    const c = JSON.parse(out) as { rulesets: { date: { moved: boolean } }[]; activities: unknown[] };
    expect(c.rulesets.map((r) => r.date.moved)).toEqual([true, false]);
    expect(c.activities).toHaveLength(9);
  });

  test('--html writes a page without scripts, its columns named after the rulesets, each value with bron or aanname', async () => {
    const { code, out } = await sroi('compare', '--html', old, rijnmond, '--contract', rijnmondContract);
    expect(code).toBe(0);
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("default-src 'none'");
    expect(out).toContain(
      '<th>Social Return Rijnmond 2019-2023</th><th>Social Return Rijnmond 2023-2027</th>',
    );
    expect(out).toMatch(
      /€ 62\.500,00<span class="tag aanname" title="aanname in: [^"]*parameter sr_percentage/,
    );
  });

  test('--csv writes `;`-separated rows with a BOM, amounts with a decimal comma and the footing of each value', async () => {
    const { code, out } = await sroi('compare', '--csv', old, rijnmond, '--contract', rijnmondContract);
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFsoort;regel;Social Return Rijnmond 2019-2023;Social Return Rijnmond 2019-2023: grondslag;Social Return Rijnmond 2019-2023: rust op;Social Return Rijnmond 2023-2027;Social Return Rijnmond 2023-2027: grondslag;Social Return Rijnmond 2023-2027: rust op;verschilt',
    );
    expect(lines[1]!.split(';').slice(0, 4)).toEqual(['uitkomst', 'verplichting', '62500,00', 'bron']);
    expect(lines.find((l) => l.startsWith('uitkomst;percentage;'))!.split(';')[2]).toBe('110,69%');
  });

  test('--xlsx writes a workbook beside the text (numbers as numbers: packages/analysis/test/node)', async () => {
    const file = `${tmp.dir}/vergelijking.xlsx`;
    const { code, out } = await sroi(
      'compare',
      old,
      rijnmond,
      '--contract',
      rijnmondContract,
      '--xlsx',
      file,
    );
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      'Eén contract onder meerdere regelingen: RTD-2024-017 — Schoonmaak stadskantoor',
    );
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  test.each([
    ['', [], 'kan niet schrijven'],
    [' (in English with --lang en)', ['--lang', 'en'], 'cannot write'],
  ])('an --xlsx file that cannot be written exits 3%s', async (_, lang, cannot) => {
    const xlsx = `${tmp.dir}/geen/map/x.xlsx`;
    const r = await sroi('compare', old, '--contract', rijnmondContract, '--xlsx', xlsx, ...lang);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`^sroi: --xlsx .*x\\.xlsx: ${cannot} \\(ENOENT`));
  });

  test('two output forms at once are a usage error', async () => {
    const r = await sroi('compare', '--json', '--csv', old, '--contract', rijnmondContract);
    expect([r.code, r.err]).toEqual([2, 'sroi: compare: kies één van --json, --html en --csv\n']);
  });

  test('without --contract, or with unreadable JSON, exits 2', async () => {
    expect((await sroi('compare', old, rijnmond)).code).toBe(2);
    const bad = tmp.write('kapot.json', '{ "waarde": ');
    const r = await sroi('compare', old, '--contract', bad);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toContain('SR5021');
  });

  test('a contract a ruleset refuses is reported with its JSON path and exits 2', async () => {
    const contract = tmp.write(
      'onbekend.json',
      JSON.stringify({
        opdrachtsoort: 'diensten',
        waarde: '100000.00',
        gunningsdatum: '2024-01-01',
        activiteiten: [
          { soort: 'plaatsing', doelgroep: 'marsmannetje', contractvorm: 'bepaald', fte: 1, maanden: 2 },
        ],
      }),
    );
    const r = await sroi('compare', rijnmond, haaglanden, '--contract', contract);
    expect(r.code).toBe(2);
    expect(r.err).toContain('activiteiten[0].doelgroep');
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rijnmond, sroi } from '../support/run.js';

const all = [
  rijnmond.replace('rijnmond-2023-2027', 'rijnmond-2019-2023'),
  rijnmond,
  rijnmond.replace('rijnmond-2023-2027', 'haaglanden-zhc-2023'),
  rijnmond.replace('rijnmond-2023-2027', 'leidschendam-voorburg-2025'),
  rijnmond.replace('rijnmond-2023-2027', 'schiedam-legacy'),
];

describe('sroi matrix', () => {
  test('prints the matrix of the five rulesets with divergent cells marked, and the portfolio beside them', async () => {
    const { code, out, err } = await sroi('matrix', ...all);
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Harmonisatiematrix');
    expect(lines.some((l) => l.startsWith('≠ definitie binnen_bereik'))).toBe(true);
    expect(lines).toContain('Voorbeeldportefeuille');
  });

  test('a portfolio line that is no JSON is located at its line and column and worded like any JSON input (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sroi-matrix-'));
    const portfolio = join(dir, 'p.jsonl');
    writeFileSync(portfolio, '{"opdrachtsoort":"diensten","activiteiten":[]}\n\n{"waarde": 12,, }\n');
    const { code, err } = await sroi('matrix', '--portfolio', portfolio, '--format', 'gnu', rijnmond);
    expect(code).toBe(2);
    expect(err).toContain(`${portfolio}:3:15: error SR5002: Geen geldige JSON: onverwacht ','`);
  });

  test('--csv prints one line per row for a Dutch spreadsheet, columns named after the rulesets', async () => {
    const { code, out } = await sroi('matrix', '--csv', ...all);
    expect(code).toBe(0);
    const [head] = out.split('\r\n');
    expect(head!.startsWith('\uFEFFsectie;regel;')).toBe(true);
    expect(head).toContain(';Social Return Rijnmond 2023-2027;Social Return Rijnmond 2023-2027: grondslag;');
    expect(head!.endsWith(';afwijkend')).toBe(true);
  });

  test('--xlsx writes the workbook beside the text report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sroi-matrix-')), 'matrix.xlsx');
    const { code, out } = await sroi('matrix', '--xlsx', file, ...all.slice(0, 2));
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Harmonisatiematrix');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  test('--html prints a printable page', async () => {
    const { code, out } = await sroi('matrix', '--html', ...all.slice(0, 2));
    expect(code).toBe(0);
    expect(out).toContain('<td class="divergent"');
  });

  test('a bad --peildatum or two output formats exit 2', async () => {
    expect((await sroi('matrix', '--peildatum', '2024-13-01', rijnmond)).code).toBe(2);
    expect((await sroi('matrix', '--csv', '--html', rijnmond)).code).toBe(2);
    expect((await sroi('matrix')).code).toBe(2);
  });
});

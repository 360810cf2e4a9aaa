import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { buildMatrix, matrixSheets } from '../../src/index.js';
import { writeReviewXlsx } from '../../src/node/index.js';
import { review } from '../support/rulesets.js';

const dir = mkdtempSync(join(tmpdir(), 'sroi-review-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review workbooks', () => {
  test('the matrix as XLSX: amounts and percentages are numbers with a format, texts stay texts', async () => {
    const m = buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]);
    const file = join(dir, 'matrix.xlsx');
    await writeReviewXlsx(file, matrixSheets(m));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Harmonisatiematrix', 'Samenvatting']);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const find = (start: string) => rows.find((r) => String(r[2]).startsWith(start))!;
    const placement = find('Plaatsing participatiewet (');
    expect([placement[3], placement[4], placement[6]]).toEqual([40000, 'bron', 40000]);
    const share = find('Verplichting in % bij arbeidsaandeel 29,99%');
    expect([share[3], share[6]]).toEqual([0.05, 0.02]);
    const row = sheet.getRow(rows.indexOf(share) + 2);
    expect(row.getCell(3).numFmt).toBe('0.####%');
    expect(sheet.getRow(rows.indexOf(placement) + 2).getCell(3).numFmt).toBe('"€" #,##0.00');
    expect(find('waarde sr_percentage')[6]).toMatch(/^als standaard\(/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });
});

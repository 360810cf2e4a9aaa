// The review sheets (matrix, compare) as an XLSX workbook through exceljs: numbers as numbers with
// a euro or percent format, the header row and the first columns frozen, text as text.
import type { Sheet, SheetValue } from '../render/csv.js';

/** Excel number formats per unit (the spreadsheet shows them in the reader's locale). */
const formats = { euro: '"€" #,##0.00', procent: '0.####%', aantal: '0' } as const;

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'blad';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** Writes the sheets as one workbook to `file`. */
export async function writeReviewXlsx(
  file: string,
  sheets: readonly Sheet[],
  frozenColumns = 1,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name, taken), {
      views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
    });
    ws.addRow([...sheet.columns]).font = { bold: true };
    for (const values of sheet.rows) {
      const row = ws.addRow(values.map(cellValue));
      values.forEach((v, i) => {
        if (v !== undefined && typeof v !== 'string') row.getCell(i + 1).numFmt = formats[v.unit];
      });
    }
    ws.columns.forEach((c, i) => {
      const longest = Math.max(
        sheet.columns[i]?.length ?? 0,
        ...sheet.rows.map((r) => {
          const v = r[i];
          return v === undefined ? 0 : typeof v === 'string' ? v.length : v.number.length + 3;
        }),
      );
      c.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  await wb.xlsx.writeFile(file);
}

/** A number as a number (a percentage as its fraction, so 5 % is 0,05 shown as 5%). */
function cellValue(v: SheetValue): string | number | null {
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  const n = Number(v.number);
  return v.unit === 'procent' ? n / 100 : n;
}

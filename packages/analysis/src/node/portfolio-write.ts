// Writing a generated portfolio as JSON Lines, CSV (the registration-tool shape that
// readPortfolio reads back) or XLSX (exceljs's streaming writer), contract by contract.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { activityKinds, contractFields } from '@sroi/core';
import { contractGenerator } from '../whatif/generate.js';
import type { PortfolioFormat } from './portfolio-read.js';

const contractColumns = Object.keys(contractFields);
const activityColumns = [
  'soort',
  ...new Set(
    Object.values(activityKinds)
      .flatMap((f) => Object.keys(f))
      .filter((n) => n !== 'omschrijving'),
  ),
];

/** A cell as the Dutch export writes it: decimal commas, ja/nee. */
function dutchCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') return String(v).replace('.', ',');
  const s = String(v);
  return /^-?\d+\.\d+$/.test(s) ? s.replace('.', ',') : s;
}
const csvCell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes `count` generated contracts from `seed` to `file` in `format`. */
export async function writeGeneratedPortfolio(
  file: string,
  count: number,
  seed: number,
  format: PortfolioFormat,
): Promise<void> {
  const next = contractGenerator(seed);
  if (format === 'xlsx') return writeXlsx(file, count, next);
  const out = createWriteStream(file);
  try {
    if (format === 'csv')
      await write(out, '\uFEFF' + [...contractColumns, ...activityColumns].join(';') + '\r\n');
    for (let i = 0; i < count; i++) {
      const c = next(i);
      if (format === 'jsonl') {
        await write(out, JSON.stringify(c) + '\n');
        continue;
      }
      const head = contractColumns.map((k) => csvCell(dutchCell(c[k])));
      const activities = c['activiteiten'] as Record<string, unknown>[];
      let text = '';
      if (activities.length === 0) text = head.join(';') + ';'.repeat(activityColumns.length) + '\r\n';
      for (const a of activities)
        text += [...head, ...activityColumns.map((k) => csvCell(dutchCell(a[k])))].join(';') + '\r\n';
      await write(out, text);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

async function writeXlsx(
  file: string,
  count: number,
  next: (i: number) => Record<string, unknown>,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const contracts = wb.addWorksheet('contracten');
  const activities = wb.addWorksheet('activiteiten');
  contracts.addRow(contractColumns).commit();
  activities.addRow(['contract', ...activityColumns]).commit();
  const cell = (v: unknown) => (typeof v === 'boolean' ? (v ? 'ja' : 'nee') : (v ?? null));
  for (let i = 0; i < count; i++) {
    const c = next(i);
    contracts.addRow(contractColumns.map((k) => cell(c[k]))).commit();
    for (const a of c['activiteiten'] as Record<string, unknown>[])
      activities.addRow([c['id'], ...activityColumns.map((k) => cell(a[k]))]).commit();
  }
  contracts.commit();
  activities.commit();
  await wb.commit();
}

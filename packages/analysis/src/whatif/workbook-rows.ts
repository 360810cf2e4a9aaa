// XLSX portfolios without the file: a workbook's two sheets as contracts, with where each was
// read (sheet, row, column). Browser-safe: node's streaming reader (../node/portfolio-read.ts) and
// the playground's in-memory workbook both feed it rows of cell texts (`cellText`).
import { diagnostic } from '@sroi/core';
import { columnOf, cellValue, type Column, type PortfolioItem } from './portfolio-rows.js';

export const contractSheets = ['contracten', 'contracts'];
export const activitySheets = ['activiteiten', 'activities'];

type Cell = unknown;
/** The value of an exceljs cell as text (dates as ISO dates; formulas by their result). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.richText) return o.richText.map((r) => r.text).join('');
  }
  if (typeof v === 'number') return String(v);
  return String(v);
}

/**
 * The contracts of a workbook from the rows of its two sheets, read side by side: `contracten`
 * (one row per contract) and `activiteiten` (one row per activity, with a column `contract`
 * holding the contract's id), activities in the same contract order as the contracts. The node
 * reader streams the rows from the file, the playground reads them from a loaded workbook.
 */
export async function* workbookItems(
  contracts: AsyncIterator<[number, string[]]>,
  activities: AsyncIterator<[number, string[]]>,
  shownAs: string,
): AsyncIterable<PortfolioItem> {
  const contractHeader = await contracts.next();
  if (contractHeader.done) {
    yield {
      problem: diagnostic('SR5304', {
        file: shownAs,
        sheet: "'contracten'",
        expected: contractSheets.join(', '),
      }),
      rows: 0,
    };
    return;
  }
  const cols = contractHeader.value[1].map((h) => columnOf(h));
  const activityHeader = await activities.next();
  const aHeader = activityHeader.done ? [] : activityHeader.value[1];
  const aCols = aHeader.map((h) =>
    h.trim() === 'contract'
      ? undefined
      : h.trim() === 'soort'
        ? ({ header: h, scope: 'activity', name: 'soort' } as Column)
        : ({
            ...columnOf(`activiteit.${h.trim().replace(/^activiteit[._]/, '')}`)!,
            header: h.trim(),
          } as Column),
  );
  const idColumn = aHeader.findIndex((h) => h.trim() === 'contract');
  let pending = activityHeader.done ? undefined : await activities.next();
  for (;;) {
    const next = await contracts.next();
    if (next.done) break;
    const [row, cells] = next.value;
    if (cells.every((c) => c.trim() === '')) continue;
    const contract: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      const t = cells[i] ?? '';
      if (c && t.trim() !== '') contract[c.name] = cellValue(t, c.spec);
    });
    const id = typeof contract['id'] === 'string' ? contract['id'] : String(contract['id'] ?? '');
    const list: Record<string, unknown>[] = [];
    const rows: number[] = [];
    while (
      pending &&
      !pending.done &&
      idColumn >= 0 &&
      (pending.value[1][idColumn] ?? '').trim() === id &&
      id !== ''
    ) {
      const [arow, acells] = pending.value;
      const a: Record<string, unknown> = {};
      aCols.forEach((c, i) => {
        const t = acells[i] ?? '';
        if (c && t.trim() !== '') a[c.name] = cellValue(t, c.spec);
      });
      list.push(a);
      rows.push(arow);
      pending = await activities.next();
    }
    const colName = (name: string, scope: 'contract' | 'activity') =>
      (scope === 'contract' ? cols : aCols).find((c) => c?.name === name)?.header ?? name;
    yield {
      contract: { ...contract, activiteiten: list },
      where: {
        file: shownAs,
        row,
        rows: 1 + rows.length,
        locate: (path) => {
          const m = /^activiteiten\[(\d+)\](?:\.(\w+))?/.exec(path ?? '');
          if (m)
            return {
              row: rows[Number(m[1])] ?? row,
              column: `activiteiten!${colName(m[2] ?? 'soort', 'activity')}`,
            };
          const name = (path ?? '').split(/[.[]/)[0] || '(contract)';
          return { row, column: `contracten!${colName(name, 'contract')}` };
        },
      },
    };
  }
  // Activities left over belong to no contract (or are out of order): each is reported.
  while (pending && !pending.done) {
    const [arow, acells] = pending.value;
    if (acells.some((c) => c.trim() !== ''))
      yield {
        problem: diagnostic('SR5300', {
          file: shownAs,
          row: arow,
          column: 'activiteiten!contract',
          message: `geen contract '${acells[idColumn] ?? ''}' op deze plaats in het werkblad contracten (zelfde volgorde nodig)`,
        }),
        rows: 1,
      };
    pending = await activities.next();
  }
}

// XLSX portfolios in the what-if worker: a chunk of its own with exceljs, loaded the first time a
// workbook is opened (named whatif-* so the benchmarks count it with the what-if panel).
import ExcelJS from 'exceljs';
import { activitySheets, cellText, contractSheets, workbookItems, type PortfolioItem } from '@sroi/analysis';
import { diagnostic } from '@sroi/core';

/**
 * The contracts of an XLSX workbook (sheets `contracten` and `activiteiten`), read as `sroi whatif`
 * reads one: exceljs (its browser build) loads the
 * workbook, and the same code as the command line's pairs the rows of the two sheets.
 */
export async function workbookPortfolio(bytes: Uint8Array, name: string): Promise<PortfolioItem[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // The browser build takes an ArrayBuffer (its types name node's Buffer).
    const data = bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0];
    await workbook.xlsx.load(data);
  } catch {
    return [
      {
        problem: diagnostic('SR5304', {
          file: name,
          sheet: "'contracten'",
          expected: contractSheets.join(', '),
        }),
        rows: 0,
      },
    ];
  }
  const sheetRows = (names: readonly string[], index: number): AsyncIterator<[number, string[]]> => {
    const sheet =
      workbook.worksheets.find((w) => names.includes(w.name.toLowerCase())) ??
      (workbook.worksheets.some((w) => [...contractSheets, ...activitySheets].includes(w.name.toLowerCase()))
        ? undefined
        : workbook.worksheets[index]);
    const rows: [number, string[]][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, n) =>
      rows.push([n, (row.values as unknown[]).slice(1).map(cellText)]),
    );
    return (async function* () {
      yield* rows;
    })();
  };
  const items: PortfolioItem[] = [];
  for await (const item of workbookItems(sheetRows(contractSheets, 0), sheetRows(activitySheets, 1), name))
    items.push(item);
  return items;
}

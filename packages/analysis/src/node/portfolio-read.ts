// Reading a portfolio, streamed (memory bounded whatever the file's size): JSON Lines (one
// contract a line), CSV (one row per activity with the contract's columns repeated, as a
// registration tool exports it; `;` or `,`, Dutch decimal commas) with csv-parse, and XLSX (a
// contracts sheet and an activities sheet, in the same contract order) with exceljs's streaming
// reader. Each contract comes with where it was read, so a validation problem's JSON path can be
// shown as file, row and column. How rows become contracts is in ../whatif/portfolio-rows.ts.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import {
  csvProblem,
  formatOf,
  jsonLine,
  RowGrouper,
  separatorOf,
  type PortfolioItem,
} from '../whatif/portfolio-rows.js';
import { activitySheets, cellText, contractSheets, workbookItems } from '../whatif/workbook-rows.js';

export { formatOf, type PortfolioFormat, type PortfolioItem, type Where } from '../whatif/portfolio-rows.js';

/**
 * A JSON Lines portfolio: its contracts one by one, and the file itself, which `runWhatIf` hands
 * to its worker threads in chunks of lines (the main thread then reads bytes only).
 */
export interface JsonLinesPortfolio extends AsyncIterable<PortfolioItem> {
  readonly jsonLines: { readonly file: string; readonly shownAs: string };
}

export function readPortfolio(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const format = formatOf(file) ?? 'jsonl';
  if (format === 'csv') return readCsv(file, shownAs);
  if (format === 'xlsx') return readXlsx(file, shownAs);
  const portfolio: JsonLinesPortfolio = {
    jsonLines: { file, shownAs },
    [Symbol.asyncIterator]: () => readJsonLines(file, shownAs)[Symbol.asyncIterator](),
  };
  return portfolio;
}

/** Whether a portfolio is a JSON Lines file that can be read in chunks. */
export const isJsonLinesPortfolio = (p: AsyncIterable<PortfolioItem>): p is JsonLinesPortfolio =>
  Object.hasOwn(p, 'jsonLines');

/** Complete lines of a JSON Lines file, and the row of the first. */
export interface LinesChunk {
  readonly bytes: Uint8Array;
  readonly firstRow: number;
}

/**
 * A file in chunks of whole lines (about `size` bytes each; a longer line makes its chunk
 * longer), each a fresh buffer that can be transferred to a worker, with the number of its first
 * line. Lines are counted as `readJsonLines` counts them: ends at \n, \r\n or a lone \r.
 */
export async function* jsonLinesChunks(file: string, size = 256 * 1024): AsyncIterable<LinesChunk> {
  const handle = await open(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    let row = 1;
    let eof = false;
    while (!eof) {
      const buf = Buffer.allocUnsafe(Math.max(size, carry.length * 2));
      carry.copy(buf, 0);
      const { bytesRead } = await handle.read(buf, carry.length, buf.length - carry.length, null);
      const filled = carry.length + bytesRead;
      eof = bytesRead === 0;
      // Up to the last line end; at the end of the file, everything.
      let end = eof ? filled : buf.lastIndexOf(10, filled - 1) + 1;
      if (!eof && end === 0) {
        // A lone \r, not one that is the last byte (a \n may follow). Not searched in a single
        // byte: a negative offset would count from the end of the buffer and find that \r.
        const cr = filled >= 2 ? buf.lastIndexOf(13, filled - 2) : -1;
        end = cr >= 0 ? cr + 1 : 0;
      }
      if (end === 0 && !eof) {
        carry = buf.subarray(0, filled); // one line longer than the buffer: read on
        continue;
      }
      const bytes = new Uint8Array(end);
      bytes.set(buf.subarray(0, end));
      carry = Buffer.from(buf.subarray(end, filled));
      const first = row;
      row += lineEnds(bytes); // before the chunk is yielded: its buffer may move to a worker
      if (end > 0) yield { bytes, firstRow: first };
    }
  } finally {
    await handle.close();
  }
}

/** How many lines a chunk of whole lines starts after its first (\n, \r\n and lone \r ends). */
function lineEnds(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  // Lone carriage returns (rare): counted one by one.
  for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) if (b[i + 1] !== 10) n++;
  return n;
}

/** JSON Lines: one contract a line; blank lines are skipped. */
export async function* readJsonLines(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    const item = jsonLine(raw, ++n, shownAs);
    if (item) yield item;
  }
}

async function firstLine(file: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', end: 64 * 1024 }) });
  for await (const l of lines) {
    lines.close();
    return l;
  }
  return '';
}

/** CSV: one row per activity, the contract's columns repeated; rows of a contract are adjacent. */
export async function* readCsv(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const delimiter = separatorOf(await firstLine(file));
  const parser = createReadStream(file).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const grouper = new RowGrouper(shownAs);
  let stopped: PortfolioItem | undefined;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      yield* grouper.record(rec.record, rec.info.lines);
  } catch (e) {
    // The parser cannot go on after a syntax error: what it read counts, the rest is reported.
    stopped = csvProblem(e, shownAs);
  }
  const last = grouper.finish();
  if (last) yield last;
  if (stopped) yield stopped;
}

// ── XLSX ───────────────────────────────────────────────────────────────────

/** The rows of one named sheet of a workbook, streamed: [row number, cells]. */
async function* sheetRows(file: string, names: readonly string[]): AsyncIterable<[number, string[]]> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
  });
  let index = 0;
  for await (const sheet of reader) {
    index++;
    const name = String((sheet as unknown as { name?: string }).name ?? '').toLowerCase();
    // Sheet names come from workbook.xml; when the reader has not seen it, the order decides.
    const wanted = name ? names.includes(name) : index === (names === contractSheets ? 1 : 2);
    const rows = sheet as unknown as AsyncIterable<{ number: number; values: unknown[] }>;
    if (!wanted) {
      // Read through a sheet we skip: exceljs may have parked it in a temporary file, which it
      // deletes as soon as we move on; a sheet never read opens that file after it is gone
      // (an uncaught ENOENT, depending on timing).
      for await (const _ of rows);
      continue;
    }
    for await (const row of rows) {
      // exceljs rows are 1-based: values[0] is empty.
      yield [row.number, (row.values ?? []).slice(1).map(cellText)];
    }
    return;
  }
}

/**
 * XLSX: a sheet `contracten` (one row per contract) and a sheet `activiteiten` (one row per
 * activity, with a column `contract` holding the contract's id), activities in the same contract
 * order as the contracts. Both sheets are streamed side by side, so memory stays bounded.
 */
export function readXlsx(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const contracts = sheetRows(file, contractSheets)[Symbol.asyncIterator]();
  const activities = sheetRows(file, activitySheets)[Symbol.asyncIterator]();
  return workbookItems(contracts, activities, shownAs);
}

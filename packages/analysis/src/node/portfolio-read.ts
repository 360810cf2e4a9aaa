// Reading a portfolio, streamed (memory bounded whatever the file's size): JSON Lines (one
// contract a line), CSV (one row per activity with the contract's columns repeated, as a
// registration tool exports it; `;` or `,`, Dutch decimal commas) with csv-parse, and XLSX (a
// contracts sheet and an activities sheet, in the same contract order) with exceljs's streaming
// reader. Each contract comes with where it was read, so a validation problem's JSON path can be
// shown as file, row and column.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { activityKinds, contractFields, diagnostic, type Diagnostic, type FieldSpec } from '@sroi/core';
import { parseNumberText } from '../whatif/overrides.js';

/** A contract read from a portfolio, or a row that could not become one. */
export type PortfolioItem =
  | { readonly contract: Record<string, unknown>; readonly where: Where }
  | { readonly problem: Diagnostic; readonly rows: number };

/** Where a contract was read: its file and first row, and how a JSON path maps to row and column. */
export interface Where {
  readonly file: string;
  readonly row: number;
  readonly rows: number;
  /** The row and column of a JSON path (`activiteiten[1].fte`), as the file names them. */
  locate(path: string | undefined): { row: number; column: string };
}

export type PortfolioFormat = 'jsonl' | 'csv' | 'xlsx';

export const formatOf = (file: string): PortfolioFormat | undefined =>
  /\.(jsonl|ndjson)$/i.test(file)
    ? 'jsonl'
    : /\.(csv|txt)$/i.test(file)
      ? 'csv'
      : /\.xlsx$/i.test(file)
        ? 'xlsx'
        : undefined;

export function readPortfolio(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const format = formatOf(file) ?? 'jsonl';
  return format === 'csv'
    ? readCsv(file, shownAs)
    : format === 'xlsx'
      ? readXlsx(file, shownAs)
      : readJsonLines(file, shownAs);
}

/** JSON Lines: one contract a line; blank lines are skipped. */
export async function* readJsonLines(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      yield {
        problem: diagnostic('SR5301', { file: shownAs, row: n, message: (e as Error).message }),
        rows: 1,
      };
      continue;
    }
    const row = n;
    yield {
      contract: json as Record<string, unknown>,
      where: { file: shownAs, row, rows: 1, locate: (path) => ({ row, column: path ?? '(contract)' }) },
    };
  }
}

// ── Rows of a table (CSV and XLSX) into contracts ───────────────────────────

const activityFieldSpecs = new Map<string, FieldSpec>(
  Object.values(activityKinds).flatMap((fields) => Object.entries(fields)),
);
activityFieldSpecs.set('omschrijving', {
  type: { kind: 'text' },
  presence: 'optional',
  doc: '',
} as FieldSpec);

/** How a column of the file maps to the contract: a contract field, `soort`, or an activity field. */
type Column = { header: string; scope: 'contract' | 'activity'; name: string; spec?: FieldSpec } | undefined;

/** The column a header names: contract fields first; `activiteit.x`/`activiteit_x` for an activity's. */
function columnOf(header: string): Column {
  const h = header.trim();
  const prefixed = /^activiteit[._](.+)$/i.exec(h);
  if (prefixed) {
    const name = prefixed[1]!;
    return { header: h, scope: 'activity', name, spec: activityFieldSpecs.get(name) };
  }
  if (h === 'soort' || h === 'activiteit') return { header: h, scope: 'activity', name: 'soort' };
  if (Object.hasOwn(contractFields, h))
    return { header: h, scope: 'contract', name: h, spec: contractFields[h] };
  if (activityFieldSpecs.has(h))
    return { header: h, scope: 'activity', name: h, spec: activityFieldSpecs.get(h) };
  if (h === '') return undefined;
  return { header: h, scope: 'contract', name: h };
}

/** A cell's text as the JSON value the contract format expects for the field. */
function cellValue(text: string, spec: FieldSpec | undefined): unknown {
  const t = text.trim();
  if (!spec) return t;
  switch (spec.type.kind) {
    case 'money': {
      // Money stays decimal text (exact): "1.250.000,00" → "1250000.00".
      const plain = plainDecimal(t.replace(/^€\s*/, ''));
      return plain ?? t;
    }
    case 'number':
    case 'percentage':
    case 'duration': {
      const plain = plainDecimal(t.replace(/%$/, ''));
      return plain !== undefined ? Number(plain) : t;
    }
    case 'boolean': {
      const b = {
        ja: true,
        nee: false,
        true: true,
        false: false,
        '1': true,
        '0': false,
        waar: true,
        onwaar: false,
      }[t.toLowerCase()];
      return b ?? t;
    }
    default:
      return t;
  }
}

/** Decimal text in plain notation ("1250000.5"), from Dutch or plain; undefined when not a number. */
function plainDecimal(t: string): string | undefined {
  const r = parseNumberText(t);
  if (!r) return undefined;
  const s = t.replace(/\s/g, '');
  // As many decimals as written: a validator sees "12,345" as three decimals, as it was typed.
  const m = /[.,](\d+)$/.exec(s);
  const dutch = /,/.test(s) || /^-?\d{1,3}(\.\d{3})+$/.test(s);
  const decimals = m && (dutch ? s.includes(',') : true) ? m[1]!.length : 0;
  return r.toFixed(decimals);
}

/** Builds contracts from rows of one table (one row per activity, contract columns repeated). */
class RowGrouper {
  private columns: Column[] = [];
  private current:
    | {
        id: string;
        contract: Record<string, unknown>;
        activities: Record<string, unknown>[];
        rows: number[];
        firstRow: number;
      }
    | undefined;
  private readonly seen = new Map<string, number>();
  private readonly activityColumns = new Map<string, string>();
  private readonly contractColumns = new Map<string, string>();

  constructor(private readonly file: string) {}

  /** Reads the header; a problem when a required column is missing. */
  header(cells: readonly string[]): Diagnostic | undefined {
    this.columns = cells.map((c) => columnOf(String(c ?? '').replace(/^\uFEFF/, '')));
    for (const c of this.columns) {
      if (!c) continue;
      (c.scope === 'activity' ? this.activityColumns : this.contractColumns).set(c.name, c.header);
    }
    for (const required of ['waarde', 'gunningsdatum', 'opdrachtsoort'])
      if (!this.contractColumns.has(required))
        return diagnostic('SR5303', { file: this.file, column: required });
    return undefined;
  }

  /** Adds a data row (`row` numbered as the file shows it); yields a finished contract or a problem. */
  *add(cells: readonly unknown[], row: number): Iterable<PortfolioItem> {
    const contract: Record<string, unknown> = {};
    const activity: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      if (!c) return;
      const raw = cells[i];
      const text = raw === undefined || raw === null ? '' : String(raw);
      if (text.trim() === '') return;
      (c.scope === 'activity' ? activity : contract)[c.name] = cellValue(text, c.spec);
    });
    const id = typeof contract['id'] === 'string' ? contract['id'] : '';
    if (this.current && id !== '' && id === this.current.id) {
      if (Object.keys(activity).length > 0) {
        this.current.activities.push(activity);
        this.current.rows.push(row);
      }
      return;
    }
    const done = this.finish();
    if (done) yield done;
    if (id !== '') {
      const first = this.seen.get(id);
      if (first !== undefined) {
        yield { problem: diagnostic('SR5302', { file: this.file, row, id: `'${id}'`, first }), rows: 1 };
        return;
      }
      this.seen.set(id, row);
    }
    const hasActivity = Object.keys(activity).length > 0;
    this.current = {
      id,
      contract,
      activities: hasActivity ? [activity] : [],
      rows: hasActivity ? [row] : [],
      firstRow: row,
    };
  }

  /** The contract being built, finished. */
  finish(): PortfolioItem | undefined {
    const c = this.current;
    this.current = undefined;
    if (!c) return undefined;
    const contract = { ...c.contract, activiteiten: c.activities };
    const file = this.file;
    const { rows, firstRow } = c;
    return {
      contract,
      where: {
        file,
        row: firstRow,
        rows: Math.max(1, (rows.at(-1) ?? firstRow) - firstRow + 1),
        locate: (path) => {
          const m = /^activiteiten\[(\d+)\](?:\.(\w+))?/.exec(path ?? '');
          if (m) {
            const name = m[2] ?? 'soort';
            return { row: rows[Number(m[1])] ?? firstRow, column: this.activityColumns.get(name) ?? name };
          }
          const name = (path ?? '').split(/[.[]/)[0] || '(contract)';
          return { row: firstRow, column: this.contractColumns.get(name) ?? name };
        },
      },
    };
  }
}

/** The separator of a CSV file, from its header line: `;` when it has one (Dutch exports), else `,`. */
function separatorOf(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  if (count(';') > 0) return ';';
  if (count('\t') > count(',')) return '\t';
  return ',';
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
  let header = true;
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header) {
      header = false;
      const problem = grouper.header(rec.record);
      if (problem) {
        yield { problem, rows: 0 };
        return;
      }
      continue;
    }
    yield* grouper.add(rec.record, rec.info.lines);
  }
  const last = grouper.finish();
  if (last) yield last;
}

// ── XLSX ───────────────────────────────────────────────────────────────────

const contractSheets = ['contracten', 'contracts'];
const activitySheets = ['activiteiten', 'activities'];

type Cell = unknown;
/** The value of an exceljs cell as text (dates as ISO dates; formulas by their result). */
function cellText(v: Cell): string {
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
    if (!wanted) continue;
    for await (const row of sheet as unknown as AsyncIterable<{ number: number; values: Cell[] }>) {
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
export async function* readXlsx(file: string, shownAs = file): AsyncIterable<PortfolioItem> {
  const contracts = sheetRows(file, contractSheets)[Symbol.asyncIterator]();
  const activities = sheetRows(file, activitySheets)[Symbol.asyncIterator]();
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

// Rows of a portfolio into contracts, browser-safe (no node:*): the JSON Lines line and the CSV
// table shapes (one row per activity, the contract's columns repeated, as a registration tool
// exports it; `;` or `,`, Dutch decimal commas), shared by the streamed readers in ../node/ and the
// playground, which reads an uploaded file from its text.
import { parse } from 'csv-parse/browser/esm/sync';
import { activityKinds, contractFields, diagnostic, type Diagnostic, type FieldSpec } from '@sroi/core';
import { parseNumberText } from './overrides.js';

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
export type Column =
  { header: string; scope: 'contract' | 'activity'; name: string; spec?: FieldSpec } | undefined;

/** The column a header names: contract fields first; `activiteit.x`/`activiteit_x` for an activity's. */
export function columnOf(header: string): Column {
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
export function cellValue(text: string, spec: FieldSpec | undefined): unknown {
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
export class RowGrouper {
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

  private headerRead = false;
  /** Set when the header lacks a required column: nothing after it can be read. */
  failed = false;

  constructor(private readonly file: string) {}

  /** The next CSV record (`line` numbered as the file shows it): the header first, then rows. */
  *record(cells: readonly string[], line: number): Iterable<PortfolioItem> {
    if (this.failed) return;
    if (!this.headerRead) {
      this.headerRead = true;
      const problem = this.header(cells);
      if (problem) {
        this.failed = true;
        yield { problem, rows: 0 };
      }
      return;
    }
    yield* this.add(cells, line);
  }

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
export function separatorOf(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  if (count(';') > 0) return ';';
  if (count('\t') > count(',')) return '\t';
  return ',';
}

/** One line of a JSON Lines file (numbered from 1): a contract, a problem, or nothing when blank. */
export function jsonLine(raw: string, n: number, file: string): PortfolioItem | undefined {
  const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
  if (line.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    // Where JSON.parse stopped (its message says `position N`; at the end of the line it does not).
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    const column = at === undefined ? line.trimEnd().length + 1 : Number(at) + 1;
    return { problem: diagnostic('SR5301', { file, row: n, column }), rows: 1 };
  }
  return {
    contract: json as Record<string, unknown>,
    where: { file, row: n, rows: 1, locate: (path) => ({ row: n, column: path ?? '(contract)' }) },
  };
}

/**
 * Why csv-parse stopped reading a file (an unclosed quote, ...), as a problem at its line. Its codes
 * (`CSV_QUOTE_NOT_CLOSED`) are stable and language-free; its messages are English. Anything else is
 * not the file's fault and is thrown again.
 */
export function csvProblem(e: unknown, file: string): PortfolioItem {
  const { lines, code } = (e ?? {}) as { lines?: unknown; code?: unknown };
  if (typeof code !== 'string' || !code.startsWith('CSV_')) throw e;
  return {
    problem: diagnostic('SR5306', { file, row: typeof lines === 'number' ? lines : 0, reason: code }),
    rows: 0,
  };
}

/**
 * A portfolio held as text (a file opened in the browser): JSON Lines or CSV by the file's name,
 * read as the streamed readers read it, with the same problems at the same rows and columns.
 * An XLSX workbook is binary: its rows come from the node reader only.
 */
export function* portfolioFromText(text: string, file: string): Iterable<PortfolioItem> {
  const format = formatOf(file) ?? 'jsonl';
  if (format === 'jsonl') {
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const item = jsonLine(lines[i]!, i + 1, file);
      if (item) yield item;
    }
    return;
  }
  if (format === 'xlsx') {
    yield { problem: diagnostic('SR5304', { file, sheet: "'contracten'", expected: 'jsonl, csv' }), rows: 0 };
    return;
  }
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const records = (toLine?: number) =>
    parse(text, {
      delimiter: separatorOf(firstLine),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      ...(toLine !== undefined ? { to_line: toLine } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  let read: { record: string[]; info: { lines: number } }[];
  let stopped: PortfolioItem | undefined;
  try {
    read = records();
  } catch (e) {
    // As the streamed reader: the rows before the line it stopped at count, then the problem.
    stopped = csvProblem(e, file);
    const at = (e as { lines?: number }).lines ?? 0;
    read = at > 1 ? records(at - 1) : [];
  }
  const grouper = new RowGrouper(file);
  for (const rec of read) yield* grouper.record(rec.record, rec.info.lines);
  const last = grouper.finish();
  if (last) yield last;
  if (stopped) yield stopped;
}

// The reviews as spreadsheet tables: one `Sheet` per table, written as CSV for a Dutch spreadsheet
// (`;` between fields, UTF-8 with a byte order mark, amounts as numbers with a decimal comma,
// percentages as "5%", no JSON in cells) and, by the node entry, as XLSX with numbers as numbers.
// Text that a spreadsheet would run as a formula is defused with a leading apostrophe.
import type { Language } from '@sroi/core';
import type { Comparison } from '../compare.js';
import type { Matrix, Provenance } from '../matrix.js';
import { words } from './words.js';

/** A number for a spreadsheet: a decimal in its unit ("1234.56" euro, "5" percent, "50" count). */
export interface SheetNumber {
  readonly number: string;
  readonly unit: 'euro' | 'procent' | 'aantal';
}

export type SheetValue = string | SheetNumber | undefined;

/** One table of a review: a header row and rows of texts and numbers. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SheetValue[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (`;` separated): quoted when needed, formula-looking text defused. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && text.length > 1 ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A number as Dutch spreadsheets read it from CSV: a decimal comma and no thousands separator
 * ("1234,56"); a percentage with its sign ("29,99%"), which they read as the number 0,2999.
 */
function csvNumber(n: SheetNumber): string {
  const text = n.number.replace('.', ',');
  return n.unit === 'procent' ? `${text}%` : text;
}

/** The sheet as CSV: byte order mark, `;`, CRLF line ends. */
export function sheetCsv(sheet: Sheet): string {
  const field = (v: SheetValue) =>
    v === undefined ? '' : typeof v === 'string' ? csvField(v) : csvNumber(v);
  const lines = [sheet.columns.map(csvField).join(';'), ...sheet.rows.map((r) => r.map(field).join(';'))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Column titles named after the rulesets; the file is added where two rulesets share a name. */
export function rulesetColumns(rulesets: readonly { name: string; label: string }[]): string[] {
  return rulesets.map((r) =>
    rulesets.filter((x) => x.name === r.name).length > 1 ? `${r.name} (${r.label})` : r.name,
  );
}

/** The footing of a value in one word: bron, aanname or none. */
const footing = (p: Provenance | undefined, lang: Language): string | undefined =>
  p ? words[lang].provenance[p.kind] : undefined;

/** The footing with what it rests on: the assumptions named, or the sources cited. */
const footingDetail = (p: Provenance | undefined): string | undefined =>
  p ? (p.kind === 'aanname' ? p.assumptions : p.sources).join('; ') || undefined : undefined;

/** The matrix: a row per matrix row; per ruleset its value, its footing and a note. */
export function matrixSheets(m: Matrix, lang: Language = 'nl'): Sheet[] {
  const w = words[lang];
  const nl = lang === 'nl';
  const names = rulesetColumns(m.rulesets);
  const matrix: Sheet = {
    name: w.matrixTitle,
    columns: [
      nl ? 'sectie' : 'section',
      w.row.toLowerCase(),
      ...names.flatMap((n) => [n, `${n}: ${w.basis}`, `${n}: ${w.explanation}`]),
      nl ? 'afwijkend' : 'divergent',
    ],
    // The row's label names it; its key (JSON for a table row) stays out: no JSON in cells.
    rows: m.rows.map((r) => [
      w.categories[r.section],
      r.label,
      ...r.cells.flatMap((c): SheetValue[] => [
        c.absent ? undefined : c.number !== undefined && c.unit ? { number: c.number, unit: c.unit } : c.text,
        footing(c.provenance, lang),
        [c.note, footingDetail(c.provenance)].filter(Boolean).join(' — ') || undefined,
      ]),
      r.cells.flatMap((c, i) => (c.divergent ? [names[i]!] : [])).join('; '),
    ]),
  };
  const summary: Sheet = {
    name: nl ? 'Samenvatting' : 'Summary',
    columns: nl
      ? ['regeling', 'strenger of soepeler', 'rij', 'basis', 'waarde']
      : ['ruleset', 'stricter or looser', 'row', 'base', 'value'],
    rows: m.summary.flatMap((s) =>
      (
        [
          [nl ? 'strenger' : 'stricter', s.stricter],
          [nl ? 'soepeler' : 'looser', s.looser],
        ] as const
      ).flatMap(([word, points]) => points.map((p) => [names[s.ruleset], word, p.label, p.base, p.value])),
    ),
  };
  return [matrix, summary];
}

/** `sroi matrix --csv`: the matrix sheet. */
export const matrixCsv = (m: Matrix, lang: Language = 'nl'): string => sheetCsv(matrixSheets(m, lang)[0]!);

const euro = (text: string | undefined): SheetValue =>
  text === undefined ? undefined : /^-?\d+\.\d{2}$/.test(text) ? { number: text, unit: 'euro' } : text;

/** One contract under several rulesets: a row per outcome, activity and route; per ruleset its value and footing. */
export function compareSheets(c: Comparison, lang: Language = 'nl'): Sheet[] {
  const w = words[lang];
  const nl = lang === 'nl';
  const names = rulesetColumns(c.rulesets);
  const line = (
    what: string,
    label: string,
    l: { values: readonly (string | undefined)[]; provenance: Comparison['outcomes'][number]['provenance'] },
    differs: boolean,
  ): SheetValue[] => [
    what,
    label,
    ...l.values.flatMap((v, i): SheetValue[] => [
      label === 'percentage' && v !== undefined && v !== '-' ? { number: v, unit: 'procent' } : euro(v),
      footing(l.provenance[i], lang),
      footingDetail(l.provenance[i]),
    ]),
    differs ? (nl ? 'ja' : 'yes') : '',
  ];
  return [
    {
      name: w.compareTitle,
      columns: [
        nl ? 'soort' : 'kind',
        w.row.toLowerCase(),
        ...names.flatMap((n) => [n, `${n}: ${w.basis}`, `${n}: ${nl ? 'rust op' : 'rests on'}`]),
        nl ? 'verschilt' : 'differs',
      ],
      rows: [
        ...c.outcomes.map((o) => line(nl ? 'uitkomst' : 'outcome', o.key, o, o.differs)),
        ...c.activities.map((a) =>
          line(nl ? 'activiteit' : 'activity', `${a.index + 1}. ${a.soort}`, a, a.differs),
        ),
        ...c.routes.map((r) => line('route', r.label, r, r.differs)),
      ],
    },
  ];
}

/** `sroi compare --csv`. */
export const compareCsv = (c: Comparison, lang: Language = 'nl'): string =>
  sheetCsv(compareSheets(c, lang)[0]!);

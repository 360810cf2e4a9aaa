// The harmonisation matrix as CSV (RFC 4180) for a spreadsheet: a row per matrix row, a column per
// ruleset, and which rulesets differ from the base. Cells that a spreadsheet would run as a
// formula are defused with a leading apostrophe.
import type { Language } from '@sroi/core';
import type { Matrix } from '../matrix.js';
import { words } from './words.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when needed, formula-looking text defused. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && text.length > 1 ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function matrixCsv(m: Matrix, lang: Language = 'nl'): string {
  const w = words[lang];
  const head = [
    lang === 'nl' ? 'sectie' : 'section',
    lang === 'nl' ? 'sleutel' : 'key',
    w.row.toLowerCase(),
    ...m.rulesets.map((r) => r.label),
    lang === 'nl' ? 'afwijkend' : 'divergent',
  ];
  const lines = [head.map(csvField).join(',')];
  for (const r of m.rows) {
    const divergent = r.cells.flatMap((c, i) => (c.divergent ? [m.rulesets[i]!.label] : []));
    lines.push(
      [
        w.categories[r.section],
        r.key,
        r.label,
        ...r.cells.map((c) => (c.absent ? '' : c.text)),
        divergent.join('; '),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

// Coverage of a ruleset by its examples: every rule, table row, parameter value, branch,
// requirement and cap, and whether the examples reached it — the items `sroi test --coverage`
// lists, so a policy officer sees which parts of the rules no voorbeeld ever exercises.
import { irChildren as children, type IrDocument, type IrExpr, type IrSpan } from '@sroi/core';
import type { CoverageRecorder } from './interpret.js';

export interface CoverageItem {
  /** What kind of item: definitie, waardering, tabelrij, parameter, tak, vereiste, looptijd, maximum, melding. */
  readonly kind: string;
  /** Which one, as a person reads it: "tabel jaarwaarde_plaatsing vanaf 2025-07-01, rij 3". */
  readonly label: string;
  /** The facet that must be reached: 'dan'/'anders' of a branch, 'begrenst'/'begrenst niet' of a cap. */
  readonly facet: string;
  readonly at: IrSpan;
  readonly covered: boolean;
}

export function coverageItems(doc: IrDocument, recorder: CoverageRecorder): CoverageItem[] {
  const items: CoverageItem[] = [];
  const add = (node: object, kind: string, label: string, facet: string, at: IrSpan) =>
    items.push({ kind, label, facet, at, covered: recorder.has(node, facet) });
  /** Branches and messages inside a formula. */
  const formula = (e: IrExpr, owner: string) => {
    if (e.k === 'if') {
      add(e, 'tak', `${owner}: als ${e.src}`, 'dan', e.at);
      add(e, 'tak', `${owner}: als ${e.src}`, 'anders', e.at);
    }
    if (e.k === 'message') add(e, 'melding', `${owner}: met melding`, 'melding', e.at);
    children(e).forEach((c) => formula(c, owner));
  };
  for (const p of doc.parameters)
    for (const v of p.versions)
      add(v, 'parameter', `parameter ${p.name}${v.from ? ` vanaf ${v.from}` : ''}`, 'gebruikt', v.at);
  for (const t of doc.tables)
    for (const v of t.versions)
      v.rows.forEach((row, i) => {
        add(
          row,
          'tabelrij',
          `tabel ${t.name}${v.from ? ` vanaf ${v.from}` : ''}, rij ${i + 1}: ${row.src}`,
          'gekozen',
          row.at,
        );
        row.then.forEach((x) => formula(x, `tabel ${t.name}`));
      });
  for (const d of doc.definitions) {
    add(d, 'definitie', `definitie ${d.name}${d.scope ? ` bij ${d.scope}` : ''}`, 'berekend', d.at);
    formula(d.expr, `definitie ${d.name}`);
  }
  for (const v of doc.valuations) {
    add(v, 'waardering', `waardering ${v.kind}`, 'gewaardeerd', v.at);
    formula(v.expr, `waardering ${v.kind}`);
    for (const r of v.requirements) {
      add(r, 'vereiste', `waardering ${v.kind}: vereist ${r.src}`, 'voldaan', r.at);
      add(r, 'vereiste', `waardering ${v.kind}: vereist ${r.src}`, 'niet voldaan', r.at);
    }
    if (v.within) {
      const label = `waardering ${v.kind}: binnen ${v.within.src}`;
      add(v.within, 'looptijd', label, 'binnen', v.within.at);
      add(v.within, 'looptijd', label, 'buiten', v.within.at);
      formula(v.within.expr, `waardering ${v.kind}`);
    }
  }
  for (const r of doc.routes)
    if (r.cap) {
      add(r.cap, 'maximum', `route ${r.name}: maximum ${r.cap.src}`, 'begrenst', r.cap.at);
      add(r.cap, 'maximum', `route ${r.name}: maximum ${r.cap.src}`, 'begrenst niet', r.cap.at);
      formula(r.cap.expr, `maximum van route ${r.name}`);
    }
  for (const o of doc.outcomes) formula(o.expr, `uitkomst ${o.name}`);
  return items;
}

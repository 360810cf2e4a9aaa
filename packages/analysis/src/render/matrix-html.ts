// `sroi matrix --html`: a one-page summary first (per ruleset against the base, stricter or looser
// on each computed point; charts rendered to SVG on the server with ECharts), then the matrix
// with its first column fixed while the rest scrolls; printable in landscape. No scripts; every
// text from a ruleset is escaped.
import type { Language } from '@sroi/core';
import type { Matrix, MatrixCell, MatrixSummary } from '../matrix.js';
import { sectionOrder } from '../matrix.js';
import { showPlace } from '../ruleset.js';
import { showMoney } from '../values.js';
import { escapeHtml as e, page } from './html.js';
import { chart } from './whatif.js';
import { words } from './words.js';

const local = {
  nl: {
    summary: 'Samenvatting',
    summaryIntro: (base: string) =>
      `Per regeling tegenover de basis (${base}): waar de berekende waarden strenger of soepeler zijn voor de opdrachtnemer. Strenger: een hogere verplichting, een lagere waardering, een lagere drempel of een lager maximum, een hogere boete.`,
    stricter: 'strenger',
    looser: 'soepeler',
    same: (n: number) => `${n} punten gelijk aan de basis`,
    provisional: (n: number) => `${n} berekende waarden rusten op een aanname (voorlopig)`,
    nothing: 'geen',
    charts: 'Grafieken',
    placementChart: 'Waarde van een plaatsing per doelgroep (1 fte, 12 maanden)',
    obligationChart: (o: string) => `Verplichting in % van de contractwaarde: ${o}`,
    contractValue: 'contractwaarde',
    matrix: 'De matrix',
    provenanceLegend:
      'Bij elke waarde staat of ze geciteerd is (bron) of op een aanname rust (voorlopig). Een gemarkeerde cel wijkt af van de basis.',
  },
  en: {
    summary: 'Summary',
    summaryIntro: (base: string) =>
      `Each ruleset against the base (${base}): where its computed values are stricter or looser for the contractor. Stricter: a higher obligation, a lower valuation, a lower threshold or cap, a higher penalty.`,
    stricter: 'stricter',
    looser: 'looser',
    same: (n: number) => `${n} points equal to the base`,
    provisional: (n: number) => `${n} computed values rest on an assumption (provisional)`,
    nothing: 'none',
    charts: 'Charts',
    placementChart: 'Value of a placement per doelgroep (1 fte, 12 months)',
    obligationChart: (o: string) => `Obligation as % of the contract value: ${o}`,
    contractValue: 'contract value',
    matrix: 'The matrix',
    provenanceLegend:
      'Each value says whether it is cited (bron) or rests on an assumption (provisional). A marked cell differs from the base.',
  },
} as const;

const extraStyle = `
  .scroll { overflow-x: auto; max-width: 100%; border: 1px solid #c8c8c8; }
  .scroll table { width: auto; margin: 0; border-collapse: separate; border-spacing: 0; }
  .scroll th, .scroll td { min-width: 9rem; max-width: 18rem; border-width: 0 1px 1px 0; }
  .scroll th.label { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 16rem; max-width: 22rem; }
  .scroll thead th { position: sticky; top: 0; z-index: 2; }
  .scroll thead th.label { z-index: 3; background: #eef2f7; }
  .scroll tbody .section { background: #154273; color: #fff; }
  .scroll tr.divergent th.label { background: #fffaf0; }
  .tag { display: inline-block; font-size: .75em; padding: 0 .3em; border-radius: .25em; margin-left: .3em; font-weight: 600; }
  .tag.bron { background: #e3f1e0; color: #1f5c13; }
  .tag.aanname { background: #ffe7c2; color: #7a4200; }
  .note { display: block; color: #7a2e0e; font-size: .85em; font-weight: 400; white-space: normal; text-align: left; }
  .summary td, .summary th { vertical-align: top; }
  .summary { font-size: .9em; width: 100%; }
  .summary ul { margin: 0; padding-left: 1.1rem; }
  .v, td.num { white-space: nowrap; }
  .summary li { max-width: 40rem; }
  .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
  figure { margin: 0; break-inside: avoid; }
  svg { max-width: 100%; height: auto; }
  @media print {
    @page { size: A4 landscape; margin: 1cm; }
    .scroll { overflow: visible; border: 0; }
    .scroll th.label, .scroll thead th { position: static; }
    /* On paper nothing scrolls: the columns share the page width and values wrap. */
    .scroll table { width: 100%; table-layout: fixed; }
    .scroll th, .scroll td { min-width: 0; max-width: none; overflow-wrap: anywhere; }
    .scroll th.label { width: 22%; min-width: 0; }
    .v, td.num { white-space: normal; }
    .page-break { break-before: page; }
  }
`;

/** A computed or declared value with its footing and, for a computed probe, why it is € 0. */
function cellHtml(c: MatrixCell, lang: Language): string {
  const w = words[lang];
  if (c.absent) return `<td class="absent${c.divergent ? ' divergent' : ''}">—</td>`;
  const parts = [e(c.text)];
  const p = c.provenance;
  if (p && p.kind !== 'geen') {
    const detail =
      p.kind === 'aanname' ? `${w.assumptionsIn}: ${p.assumptions.join('; ')}` : p.sources.join('; ');
    parts.push(`<span class="tag ${p.kind}" title="${e(detail)}">${e(w.provenance[p.kind])}</span>`);
  }
  if (c.note) parts.push(`<span class="note">${e(c.note)}</span>`);
  if (c.place) parts.push(`<span class="place">${e(showPlace(c.place))}</span>`);
  const classes = [c.divergent ? 'divergent' : '', c.number !== undefined ? 'num' : ''].filter(Boolean);
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}>${parts.join('')}</td>`;
}

function summaryHtml(m: Matrix, s: MatrixSummary, lang: Language): string {
  const l = local[lang];
  const points = (list: MatrixSummary['stricter']) =>
    list.length === 0
      ? e(l.nothing)
      : `<ul>${list
          .map(
            (p) =>
              `<li>${e(p.label.replace(/ \(.*\)$/, ''))}: <span class="v">${e(p.base)}</span> → <strong class="v">${e(p.value)}</strong></li>`,
          )
          .join('')}</ul>`;
  const r = m.rulesets[s.ruleset]!;
  return `<tr><th scope="row">[${s.ruleset + 1}] ${e(r.name)}<span class="place">${e(l.same(s.same))}; ${e(
    l.provisional(s.provisional),
  )}</span></th><td>${points(s.stricter)}</td><td>${points(s.looser)}</td></tr>`;
}

/** One legend line per ruleset under the title, so long names neither overlap nor get cut. */
const legend = (names: readonly string[]) => ({
  top: 30,
  left: 0,
  orient: 'vertical' as const,
  itemGap: 6,
  data: [...names],
});
const legendTop = (names: readonly string[]) => 30 + names.length * 20 + 24;

/** Whole euros on an axis: "€ 50.000", "€50,000". */
const axisEuros = (v: number, lang: Language) => showMoney(v.toFixed(2), lang).replace(/[,.]00$/, '');

/** Ruleset names for a chart's legend: numbered, so two rulesets of one name stay apart. */
const seriesNames = (m: Matrix) => m.rulesets.map((r, i) => `[${i + 1}] ${r.name}`);

function placementChart(m: Matrix, lang: Language): string | undefined {
  const rows = m.rows.filter((r) => r.section === 'activities' && r.topic?.kind === 'plaatsing');
  if (rows.length === 0) return undefined;
  const names = seriesNames(m);
  const top = legendTop(names);
  return chart(
    {
      title: { text: local[lang].placementChart, textStyle: { fontSize: 14 } },
      legend: legend(names),
      grid: { top, left: 90, right: 16, bottom: 130 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.topic?.value ?? r.label),
        axisLabel: { interval: 0, rotate: 30, fontSize: 11, margin: 10 },
      },
      // Euros a year's placement is worth under each ruleset.
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisEuros(v, lang) } },
      series: names.map((name, i) => ({
        type: 'bar',
        name,
        data: rows.map((r) => (r.cells[i]?.unit === 'euro' ? Number(r.cells[i]!.number) : null)),
      })),
    },
    720,
    top + 360,
  );
}

function obligationChart(m: Matrix, index: number, lang: Language): string {
  const curve = m.curves[index]!;
  const names = seriesNames(m);
  const top = legendTop(names);
  return chart(
    {
      title: { text: local[lang].obligationChart(curve.opdrachtsoort), textStyle: { fontSize: 14 } },
      legend: legend(names),
      grid: { top, left: 90, right: 24, bottom: 48 },
      xAxis: {
        type: 'log',
        name: local[lang].contractValue,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => axisEuros(v, lang) },
      },
      // The obligation as a share of the value: each ruleset's threshold is a step up from 0 %,
      // a lower percentage (a small labour share) a lower line; the value axis is logarithmic so
      // thresholds from € 50.000 to € 5.404.000 are all in view.
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => `${String(v).replace('.', lang === 'nl' ? ',' : '.')}%` },
      },
      series: names.map((name, i) => ({
        type: 'line',
        name,
        showSymbol: false,
        // Equal rulesets draw the same line: a dash per ruleset keeps each visible.
        lineStyle: { width: 2, type: (['solid', 'dashed', 'dotted'] as const)[i % 3] },
        data: curve.points.map((p) => {
          const v = p.verplichting[i];
          return [Number(p.waarde), v === undefined ? null : (100 * Number(v)) / Number(p.waarde)];
        }),
      })),
    },
    720,
    top + 300,
  );
}

export function matrixHtml(m: Matrix, lang: Language = 'nl'): string {
  const w = words[lang];
  const l = local[lang];
  const out: string[] = [`<h1>${e(w.matrixTitle)}</h1>`, '<ol>'];
  for (const r of m.rulesets)
    out.push(
      `<li><code>${e(r.label)}</code> — ${e(r.name)}, ${e(r.periods)}; ${e(w.onDates)} ${e(r.date)}</li>`,
    );
  out.push('</ol>');
  out.push(`<p>${e(w.matrixBase)} ${e(w.matrixDate(m.date).replace(/:$/, '.'))}</p>`);

  if (m.summary.length > 0) {
    out.push(`<h2>${e(l.summary)}</h2>`, `<p>${e(l.summaryIntro(`[1] ${m.rulesets[0]!.name}`))}</p>`);
    out.push(
      `<table class="summary"><thead><tr><th></th><th>${e(l.stricter)}</th><th>${e(l.looser)}</th></tr></thead><tbody>`,
    );
    for (const s of m.summary) out.push(summaryHtml(m, s, lang));
    out.push('</tbody></table>');
  }
  out.push(`<h2>${e(l.charts)}</h2>`, '<div class="charts">');
  const placement = placementChart(m, lang);
  if (placement) out.push(`<figure>${placement}</figure>`);
  for (const i of m.curves.keys()) out.push(`<figure>${obligationChart(m, i, lang)}</figure>`);
  out.push('</div>');

  out.push(`<h2 class="page-break">${e(l.matrix)}</h2>`);
  out.push(
    `<p>${e(l.provenanceLegend)} ${e(w.divergentRows(m.rows.filter((r) => r.divergent).length, m.rows.length))}</p>`,
  );
  out.push(
    `<div class="scroll"><table><thead><tr><th class="label">${e(w.row)}</th>${m.rulesets
      .map((r, i) => `<th>[${i + 1}] ${e(r.name)}</th>`)
      .join('')}</tr></thead>`,
  );
  for (const section of sectionOrder) {
    const rows = m.rows.filter((r) => r.section === section);
    if (rows.length === 0) continue;
    // The section's title sits in the fixed first column, so it stays in view while the rest scrolls.
    out.push(
      `<tbody><tr><th class="section label" scope="rowgroup">${e(w.categories[section])}</th><td class="section" colspan="${m.rulesets.length}"></td></tr>`,
    );
    for (const r of rows)
      out.push(
        `<tr${r.divergent ? ' class="divergent"' : ''}><th scope="row" class="label">${e(r.label)}</th>${r.cells
          .map((c) => cellHtml(c, lang))
          .join('')}</tr>`,
      );
    out.push('</tbody>');
  }
  out.push('</table></div>');
  return page(w.matrixTitle, lang, out.join('\n'), extraStyle);
}

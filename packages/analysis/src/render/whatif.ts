// The what-if report as text (terminal), CSV (`;`, decimal commas, for a Dutch spreadsheet) and
// one self-contained printable HTML page whose charts are ECharts rendered to SVG on the server:
// no script, no network; every text from a ruleset, scenario or contract is escaped.
import type { Language } from '@sroi/core';
import * as echarts from 'echarts';
import type { Evaluated, ContractOutcome, Quantity } from '../whatif/engine.js';
import { quantities } from '../whatif/engine.js';
import type { Player, ScenarioSpec } from '../whatif/changes.js';
import {
  contractAttribution,
  type Amounts,
  type ScenarioReport,
  type VariantReport,
  type WhatIfReport,
} from '../whatif/report.js';
import { escapeHtml } from './html.js';
import { showMoney } from '../values.js';

/** A player's values in the report's language. */
const shownIn = (p: Player, lang: Language) => (lang === 'en' ? p.en : p);

const e = escapeHtml;

/** The words of the text and HTML reports, in Dutch (the default) and English. */
const words = {
  nl: {
    quantity: {
      verplichting: 'Verplichting',
      gerealiseerd: 'Gerealiseerd',
      restant: 'Restant',
      overschot: 'Overschot',
      boete: 'Boete',
    } satisfies Record<Quantity, string>,
    status: {
      'geen-verplichting': 'geen verplichting',
      voldaan: 'voldaan',
      'niet-voldaan': 'niet voldaan',
    } as Record<string, string>,
    base: 'basis',
    title: 'Wat-als',
    heading: 'Wat-als-analyse',
    read: (r: WhatIfReport['read']) =>
      `${r.contracts} contracten gelezen, ${r.evaluated} doorgerekend, ${r.skipped} overgeslagen`,
    rows: (n: number) => `${n} rijen`,
    rowsSeeMessages: (n: number) => `${n} rijen; zie de meldingen van de opdrachtregel`,
    portfolio: 'Portefeuille',
    metOfBase: (met: number, total: number) => `Voldaan (met verplichting): basis ${met} van ${total}`,
    scenarioLine: (s: ScenarioReport) =>
      `${s.name}: ${s.status.voldaan} voldaan; ${s.notMetToMet} gaan naar voldaan, ${s.metToNotMet} naar niet voldaan; ${s.changed} contracten met een ander bedrag` +
      (s.failed > 0 ? `; ${s.failed} niet door te rekenen` : ''),
    noAttribution: 'geen toerekening',
    totals: 'Totalen',
    scenario: 'Scenario',
    met: 'Voldaan',
    notMet: 'Niet voldaan',
    difference: 'verschil',
    differenceHead: 'Verschil',
    totalsChart: 'Totalen per scenario',
    fulfilmentChart: 'Verdeling van het percentage gerealiseerd (contracten met verplichting)',
    attributionChart: (name: string) => `Toerekening per parameter: ${name}`,
    routesChart: 'Gerealiseerd per route (na maxima)',
    change: 'Wijziging',
    baseHead: 'Basis',
    changedSentence: (s: ScenarioReport) =>
      `${s.changed} contracten met een ander bedrag; ${s.notMetToMet} gaan van niet voldaan naar voldaan, ${s.metToNotMet} van voldaan naar niet voldaan.` +
      (s.failed > 0 ? ` ${s.failed} contracten kon het scenario niet doorrekenen.` : ''),
    attributionHeading: 'Toerekening per parameter (Shapley-waarden, op de cent)',
    parameter: 'Parameter',
    total: 'Totaal',
    noAttributionLong: 'Geen toerekening per parameter',
    perKind: 'Per opdrachtsoort',
    kind: 'Opdrachtsoort',
    contracts: 'Contracten',
    perDoelgroep: 'Per doelgroep (gewaardeerd, vóór maxima)',
    doelgroep: 'Doelgroep',
    noDoelgroep: '(zonder doelgroep)',
    statusChanges: 'Contracten die van status veranderen',
    largest: (n: number) => ` (de ${n} grootste)`,
    contract: 'Contract',
    status_: 'Status',
    perRoute: 'Per route',
    footnote:
      'Bedragen exact op de cent. De toerekening verdeelt elk verschil met Shapley-waarden over de gewijzigde parameters ' +
      '(exact over alle deelverzamelingen), afgerond op centen met de methode van de grootste rest, zodat de delen precies optellen tot het verschil.',
    lang: 'nl' as Language,
  },
  en: {
    quantity: {
      verplichting: 'Obligation',
      gerealiseerd: 'Realised',
      restant: 'Remainder',
      overschot: 'Surplus',
      boete: 'Penalty',
    } satisfies Record<Quantity, string>,
    status: { 'geen-verplichting': 'no obligation', voldaan: 'met', 'niet-voldaan': 'not met' } as Record<
      string,
      string
    >,
    base: 'baseline',
    title: 'What-if',
    heading: 'What-if analysis',
    read: (r: WhatIfReport['read']) =>
      `${r.contracts} contracts read, ${r.evaluated} evaluated, ${r.skipped} skipped`,
    rows: (n: number) => `${n} rows`,
    rowsSeeMessages: (n: number) => `${n} rows; see the command line's messages`,
    portfolio: 'Portfolio',
    metOfBase: (met: number, total: number) => `Met (with an obligation): baseline ${met} of ${total}`,
    scenarioLine: (s: ScenarioReport) =>
      `${s.name}: ${s.status.voldaan} met; ${s.notMetToMet} become met, ${s.metToNotMet} not met; ${s.changed} contracts with another amount` +
      (s.failed > 0 ? `; ${s.failed} could not be evaluated` : ''),
    noAttribution: 'no attribution',
    totals: 'Totals',
    scenario: 'Scenario',
    met: 'Met',
    notMet: 'Not met',
    difference: 'difference',
    differenceHead: 'Difference',
    totalsChart: 'Totals per scenario',
    fulfilmentChart: 'Distribution of the percentage realised (contracts with an obligation)',
    attributionChart: (name: string) => `Attribution per parameter: ${name}`,
    routesChart: 'Realised per route (after caps)',
    change: 'Change',
    baseHead: 'Baseline',
    changedSentence: (s: ScenarioReport) =>
      `${s.changed} contracts with another amount; ${s.notMetToMet} go from not met to met, ${s.metToNotMet} from met to not met.` +
      (s.failed > 0 ? ` The scenario could not evaluate ${s.failed} contracts.` : ''),
    attributionHeading: 'Attribution per parameter (Shapley values, to the cent)',
    parameter: 'Parameter',
    total: 'Total',
    noAttributionLong: 'No attribution per parameter',
    perKind: 'Per kind of purchase (opdrachtsoort)',
    kind: 'Opdrachtsoort',
    contracts: 'Contracts',
    perDoelgroep: 'Per target group (valued, before caps)',
    doelgroep: 'Doelgroep',
    noDoelgroep: '(no target group)',
    statusChanges: 'Contracts whose status changes',
    largest: (n: number) => ` (the ${n} largest)`,
    contract: 'Contract',
    status_: 'Status',
    perRoute: 'Per route',
    footnote:
      'Amounts exact to the cent. The attribution splits each difference over the changed parameters with Shapley values ' +
      '(exact over all subsets), rounded to cents by the largest remainder method, so that the parts add up exactly to the difference.',
    lang: 'en' as Language,
  },
};
type Words = (typeof words)['nl'];

/** "1234567.89" as "€ 1.234.567,89". */
export function euro(text: string | undefined): string {
  if (text === undefined) return '';
  const neg = text.startsWith('-');
  const [int, frac = '00'] = (neg ? text.slice(1) : text).split('.');
  return `${neg ? '-' : ''}€ ${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}
/** An amount as the report's language writes it: "€ 1.234,56" or "€ 1,234.56". */
const amount = (text: string | undefined, lang: Language) =>
  text === undefined
    ? ''
    : lang === 'nl'
      ? euro(text)
      : text.startsWith('-')
        ? `-${showMoney(text.slice(1), lang)}`
        : showMoney(text, lang);
const signed = (text: string | undefined, lang: Language = 'nl') =>
  (text && !text.startsWith('-') && text !== '0.00' ? '+' : '') + amount(text, lang);
/** "1234.56" as a spreadsheet reads it in Dutch: "1234,56". */
const csvAmount = (text: string | undefined) => (text === undefined ? '' : text.replace('.', ','));
const csvCents = (c: number | bigint) => {
  const n = typeof c === 'bigint' ? c : BigInt(c);
  const neg = n < 0n;
  const a = neg ? -n : n;
  return `${neg ? '-' : ''}${a / 100n},${String(a % 100n).padStart(2, '0')}`;
};

/** A field for a `;`-separated file: quoted when it holds a separator, quote or line break. */
export function csvCell(text: string): string {
  // A leading = + - @ would make a spreadsheet read a formula: prefix it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const row = (cells: readonly string[]) => cells.map(csvCell).join(';') + '\r\n';

// ── Text ───────────────────────────────────────────────────────────────────

export function whatIfText(r: WhatIfReport, lang: Language = 'nl'): string {
  const W = words[lang];
  const out: string[] = [];
  const qs = r.quantities;
  out.push(`${W.title}: ${r.base} × ${r.portfolio}`);
  out.push(W.read(r.read) + (r.read.skippedRows > 0 ? ` (${W.rows(r.read.skippedRows)})` : ''));
  out.push('');
  const w = Math.max(12, ...r.scenarios.map((s) => s.name.length));
  out.push(
    ['', ...qs.map((q) => W.quantity[q])].map((c, i) => (i === 0 ? c.padEnd(w) : c.padStart(18))).join(' '),
  );
  const line = (name: string, a: Amounts) =>
    [name.padEnd(w), ...qs.map((q) => amount(a[q], lang).padStart(18))].join(' ');
  out.push(line(W.base, r.baseline.totals));
  for (const s of r.scenarios) {
    out.push(line(s.name, s.totals));
    out.push([''.padEnd(w), ...qs.map((q) => signed(s.difference[q], lang).padStart(18))].join(' '));
  }
  out.push('');
  out.push(
    W.metOfBase(r.baseline.status.voldaan, r.baseline.status.voldaan + r.baseline.status['niet-voldaan']),
  );
  for (const s of r.scenarios) {
    out.push(W.scenarioLine(s));
    if (s.attribution) {
      for (const q of ['gerealiseerd', 'boete'] as const) {
        const parts = s.attribution[q];
        if (!parts) continue;
        out.push(`  ${W.quantity[q]} ${signed(s.attributed?.[q], lang)}:`);
        s.players.forEach((p, i) =>
          out.push(
            `    ${p.label} (${shownIn(p, lang).from} → ${shownIn(p, lang).to}): ${signed(parts[i], lang)}`,
          ),
        );
      }
    } else if (s.noAttribution) out.push(`  ${W.noAttribution}: ${s.noAttribution}`);
  }
  return out.join('\n') + '\n';
}

// ── CSV ────────────────────────────────────────────────────────────────────

/** The per-contract CSV: its header, the rows of one contract, and the closing totals. */
export class WhatIfCsv {
  private readonly labels: string[];
  constructor(
    private readonly specs: readonly ScenarioSpec[],
    private readonly shown: readonly Quantity[],
  ) {
    this.labels = [...new Set(specs.flatMap((s) => s.players.map((p) => p.label)))];
  }

  /** The header line, after a UTF-8 byte order mark (so a spreadsheet reads the € right). */
  header(): string {
    return (
      '\uFEFF' +
      row([
        'scenario',
        'contract',
        'opdrachtsoort',
        'regeling',
        'status basis',
        'status scenario',
        ...this.shown.flatMap((q) => [`${q} basis`, `${q} scenario`, `${q} verschil`]),
        ...this.labels.flatMap((l) => [`gerealiseerd door ${l}`, `boete door ${l}`]),
      ])
    );
  }

  /** One line per scenario in which the contract's amounts or status change. */
  rows(o: ContractOutcome): string {
    let out = '';
    o.scenarios.forEach((s, i) => {
      if (!s) return;
      const changed =
        s.result.status !== o.base.status || s.result.amounts.some((a, q) => a !== o.base.amounts[q]);
      if (!changed) return;
      const spec = this.specs[i]!;
      const deltas = s.result.amounts.map((a, q) => a - o.base.amounts[q]!);
      const parts = s.subsets ? contractAttribution(s.subsets, deltas) : undefined;
      const qi = (q: Quantity) => quantities.indexOf(q);
      out += row([
        spec.name,
        o.id,
        o.opdrachtsoort,
        o.ruleset,
        words.nl.status[o.base.status]!,
        words.nl.status[s.result.status]!,
        ...this.shown.flatMap((q) => [
          csvCents(o.base.amounts[qi(q)]!),
          csvCents(s.result.amounts[qi(q)]!),
          csvCents(deltas[qi(q)]!),
        ]),
        ...this.labels.flatMap((l) => {
          const p = spec.players.findIndex((x) => x.label === l);
          if (p < 0 || !parts) return ['', ''];
          return [csvCents(parts[qi('gerealiseerd')]![p]!), csvCents(parts[qi('boete')]![p]!)];
        }),
      ]);
    });
    return out;
  }

  /** Closing lines: the totals per scenario (contract "TOTAAL"), and the baseline. */
  totals(r: WhatIfReport): string {
    let out = '';
    for (const s of r.scenarios)
      out += row([
        s.name,
        'TOTAAL',
        '',
        '',
        '',
        '',
        ...this.shown.flatMap((q) => [
          csvAmount(r.baseline.totals[q]),
          csvAmount(s.totals[q]),
          csvAmount(s.difference[q]),
        ]),
        ...this.labels.flatMap((l) => {
          const p = s.players.findIndex((x) => x.label === l);
          if (p < 0 || !s.attribution) return ['', ''];
          return [csvAmount(s.attribution.gerealiseerd?.[p]), csvAmount(s.attribution.boete?.[p])];
        }),
      ]);
    return out;
  }
}

// ── HTML ───────────────────────────────────────────────────────────────────

const palette = ['#154273', '#e17000', '#39870c', '#a90061', '#01689b', '#ffb612', '#8fcae7', '#76d2b6'];
/**
 * Each quantity in its own colour, in every chart of the report (and in the playground's
 * attribution chart): a reader who has learnt that boete is purple keeps it so.
 */
const quantityColour: Record<Quantity, string> = {
  verplichting: palette[0]!,
  gerealiseerd: palette[1]!,
  overschot: palette[2]!,
  boete: palette[3]!,
  restant: palette[4]!,
};

/** One chart as inline SVG, from ECharts' server-side SVG renderer. */
export function chart(option: echarts.EChartsOption, width = 820, height = 300): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    c.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      ...option,
    });
    return c.renderToSVGString();
  } finally {
    c.dispose();
  }
}

const toEuros = (text: string | undefined) => (text === undefined ? 0 : Number(text));
const euroAxis = (W: Words) => ({
  type: 'value' as const,
  // Whole euros as the tables write amounts ("-€ 300.000", "-€ 300,000").
  axisLabel: { formatter: (v: number) => amount(String(Math.round(v)), W.lang).replace(/[,.]00$/, '') },
});

/**
 * Room for the category labels (parameter and route names) left of a horizontal bar chart. The
 * server-side renderer cannot measure text, so `containLabel` under-reserves: reserve it from the
 * longest label (7 px a character at 12 px), up to 60 characters; a longer one ends in "…" (the
 * table above the chart names it in full).
 */
function labelRoom(labels: readonly string[]): { left: number; axisLabel: object } {
  const width = Math.min(420, Math.max(80, 7 * Math.max(0, ...labels.map((l) => l.length))));
  return { left: width + 16, axisLabel: { width, overflow: 'truncate', ellipsis: '…' } };
}
const legend = { bottom: 0, itemGap: 24 };

function totalsChart(r: WhatIfReport, W: Words): string {
  const names = [W.base, ...r.scenarios.map((s) => s.name)];
  const all: VariantReport[] = [r.baseline, ...r.scenarios];
  const shown = r.quantities.filter((q) => q !== 'restant');
  return chart({
    title: { text: W.totalsChart, textStyle: { fontSize: 14 } },
    legend,
    grid: { top: 48, left: 16, right: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: euroAxis(W),
    series: shown.map((q) => ({
      type: 'bar',
      name: W.quantity[q],
      itemStyle: { color: quantityColour[q] },
      data: all.map((v) => toEuros(v.totals[q])),
    })),
  });
}

function fulfilmentChart(r: WhatIfReport, W: Words): string {
  const all: [string, VariantReport][] = [
    [W.base, r.baseline],
    ...r.scenarios.map((s) => [s.name, s] as [string, VariantReport]),
  ];
  return chart({
    title: {
      text: W.fulfilmentChart,
      textStyle: { fontSize: 14 },
    },
    legend,
    grid: { top: 48, left: 16, right: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: r.baseline.fulfilment.map((f) => f.bucket) },
    yAxis: { type: 'value', minInterval: 1 },
    series: all.map(([name, v]) => ({ type: 'bar', name, data: v.fulfilment.map((f) => f.contracts) })),
  });
}

function attributionChart(s: ScenarioReport, W: Words): string {
  const qs = (['gerealiseerd', 'boete', 'verplichting'] as const).filter((q) => s.attribution?.[q]);
  const labels = s.players.map((p) => p.label);
  const room = labelRoom(labels);
  return chart(
    {
      title: { text: W.attributionChart(s.name), textStyle: { fontSize: 14 } },
      legend,
      grid: { top: 48, left: room.left, right: 48, bottom: 48 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: room.axisLabel },
      xAxis: euroAxis(W),
      series: qs.map((q) => ({
        type: 'bar',
        name: W.quantity[q],
        itemStyle: { color: quantityColour[q] },
        data: s.attribution![q]!.map(toEuros),
      })),
    },
    820,
    Math.max(200, 90 + 40 * labels.length * qs.length),
  );
}

function routesChart(r: WhatIfReport, W: Words): string {
  const names = [...new Set([r.baseline, ...r.scenarios].flatMap((v) => v.routes.map((x) => x.name)))].sort();
  const labelOf = (n: string) => r.baseline.routes.find((x) => x.name === n)?.label ?? n;
  const all: [string, VariantReport][] = [
    [W.base, r.baseline],
    ...r.scenarios.map((s) => [s.name, s] as [string, VariantReport]),
  ];
  const room = labelRoom(names.map(labelOf));
  return chart(
    {
      title: { text: W.routesChart, textStyle: { fontSize: 14 } },
      legend,
      grid: { top: 48, left: room.left, right: 48, bottom: 48 },
      yAxis: { type: 'category', data: names.map(labelOf), inverse: true, axisLabel: room.axisLabel },
      xAxis: euroAxis(W),
      series: all.map(([name, v]) => ({
        type: 'bar',
        name,
        data: names.map((n) => toEuros(v.routes.find((x) => x.name === n)?.gerealiseerd)),
      })),
    },
    820,
    Math.max(220, 90 + 22 * names.length * all.length),
  );
}

const style = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #154273; color: #154273; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .neg { color: #a90061; } .pos { color: #39870c; }
  .muted { color: #555; }
  .wide { overflow-x: auto; max-width: 100%; }
  figure { margin: 1rem 0; break-inside: avoid; }
  svg { max-width: 100%; height: auto; }
  @media print {
    @page { size: A4 landscape; margin: 1cm; }
    body { margin: 0; }
    .wide { overflow: visible; }
    table { font-size: 10px; }
    th, td { padding: 1px 3px; }
    td.n, th.n { white-space: normal; }
    h2 { break-after: avoid; } table, figure { break-inside: avoid; }
  }
`;

/**
 * An amount's text that does not break (a no-break space after the euro sign), so that a printed
 * cell, which may wrap (a status change's "before → after"), breaks only around the arrow.
 */
const unbroken = (html: string) => html.replace(/ /g, '\u00a0');
/** An amount for the page (see `unbroken`). */
const cellAmount = (t: string | undefined, lang: Language) => unbroken(e(amount(t, lang)));
const money = (t: string | undefined, lang: Language) => `<td class="n">${cellAmount(t, lang)}</td>`;
/**
 * Which way a quantity improves for the policy: more realised, less restant and boete. A higher
 * obligation or surplus is neither: those differences stay uncoloured.
 */
const better: Partial<Record<Quantity, 'up' | 'down'>> = {
  gerealiseerd: 'up',
  restant: 'down',
  boete: 'down',
};
/** A signed difference, green when it is an improvement for `q` and red when it is a worsening. */
const diff = (t: string | undefined, q: Quantity, lang: Language) => {
  const way = better[q];
  const sign = !t || t === '0.00' ? 0 : t.startsWith('-') ? -1 : 1;
  const good = way === undefined || sign === 0 ? undefined : sign > 0 === (way === 'up');
  return `<td class="n${good === undefined ? '' : good ? ' pos' : ' neg'}">${unbroken(e(signed(t, lang)))}</td>`;
};

/** A difference of counts with its sign: +6, -6, 0. */
const signedCount = (n: number): string => (n > 0 ? `+${n}` : String(n));

export function whatIfHtml(r: WhatIfReport, lang: Language = 'nl'): string {
  const W = words[lang];
  const qs = r.quantities;
  const m = (t: string | undefined) => money(t, lang);
  const d = (t: string | undefined, q: Quantity) => diff(t, q, lang);
  const h: string[] = [];
  h.push(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${W.title}: ${e(r.base)}</title><style>${style}</style></head><body>`);
  h.push(`<h1>${W.heading}: ${e(r.base)}</h1>`);
  h.push(
    `<p>${W.portfolio} <b>${e(r.portfolio)}</b>: ${W.read(r.read)}` +
      `${r.read.skippedRows > 0 ? ` (${W.rowsSeeMessages(r.read.skippedRows)})` : ''}.</p>`,
  );
  h.push(`<h2>${W.totals}</h2><table><tr><th>${W.scenario}</th>`);
  for (const q of qs) h.push(`<th class="n">${W.quantity[q]}</th>`);
  h.push(`<th class="n">${W.met}</th><th class="n">${W.notMet}</th></tr>`);
  h.push(
    `<tr><td>${W.base}</td>${qs.map((q) => m(r.baseline.totals[q])).join('')}<td class="n">${r.baseline.status.voldaan}</td><td class="n">${r.baseline.status['niet-voldaan']}</td></tr>`,
  );
  for (const s of r.scenarios) {
    h.push(
      `<tr><td>${e(s.name)}</td>${qs.map((q) => m(s.totals[q])).join('')}<td class="n">${s.status.voldaan}</td><td class="n">${s.status['niet-voldaan']}</td></tr>`,
    );
    h.push(
      `<tr><td class="muted">${W.difference}</td>${qs.map((q) => d(s.difference[q], q)).join('')}${(['voldaan', 'niet-voldaan'] as const).map((st) => `<td class="n">${signedCount(s.status[st] - r.baseline.status[st])}</td>`).join('')}</tr>`,
    );
  }
  h.push('</table>');
  h.push(`<figure>${totalsChart(r, W)}</figure>`);
  h.push(`<figure>${fulfilmentChart(r, W)}</figure>`);

  for (const s of r.scenarios) {
    h.push(`<h2>${W.scenario}: ${e(s.name)}</h2>`);
    h.push(`<table><tr><th>${W.change}</th><th>${W.baseHead}</th><th>${W.scenario}</th></tr>`);
    for (const p of s.players)
      h.push(
        `<tr><td>${e(p.label)}</td><td>${e(shownIn(p, lang).from)}</td><td>${e(shownIn(p, lang).to)}</td></tr>`,
      );
    h.push('</table>');
    h.push(`<p>${W.changedSentence(s)}</p>`);
    if (s.attribution) {
      h.push(`<h3>${W.attributionHeading}</h3><table><tr><th>${W.parameter}</th>`);
      const aq = qs.filter((q) => s.attribution![q]);
      for (const q of aq) h.push(`<th class="n">${W.quantity[q]}</th>`);
      h.push('</tr>');
      s.players.forEach((p, i) =>
        h.push(`<tr><td>${e(p.label)}</td>${aq.map((q) => d(s.attribution![q]![i], q)).join('')}</tr>`),
      );
      h.push(`<tr><th>${W.total}</th>${aq.map((q) => d(s.attributed?.[q], q)).join('')}</tr></table>`);
      h.push(`<figure>${attributionChart(s, W)}</figure>`);
    } else if (s.noAttribution) h.push(`<p class="muted">${W.noAttributionLong}: ${e(s.noAttribution)}</p>`);
    h.push(`<h3>${W.perKind}</h3><table><tr><th>${W.kind}</th><th class="n">${W.contracts}</th>`);
    for (const q of qs)
      h.push(`<th class="n">${W.quantity[q]} ${W.base}</th><th class="n">${W.difference}</th>`);
    h.push('</tr>');
    for (const o of s.opdrachtsoorten) {
      const b = r.baseline.opdrachtsoorten.find((x) => x.opdrachtsoort === o.opdrachtsoort);
      h.push(
        `<tr><td>${e(o.opdrachtsoort)}</td><td class="n">${o.contracts}</td>${qs
          .map((q) => m(b?.totals[q]) + d(differenceOf(o.totals[q], b?.totals[q]), q))
          .join('')}</tr>`,
      );
    }
    h.push('</table>');
    h.push(
      `<h3>${W.perDoelgroep}</h3><table><tr><th>${W.doelgroep}</th><th class="n">${W.baseHead}</th><th class="n">${W.scenario}</th><th class="n">${W.differenceHead}</th></tr>`,
    );
    for (const g of s.doelgroepen) {
      const b = r.baseline.doelgroepen.find((x) => x.doelgroep === g.doelgroep)?.gewaardeerd;
      h.push(
        `<tr><td>${e(g.doelgroep || W.noDoelgroep)}</td>${m(b)}${m(g.gewaardeerd)}${d(differenceOf(g.gewaardeerd, b), 'gerealiseerd')}</tr>`,
      );
    }
    h.push('</table>');
    if (s.statusChanges.length > 0) {
      h.push(
        `<h3>${W.statusChanges}${s.statusChangesShown < s.metToNotMet + s.notMetToMet ? W.largest(s.statusChangesShown) : ''}</h3>`,
      );
      h.push(`<table><tr><th>${W.contract}</th><th>${W.kind}</th><th>${W.status_}</th>`);
      for (const q of qs) h.push(`<th class="n">${W.quantity[q]}</th>`);
      h.push('</tr>');
      for (const c of s.statusChanges)
        h.push(
          `<tr><td>${e(c.id)}</td><td>${e(c.opdrachtsoort)}</td><td>${e(W.status[c.from]!)} → ${e(W.status[c.to]!)}</td>${qs
            .map(
              (q) =>
                `<td class="n">${cellAmount(c.baseline[q], lang)} → ${cellAmount(c.scenario[q], lang)}</td>`,
            )
            .join('')}</tr>`,
        );
      h.push('</table>');
    }
  }
  h.push(`<h2>${W.perRoute}</h2>`);
  h.push(`<figure>${routesChart(r, W)}</figure>`);
  h.push(`<p class="muted">${W.footnote}</p>`);
  h.push('</body></html>\n');
  // Every table scrolls sideways inside the page on a narrow screen (user text is escaped, so
  // these tags are only ours).
  return h
    .join('\n')
    .replaceAll('<table>', '<div class="wide"><table>')
    .replaceAll('</table>', '</table></div>');
}

function differenceOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return undefined;
  const c = (t: string | undefined) => (t === undefined ? 0n : BigInt(t.replace('.', '')));
  const d = c(a) - c(b);
  const neg = d < 0n;
  const x = neg ? -d : d;
  return `${neg ? '-' : ''}${x / 100n}.${String(x % 100n).padStart(2, '0')}`;
}

export type { Evaluated };

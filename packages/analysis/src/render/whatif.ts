// The what-if report as text (terminal), CSV (`;`, decimal commas, for a Dutch spreadsheet) and
// one self-contained printable HTML page whose charts are ECharts rendered to SVG on the server:
// no script, no network; every text from a ruleset, scenario or contract is escaped.
import * as echarts from 'echarts';
import type { Evaluated, ContractOutcome, Quantity } from '../whatif/engine.js';
import { quantities } from '../whatif/engine.js';
import type { ScenarioSpec } from '../whatif/changes.js';
import {
  contractAttribution,
  type Amounts,
  type ScenarioReport,
  type VariantReport,
  type WhatIfReport,
} from '../whatif/report.js';
import { escapeHtml } from './html.js';

const e = escapeHtml;

const quantityLabel: Record<Quantity, string> = {
  verplichting: 'Verplichting',
  gerealiseerd: 'Gerealiseerd',
  restant: 'Restant',
  overschot: 'Overschot',
  boete: 'Boete',
};
const statusLabel: Record<string, string> = {
  'geen-verplichting': 'geen verplichting',
  voldaan: 'voldaan',
  'niet-voldaan': 'niet voldaan',
};

/** "1234567.89" as "€ 1.234.567,89". */
export function euro(text: string | undefined): string {
  if (text === undefined) return '';
  const neg = text.startsWith('-');
  const [int, frac = '00'] = (neg ? text.slice(1) : text).split('.');
  return `${neg ? '-' : ''}€ ${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}
const signed = (text: string | undefined) =>
  (text && !text.startsWith('-') && text !== '0.00' ? '+' : '') + euro(text);
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

export function whatIfText(r: WhatIfReport): string {
  const out: string[] = [];
  const qs = r.quantities;
  out.push(`Wat-als: ${r.base} × ${r.portfolio}`);
  out.push(
    `${r.read.contracts} contracten gelezen, ${r.read.evaluated} doorgerekend, ${r.read.skipped} overgeslagen` +
      (r.read.skippedRows > 0 ? ` (${r.read.skippedRows} rijen)` : ''),
  );
  out.push('');
  const w = Math.max(12, ...r.scenarios.map((s) => s.name.length));
  out.push(
    ['', ...qs.map((q) => quantityLabel[q])]
      .map((c, i) => (i === 0 ? c.padEnd(w) : c.padStart(18)))
      .join(' '),
  );
  const line = (name: string, a: Amounts) =>
    [name.padEnd(w), ...qs.map((q) => euro(a[q]).padStart(18))].join(' ');
  out.push(line('basis', r.baseline.totals));
  for (const s of r.scenarios) {
    out.push(line(s.name, s.totals));
    out.push([''.padEnd(w), ...qs.map((q) => signed(s.difference[q]).padStart(18))].join(' '));
  }
  out.push('');
  out.push(
    `Voldaan (met verplichting): basis ${r.baseline.status.voldaan} van ${r.baseline.status.voldaan + r.baseline.status['niet-voldaan']}`,
  );
  for (const s of r.scenarios) {
    out.push(
      `${s.name}: ${s.status.voldaan} voldaan; ${s.notMetToMet} gaan naar voldaan, ${s.metToNotMet} naar niet voldaan; ${s.changed} contracten met een ander bedrag` +
        (s.failed > 0 ? `; ${s.failed} niet door te rekenen` : ''),
    );
    if (s.attribution) {
      for (const q of ['gerealiseerd', 'boete'] as const) {
        const parts = s.attribution[q];
        if (!parts) continue;
        out.push(`  ${quantityLabel[q]} ${signed(s.attributed?.[q])}:`);
        s.players.forEach((p, i) => out.push(`    ${p.label} (${p.from} → ${p.to}): ${signed(parts[i])}`));
      }
    } else if (s.noAttribution) out.push(`  geen toerekening: ${s.noAttribution}`);
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
      const parts = s.scaled ? contractAttribution(s.scaled, spec.players.length, deltas) : undefined;
      const qi = (q: Quantity) => quantities.indexOf(q);
      out += row([
        spec.name,
        o.id,
        o.opdrachtsoort,
        o.ruleset,
        statusLabel[o.base.status]!,
        statusLabel[s.result.status]!,
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

/** One chart as inline SVG, from ECharts' server-side SVG renderer. */
function chart(option: echarts.EChartsOption, width = 820, height = 300): string {
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
const euroAxis = {
  type: 'value' as const,
  axisLabel: { formatter: (v: number) => `€ ${Math.round(v).toLocaleString('nl-NL')}` },
};

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

function totalsChart(r: WhatIfReport): string {
  const names = ['basis', ...r.scenarios.map((s) => s.name)];
  const all: VariantReport[] = [r.baseline, ...r.scenarios];
  const shown = r.quantities.filter((q) => q !== 'restant');
  return chart({
    title: { text: 'Totalen per scenario', textStyle: { fontSize: 14 } },
    legend,
    grid: { top: 48, left: 16, right: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: euroAxis,
    series: shown.map((q) => ({
      type: 'bar',
      name: quantityLabel[q],
      data: all.map((v) => toEuros(v.totals[q])),
    })),
  });
}

function fulfilmentChart(r: WhatIfReport): string {
  const all: [string, VariantReport][] = [
    ['basis', r.baseline],
    ...r.scenarios.map((s) => [s.name, s] as [string, VariantReport]),
  ];
  return chart({
    title: {
      text: 'Verdeling van het percentage gerealiseerd (contracten met verplichting)',
      textStyle: { fontSize: 14 },
    },
    legend,
    grid: { top: 48, left: 16, right: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: r.baseline.fulfilment.map((f) => f.bucket) },
    yAxis: { type: 'value', minInterval: 1 },
    series: all.map(([name, v]) => ({ type: 'bar', name, data: v.fulfilment.map((f) => f.contracts) })),
  });
}

function attributionChart(s: ScenarioReport): string {
  const qs = (['gerealiseerd', 'boete', 'verplichting'] as const).filter((q) => s.attribution?.[q]);
  const labels = s.players.map((p) => p.label);
  const room = labelRoom(labels);
  return chart(
    {
      title: { text: `Toerekening per parameter: ${s.name}`, textStyle: { fontSize: 14 } },
      legend,
      grid: { top: 48, left: room.left, right: 48, bottom: 48 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: room.axisLabel },
      xAxis: euroAxis,
      series: qs.map((q) => ({
        type: 'bar',
        name: quantityLabel[q],
        data: s.attribution![q]!.map(toEuros),
      })),
    },
    820,
    Math.max(200, 90 + 40 * labels.length * qs.length),
  );
}

function routesChart(r: WhatIfReport): string {
  const names = [...new Set([r.baseline, ...r.scenarios].flatMap((v) => v.routes.map((x) => x.name)))].sort();
  const labelOf = (n: string) => r.baseline.routes.find((x) => x.name === n)?.label ?? n;
  const all: [string, VariantReport][] = [
    ['basis', r.baseline],
    ...r.scenarios.map((s) => [s.name, s] as [string, VariantReport]),
  ];
  const room = labelRoom(names.map(labelOf));
  return chart(
    {
      title: { text: 'Gerealiseerd per route (na maxima)', textStyle: { fontSize: 14 } },
      legend,
      grid: { top: 48, left: room.left, right: 48, bottom: 48 },
      yAxis: { type: 'category', data: names.map(labelOf), inverse: true, axisLabel: room.axisLabel },
      xAxis: euroAxis,
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
  @media print { body { margin: 1cm; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

const money = (t: string | undefined) => `<td class="n">${e(euro(t))}</td>`;
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
const diff = (t: string | undefined, q: Quantity) => {
  const way = better[q];
  const sign = !t || t === '0.00' ? 0 : t.startsWith('-') ? -1 : 1;
  const good = way === undefined || sign === 0 ? undefined : sign > 0 === (way === 'up');
  return `<td class="n${good === undefined ? '' : good ? ' pos' : ' neg'}">${e(signed(t))}</td>`;
};

export function whatIfHtml(r: WhatIfReport): string {
  const qs = r.quantities;
  const h: string[] = [];
  h.push(`<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Wat-als: ${e(r.base)}</title><style>${style}</style></head><body>`);
  h.push(`<h1>Wat-als-analyse: ${e(r.base)}</h1>`);
  h.push(
    `<p>Portefeuille <b>${e(r.portfolio)}</b>: ${r.read.contracts} contracten gelezen, ${r.read.evaluated} doorgerekend, ` +
      `${r.read.skipped} overgeslagen${r.read.skippedRows > 0 ? ` (${r.read.skippedRows} rijen; zie de meldingen van de opdrachtregel)` : ''}.</p>`,
  );
  h.push('<h2>Totalen</h2><table><tr><th>Scenario</th>');
  for (const q of qs) h.push(`<th class="n">${quantityLabel[q]}</th>`);
  h.push('<th class="n">Voldaan</th><th class="n">Niet voldaan</th></tr>');
  h.push(
    `<tr><td>basis</td>${qs.map((q) => money(r.baseline.totals[q])).join('')}<td class="n">${r.baseline.status.voldaan}</td><td class="n">${r.baseline.status['niet-voldaan']}</td></tr>`,
  );
  for (const s of r.scenarios) {
    h.push(
      `<tr><td>${e(s.name)}</td>${qs.map((q) => money(s.totals[q])).join('')}<td class="n">${s.status.voldaan}</td><td class="n">${s.status['niet-voldaan']}</td></tr>`,
    );
    h.push(
      `<tr><td class="muted">verschil</td>${qs.map((q) => diff(s.difference[q], q)).join('')}<td class="n">${s.notMetToMet > 0 ? '+' + s.notMetToMet : ''}</td><td class="n">${s.metToNotMet > 0 ? '+' + s.metToNotMet : ''}</td></tr>`,
    );
  }
  h.push('</table>');
  h.push(`<figure>${totalsChart(r)}</figure>`);
  h.push(`<figure>${fulfilmentChart(r)}</figure>`);

  for (const s of r.scenarios) {
    h.push(`<h2>Scenario ${e(s.name)}</h2>`);
    h.push('<table><tr><th>Wijziging</th><th>Basis</th><th>Scenario</th></tr>');
    for (const p of s.players)
      h.push(`<tr><td>${e(p.label)}</td><td>${e(p.from)}</td><td>${e(p.to)}</td></tr>`);
    h.push('</table>');
    h.push(
      `<p>${s.changed} contracten met een ander bedrag; ${s.notMetToMet} gaan van niet voldaan naar voldaan, ${s.metToNotMet} van voldaan naar niet voldaan.` +
        (s.failed > 0 ? ` ${s.failed} contracten kon het scenario niet doorrekenen.` : '') +
        '</p>',
    );
    if (s.attribution) {
      h.push('<h3>Toerekening per parameter (Shapley-waarden, op de cent)</h3><table><tr><th>Parameter</th>');
      const aq = qs.filter((q) => s.attribution![q]);
      for (const q of aq) h.push(`<th class="n">${quantityLabel[q]}</th>`);
      h.push('</tr>');
      s.players.forEach((p, i) =>
        h.push(`<tr><td>${e(p.label)}</td>${aq.map((q) => diff(s.attribution![q]![i], q)).join('')}</tr>`),
      );
      h.push(`<tr><th>Totaal</th>${aq.map((q) => diff(s.attributed?.[q], q)).join('')}</tr></table>`);
      h.push(`<figure>${attributionChart(s)}</figure>`);
    } else if (s.noAttribution)
      h.push(`<p class="muted">Geen toerekening per parameter: ${e(s.noAttribution)}</p>`);
    h.push('<h3>Per opdrachtsoort</h3><table><tr><th>Opdrachtsoort</th><th class="n">Contracten</th>');
    for (const q of qs) h.push(`<th class="n">${quantityLabel[q]} basis</th><th class="n">verschil</th>`);
    h.push('</tr>');
    for (const o of s.opdrachtsoorten) {
      const b = r.baseline.opdrachtsoorten.find((x) => x.opdrachtsoort === o.opdrachtsoort);
      h.push(
        `<tr><td>${e(o.opdrachtsoort)}</td><td class="n">${o.contracts}</td>${qs
          .map((q) => money(b?.totals[q]) + diff(differenceOf(o.totals[q], b?.totals[q]), q))
          .join('')}</tr>`,
      );
    }
    h.push('</table>');
    h.push(
      '<h3>Per doelgroep (gewaardeerd, vóór maxima)</h3><table><tr><th>Doelgroep</th><th class="n">Basis</th><th class="n">Scenario</th><th class="n">Verschil</th></tr>',
    );
    for (const d of s.doelgroepen) {
      const b = r.baseline.doelgroepen.find((x) => x.doelgroep === d.doelgroep)?.gewaardeerd;
      h.push(
        `<tr><td>${e(d.doelgroep || '(zonder doelgroep)')}</td>${money(b)}${money(d.gewaardeerd)}${diff(differenceOf(d.gewaardeerd, b), 'gerealiseerd')}</tr>`,
      );
    }
    h.push('</table>');
    if (s.statusChanges.length > 0) {
      h.push(
        `<h3>Contracten die van status veranderen${s.statusChangesShown < s.metToNotMet + s.notMetToMet ? ` (de ${s.statusChangesShown} grootste)` : ''}</h3>`,
      );
      h.push('<table><tr><th>Contract</th><th>Opdrachtsoort</th><th>Status</th>');
      for (const q of qs) h.push(`<th class="n">${quantityLabel[q]}</th>`);
      h.push('</tr>');
      for (const c of s.statusChanges)
        h.push(
          `<tr><td>${e(c.id)}</td><td>${e(c.opdrachtsoort)}</td><td>${e(statusLabel[c.from]!)} → ${e(statusLabel[c.to]!)}</td>${qs
            .map((q) => `<td class="n">${e(euro(c.baseline[q]))} → ${e(euro(c.scenario[q]))}</td>`)
            .join('')}</tr>`,
        );
      h.push('</table>');
    }
  }
  h.push('<h2>Per route</h2>');
  h.push(`<figure>${routesChart(r)}</figure>`);
  h.push(
    '<p class="muted">Bedragen exact op de cent. De toerekening verdeelt elk verschil met Shapley-waarden over de gewijzigde parameters ' +
      '(exact over alle deelverzamelingen), afgerond op centen met de methode van de grootste rest, zodat de delen precies optellen tot het verschil.</p>',
  );
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

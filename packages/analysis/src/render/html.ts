// The review reports as one self-contained, printable HTML page: every text from a ruleset or a
// contract is escaped, and the page allows no scripts (Content-Security-Policy).
import type { Language } from '@sroi/core';
import type { RulesetDiff } from '../diff/diff.js';
import { categoryOrder, type DiffChange, type DiffSide } from '../diff/model.js';
import { showPlace } from '../ruleset.js';
import { showMoney } from '../values.js';
import {
  changeTitle,
  changeVerdict,
  findingContract,
  groupName,
  probeText,
  scenarioText,
  sentence,
  summaryText,
  words,
} from './words.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!);

const e = escapeHtml;

const style = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #154273; color: #154273; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
  p, li { max-width: 60rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #c8c8c8; padding: .3rem .45rem; vertical-align: top; text-align: left; }
  thead th { background: #eef2f7; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  tbody th.section { background: #154273; color: #fff; font-size: .95rem; }
  code, .formula { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
  .place, .prov { display: block; color: #555; font-size: .85em; }
  .prov .kind { font-weight: 600; }
  .marker { font-weight: 700; text-align: center; width: 1.5rem; }
  .added .marker { color: #1a7f37; } .removed .marker { color: #b42318; } .changed .marker { color: #9a6700; }
  del { background: #ffebe9; text-decoration: line-through; } ins { background: #dafbe1; text-decoration: none; }
  td.divergent { background: #fff4ce; font-weight: 600; }
  td.absent { color: #888; }
  tr.divergent th.label::before { content: "≠ "; color: #b42318; }
  .num { text-align: right; white-space: nowrap; }
  .boundary { color: #b42318; font-weight: 600; }
  .muted { color: #555; }
  @media print { body { margin: 0; font-size: 11px; } h2 { page-break-after: avoid; } a { color: inherit; } }
`;

/**
 * The diff on paper: its columns share the page's width, and a long value (a formula, a file
 * place) wraps inside its cell; on screen a table as wide as its content is easier to read.
 */
const diffPrintStyle = `
  @media print { table { table-layout: fixed; } th, td { overflow-wrap: anywhere; } }
`;

/** A whole page: the shared style (and `extra` style), no scripts allowed. */
export function page(title: string, lang: Language, body: string, extra = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${style}${extra}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function sideHtml(side: DiffSide | undefined, lang: Language): string {
  const w = words[lang];
  if (!side) return `<td class="absent">${e(w.none)}</td>`;
  const parts = [side.formula !== undefined ? `<span class="formula">${e(side.text)}</span>` : e(side.text)];
  if (side.rows?.length)
    parts.push(
      `<table>${side.rows.map((r) => `<tr><td>${e(r.key)}</td><td>${e(r.text)}</td></tr>`).join('')}</table>`,
    );
  if (side.place) parts.push(`<span class="place">${e(showPlace(side.place))}</span>`);
  if (side.replaces) parts.push(`<span class="place">${e(w.replaces)} ${e(showPlace(side.replaces))}</span>`);
  for (const p of side.provenance)
    parts.push(`<span class="prov"><span class="kind">${e(p.kind)}:</span> ${e(p.text)}</span>`);
  return `<td>${parts.join('')}</td>`;
}

function changeRow(c: DiffChange, lang: Language): string {
  const w = words[lang];
  const marker = c.change === 'added' ? '+' : c.change === 'removed' ? '−' : '~';
  const fragments = (c.fragments ?? [])
    .map((f) => `${f.old ? `<del>${e(f.old)}</del>` : ''} ${f.new ? `<ins>${e(f.new)}</ins>` : ''}`)
    .join('<br>');
  const values = [
    c.addedValues?.length ? `${e(w.addedValues)}: <ins>${e(c.addedValues.join(', '))}</ins>` : '',
    c.removedValues?.length ? `${e(w.removedValues)}: <del>${e(c.removedValues.join(', '))}</del>` : '',
  ]
    .filter(Boolean)
    .join('<br>');
  return `<tr class="${c.change}"><td class="marker">${marker}</td><th scope="row">${e(changeTitle(c, lang))}</th><td>${e(
    changeVerdict(c, lang),
  )}${fragments ? `<br><span class="formula">${fragments}</span>` : ''}${values ? `<br>${values}` : ''}</td>${sideHtml(
    c.old,
    lang,
  )}${sideHtml(c.new, lang)}</tr>`;
}

/** `sroi diff --html`. */
export function diffHtml(d: RulesetDiff, lang: Language = 'nl'): string {
  const w = words[lang];
  const out: string[] = [`<h1>${e(w.diffTitle)}</h1>`, '<ul>'];
  out.push(
    `<li><strong>A</strong> <code>${e(d.a.label)}</code> — ${e(d.a.name)}, ${e(w.period)} ${e(d.a.periods)}</li>`,
  );
  out.push(
    `<li><strong>B</strong> <code>${e(d.b.label)}</code> — ${e(d.b.name)}, ${e(w.period)} ${e(d.b.periods)}</li></ul>`,
  );
  const provOnly = (c: DiffChange) => c.aspects.length === 1 && c.aspects[0] === 'provenance';
  const main = d.changes.filter((c) => !provOnly(c));
  const rest = d.changes.filter(provOnly);
  const summary = [d.changes.length ? w.summary(main.length, rest.length) : w.noChanges];
  if (d.boundaries)
    summary.push(
      w.boundarySummary(
        d.boundaries.groups.reduce((n, g) => n + g.differing, 0),
        d.boundaries.candidates,
      ),
    );
  out.push(`<p>${e(sentence(summary))}</p>`);
  const head = `<thead><tr><th class="marker"></th><th>${e(w.row)}</th><th></th><th>A</th><th>B</th></tr></thead>`;
  for (const category of categoryOrder) {
    const changes = main.filter((c) => c.category === category);
    if (changes.length === 0) continue;
    out.push(`<h2>${e(w.categories[category])}</h2>`, `<table>${head}<tbody>`);
    for (const c of changes) out.push(changeRow(c, lang));
    out.push('</tbody></table>');
  }
  if (rest.length) {
    out.push(`<h2>${e(w.provenanceOnly)} (${rest.length})</h2>`, `<table>${head}<tbody>`);
    for (const c of rest) out.push(changeRow(c, lang));
    out.push('</tbody></table>');
  }
  if (d.boundaries) {
    const b = d.boundaries;
    out.push(`<h2>${e(w.boundaries)}</h2>`);
    out.push(`<p>${e(w.searched(b.candidates, b.evaluations))}</p>`);
    out.push(
      `<p>${e(w.dates)}: ${e(b.scenarios.map(scenarioText).join('; '))}. ${e(w.baseContract(showMoney(b.base.waarde, lang), b.base.opdrachtsoort))}</p>`,
    );
    for (const g of b.groups) {
      out.push(
        `<h3>${e(w.groupLine(groupName(g.group, lang), g.differing, g.candidates))}${g.findings.length < g.differing ? ` ${e(w.shownOf(g.findings.length))}` : ''}</h3>`,
      );
      out.push(
        `<table><thead><tr><th class="marker">#</th><th>${e(w.contract)}</th><th>A</th><th>B</th><th>${e(w.differs)}</th></tr></thead><tbody>`,
      );
      for (const [i, f] of g.findings.entries()) {
        const probeLine = probeText(f, lang);
        const probe = probeLine ? `<span class="place">${e(probeLine)}</span>` : '';
        const boundary = f.boundary ? `<span class="boundary">${e(w.boundary)}</span>` : '';
        const dates = `${e(w.onDates)} ${e(scenarioText(f.scenario))}${f.alsoOn.length ? `; ${e(w.alsoOn)} ${e(f.alsoOn.map(scenarioText).join('; '))}` : ''}`;
        out.push(
          `<tr><td class="num">${i + 1}</td><td>${e(findingContract(f, lang))}${probe}${boundary}</td><td>${e(
            summaryText(f.results[0], lang),
          )}</td><td>${e(summaryText(f.results[1], lang))}</td><td>${e(
            f.differs.map((x) => w.outcomes[x] ?? x).join(', '),
          )}<span class="place">${dates}</span></td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }
    const same = b.groups.filter((g) => g.differing === 0);
    if (same.length)
      out.push(
        `<p>${e(w.sameIn)}: ${e(same.map((g) => `${groupName(g.group, lang)} (${w.candidatesOf(g.candidates)})`).join(', '))}.</p>`,
      );
    out.push(`<p class="muted">${e(w.exit)}</p>`);
  }
  return page(`${w.diffTitle}: ${d.a.label} — ${d.b.label}`, lang, out.join('\n'), diffPrintStyle);
}

// `sroi compare --html`: one contract under several rulesets as one printable page — a column per
// ruleset (named after it), each value with its footing (bron or aanname), the differing lines
// marked and explained by the rules that made them. No scripts; every text is escaped.
import type { Language } from '@sroi/core';
import type { ComparedLine, Comparison, Explanation } from '../compare.js';
import { showMoney } from '../values.js';
import { escapeHtml as e, page } from './html.js';
import { rulesetColumns } from './csv.js';
import { activityLabel } from './text.js';
import { words } from './words.js';

const extraStyle = `
  .scroll { overflow-x: auto; max-width: 100%; }
  .scroll table { width: auto; }
  .scroll th.label { position: sticky; left: 0; background: #fff; z-index: 1; min-width: 16rem; }
  .scroll thead th.label { background: #eef2f7; }
  .tag { display: inline-block; font-size: .75em; padding: 0 .3em; border-radius: .25em; margin-left: .3em; font-weight: 600; }
  .tag.bron { background: #e3f1e0; color: #1f5c13; }
  .tag.aanname { background: #ffe7c2; color: #7a4200; }
  td.num { white-space: nowrap; }
  .scroll tr.group th.label { background: #154273; color: #fff; }
  @media print { @page { size: A4 landscape; margin: 1cm; } .scroll { overflow: visible; } .scroll th.label { position: static; } }
`;

const amount = (v: string | undefined, lang: Language, percentage = false) =>
  v === undefined
    ? '—'
    : v === '-'
      ? '-'
      : percentage
        ? `${v.replace('.', lang === 'nl' ? ',' : '.')}%`
        : showMoney(v, lang);

function lineHtml(label: string, l: ComparedLine, lang: Language, percentage = false): string {
  const w = words[lang];
  const cells = l.values.map((v, i) => {
    const p = l.provenance[i];
    const tag =
      p && p.kind !== 'geen'
        ? `<span class="tag ${p.kind}" title="${e(p.kind === 'aanname' ? `${w.assumptionsIn}: ${p.assumptions.join('; ')}` : p.sources.join('; '))}">${e(w.provenance[p.kind])}</span>`
        : '';
    const divergent = i > 0 && v !== l.values[0];
    return `<td class="num${divergent ? ' divergent' : ''}">${e(amount(v, lang, percentage))}${tag}</td>`;
  });
  return `<tr${l.differs ? ' class="divergent"' : ''}><th scope="row" class="label">${e(label)}</th>${cells.join('')}</tr>`;
}

function explanationHtml(title: string, explanations: readonly Explanation[], lang: Language): string {
  const w = words[lang];
  const items = explanations.map((x) => {
    const rules = x.rules.map((r) => {
      const where = r.other?.plaats ?? r.base?.plaats;
      const place = where ? ` <span class="place">${e(`${where.bestand}:${where.regel}`)}</span>` : '';
      const values =
        r.base && r.other
          ? `${e(r.base.waarde)} → <strong>${e(r.other.waarde)}</strong>`
          : r.other
            ? `${e(r.other.waarde)} (${e(w.onlyIn(x.against + 1))})`
            : `${e(r.base!.waarde)} (${e(w.onlyIn(1))})`;
      return `<li><code>${e(r.regel)}</code>: ${values}${place}</li>`;
    });
    return `<li>${e(w.against(x.against + 1, 1))}<ul>${rules.join('')}</ul></li>`;
  });
  return `<h3>${e(title)}</h3><ul>${items.join('')}</ul>`;
}

export function compareHtml(c: Comparison, lang: Language = 'nl'): string {
  const w = words[lang];
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const title = `${w.compareTitle}: ${[c.contract.id, c.contract.omschrijving].filter(Boolean).join(' — ')}`;
  const out: string[] = [`<h1>${e(title)}</h1>`, '<ol>'];
  for (const r of c.rulesets) {
    const date = r.date
      ? r.date.moved
        ? w.moved(r.date.field, r.date.given ?? '?', r.periods, r.date.used)
        : w.notMoved(r.date.field, r.date.used)
      : '';
    const refused = r.result ? '' : `; ${w.refused}: ${r.diagnostics.map((d) => d.code).join(', ')}`;
    out.push(
      `<li><strong>${e(r.name)}</strong> <code>${e(r.label)}</code>, ${e(w.period)} ${e(r.periods)}<span class="place">${e(date + refused)}</span></li>`,
    );
  }
  out.push('</ol>', `<p>${e(w.legendCompareHtml)}</p>`);
  const names = rulesetColumns(c.rulesets);
  const group = (text: string) =>
    `<tr class="group"><th class="label" colspan="${names.length + 1}">${e(text)}</th></tr>`;
  const o = (name: string) => c.outcomes.find((x) => x.key === name)!;
  out.push(
    `<div class="scroll"><table><thead><tr><th class="label"></th>${names.map((n) => `<th>${e(n)}</th>`).join('')}</tr></thead><tbody>`,
  );
  out.push(lineHtml(capital(w.outcomes['verplichting']!), o('verplichting'), lang));
  out.push(group(w.activities));
  for (const a of c.activities)
    out.push(lineHtml(`${a.index + 1}. ${activityLabel(a.activity, lang)}`, a, lang));
  out.push(group(w.routes));
  for (const r of c.routes) out.push(lineHtml(r.label, r, lang));
  out.push(group(w.categories.outcomes));
  for (const name of ['gerealiseerd', 'restant', 'overschot', 'boete'] as const)
    out.push(lineHtml(capital(w.outcomes[name]!), o(name), lang));
  out.push(lineHtml(capital(w.outcomes['percentage']!), o('percentage'), lang, true));
  out.push('</tbody></table></div>');
  const explained = [
    ...(o('verplichting').explanations.length
      ? [explanationHtml(capital(w.outcomes['verplichting']!), o('verplichting').explanations, lang)]
      : []),
    ...c.activities
      .filter((a) => a.explanations.length)
      .map((a) =>
        explanationHtml(`${a.index + 1}. ${activityLabel(a.activity, lang)}`, a.explanations, lang),
      ),
  ];
  if (explained.length) out.push(`<h2>${e(w.explained)}</h2>`, ...explained);
  return page(title, lang, out.join('\n'), extraStyle);
}

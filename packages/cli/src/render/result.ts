// A result as a policy officer reads it: the outcomes, every activity's value, the routes and
// their caps, the messages — and under each amount the rules, formulas, values and sources.
import { formatMoney, Rational, type Language } from '@sroi/core';
import type { EvaluationResult, Uitleg } from '@sroi/evaluator';
import { safeLine } from './terminal.js';

const labels = {
  nl: {
    period: 'periode',
    contract: 'contract',
    obligation: 'Verplichting',
    valuations: 'Waarderingen',
    routes: 'Routes',
    realised: 'Gerealiseerd',
    remainder: 'Restant',
    surplus: 'Overschot',
    percentage: 'Percentage',
    penalty: 'Boete',
    messages: 'Meldingen',
    none: 'geen',
    capped: 'begrensd op',
    noActivities: '(geen activiteiten)',
    source: 'bron',
    assumption: 'aanname',
    line: 'r.',
    other: 'Overige uitkomsten',
    explanation: 'Uitleg',
    above: 'zie hierboven',
    with: 'met',
  },
  en: {
    period: 'period',
    contract: 'contract',
    obligation: 'Obligation',
    valuations: 'Valuations',
    routes: 'Routes',
    realised: 'Realised',
    remainder: 'Remainder',
    surplus: 'Surplus',
    percentage: 'Percentage',
    penalty: 'Penalty',
    messages: 'Messages',
    none: 'none',
    capped: 'capped at',
    noActivities: '(no activities)',
    source: 'source',
    assumption: 'assumption',
    line: 'l.',
    other: 'Other outcomes',
    explanation: 'Explanation',
    above: 'see above',
    with: 'with',
  },
} as const;

const money = (text: string, lang: Language) =>
  formatMoney(Rational.parse(text)!.mul(Rational.of(100)), lang);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/**
 * The explanation tree of one rule, indented. A rule already shown elsewhere in the same result
 * (`seen`) is named with its value once more, not explained again.
 */
export function renderExplanation(
  node: Uitleg,
  indent: string,
  lang: Language,
  seen = new Set<Uitleg>(),
  depth = 0,
): string[] {
  const l = labels[lang];
  const out: string[] = [];
  const place = node.plaats ? `  (${l.line} ${node.plaats.regel})` : '';
  if (seen.has(node)) return [`${indent}${node.regel} = ${node.waarde}  (${l.above})`];
  seen.add(node);
  out.push(`${indent}${node.regel} = ${node.waarde}${place}`);
  const inner = `${indent}    `;
  if (node.formule !== undefined && node.formule !== node.waarde) out.push(`${inner}= ${node.formule}`);
  if (node.invoer?.length)
    out.push(`${inner}${l.with} ${node.invoer.map((i) => `${i.naam} = ${i.waarde}`).join(', ')}`);
  for (const v of node.voorwaarden ?? []) {
    const values = v.waarden.length
      ? `  (${v.waarden.map((w) => `${w.naam} = ${w.waarde}`).join(', ')})`
      : '';
    out.push(`${inner}${v.uitkomst ? '✓' : '✗'} ${v.formule}${values}`);
  }
  for (const m of node.meldingen ?? []) out.push(`${inner}! ${m}`);
  for (const b of node.bron ?? []) out.push(`${inner}${l.source}: ${b}`);
  for (const a of node.aanname ?? []) out.push(`${inner}${l.assumption}: ${a}`);
  if (depth < 12)
    for (const c of node.onderdelen ?? []) out.push(...renderExplanation(c, inner, lang, seen, depth + 1));
  return out;
}

export function renderResult(r: EvaluationResult, lang: Language, options: { brief?: boolean } = {}): string {
  const l = labels[lang];
  const lines: string[] = [];
  const head = [
    r.regeling,
    `${l.period} ${r.periode}`,
    ...(r.contract ? [`${l.contract} ${r.contract}`] : []),
  ];
  lines.push(head.join(' · '), '');
  const labelWidth = Math.max(
    34,
    ...r.waarderingen.map((w) => w.soort.length + 40),
    ...r.routes.map((x) => x.label.length + 4),
  );
  const row = (label: string, value: string) => `${pad(label, labelWidth)}${padStart(value, 16)}`;
  const seen = new Set<Uitleg>();
  const explain = (name: string) => {
    const node = r.uitleg?.[name];
    if (node && !options.brief) lines.push(...renderExplanation(node, '    ', lang, seen), '');
  };

  lines.push(row(l.obligation, money(r.verplichting, lang)));
  explain('verplichting');

  lines.push(l.valuations);
  if (r.waarderingen.length === 0) lines.push(`  ${l.noActivities}`);
  for (const w of r.waarderingen) {
    const route = r.routes.find((x) => x.naam === w.route)?.label ?? w.route;
    lines.push(row(`  ${w.index + 1}. ${w.soort} (${route})`, money(w.bedrag, lang)));
    if (w.uitleg && !options.brief) lines.push(...renderExplanation(w.uitleg, '      ', lang, seen), '');
  }
  if (options.brief || r.waarderingen.length === 0) lines.push('');

  lines.push(l.routes);
  for (const route of r.routes) {
    if (route.totaal === '0.00' && route.gerealiseerd === '0.00') continue;
    const capped =
      route.totaal !== route.gerealiseerd
        ? `  (${money(route.totaal, lang)}, ${l.capped} ${money(route.maximum ?? route.gerealiseerd, lang)})`
        : '';
    lines.push(row(`  ${route.label}`, money(route.gerealiseerd, lang)) + capped);
  }
  if (r.routes.every((x) => x.totaal === '0.00')) lines.push(`  (${l.none})`);
  lines.push('');

  lines.push(row(l.realised, money(r.gerealiseerd, lang)));
  explain('gerealiseerd');
  lines.push(row(l.remainder, money(r.restant, lang)));
  explain('restant');
  if (r.overschot !== '0.00') {
    lines.push(row(l.surplus, money(r.overschot, lang)));
    explain('overschot');
  }
  lines.push(
    row(
      l.percentage,
      r.percentage !== undefined ? `${r.percentage.replace('.', lang === 'nl' ? ',' : '.')}%` : '—',
    ),
  );
  explain('percentage');
  lines.push(row(l.penalty, money(r.boete, lang)));
  explain('boete');
  if (r.overige) {
    lines.push('', l.other);
    for (const [name, value] of Object.entries(r.overige)) {
      lines.push(row(`  ${name}`, value));
      explain(name);
    }
  }
  lines.push('', `${l.messages}${r.meldingen.length === 0 ? `: ${l.none}` : ''}`);
  for (const m of r.meldingen) {
    const who = m.activiteit !== undefined ? `#${m.activiteit + 1} ` : m.route ? `${m.route}: ` : '';
    lines.push(`  ! ${who}${m.tekst}`);
  }
  // Every line may carry contract text (its id, an activity's kind): escaped, it stays one line.
  return (
    lines
      .map(safeLine)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n') + '\n'
  );
}

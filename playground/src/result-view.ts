// The result panel: every outcome, valuation, route and melding, each amount with its explanation
// tree (formula as written, values, bron quotes, conditions that failed for "why not"); values
// resting on an `aanname` are marked provisional; a node's place selects its rule in the editor.
// Rendered with Preact: a keystroke's new result changes a few amounts, and the page should
// change those text nodes, not rebuild the panel (and restyle, lay out and repaint all of it).
import type { Language } from '@sroi/core';
import type { Plaats, Uitleg } from '@sroi/evaluator';
import { Fragment, h, render, type ComponentChild, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ShownResult } from './protocol.js';
import { language, t, type Word } from './i18n.js';
import { showMoney, showNumber } from './money.js';

export type Reveal = (place: Plaats) => void;
const looksLikeMoney = (v: string) => /^-?\d+\.\d\d$/.test(v);

/** A value as the explanation gives it: amounts as money, other numbers in the page's notation. */
export function showValue(v: string, lang: Language = language()): string {
  if (looksLikeMoney(v)) return showMoney(v, lang);
  if (/^-?\d+(\.\d+)?$/.test(v)) return showNumber(v, lang);
  if (v === 'waar' || v === 'onwaar') return lang === 'nl' ? v : v === 'waar' ? 'true' : 'false';
  return v;
}

const provisional = (on: boolean): ComponentChild =>
  on ? h('span', { class: 'badge provisional', title: t('provisionalTitle') }, t('provisional')) : null;

/** Whether a node or anything below it rests on an aanname (memoised: subtrees are shared and re-asked). */
const assumptionBelow = new WeakMap<Uitleg, boolean>();
function restsOnAssumption(node: Uitleg): boolean {
  let found = assumptionBelow.get(node);
  if (found === undefined) {
    assumptionBelow.set(node, false); // a cycle adds nothing
    found = (node.aanname?.length ?? 0) > 0 || (node.onderdelen ?? []).some(restsOnAssumption);
    assumptionBelow.set(node, found);
  }
  return found;
}

/**
 * The folds a reader opened, by their place in the result (`verplichting/0/2`), so that they stay
 * open when a keystroke or a contract change renders the result again.
 */
const openFolds = new Set<string>();

/**
 * A `<details>` whose body is built when it is open: a result holds an explanation tree per
 * amount, thousands of elements that a keystroke would otherwise build and nobody reads.
 */
function Fold(props: {
  readonly id: string;
  readonly className: string;
  readonly summary: ComponentChildren;
  readonly body: () => ComponentChildren;
}): ComponentChild {
  const [open, setOpen] = useState(() => openFolds.has(props.id));
  return h(
    'details',
    {
      class: props.className,
      'data-fold': props.id,
      open,
      onToggle: (event: Event) => {
        const now = (event.currentTarget as HTMLDetailsElement).open;
        if (now) openFolds.add(props.id);
        else openFolds.delete(props.id);
        setOpen(now);
      },
    },
    props.summary,
    open ? props.body() : null,
  );
}

const fold = (id: string, className: string, summary: ComponentChildren, body: () => ComponentChildren) =>
  h(Fold, { key: id, id, className, summary, body });

function placeButton(place: Plaats | undefined, reveal: Reveal, rule: string): ComponentChild {
  if (!place) return null;
  return h(
    'button',
    {
      class: 'link small',
      type: 'button',
      'data-line': String(place.regel),
      title: `${rule} (${place.bestand}:${place.regel})`,
      onClick: () => reveal(place),
    },
    `${t('showRule')} ↗ ${place.regel}`,
  );
}

/** One node of an explanation tree, its parts folded below it; `key` is its place in the result. */
function explanationNode(node: Uitleg, reveal: Reveal, key: string, depth = 0): ComponentChild {
  const parts = node.onderdelen ?? [];
  const body = () =>
    h(
      'div',
      { class: 'node-body' },
      placeButton(node.plaats, reveal, node.regel),
      node.formule
        ? h(
            'div',
            { class: 'formula' },
            h('span', { class: 'muted' }, `${t('formula')}: `),
            h('code', null, node.formule),
          )
        : null,
      node.invoer && node.invoer.length > 0
        ? h(
            'div',
            { class: 'inputs' },
            h('span', { class: 'muted' }, `${t('inputs')}: `),
            node.invoer.flatMap((i, k) => [
              k > 0 ? ', ' : '',
              h('code', null, i.naam),
              ' = ',
              showValue(i.waarde),
            ]),
          )
        : null,
      node.voorwaarden && node.voorwaarden.length > 0
        ? h(
            'ul',
            { class: 'conditions', 'aria-label': t('conditions') },
            node.voorwaarden.map((c) =>
              h(
                'li',
                { class: c.uitkomst ? 'holds' : 'fails' },
                h('span', { class: 'mark', 'aria-hidden': 'true' }, c.uitkomst ? '✓ ' : '✗ '),
                h('code', null, c.formule),
                ` — ${c.uitkomst ? t('holds') : t('fails')}`,
                c.waarden.length > 0
                  ? h(
                      'span',
                      { class: 'muted' },
                      ` (${c.waarden.map((w) => `${w.naam} = ${showValue(w.waarde)}`).join(', ')})`,
                    )
                  : null,
                c.plaats ? [' ', placeButton(c.plaats, reveal, c.formule)] : null,
              ),
            ),
          )
        : null,
      (node.bron ?? []).map((b) =>
        h('blockquote', { class: 'bron' }, h('span', { class: 'muted' }, `${t('source')}: `), b),
      ),
      (node.aanname ?? []).map((a) =>
        h('div', { class: 'aanname' }, h('span', { class: 'badge provisional' }, t('provisional')), ' ', a),
      ),
      (node.meldingen ?? []).map((m) => h('div', { class: 'melding' }, '⚠ ', m)),
      parts.length > 0
        ? h(
            'ul',
            { class: 'parts' },
            parts.map((p, i) => h('li', { key: i }, explanationNode(p, reveal, `${key}/${i}`, depth + 1))),
          )
        : null,
    );
  const summary = [
    h('span', { class: 'rule' }, node.regel),
    ' = ',
    h('strong', null, showValue(node.waarde)),
    ' ',
    provisional(restsOnAssumption(node)),
  ];
  // The root is open when its amount's explanation is: the reader asked for it.
  if (depth === 0) openFolds.add(key);
  return fold(key, 'node', h('summary', null, summary), body);
}

function amountRow(
  label: string,
  value: string | undefined,
  explanation: Uitleg | undefined,
  reveal: Reveal,
  key: string,
): ComponentChild {
  // No value (a percentage without an obligation): a dash, as `sroi eval` prints it, and the
  // explanation says why.
  const shown =
    value === undefined
      ? '—'
      : key === 'percentage'
        ? `${showNumber(value, language())} %`
        : showValue(value);
  return h(
    'div',
    { key, class: 'amount-row', 'data-outcome': key },
    h(
      'div',
      { class: 'amount-line' },
      h('span', { class: 'amount-label' }, label),
      h('span', { class: 'amount', 'data-value': value }, shown),
      provisional(explanation !== undefined && restsOnAssumption(explanation)),
    ),
    explanation
      ? fold(key, 'explain', h('summary', null, t('explain')), () =>
          explanationNode(explanation, reveal, `${key}/uitleg`),
        )
      : null,
  );
}

const outcomeWords: Readonly<Record<string, Word>> = {
  verplichting: 'verplichting',
  gerealiseerd: 'gerealiseerd',
  restant: 'restant',
  overschot: 'overschot',
  percentage: 'percentage',
  boete: 'boete',
};

/** The standard outcomes in reading order; `overschot` where the evaluator gives it. */
const standardOrder = ['verplichting', 'gerealiseerd', 'restant', 'overschot', 'percentage', 'boete'];

function resultView(result: ShownResult, reveal: Reveal, note: string): ComponentChild {
  const r = result as unknown as Record<string, unknown>;
  const overige = result.overige ?? {};
  const valueOf = (name: string): string | undefined =>
    typeof r[name] === 'string' ? (r[name] as string) : overige[name];
  const names = [
    ...standardOrder.filter((n) => valueOf(n) !== undefined || result.uitleg?.[n] !== undefined),
    ...Object.keys(overige).filter((n) => !standardOrder.includes(n)),
  ];
  const outcomes = h(
    'section',
    { class: 'outcomes', 'aria-label': t('result') },
    names.map((n) =>
      amountRow(outcomeWords[n] ? t(outcomeWords[n]) : n, valueOf(n), result.uitleg?.[n], reveal, n),
    ),
  );
  const valuations = h(
    'section',
    { class: 'valuations' },
    h('h3', null, t('waarderingen')),
    h(
      'ul',
      { class: 'plain' },
      result.waarderingen.map((w) =>
        h(
          'li',
          { key: w.index, 'data-valuation': String(w.index) },
          amountRow(
            `${w.index + 1}. ${w.soort} (${w.route})`,
            w.bedrag,
            w.uitleg,
            reveal,
            `waardering-${w.index}`,
          ),
        ),
      ),
    ),
  );
  const routes = h(
    'section',
    { class: 'routes' },
    h('h3', null, t('routes')),
    result.routes.map((route) =>
      h(
        'div',
        { key: route.naam, class: 'route', 'data-route': route.naam },
        amountRow(
          `${route.label}${route.maximum !== undefined ? ` (${t('maximum')} ${showValue(route.maximum)})` : ''}`,
          route.gerealiseerd,
          route.uitleg,
          reveal,
          `route-${route.naam}`,
        ),
        route.totaal !== route.gerealiseerd
          ? h(
              'div',
              { class: 'muted small-text' },
              `${showValue(route.totaal)} → ${showValue(route.gerealiseerd)}`,
            )
          : null,
      ),
    ),
  );
  const meldingen = h(
    'section',
    { class: 'meldingen' },
    h('h3', null, t('meldingen')),
    result.meldingen.length === 0
      ? h('p', { class: 'muted' }, t('noMeldingen'))
      : h(
          'ul',
          null,
          result.meldingen.map((m, i) =>
            h(
              'li',
              { key: i, class: `melding melding-${m.soort}` },
              h('span', { class: 'badge' }, m.soort),
              ' ',
              m.activiteit !== undefined ? `${t('activity')} ${m.activiteit + 1}: ` : '',
              m.tekst,
              m.plaats ? [' ', placeButton(m.plaats, reveal, m.soort)] : null,
            ),
          ),
        ),
  );
  return h(
    Fragment,
    null,
    h(
      'div',
      { class: 'result' },
      h('p', { class: 'muted' }, `${result.regeling} — ${t('period')} ${result.periode}`),
      outcomes,
      meldingen,
      valuations,
      routes,
    ),
    h('p', { class: 'muted small-text', id: 'timing' }, note),
  );
}

/**
 * Shows a result in `host` (its own element: Preact keeps its tree there between calls, also while
 * the page shows something else instead), with `note` under it.
 */
export function renderResult(host: HTMLElement, result: ShownResult, reveal: Reveal, note: string): void {
  render(resultView(result, reveal, note), host);
}

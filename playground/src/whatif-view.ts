// The what-if panel: the open ruleset is the base; a policy officer changes one or more of its
// parameters or table rows, runs a portfolio (generated as `sroi portfolio generate` does, or an
// opened JSON Lines or CSV file) and reads the totals base against scenario, the contracts that
// change status and what each changed value contributes. Runs in a worker of its own, so typing
// in the editor never waits for it; the page only builds elements (text, never HTML).
import type { Quantity } from '@sroi/analysis';
import { h, replace } from './dom.js';
import { language, t, type Word } from './i18n.js';
import { showMoney } from './money.js';
import type {
  WhatIfField,
  WhatIfPortfolio,
  WhatIfProblem,
  WhatIfReply,
  WhatIfRequest,
  WhatIfRunReply,
} from './protocol.js';

/**
 * The IR of the ruleset as it is now, and the base's rulesets (the open one, or a region set's, the
 * open one as it is now), with a key that changes when any of them does. Without `ir` and
 * `members` when the key was known.
 */
export interface WhatIfBase {
  readonly key: string;
  readonly name: string;
  readonly ir?: unknown;
  readonly members?: readonly { readonly label: string; readonly ir: unknown }[];
}

export interface WhatIfHost {
  /**
   * The base of a run: the open ruleset, or the rulesets `members`; only its key and name when it
   * is the `known` one. Undefined while the open ruleset has errors.
   */
  base(members?: readonly string[], known?: string): Promise<WhatIfBase | undefined>;
  /** The shipped file name of the open ruleset (for the equivalent command line). */
  path(): string;
  /** The shipped region sets the open ruleset belongs to. */
  sets(): readonly { readonly path: string; readonly title: string; readonly members: readonly string[] }[];
}

type Report = NonNullable<WhatIfRunReply['report']>;

const quantityWords: Readonly<Record<Quantity, Word>> = {
  verplichting: 'verplichting',
  gerealiseerd: 'gerealiseerd',
  restant: 'restant',
  overschot: 'overschot',
  boete: 'boete',
};
const statusWords: Readonly<Record<string, Word>> = {
  'geen-verplichting': 'statusNone',
  voldaan: 'statusMet',
  'niet-voldaan': 'statusNotMet',
};

const count = (n: number) => n.toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB');
const money = (v: string | undefined) => (v === undefined ? '—' : showMoney(v, language()));
/** The first number in a value as the fields show it (Dutch: `€ 42.000,50`, `6,5%`, `36 maanden`). */
function numberIn(text: string): number | undefined {
  const m = /-?\d[\d.]*(?:,\d+)?/.exec(text);
  if (!m) return undefined;
  const n = Number(m[0].replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** A round step for a slider of about `x` per position: 1, 2 or 5 times a power of ten. */
function roundStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= x) ?? 10 * p;
}

/**
 * The slider of a number field: from 0 to twice the current value (percentages to at least 100%),
 * about 200 positions, each written as `--set` reads it (`6,5%`, `42000`). Undefined for other types.
 */
function sliderOf(
  f: WhatIfField,
): { min: number; max: number; step: number; value: number; text(v: number): string } | undefined {
  const kind = f.type.split(' ')[0]!;
  if (!['percentage', 'bedrag', 'tarief', 'duur', 'getal'].includes(kind)) return undefined;
  const value = numberIn(f.value);
  if (value === undefined || value < 0) return undefined;
  const dutch = (v: number) => String(v).replace('.', ',');
  if (kind === 'percentage')
    return {
      min: 0,
      max: Math.max(100, Math.ceil(2 * value)),
      step: 0.5,
      value,
      text: (v) => `${dutch(v)}%`,
    };
  const step = kind === 'duur' ? 1 : roundStep((value > 0 ? 2 * value : 100) / 200);
  const max = Math.ceil((value > 0 ? 2 * value : 100) / step) * step;
  return { min: 0, max, step, value, text: (v) => dutch(Number(v.toFixed(6))) };
}

const compactEuros = (v: number) =>
  new Intl.NumberFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(v);
/** A shell word, quoted for a POSIX shell (the command is shown, never run). */
const shellQuote = (s: string) => (/^[\w./=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export interface WhatIfPanel {
  /** The panel became visible, or the ruleset changed while it is: reload the fields. */
  refresh(): void;
  /** The page's language changed. */
  relabel(): void;
}

export function whatIfPanel(root: HTMLElement, host: WhatIfHost): WhatIfPanel {
  let worker: Worker | undefined;
  let nextId = 1;
  let fieldsId = 0;
  let runId = 0;
  let fields: readonly WhatIfField[] = [];
  let fieldsKey = '';
  /** What the person typed, by field name (kept while the fields reload). */
  const entered = new Map<string, string>();
  let report: Report | undefined;
  let problems: readonly WhatIfProblem[] = [];
  let file: { name: string; text: string; bytes?: Uint8Array } | undefined;
  let source: 'generated' | 'file' = 'generated';
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSets: readonly string[] = [];
  let lastPortfolio: WhatIfPortfolio | undefined;
  let runStarted = 0;
  let lastBase = '';
  /** The report's folds (`<details>` by id) the reader has open. */
  const openFolds = new Set<string>();
  /** The key of the base the worker has (one worker for the panel's life: it keeps what it got). */
  let sentBase: string | undefined;
  /** The last run's scenario as a ruleset text ("Kopieer als scenario"). */
  let scenarioText: string | undefined;

  const engine = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./worker/whatif.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<WhatIfReply>) => receive(e.data));
    worker.addEventListener('error', (e) =>
      replace(problemsBox, h('p', { class: 'warning-box' }, t('failedInternal', { error: e.message }))),
    );
    return worker;
  };
  const post = (m: WhatIfRequest) => engine().postMessage(m);

  // ── Elements ──────────────────────────────────────────────────────────────
  const intro = h('p', { class: 'muted', attrs: { id: 'whatif-intro' } });
  const countInput = h('input', {
    attrs: { id: 'whatif-count', type: 'number', min: '1', max: '100000', step: '1', value: '1000' },
    on: { change: () => changed() },
  });
  const seedInput = h('input', {
    attrs: { id: 'whatif-seed', type: 'number', step: '1', value: '2025' },
    on: { change: () => changed() },
  });
  const generatedRadio = h('input', {
    attrs: { type: 'radio', name: 'whatif-source', id: 'whatif-generated', value: 'generated', checked: '' },
    on: { change: () => ((source = 'generated'), changed()) },
  });
  const fileRadio = h('input', {
    attrs: { type: 'radio', name: 'whatif-source', id: 'whatif-file-source', value: 'file' },
    on: { change: () => ((source = 'file'), changed()) },
  });
  const fileInput = h('input', {
    attrs: {
      type: 'file',
      id: 'whatif-file',
      accept:
        '.jsonl,.ndjson,.csv,.txt,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      hidden: '',
    },
    on: { change: () => void openFile() },
  });
  const fileButton = h('button', {
    class: 'small',
    attrs: { type: 'button', id: 'whatif-open' },
    on: { click: () => fileInput.click() },
  });
  const fileName = h('span', { class: 'muted', attrs: { id: 'whatif-file-name' } });
  const portfolioBox = h('fieldset', { class: 'whatif-portfolio' });
  const fieldsBox = h('div', { class: 'whatif-fields', attrs: { id: 'whatif-fields' } });
  const liveBox = h('input', { attrs: { type: 'checkbox', id: 'whatif-live', checked: '' } });
  const runButton = h('button', { attrs: { type: 'button', id: 'whatif-run' }, on: { click: () => run() } });
  const resetButton = h('button', {
    class: 'small',
    attrs: { type: 'button', id: 'whatif-reset' },
    on: {
      click: () => {
        entered.clear();
        renderFields();
        changed();
      },
    },
  });
  const progress = h('progress', { attrs: { id: 'whatif-progress', max: '1', value: '0' } });
  const progressText = h('span', { class: 'muted', attrs: { id: 'whatif-progress-text' } });
  const progressBox = h(
    'div',
    { class: 'whatif-progress', attrs: { role: 'status' } },
    progress,
    ' ',
    progressText,
  );
  progressBox.hidden = true;
  /**
   * The progress bar shows when a run has taken this long (ms). A slider's step takes tens of
   * milliseconds: a bar shown for each would flicker, and its indeterminate animation redraws
   * the page at every frame while the worker computes, taking a core from it on a 2-core machine.
   */
  const PROGRESS_AFTER = 250;
  let progressTimer: ReturnType<typeof setTimeout> | undefined;
  const problemsBox = h('div', { attrs: { id: 'whatif-problems', 'aria-live': 'polite' } });
  const out = h('div', { class: 'whatif-out', attrs: { id: 'whatif-out', 'aria-live': 'polite' } });
  /** Whether the person chose the base (else it follows the open ruleset: its region set). */
  let baseChosen = false;
  const baseSelect = h('select', {
    attrs: { id: 'whatif-base' },
    on: { change: () => ((baseChosen = true), changed()) },
  });
  const baseBox = h('div', { class: 'whatif-source' });
  /** The chosen region set, if any (else the open ruleset alone). */
  const chosenSet = () => host.sets().find((s) => s.path === baseSelect.value);
  const heading = h('h3', { attrs: { id: 'whatif-values' } });

  function renderBase() {
    const value = baseSelect.value;
    replace(
      baseSelect,
      h('option', { attrs: { value: '' } }, t('whatIfBaseRuleset')),
      host
        .sets()
        .map((s) => h('option', { attrs: { value: s.path } }, t('whatIfBaseSet', { name: s.title }))),
    );
    // Until a person chooses, the region set the open ruleset belongs to: a portfolio spans its
    // periods (the generated one does), and the set judges each contract by its own period.
    const chosen = baseChosen ? value : (host.sets()[0]?.path ?? '');
    baseSelect.value = host.sets().some((s) => s.path === chosen) ? chosen : '';
    replace(baseBox, h('label', { attrs: { for: 'whatif-base' } }, t('whatIfBase')), ' ', baseSelect);
    baseBox.hidden = host.sets().length === 0;
  }

  function renderStatic() {
    renderBase();
    intro.textContent = t('whatIfIntro');
    fileButton.textContent = t('whatIfOpen');
    runButton.textContent = t('whatIfRun');
    resetButton.textContent = t('whatIfReset');
    replace(
      portfolioBox,
      h('legend', {}, t('whatIfPortfolio')),
      h(
        'div',
        { class: 'whatif-source' },
        generatedRadio,
        h('label', { attrs: { for: 'whatif-generated' } }, t('whatIfGenerated')),
        ' ',
        h('label', { attrs: { for: 'whatif-count' } }, t('whatIfCount')),
        countInput,
        ' ',
        h('label', { attrs: { for: 'whatif-seed' } }, t('whatIfSeed')),
        seedInput,
      ),
      h(
        'div',
        { class: 'whatif-source' },
        fileRadio,
        h('label', { attrs: { for: 'whatif-file-source' } }, t('whatIfFile')),
        ' ',
        fileButton,
        ' ',
        fileName,
        fileInput,
      ),
      h('p', { class: 'muted small-text' }, t('whatIfFileHelp')),
    );
    fileName.textContent = file ? file.name : '';
  }

  renderStatic();
  // The results above the values: a person changes a value below and sees the totals move.
  root.append(
    intro,
    baseBox,
    portfolioBox,
    h(
      'div',
      { class: 'toolbar whatif-actions' },
      runButton,
      resetButton,
      h('span', {}, liveBox, h('label', { attrs: { for: 'whatif-live', id: 'whatif-live-label' } })),
    ),
    progressBox,
    problemsBox,
    out,
    heading,
    fieldsBox,
  );
  const liveLabel = root.querySelector('#whatif-live-label')!;
  const relabelHeadings = () => {
    heading.textContent = t('whatIfValues');
    liveLabel.textContent = t('whatIfLive');
  };
  relabelHeadings();

  // ── Fields ────────────────────────────────────────────────────────────────
  function fieldRow(f: WhatIfField, i: number): HTMLElement {
    const id = `whatif-field-${i}`;
    const input = h('input', {
      attrs: {
        id,
        type: 'text',
        'data-name': f.name,
        'aria-describedby': `${id}-about`,
        spellcheck: 'false',
      },
      on: {
        input: () => {
          update();
          const n = numberIn(input.value);
          if (slider && n !== undefined) slider.value = String(n);
        },
      },
    });
    input.value = entered.get(f.name) ?? f.value;
    const update = () => {
      const v = input.value;
      if (v.trim() === f.value) entered.delete(f.name);
      else entered.set(f.name, v);
      row.classList.toggle('changed', entered.has(f.name));
      scheduleLive();
    };
    // A number gets a slider too: moving it writes the value into the field, as typed.
    const range = sliderOf(f);
    const slider = range
      ? h('input', {
          attrs: {
            type: 'range',
            min: String(range.min),
            max: String(range.max),
            step: String(range.step),
            'data-slider': f.name,
            'aria-label': `${f.name} (${t('whatIfSlider')})`,
          },
          on: {
            input: () => {
              input.value = range.text(Number(slider!.value));
              update();
            },
          },
        })
      : undefined;
    if (slider) slider.value = String(numberIn(input.value) ?? range!.value);
    const about = h(
      'div',
      { class: 'muted small-text', attrs: { id: `${id}-about` } },
      f.type,
      f.periods.length > 1
        ? h(
            'div',
            {},
            f.periods.map((p) => `${p.from ? `${t('whatIfFrom')} ${p.from}: ` : ''}${p.value}`).join(' · '),
            ` (${t('whatIfAllPeriods')})`,
          )
        : null,
      f.provenance.map((p) =>
        h(
          'div',
          { class: p.kind === 'aanname' ? 'provenance provisional' : 'provenance' },
          p.kind === 'aanname'
            ? h('span', { class: 'badge provisional' }, t('provisional'))
            : `${t('source')}: `,
          p.kind === 'aanname' ? ` ${p.text}` : `“${p.text}”`,
        ),
      ),
    );
    const row = h(
      'div',
      { class: `whatif-field${entered.has(f.name) ? ' changed' : ''}`, attrs: { 'data-field': f.name } },
      h('label', { attrs: { for: id } }, f.name),
      input,
      slider ? h('div', { class: 'whatif-slider' }, slider) : null,
      about,
    );
    return row;
  }

  function renderFields() {
    if (fields.length === 0) return replace(fieldsBox, h('p', { class: 'muted' }, t('whatIfNoFields')));
    const parameters = fields.filter((f) => f.group === 'parameter');
    const tables = [...new Set(fields.filter((f) => f.group !== 'parameter').map((f) => f.group))];
    let i = 0;
    replace(
      fieldsBox,
      parameters.map((f) => fieldRow(f, i++)),
      tables.map((table) => {
        const rows = fields.filter((f) => f.group === table);
        const open = rows.some((f) => entered.has(f.name));
        const d = h(
          'details',
          { class: 'whatif-table' },
          h('summary', {}, `${t('whatIfTable')} ${table} (${rows.length})`),
          rows.map((f) => fieldRow(f, i++)),
        );
        d.open = open;
        return d;
      }),
    );
  }

  async function loadFields() {
    const base = await host.base();
    if (!base) {
      fields = [];
      fieldsKey = '';
      replace(fieldsBox, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
      return;
    }
    fieldsId = nextId++;
    post({ kind: 'fields', id: fieldsId, ir: base.ir! });
  }

  // ── Runs ──────────────────────────────────────────────────────────────────
  const sets = () => [...entered].map(([name, value]) => `${name}=${value.trim()}`);
  function portfolio(): WhatIfPortfolio | undefined {
    if (source === 'file')
      return file
        ? { kind: 'file', name: file.name, text: file.text, ...(file.bytes ? { bytes: file.bytes } : {}) }
        : undefined;
    const n = Math.trunc(Number(countInput.value));
    const seed = Math.trunc(Number(seedInput.value));
    if (!(n >= 1 && n <= 100_000) || !Number.isFinite(seed)) return undefined;
    return { kind: 'generated', count: n, seed, name: t('whatIfGeneratedName', { count: count(n), seed }) };
  }

  async function run() {
    const started = performance.now();
    const p = portfolio();
    if (!p) {
      replace(
        problemsBox,
        h('p', { class: 'warning-box' }, t(source === 'file' ? 'whatIfNoFile' : 'whatIfBadCount')),
      );
      return;
    }
    const set = chosenSet();
    // The worker keeps the base it was sent last: the same base goes by its key (a slider's every
    // step would otherwise copy the rulesets' IR to the page and on to the worker).
    const base = await host.base(set?.members, sentBase);
    if (!base) return replace(problemsBox, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
    lastBase = set?.path ?? host.path();
    runId = nextId++;
    runStarted = started;
    lastSets = sets();
    lastPortfolio = p;
    replace(problemsBox);
    progress.removeAttribute('value');
    progressText.textContent = t('working');
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => (progressBox.hidden = false), PROGRESS_AFTER);
    out.dataset.state = 'running';
    post({
      kind: 'run',
      id: runId,
      base: base.members ? { key: base.key, members: base.members } : { key: base.key },
      label: set?.title ?? base.name,
      sets: lastSets,
      portfolio: p,
      lang: language(),
      open: host.path(),
    });
    sentBase = base.key;
  }

  // A value that moves (typed, or a slider dragged) runs at once: a run over 10,000 contracts
  // takes tens of milliseconds once the portfolio's baseline is kept in the worker. At most one
  // run is in flight; changes made meanwhile start one more run when it is done.
  let liveAgain = false;
  function scheduleLive() {
    if (!liveBox.checked) return;
    if (out.dataset.state === 'running') {
      liveAgain = true;
      return;
    }
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => void run(), 0);
  }
  function changed() {
    if (report || out.dataset.state === 'running') scheduleLive();
  }

  async function openFile() {
    const f = fileInput.files?.[0];
    if (!f) return;
    // A workbook goes to the worker as bytes; JSON Lines and CSV as text.
    file = /\.xlsx$/i.test(f.name)
      ? { name: f.name, text: '', bytes: new Uint8Array(await f.arrayBuffer()) }
      : { name: f.name, text: await f.text() };
    fileName.textContent = f.name;
    fileInput.value = '';
    source = 'file';
    fileRadio.checked = true;
    scheduleLive();
  }

  function receive(m: WhatIfReply) {
    if (m.kind === 'fields') {
      if (m.id !== fieldsId) return;
      const key = JSON.stringify(m.fields);
      if (key === fieldsKey) return;
      fields = m.fields;
      fieldsKey = key;
      // A value the ruleset no longer has is forgotten; one now equal to the ruleset's is unchanged.
      for (const name of [...entered.keys()]) {
        const f = fields.find((x) => x.name === name);
        if (!f || f.value === entered.get(name)!.trim()) entered.delete(name);
      }
      if (!root.contains(document.activeElement) || !fieldsBox.contains(document.activeElement))
        renderFields();
      return;
    }
    if (m.id !== runId) return;
    if (m.kind === 'progress') {
      progress.max = m.total;
      progress.value = m.done;
      progressText.textContent = t('whatIfProgress', { done: count(m.done), total: count(m.total) });
      return;
    }
    clearTimeout(progressTimer);
    progressBox.hidden = true;
    problems = m.problems ?? [];
    if (m.report) {
      report = m.report;
      scenarioText = m.scenario;
    }
    renderProblems();
    const drawn = m.report ? renderReport(m.millis) : undefined;
    out.dataset.state = 'done';
    // A standard User Timing measure per run, from the click to the report shown with its chart
    // redrawn (read by `pnpm bench`), with the worker's part of it.
    const start = runStarted;
    void Promise.resolve(drawn).then(() =>
      performance.measure('sroi:whatif', { start, end: performance.now(), detail: { worker: m.millis } }),
    );
    if (liveAgain) {
      liveAgain = false;
      scheduleLive();
    }
  }

  function renderProblems() {
    if (problems.length === 0) return replace(problemsBox);
    replace(
      problemsBox,
      h('p', { class: 'warning-box' }, t('whatIfProblems')),
      h(
        'ul',
        { class: 'problems' },
        problems.map((p) =>
          h(
            'li',
            { class: 'problem error' },
            h('span', { class: 'badge error' }, p.code),
            ' ',
            p.where ? h('code', {}, p.where) : null,
            ` ${p.message}`,
            p.suggestions
              ? h('div', { class: 'hint' }, t('didYouMean', { names: p.suggestions.join(', ') }))
              : null,
            p.hint ? h('div', { class: 'muted hint' }, p.hint) : null,
          ),
        ),
      ),
    );
  }

  // ── The report ────────────────────────────────────────────────────────────
  /** The report of the last run, in place of the one before; resolves when its chart is drawn. */
  function renderReport(millis?: number): Promise<void> {
    if (!report) {
      replace(out);
      return Promise.resolve();
    }
    const r = report;
    const s = r.scenarios[0]!;
    const qs = r.quantities;
    const skippedText = Object.entries(r.skippedByCode)
      .map(([code, n]) => `${code} × ${count(n)}`)
      .join(', ');
    const read = h(
      'p',
      { attrs: { id: 'whatif-read' } },
      t('whatIfRead', {
        portfolio: r.portfolio,
        contracts: count(r.read.contracts),
        evaluated: count(r.read.evaluated),
        skipped: count(r.read.skipped),
      }),
      millis !== undefined
        ? h('span', { class: 'muted small-text' }, ` · ${t('computedIn', { ms: millis.toFixed(0) })}`)
        : null,
    );
    const skipped =
      r.read.skipped > 0
        ? h(
            'details',
            { class: 'whatif-skipped', attrs: { id: 'whatif-skipped' } },
            h('summary', {}, `${t('whatIfSkipped')}: ${skippedText}`),
            h(
              'ul',
              { class: 'problems' },
              r.skippedExamples.map((p) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'badge warning' }, p.code),
                  ' ',
                  p.where ? `${p.where}: ` : '',
                  p.message,
                ),
              ),
            ),
          )
        : null;
    const totals = h(
      'table',
      { class: 'compare-table whatif-totals', attrs: { id: 'whatif-totals' } },
      h('caption', {}, t('whatIfTotals')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'col' } }, ''),
          h('th', { attrs: { scope: 'col' } }, t('whatIfBase')),
          h('th', { attrs: { scope: 'col' } }, t('whatIfScenario')),
          h('th', { attrs: { scope: 'col' } }, t('whatIfDifference')),
        ),
      ),
      h(
        'tbody',
        {},
        qs.map((q) =>
          h(
            'tr',
            { attrs: { 'data-quantity': q } },
            h('th', { attrs: { scope: 'row' } }, t(quantityWords[q])),
            h(
              'td',
              { class: 'num', attrs: { 'data-value': r.baseline.totals[q] ?? '' } },
              money(r.baseline.totals[q]),
            ),
            h('td', { class: 'num', attrs: { 'data-value': s.totals[q] ?? '' } }, money(s.totals[q])),
            h('td', { class: 'num', attrs: { 'data-value': s.difference[q] ?? '' } }, money(s.difference[q])),
          ),
        ),
        (['voldaan', 'niet-voldaan'] as const).map((st) =>
          h(
            'tr',
            { attrs: { 'data-status': st } },
            h('th', { attrs: { scope: 'row' } }, t('whatIfContracts', { status: t(statusWords[st]!) })),
            h('td', { class: 'num' }, count(r.baseline.status[st])),
            h('td', { class: 'num' }, count(s.status[st])),
            h('td', { class: 'num' }, count(s.status[st] - r.baseline.status[st])),
          ),
        ),
      ),
    );
    const changedLine = h(
      'p',
      { attrs: { id: 'whatif-changed' } },
      t('whatIfChangedLine', {
        changed: count(s.changed),
        notMetToMet: count(s.notMetToMet),
        metToNotMet: count(s.metToNotMet),
      }),
      s.failed > 0 ? ` ${t('whatIfFailed', { failed: count(s.failed) })}` : '',
    );
    replace(
      out,
      read,
      skipped,
      s.players.length === 0 ? h('p', { class: 'muted' }, t('whatIfNothingChanged')) : null,
      totals,
      changedLine,
      attribution(r),
      s.attribution ? chartBox : null,
      statusChanges(r),
      commandLine(),
      copyScenario(),
    );
    // A fold the reader opened stays open when a moved value renders the report again.
    for (const d of out.querySelectorAll('details')) {
      d.open = openFolds.has(d.id);
      d.addEventListener('toggle', () => (d.open ? openFolds.add(d.id) : openFolds.delete(d.id)));
    }
    return drawChart(r);
  }

  /** A wide table in a region that scrolls sideways (and takes focus, so keys scroll it too). */
  const scrollable = (label: string, table: HTMLElement) =>
    h('div', { class: 'table-scroll', attrs: { role: 'region', 'aria-label': label, tabindex: '0' } }, table);

  // ── The attribution chart ─────────────────────────────────────────────────
  // Apache ECharts, as the HTML report of `sroi whatif` draws it, loaded when a first attribution
  // is shown (its own chunk, from the site: no network beyond it). One chart, kept across runs:
  // a moved value updates its bars.
  const chartBox = h('div', {
    class: 'whatif-chart',
    attrs: { id: 'whatif-attribution-chart', role: 'img' },
  });
  /** As `quantityColour` of the HTML report (the page takes only types from @sroi/analysis). */
  const quantityColour = { verplichting: '#154273', gerealiseerd: '#e17000', boete: '#a90061' } as const;
  let chart: { setOption(o: unknown, notMerge: boolean): void; resize(): void } | undefined;
  let chartLoading: Promise<void> | undefined;
  /** The bars the chart has (changes, amounts, language): a run with the same bars merges its values in. */
  let chartBars = '';
  async function drawChart(r: Report) {
    const s = r.scenarios[0]!;
    if (!s.attribution) return;
    chartLoading ??= loadChart();
    await chartLoading;
    if (!chart || report !== r) return;
    const qs = (['gerealiseerd', 'boete', 'verplichting'] as const).filter((q) => s.attribution![q]);
    const labels = s.players.map((p) => p.label);
    const height = `${Math.max(180, 70 + 34 * labels.length * qs.length)}px`;
    chartBox.setAttribute('aria-label', t('whatIfAttribution'));
    // A slider's next value keeps the chart's size and bars: no resize (it measures the page's
    // layout) and no rebuild, only the new values (ECharts merges an option into the last).
    if (chartBox.style.height !== height) {
      chartBox.style.height = height;
      chart.resize();
    }
    const bars = JSON.stringify([labels, qs, language()]);
    const rebuild = bars !== chartBars;
    chartBars = bars;
    chart.setOption(
      {
        animation: false,
        // Each quantity in the colour the HTML report of `sroi whatif` gives it.
        color: qs.map((q) => quantityColour[q]),
        textStyle: { fontFamily: 'system-ui, sans-serif' },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { top: 32, left: 8, right: 24, bottom: 8, containLabel: true },
        yAxis: {
          type: 'category',
          data: labels,
          inverse: true,
          axisLabel: { width: 180, overflow: 'break' },
        },
        // Axis labels short (€ 10 mln); the exact amounts are in the table and the tooltip.
        xAxis: {
          type: 'value',
          splitNumber: 4,
          axisLabel: { hideOverlap: true, formatter: (v: number) => compactEuros(v) },
        },
        series: qs.map((q) => ({
          type: 'bar',
          name: t(quantityWords[q]),
          data: s.attribution![q]!.map((v) => Number(v)),
          tooltip: { valueFormatter: (v: number) => money(v.toFixed(2)) },
        })),
      },
      rebuild,
    );
  }
  async function loadChart() {
    const { init } = await import('./whatif-chart.js');
    chart = init(chartBox, null, { renderer: 'svg' });
    new ResizeObserver(() => chart?.resize()).observe(chartBox);
  }

  function attribution(r: Report): HTMLElement | null {
    const s = r.scenarios[0]!;
    if (s.players.length === 0) return null;
    if (!s.attribution)
      return h(
        'p',
        { class: 'muted', attrs: { id: 'whatif-attribution' } },
        `${t('whatIfNoAttribution')}${s.noAttribution ? `: ${s.noAttribution}` : ''}`,
      );
    const qs = r.quantities.filter((q) => s.attribution![q]);
    return scrollable(
      t('whatIfAttribution'),
      h(
        'table',
        { class: 'compare-table whatif-attribution', attrs: { id: 'whatif-attribution' } },
        h('caption', {}, t('whatIfAttribution')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' } }, t('whatIfChange')),
            qs.map((q) => h('th', { attrs: { scope: 'col' } }, t(quantityWords[q]))),
          ),
        ),
        h(
          'tbody',
          {},
          s.players.map((p, i) =>
            h(
              'tr',
              { attrs: { 'data-player': p.label } },
              h(
                'th',
                { attrs: { scope: 'row' } },
                p.label,
                h(
                  'div',
                  { class: 'muted small-text' },
                  language() === 'nl' ? `${p.from} → ${p.to}` : `${p.en.from} → ${p.en.to}`,
                ),
              ),
              qs.map((q) => {
                const v = s.attribution![q]![i];
                return h(
                  'td',
                  { class: 'num', attrs: { 'data-quantity': q, 'data-value': v ?? '' } },
                  money(v),
                );
              }),
            ),
          ),
        ),
        h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' } }, t('whatIfAttributedTotal')),
            qs.map((q) => h('td', { class: 'num', attrs: { 'data-quantity': q } }, money(s.attributed?.[q]))),
          ),
        ),
      ),
    );
  }

  /**
   * The contracts whose status changes, in a fold whose table is built when it is open: a slider's
   * every step would otherwise build a hundred rows nobody sees.
   */
  function statusChanges(r: Report): HTMLElement | null {
    const s = r.scenarios[0]!;
    if (s.statusChanges.length === 0) return null;
    const shown = s.statusChanges.slice(0, 100);
    const title = t('whatIfStatusChanges', { count: count(s.statusChangesShown) });
    const table = () =>
      scrollable(
        title,
        h(
          'table',
          { class: 'compare-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [t('whatIfContract'), t('whatIfStatus'), t('gerealiseerd'), t('boete')].map((w) =>
                h('th', { attrs: { scope: 'col' } }, w),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            shown.map((c) =>
              h(
                'tr',
                { attrs: { 'data-contract': c.id } },
                h(
                  'th',
                  { attrs: { scope: 'row' } },
                  c.id,
                  h('div', { class: 'muted small-text' }, c.opdrachtsoort),
                ),
                h('td', {}, `${t(statusWords[c.from]!)} → ${t(statusWords[c.to]!)}`),
                (['gerealiseerd', 'boete'] as const).map((q) =>
                  h(
                    'td',
                    { class: 'num' },
                    h('div', {}, money(c.baseline[q])),
                    h('div', {}, `→ ${money(c.scenario[q])}`),
                  ),
                ),
              ),
            ),
          ),
        ),
      );
    const summary = h('summary', {}, title);
    const details = h('details', { class: 'whatif-status', attrs: { id: 'whatif-status' } }, summary);
    const fill = () => {
      if (summary.nextSibling) return;
      details.append(
        table(),
        s.statusChangesShown > shown.length
          ? h('p', { class: 'muted small-text' }, t('whatIfMoreChanges', { shown: shown.length }))
          : '',
      );
    };
    details.addEventListener('toggle', () => details.open && fill());
    // Open before: `renderReport` opens it again, and its rows are there at once.
    if (openFolds.has(details.id)) fill();
    return details;
  }

  /** The same run on the command line: what an analyst repeats or scripts. */
  function commandLine(): HTMLElement {
    const p = lastPortfolio;
    const file = p?.kind === 'file' ? p.name : 'portefeuille.jsonl';
    const lines = [
      ...(p?.kind === 'generated'
        ? [`sroi portfolio generate --contracts ${p.count} --seed ${p.seed} --out portefeuille.jsonl`]
        : []),
      [
        'sroi whatif',
        shellQuote(lastBase),
        shellQuote(file),
        ...lastSets.map((s) => `--set ${shellQuote(s)}`),
      ].join(' '),
    ];
    return h(
      'details',
      { class: 'whatif-cli', attrs: { id: 'whatif-command-fold' } },
      h('summary', {}, t('whatIfCommand')),
      h('pre', { attrs: { id: 'whatif-command' } }, lines.join('\n')),
    );
  }

  /**
   * "Kopieer als scenario": the ruleset text that extends the open ruleset with the changed values,
   * copied to the clipboard and shown (selected when the clipboard is not available).
   */
  function copyScenario(): HTMLElement | null {
    const text = scenarioText;
    if (!text) return null;
    const pre = h('pre', { attrs: { id: 'whatif-scenario' } }, text);
    const status = h('span', { class: 'muted small-text', attrs: { role: 'status' } });
    const details = h(
      'details',
      { class: 'whatif-cli', attrs: { id: 'whatif-scenario-fold' } },
      h('summary', {}, t('whatIfScenarioText')),
      pre,
    );
    const selectText = () => {
      details.open = true;
      getSelection()?.selectAllChildren(pre);
    };
    const button = h(
      'button',
      {
        class: 'small',
        attrs: { type: 'button', id: 'whatif-copy-scenario' },
        on: {
          click: () =>
            void navigator.clipboard.writeText(text).then(
              () => (status.textContent = t('whatIfCopied')),
              () => {
                status.textContent = t('whatIfCopyFailed');
                selectText();
              },
            ),
        },
      },
      t('whatIfCopyScenario'),
    );
    return h('div', { class: 'whatif-copy' }, h('div', { class: 'toolbar' }, button, ' ', status), details);
  }

  return {
    refresh: () => {
      renderBase();
      void loadFields();
    },
    relabel() {
      renderStatic();
      relabelHeadings();
      renderFields();
      renderProblems();
      void renderReport();
    },
  };
}

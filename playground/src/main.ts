// The playground page: picks a shipped ruleset (or the edited one), a contract through the form or
// JSON, and shows the explained result, the voorbeelden, the eigenschappen and comparisons. All
// compiling and evaluating happens in the engine worker; this file only builds the page.
import type { Language } from '@sroi/core';
import type { Plaats } from '@sroi/evaluator';
import type { CodeAction, RuleRef } from '@sroi/language-service';
import type { Comparison, RulesetDiff } from '@sroi/analysis';
import { h, replace } from './dom.js';
import type { RulesetEditor } from './editor.js';
import { renderForm, showFormErrors, type ContractJson } from './form.js';
import { language, setLanguage, t, type Word } from './i18n.js';
import { compressText, decodeText, decompressText, encodeText, readLink, writeLink } from './link.js';
import type {
  EngineReply,
  EngineRequest,
  EngineState,
  ExampleView,
  PropertyView,
  TextChange,
  ViewDiagnostic,
} from './protocol.js';
import { showNumber } from './money.js';
import { renderResult, showValue } from './result-view.js';
import {
  defaultRuleset,
  findRuleset,
  sampleContracts,
  shippedFiles,
  shippedRulesets,
  shippedSets,
  type ShippedRuleset,
} from './shipped.js';
import { tabs } from './tabs.js';
import { whatIfPanel, type WhatIfBase, type WhatIfPanel } from './whatif-view.js';

// ── Engine ───────────────────────────────────────────────────────────────────
const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' });
let version = 0;
let nextId = 1;
const pending = new Map<number, (value: unknown, error?: string) => void>();
/** The version of the ruleset's text the worker was last sent (opened, edited or changed). */
let textVersion = 0;
const send = (request: EngineRequest) => {
  if ('version' in request) document.body.dataset.sent = String(request.version);
  if (request.kind === 'open' || request.kind === 'edit' || request.kind === 'change')
    textVersion = request.version;
  worker.postMessage(request);
};
function ask(
  request:
    | { kind: 'properties' }
    | { kind: 'compare'; other: string; contract: unknown }
    | { kind: 'diff'; other: string }
    | { kind: 'whatif-base'; members?: readonly string[]; known?: string }
    | { kind: 'service'; method: string; args: readonly unknown[] },
): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (value, error) => (error ? reject(new Error(error)) : resolve(value)));
    send({ ...request, id } as EngineRequest);
  });
}
const serviceCall = (method: string, args: readonly unknown[]) => ask({ kind: 'service', method, args });

// ── State ────────────────────────────────────────────────────────────────────
const storage = {
  get: (key: string): string | null => {
    try {
      return localStorage.getItem(`sroi.playground.${key}`);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(`sroi.playground.${key}`);
      else localStorage.setItem(`sroi.playground.${key}`, value);
    } catch {
      // Storage full or disabled (private mode): the page works, it only forgets edits.
    }
  },
};

let ruleset: ShippedRuleset = findRuleset(defaultRuleset) ?? shippedRulesets[0]!;
let text = ruleset.text;
let contract: ContractJson = {};
let state: EngineState | undefined;
let editor: RulesetEditor | undefined;
let lastShapeKey = '';
let notice = '';

const sample = (): ContractJson =>
  structuredClone(sampleContracts[0]?.contract ?? { activiteiten: [] }) as ContractJson;

// ── Shell ────────────────────────────────────────────────────────────────────
const bindings: [HTMLElement, Word, 'text' | 'aria-label' | 'title'][] = [];
function word<E extends HTMLElement>(el: E, w: Word, how: 'text' | 'aria-label' | 'title' = 'text'): E {
  bindings.push([el, w, how]);
  return el;
}
function applyWords() {
  for (const [el, w, how] of bindings) {
    if (how === 'text') el.textContent = t(w);
    else el.setAttribute(how, t(w));
  }
}

const rulesetSelect = h('select', {
  attrs: { id: 'ruleset' },
  on: { change: () => openRuleset(rulesetSelect.value) },
});
const resetButton = word(
  h('button', { attrs: { type: 'button', id: 'reset' }, on: { click: () => resetRuleset() } }),
  'reset',
);
const shareButton = word(
  h('button', { attrs: { type: 'button', id: 'share' }, on: { click: () => void share() } }),
  'share',
);
const shareOutput = h('input', {
  attrs: { id: 'share-link', readonly: '', type: 'text', 'aria-label': 'link' },
  class: 'share-link',
});
shareOutput.hidden = true;
const langButton = h('button', {
  attrs: { type: 'button', id: 'lang', lang: 'en' },
  on: { click: () => switchLanguage(language() === 'nl' ? 'en' : 'nl') },
});
const status = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite', id: 'status' } });

const editorHost = h('div', { class: 'editor-host', attrs: { id: 'editor' } });
const editorLoading = word(h('p', { class: 'muted editor-loading' }), 'loadingEditor');
editorHost.append(editorLoading);
const formatButton = word(
  h('button', {
    attrs: { type: 'button', id: 'format' },
    class: 'small',
    on: { click: () => void editor?.format() },
  }),
  'format',
);
const lower = tabs('lower', [t('problems'), t('outline')]);
const problemsPanel = lower.panels[0]!;
const outlinePanel = lower.panels[1]!;

const contractTabs = tabs('contract', [t('form'), t('json')], (i) => {
  if (i === 1) jsonArea.value = JSON.stringify(contract, null, 2);
});
const formRoot = h('div', { class: 'form', attrs: { id: 'contract-form' } });
const jsonArea = h('textarea', {
  class: 'json',
  attrs: { id: 'contract-json', spellcheck: 'false', rows: '24' },
  on: { input: () => jsonEdited() },
});
const jsonHelp = word(h('p', { class: 'muted', attrs: { id: 'json-help' } }), 'jsonHelp');
jsonArea.setAttribute('aria-describedby', 'json-help json-error');
const jsonError = h('p', { class: 'field-error', attrs: { id: 'json-error', role: 'status' } });
contractTabs.panels[0]!.append(formRoot);
contractTabs.panels[1]!.append(jsonHelp, jsonArea, jsonError);
const fileInput = h('input', {
  attrs: { type: 'file', accept: '.json,application/json', id: 'open-file', hidden: '' },
  on: { change: () => void openFile() },
});

const resultTabs = tabs('result', [t('result'), t('examples'), t('compare'), t('whatIf')], (i) => {
  if (i === 3) whatIf().refresh();
});
const resultPanel = resultTabs.panels[0]!;
const resultBox = h('div', { attrs: { id: 'result' } });
/** The result, rendered by `renderResult` (Preact), kept while the box shows problems instead. */
const resultTree = h('div', { class: 'result-tree' });
resultPanel.append(resultBox);
const examplesList = h('div', { class: 'examples', attrs: { id: 'examples' } });
const propertiesButton = word(
  h('button', {
    attrs: { type: 'button', id: 'check-properties' },
    on: { click: () => void checkProperties() },
  }),
  'checkProperties',
);
const propertiesList = h('div', { class: 'properties', attrs: { id: 'properties', 'aria-live': 'polite' } });
resultTabs.panels[1]!.append(
  word(h('h3', {}), 'examples'),
  examplesList,
  word(h('h3', {}), 'properties'),
  propertiesButton,
  propertiesList,
);
const compareSelect = h('select', { attrs: { id: 'compare-with' } });
const compareButton = word(
  h('button', { attrs: { type: 'button', id: 'compare-run' }, on: { click: () => void runCompare() } }),
  'compareContract',
);
const diffButton = word(
  h('button', { attrs: { type: 'button', id: 'diff-run' }, on: { click: () => void runDiff() } }),
  'diffRun',
);
const compareOut = h('div', { class: 'compare', attrs: { id: 'compare-out', 'aria-live': 'polite' } });
const compareLabel = word(h('label', { attrs: { for: 'compare-with' } }), 'compareWith');
resultTabs.panels[2]!.append(
  h('div', { class: 'toolbar' }, compareLabel, compareSelect),
  h('div', { class: 'toolbar' }, compareButton, diffButton),
  compareOut,
);

// The what-if panel, built when first opened (its worker starts then).
let whatIfView: WhatIfPanel | undefined;
function whatIf(): WhatIfPanel {
  /** The base the engine named last, and the text it was named for. */
  let named: { text: number; members: string; key: string; name: string } | undefined;
  whatIfView ??= whatIfPanel(resultTabs.panels[3]!, {
    base: async (members, known) => {
      // The text has not changed since the what-if worker got this base: it is still the base (a
      // slider's every step would otherwise wait for a round trip through the engine worker).
      const m = members?.join('\n') ?? '';
      if (named && known === named.key && named.text === textVersion && named.members === m)
        return { key: named.key, name: named.name };
      const text = textVersion;
      const r = (await ask({
        kind: 'whatif-base',
        ...(members ? { members } : {}),
        ...(known !== undefined ? { known } : {}),
      })) as WhatIfBase | { unavailable: true };
      if (!('key' in r)) return undefined;
      named = { text, members: m, key: r.key, name: r.name };
      return r;
    },
    path: () => ruleset.path,
    sets: () => shippedSets.filter((s) => s.members.includes(ruleset.path)),
  });
  return whatIfView;
}
let whatIfTimer: ReturnType<typeof setTimeout> | undefined;

const rulesetLabel = word(h('label', { attrs: { for: 'ruleset' } }), 'ruleset');
const header = h(
  'header',
  { class: 'top' },
  word(h('h1', {}), 'title'),
  h(
    'div',
    { class: 'toolbar' },
    rulesetLabel,
    rulesetSelect,
    resetButton,
    shareButton,
    shareOutput,
    langButton,
    word(h('a', { attrs: { href: 'https://github.com/', id: 'guide-link', hidden: '' } }), 'help'),
  ),
  status,
);

const contractToolbar = h(
  'div',
  { class: 'toolbar' },
  word(
    h('button', {
      class: 'small',
      attrs: { type: 'button', id: 'load-sample' },
      on: { click: () => setContract(sample(), true) },
    }),
    'sample',
  ),
  word(
    h('button', {
      class: 'small',
      attrs: { type: 'button', id: 'new-contract' },
      on: { click: () => setContract(emptyContract(), true) },
    }),
    'newContract',
  ),
  word(
    h('button', {
      class: 'small',
      attrs: { type: 'button', id: 'open-contract' },
      on: { click: () => fileInput.click() },
    }),
    'openContract',
  ),
  word(
    h('button', {
      class: 'small',
      attrs: { type: 'button', id: 'save-contract' },
      on: { click: () => saveContract() },
    }),
    'saveContract',
  ),
  fileInput,
);

const main = h(
  'main',
  { class: 'layout' },
  h(
    'section',
    { class: 'pane editor-pane', attrs: { 'aria-labelledby': 'h-editor' } },
    h(
      'div',
      { class: 'pane-head' },
      word(h('h2', { attrs: { id: 'h-editor' } }), 'editorLabel'),
      formatButton,
    ),
    editorHost,
    h('div', { class: 'lower' }, lower.element),
  ),
  h(
    'section',
    { class: 'pane contract-pane', attrs: { 'aria-labelledby': 'h-contract' } },
    h('div', { class: 'pane-head' }, word(h('h2', { attrs: { id: 'h-contract' } }), 'contract')),
    contractToolbar,
    contractTabs.element,
  ),
  h(
    'section',
    { class: 'pane result-pane', attrs: { 'aria-labelledby': 'h-result' } },
    h('div', { class: 'pane-head' }, word(h('h2', { attrs: { id: 'h-result' } }), 'result')),
    resultTabs.element,
  ),
);
document.body.replaceChildren(header, main);

// ── Labels and language ──────────────────────────────────────────────────────
function relabel() {
  applyWords();
  langButton.textContent = t('language');
  langButton.setAttribute('lang', language() === 'nl' ? 'en' : 'nl');
  langButton.setAttribute('aria-label', t('languageLabel'));
  lower.setLabels([t('problems'), t('outline')]);
  contractTabs.setLabels([t('form'), t('json')]);
  resultTabs.setLabels([t('result'), t('examples'), t('compare'), t('whatIf')]);
  whatIfView?.relabel();
  document.title = t('title');
  fillRulesetSelect();
  editor?.setLabel(t('editorLabel'));
}

function switchLanguage(lang: Language) {
  setLanguage(lang);
  storage.set('lang', lang);
  relabel();
  lastShapeKey = '';
  lastProblemsKey = lastOutlineKey = undefined;
  propertiesList.replaceChildren();
  compareOut.replaceChildren();
  send({ kind: 'lang', lang, version: ++version });
}

function fillRulesetSelect() {
  const selected = ruleset.name;
  replace(
    rulesetSelect,
    shippedRulesets.map((r) => {
      const edited = storage.get(`edits.${r.name}`) !== null;
      return h('option', { attrs: { value: r.name } }, `${r.title}${edited ? ` ${t('edited')}` : ''}`);
    }),
  );
  rulesetSelect.value = selected;
  replace(
    compareSelect,
    shippedRulesets
      .filter((r) => r.name !== ruleset.name)
      .map((r) => h('option', { attrs: { value: r.name } }, r.title)),
  );
  compareSelect.value = defaultCompare(ruleset.name);
  resetButton.disabled = currentText() === ruleset.text;
}

/** The natural ruleset to compare with: the previous period of the same region, else the first other. */
function defaultCompare(name: string): string {
  const others = shippedRulesets.filter((r) => r.name !== name);
  const stem = name.replace(/-\d{4}(-\d{4})?$/, '');
  return (others.find((r) => r.name.startsWith(stem)) ?? others[0])?.name ?? '';
}

function say(message: string) {
  status.textContent = message;
}

// ── Ruleset and contract ─────────────────────────────────────────────────────
function openRuleset(name: string, edits?: string) {
  const found = findRuleset(name);
  if (!found) return;
  ruleset = found;
  text = edits ?? storage.get(`edits.${name}`) ?? found.text;
  storage.set('ruleset', name);
  editor?.setText(text, ruleset.path);
  // The worker gets the text as the editor holds it (line ends as Monaco keeps them).
  text = currentText();
  fillRulesetSelect();
  lastShapeKey = '';
  lastProblemsKey = lastOutlineKey = undefined;
  propertiesList.replaceChildren();
  compareOut.replaceChildren();
  send({ kind: 'open', path: ruleset.path, text, files: shippedFiles, version: ++version });
  send({ kind: 'contract', contract, version: ++version });
}

function resetRuleset() {
  if (currentText() !== ruleset.text && !confirm(t('resetConfirm'))) return;
  storage.set(`edits.${ruleset.name}`, null);
  openRuleset(ruleset.name, ruleset.text);
}

/**
 * The ruleset's text as the editor has it. A keystroke sends the worker only its change, and the
 * text is read from the editor when something needs it.
 */
function currentText(): string {
  return editor ? editor.text() : text;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** A new text of the ruleset, sent whole (before the editor has loaded, or when the worker asks). */
function rulesetEdited(newText: string) {
  text = newText;
  editsSent.set(version + 1, performance.now());
  send({ kind: 'edit', text, version: ++version });
  saveSoon();
}

/** A keystroke in the editor: only its change goes to the worker. */
function rulesetChanged(changes: readonly TextChange[], length: number) {
  editsSent.set(version + 1, performance.now());
  send({ kind: 'change', changes, length, version: ++version });
  saveSoon();
}

function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const now = currentText();
    storage.set(`edits.${ruleset.name}`, now === ruleset.text ? null : now);
    const wasDisabled = resetButton.disabled;
    if (wasDisabled !== (now === ruleset.text)) fillRulesetSelect();
  }, 300);
}

function emptyContract(): ContractJson {
  return { opdrachtsoort: '', activiteiten: [] };
}

function setContract(next: ContractJson, rerender: boolean) {
  contract = next;
  storage.set('contract', JSON.stringify(contract));
  if (contractTabs.selected() === 1 && document.activeElement !== jsonArea)
    jsonArea.value = JSON.stringify(contract, null, 2);
  if (rerender) renderForm(formRoot, state?.shape, formHost);
  send({ kind: 'contract', contract, version: ++version });
}

const formHost = {
  contract: () => contract,
  changed: (rerender: boolean) => setContract(contract, rerender),
};

function jsonEdited() {
  try {
    const parsed: unknown = JSON.parse(jsonArea.value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('object');
    jsonError.textContent = '';
    jsonArea.removeAttribute('aria-invalid');
    contract = parsed as ContractJson;
    storage.set('contract', JSON.stringify(contract));
    renderForm(formRoot, state?.shape, formHost);
    send({ kind: 'contract', contract, version: ++version });
  } catch (e) {
    jsonError.textContent = `${t('jsonInvalid')}: ${e instanceof Error ? e.message : String(e)}`;
    jsonArea.setAttribute('aria-invalid', 'true');
  }
}

async function openFile() {
  const file = fileInput.files?.[0];
  if (!file) return;
  try {
    const parsed: unknown = JSON.parse(await file.text());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('object');
    setContract(parsed as ContractJson, true);
  } catch (e) {
    say(`${t('jsonInvalid')}: ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  fileInput.value = '';
}

function saveContract() {
  const blob = new Blob([JSON.stringify(contract, null, 2) + '\n'], { type: 'application/json' });
  const a = h('a', {
    attrs: {
      href: URL.createObjectURL(blob),
      download: `${String(contract.id ?? 'contract').replace(/[^\w.-]+/g, '_')}.json`,
    },
  });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ── Reveal a rule ────────────────────────────────────────────────────────────
async function reveal(place: Plaats) {
  if (!editor) return;
  if (place.bestand !== ruleset.path) {
    say(`${t('showRule')}: ${place.bestand}:${place.regel} ${t('inBase', { file: place.bestand })}`);
    return;
  }
  editor.reveal(place.regel, place.kolom);
  try {
    const rule = (await serviceCall('ruleForExplanation', [ruleset.path, { regel: '', plaats: place }])) as
      RuleRef | undefined;
    if (rule && rule.path === ruleset.path)
      editor.revealRange(rule.selectionRange.start, rule.selectionRange.end);
  } catch {
    // The line is selected already.
  }
}

// ── Engine state ─────────────────────────────────────────────────────────────
function problemItem(d: ViewDiagnostic): HTMLElement {
  const place =
    d.line !== undefined
      ? `${d.file === ruleset.path ? '' : `${d.file}:`}${d.line}:${d.column}`
      : (d.path ?? '');
  return h(
    'li',
    { class: `problem ${d.severity}` },
    h(
      'button',
      {
        class: 'link',
        attrs: { type: 'button', 'data-code': d.code },
        on: {
          click: () => d.line !== undefined && d.file === ruleset.path && editor?.reveal(d.line, d.column),
        },
      },
      h('span', { class: `badge ${d.severity}` }, d.code),
      ` ${place} `,
      d.message,
    ),
    d.hint ? h('div', { class: 'muted hint' }, d.hint) : null,
    d.suggestions && d.file === ruleset.path && d.start !== undefined
      ? h(
          'div',
          { class: 'fixes' },
          d.suggestions.map((s) =>
            h(
              'button',
              {
                class: 'small',
                attrs: { type: 'button', 'data-fix': s },
                on: { click: () => void quickFix(d, s) },
              },
              t('replaceWith', { name: s }),
            ),
          ),
        )
      : null,
  );
}

/** Applies the language service's quick fix that puts `suggestion` in place of the diagnostic's span. */
async function quickFix(d: ViewDiagnostic, suggestion: string) {
  const actions = (await serviceCall('getCodeActions', [ruleset.path, { start: d.start, end: d.end }])) as
    CodeAction[] | undefined;
  const action = actions?.find(
    (a) =>
      a.diagnostic?.code === d.code &&
      a.diagnostic.range.start === d.start &&
      (a.edit[ruleset.path] ?? []).some((e) => e.newText === suggestion),
  );
  const edits = action?.edit[ruleset.path];
  if (edits && editor) editor.applyEdits(edits);
}

let stateArrived: () => void = () => {};
const firstState = new Promise<void>((resolve) => (stateArrived = resolve));

let lastProblemsKey: string | undefined;
let lastOutlineKey: string | undefined;

function renderState(s: EngineState) {
  state = s;
  stateArrived();
  editor?.setMarkers(s.diagnostics);
  // A keystroke changes the result, seldom the problems or the outline: rebuild those only when
  // they changed (each is a list of a hundred or more elements).
  const problemsKey = JSON.stringify(s.diagnostics);
  if (problemsKey !== lastProblemsKey) {
    lastProblemsKey = problemsKey;
    replace(
      problemsPanel,
      s.diagnostics.length === 0
        ? h('p', { class: 'muted' }, t('noProblems'))
        : h('ul', { class: 'problems' }, s.diagnostics.map(problemItem)),
    );
  }
  const outlineKey = JSON.stringify(s.outline);
  if (outlineKey !== lastOutlineKey) {
    lastOutlineKey = outlineKey;
    replace(
      outlinePanel,
      h(
        'ul',
        { class: 'outline' },
        s.outline.map((o) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                class: 'link',
                attrs: { type: 'button' },
                on: { click: () => editor?.reveal(o.line, o.column) },
              },
              h('span', { class: 'muted' }, `${o.kind} `),
              o.name,
            ),
          ),
        ),
      ),
    );
  }
  const shapeKey = JSON.stringify(s.shape ?? null);
  if (shapeKey !== lastShapeKey) {
    lastShapeKey = shapeKey;
    if (!formRoot.contains(document.activeElement)) renderForm(formRoot, s.shape, formHost);
  }
  showFormErrors(formRoot, s.contractDiagnostics);
  const errors = s.diagnostics.filter((d) => d.severity === 'error' && d.file === ruleset.path);
  if (s.result) {
    if (resultTree.parentNode !== resultBox) replace(resultBox, resultTree);
    renderResult(resultTree, s.result, (p) => void reveal(p), t('computedIn', { ms: s.millis.toFixed(1) }));
    resultBox.dataset.ready = String(s.version);
  } else if (s.diagnostics.some((d) => d.severity === 'error')) {
    replace(
      resultBox,
      h('p', { class: 'warning-box' }, t('rulesetHasErrors')),
      h('ul', { class: 'problems' }, errors.slice(0, 5).map(problemItem)),
    );
  } else if (s.contractDiagnostics.length > 0) {
    replace(
      resultBox,
      h('p', { class: 'warning-box' }, t('contractProblems')),
      h('ul', { class: 'problems' }, s.contractDiagnostics.map(problemItem)),
    );
  } else replace(resultBox, h('p', { class: 'muted' }, t('noResult')));
  document.body.dataset.version = String(s.version);
  if (whatIfView && resultTabs.selected() === 3) {
    clearTimeout(whatIfTimer);
    whatIfTimer = setTimeout(() => whatIfView?.refresh(), 500);
  }
}

function renderExamples(examples: readonly ExampleView[] | undefined, version: number) {
  examplesList.dataset.version = String(version);
  if (!examples) return replace(examplesList, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
  const passed = examples.filter((e) => e.passed).length;
  replace(
    examplesList,
    examples.length === 0
      ? h('p', { class: 'muted' }, t('noExamples'))
      : [
          h(
            'p',
            { attrs: { id: 'examples-summary' } },
            t('examplesSummary', { passed, total: examples.length }),
          ),
          h(
            'ul',
            { class: 'example-list' },
            examples.map((e) =>
              h(
                'li',
                { class: e.passed ? 'pass' : 'fail' },
                h(
                  'span',
                  { class: `badge ${e.passed ? 'ok' : 'error'}` },
                  e.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}`,
                ),
                ' ',
                e.title,
                e.problems.length > 0 ? h('ul', { class: 'problems' }, e.problems.map(problemItem)) : null,
              ),
            ),
          ),
        ],
  );
  examplesList.dataset.version = String(version);
}

/** When each edit was made, to measure the time from a keystroke to its markers and result. */
const editsSent = new Map<number, number>();

worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
  const m = event.data;
  if (m.kind === 'state') {
    const rendering = performance.now();
    renderState(m);
    performance.measure('sroi:render', { start: rendering, detail: { worker: m.millis } });
    // A standard User Timing measure per keystroke (read by `pnpm bench`, harmless otherwise),
    // with where its time went: to the worker, waiting there, working, back to the page, rendering.
    const now = performance.now();
    const epoch = (t: number) => performance.timeOrigin + t;
    for (const [v, t0] of editsSent)
      if (v <= m.version) {
        const phases = m.timing && {
          toWorker: m.timing.arrivedAt - epoch(t0),
          waited: m.timing.sentAt - m.timing.arrivedAt - m.millis,
          worker: m.millis,
          toPage: epoch(rendering) - m.timing.sentAt,
          render: now - rendering,
        };
        performance.measure('sroi:keystroke', { start: t0, end: now, detail: phases });
        editsSent.delete(v);
      }
    if (!performance.getEntriesByName('sroi:first-result').length && m.result)
      performance.mark('sroi:first-result');
  } else if (m.kind === 'examples') renderExamples(m.examples, m.version);
  else if (m.kind === 'resync') rulesetEdited(currentText());
  else {
    const resolve = pending.get(m.id);
    pending.delete(m.id);
    resolve?.(m.value, m.error);
  }
});
worker.addEventListener('error', (e) => say(t('failedInternal', { error: e.message })));

// ── Eigenschappen ────────────────────────────────────────────────────────────
function appendToRuleset(block: string) {
  const next = `${currentText().replace(/\s*$/, '')}\n\n${block.replace(/\s*$/, '')}\n`;
  if (editor) {
    const model = editor.editor.getModel()!;
    const end = model.getFullModelRange().getEndPosition();
    editor.editor.executeEdits('sroi', [
      {
        range: { startLineNumber: 1, startColumn: 1, endLineNumber: end.lineNumber, endColumn: end.column },
        text: next,
      },
    ]);
    editor.reveal(model.getLineCount() - 1);
  } else rulesetEdited(next);
}

async function checkProperties() {
  replace(propertiesList, h('p', { class: 'muted' }, t('checking')));
  propertiesButton.disabled = true;
  try {
    const outcomes = (await ask({ kind: 'properties' })) as PropertyView[] | { unavailable: true };
    if (!Array.isArray(outcomes))
      return replace(propertiesList, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
    if (outcomes.length === 0) return replace(propertiesList, h('p', { class: 'muted' }, t('noProperties')));
    replace(
      propertiesList,
      h(
        'ul',
        { class: 'example-list' },
        outcomes.map((p) =>
          h(
            'li',
            { class: p.passed ? 'pass' : 'fail' },
            h(
              'span',
              { class: `badge ${p.passed ? 'ok' : 'error'}` },
              p.passed ? `✓ ${t('propertyHolds', { runs: p.runs })}` : `✗ ${t('propertyFails')}`,
            ),
            ' ',
            p.title,
            p.reason ? h('div', { class: 'muted' }, p.reason) : null,
            p.counterexample !== undefined
              ? h(
                  'details',
                  { class: 'counterexample' },
                  h('summary', {}, t('counterexample')),
                  h('pre', {}, JSON.stringify(p.counterexample, null, 2)),
                  p.voorbeeld
                    ? h(
                        'button',
                        {
                          class: 'small',
                          attrs: { type: 'button', 'data-add-example': '' },
                          on: { click: () => appendToRuleset(p.voorbeeld!) },
                        },
                        t('addAsExample'),
                      )
                    : null,
                  ' ',
                  h(
                    'button',
                    {
                      class: 'small',
                      attrs: { type: 'button' },
                      on: {
                        click: () => setContract(structuredClone(p.counterexample) as ContractJson, true),
                      },
                    },
                    t('openInForm'),
                  ),
                )
              : null,
          ),
        ),
      ),
    );
  } catch (e) {
    replace(
      propertiesList,
      h(
        'p',
        { class: 'warning-box' },
        t('failedInternal', { error: e instanceof Error ? e.message : String(e) }),
      ),
    );
  } finally {
    propertiesButton.disabled = false;
  }
}

// ── Compare ──────────────────────────────────────────────────────────────────
/** A comparison as the worker sends it: each column's diagnostics rendered in the page's language. */
type ViewComparison = Omit<Comparison, 'rulesets'> & {
  rulesets: readonly (Omit<Comparison['rulesets'][number], 'diagnostics'> & {
    diagnostics: readonly ViewDiagnostic[];
  })[];
};

function differenceList(
  c: ViewComparison,
  explanations: Comparison['outcomes'][number]['explanations'],
): HTMLElement | null {
  const rules = explanations.flatMap((e) => e.rules);
  if (rules.length === 0) return null;
  const [a, b] = c.rulesets;
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, t('whyDifferent')),
    h(
      'ul',
      {},
      rules.map((r) =>
        h(
          'li',
          {},
          h('span', { class: 'rule' }, r.regel),
          ': ',
          r.base ? showValue(r.base.waarde) : '—',
          ` (${a?.label ?? ''}) → `,
          r.other ? showValue(r.other.waarde) : '—',
          ` (${b?.label ?? ''})`,
          r.base?.formule ? h('div', {}, h('code', {}, r.base.formule)) : null,
          r.other?.formule && r.other.formule !== r.base?.formule
            ? h('div', {}, h('code', {}, r.other.formule))
            : null,
          r.base?.plaats && r.base.plaats.bestand === ruleset.path
            ? h(
                'button',
                {
                  class: 'link small',
                  attrs: { type: 'button' },
                  on: { click: () => void reveal(r.base!.plaats!) },
                },
                `${t('showRule')} ↗ ${r.base.plaats.regel}`,
              )
            : null,
        ),
      ),
    ),
  );
}

const outcomeLabels: Readonly<Record<string, Word>> = {
  verplichting: 'verplichting',
  gerealiseerd: 'gerealiseerd',
  restant: 'restant',
  overschot: 'overschot',
  percentage: 'percentage',
  boete: 'boete',
};

async function runCompare() {
  replace(compareOut, h('p', { class: 'muted' }, t('working')));
  const other = findRuleset(compareSelect.value);
  if (!other) return;
  try {
    const c = (await ask({ kind: 'compare', other: other.path, contract })) as
      ViewComparison | { unavailable: true };
    if (!('outcomes' in c))
      return replace(compareOut, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
    const head = h(
      'tr',
      {},
      h('th', { attrs: { scope: 'col' } }, ''),
      c.rulesets.map((r, i) =>
        h(
          'th',
          { attrs: { scope: 'col' } },
          i === 0 ? `${r.name} (${t('thisRuleset')})` : r.name,
          r.date?.moved
            ? h('div', { class: 'muted small-text' }, t('dateMoved', { date: r.date.used }))
            : null,
        ),
      ),
    );
    const line = (label: string, l: Comparison['outcomes'][number]) =>
      h(
        'tr',
        { class: l.differs ? 'differs' : '' },
        h(
          'th',
          { attrs: { scope: 'row' } },
          label,
          l.differs ? h('span', { class: 'badge warning' }, t('differs')) : null,
        ),
        l.values.map((v) =>
          h(
            'td',
            { class: 'num' },
            v === undefined ? '—' : l.key === 'percentage' ? `${showNumber(v, language())} %` : showValue(v),
          ),
        ),
      );
    const rows: HTMLElement[] = [];
    const explain: HTMLElement[] = [];
    for (const o of c.outcomes) {
      const label = o.key in outcomeLabels ? t(outcomeLabels[o.key]!) : o.key;
      rows.push(line(label, o));
      const d = l10nWhy(c, o, label);
      if (d) explain.push(d);
    }
    for (const a of c.activities) {
      rows.push(line(`${a.index + 1}. ${a.soort}`, a));
      const d = l10nWhy(c, a, `${a.index + 1}. ${a.soort}`);
      if (d) explain.push(d);
    }
    for (const r of c.routes) rows.push(line(`route ${r.label}`, r));
    const problems = c.rulesets.flatMap((r) =>
      r.diagnostics.map((d) => h('li', {}, `${r.name}: ${d.code} ${d.path ?? ''} ${d.message}`)),
    );
    replace(
      compareOut,
      h(
        'table',
        { class: 'compare-table', attrs: { id: 'compare-table' } },
        h('thead', {}, head),
        h('tbody', {}, rows),
      ),
      problems.length > 0 ? h('ul', { class: 'problems' }, problems) : null,
      explain.length === 0 ? h('p', { class: 'muted' }, t('noDifferences')) : explain,
    );
  } catch (e) {
    replace(
      compareOut,
      h(
        'p',
        { class: 'warning-box' },
        t('failedInternal', { error: e instanceof Error ? e.message : String(e) }),
      ),
    );
  }
}

function l10nWhy(c: ViewComparison, l: Comparison['outcomes'][number], label: string): HTMLElement | null {
  if (!l.differs) return null;
  const list = differenceList(c, l.explanations);
  return list ? h('div', { class: 'difference' }, h('h4', {}, label), list) : null;
}

async function runDiff() {
  replace(compareOut, h('p', { class: 'muted' }, t('working')));
  const other = findRuleset(compareSelect.value);
  if (!other) return;
  try {
    const d = (await ask({ kind: 'diff', other: other.path })) as RulesetDiff | { unavailable: true };
    if (!('changes' in d))
      return replace(compareOut, h('p', { class: 'warning-box' }, t('rulesetHasErrors')));
    const changes = h(
      'ul',
      { class: 'changes' },
      d.changes.map((c) =>
        h(
          'li',
          { class: `change-${c.change}` },
          h('span', { class: `badge change-${c.change}` }, t(c.change)),
          ' ',
          h('strong', {}, c.name),
          ` (${c.subject})`,
          h(
            'div',
            { class: 'change-sides' },
            h('div', {}, h('span', { class: 'muted' }, `${d.a.name}: `), c.old?.text ?? '—'),
            h('div', {}, h('span', { class: 'muted' }, `${d.b.name}: `), c.new?.text ?? '—'),
          ),
          c.new?.place && c.new.place.file === ruleset.path
            ? h(
                'button',
                {
                  class: 'link small',
                  attrs: { type: 'button' },
                  on: { click: () => editor?.reveal(c.new!.place!.line, c.new!.place!.column) },
                },
                `${t('showRule')} ↗ ${c.new.place.line}`,
              )
            : null,
        ),
      ),
    );
    const referenceDate = state?.shape?.referenceDate ?? 'gunningsdatum';
    const groups = (d.boundaries?.groups ?? [])
      .filter((g) => g.findings.length > 0)
      .map((g) =>
        h(
          'details',
          { class: 'boundary-group' },
          h('summary', {}, `${g.group} (${g.differing})`),
          h(
            'ul',
            {},
            g.findings.map((f) =>
              h(
                'li',
                {},
                h('code', {}, JSON.stringify(f.contract.activiteiten[0] ?? { waarde: f.contract.waarde })),
                h(
                  'div',
                  { class: 'muted' },
                  `${d.a.name}: ${summaryText(f.results[0])} · ${d.b.name}: ${summaryText(f.results[1])}`,
                ),
                h(
                  'button',
                  {
                    class: 'small',
                    attrs: { type: 'button', 'data-open-boundary': '' },
                    on: {
                      click: () => {
                        setContract(
                          { ...structuredClone(f.contract), [referenceDate]: f.scenario.b } as ContractJson,
                          true,
                        );
                        contractTabs.select(0);
                        resultTabs.select(0);
                      },
                    },
                  },
                  t('openInForm'),
                ),
              ),
            ),
          ),
        ),
      );
    replace(compareOut, h('h3', {}, t('changes')), changes, h('h3', {}, t('boundaries')), groups);
  } catch (e) {
    replace(
      compareOut,
      h(
        'p',
        { class: 'warning-box' },
        t('failedInternal', { error: e instanceof Error ? e.message : String(e) }),
      ),
    );
  }
}

function summaryText(s: {
  verplichting?: string;
  waarderingen?: readonly string[];
  gerealiseerd?: string;
  boete?: string;
  fout?: string;
}): string {
  if (s.fout) return s.fout;
  return [
    s.verplichting !== undefined ? `${t('verplichting')} ${showValue(s.verplichting)}` : '',
    s.waarderingen?.length
      ? `${t('waarderingen')} ${s.waarderingen.map((w) => showValue(w)).join(', ')}`
      : '',
    s.gerealiseerd !== undefined ? `${t('gerealiseerd')} ${showValue(s.gerealiseerd)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

// ── Share ────────────────────────────────────────────────────────────────────
async function share() {
  const now = currentText();
  const link = writeLink({
    ruleset: ruleset.name,
    contract: encodeText(JSON.stringify(contract)),
    ...(now !== ruleset.text ? { edits: await compressText(now) } : {}),
    ...(language() === 'en' ? { lang: 'en' } : {}),
  });
  const url = `${location.href.replace(/#.*$/, '')}${link}`;
  shareOutput.value = url;
  shareOutput.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    say(t('shared'));
  } catch {
    say(t('shareFallback'));
    shareOutput.select();
  }
}

// ── Start ────────────────────────────────────────────────────────────────────
async function start() {
  const link = readLink(location.hash);
  const lang = (link.lang ?? storage.get('lang')) === 'en' ? 'en' : 'nl';
  setLanguage(lang);
  relabel();
  let edits: string | undefined;
  let name = link.ruleset ?? storage.get('ruleset') ?? defaultRuleset;
  if (!findRuleset(name)) {
    notice = t('unknownRuleset', { name });
    name = defaultRuleset;
  }
  if (link.edits) edits = await decompressText(link.edits);
  if (link.contract !== undefined) {
    const decoded = decodeText(link.contract);
    let parsed: unknown;
    try {
      parsed = decoded === undefined ? undefined : JSON.parse(decoded);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      contract = parsed as ContractJson;
    else {
      notice = t('invalidLink');
      contract = sample();
    }
  } else {
    const saved = storage.get('contract');
    try {
      contract = saved ? (JSON.parse(saved) as ContractJson) : sample();
    } catch {
      contract = sample();
    }
  }
  if (edits !== undefined) storage.set(`edits.${name}`, edits);
  // The worker speaks Dutch until told otherwise: diagnostics and explanations in the page's language.
  if (lang !== 'nl') send({ kind: 'lang', lang, version: ++version });
  openRuleset(name, edits);
  if (notice) say(notice);
  // The editor loads after the first result: the form and the result do not wait for Monaco.
  await Promise.race([firstState, new Promise((resolve) => setTimeout(resolve, 3000))]);
  const { createEditor } = await import('./editor.js');
  editor = await createEditor(editorHost, serviceCall, t('editorLabel'));
  editorLoading.remove();
  editor.setText(text, ruleset.path);
  // The worker has `text`; the editor may keep its line ends otherwise.
  if (editor.text() !== text) rulesetEdited(editor.text());
  editor.onChange(rulesetChanged);
  if (state) editor.setMarkers(state.diagnostics);
  document.body.dataset.editor = 'ready';
}

void start();

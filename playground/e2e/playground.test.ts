// The playground as a policy officer uses it, in real headless Chromium against the built site:
// pick Rijnmond 2023-2027, enter a contract through the form and check every amount to the cent
// against `sroi eval`; open an explanation and jump to its rule; fix a typo with the quick fix;
// run the voorbeelden; compare with 2019-2023; open a deep link and a share link; switch to
// English; no serious or critical axe-core violations, no console errors or CSP violations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from './serve.js';
import { buildSite, focusEditor, repoRoot, serveSite, startBrowser } from './browser.js';

const shots = join(repoRoot, 'playground/e2e/screenshots');
const work = mkdtempSync(join(tmpdir(), 'sroi-e2e-'));

let browser: Browser;
let site: Served;
const problems: string[] = [];

async function newPage(hash = ''): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(site.url + hash);
  await page.waitForSelector('#result .amount', { timeout: 30_000 });
  return { context, page };
}

/** `sroi eval --json` of a contract under a shipped ruleset: the independent computation. */
function cliEval(ruleset: string, contract: unknown): Record<string, unknown> {
  const file = join(work, `contract-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(contract));
  const out = execFileSync(
    process.execPath,
    ['scripts/sroi.mjs', 'eval', `rulesets/${ruleset}.sroi`, file, '--json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as Record<string, unknown>;
}

function sroi(args: readonly string[]): string {
  return execFileSync(process.execPath, ['scripts/sroi.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

interface WhatIfJson {
  read: { contracts: number; evaluated: number; skipped: number };
  quantities: string[];
  baseline: { totals: Record<string, string> };
  scenarios: {
    totals: Record<string, string>;
    difference: Record<string, string>;
    players: { label: string }[];
    attribution?: Record<string, string[]>;
    statusChangesShown: number;
  }[];
}

/** `sroi whatif` of the open ruleset over a portfolio with the same `--set` values: the independent run. */
function cliWhatIf(
  portfolio: string,
  sets: readonly string[],
  base = 'rulesets/rijnmond-2023-2027.sroi',
): WhatIfJson {
  return JSON.parse(
    sroi([
      'whatif',
      base,
      portfolio,
      ...sets.flatMap((s) => ['--set', s]),
      '--json',
      '--quiet',
      '--workers',
      '1',
    ]),
  ) as WhatIfJson;
}

/** The panel's totals, attribution and counts equal the report of `sroi whatif`, to the cent. */
async function expectReport(page: Page, r: WhatIfJson): Promise<void> {
  const s = r.scenarios[0]!;
  const shown = await page.$$eval('#whatif-totals tr[data-quantity]', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-quantity')!,
        [...row.querySelectorAll('td')].map((td) => td.getAttribute('data-value')),
      ]),
    ),
  );
  expect(shown).toEqual(
    Object.fromEntries(r.quantities.map((q) => [q, [r.baseline.totals[q], s.totals[q], s.difference[q]]])),
  );
  const attribution = await page.$$eval('#whatif-attribution tbody tr', (rows) =>
    rows.map((row) => [
      row.getAttribute('data-player'),
      Object.fromEntries(
        [...row.querySelectorAll('td')].map((td) => [
          td.getAttribute('data-quantity'),
          td.getAttribute('data-value'),
        ]),
      ),
    ]),
  );
  expect(attribution).toEqual(
    s.players.map((p, i) => [
      p.label,
      Object.fromEntries(Object.entries(s.attribution ?? {}).map(([q, list]) => [q, list[i]])),
    ]),
  );
  const read = (await page.textContent('#whatif-read')) ?? '';
  expect(read).toContain(`${r.read.evaluated.toLocaleString('nl-NL')} doorgerekend`);
  expect(read).toContain(`${r.read.skipped.toLocaleString('nl-NL')} overgeslagen`);
  if (s.statusChangesShown > 0)
    await expect(page.textContent('#whatif-status summary')).resolves.toContain(`(${s.statusChangesShown})`);
}

/** Every amount the page shows, by key: outcomes, valuations, routes (not a dash for no value). */
async function amounts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#result [data-outcome]', (rows) =>
    Object.fromEntries(
      rows
        .map((r) => [
          r.getAttribute('data-outcome')!,
          r.querySelector(':scope > .amount-line .amount')!.getAttribute('data-value'),
        ])
        .filter(([, value]) => value !== null),
    ),
  );
}

function expectedAmounts(r: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['verplichting', 'gerealiseerd', 'restant', 'overschot', 'percentage', 'boete'])
    if (typeof r[k] === 'string') out[k] = r[k] as string;
  for (const [k, v] of Object.entries((r.overige ?? {}) as Record<string, string>)) out[k] = v;
  for (const w of r.waarderingen as { index: number; bedrag: string }[])
    out[`waardering-${w.index}`] = w.bedrag;
  for (const route of r.routes as { naam: string; gerealiseerd: string }[])
    out[`route-${route.naam}`] = route.gerealiseerd;
  return out;
}

async function contractJson(page: Page): Promise<Record<string, unknown>> {
  await page.click('[data-tab="contract-1"]');
  const text = await page.inputValue('#contract-json');
  await page.click('[data-tab="contract-0"]');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Types a new last line in the editor. Escape closes the completion list first, so that Enter
 * starts a line instead of accepting a suggestion.
 */
async function typeLastLine(page: Page, line: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Escape');
}

/** Waits until the engine answered the latest change (the result may be absent). */
async function settledEngine(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.body.dataset.version === document.body.dataset.sent);
}

/** Waits until the result shows the state of the latest change. */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.waitForFunction(() => {
    const v = document.body.dataset.version;
    return v !== undefined && document.querySelector('#result')?.getAttribute('data-ready') === v;
  });
}

async function axe(page: Page, name: string): Promise<void> {
  const source = readFileSync(join(repoRoot, 'playground/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `axe-core on ${name}`).toEqual([]);
}

beforeAll(async () => {
  await buildSite();
  site = await serveSite();
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the built playground in Chromium', () => {
  it('evaluates a contract entered through the form to the cent as sroi eval does, and explains it', async () => {
    const { context, page } = await newPage();
    // Pick another ruleset, then Rijnmond 2023-2027, as a person would.
    await page.selectOption('#ruleset', 'rijnmond-2019-2023');
    await settledEngine(page);
    await page.selectOption('#ruleset', 'rijnmond-2023-2027');
    await settled(page);
    await page.click('#new-contract');
    await page.waitForSelector('[data-add="plaatsing"]');
    await page.fill('[data-field="id"] input', 'E2E-2025-042');
    await page.selectOption('[data-field="opdrachtsoort"] select', 'werken');
    await page.fill('[data-field="waarde"] input', '2.437.500,00');
    await page.fill('[data-field="gunningsdatum"] input', '2025-09-15');
    await page.click('[data-add="plaatsing"]');
    await page.selectOption('[data-field="activiteiten[0].doelgroep"] select', 'loonkostensubsidie');
    await page.selectOption('[data-field="activiteiten[0].contractvorm"] select', 'onbepaald');
    await page.fill('[data-field="activiteiten[0].fte"] input', '0,8');
    await page.fill('[data-field="activiteiten[0].maanden"] input', '19');
    await page.click('[data-add="plaatsing"]');
    await page.selectOption('[data-field="activiteiten[1].doelgroep"] select', 'nugger');
    await page.selectOption('[data-field="activiteiten[1].contractvorm"] select', 'bepaald');
    await page.fill('[data-field="activiteiten[1].fte"] input', '1');
    await page.fill('[data-field="activiteiten[1].maanden"] input', '7');
    await page.click('[data-add="leerling"]');
    await page.selectOption('[data-field="activiteiten[2].opleiding"] select', 'mbo-bbl');
    await page.check('[data-field="activiteiten[2].arbeidsovereenkomst"] input');
    await page.fill('[data-field="activiteiten[2].fte"] input', '0,6');
    await page.fill('[data-field="activiteiten[2].maanden"] input', '11');
    await page.click('[data-add="inkoop"]');
    await page.selectOption('[data-field="activiteiten[3].leverancier"] select', 'sw-bedrijf');
    await page.fill('[data-field="activiteiten[3].factuurbedrag"] input', '31.415,93');
    await page.click('[data-add="maatschappelijk"]');
    await page.fill('[data-field="activiteiten[4].uren"] input', '37');
    await settled(page);

    const contract = await contractJson(page);
    expect(contract.waarde).toBe('2437500.00');
    expect((contract.activiteiten as unknown[]).length).toBe(5);
    const cli = cliEval('rijnmond-2023-2027', contract);
    const shown = await amounts(page);
    expect(shown).toEqual(expectedAmounts(cli));
    await page.screenshot({ path: join(shots, '01-contract-en-resultaat.png') });

    // The explanation of the first valuation, then its rule in the editor.
    await page.waitForSelector('body[data-editor="ready"]');
    const row = page.locator('[data-outcome="waardering-0"]');
    await row.locator('details.explain > summary').click();
    await expect(row.locator('.formula code').first().textContent()).resolves.toContain('afronden');
    const jump = row.locator('button[data-line]').first();
    const line = await jump.getAttribute('data-line');
    await jump.click();
    await page.waitForFunction(
      (l) => document.querySelector('.monaco-editor .active-line-number')?.textContent === l,
      line,
    );
    await page.screenshot({ path: join(shots, '02-uitleg-en-regel.png') });
    await axe(page, 'the result with an explanation open');

    // A keystroke in the rule renders the result again: the explanation the reader opened stays open.
    const before = await page.evaluate(() => document.body.dataset.version);
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    await page.waitForFunction((v) => document.body.dataset.version !== v, before);
    await expect(row.locator('.formula code').first().isVisible()).resolves.toBe(true);
    await page.keyboard.press('Backspace');
    await context.close();
  }, 120_000);

  it('shows a typo as a marker with its code and fixes it with the quick fix', async () => {
    const { context, page } = await newPage('#ruleset=rijnmond-2023-2027');
    await page.waitForSelector('body[data-editor="ready"]');
    await typeLastLine(page, 'definitie extra: bedrag = drempl');
    await page
      .waitForSelector('.problems [data-code="SR2001"]', { timeout: 60_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(work, 'failed.png') });
        throw new Error(`${String(e)}\n${work}/failed.png\n${(await page.textContent('.lower')) ?? ''}`);
      });
    await page.waitForSelector('.monaco-editor .squiggly-error');
    await page.screenshot({ path: join(shots, '03-tikfout-met-melding.png') });
    // The quick fix the language service offers for "did you mean 'drempel'?", from the problem list.
    // (Monaco renders spaces as no-break spaces.)
    await page.click('.lower [data-fix="drempel"]');
    await page.waitForFunction(() => !document.querySelector('.problems [data-code="SR2001"]'));
    await page.waitForFunction(() =>
      document
        .querySelector('.monaco-editor .view-lines')!
        .textContent!.replace(/\u00a0/g, ' ')
        .includes('definitie extra: bedrag = drempel'),
    );
    await context.close();
  }, 120_000);

  it("completes a name from the language service and shows a parameter's value and bron on hover", async () => {
    const { context, page } = await newPage('#ruleset=rijnmond-2023-2027');
    await page.waitForSelector('body[data-editor="ready"]');
    await typeLastLine(page, 'definitie extra: bedrag = drem');
    await settledEngine(page);
    // Completion on request (Ctrl+Space), as a person asks for it: the names in scope come from the
    // checked model, so the parameter 'drempel' is offered with its type.
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'drempel' }).first();
    await suggestion.waitFor({ timeout: 30_000 });
    await expect(page.locator('.suggest-widget').textContent()).resolves.toContain('bedrag');
    await page.screenshot({ path: join(shots, '09-aanvullen.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('.monaco-editor .view-lines')!
        .textContent!.replace(/\u00a0/g, ' ')
        .includes('definitie extra: bedrag = drempel'),
    );
    await settledEngine(page);
    expect(await page.locator('.problems [data-code="SR2001"]').count()).toBe(0);

    // Hover over the parameter's name: its type, its value per period and its bron.
    await page.keyboard.press('Escape');
    const word = page.locator('.monaco-editor .view-line span', { hasText: /^drempel$/ }).last();
    await word.hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Beleid 2023-2027' });
    await hover.waitFor({ timeout: 30_000 });
    const shown = ((await hover.textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(shown).toContain('drempel');
    expect(shown).toContain('€ 50.000');
    expect(shown).toContain('bron');
    await page.screenshot({ path: join(shots, '10-uitleg-bij-parameter.png') });
    await context.close();
  }, 120_000);

  it('runs the voorbeelden live, compares with 2019-2023 and switches to English', async () => {
    const { context, page } = await newPage('#ruleset=rijnmond-2023-2027');
    await page.click('[data-tab="result-1"]');
    const examples = (
      readFileSync(join(repoRoot, 'rulesets/rijnmond-2023-2027.sroi'), 'utf8').match(/^voorbeeld /gm) ?? []
    ).length;
    await expect(page.textContent('#examples-summary')).resolves.toBe(
      `${examples} van ${examples} voorbeelden kloppen`,
    );
    expect(await page.locator('#examples .badge.ok').count()).toBe(examples);

    // Eigenschappen on request; a failing one gives a counterexample that becomes a voorbeeld.
    await page.click('#check-properties');
    await page.waitForSelector('#properties .example-list', { timeout: 60_000 });
    const properties = (
      readFileSync(join(repoRoot, 'rulesets/rijnmond-2023-2027.sroi'), 'utf8').match(/^eigenschap /gm) ?? []
    ).length;
    expect(await page.locator('#properties .badge.ok').count()).toBe(properties);
    await page.waitForSelector('body[data-editor="ready"]');
    await typeLastLine(page, 'eigenschap "Er is altijd een verplichting": verplichting > € 0');
    await settledEngine(page);
    await page.click('#check-properties');
    await page
      .waitForSelector('#properties details.counterexample', { timeout: 90_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(work, 'failed.png') });
        const seen = await page.textContent('body');
        throw new Error(`${String(e)}\n${work}/failed.png\n${seen ?? ''}`);
      });
    await page.click('#properties details.counterexample summary');
    await page.screenshot({ path: join(shots, '04-voorbeelden-en-eigenschappen.png') });
    await page.click('#properties [data-add-example]');
    await expect
      .poll(() => page.textContent('#examples-summary'), { timeout: 30_000 })
      .toBe(`${examples + 1} van ${examples + 1} voorbeelden kloppen`);

    await page.click('[data-tab="result-2"]');
    await page.selectOption('#compare-with', 'rijnmond-2019-2023');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-table');
    const header = await page.$$eval('#compare-table thead th', (ths) =>
      ths.map((th) => th.textContent ?? ''),
    );
    expect(header.join(' ')).toContain('2019-2023');
    expect(await page.locator('#compare-table tr.differs').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '05-vergelijken.png') });
    await axe(page, 'the comparison');

    // The semantic diff; a boundary contract opens in the form and is evaluated.
    await page.click('#diff-run');
    await page.waitForSelector('#compare-out .changes', { timeout: 60_000 });
    const boundary = page.locator('[data-open-boundary]').first();
    await page.locator('.boundary-group > summary').first().click();
    await page.screenshot({ path: join(shots, '06-verschillen.png') });
    await boundary.click();
    await settled(page);
    expect(Object.keys(await amounts(page))).toContain('verplichting');

    await page.click('#lang');
    await page.click('[data-tab="result-0"]');
    await page.waitForFunction(() => document.querySelector('#h-result')?.textContent === 'Result');
    await expect(page.textContent('[data-outcome="verplichting"] .amount-label')).resolves.toBe('Obligation');
    // The boundary contract has no obligation, so no percentage: a dash, as `sroi eval` prints it,
    // and its explanation says why.
    expect((await amounts(page)).verplichting).toBe('0.00');
    await expect(page.textContent('[data-outcome="percentage"] .amount')).resolves.toBe('—');
    await page.click('[data-outcome="percentage"] details.explain > summary');
    await expect(page.textContent('[data-outcome="percentage"] details.node > summary')).resolves.toContain(
      'unknown',
    );
    await page.screenshot({ path: join(shots, '07-english.png') });
    await context.close();
  }, 120_000);

  it('opens a deep link and a share link in the same state', async () => {
    const contract = {
      id: 'LINK-7',
      opdrachtsoort: 'diensten',
      waarde: '812345.67',
      gunningsdatum: '2021-03-09',
      activiteiten: [
        { soort: 'plaatsing', doelgroep: 'wia', contractvorm: 'bepaald', fte: 0.5, maanden: 9 },
        { soort: 'scholing', kosten: '1234.56' },
      ],
    };
    const encoded = Buffer.from(JSON.stringify(contract)).toString('base64url');
    const { context, page } = await newPage(`#ruleset=rijnmond-2019-2023&contract=${encoded}`);
    await expect(page.inputValue('#ruleset')).resolves.toBe('rijnmond-2019-2023');
    expect(await amounts(page)).toEqual(expectedAmounts(cliEval('rijnmond-2019-2023', contract)));
    await page.screenshot({ path: join(shots, '08-deep-link.png') });

    // Edit the ruleset (a tariff), share, and open the share link in a fresh browser profile.
    await page.waitForSelector('body[data-editor="ready"]');
    await typeLastLine(page, '# gedeeld met een collega');
    await settled(page);
    await page.click('#share');
    const link = await page.inputValue('#share-link');
    expect(link).toContain('edits=');
    await context.close();

    const shared = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const other = await shared.newPage();
    await other.goto(link);
    await other.waitForSelector('#result .amount');
    await other.waitForSelector('body[data-editor="ready"]');
    await expect(other.inputValue('#ruleset')).resolves.toBe('rijnmond-2019-2023');
    expect(await amounts(other)).toEqual(expectedAmounts(cliEval('rijnmond-2019-2023', contract)));
    await focusEditor(other);
    await other.keyboard.press('Control+End');
    await other.waitForFunction(() =>
      document
        .querySelector('.monaco-editor .view-lines')!
        .textContent!.replace(/\u00a0/g, ' ')
        .includes('gedeeld met een collega'),
    );
    await shared.close();
  }, 120_000);

  it('runs a what-if scenario over a generated portfolio and an opened CSV to the cent as sroi whatif does', async () => {
    const { context, page } = await newPage('#ruleset=rijnmond-2023-2027');
    await page.click('[data-tab="result-3"]');
    await page.waitForSelector('#whatif-fields [data-name="sr_percentage"]', { timeout: 60_000 });
    // The current values, with their bron or aanname, as the form's starting point.
    await expect(page.inputValue('[data-name="sr_percentage"]')).resolves.toBe('5%');
    await expect(page.textContent('[data-field="drempel"]')).resolves.toContain('Beleid 2023-2027');
    await page.uncheck('#whatif-live');
    await page.fill('#whatif-count', '400');
    await page.fill('#whatif-seed', '7');
    const sets = [
      'sr_percentage=6%',
      'bonus_contract_onbepaald=€ 10.000',
      'jaarwaarde_plaatsing[participatiewet]=42000',
    ];
    for (const set of sets) {
      const [name, value] = set.split('=') as [string, string];
      const field = page.locator(`#whatif-fields input[data-name="${name}"]`);
      if (name.includes('['))
        await page.locator('.whatif-table > summary', { hasText: name.split('[')[0]! }).click();
      await field.fill(value);
    }
    // The base starts as the region set the open ruleset belongs to: each contract by the period
    // of its award date, none skipped.
    await expect(page.inputValue('#whatif-base')).resolves.toBe('rulesets/rijnmond.set.json');
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-out[data-state="done"] #whatif-totals', { timeout: 90_000 });
    // The attribution chart (ECharts, loaded with the first attribution): a bar per changed value.
    await page.waitForSelector('#whatif-attribution-chart svg path', { state: 'attached', timeout: 30_000 });
    await page.locator('#whatif-status summary').click();
    await page.evaluate(() => document.querySelector('#whatif-read')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, '11-wat-als.png') });
    await axe(page, 'the what-if panel');

    // The same run on the command line: generator, scenario and engine are the same code.
    const portfolio = join(work, 'p.jsonl');
    sroi(['portfolio', 'generate', '--contracts', '400', '--seed', '7', '--out', portfolio]);
    await expectReport(page, cliWhatIf(portfolio, sets, 'rulesets/rijnmond.set.json'));
    expect(await page.textContent('#whatif-read')).toContain('400 doorgerekend');
    expect(await page.textContent('#whatif-command')).toContain("--set 'sr_percentage=6%'");
    expect(await page.textContent('#whatif-command')).toContain('sroi whatif rulesets/rijnmond.set.json');

    // "Kopieer als scenario": the ruleset text, which sroi whatif runs as --scenario to the same
    // totals (only the open ruleset changes: with the set as base, the panel's --set changes
    // the 2019-2023 ruleset too, so the comparison is with the open ruleset alone as base).
    await page.selectOption('#whatif-base', '');
    await page.click('#whatif-run');
    await page.waitForFunction(
      () => document.querySelector('#whatif-command')?.textContent?.includes('whatif rulesets/rijnmond-2023'),
      undefined,
      { timeout: 90_000 },
    );
    const expected = cliWhatIf(portfolio, sets);
    await expectReport(page, expected);
    await page.click('#whatif-copy-scenario');
    const copied = (await page.textContent('#whatif-scenario')) ?? '';
    expect(copied).toContain('breidt uit "rijnmond-2023-2027.sroi"');
    // Saved beside (a copy of) the ruleset it extends, as its first comment line says.
    const scenarioFile = join(work, 'scenario.sroi');
    writeFileSync(scenarioFile, copied);
    writeFileSync(
      join(work, 'rijnmond-2023-2027.sroi'),
      readFileSync(join(repoRoot, 'rulesets/rijnmond-2023-2027.sroi'), 'utf8'),
    );
    {
      const viaScenario = JSON.parse(
        sroi([
          'whatif',
          'rulesets/rijnmond-2023-2027.sroi',
          portfolio,
          '--scenario',
          scenarioFile,
          '--json',
          '--quiet',
          '--workers',
          '1',
        ]),
      ) as WhatIfJson;
      expect(viaScenario.scenarios[0]!.totals).toEqual(expected.scenarios[0]!.totals);
    }

    // An export of a registration tool, opened as a file (CSV, Dutch numbers, a bad row).
    const csv = join(repoRoot, 'test/fixtures/whatif/export.csv');
    await page.setInputFiles('#whatif-file', csv);
    await page.waitForFunction(
      () => document.querySelector('#whatif-file-name')?.textContent === 'export.csv',
    );
    await page.click('#whatif-run');
    await page.waitForFunction(() =>
      document.querySelector('#whatif-read')?.textContent?.startsWith('export.csv'),
    );
    await expectReport(page, cliWhatIf(csv, sets));

    // A workbook (sheets contracten and activiteiten), read with exceljs in the worker as the
    // command line reads it.
    const xlsx = join(repoRoot, 'test/fixtures/whatif/werkmap.xlsx');
    await page.setInputFiles('#whatif-file', xlsx);
    await page.waitForFunction(
      () => document.querySelector('#whatif-file-name')?.textContent === 'werkmap.xlsx',
    );
    await page.click('#whatif-run');
    await page.waitForFunction(
      () => document.querySelector('#whatif-read')?.textContent?.startsWith('werkmap.xlsx'),
      undefined,
      { timeout: 60_000 },
    );
    await expectReport(page, cliWhatIf(xlsx, sets));

    // A value that does not fit its parameter: a located problem, as --set gives it.
    await page.fill('#whatif-fields input[data-name="sr_percentage"]', '6 euro');
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-problems [data-code], #whatif-problems .badge');
    await expect(page.textContent('#whatif-problems')).resolves.toContain('sr_percentage');

    // A larger portfolio shows its progress; English labels.
    await page.fill('#whatif-fields input[data-name="sr_percentage"]', '6%');
    await page.check('#whatif-generated');
    await page.fill('#whatif-count', '3000');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const el = document.querySelector('#whatif-progress-text')!;
      new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.click('#whatif-run');
    await page.waitForFunction(
      () => document.querySelector('#whatif-read')?.textContent?.includes('3.000 contracten'),
      undefined,
      {
        timeout: 90_000,
      },
    );
    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progress.some((p) => / van 3\.000 contracten$/.test(p))).toBe(true);
    // A slider writes its value into the field as --set reads it, and with "live" runs at once.
    // A fold the reader opened stays open through the new report.
    await page.click('#whatif-command-fold summary');
    await page.check('#whatif-live');
    const runs = await page.evaluate(() => performance.getEntriesByName('sroi:whatif').length);
    await page.$eval('#whatif-fields input[data-slider="sr_percentage"]', (el) => {
      (el as HTMLInputElement).value = '6.5';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.inputValue('#whatif-fields input[data-name="sr_percentage"]')).resolves.toBe('6,5%');
    await page.waitForFunction((n) => performance.getEntriesByName('sroi:whatif').length > n, runs, {
      timeout: 90_000,
    });
    await page.waitForFunction(() =>
      document
        .querySelector('#whatif-attribution [data-player="sr_percentage"]')
        ?.textContent?.includes('6,5%'),
    );
    await expect(page.$eval('#whatif-command-fold', (d) => (d as HTMLDetailsElement).open)).resolves.toBe(
      true,
    );
    await page.click('#lang');
    await expect(page.textContent('#whatif-totals caption')).resolves.toBe('Portfolio totals');
    // The next run's base is the ruleset as edited since (the panel asks for it again): with an
    // error in it, there is no run.
    await page.uncheck('#whatif-live');
    await page.waitForSelector('body[data-editor="ready"]');
    await typeLastLine(page, 'parameter onaf: bedrag =');
    await settledEngine(page);
    await page.click('#whatif-run');
    await page.waitForFunction(() =>
      document.querySelector('#whatif-problems')?.textContent?.includes('The ruleset has errors'),
    );
    await context.close();
  }, 240_000);

  it('had no console errors, warnings or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});

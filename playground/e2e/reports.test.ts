// The printable HTML reports of the command line (`sroi whatif --html`, `sroi matrix --html`,
// `sroi compare --html`, `sroi diff --html`), laid out as Chromium prints them: on A4 (landscape
// where the report asks for it), within its margins, no table runs past the page (a wide table
// scrolls on screen, which paper cannot do).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startBrowser } from './browser.js';

const work = mkdtempSync(join(tmpdir(), 'sroi-reports-'));
const sroi = (args: readonly string[]): string =>
  execFileSync(process.execPath, ['scripts/sroi.mjs', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

/** A4 less 1 cm margins, in CSS pixels (96 per inch): 277 mm × 190 mm, or 190 mm × 277 mm. */
const LANDSCAPE = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };
const PORTRAIT = { width: LANDSCAPE.height, height: LANDSCAPE.width };

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Elements of the page, laid out for print at the page's width, that are wider than it. */
async function overflowing(file: string, paper = LANDSCAPE): Promise<string[]> {
  const context = await browser.newContext({ viewport: paper });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(`file://${file}`);
  const wide = await page.evaluate(`[...document.querySelectorAll('table, figure, svg, .wide, .scroll')]
    .filter((el) => el.getBoundingClientRect().right > ${paper.width} + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.tagName.toLowerCase() + ' ' + (el.previousElementSibling?.textContent ?? el.textContent ?? '').slice(0, 60))`);
  await context.close();
  return wide as string[];
}

describe('the HTML reports, printed on A4', () => {
  it('sroi whatif --html: every table and chart within the page', () => {
    const portfolio = join(work, 'p.jsonl');
    sroi(['portfolio', 'generate', '--contracts', '300', '--seed', '11', '--out', portfolio]);
    const html = join(work, 'whatif.html');
    sroi([
      'whatif',
      'rulesets/rijnmond.set.json',
      portfolio,
      '--set',
      'sr_percentage=6%',
      '--set',
      'uurtarief_maatschappelijk=120',
      '--html',
      html,
      '--quiet',
      '--workers',
      '1',
    ]);
    return expect(overflowing(html)).resolves.toEqual([]);
  }, 120_000);

  it('sroi matrix --html and sroi compare --html: every table and chart within the page', async () => {
    const rulesets = readdirSync(join(repoRoot, 'rulesets'))
      .filter((f) => f.endsWith('.sroi'))
      .map((f) => `rulesets/${f}`);
    const matrix = join(work, 'matrix.html');
    writeFileSync(matrix, sroi(['matrix', ...rulesets, '--html']));
    const compare = join(work, 'compare.html');
    writeFileSync(
      compare,
      sroi([
        'compare',
        ...rulesets,
        '--contract',
        'rulesets/examples/schoonmaak-stadskantoor.json',
        '--html',
      ]),
    );
    expect(await overflowing(matrix)).toEqual([]);
    expect(await overflowing(compare)).toEqual([]);
  }, 120_000);

  it('sroi diff --html (portrait): every table within the page', async () => {
    const diff = join(work, 'diff.html');
    writeFileSync(
      diff,
      sroi(['diff', 'rulesets/rijnmond-2019-2023.sroi', 'rulesets/rijnmond-2023-2027.sroi', '--html']),
    );
    expect(await overflowing(diff, PORTRAIT)).toEqual([]);
  }, 120_000);
});

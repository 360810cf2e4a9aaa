// Shared by the end-to-end tests and the browser benchmark: builds the playground, serves the built
// site on localhost and starts Debian's Chromium (never a downloaded browser).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type Served } from './serve.js';

export const playgroundRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distRoot = `${playgroundRoot}dist`;

export const CHROMIUM = process.env.SROI_CHROMIUM ?? '/usr/bin/chromium';

/** Builds the site as `pnpm playground:build` does. */
export async function buildSite(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: playgroundRoot, logLevel: 'error', configFile: `${playgroundRoot}vite.config.ts` });
}

export async function startBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function serveSite(): Promise<Served> {
  return serve(distRoot);
}

/**
 * Clicks into the editor's visible text, as a person does, and waits until the editor has the
 * keyboard. Not a click on `.view-lines`: that element is as large as the whole document (10,000 px
 * high for Rijnmond), so a click at its centre lands outside the editor and focus stays on the body.
 * Not `page.focus('textarea')` either: in Chromium Monaco takes keys through an EditContext on
 * `.native-edit-context`, and the hidden textarea is not where typed text goes.
 */
export async function focusEditor(page: Page): Promise<void> {
  const box = await page.locator('.monaco-editor .editor-scrollable').first().boundingBox();
  if (!box) throw new Error('the editor is not visible');
  await page.mouse.click(box.x + 40, box.y + 8);
  // The page's document through globalThis: this module is also compiled for the benchmarks,
  // without the DOM's types (and a string would be eval, which the site's CSP refuses).
  await page.waitForFunction(
    () =>
      (
        globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
      ).document.activeElement?.closest('.monaco-editor') != null,
  );
}

// Shared by the end-to-end tests and the browser benchmark: builds the playground, serves the built
// site on localhost and starts Debian's Chromium (never a downloaded browser).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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

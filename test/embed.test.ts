// The packed packages work outside the workspace, as an embedding app gets them: `pnpm build`,
// `pnpm pack` of @sroi/core and @sroi/evaluator, `npm install` of the tarballs in a temporary
// folder, then the apps of examples/embed-node (node) and examples/embed-browser (a page built by
// Vite, in headless Chromium, with and without a strict Content-Security-Policy) evaluate the
// exported IR of a shipped ruleset and get the CLI's numbers to the cent.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { main } from '@sroi/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const ruleset = join(root, 'rulesets/rijnmond-2023-2027.sroi');
const contractFile = join(root, 'rulesets/examples/schoonmaak-stadskantoor.json');
const work = mkdtempSync(join(tmpdir(), 'sroi-embed-'));
const irFile = join(work, 'rijnmond.ir.json');

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeout = 60_000,
): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout });
  if (r.status !== 0 && r.status !== 2)
    throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r;
}

/** The CLI's result of a contract, as JSON without explanations: what the apps must reproduce. */
async function cliResult(contract: string): Promise<unknown> {
  let out = '';
  const code = await main(['eval', '--json', '--no-explain', ruleset, contract], {
    out: (t) => (out += t),
    err: (t) => (out += t),
  });
  expect(code).toBe(0);
  return JSON.parse(out);
}

beforeAll(async () => {
  run(
    process.execPath,
    ['-e', "import('./scripts/build.mjs').then((m) => m.buildPackages({ quiet: true }))"],
    root,
  );
  for (const pkg of ['core', 'evaluator'])
    run('npx', ['-y', 'pnpm@12.21.0', 'pack', '--pack-destination', work], join(root, 'packages', pkg));
  // One temporary project holds the installed tarballs; both example apps are copied into it.
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'embed-check', private: true, type: 'module' }),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', './sroi-core-0.1.0.tgz', './sroi-evaluator-0.1.0.tgz'],
    work,
    90_000,
  );
  for (const app of ['embed-node', 'embed-browser'])
    cpSync(join(root, 'examples', app), join(work, app), {
      recursive: true,
      filter: (f) => !f.includes('node_modules'),
    });
  let err = '';
  const code = await main(['export', '--ir', ruleset, '-o', irFile], {
    out: () => {},
    err: (t) => (err += t),
  });
  expect([code, err]).toEqual([0, '']);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('examples/embed-node', () => {
  const app = () => join(work, 'embed-node');
  const evaluate = (flags: string[], ir: string, contract: string) =>
    run(process.execPath, [...flags, 'index.mjs', ir, contract], app());
  let first: string | undefined;
  /** The app's output for the exported IR and the sample contract (run once). */
  const output = () => (first ??= evaluate([], irFile, contractFile).stdout);

  test('the installed packages hold only what an embedder needs: no compiler, no parser, no node: import', () => {
    const installed = join(work, 'node_modules');
    expect(existsSync(join(installed, 'chevrotain'))).toBe(false);
    expect(existsSync(join(installed, '@sroi/compiler'))).toBe(false);
    for (const pkg of ['core', 'evaluator']) {
      const code = readFileSync(join(installed, '@sroi', pkg, 'dist/index.js'), 'utf8');
      expect(code).not.toMatch(/from\s*["']node:|require\(/);
      expect(existsSync(join(installed, '@sroi', pkg, 'dist/index.d.ts'))).toBe(true);
    }
  });

  test('evaluates the exported IR to the CLI result, and says what it was computed with', async () => {
    const out = JSON.parse(output()) as {
      berekend: Record<string, string>;
      engine: string;
      resultaat: unknown;
    };
    expect(out.resultaat).toEqual(await cliResult(contractFile));
    expect(out.engine).toBe('compiled');
    expect(out.berekend).toEqual({
      regeling: 'Social Return Rijnmond 2023-2027',
      versie: '2023-2027',
      periode: '2023-2027',
      irSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  test('where node forbids code generation from strings, the reference evaluator gives the same', () => {
    const normal = JSON.parse(output()) as { engine: string };
    const strict = JSON.parse(
      evaluate(['--disallow-code-generation-from-strings'], irFile, contractFile).stdout,
    ) as {
      engine: string;
    };
    expect(strict.engine).toBe('reference');
    expect({ ...strict, engine: 'compiled' }).toEqual(normal);
  });

  test('an IR with its version as text is refused with the message, not evaluated', () => {
    const bad = join(work, 'version-as-text.ir.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(irFile, 'utf8')), irVersion: '2' }));
    const r = evaluate([], bad, contractFile);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'SR6400 irVersion: irVersion moet een geheel getal zijn, niet "2" (Deze evaluator leest "irVersion": 2 (een getal, zonder aanhalingstekens).)\n',
    ]);
  });

  test('the app type-checks against the installed declarations', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--allowJs',
        '--checkJs',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--typeRoots',
        join(root, 'node_modules/@types'),
        '--types',
        'node',
        'index.mjs',
      ],
      { cwd: app(), encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
  });
});

describe('examples/embed-browser', () => {
  let server: Server;
  let base = '';
  /**
   * Everything served under /csp/ (the page, its scripts and its worker, which gets the policy of
   * its own response) carries a policy without 'unsafe-eval', as strict hosts set.
   */
  const policy = "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self'";

  beforeAll(async () => {
    const app = join(work, 'embed-browser');
    mkdirSync(join(app, 'public'));
    cpSync(irFile, join(app, 'public/ruleset.ir.json'));
    cpSync(contractFile, join(app, 'public/contract.json'));
    // The workspace's Vite builds the page (its config imports 'vite'); the app's own imports
    // resolve to the installed tarballs.
    symlinkSync(join(root, 'test/node_modules/vite'), join(work, 'node_modules/vite'), 'dir');
    const { build } = await import('vite');
    await build({ root: app, logLevel: 'error' });
    const dist = join(app, 'dist');
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.json': 'application/json',
    };
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const strict = url.pathname.startsWith('/csp/');
      const path = strict ? url.pathname.slice('/csp'.length) : url.pathname;
      const file = normalize(join(dist, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        ...(strict ? { 'content-security-policy': policy } : {}),
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 120_000);

  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  test('the page and its worker compute the CLI result in Chromium, and under a strict CSP with the reference evaluator', async () => {
    expect(
      existsSync('/usr/bin/chromium'),
      'Debian chromium at /usr/bin/chromium (apt-get install chromium)',
    ).toBe(true);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const expected = await cliResult(contractFile);
      const seen: Record<string, unknown> = {};
      for (const folder of ['/', '/csp/']) {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${base}${folder}`);
        await page.waitForFunction(() => 'sroi' in globalThis, undefined, { timeout: 30_000 });
        const state = (await page.evaluate(() => (globalThis as unknown as { sroi: unknown }).sroi)) as {
          engine: string;
          result: unknown;
          metadata: { irSha256: string };
          worker: { engine: string; irSha256: string; result: unknown };
        };
        expect(errors).toEqual([]);
        expect(state.result).toEqual(expected);
        // A web worker of the page computes the same, with the same engine as the page.
        expect(state.worker).toEqual({
          engine: state.engine,
          irSha256: state.metadata.irSha256,
          result: expected,
        });
        expect(await page.textContent('#berekend')).toBe(
          `Berekend met Social Return Rijnmond 2023-2027, versie 2023-2027, periode 2023-2027, IR sha256 ${state.metadata.irSha256}`,
        );
        seen[folder] = state.engine;
        await page.close();
      }
      expect(seen).toEqual({ '/': 'compiled', '/csp/': 'reference' });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

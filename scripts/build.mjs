// Bundles the CLI from the TypeScript sources into packages/cli/dist with esbuild. Code splitting
// keeps the compiler (and Chevrotain) in a chunk of its own that `sroi eval regeling.ir.json`
// never loads — the cold-start path of an embedder or a batch job. Also builds the embeddable
// packages (`@sroi/core`, `@sroi/evaluator`) into their dist/ as ESM with type declarations.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outdir = `${root}packages/cli/dist`;

/** How the workspace's TypeScript becomes one program for node: also how the benchmarks run. */
export const nodeBundle = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  // Prefer packages' ESM builds (jsonc-parser's UMD build requires its files at run time).
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
};

export async function buildCli({ quiet = false } = {}) {
  const result = await build({
    ...nodeBundle,
    metafile: true,
    // The worker threads of `sroi eval --batch` start from a file of their own (dist/batch-worker.js).
    entryPoints: {
      sroi: 'packages/cli/src/bin.ts',
      'batch-worker': 'packages/cli/src/commands/batch-worker.ts',
      // ... and those of `sroi whatif` from dist/whatif-worker.js.
      'whatif-worker': 'packages/analysis/src/node/whatif-worker.ts',
    },
    outdir,
    splitting: true,
    // Less text for node to parse at every start (cold start of `sroi eval` is a target): no
    // whitespace or comments, shorter syntax; names stay, and the linked source maps map back
    // (SROI_DEBUG=1 turns them on for stack traces).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: quiet ? 'error' : 'info',
    banner: {
      js: "import { createRequire as __sroiRequire } from 'node:module'; const require = __sroiRequire(import.meta.url);",
    },
  });
  removeStaleChunks(Object.keys(result.metafile.outputs));
}

/**
 * The packages an app embeds, in dependency order (a package's declarations are checked against
 * the declarations of those before it). Each becomes `dist/index.js` (one ES module, its own
 * dependencies left as imports) and `dist/*.d.ts`.
 */
export const embeddablePackages = ['core', 'evaluator'];

/** esbuild options for an embeddable package: platform-neutral, so a `node:` import fails the build. */
export function packageBundle(name) {
  const dir = `${root}packages/${name}`;
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  return {
    absWorkingDir: root,
    entryPoints: [`packages/${name}/src/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    external: Object.keys(manifest.dependencies ?? {}),
    sourcemap: 'linked',
    logLevel: 'error',
  };
}

export async function buildPackages({ quiet = false, ifStale = false } = {}) {
  for (const name of embeddablePackages) {
    const dir = `${root}packages/${name}`;
    if (ifStale && !isStale(dir)) continue;
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    await build({ ...packageBundle(name), outfile: `${dir}/dist/index.js` });
    const tsc = spawnSync(
      process.execPath,
      [`${root}node_modules/typescript/bin/tsc`, '-p', `${dir}/tsconfig.build.json`],
      { stdio: 'inherit' },
    );
    if (tsc.status !== 0) throw new Error(`declarations of @sroi/${name} failed`);
    if (!quiet) console.log(`  packages/${name}/dist: index.js, index.d.ts`);
  }
}

/** Whether a package's dist/ is missing or older than a file of its src/ or its package.json. */
function isStale(dir) {
  const built = ['index.js', 'index.d.ts'].map((f) => `${dir}/dist/${f}`);
  if (!built.every((f) => existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sources = readdirSync(`${dir}/src`, { recursive: true }).map((f) => `${dir}/src/${f}`);
  return [...sources, `${dir}/package.json`].some((f) => statSync(f).mtimeMs > builtAt);
}

/**
 * Chunk names change with their content, so every build leaves the last one's behind. Remove
 * those older than an hour (a process started from an older build may still load its chunks).
 */
function removeStaleChunks(outputs) {
  const current = new Set(outputs.map((o) => o.split('/').pop()));
  const anHourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(outdir)) {
    const file = `${outdir}/${name}`;
    if (!current.has(name) && statSync(file).mtimeMs < anHourAgo) rmSync(file, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  await buildPackages();
}

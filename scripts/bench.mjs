// `pnpm bench [--quick]`: bundles the benchmarks with esbuild, as the CLI is bundled
// (scripts/build.mjs), and runs the bundle. Not through tsx: tsx compiles with esbuild's
// `keepNames`, which wraps every function expression in a `__name(fn, "name")` call that defines
// a property on the new function. The parser and checker make closures per call, so under tsx an
// editor keystroke took 1.6-3.5x as long as in a bundle (same source, same minutes); shipped code
// (the CLI bundle, a Vite build of a playground) has no such wrapper.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { nodeBundle, root } from './build.mjs';
import { evaluatorSize, printSize } from './size.mjs';

const outdir = '/tmp/sroi-bench/bundle';
mkdirSync(outdir, { recursive: true });

await build({
  ...nodeBundle,
  entryPoints: { run: 'bench/run.ts', editor: 'bench/editor.ts', serve: 'bench/serve.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
  },
});

// The evaluator's size as an app bundles it (esbuild runs here, not in the bundle); run.ts
// reports it against its target and keeps it in results.json.
const size = await evaluatorSize();
printSize(size);

// The bundle lives outside the repository: tell it where the repository is. `--serve` runs only
// the HTTP API's benchmark (bench/serve.ts), which otherwise runs after the others; the playground
// in headless Chromium runs on full runs only (`pnpm test` runs its end-to-end tests).
const args = process.argv.slice(2);
const env = {
  ...process.env,
  SROI_ROOT: root,
  SROI_BENCH_EDITOR: `${outdir}/editor.mjs`,
  SROI_BENCH_SIZE: JSON.stringify(size),
};
const runBundle = (name) =>
  spawnSync(process.execPath, [`${outdir}/${name}.mjs`, ...args.filter((a) => a !== '--serve')], {
    stdio: 'inherit',
    env,
  }).status ?? 1;
const runPlayground = () =>
  spawnSync(process.execPath, [`${root}scripts/sroi-dev.mjs`, `${root}bench/playground.ts`], {
    stdio: 'inherit',
  }).status ?? 1;
const serveOnly = args.includes('--serve');
let status = serveOnly ? 0 : runBundle('run');
if (status === 0 && !serveOnly && !args.includes('--quick')) status = runPlayground();
process.exit(status !== 0 ? status : runBundle('serve'));

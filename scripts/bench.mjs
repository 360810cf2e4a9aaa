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
  entryPoints: {
    run: 'bench/run.ts',
    editor: 'bench/editor.ts',
    serve: 'bench/serve.ts',
    // What-if at scale (bench/whatif.ts), with the worker threads it starts.
    whatif: 'bench/whatif.ts',
    'whatif-worker': 'packages/analysis/src/node/whatif-worker.ts',
  },
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
// the HTTP API's benchmark (bench/serve.ts), `--whatif` only the what-if benchmark (bench/whatif.ts);
// otherwise both run after the others. The playground in headless Chromium runs on full runs only
// (`pnpm test` runs its end-to-end tests).
const only = ['--serve', '--whatif'];
const args = process.argv.slice(2);
const env = {
  ...process.env,
  SROI_ROOT: root,
  SROI_BENCH_EDITOR: `${outdir}/editor.mjs`,
  SROI_BENCH_SIZE: JSON.stringify(size),
};
const runBundle = (name) =>
  spawnSync(process.execPath, [`${outdir}/${name}.mjs`, ...args.filter((a) => !only.includes(a))], {
    stdio: 'inherit',
    env,
  }).status ?? 1;
const runPlayground = () =>
  spawnSync(process.execPath, [`${root}scripts/sroi-dev.mjs`, `${root}bench/playground.ts`], {
    stdio: 'inherit',
  }).status ?? 1;
const picked = only.filter((o) => args.includes(o));
const bundles = picked.length > 0 ? picked.map((o) => o.slice(2)) : ['run', 'playground', 'serve', 'whatif'];
let status = 0;
for (const b of bundles)
  if (status === 0)
    status = b === 'playground' ? (args.includes('--quick') ? 0 : runPlayground()) : runBundle(b);
process.exit(status);

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

const outdir = '/tmp/sroi-bench/bundle';
mkdirSync(outdir, { recursive: true });

await build({
  ...nodeBundle,
<<<<<<< HEAD
  entryPoints: {
    run: 'bench/run.ts',
    editor: 'bench/editor.ts',
    // What-if at scale (bench/whatif.ts), with the worker threads it starts.
    whatif: 'bench/whatif.ts',
    'whatif-worker': 'packages/analysis/src/node/whatif-worker.ts',
  },
=======
  entryPoints: { run: 'bench/run.ts', editor: 'bench/editor.ts', serve: 'bench/serve.ts' },
>>>>>>> main
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
  },
});

<<<<<<< HEAD
// The bundle lives outside the repository: tell it where the repository is. `--whatif` runs only
// the what-if benchmark.
const env = { ...process.env, SROI_ROOT: root, SROI_BENCH_EDITOR: `${outdir}/editor.mjs` };
const args = process.argv.slice(2).filter((a) => a !== '--whatif');
const r = process.argv.includes('--whatif')
  ? { status: 0 }
  : spawnSync(process.execPath, [`${outdir}/run.mjs`, ...args], { stdio: 'inherit', env });
const w = spawnSync(process.execPath, [`${outdir}/whatif.mjs`, ...args], { stdio: 'inherit', env });
process.exit(r.status || w.status || 0);
=======
// The bundle lives outside the repository: tell it where the repository is. `--serve` runs only
// the HTTP API's benchmark (bench/serve.ts), which otherwise runs after the others.
const args = process.argv.slice(2);
const env = { ...process.env, SROI_ROOT: root, SROI_BENCH_EDITOR: `${outdir}/editor.mjs` };
const runBundle = (name) =>
  spawnSync(process.execPath, [`${outdir}/${name}.mjs`, ...args.filter((a) => a !== '--serve')], {
    stdio: 'inherit',
    env,
  }).status ?? 1;
const status = args.includes('--serve') ? 0 : runBundle('run');
process.exit(status !== 0 ? status : runBundle('serve'));
>>>>>>> main

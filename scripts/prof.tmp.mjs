import { build } from 'esbuild';
import { nodeBundle } from './build.mjs';
await build({ ...nodeBundle, entryPoints: { prof: '/work/main/bench/prof-whatif.tmp.ts' }, outdir: '/tmp/prof', outExtension: { '.js': '.mjs' }, logLevel: 'error', sourcemap: true,
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });

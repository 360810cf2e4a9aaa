// Bundles the CLI from the TypeScript sources into packages/cli/dist with esbuild. Code splitting
// keeps the compiler (and Chevrotain) in a chunk of its own that `sroi eval regeling.ir.json`
// never loads — the cold-start path of an embedder or a batch job.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outdir = `${root}packages/cli/dist`;

export async function buildCli({ quiet = false } = {}) {
  await build({
    absWorkingDir: root,
    // The worker threads of `sroi eval --batch` start from a file of their own (dist/batch-worker.js).
    entryPoints: {
      sroi: 'packages/cli/src/bin.ts',
      'batch-worker': 'packages/cli/src/commands/batch-worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    // Prefer packages' ESM builds (jsonc-parser's UMD build requires its files at run time).
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
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
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}

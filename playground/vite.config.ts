// The playground's build: a static site with relative asset paths (any static host, any folder),
// the TypeScript sources of our packages (the "source" export condition), the worker as a module,
// a Content-Security-Policy in the built page, and the shipped rulesets compiled at build time.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { nodeBundle } from '../scripts/build.mjs';
import type { PrecompiledRuleset } from './src/worker/first-state.js';
import type * as Precompile from './src/worker/precompile.js';

/**
 * Scripts only from the site itself; workers from the site or blob: (Monaco's); Monaco sets inline
 * styles. Only in the build: the dev server's live reload needs a WebSocket and inline modules.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const csp = (): Plugin => ({
  name: 'sroi-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
});

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PRECOMPILED = 'virtual:sroi-precompiled';
/** `rulesets/x.sroi` → `x`: the name of the chunk that holds its precompiled IR. */
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.sroi'.length);

/**
 * Every shipped ruleset compiled as the worker compiles it (`src/worker/precompile.ts`, bundled for
 * Node with the project's own esbuild settings): the first result needs only the evaluator.
 */
async function precompileShipped(): Promise<Map<string, PrecompiledRuleset>> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(`${repoRoot}rulesets`)
    .filter((n) => n.endsWith('.sroi'))
    .sort())
    files[`rulesets/${name}`] = readFileSync(`${repoRoot}rulesets/${name}`, 'utf8');
  const out = `${repoRoot}playground/node_modules/.cache/sroi-precompile`;
  mkdirSync(out, { recursive: true });
  const bundled = await build({
    ...nodeBundle,
    entryPoints: ['playground/src/worker/precompile.ts'],
    sourcemap: false,
    write: false,
    logLevel: 'error',
  });
  const file = `${out}/precompile-${process.pid}-${Date.now()}.mjs`;
  writeFileSync(file, bundled.outputFiles![0]!.text);
  const { precompile } = (await import(pathToFileURL(file).href)) as typeof Precompile;
  rmSync(file);
  const compiled = new Map<string, PrecompiledRuleset>();
  for (const path of Object.keys(files)) {
    const entry = precompile(path, files);
    if (entry) compiled.set(path, entry);
  }
  return compiled;
}

/** `virtual:sroi-precompiled`: a loader per shipped ruleset, each its own chunk. */
const precompiled = (): Plugin => {
  let compiled: Promise<Map<string, PrecompiledRuleset>> | undefined;
  const all = () => (compiled ??= precompileShipped());
  return {
    name: 'sroi-precompiled',
    resolveId: (id) => (id === PRECOMPILED || id.startsWith(`${PRECOMPILED}/`) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(`\0${PRECOMPILED}`)) return undefined;
      const rulesets = await all();
      if (id === `\0${PRECOMPILED}`) {
        const loaders = [...rulesets.keys()].map(
          (path) =>
            `${JSON.stringify(path)}: () => import('${PRECOMPILED}/${baseName(path)}').then((m) => m.default)`,
        );
        return `export default {${loaders.join(',')}};`;
      }
      const name = id.slice(`\0${PRECOMPILED}/`.length);
      const entry = [...rulesets].find(([path]) => baseName(path) === name)?.[1];
      return entry === undefined ? undefined : `export default ${JSON.stringify(entry)};`;
    },
    // The dev server compiles again after a ruleset changes on disk.
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.sroi')) return;
      compiled = undefined;
      for (const m of server.moduleGraph.idToModuleMap.values())
        if (m.id?.startsWith(`\0${PRECOMPILED}`)) server.moduleGraph.invalidateModule(m);
    },
  };
};

export default defineConfig({
  base: './',
  plugins: [csp(), precompiled()],
  resolve: { conditions: ['source'] },
  // The engine worker is bundled on its own: it needs the precompiled rulesets' plugin too.
  worker: { format: 'es', plugins: () => [precompiled()] },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});

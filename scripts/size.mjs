// The size of the evaluator an app ships: `import { Plan } from '@sroi/evaluator'` bundled by
// esbuild with everything it pulls in (@sroi/core, zod, @noble/hashes), minified and gzipped,
// and what takes the room (esbuild's metafile). Run by `pnpm bench`; alone: `node scripts/size.mjs`.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { root } from './build.mjs';

/** Which part of the bundle an input file belongs to. */
function partOf(path) {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] === '@sroi/core' ? '@sroi/core' : pkg[1];
  if (path.includes('ir-schema.generated') || path.includes('schema-check'))
    return '@sroi/evaluator: IR schema and its checker';
  if (path.includes('/compiled/')) return '@sroi/evaluator: code generation (compiled/)';
  if (path.includes('packages/core/'))
    return path.endsWith('messages.ts') ? '@sroi/core: messages' : '@sroi/core';
  return '@sroi/evaluator: the rest';
}

/**
 * Replaces the code generator (compiled/) by an empty module: what the bundle would be if a plan
 * could be built without it (the reference evaluator only, as under a strict CSP). A measurement,
 * not an entry anyone can import: `Plan` needs compiled/ (docs/embedding.md, "Size").
 */
const withoutCodeGeneration = {
  name: 'without-code-generation',
  setup(build) {
    build.onLoad({ filter: /packages[\\/]evaluator[\\/]src[\\/]compiled[\\/]/ }, () => ({
      // Not ESM: the importers' names resolve to undefined instead of failing the build.
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/** Bundles `contents` as an app's entry; minified bytes, gzipped bytes, bytes per part. */
async function measure(contents, plugins = []) {
  const result = await build({
    stdin: { contents, resolveDir: `${root}packages/evaluator`, loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // From the TypeScript sources, so the metafile names each file; the packed dist/ is the
    // same code bundled per package.
    conditions: ['source'],
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins,
  });
  const bytes = result.outputFiles[0].contents;
  const parts = {};
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs))
    parts[partOf(path)] = (parts[partOf(path)] ?? 0) + bytesInOutput;
  return {
    minified: bytes.length,
    gzipped: gzipSync(bytes, { level: 9 }).length,
    parts: Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1])),
  };
}

/** The evaluator's size. */
export async function evaluatorSize() {
  return {
    plan: await measure("export { Plan } from '@sroi/evaluator';"),
    entry: await measure("export * from '@sroi/evaluator';"),
    // The two largest parts alone, gzipped as they would be on their own.
    validator: await measure("export { irSchemaErrors } from './src/validate.js';"),
    zod: await measure("export { contractSchema } from '@sroi/core';"),
    withoutCodeGeneration: await measure("export { Plan } from '@sroi/evaluator';", [withoutCodeGeneration]),
  };
}

export function printSize(size) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log('\n━━ size: the evaluator as an app bundles it (esbuild, minified; gzip -9)');
  for (const [name, s] of [
    ["import { Plan } from '@sroi/evaluator'", size.plan],
    ["import * from '@sroi/evaluator'", size.entry],
  ])
    console.log(`  ${name}: ${kb(s.minified)} minified, ${kb(s.gzipped)} gzipped`);
  console.log(
    `  alone: the IR schema check ${kb(size.validator.gzipped)} gzipped, the contract schema with zod ${kb(size.zod.gzipped)}`,
  );
  console.log(
    `  without the code generator (compiled/ left out; not an entry, a measurement): ${kb(size.withoutCodeGeneration.minified)} minified, ${kb(size.withoutCodeGeneration.gzipped)} gzipped`,
  );
  console.log('  what takes the room (minified bytes of the Plan-only bundle):');
  for (const [part, bytes] of Object.entries(size.plan.parts))
    console.log(
      `    ${part.padEnd(50)} ${kb(bytes).padStart(9)}  ${((100 * bytes) / size.plan.minified).toFixed(0)}%`,
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printSize(await evaluatorSize());

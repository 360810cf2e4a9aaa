// `pnpm sroi ...`: runs the bundled CLI, rebuilding it first when any source is newer than the
// bundle (a stat walk of the sources takes a few milliseconds; a rebuild about a second).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, outdir, root } from './build.mjs';

const bundle = join(outdir, 'sroi.js');
const sourceDirs = [
  'grammar/src',
  'packages/core/src',
  'packages/compiler/src',
  'packages/evaluator/src',
  'packages/analysis/src',
  'packages/cli/src',
];

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale =
  !existsSync(bundle) ||
  statSync(join(root, 'scripts/build.mjs')).mtimeMs > statSync(bundle).mtimeMs ||
  sourceDirs.some((d) => existsSync(join(root, d)) && newest(join(root, d)) > statSync(bundle).mtimeMs);
if (stale) await buildCli({ quiet: true });
await import(pathToFileURL(bundle).href);

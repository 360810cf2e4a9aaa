// `pnpm test`: every check and every suite, in order, each with its own heading and time —
// types, lint, formatting, package boundaries, generated files, then the vitest suites, the fuzz
// run and the benchmark smoke run.
// (Steps run the tools directly, not through nested `pnpm run`, which pnpm 12 re-resolves.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const dev = (script, ...args) => [process.execPath, `${root}scripts/sroi-dev.mjs`, script, ...args];

export const checks = [
  ['types (tsc)', [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['types of the playground (tsc, DOM)', [bin('tsc'), '-p', 'playground/tsconfig.json', '--noEmit']],
  ['lint (eslint)', [bin('eslint'), '.']],
  ['format (prettier)', [bin('prettier'), '--check', '.', '--log-level', 'warn']],
  [
    'package boundaries (dependency-cruiser)',
    [
      bin('depcruise'),
      'grammar/src',
      'packages/core/src',
      'packages/compiler/src',
      'packages/evaluator/src',
      'packages/analysis/src',
      'packages/cli/src',
      'packages/language-service/src',
      '--config',
      '.dependency-cruiser.cjs',
    ],
  ],
  ['generated files are current', dev('grammar/scripts/generate.ts', '--check')],
  ['IR validator is current', dev('packages/evaluator/scripts/generate-validator.ts', '--check')],
  ['syntax diagrams are current', dev('grammar/scripts/diagrams.ts', '--check')],
];

// The fuzz step: 10^5 seeded inputs per target (the compiler 10^3), targets side by side.
// The size-aware targets (test/fuzz/sizes.ts, a child process per input): 5 inputs each.
const fuzzEnv = { FUZZ_RUNS: '100000', FUZZ_SEED: '20250101', FUZZ_SIZED_RUNS: '5' };

const suites = [
  ['test suites (vitest)', [bin('vitest'), 'run']],
  ['fuzzing (10^5 inputs per target)', dev('test/fuzz/run.ts'), fuzzEnv],
  ['benchmarks still run (bench --quick)', [process.execPath, `${root}scripts/bench.mjs`, '--quick']],
];

const only = process.argv.includes('--checks') ? checks : [...checks, ...suites];
const results = [];
for (const [name, [cmd, ...args], env = {}] of only) {
  console.log(`\n━━ ${name}`);
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: r.status === 0, seconds });
  if (r.status !== 0) break;
}
console.log('\n━━ summary');
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds} s)`);
const failed = results.some((r) => !r.ok);
if (failed) console.log('\nA step failed; the steps after it did not run.');
process.exit(failed ? 1 : 0);

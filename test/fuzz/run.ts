// `pnpm fuzz`: the fuzz targets for FUZZ_RUNS inputs each (default 10^6; the compiler a hundredth),
// from FUZZ_SEED (default: random, printed). Exit 1 when any input crashed, with the first inputs
// and their indices, so `FUZZ_SEED=<seed>` replays the run. `pnpm fuzz parser contract` runs some.
// Targets run side by side, one process each, FUZZ_JOBS at a time (default: one per core).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { reportLine, runFuzz, targets, type FuzzTarget } from './targets.js';
import { runSized, sizedReportLine, sizedTargets } from './sizes.js';
import { ensureBuilt } from '../hostile/support.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 1_000_000);
const seed = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const jobs = Number(process.env['FUZZ_JOBS'] ?? availableParallelism());
const only = process.argv.slice(2);
const selected = targets.filter((t) => only.length === 0 || only.includes(t.name));
// Size-aware targets (sizes.ts): FUZZ_SIZED_RUNS inputs each (default 20), each in a child process
// with its own budget, after the others; `pnpm fuzz sizes:tables` runs one.
const sizedRuns = Number(process.env['FUZZ_SIZED_RUNS'] ?? 20);
const sized = sizedTargets.filter((t) => only.length === 0 || only.includes(t.name));

/** Runs the size-aware targets in turn (they spawn the CLI themselves); true when none failed. */
async function fuzzSized(): Promise<boolean> {
  let ok = true;
  if (sized.length > 0) ensureBuilt();
  for (const target of sized) {
    const report = await runSized(target, sizedRuns, seed);
    console.log(sizedReportLine(report));
    for (const f of report.failures) console.log(`  input ${f.index} (${f.input}): ${f.why}`);
    ok &&= report.failures.length === 0;
  }
  return ok;
}

/** Runs one target in this process; true when no input crashed. */
function fuzzHere(target: (typeof targets)[number]): boolean {
  const n = target.name === 'compiler' ? Math.ceil(runs / 100) : runs;
  const report = runFuzz(target as FuzzTarget<unknown>, n, seed);
  const lines = [reportLine(report)];
  for (const c of report.crashes)
    lines.push(`  input ${c.index}: ${c.message}\n    ${JSON.stringify(c.input)}`);
  console.log(lines.join('\n'));
  return report.crashCount === 0;
}

/** Runs one target in a child process (this script, same flags), printing its report when done. */
function fuzzInChild(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, name], {
      env: { ...process.env, FUZZ_CHILD: '1', FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      process.stdout.write(out);
      resolve(code === 0);
    });
  });
}

if (process.env['FUZZ_CHILD'] || jobs <= 1 || selected.length <= 1) {
  if (!process.env['FUZZ_CHILD']) console.log(`fuzzing with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
  const ok = selected.map(fuzzHere).every(Boolean);
  const sizedOk = process.env['FUZZ_CHILD'] ? true : await fuzzSized();
  process.exit(ok && sizedOk ? 0 : 1);
} else {
  console.log(
    `fuzzing with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}, ${Math.min(jobs, selected.length)} targets at a time`,
  );
  const queue = [...selected];
  const results: boolean[] = [];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) results.push(await fuzzInChild(t.name));
  };
  await Promise.all(Array.from({ length: Math.min(jobs, selected.length) }, worker));
  const sizedOk = await fuzzSized();
  process.exit(results.every(Boolean) && sizedOk ? 0 : 1);
}

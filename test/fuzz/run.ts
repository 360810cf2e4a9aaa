// `pnpm fuzz`: the fuzz targets for FUZZ_RUNS inputs each (default 10^6; the compiler a hundredth),
// from FUZZ_SEED (default: random, printed). Exit 1 when any input crashed, with the first inputs
// and their indices, so `FUZZ_SEED=<seed>` replays the run. `pnpm fuzz parser contract` runs some.
import { reportLine, runFuzz, targets, type FuzzTarget } from './targets.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 1_000_000);
const seed = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const only = process.argv.slice(2);
let failed = false;
console.log(`fuzzing with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
for (const target of targets) {
  if (only.length && !only.includes(target.name)) continue;
  const n = target.name === 'compiler' ? Math.ceil(runs / 100) : runs;
  const report = runFuzz(target as FuzzTarget<unknown>, n, seed);
  console.log(reportLine(report));
  for (const c of report.crashes)
    console.log(`  input ${c.index}: ${c.message}\n    ${JSON.stringify(c.input)}`);
  if (report.crashCount > 0) failed = true;
}
process.exit(failed ? 1 : 0);

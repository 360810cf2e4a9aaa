// The CI-sized fuzz run: every target of test/fuzz/targets.ts for a bounded number of seeded
// inputs, with its count, crashes, slowest input and peak heap growth printed. `pnpm fuzz` runs
// the same targets for 10^6 inputs (FUZZ_RUNS) from a random seed, for nightly use.
//
// Counts: this is the quick run of every `vitest run`. `pnpm test` (and so CI) runs 10^5 inputs
// per target (the compiler 10^3) in a step of its own, `pnpm fuzz` with FUZZ_RUNS=100000, the
// targets side by side (CPU per input, measured: parser ≈ 1 ms, contract ≈ 0.15 ms,
// contract-json ≈ 0.15 ms, compiler ≈ 20 ms).
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt } from './hostile/support.js';
import { reportLine, runFuzz, targets, type FuzzTarget } from './fuzz/targets.js';
import { runSized, sizedReportLine, sizedTargets } from './fuzz/sizes.js';

const seed = Number(process.env['FUZZ_SEED'] ?? 20_250_101);
const override = process.env['FUZZ_RUNS'] ? Number(process.env['FUZZ_RUNS']) : undefined;
const ciRuns: Record<string, number> = {
  parser: 2_000,
  compiler: 30,
  contract: 5_000,
  'contract-json': 5_000,
};
const runsOf = (name: string) =>
  override === undefined ? ciRuns[name]! : name === 'compiler' ? Math.ceil(override / 100) : override;

describe('fuzzing', () => {
  test.each(targets.map((t) => [t.name, t] as const))(
    'the %s target survives its inputs: no throw, no broken invariant, none slower than its bound',
    (_name, target) => {
      const runs = runsOf(target.name);
      const report = runFuzz(target as FuzzTarget<unknown>, runs, seed);
      console.log(`${reportLine(report)}\n  (${target.what})`);
      expect(report.runs).toBe(runs);
      expect(report.crashes).toEqual([]);
      expect(report.crashCount).toBe(0);
      expect(report.slowestMs).toBeLessThan(target.boundMs);
    },
    600_000,
  );
});

// Size-aware inputs (test/fuzz/sizes.ts), each in a child process with its own time and heap
// budget: a few per target here (a table input may be 10^5 rows), FUZZ_SIZED_RUNS for more.
const sizedRuns: Record<string, number> = {
  'sizes:chains': 4,
  'sizes:tables': 2,
  'sizes:keys': 3,
  'sizes:batch': 3,
};
const sizedOverride = process.env['FUZZ_SIZED_RUNS'] ? Number(process.env['FUZZ_SIZED_RUNS']) : undefined;

describe('size-aware fuzzing', () => {
  beforeAll(ensureBuilt, 200_000);
  test.each(sizedTargets.map((t) => [t.name, t] as const))(
    'the %s target: every input within its time and heap budget, answered in place, nothing lost',
    async (_name, target) => {
      const report = await runSized(target, sizedOverride ?? sizedRuns[target.name]!, seed);
      console.log(`${sizedReportLine(report)}\n  (${target.what})`);
      expect(report.failures).toEqual([]);
    },
    600_000,
  );
});

// How long tinybench runs each in-process item: shared by run.ts and the editor's own process.
import type { BenchOptions } from 'tinybench';

/** At least 10 runs (2 with --quick) and about a second each, after warm-up. */
export const benchTiming = (quick: boolean): BenchOptions =>
  quick
    ? { time: 20, iterations: 2, warmupTime: 5, warmupIterations: 1, throws: true }
    : { time: 1000, iterations: 10, warmupTime: 300, warmupIterations: 3, throws: true };

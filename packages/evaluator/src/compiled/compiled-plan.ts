// The fast path of a plan: the generated JavaScript of a ruleset, run on validated contract JSON.
// Results only; anything it cannot do exactly (a number beyond 2^53, a problem that needs a
// located diagnostic) is signalled, and the caller uses the reference evaluator instead.
import type { IrDocument } from '@sroi/core';
import { Codegen, type GeneratedPlan } from './codegen.js';
import type { FastResult } from './fast-result.js';
import * as runtime from './runtime.js';

export type { FastResult };

type RunFn = (contract: unknown, refDay: number, out: FastResult) => void;

export class CompiledPlan {
  readonly generated: GeneratedPlan;
  private readonly run: RunFn;

  constructor(ir: IrDocument) {
    this.generated = new Codegen(ir).generate();
    // The source holds no text from the IR (see codegen.ts): texts arrive through CONSTANTS.
    const factory = new Function('CONSTANTS', 'RUNTIME', this.generated.source) as (
      constants: readonly unknown[],
      helpers: typeof runtime,
    ) => RunFn;
    this.run = factory(this.generated.constants, runtime);
  }

  /** A result object to run into; reuse one across contracts to avoid allocations. */
  newResult(): FastResult {
    const g = this.generated;
    return {
      valuations: [],
      routeTotals: new Float64Array(g.routes),
      routeRealised: new Float64Array(g.routes),
      routeCaps: new Float64Array(g.routes),
      outcomes: new Float64Array(2 * g.outcomes),
      otherOutcomes: new Array<unknown>(g.outcomes),
      messages: [],
    };
  }

  /**
   * Runs a validated contract into `out` (a fresh result when omitted); undefined when it must
   * go to the reference evaluator. A reused `out` is overwritten by the next run.
   */
  compute(contract: unknown, refDay: number, out: FastResult = this.newResult()): FastResult | undefined {
    try {
      this.run(contract, refDay, out);
    } catch (e) {
      if (e === runtime.FALLBACK) return undefined;
      throw e;
    }
    return out;
  }
}

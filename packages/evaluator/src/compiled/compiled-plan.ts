// The fast path of a plan: the generated JavaScript of a ruleset, run on validated contract JSON.
// Results only; anything it cannot do exactly (a number beyond 2^53, a problem that needs a
// located diagnostic) is signalled, and the caller uses the reference evaluator instead.
import type { IrDocument } from '@sroi/core';
import { Codegen, type GeneratedPlan } from './codegen.js';
import type { FastResult } from './fast-result.js';
import * as runtime from './runtime.js';

export type { FastResult };

type RunFn = (contract: unknown, refDay: number, out: FastResult, values: Float64Array) => void;

/**
 * Compiled code shared between plans (`PlanOptions.sharedCode`): their code reads parameter
 * values and table constants from a values vector (value slots), so plans whose rulesets differ
 * only in those values have the same source, and run one compiled function, each with its own
 * values. A what-if engine's scenarios then run code V8 has already optimised, instead of new
 * code (slow until optimised) for each new value. Keeps the `limit` functions last made.
 */
export class SharedCode {
  private readonly runs = new Map<string, RunFn>();

  constructor(private readonly limit = 16) {}

  /** The function of this source and constants: the one made before, or made now. */
  runOf(generated: GeneratedPlan, make: () => RunFn): RunFn {
    // The constants are part of the key: the same source with other texts is other code.
    const key = `${JSON.stringify(generated.constants)}\u0000${generated.source}`;
    let run = this.runs.get(key);
    if (!run) {
      if (this.runs.size >= this.limit) this.runs.delete(this.runs.keys().next().value!);
      this.runs.set(key, (run = make()));
    }
    return run;
  }
}

/**
 * An empty array of the kind the valuations array becomes: holey (it grows by its length) and of
 * doubles. A fresh `[]` is packed and of small integers until it grows or meets a larger amount,
 * and V8 gives each kind of array its own hidden class: the generated code optimised on one plan's
 * results was thrown away ("wrong map") on the next plan's, for every new what-if value.
 */
function emptyDoubles(): number[] {
  const a = new Array<number>(1);
  a[0] = 0.5;
  a.length = 0;
  return a;
}

/**
 * An empty array of the kind the messages array becomes (packed, of objects): a fresh `[]` is of
 * small integers, and the generated code, optimised on a result whose messages were pushed (or on
 * the arrays it makes itself), was thrown away ("wrong map") on each new plan's first run.
 */
function emptyObjects(): unknown[][] {
  const a: unknown[][] = [[]];
  a.pop();
  return a;
}

export class CompiledPlan {
  readonly generated: GeneratedPlan;
  private readonly run: RunFn;
  /** The values the run reads (value slots; empty without). */
  private readonly values: Float64Array;

  constructor(ir: IrDocument, shared?: SharedCode) {
    this.generated = new Codegen(ir, { slots: shared !== undefined }).generate();
    this.values = Float64Array.from(this.generated.values);
    // The source holds no text from the IR (see codegen.ts): texts arrive through CONSTANTS,
    // values a scenario may change through `values`.
    const make = () => {
      const factory = new Function('CONSTANTS', 'RUNTIME', this.generated.source) as (
        constants: readonly unknown[],
        helpers: typeof runtime,
      ) => RunFn;
      return factory(this.generated.constants, runtime);
    };
    this.run = shared ? shared.runOf(this.generated, make) : make();
  }

  /** A result object to run into; reuse one across contracts to avoid allocations. */
  newResult(): FastResult {
    const g = this.generated;
    return {
      valuations: emptyDoubles(),
      routeTotals: new Float64Array(g.routes),
      routeRealised: new Float64Array(g.routes),
      routeCaps: new Float64Array(g.routes),
      outcomes: new Float64Array(2 * g.outcomes),
      otherOutcomes: new Array<unknown>(g.outcomes),
      messages: emptyObjects(),
    };
  }

  /**
   * Runs a validated contract into `out` (a fresh result when omitted); undefined when it must
   * go to the reference evaluator. A reused `out` is overwritten by the next run.
   */
  compute(contract: unknown, refDay: number, out: FastResult = this.newResult()): FastResult | undefined {
    try {
      this.run(contract, refDay, out, this.values);
    } catch (e) {
      if (e === runtime.FALLBACK) return undefined;
      throw e;
    }
    return out;
  }
}

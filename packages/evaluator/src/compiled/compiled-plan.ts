// The fast path of a plan: the generated JavaScript of a ruleset, run on validated contract JSON.
// Results only; anything it cannot do exactly (a number beyond 2^53, a problem that needs a
// located diagnostic) is signalled, and the caller uses the reference evaluator instead.
import type { IrDocument } from '@sroi/core';
import { Codegen, type GeneratedPlan } from './codegen.js';
import type { FastResult } from './fast-result.js';
import * as runtime from './runtime.js';
import { sameCode, slotValues } from './value-slots.js';

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
  private readonly runs = new Map<string, { readonly run: RunFn; readonly made: Made }>();

  constructor(private readonly limit = 16) {}

  /** The function of this source and constants (generated from `ir`): the one made before, or made now. */
  runOf(generated: GeneratedPlan, make: () => RunFn, ir: IrDocument): RunFn {
    // The constants are part of the key: the same source with other texts is other code.
    const key = `${JSON.stringify(generated.constants)}\u0000${generated.source}`;
    let known = this.runs.get(key);
    if (!known) {
      if (this.runs.size >= this.limit) this.runs.delete(this.runs.keys().next().value!);
      known = { run: make(), made: { ir, generated } };
      this.runs.set(key, known);
    }
    return known.run;
  }

  /**
   * The code of an IR that differs from one whose code is here only in values its slots hold (a
   * what-if variant of a base: `sameCode`), with the variant's values read from the slots'
   * origins: no code generated. Undefined otherwise.
   */
  reuse(ir: IrDocument): { readonly generated: GeneratedPlan; readonly run: RunFn } | undefined {
    for (const { run, made } of this.runs.values()) {
      if (!sameCode(made.ir, ir)) continue;
      const values = slotValues(made.generated.valueOrigins, ir);
      if (values) return { generated: { ...made.generated, values }, run };
    }
    return undefined;
  }
}

/** The IR a function's code was generated from, and what was generated. */
interface Made {
  readonly ir: IrDocument;
  readonly generated: GeneratedPlan;
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
    const reused = shared?.reuse(ir);
    if (reused) {
      this.generated = reused.generated;
      this.run = reused.run;
    } else {
      const generated = new Codegen(ir, { slots: shared !== undefined }).generate();
      this.generated = generated;
      // The source holds no text from the IR (see codegen.ts): texts arrive through CONSTANTS,
      // values a scenario may change through `values`.
      const make = () => {
        const factory = new Function('CONSTANTS', 'RUNTIME', generated.source) as (
          constants: readonly unknown[],
          helpers: typeof runtime,
        ) => RunFn;
        return factory(generated.constants, runtime);
      };
      this.run = shared ? shared.runOf(generated, make, ir) : make();
    }
    this.values = Float64Array.from(this.generated.values);
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

// The fast path of a plan: the generated JavaScript of a ruleset, run on validated contract JSON.
// Results only; anything it cannot do exactly (a number beyond 2^53, a problem that needs a
// located diagnostic) is signalled, and the caller uses the reference evaluator instead.
import type { IrDocument, Language } from '@sroi/core';
import { TraceStatics } from '../trace.js';
import { Codegen, type GeneratedPlan } from './codegen.js';
import { ExplainStatics, GeneratedTracer } from './explain-tracer.js';
import type { FastResult } from './fast-result.js';
import * as runtime from './runtime.js';

export type { FastResult };

type RunFn = (contract: unknown, refDay: number, out: FastResult, tracer?: GeneratedTracer) => void;

/** The generated module of a plan: its source and constants, and its `run`. */
function load(ir: IrDocument, explain: boolean): { generated: GeneratedPlan; run: RunFn } {
  const generated = new Codegen(ir, explain).generate();
  // The source holds no text from the IR (see codegen.ts): constants arrive through K.
  const factory = new Function('K', 'H', generated.source) as (
    K: readonly unknown[],
    H: typeof runtime,
  ) => RunFn;
  return { generated, run: factory(generated.constants, runtime) };
}

export class CompiledPlan {
  readonly generated: GeneratedPlan;
  private readonly run: RunFn;
  /** The explaining variant, generated on first use. */
  private explaining: { generated: GeneratedPlan; run: RunFn; statics: ExplainStatics } | undefined;

  constructor(private readonly ir: IrDocument) {
    ({ generated: this.generated, run: this.run } = load(ir, false));
  }

  /** The explaining variant's module, generated on first use. */
  get explainingGenerated(): GeneratedPlan {
    return this.explainingModule().generated;
  }

  private explainingModule(): { generated: GeneratedPlan; run: RunFn; statics: ExplainStatics } {
    if (!this.explaining) {
      const { generated, run } = load(this.ir, true);
      this.explaining = {
        generated,
        run,
        statics: new ExplainStatics(this.ir, new TraceStatics(this.ir.files), generated),
      };
    }
    return this.explaining;
  }

  /**
   * Runs a validated contract with its explanation: the result into `out`, the rule nodes and
   * meldingen into the returned tracer; undefined when it must go to the reference evaluator.
   */
  explain(
    contract: unknown,
    refDay: number,
    lang: Language,
    out: FastResult = this.newResult(),
  ): { fast: FastResult; tracer: GeneratedTracer } | undefined {
    const { run, statics } = this.explainingModule();
    const tracer = new GeneratedTracer(statics, lang);
    try {
      run(contract, refDay, out, tracer);
    } catch (e) {
      if (e === runtime.FALLBACK) return undefined;
      throw e;
    }
    return { fast: out, tracer };
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

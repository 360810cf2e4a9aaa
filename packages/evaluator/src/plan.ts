// A plan: an IR document compiled once, ready to evaluate any number of contracts. The only
// entry for embedders: validate IR, then evaluate contract JSON into a result or diagnostics.
//
// Two evaluators stand behind it. Results come from the JavaScript generated for the ruleset
// (compiled/), exact on JS numbers; explanations, and any contract the generated code cannot
// handle exactly (a value beyond 2^53, a problem that needs a located diagnostic), come from the
// reference evaluator on BigInt rationals (interpret.ts). Both give the same JSON for the same
// contract: the differential tests hold them to that.
import {
  parseIsoDate,
  toContractInput,
  validateContract,
  type Diagnostic,
  type EnumerationValues,
  type IrDocument,
  type Language,
  type Result,
  type ValidContract,
} from '@sroi/core';
import { CompiledPlan, type FastResult } from './compiled/compiled-plan.js';
import { resultFromFast, resultJsonFromFast } from './compiled/result.js';
import { day as isoDay } from './compiled/runtime.js';
import { EvaluationError, Interpreter, type EvaluateOptions } from './interpret.js';
import type { EvaluationResult } from './result.js';
import { checkCompilerIr, validateIr } from './validate.js';

/** How a plan evaluates: the generated code where it can (default), or always the reference evaluator. */
export type Engine = 'compiled' | 'reference';

export class Plan {
  private readonly interpreter: Interpreter;
  private compiledPlan: CompiledPlan | undefined;
  /** The fast result `evaluateJson` and `evaluateValid` run into (read before the next run). */
  private scratch: FastResult | undefined;
  private readonly periods: readonly { name: string; from: number; to: number }[];
  /** The enumeration values the ruleset declares, for contract validation. */
  readonly enumerations: EnumerationValues;

  private constructor(readonly ir: IrDocument) {
    this.interpreter = new Interpreter(ir);
    this.enumerations = Object.fromEntries(ir.enumerations.map((e) => [e.name, e.values]));
    this.periods = ir.periods.map((p) => ({
      name: p.name,
      from: parseIsoDate(p.from)!,
      to: parseIsoDate(p.to)!,
    }));
  }

  /** Validates an IR document (schema and invariants) and compiles it. */
  static fromIr(json: unknown): Result<Plan | undefined> {
    const checked = validateIr(json);
    if (!checked.value) return { value: undefined, diagnostics: checked.diagnostics };
    return { value: new Plan(checked.value), diagnostics: [] };
  }

  /**
   * A plan for IR that `@sroi/compiler` produced in this process, as an editor gets after every
   * keystroke: the invariants are checked, the JSON Schema is not (`checkCompilerIr` says why;
   * it was half the cost). IR read from a file or received from elsewhere goes through `fromIr`.
   */
  static fromCompilerIr(ir: IrDocument): Result<Plan | undefined> {
    const checked = checkCompilerIr(ir);
    if (!checked.value) return { value: undefined, diagnostics: checked.diagnostics };
    return { value: new Plan(checked.value), diagnostics: [] };
  }

  /** The generated evaluator, built on first use (so loading a plan stays cheap). */
  get compiled(): CompiledPlan {
    this.compiledPlan ??= new CompiledPlan(this.ir);
    return this.compiledPlan;
  }

  /** Checks contract JSON against the contract format and this ruleset's enumerations. */
  validate(contract: unknown): Result<ValidContract | undefined> {
    return validateContract(contract, this.enumerations);
  }

  /** Evaluates contract JSON: a result, or diagnostics naming JSON paths or ruleset places. */
  evaluate(
    contract: unknown,
    options: EvaluateOptions & { engine?: Engine } = {},
  ): Result<EvaluationResult | undefined> {
    const valid = this.validate(contract);
    if (!valid.value) return { value: undefined, diagnostics: valid.diagnostics };
    return this.evaluateValid(valid.value, options);
  }

  /**
   * Evaluates contract JSON (results only, no explanation) straight to the result's JSON text:
   * byte for byte `JSON.stringify` of `evaluate(contract).value`, without building the object
   * when the generated code can answer. For batch output.
   */
  evaluateJson(contract: unknown, options: { lang?: Language } = {}): Result<string | undefined> {
    const valid = this.validate(contract);
    if (!valid.value) return { value: undefined, diagnostics: valid.diagnostics };
    const day = this.referenceDay(valid.value);
    const period = this.periodOn(day);
    this.scratch ??= this.compiled.newResult();
    const fast = period ? this.compiled.compute(valid.value, day, this.scratch) : undefined;
    if (period && fast)
      return {
        value: resultJsonFromFast(
          this.ir,
          this.compiled.generated,
          valid.value,
          period.name,
          fast,
          options.lang,
        ),
        diagnostics: [],
      };
    // The generated code could not answer (or no period holds the date): the reference engine
    // decides, without running the generated code a second time.
    const result = this.evaluateValid(valid.value, { ...options, explain: false, engine: 'reference' });
    return result.value
      ? { value: JSON.stringify(result.value), diagnostics: [] }
      : { value: undefined, diagnostics: result.diagnostics };
  }

  /** Evaluates a contract that passed `validate`. */
  evaluateValid(
    valid: ValidContract,
    options: EvaluateOptions & { engine?: Engine } = {},
  ): Result<EvaluationResult | undefined> {
    if (!options.explain && options.engine !== 'reference') {
      const day = this.referenceDay(valid);
      const period = this.periodOn(day);
      // Into the plan's scratch result: the result object is built from it before anything else
      // runs (allocating its typed arrays per contract was a tenth of evaluateValid).
      this.scratch ??= this.compiled.newResult();
      const fast = period ? this.compiled.compute(valid, day, this.scratch) : undefined;
      if (period && fast)
        return {
          value: resultFromFast(this.ir, this.compiled.generated, valid, period.name, fast, options.lang),
          diagnostics: [],
        };
    }
    try {
      return { value: this.interpreter.run(toContractInput(valid), options), diagnostics: [] };
    } catch (e) {
      if (e instanceof EvaluationError)
        return { value: undefined, diagnostics: [e.diagnostic] as Diagnostic[] };
      throw e;
    }
  }

  /** Whether condition property `index` (`eigenschap`) holds for a valid contract. */
  propertyHolds(valid: ValidContract, index: number): Result<boolean | undefined> {
    try {
      return { value: this.interpreter.holds(toContractInput(valid), index), diagnostics: [] };
    } catch (e) {
      if (e instanceof EvaluationError)
        return { value: undefined, diagnostics: [e.diagnostic] as Diagnostic[] };
      throw e;
    }
  }

  /**
   * Results only, as numbers (cents; fractions as numerator and denominator), from the generated
   * code; undefined when the contract needs the reference evaluator. For batch jobs and benchmarks.
   */
  compute(valid: ValidContract, out?: FastResult): FastResult | undefined {
    const day = this.referenceDay(valid);
    if (!this.periodOn(day)) return undefined;
    return this.compiled.compute(valid, day, out);
  }

  /** The period holding a day, if any (a plain loop: `compute` calls it per contract). */
  private periodOn(day: number): { name: string; from: number; to: number } | undefined {
    for (const p of this.periods) if (p.from <= day && day <= p.to) return p;
    return undefined;
  }

  /** The reference date of a valid contract (already checked to be a real ISO date). */
  private referenceDay(valid: ValidContract): number {
    const raw = valid[this.ir.referenceDate];
    return typeof raw === 'string' ? isoDay(raw) : Number.NaN;
  }
}

export type { FastResult };

// A plan: an IR document compiled once, ready to evaluate any number of contracts. The only
// entry for embedders: validate IR, then evaluate contract JSON into a result or diagnostics.
//
// Two evaluators stand behind it. Results without an explanation come from the JavaScript
// generated for the ruleset (compiled/), exact on JS numbers; explanations, coverage and any
// contract the generated code cannot handle exactly (a value beyond 2^53, a problem that needs a
// located diagnostic) come from the reference evaluator on BigInt rationals (interpret.ts). Both
// give the same result JSON for the same contract: the differential tests hold them to that.
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
import { irSha256Of, planMetadata, type PlanMetadata } from './audit.js';
import { CompiledPlan, type FastResult, type SharedCode } from './compiled/compiled-plan.js';
import { JsonBytes } from './compiled/json-bytes.js';
import { resultFromFast, writeResultJson } from './compiled/result.js';
import { day as isoDay } from './compiled/runtime.js';
import { EvaluationError, Interpreter, type EvaluateOptions } from './interpret.js';
import type { EvaluationResult } from './result.js';
import { checkCompilerIr, validateIr } from './validate.js';

/**
 * How a plan evaluates results: the generated code where it can (the default), or always the
 * reference evaluator. Explanations and coverage always come from the reference evaluator.
 */
export type Engine = 'compiled' | 'reference';

/**
 * Which engine a plan may use. `auto` (the default) uses the generated code unless the host
 * forbids compiling code from text (a Content-Security-Policy without 'unsafe-eval', or node's
 * `--disallow-code-generation-from-strings`): then the first attempt's EvalError is caught once and
 * the plan evaluates everything with the reference evaluator, with the same results. `reference`
 * never generates code; `compiled` requires it (the EvalError is thrown).
 */
export type EngineChoice = 'auto' | 'compiled' | 'reference';

/** Options of `Plan.fromIr` and `Plan.fromCompilerIr`. */
export interface PlanOptions {
  readonly engine?: EngineChoice;
  /**
   * Compiled code shared with other plans (see `SharedCode`): for many plans of one ruleset with
   * other parameter values or table constants, as a what-if run makes.
   */
  readonly sharedCode?: SharedCode;
}

export class Plan {
  private readonly interpreter: Interpreter;
  private compiledPlan: CompiledPlan | undefined;
  /** The fast result `fastRun` runs into (read before the next run). */
  private scratch: FastResult | undefined;
  /** Where `evaluateJson` writes its text before decoding it. */
  private scratchBytes: JsonBytes | undefined;
  private readonly periods: readonly { name: string; from: number; to: number }[];
  /** The enumeration values the ruleset declares, for contract validation. */
  readonly enumerations: EnumerationValues;

  /** The IR's hash and the metadata that names it, computed on first use. */
  private audit: PlanMetadata | undefined;
  /** Whether the generated code can be used: unknown until first needed, under `auto`. */
  private generatedUsable: boolean | undefined;

  private constructor(
    readonly ir: IrDocument,
    private readonly engineChoice: EngineChoice = 'auto',
    private readonly sharedCode?: SharedCode,
  ) {
    if (engineChoice === 'reference') this.generatedUsable = false;
    this.interpreter = new Interpreter(ir);
    this.enumerations = Object.fromEntries(ir.enumerations.map((e) => [e.name, e.values]));
    this.periods = ir.periods.map((p) => ({
      name: p.name,
      from: parseIsoDate(p.from)!,
      to: parseIsoDate(p.to)!,
    }));
  }

  /** Validates an IR document (schema and invariants) and compiles it. */
  static fromIr(json: unknown, options: PlanOptions = {}): Result<Plan | undefined> {
    const checked = validateIr(json);
    if (!checked.value) return { value: undefined, diagnostics: checked.diagnostics };
    return { value: new Plan(checked.value, options.engine, options.sharedCode), diagnostics: [] };
  }

  /**
   * A plan for IR that `@sroi/compiler` produced in this process, as an editor gets after every
   * keystroke: the invariants are checked, the JSON Schema is not (`checkCompilerIr` says why;
   * it was half the cost). IR read from a file or received from elsewhere goes through `fromIr`.
   */
  static fromCompilerIr(ir: IrDocument, options: PlanOptions = {}): Result<Plan | undefined> {
    const checked = checkCompilerIr(ir);
    if (!checked.value) return { value: undefined, diagnostics: checked.diagnostics };
    return { value: new Plan(checked.value, options.engine, options.sharedCode), diagnostics: [] };
  }

  /**
   * What this plan computes with, for an audit trail: ruleset name and version, periods, and the
   * SHA-256 of the IR's canonical JSON (computed on first use: an editor's plans never need it).
   */
  get metadata(): PlanMetadata {
    return (this.audit ??= planMetadata(this.ir, irSha256Of(this.ir)));
  }

  /** SHA-256 of the IR's canonical JSON, as 64 hex digits (`metadata.irSha256`). */
  get irSha256(): string {
    return this.metadata.irSha256;
  }

  /**
   * The engine this plan evaluates with: `compiled` when the generated code can run here (it is
   * generated now if it was not yet), `reference` when the plan was made so or the host forbids
   * compiling code from text.
   */
  get engine(): Engine {
    return this.generatedCode() ? 'compiled' : 'reference';
  }

  /** The generated evaluator, or undefined when this plan uses the reference evaluator only. */
  private generatedCode(): CompiledPlan | undefined {
    if (this.generatedUsable === false) return undefined;
    try {
      const compiled = this.compiled;
      this.generatedUsable = true;
      return compiled;
    } catch (e) {
      // Only the host's refusal to compile code from text falls back; any other error is a bug.
      if (!(e instanceof EvalError) || this.engineChoice === 'compiled') throw e;
      this.generatedUsable = false;
      return undefined;
    }
  }

  /** The generated evaluator, built on first use (so loading a plan stays cheap). */
  get compiled(): CompiledPlan {
    this.compiledPlan ??= new CompiledPlan(this.ir, this.sharedCode);
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
   * byte for byte `JSON.stringify` of `evaluate(contract).value`. See `writeJson`.
   */
  evaluateJson(contract: unknown, options: { lang?: Language } = {}): Result<string | undefined> {
    const out = (this.scratchBytes ??= new JsonBytes(4096));
    try {
      const diagnostics = this.writeJson(contract, out, options);
      const text = out.takeText();
      return diagnostics.length > 0 ? { value: undefined, diagnostics } : { value: text, diagnostics: [] };
    } finally {
      out.truncate(0);
    }
  }

  /**
   * Evaluates contract JSON (results only) and writes the result's JSON as UTF-8 into `out`: the
   * text of `JSON.stringify(evaluate(contract).value)`, without building the result object or a
   * string when the generated code can answer. Returns no diagnostics then; otherwise the
   * diagnostics of `evaluate`, and nothing is written. For batch output.
   */
  writeJson(contract: unknown, out: JsonBytes, options: { lang?: Language } = {}): readonly Diagnostic[] {
    const valid = this.validate(contract);
    if (!valid.value) return valid.diagnostics;
    const run = this.fastRun(valid.value);
    if (run) {
      writeResultJson(out, this.ir, this.compiled.generated, valid.value, run.period, run.fast, options.lang);
      return [];
    }
    // The generated code could not answer (or no period holds the date): the reference engine
    // decides, without running the generated code a second time.
    const result = this.evaluateValid(valid.value, { ...options, explain: false, engine: 'reference' });
    if (!result.value) return result.diagnostics;
    out.text(JSON.stringify(result.value));
    return [];
  }

  /** Evaluates a contract that passed `validate`. */
  evaluateValid(
    valid: ValidContract,
    options: EvaluateOptions & { engine?: Engine } = {},
  ): Result<EvaluationResult | undefined> {
    if (options.engine !== 'reference' && !options.explain && !options.coverage) {
      const run = this.fastRun(valid);
      if (run)
        return {
          value: resultFromFast(this.ir, this.compiled.generated, valid, run.period, run.fast, options.lang),
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
    return this.generatedCode()?.compute(valid, day, out);
  }

  /**
   * The generated code's run of a valid contract, into the plan's scratch result, with the name of
   * the period that holds its reference date; undefined when no period holds it or the generated
   * code cannot answer (then the reference evaluator decides). The scratch result is read before
   * anything else runs: allocating its typed arrays per contract was a tenth of `evaluateValid`.
   */
  private fastRun(valid: ValidContract): { period: string; fast: FastResult } | undefined {
    const day = this.referenceDay(valid);
    const period = this.periodOn(day);
    if (!period || !this.generatedCode()) return undefined;
    this.scratch ??= this.compiled.newResult();
    const fast = this.compiled.compute(valid, day, this.scratch);
    return fast && { period: period.name, fast };
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

// A plan: an IR document compiled once, ready to evaluate any number of contracts. The only
// entry for embedders: validate IR, then evaluate contract JSON into a result or diagnostics.
import {
  parseContract,
  type Diagnostic,
  type EnumerationValues,
  type IrDocument,
  type Result,
} from '@sroi/core';
import { EvaluationError, Interpreter, type EvaluateOptions } from './interpret.js';
import type { EvaluationResult } from './result.js';
import { validateIr } from './validate.js';

export class Plan {
  private readonly interpreter: Interpreter;
  /** The enumeration values the ruleset declares, for contract validation. */
  readonly enumerations: EnumerationValues;

  private constructor(readonly ir: IrDocument) {
    this.interpreter = new Interpreter(ir);
    this.enumerations = Object.fromEntries(ir.enumerations.map((e) => [e.name, e.values]));
  }

  /** Validates an IR document (schema and invariants) and compiles it. */
  static fromIr(json: unknown): Result<Plan | undefined> {
    const checked = validateIr(json);
    if (!checked.value) return { value: undefined, diagnostics: checked.diagnostics };
    return { value: new Plan(checked.value), diagnostics: [] };
  }

  /** Evaluates contract JSON: a result, or diagnostics naming JSON paths or ruleset places. */
  evaluate(contract: unknown, options: EvaluateOptions = {}): Result<EvaluationResult | undefined> {
    const parsed = parseContract(contract, this.enumerations);
    if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
    try {
      return { value: this.interpreter.run(parsed.value, options), diagnostics: [] };
    } catch (e) {
      if (e instanceof EvaluationError)
        return { value: undefined, diagnostics: [e.diagnostic] as Diagnostic[] };
      throw e;
    }
  }
}

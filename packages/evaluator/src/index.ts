// @sroi/evaluator: validates IR and evaluates contracts with explanations. Embeddable: it holds no
// parser and no compiler, only @sroi/core and zod (contract input); it checks IR against the IR
// JSON Schema with a small checker of its own (schema-check.ts), no ajv at run time.
export { Plan, type Engine, type EngineChoice, type FastResult, type PlanOptions } from './plan.js';
export { canonicalJson, irSha256, type PlanMetadata } from './audit.js';
export { JsonBytes } from './compiled/json-bytes.js';
export { PlanSet, checkSetPeriods, type SetMember } from './plan-set.js';
export { validateIr } from './validate.js';
export { runExample, runExamples, type ExampleOutcome } from './examples.js';
export { CoverageRecorder, type EvaluateOptions } from './interpret.js';
export { coverageItems, type CoverageItem } from './coverage.js';
export type { EvaluationResult, Melding, Waardering, RouteResultaat } from './result.js';
export type { Uitleg, Voorwaarde, Invoer, Plaats } from './explanation.js';
export {
  toJsonRulesEngine,
  JRE_FORMAT,
  type JreDocument,
  type JreRule,
  type JreCondition,
  type Formula,
} from './json-rules-engine/export.js';
export {
  JreRunner,
  JreEvaluationError,
  type JreEngineClass,
  type JreResult,
} from './json-rules-engine/adapter.js';

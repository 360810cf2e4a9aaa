// @sroi/evaluator: validates IR and evaluates contracts with explanations. Embeddable: it holds no
// parser and no compiler, only @sroi/core and zod (contract input); its IR validator was generated
// by ajv at build time and needs no ajv at run time.
export { Plan, type Engine, type FastResult } from './plan.js';
export { JsonBytes } from './compiled/json-bytes.js';
export { PlanSet, checkSetPeriods, type SetMember } from './plan-set.js';
export { validateIr } from './validate.js';
export { runExamples, type ExampleOutcome } from './examples.js';
export { CoverageRecorder, type EvaluateOptions } from './interpret.js';
export { coverageItems, type CoverageItem } from './coverage.js';
export type { EvaluationResult, Melding, Waardering, RouteResultaat } from './result.js';
export type { Uitleg, Voorwaarde, Invoer, Plaats } from './explanation.js';

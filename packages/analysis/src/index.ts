// @sroi/analysis: reviews of rulesets — the semantic diff with its boundary search, one contract
// under several rulesets side by side, and the harmonisation matrix over many.
export {
  reviewCompiled,
  reviewSource,
  reviewIr,
  placeOf,
  showPlace,
  type ReviewedRuleset,
  type ReviewOptions,
  type Place,
  type HeaderItem,
} from './ruleset.js';
export { diffRulesets, type DiffOptions, type RulesetDiff } from './diff/diff.js';
export type * from './diff/model.js';
export { categoryOrder } from './diff/model.js';
export {
  searchBoundaries,
  type BoundaryOptions,
  type BoundaryFinding,
  type BoundaryGroup,
  type BoundaryReport,
} from './boundaries.js';
export { scenarios, epochs, moveIntoPeriods, type Scenario } from './periods.js';
export {
  evaluateOn,
  summarize,
  differingOutcomes,
  dateFor,
  type OutcomeSummary,
  type DateUsed,
} from './evaluate.js';
export { standardActivity, enumerationsOf, type ContractJson, type Enumerations } from './candidates.js';
export {
  compareContract,
  explainDifference,
  type Comparison,
  type ComparedRuleset,
  type ComparedLine,
  type ComparedActivity,
  type CompareOptions,
  type Explanation,
  type RuleDifference,
  type RuleState,
} from './compare.js';
export {
  buildMatrix,
  sectionOrder,
  type Matrix,
  type MatrixCell,
  type MatrixRow,
  type MatrixRuleset,
  type MatrixSection,
  type MatrixOptions,
} from './matrix.js';
export {
  generatePortfolio,
  portfolioTotals,
  parseJsonLines,
  seededRandom,
  type PortfolioOptions,
  type PortfolioTotals,
} from './portfolio.js';
export { diffText, compareText, matrixText } from './render/text.js';
export { diffHtml, escapeHtml } from './render/html.js';
export { matrixHtml } from './render/matrix-html.js';
export { compareHtml } from './render/compare-html.js';
export {
  matrixCsv,
  matrixSheets,
  compareCsv,
  compareSheets,
  csvField,
  sheetCsv,
  type Sheet,
  type SheetValue,
  type SheetNumber,
} from './render/csv.js';
export {
  applyEdits,
  variantIr,
  type Edit,
  type Player,
  type MemberVariant,
  type ScenarioSpec,
} from './whatif/changes.js';
export {
  parseAssignment,
  scenarioFromAssignments,
  parseNumberText,
  showValue as showIrValue,
  rowKey,
  type Assignment,
} from './whatif/overrides.js';
export { diffScenario, type ScenarioDiff } from './whatif/scenario.js';
export { scenarioText, type ScenarioTextOptions } from './whatif/scenario-text.js';
export { scaledShapley, distributeCents, MAX_EXACT_PLAYERS } from './whatif/shapley.js';
export {
  WhatIfEngine,
  quantities,
  type BaselineMemo,
  type WhatIfEngineOptions,
  type WhatIfJob,
  type ContractOutcome,
  type Evaluated,
  type Quantity,
  type Status,
} from './whatif/engine.js';
export {
  addOutcome,
  addBaseline,
  emptyTotals,
  finishTotals,
  mergeTotals,
  fulfilmentBuckets,
  type VariantTotals,
  type WhatIfTotals,
} from './whatif/aggregate.js';
export { evaluateBatch, type BatchAnswer } from './whatif/batch.js';
export {
  whatIfReport,
  contractAttribution,
  type WhatIfReport,
  type ScenarioReport,
} from './whatif/report.js';
export { contractGenerator, generatedKindWeights } from './whatif/generate.js';
export {
  portfolioFromText,
  formatOf,
  type PortfolioItem,
  type PortfolioFormat,
  type Where,
} from './whatif/portfolio-rows.js';
export { activitySheets, cellText, contractSheets, workbookItems } from './whatif/workbook-rows.js';
export { whatIfText, whatIfHtml, WhatIfCsv } from './render/whatif.js';
export { runProperties, type PropertyOutcome, type PropertyOptions } from './properties/run.js';

// @sroi/analysis/node: the node-only half of what-if — portfolio files (streamed JSON Lines, CSV,
// XLSX), generated portfolios written to disk, and runs on worker threads.
export {
  readPortfolio,
  readJsonLines,
  readCsv,
  readXlsx,
  formatOf,
  type PortfolioItem,
  type PortfolioFormat,
  type Where,
} from './portfolio-read.js';
export { writeGeneratedPortfolio } from './portfolio-write.js';
export { runWhatIf, type RunOptions, type RunResult, type WorkerSetup } from './run.js';
export { writeReviewXlsx } from './review-xlsx.js';

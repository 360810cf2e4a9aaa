// @sroi/compiler: source → AST → checked model → IR, the formatter, and the pieces tools reuse.
export { compileSource, type CompileResult } from './compile.js';
export { CompilerSession, type SessionUpdate } from './incremental/session.js';
export { parseModule, loadChain, type SourceHost, type ParsedModule } from './resolve/load.js';
export { mergeChain, declarationKey, type MergedRuleset } from './resolve/merge.js';
export { parseSource, MAX_SOURCE_BYTES } from './syntax/parse.js';
export type * as Ast from './ast/ast.js';
export type { CheckedModel, NameBinding } from './checked/model.js';
export { irFromChecked, GENERATOR } from './ir/from-checked.js';
export { showType, type Type } from './check/types.js';
export { listAssumptions, type Assumption } from './resolve/assumptions.js';
export { formatSource, LINE_WIDTH } from './format/format.js';
export { checkQuotations, quotationCount, type Citation } from './check/citations.js';

// @sroi/language-service: editor support for rulesets over documents in memory, independent of any
// editor (Monaco, an LSP server): diagnostics, completion, hover, fixes, navigation, highlighting.
export { LanguageService } from './service.js';
export { classifyTokens, highlightWords, tokenCategories } from './highlight.js';
export type * from './types.js';
export { offsetAt } from './service.js';

// @sroi/grammar: tokens, the parser and the CST types of the sroi language. Knows only Chevrotain.
export * from './tokens.js';
export { declarationKeywords, SroiParser, sroiParser, type SyntaxErrorPayload } from './parser.js';
export {
  lexAndParse,
  parseDeclarationAt,
  DECLARATION_LOOKAHEAD,
  MAX_OPERATOR_RUN,
  MAX_PARENTHESES_DEPTH,
  type DeclarationParse,
  type OperatorRun,
  type RawParse,
} from './parse.js';
export { grammarProductions, serializedGrammar } from './productions.js';
export type * from './cst.generated.js';
export type { CstNode, IToken } from 'chevrotain';

// Highlighting from the grammar: the lexer's own tokens classified by their token types, and the
// grammar's words and patterns for a regular-expression highlighter (Monaco's Monarch).
import type { ClassifiedToken, HighlightWords, TokenCategoryList } from './types.js';

/** Every token category, in a stable order. */
export const tokenCategories: TokenCategoryList = [
  'keyword',
  'type',
  'unit',
  'constant',
  'identifier',
  'string',
  'number',
  'date',
  'comment',
  'operator',
  'delimiter',
  'invalid',
];

/** Lexes a text with the grammar's lexer and classifies every token, comments included. */
export function classifyTokens(text: string): ClassifiedToken[] {
  void text;
  return [];
}

/** The grammar's words and token patterns by category, for a Monarch tokenizer. */
export function highlightWords(): HighlightWords {
  return {
    keywords: [],
    types: [],
    units: [],
    constants: [],
    patterns: { identifier: '', string: '', date: '', number: '', comment: '', operator: '' },
  };
}

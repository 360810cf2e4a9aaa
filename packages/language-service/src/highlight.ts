// Highlighting from the grammar: the lexer's own tokens classified by their token types, and the
// grammar's words and patterns for a regular-expression highlighter (Monaco's Monarch). No word
// list of its own: keywords come from the grammar's `keywordList` and token categories.
import {
  AdditiveOperator,
  Colon,
  Comma,
  Comment,
  ComparisonOperator,
  DateLiteral,
  Divide,
  Dot,
  Equals,
  EuroSign,
  Greater,
  GreaterEquals,
  Identifier,
  Kw,
  keywordList,
  LBracket,
  Less,
  LessEquals,
  LParen,
  Minus,
  MultiplicativeOperator,
  NotEquals,
  NumberLiteral,
  PercentSign,
  Pipe,
  Plus,
  RBracket,
  RParen,
  sroiLexer,
  StringLiteral,
  Times,
  tokenIs,
  type IToken,
  type KeywordName,
} from '@sroi/grammar';
import type { ClassifiedToken, HighlightWords, TokenCategory, TokenCategoryList } from './types.js';

/** A token type of the grammar (Chevrotain's, without depending on Chevrotain here). */
type TokenType = typeof Identifier;

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

/** Keyword concepts that name a type, a unit or a constant; every other concept is a keyword. */
const conceptCategory: Partial<Record<KeywordName, TokenCategory>> = {
  Bedrag: 'type',
  Getal: 'type',
  Percentage: 'type',
  Datum: 'type',
  Duur: 'type',
  Tekst: 'type',
  JaNee: 'type',
  Jaar: 'unit',
  Maand: 'unit',
  Week: 'unit',
  Dag: 'unit',
  Uur: 'unit',
  Euro: 'unit',
  Ja: 'constant',
  Nee: 'constant',
  Onbekend: 'constant',
};

/** The category of a keyword concept name as `keywordList` gives it (`Bedrag`). */
const categoryOfConcept = (concept: string): TokenCategory =>
  (Object.hasOwn(conceptCategory, concept) ? conceptCategory[concept as KeywordName] : undefined) ??
  'keyword';

const delimiters: readonly TokenType[] = [LParen, RParen, LBracket, RBracket, Comma, Colon, Dot, Pipe];
const operators: readonly TokenType[] = [ComparisonOperator, AdditiveOperator, MultiplicativeOperator];

/** The category of one token; `afterDot` marks a field name (`activiteit.maanden`), whatever the word. */
function categoryOf(t: IToken, afterDot: boolean): TokenCategory {
  if (tokenIs(t, Identifier)) return 'identifier';
  if (tokenIs(t, StringLiteral)) return 'string';
  if (tokenIs(t, DateLiteral)) return 'date';
  if (tokenIs(t, NumberLiteral)) return 'number';
  if (tokenIs(t, EuroSign) || tokenIs(t, PercentSign)) return 'unit';
  if (operators.some((o) => tokenIs(t, o))) return 'operator';
  if (delimiters.some((d) => tokenIs(t, d))) return 'delimiter';
  if (afterDot) return 'identifier';
  for (const [concept, type] of Object.entries(Kw)) if (tokenIs(t, type)) return categoryOfConcept(concept);
  return 'invalid';
}

/** Lexes a text with the grammar's lexer and classifies every token, comments and lexing errors included. */
export function classifyTokens(text: string): ClassifiedToken[] {
  const lexed = sroiLexer.tokenize(text);
  const out: ClassifiedToken[] = [];
  let previous: IToken | undefined;
  for (const t of lexed.tokens) {
    out.push({
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      category: categoryOf(t, !!previous && tokenIs(previous, Dot)),
    });
    previous = t;
  }
  for (const c of lexed.groups['comments'] ?? [])
    out.push({ start: c.startOffset, end: c.startOffset + c.image.length, category: 'comment' });
  for (const e of lexed.errors) out.push({ start: e.offset, end: e.offset + e.length, category: 'invalid' });
  return out.sort((a, b) => a.start - b.start);
}

const source = (t: TokenType): string => (t.PATTERN instanceof RegExp ? t.PATTERN.source : String(t.PATTERN));

/** The grammar's words and token patterns by category, for a Monarch tokenizer. */
export function highlightWords(): HighlightWords {
  const words: Record<'keyword' | 'type' | 'unit' | 'constant', string[]> = {
    keyword: [],
    type: [],
    unit: [],
    constant: [],
  };
  for (const k of keywordList) {
    // A spelling of two concepts (`for`: bij and voor) takes the first that is not a plain keyword.
    const category = k.concepts.map(categoryOfConcept).find((c) => c !== 'keyword') ?? 'keyword';
    if (category === 'keyword' || category === 'type' || category === 'unit' || category === 'constant')
      words[category].push(k.spelling);
  }
  return {
    keywords: words.keyword,
    types: words.type,
    units: words.unit,
    constants: words.constant,
    patterns: {
      identifier: source(Identifier),
      string: source(StringLiteral),
      date: source(DateLiteral),
      number: source(NumberLiteral),
      comment: source(Comment),
      operator: [NotEquals, LessEquals, GreaterEquals, Less, Greater, Equals, Plus, Minus, Times, Divide]
        .map(source)
        .join('|'),
    },
  };
}

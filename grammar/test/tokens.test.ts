import { describe, expect, test } from 'vitest';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  Identifier,
  keywordList,
  Kw,
  lexerConfig,
  Minus,
  NameWord,
  sroiLexer,
  StringLiteral,
  tokenIs,
  UnterminatedString,
  type KeywordName,
} from '../src/tokens.js';

const lex = (text: string) => sroiLexer.tokenize(text);
/** `TypeName:image` per token, the shape every expectation below compares against. */
const shapes = (text: string): string[] => lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
const only = (text: string): IToken => {
  const { tokens, errors } = lex(text);
  expect(errors).toEqual([]);
  expect(tokens).toHaveLength(1);
  return tokens[0]!;
};
const kw = (name: string): TokenType => Kw[name as KeywordName];

describe('keywords', () => {
  test.each([
    ['als', 'if', 'Als'],
    ['dan', 'then', 'Dan'],
    ['anders', 'else', 'Anders'],
    ['anders', 'otherwise', 'Anders'],
    ['regeling', 'ruleset', 'Regeling'],
    ['tabel', 'table', 'Tabel'],
    ['waardering', 'valuation', 'Waardering'],
    ['maximum', 'cap', 'Maximum'],
    ['niet', 'not', 'Niet'],
    ['en', 'and', 'En'],
    ['of', 'or', 'Of'],
    ['afronden', 'round', 'Afronden'],
    ['voorbeeld', 'example', 'Voorbeeld'],
    ['verwacht', 'expect', 'Verwacht'],
    ['jaren', 'years', 'Jaar'],
    ['elk', 'each', 'Elke'],
  ])('Dutch %s and English %s lex to tokens of the category Kw.%s', (dutch, english, concept) => {
    const nl = only(dutch);
    const en = only(english);
    expect(nl.tokenType).not.toBe(en.tokenType);
    expect(tokenIs(nl, kw(concept))).toBe(true);
    expect(tokenIs(en, kw(concept))).toBe(true);
  });

  test('every spelling in the keyword list lexes as one token of each of its concepts', () => {
    const mismatches: string[] = [];
    for (const { spelling, concepts } of keywordList) {
      const { tokens, errors } = lex(spelling);
      if (errors.length > 0 || tokens.length !== 1) {
        mismatches.push(`${spelling}: ${tokens.length} tokens`);
        continue;
      }
      for (const concept of concepts)
        if (!tokenIs(tokens[0]!, kw(concept))) mismatches.push(`${spelling} is not Kw.${concept}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('a keyword does not match a concept it does not spell', () => {
    expect(tokenIs(only('als'), Kw.Dan)).toBe(false);
    expect(tokenIs(only('if'), Kw.Of)).toBe(false);
  });

  test('vanaf is one token of the concept Vanaf and not van followed by af', () => {
    expect(shapes('vanaf')).toEqual(['Word_vanaf:vanaf']);
    const token = only('vanaf');
    expect(tokenIs(token, Kw.Vanaf)).toBe(true);
    expect(tokenIs(token, Kw.Van)).toBe(false);
    expect(tokenIs(only('van'), Kw.Vanaf)).toBe(false);
  });

  test('English from belongs to both concepts Van and Vanaf, and for to both Bij and Voor', () => {
    const from = only('from');
    expect([tokenIs(from, Kw.Van), tokenIs(from, Kw.Vanaf)]).toEqual([true, true]);
    const forToken = only('for');
    expect([tokenIs(forToken, Kw.Bij), tokenIs(forToken, Kw.Voor)]).toEqual([true, true]);
    expect(keywordList.find((k) => k.spelling === 'from')).toEqual({
      spelling: 'from',
      language: 'en',
      concepts: ['Van', 'Vanaf'],
    });
  });

  test('a spelling shared by both languages is listed once with language both', () => {
    expect(keywordList.filter((k) => k.spelling === 'parameter')).toEqual([
      { spelling: 'parameter', language: 'both', concepts: ['Parameter'] },
    ]);
  });

  test('a word that merely starts with a keyword is an identifier', () => {
    expect(shapes('vanafdatum alsof endatum periodes')).toEqual([
      'Identifier:vanafdatum',
      'Identifier:alsof',
      'Identifier:endatum',
      'Identifier:periodes',
    ]);
  });

  test('keywords are case-sensitive: a capitalised keyword is an identifier', () => {
    expect(shapes('Als')).toEqual(['Identifier:Als']);
  });

  test('type and unit words may serve as names, other keywords may not', () => {
    expect(tokenIs(only('percentage'), NameWord)).toBe(true);
    expect(tokenIs(only('maanden'), NameWord)).toBe(true);
    expect(tokenIs(only('tabel'), NameWord)).toBe(false);
  });
});

describe('identifiers', () => {
  test('hyphenated names are one identifier', () => {
    expect(shapes('jongere-zonder-startkwalificatie mbo-bbl leren-en-werken')).toEqual([
      'Identifier:jongere-zonder-startkwalificatie',
      'Identifier:mbo-bbl',
      'Identifier:leren-en-werken',
    ]);
  });

  test('a hyphen-joined keyword and word form one identifier, not a keyword', () => {
    expect(shapes('per-jaar')).toEqual(['Identifier:per-jaar']);
  });

  test('a - b with spaces is a subtraction and a-b without spaces is one name', () => {
    expect(shapes('a - b')).toEqual(['Identifier:a', 'Minus:-', 'Identifier:b']);
    expect(shapes('a-b')).toEqual(['Identifier:a-b']);
    expect(shapes('a -b')).toEqual(['Identifier:a', 'Minus:-', 'Identifier:b']);
  });

  test('a hyphen before a digit or at the end of a name is a minus', () => {
    expect(shapes('a-1')).toEqual(['Identifier:a', 'Minus:-', 'NumberLiteral:1']);
    expect(shapes('mbo-')).toEqual(['Identifier:mbo', 'Minus:-']);
    expect(shapes('3-2')).toEqual(['NumberLiteral:3', 'Minus:-', 'NumberLiteral:2']);
  });

  test('names may contain accented letters, digits and underscores', () => {
    expect(shapes('café_2 één')).toEqual(['Identifier:café_2', 'Identifier:één']);
    expect(only('x').tokenType).toBe(Identifier);
  });
});

describe('literals and operators', () => {
  test('the Unicode minus and the en dash subtract like the hyphen', () => {
    const minuses = lex('a − b – c - d').tokens.filter((t) => tokenIs(t, Minus));
    expect(minuses.map((t) => t.image)).toEqual(['−', '–', '-']);
  });

  test('each operator has its ASCII and its Unicode spelling', () => {
    expect(shapes('≠ <> != ≤ <= ≥ >= × * · ÷ /')).toEqual([
      'NotEquals:≠',
      'NotEquals:<>',
      'NotEquals:!=',
      'LessEquals:≤',
      'LessEquals:<=',
      'GreaterEquals:≥',
      'GreaterEquals:>=',
      'Times:×',
      'Times:*',
      'Times:·',
      'Divide:÷',
      'Divide:/',
    ]);
  });

  test('Dutch numbers, money and dates lex as single literals', () => {
    expect(shapes('€ 50.000 1,5 12,5% 2023-02-30')).toEqual([
      'EuroSign:€',
      'NumberLiteral:50.000',
      'NumberLiteral:1,5',
      'NumberLiteral:12,5',
      'PercentSign:%',
      'DateLiteral:2023-02-30',
    ]);
  });

  test('the euro sign and the word EUR are both of the concept Euro', () => {
    expect(tokenIs(only('€'), Kw.Euro)).toBe(true);
    expect(tokenIs(only('EUR'), Kw.Euro)).toBe(true);
  });

  test('a string may contain escaped quotes', () => {
    expect(shapes('"a \\"b\\" c"')).toEqual(['StringLiteral:"a \\"b\\" c"']);
  });

  test('an unterminated string runs to the end of its line and is still a string', () => {
    const { tokens, errors } = lex('bron "open\nx');
    expect(errors).toEqual([]);
    expect(tokens.map((t) => `${t.tokenType.name}:${t.image}`)).toEqual([
      'Word_bron:bron',
      'UnterminatedString:"open',
      'Identifier:x',
    ]);
    expect(tokens[1]!.tokenType).toBe(UnterminatedString);
    expect(tokenIs(tokens[1]!, StringLiteral)).toBe(true);
    expect(tokens[2]!.startLine).toBe(2);
  });

  test('an unexpected character is a lexing error at its offset and lexing goes on', () => {
    const { tokens, errors } = lex('a @ b');
    expect(tokens.map((t) => t.image)).toEqual(['a', 'b']);
    expect(errors.map((e) => [e.offset, e.length, e.line, e.column])).toEqual([[2, 1, 1, 3]]);
  });
});

describe('comments', () => {
  test('comments go to the comments group, not to the tokens', () => {
    const result = lex('regeling "x" # kop\n# los\nbron "y"');
    expect(result.tokens.map((t) => t.image)).toEqual(['regeling', '"x"', 'bron', '"y"']);
    expect((result.groups['comments'] ?? []).map((c) => [c.image, c.startLine, c.startColumn])).toEqual([
      ['# kop', 1, 14],
      ['# los', 2, 1],
    ]);
  });

  test('a hash inside a string does not start a comment', () => {
    const result = lex('"a # b"');
    expect(result.tokens.map((t) => t.image)).toEqual(['"a # b"']);
    expect(result.groups['comments']).toEqual([]);
  });
});

describe('positions', () => {
  test('tokens carry 1-based lines and columns and 0-based offsets', () => {
    const [first, second] = lex('als\n  dan').tokens;
    expect([first!.startOffset, first!.startLine, first!.startColumn]).toEqual([0, 1, 1]);
    expect([second!.startOffset, second!.startLine, second!.startColumn, second!.endColumn]).toEqual([
      6, 2, 3, 5,
    ]);
  });
});

describe('the token definitions', () => {
  test("pass Chevrotain's lexer validations, which the shared lexer skips at startup", () => {
    const lexer = new Lexer(allTokens, { ...lexerConfig, deferDefinitionErrorsHandling: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });
});

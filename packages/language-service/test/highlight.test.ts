import { keywordList, sroiLexer } from '@sroi/grammar';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyTokens, highlightWords, tokenCategories } from '../src/index.js';

const classified = (text: string) =>
  classifyTokens(text).map((t) => `${text.slice(t.start, t.end)}:${t.category}`);

describe('classifyTokens', () => {
  it('classifies keywords, types, units, constants, literals, operators and comments', () => {
    expect(classified('parameter drempel: bedrag = € 50.000 # grens\n  als x ≥ 2023-07-01 dan ja')).toEqual([
      'parameter:keyword',
      'drempel:identifier',
      '::delimiter',
      'bedrag:type',
      '=:operator',
      '€:unit',
      '50.000:number',
      '# grens:comment',
      'als:keyword',
      'x:identifier',
      '≥:operator',
      '2023-07-01:date',
      'dan:keyword',
      'ja:constant',
    ]);
  });

  it('reads English spellings as the same categories and a field after a dot as a name', () => {
    expect(classified('if activity.months > 3 months then yes')).toEqual([
      'if:keyword',
      'activity:keyword',
      '.:delimiter',
      'months:identifier',
      '>:operator',
      '3:number',
      'months:unit',
      'then:keyword',
      'yes:constant',
    ]);
  });

  it('marks what the lexer cannot read as invalid and keeps going', () => {
    expect(classified('a $ "tekst"')).toEqual(['a:identifier', '$:invalid', '"tekst":string']);
  });

  it('covers every character of a shipped ruleset except white space, in order, without overlap', () => {
    const text = readFileSync(new URL('../../../rulesets/rijnmond-2023-2027.sroi', import.meta.url), 'utf8');
    const tokens = classifyTokens(text);
    let end = 0;
    for (const t of tokens) {
      expect(text.slice(end, t.start)).toMatch(/^\s*$/);
      expect(t.end).toBeGreaterThan(t.start);
      end = t.end;
    }
    expect(text.slice(end)).toMatch(/^\s*$/);
    expect(tokens.some((t) => t.category === 'invalid')).toBe(false);
    expect(new Set(tokens.map((t) => t.category)).size).toBeGreaterThan(8);
    expect(tokens.every((t) => tokenCategories.includes(t.category))).toBe(true);
  });
});

describe('highlightWords', () => {
  it("holds every keyword spelling of the grammar exactly once, each lexed as that keyword's token", () => {
    const w = highlightWords();
    const all = [...w.keywords, ...w.types, ...w.units, ...w.constants];
    expect([...all].sort()).toEqual(keywordList.map((k) => k.spelling).sort());
    expect(new Set(all).size).toBe(all.length);
    for (const word of all) {
      const { tokens } = sroiLexer.tokenize(word);
      expect(tokens.length).toBe(1);
      expect(tokens[0]!.tokenType.name).toMatch(/^Word_/);
    }
    expect(w.types).toContain('bedrag');
    expect(w.units).toContain('maanden');
    expect(w.constants).toEqual(expect.arrayContaining(['ja', 'nee', 'onbekend']));
  });

  it('gives the lexer patterns as regular-expression sources', () => {
    const p = highlightWords().patterns;
    expect(new RegExp(`^(?:${p.identifier})$`).test('jongere-zonder-startkwalificatie')).toBe(true);
    expect(new RegExp(`^(?:${p.date})$`).test('2023-07-01')).toBe(true);
    expect(new RegExp(`^(?:${p.number})$`).test('1.000,50')).toBe(true);
    expect(new RegExp(`^(?:${p.operator})$`).test('≥')).toBe(true);
    expect(new RegExp(`^(?:${p.comment})$`).test('# opmerking')).toBe(true);
    expect(new RegExp(`^(?:${p.string})$`).test('"a \\" b"')).toBe(true);
  });
});

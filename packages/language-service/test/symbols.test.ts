import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../src/index.js';

const shipped = (name: string) => readFileSync(new URL(`../../../rulesets/${name}`, import.meta.url), 'utf8');
const PATH = 'rulesets/rijnmond-2023-2027.sroi';

describe('document symbols', () => {
  it('outlines the regeling, its periods and every declaration with ranges that hold their names', () => {
    const text = shipped('rijnmond-2023-2027.sroi');
    const s = new LanguageService({ documents: { [PATH]: text } });
    const symbols = s.getDocumentSymbols(PATH);
    expect(symbols[0]).toMatchObject({
      kind: 'ruleset',
      name: 'Social Return Rijnmond 2023-2027',
      detail: '2023-2027',
      children: [{ kind: 'period', name: '2023-2027', detail: '2023-07-01 – 2027-12-31' }],
    });
    const kinds = new Set(symbols.map((x) => x.kind));
    for (const k of [
      'enumeration',
      'parameter',
      'table',
      'definition',
      'valuation',
      'route',
      'outcome',
      'example',
    ])
      expect(kinds).toContain(k);
    const ast = s.compile(PATH)!.ast!;
    expect(symbols.length).toBe(ast.declarations.length + 1);
    for (const x of symbols) {
      expect(x.range.start).toBeLessThanOrEqual(x.selectionRange.start);
      expect(x.selectionRange.end).toBeLessThanOrEqual(x.range.end);
    }
    const table = symbols.find((x) => x.name === 'jaarwaarde_plaatsing')!;
    expect(table).toMatchObject({ kind: 'table', detail: ': bedrag per jaar [uniek]' });
    expect(table.children.map((c) => [c.name, c.detail])).toEqual([['doelgroep', 'doelgroep']]);
    expect(text.slice(table.selectionRange.start, table.selectionRange.end)).toBe('jaarwaarde_plaatsing');
    const example = symbols.find((x) => x.kind === 'example')!;
    expect(text.slice(example.range.start, example.range.start + 9)).toBe('voorbeeld');
  });

  it('still outlines a text with a syntax error in one declaration', () => {
    const s = new LanguageService();
    s.setDocument(
      't.sroi',
      'regeling "T"\nparameter a: bedrag = € 1\nparameter b: bedrag = (\nparameter c: getal = 2\n',
    );
    expect(s.getDocumentSymbols('t.sroi').map((x) => x.name)).toEqual(
      expect.arrayContaining(['T', 'a', 'c']),
    );
  });
});

describe('rules for explanations', () => {
  const base = 'rulesets/rijnmond-2019-2023.sroi';
  const variant = 'rulesets/schiedam-legacy.sroi';
  const s = new LanguageService({
    documents: { [base]: shipped('rijnmond-2019-2023.sroi'), [variant]: shipped('schiedam-legacy.sroi') },
  });

  it('finds the rule holding an offset, and the regeling for the header', () => {
    const text = s.getDocument(base)!;
    const offset = text.indexOf('parameter drempel') + 20;
    expect(s.ruleAt(base, offset)).toMatchObject({
      rule: 'parameter drempel',
      kind: 'parameter',
      name: 'drempel',
    });
    expect(s.ruleAt(base, text.indexOf('regeling') + 2)).toMatchObject({ rule: 'regeling', kind: 'ruleset' });
  });

  it('finds the rule of an explanation node by its place, in the base of a variant', () => {
    const text = s.getDocument(base)!;
    const offset = text.indexOf('uitkomst verplichting');
    const line = text.slice(0, offset).split('\n').length;
    const rule = s.ruleForExplanation(variant, {
      regel: 'uitkomst verplichting',
      plaats: { bestand: base, regel: line, kolom: 1 },
    });
    expect(rule).toMatchObject({ path: base, rule: 'uitkomst verplichting' });
    expect(text.slice(rule!.selectionRange.start, rule!.selectionRange.end)).toBe('verplichting');
  });

  it('finds the rule of an explanation node by its heading when it has no place, the override first', () => {
    expect(s.ruleForExplanation(variant, { regel: 'definitie binnen_bereik' })).toMatchObject({
      path: variant,
    });
    expect(s.ruleForExplanation(variant, { regel: 'parameter drempel' })).toMatchObject({
      path: base,
      kind: 'parameter',
    });
    expect(s.ruleForExplanation(variant, { regel: 'maximum werken' })).toMatchObject({
      kind: 'route',
      name: 'werken',
    });
    expect(s.ruleForExplanation(variant, { regel: 'definitie bestaat_niet' })).toBeUndefined();
  });
});

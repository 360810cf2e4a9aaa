import { describe, expect, test } from 'vitest';
import { compileSource } from '../../src/compile.js';
import { checkQuotations, quotationCount } from '../../src/check/citations.js';
import { codesOf, rulesetWith } from '../support/check.js';

const header = `regeling "Citaten"
  bron "test"
  document beleid "Het beleid" bestand "beleid.txt"
  document nieuws "Een nieuwsbericht" vindplaats "https://example.org/nieuws"
  periode "p" van 2024-01-01 tot en met 2024-12-31
`;
const withCitation = (provenance: string) =>
  rulesetWith(`parameter factor: getal = 2\n  ${provenance}\noutcome dubbel: getal = factor\n`, header);
const codes = (provenance: string) => codesOf(withCitation(provenance)).filter((c) => c.startsWith('SR23'));
const modelOf = (provenance: string) => compileSource('test.sroi', withCitation(provenance)).model!;

describe('documents and quotations (check/citations.ts)', () => {
  test('a citation names a declared document; a quotation must name one', () => {
    expect(codes(`bron beleid "Artikel 2: 'twee keer'"`)).toEqual([]);
    expect(codes(`aanname nieuws "Het bericht noemt 'twee'"`)).toEqual([]);
    expect(codes(`bron "Artikel 2, in eigen woorden"`)).toEqual([]);
    expect(codes(`bron beleidd "Artikel 2"`)).toEqual(['SR2300']);
    expect(codes(`bron "Artikel 2: 'twee keer'"`)).toEqual(['SR2301']);
    expect(codes(`bron beleid "Artikel 2: 'twee keer"`)).toEqual(['SR2303']);
  });

  test('an unknown document suggests the declared name', () => {
    const d = compileSource('test.sroi', withCitation(`bron beleidd "x"`)).diagnostics.find(
      (x) => x.code === 'SR2300',
    );
    expect(d?.suggestions).toEqual(['beleid']);
  });

  test('the model lists the citations with their documents and quotations', () => {
    const model = modelOf(`bron beleid "Artikel 2: 'twee keer' en 'niet minder'"`);
    expect([...model.documents.keys()]).toEqual(['beleid', 'nieuws']);
    expect(
      model.citations.map((c) => [c.document?.name.name, c.provenance.quotes.map((q) => q.text)]),
    ).toEqual([['beleid', ['twee keer', 'niet minder']]]);
    expect(quotationCount(model.citations)).toBe(2);
  });

  test('quotations are checked against the texts given; a document without a file is named once', () => {
    const model = modelOf(`bron beleid "'twee keer' en 'drie keer'"\n  bron nieuws "'twee'"`);
    const found = checkQuotations(
      model.citations,
      new Map([['beleid', 'De factor is twee\nkeer de basis.']]),
    );
    expect(found.map((d) => [d.code, d.suggestions])).toEqual([
      ['SR2310', ['twee keer']],
      ['SR2311', undefined],
    ]);
    // The quotation's span is what stands between its marks.
    const text = withCitation(`bron beleid "'twee keer' en 'drie keer'"\n  bron nieuws "'twee'"`);
    expect(text.slice(found[0]!.span!.start, found[0]!.span!.end)).toBe('drie keer');
  });
});

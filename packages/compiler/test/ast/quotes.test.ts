import { describe, expect, test } from 'vitest';
import { findQuotes } from '../../src/ast/quotes.js';

/** The quotations of a text, as the texts between their marks. */
const quotes = (text: string) => {
  const found = findQuotes(text);
  return {
    quotes: found.quotes.map((q) => text.slice(q.start + 1, q.end - 1)),
    ...(found.unclosed !== undefined ? { unclosed: found.unclosed } : {}),
  };
};

describe('quotations in a bron or aanname text (ast/quotes.ts)', () => {
  test('a quotation is what stands between single quotation marks', () => {
    expect(quotes("Beleid 2023-2027: 'boven de 50.000 euro'")).toEqual({ quotes: ['boven de 50.000 euro'] });
    expect(quotes("'Boven' als strikt groter")).toEqual({ quotes: ['Boven'] });
    expect(quotes("noemt ('gemiddeld 5%') en 'vanaf' € 125.000")).toEqual({
      quotes: ['gemiddeld 5%', 'vanaf'],
    });
    expect(quotes('het beleid: \u2018passend tarief\u2019.')).toEqual({ quotes: ['passend tarief'] });
  });

  test("an apostrophe inside a word or in an elision is no quotation mark: euro's, 's middags", () => {
    expect(quotes("× 1,05 op hele euro's")).toEqual({ quotes: [] });
    expect(quotes("'thema's van invloed'")).toEqual({ quotes: ["thema's van invloed"] });
    expect(quotes("'s middags en 't is 's-Gravenhage")).toEqual({ quotes: [] });
    expect(quotes("href='javascript:alert(2)'")).toEqual({ quotes: [] });
  });

  test('an opening mark without a closing one is reported by its offset', () => {
    expect(quotes("Het beleid wil 'meer afbakenen")).toEqual({ quotes: [], unclosed: 15 });
    expect(quotes("'a' en 'b")).toEqual({ quotes: ['a'], unclosed: 7 });
  });

  test('a mark followed by a blank opens nothing', () => {
    expect(quotes("een ' los teken")).toEqual({ quotes: [] });
  });
});

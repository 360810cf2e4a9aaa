import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  closestPassage,
  comparable,
  comparableQuote,
  occursIn,
  passageText,
} from '../../src/check/quote-match.js';

const policy = readFileSync(
  join(import.meta.dirname, '../../../../rulesets/bronnen/regionaal-social-return-beleid-2023-2027.txt'),
  'utf8',
);
const document = comparable(policy);
const found = (quote: string, text = document) => occursIn(comparableQuote(quote), text);
const closest = (quote: string) => {
  const p = closestPassage(comparableQuote(quote), document);
  return p ? passageText(policy, p) : undefined;
};

describe('comparing a quotation with its document (check/quote-match.ts)', () => {
  test('line breaks and blanks do not count, not even missing ones', () => {
    expect(comparable('boven de\n\n 50.000   euro').text).toBe('bovende50.000euro');
    expect(found('Social return wordt toegepast bij inkoopopdrachten boven de 50.000 euro')).toBe(true);
    // The PDF text has "30%van" and "maarook".
    expect(found('Minimaal 30% van het personeelsbestand')).toBe(true);
  });

  test('a hyphen between letters does not count: hyphenation at a line end, or a compound', () => {
    expect(comparable('uit- \n\nstroom').text).toBe('uitstroom');
    expect(found('vergroten van waardering voor duurzame uitstroom')).toBe(true);
    expect(found('Zuid-Holland Centraal')).toBe(true);
    expect(found('werkfit en geschoolde werkzoekenden')).toBe(true);
    // Between digits a hyphen stays: 2022 – 2025 is not 20222025.
    expect(comparable('2022 \u2013 2025').text).toBe('2022-2025');
  });

  test('typographic quotation marks, apostrophes and dashes are their plain forms', () => {
    expect(comparable('\u201c5% norm\u201d').text).toBe('"5%norm"');
    expect(found("hoofdthema's is van onze regionale samenwerking")).toBe(true);
    // A ligature is its letters; a no-break space and a soft hyphen are nothing.
    expect(comparable('e\uFB03ciënt\u00a0\u00ad').text).toBe('efficiënt');
  });

  test('case counts, except for the first letter of the quotation', () => {
    expect(found('uitstroom van zes maanden naar meer dan één jaar')).toBe(true);
    expect(found('Uitstroom Van zes maanden')).toBe(false);
    expect(found('VERHOGEN de waardering voor Nuggers')).toBe(false);
  });

  test('an omission mark at either end is not part of the quotation', () => {
    expect(found('... boven de 50.000 euro')).toBe(true);
    expect(found('Social return wordt toegepast […]')).toBe(true);
  });

  test('a changed word is not found, and the closest passage has the right word', () => {
    expect(found('Social return wordt toegepast bij inkoopopdrachten vanaf de 50.000 euro')).toBe(false);
    expect(closest('Social return wordt toegepast bij inkoopopdrachten vanaf de 50.000 euro')).toBe(
      'Social return wordt toegepast bij inkoopopdrachten boven de 50.000 euro',
    );
    expect(closest('hogere waardering voor Nuggers')).toBe('verhogen de waardering voor Nuggers');
  });

  test('added words are not found, and the closest passage leaves them out', () => {
    expect(closest('Uitstroom van zes maanden naar meer dan één jaar voor iedere doelgroep')).toBe(
      'Uitstroom van zes maanden naar meer dan één jaar',
    );
  });

  test('the closest passage is shown as the document has it, in whole words on one line', () => {
    expect(closest('actualiseren periodiek de tarieven')).toBe('actualiseren we periodiek de tarieven');
    expect(closest('voorschakelen naar een opleiding (voor werkzoekenden zonder startkwalificaties)')).toBe(
      'voorschakelen naar werk (voor werkzoekenden zonder startkwalificaties)',
    );
  });

  test('an empty document has no passage', () => {
    expect(closestPassage('abc', comparable(''))).toBeUndefined();
  });
});

import { activityKinds, contractFields } from '@sroi/core';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { fieldDoc, setLanguage } from '../src/i18n.js';

// setLanguage marks the page's language on <html>: a stand-in for it, outside a browser.
vi.stubGlobal('document', { documentElement: { lang: 'nl' } });
afterAll(() => {
  setLanguage('nl');
  vi.unstubAllGlobals();
});

describe('fieldDoc', () => {
  test("shows the vocabulary's Dutch doc on the Dutch page and its English doc on the English page", () => {
    const fte = activityKinds['plaatsing']!['fte']!;
    setLanguage('nl');
    expect(fieldDoc(contractFields['waarde']!)).toBe('Contractwaarde exclusief btw');
    expect(fieldDoc(fte)).toBe('Omvang; 1 fte is 36 uur per week');
    setLanguage('en');
    expect(fieldDoc(contractFields['waarde']!)).toBe('Contract value excluding VAT');
    expect(fieldDoc(fte)).toBe('Size; 1 fte is 36 hours a week');
  });

  test('a field as the worker sends it (a structured clone) keeps both docs', () => {
    setLanguage('en');
    const sent = structuredClone(contractFields['gunningsdatum']!);
    expect(fieldDoc(sent)).toBe('Award date: chooses the period and every tariff');
  });
});

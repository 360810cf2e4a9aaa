import { describe, expect, it } from 'vitest';
import { LanguageService } from '../src/index.js';

describe('semantic tokens', () => {
  it('tells parameters, tables, definitions, outcomes, enumeration values and fields apart', () => {
    const text = [
      'regeling "T"',
      'opsomming kleur: rood, blauw',
      'parameter p: bedrag = € 1',
      'tabel t(k: kleur): bedrag [uniek]',
      '  | rood  | € 1 |',
      '  | blauw | € 2 |',
      'definitie d: bedrag = t(rood) + p',
      'uitkomst u: bedrag = d + contract.waarde',
      '',
    ].join('\n');
    const s = new LanguageService();
    s.setDocument('t.sroi', text);
    const tokens = s
      .getSemanticTokens('t.sroi')
      .map((t) => `${text.slice(t.start, t.end)}:${t.kind}${t.declaration ? '!' : ''}`);
    expect(tokens).toEqual([
      'kleur:enumeration!',
      'rood:enum-value!',
      'blauw:enum-value!',
      'p:parameter!',
      't:table!',
      'k:column!',
      'kleur:enumeration',
      'rood:enum-value',
      'blauw:enum-value',
      'd:definition!',
      't:table',
      'rood:enum-value',
      'p:parameter',
      'u:outcome!',
      'd:definition',
      'waarde:field',
    ]);
  });
});

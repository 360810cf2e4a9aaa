import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../src/index.js';

const read = (name: string) => readFileSync(new URL(`../../../rulesets/${name}`, import.meta.url), 'utf8');
const B = 'rulesets/rijnmond-2019-2023.sroi';
const V = 'rulesets/schiedam-legacy.sroi';
const R = 'rulesets/rijnmond-2023-2027.sroi';
const s = new LanguageService({
  documents: {
    [B]: read('rijnmond-2019-2023.sroi'),
    [V]: read('schiedam-legacy.sroi'),
    [R]: read('rijnmond-2023-2027.sroi'),
  },
});

const hoverAt = (path: string, snippet: string, delta: number) => {
  const i = s.getDocument(path)!.indexOf(snippet);
  if (i < 0) throw new Error(snippet);
  return s.getHover(path, i + delta);
};

describe('hover', () => {
  it('shows a parameter with its type, its value per vanaf date and its bron', () => {
    expect(hoverAt(R, 'contract.waarde > drempel', 20)?.contents).toEqual([
      'parameter drempel: bedrag',
      'vanaf 2023-07-01: € 50.000',
      `  bron beleid2023 "Beleid 2023-2027: 'Social return wordt toegepast bij inkoopopdrachten boven de 50.000 euro'"`,
    ]);
  });

  it('shows a cited document with its title, file and location, also from a variant of its ruleset', () => {
    const lines = [
      'document beleid2023 "Regionaal Social Return beleid 2023-2027 (Gemeenteblad Maassluis 2025, 539337)"',
      'bestand "regionaal-social-return-beleid-2023-2027.txt"',
      'vindplaats "https://zoek.officielebekendmakingen.nl/gmb-2025-539337.html"',
    ];
    expect(hoverAt(R, 'bron beleid2023 "Beleid 2023-2027: \'boven', 8)?.contents).toEqual(lines);
    expect(hoverAt(R, 'document beleid2023', 12)?.contents).toEqual(lines);
    expect(hoverAt(V, 'bron schiedam "Gemeente Schiedam:', 8)?.contents).toEqual([
      'document schiedam "Gemeente Schiedam: social return"',
      'vindplaats "Website van de gemeente Schiedam, pagina social return (zonder datum)"',
    ]);
  });

  it('shows a table with its unit, its versions and its aanname marked as provisional', () => {
    const h = hoverAt(R, 'tabel jaarwaarde_plaatsing', 8)!;
    expect(h.contents[0]).toBe('tabel jaarwaarde_plaatsing(doelgroep: doelgroep): bedrag per jaar [uniek]');
    expect(h.contents).toContain('vanaf 2023-07-01: 7 rijen');
    expect(h.contents).toContain('vanaf 2025-07-01: 7 rijen');
    expect(
      h.contents.some(
        (l) => l.startsWith('aanname "Officiële waarderingstabel') && l.endsWith('(voorlopig: aanname)'),
      ),
    ).toBe(true);
  });

  it("in a variant, shows the base's value that a declaration overrides", () => {
    const h = hoverAt(V, 'definitie binnen_bereik', 12)!;
    expect(h.contents.slice(0, 2)).toEqual([
      'definitie binnen_bereik: janee',
      '= contract.waarde ≥ drempel_schiedam(contract.opdrachtsoort)',
    ]);
    const at = h.contents.indexOf(`Vervangt in ${B}:`);
    expect(at).toBeGreaterThan(0);
    expect(h.contents.slice(at + 1, at + 3)).toEqual([
      '  definitie binnen_bereik: janee',
      '  = contract.waarde ≥ drempel',
    ]);
  });

  it('says where a name of a base is declared when hovered in a variant', () => {
    const text = s.getDocument(V)!;
    expect(text).toContain('verplichting € 50.000');
    const h = hoverAt(V, 'verplichting € 50.000', 2)!;
    expect(h.contents[0]).toBe('uitkomst verplichting: bedrag');
    expect(h.contents).toContain(`Gedeclareerd in ${B}`);
  });

  it('shows contract and activity fields from the vocabulary', () => {
    expect(hoverAt(R, 'contract.waarde >', 10)?.contents).toEqual([
      'contract.waarde: bedrag (verplicht)',
      'Contractwaarde exclusief btw',
    ]);
    expect(hoverAt(R, 'activiteit.doelgroep', 13)?.contents).toEqual([
      'activiteit.doelgroep (plaatsing): doelgroep (verplicht)',
      'Doelgroep van de geplaatste persoon',
    ]);
    s.language = 'en';
    try {
      expect(hoverAt(R, 'contract.waarde >', 10)?.contents).toEqual([
        'contract.waarde: bedrag (required)',
        'Contract value excluding VAT',
      ]);
    } finally {
      s.language = 'nl';
    }
  });

  it('gives a keyword a short description, in Dutch or English', () => {
    expect(hoverAt(R, 'als binnen_bereik', 1)).toMatchObject({
      contents: ["sleutelwoord 'als'", "'als voorwaarde dan a anders b'."],
    });
    s.language = 'en';
    try {
      expect(hoverAt(R, 'als binnen_bereik', 1)?.contents[0]).toBe("keyword 'als'");
    } finally {
      s.language = 'nl';
    }
  });

  it('shows nothing in a comment or on white space', () => {
    expect(hoverAt(R, '# ── Woordenschat', 5)).toBeUndefined();
    expect(hoverAt(R, '\n\n', 1)).toBeUndefined();
  });
});

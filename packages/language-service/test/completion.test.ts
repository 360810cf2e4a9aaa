import { keywordList } from '@sroi/grammar';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../src/index.js';

const PATH = 'rulesets/rijnmond-2023-2027.sroi';
const original = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');

/** Completion after inserting `typed` right after `anchor` in the shipped ruleset. */
function completeAfter(anchor: string, typed: string, options: { language?: 'nl' | 'en' } = {}) {
  const i = original.indexOf(anchor);
  if (i < 0) throw new Error(`no ${anchor}`);
  const at = i + anchor.length;
  const s = new LanguageService({
    documents: { [PATH]: original.slice(0, at) + typed + original.slice(at) },
    ...options,
  });
  const list = s.getCompletions(PATH, at + typed.length);
  return { ...list, labels: list.items.map((x) => x.label), at, s };
}

describe('completion', () => {
  it('offers the contract fields of the vocabulary after contract.', () => {
    const c = completeAfter('definitie binnen_bereik: janee = ', 'contract.');
    expect([...c.labels].sort()).toEqual([
      'arbeidsaandeel',
      'einddatum',
      'gemeente',
      'gunningsdatum',
      'id',
      'inspanningAangetoond',
      'omschrijving',
      'opdrachtsoort',
      'startdatum',
      'waarde',
    ]);
    expect(c.items.find((x) => x.label === 'waarde')).toMatchObject({
      kind: 'field',
      detail: 'bedrag',
      documentation: 'Contractwaarde exclusief btw',
    });
    const en = completeAfter('definitie binnen_bereik: janee = ', 'contract.', { language: 'en' });
    expect(en.items.find((x) => x.label === 'waarde')!.documentation).toBe('Contract value excluding VAT');
  });

  it('offers the fields of the activity kind in scope after activiteit.', () => {
    const c = completeAfter('definitie geteld bij plaatsing: duur in maanden =\n  als ', 'activiteit.');
    expect(c.labels).toEqual(
      expect.arrayContaining(['doelgroep', 'contractvorm', 'fte', 'maanden', 'leeftijd']),
    );
    expect(c.labels).not.toContain('opleiding');
  });

  it('offers names in scope, functions and formula keywords in a formula, and replaces the typed word', () => {
    const c = completeAfter('definitie binnen_bereik: janee = contract.waarde > ', 'dr');
    expect(c.range).toEqual({ start: c.at, end: c.at + 2 });
    const kinds = Object.fromEntries(c.items.map((x) => [x.label, x.kind]));
    expect(kinds).toMatchObject({
      drempel: 'parameter',
      jaarwaarde_plaatsing: 'table',
      verplichting: 'outcome',
      participatiewet: 'enum-value',
      min: 'function',
      som: 'keyword',
      afronden: 'keyword',
      contract: 'keyword',
    });
    // Scoped to plaatsing: not visible in a contract-level definition.
    expect(kinds).not.toHaveProperty('basiswaarde');
    expect(c.items.find((x) => x.label === 'drempel')).toMatchObject({ detail: 'bedrag' });
    expect(c.items.find((x) => x.label === 'drempel')!.documentation).toMatch(/^bron "Beleid 2023-2027/);
    // Names sort before keywords.
    expect(c.labels.indexOf('drempel')).toBeLessThan(c.labels.indexOf('som'));
  });

  it("offers the compared field's enumeration values first", () => {
    const c = completeAfter(
      'definitie geteld bij plaatsing: duur in maanden =\n  als activiteit.doelgroep in (',
      'ba',
    );
    expect(c.labels.slice(0, 7).sort()).toEqual([
      'banenafspraak',
      'jongere-zonder-startkwalificatie',
      'loonkostensubsidie',
      'nugger',
      'participatiewet',
      'wia',
      'ww',
    ]);
    const second = completeAfter(
      'definitie geteld bij plaatsing: duur in maanden =\n  als activiteit.doelgroep in (',
      'banenafspraak, ',
    );
    expect(second.labels[0]).toBe('banenafspraak');
    expect(second.items[0]!.sortText < second.items.find((x) => x.label === 'drempel')!.sortText).toBe(true);
    const equals = completeAfter('definitie binnen_bereik: janee = ', 'contract.opdrachtsoort = ');
    expect(equals.labels.slice(0, 3).sort()).toEqual(['diensten', 'leveringen', 'werken']);
  });

  it('offers a definition scoped to the activity kind only within that kind', () => {
    const c = completeAfter('definitie geteld bij plaatsing: duur in maanden =\n  als ', 'ge');
    expect(c.labels).toContain('geteld');
  });

  it('offers English keywords only when the typed prefix is an English spelling', () => {
    const dutch = completeAfter('definitie binnen_bereik: janee = contract.waarde > drempel', '\n');
    expect(dutch.labels).toEqual([
      'definitie',
      'eigenschap',
      'opsomming',
      'parameter',
      'route',
      'tabel',
      'uitkomst',
      'voorbeeld',
      'waardering',
    ]);
    const english = completeAfter('definitie binnen_bereik: janee = contract.waarde > drempel', '\npa');
    expect(english.labels).toContain('parameter');
    const typed = completeAfter('definitie binnen_bereik: janee = contract.waarde > drempel', '\nout');
    expect(typed.labels).toContain('outcome');
    expect(typed.labels).not.toContain('valuation');
    expect(dutch.labels.every((l) => keywordList.find((k) => k.spelling === l)?.language !== 'en')).toBe(
      true,
    );
  });

  it('offers the keywords that may follow a declaration on an indented line', () => {
    const c = completeAfter('parameter drempel: bedrag\n  vanaf 2023-07-01: € 50.000', '\n    ');
    expect(c.labels).toEqual(expect.arrayContaining(['bron', 'aanname', 'vanaf']));
    expect(c.labels).not.toContain('drempel');
  });

  it('offers types and enumerations after a colon of a declaration, and units after per', () => {
    const types = completeAfter('parameter drempel: ', '');
    expect(
      types.items
        .filter((x) => x.kind === 'type')
        .map((x) => x.label)
        .sort(),
    ).toEqual(['bedrag', 'datum', 'duur', 'getal', 'janee', 'percentage', 'tekst']);
    expect(types.items.filter((x) => x.kind === 'enumeration').map((x) => x.label)).toContain('doelgroep');
    const units = completeAfter('parameter drempel: bedrag', ' per ');
    expect(units.items.every((x) => x.kind === 'unit')).toBe(true);
    expect(units.labels).toEqual(expect.arrayContaining(['jaar', 'maand', 'week', 'dag', 'uur']));
    expect(units.labels).not.toContain('year');
  });

  it('offers activity kinds after waardering and the values of a column in a table row', () => {
    const kinds = completeAfter(
      'definitie binnen_bereik: janee = contract.waarde > drempel',
      '\nwaardering ',
    );
    expect(kinds.labels).toEqual([
      'arbeidsontwikkeling',
      'inkoop',
      'investering',
      'leerling',
      'maatschappelijk',
      'maatwerk',
      'overdracht',
      'plaatsing',
      'scholing',
    ]);
    const cell = completeAfter('    | participatiewet                  | € 40.000 per jaar |\n', '    | ');
    expect(cell.labels.slice(0, 7).sort()).toEqual([
      'banenafspraak',
      'jongere-zonder-startkwalificatie',
      'loonkostensubsidie',
      'nugger',
      'participatiewet',
      'wia',
      'ww',
    ]);
  });

  it('offers fields and enumeration values in a voorbeeld', () => {
    const i = original.lastIndexOf('activiteit plaatsing ') + 'activiteit plaatsing '.length;
    const s = new LanguageService({
      documents: { [PATH]: `${original.slice(0, i)}doelgroep ${original.slice(i)}` },
    });
    const values = s.getCompletions(PATH, i + 'doelgroep '.length);
    expect(values.items.filter((x) => x.kind === 'enum-value').map((x) => x.label)).toContain('nugger');
    s.setDocument(PATH, `${original.slice(0, i)}doe${original.slice(i)}`);
    const fields = s.getCompletions(PATH, i + 3);
    expect(fields.items.filter((x) => x.kind === 'field').map((x) => x.label)).toEqual(
      expect.arrayContaining(['doelgroep', 'contractvorm', 'fte', 'maanden']),
    );
  });

  it('completes at the very start of a text that starts with a line break', () => {
    const s = new LanguageService({ documents: { 't.sroi': '\n\nregeling "T"\n' } });
    expect(s.getCompletions('t.sroi', 0).items.map((x) => x.label)).toContain('parameter');
    expect(s.getCompletions('t.sroi', 1).items.map((x) => x.label)).toContain('parameter');
    expect(s.getHover('t.sroi', 0)).toBeUndefined();
  });

  it('offers nothing inside a comment or a text', () => {
    expect(completeAfter('# ── Woordenschat', ' co').items).toEqual([]);
    expect(completeAfter('bron beleid2023 "Beleid 2023-2027', ' co').items).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageService, type Location } from '../src/index.js';

const shipped = (name: string) => readFileSync(new URL(`../../../rulesets/${name}`, import.meta.url), 'utf8');

const BASE = 'rulesets/rijnmond-2019-2023.sroi';
const VARIANT = 'rulesets/schiedam-legacy.sroi';

function service(): LanguageService {
  return new LanguageService({
    documents: { [BASE]: shipped('rijnmond-2019-2023.sroi'), [VARIANT]: shipped('schiedam-legacy.sroi') },
  });
}

/** The offset of the `n`th occurrence (0-based) of `word` in a text, in the middle of the word. */
function at(text: string, word: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(word, i + 1);
    if (i < 0) throw new Error(`no ${n}th ${word}`);
  }
  return i + 1;
}

const textOf = (s: LanguageService, l: Location) => s.getDocument(l.path)!.slice(l.range.start, l.range.end);
const lineOf = (s: LanguageService, l: Location) =>
  s.getDocument(l.path)!.slice(0, l.range.start).split('\n').length;

describe('go to definition', () => {
  it('finds the parameter a formula uses', () => {
    const s = service();
    const text = s.getDocument(BASE)!;
    const use = at(text, 'waarde ≥ drempel') + 'waarde ≥ '.length;
    const [d, ...rest] = s.getDefinition(BASE, use);
    expect(rest).toEqual([]);
    expect(textOf(s, d!)).toBe('drempel');
    expect(text.slice(d!.range.start - 'parameter '.length, d!.range.start)).toBe('parameter ');
  });

  it('in a variant, gives the override first and then the base declaration it replaces', () => {
    const s = service();
    const text = s.getDocument(VARIANT)!;
    // `binnen_bereik` is used by the base's `verplichting`; the variant overrides it.
    const defs = s.getDefinition(VARIANT, at(text, 'binnen_bereik'));
    expect(defs.map((d) => d.path)).toEqual([VARIANT, BASE]);
    expect(defs.map((d) => textOf(s, d))).toEqual(['binnen_bereik', 'binnen_bereik']);
  });

  it('goes from a table call to the table and from an enumeration value to its declaration', () => {
    const s = service();
    const text = s.getDocument(VARIANT)!;
    const [table] = s.getDefinition(VARIANT, at(text, 'drempel_schiedam(contract'));
    expect(table).toEqual({
      path: VARIANT,
      range: { start: text.indexOf('drempel_schiedam'), end: text.indexOf('drempel_schiedam') + 16 },
    });
    const [value] = s.getDefinition(VARIANT, at(text, 'opdrachtsoort diensten') + 'opdrachtsoort '.length);
    expect(value!.path).toBe(BASE);
    expect(textOf(s, value!)).toBe('diensten');
    expect(s.getDocument(BASE)!.slice(0, value!.range.start)).toMatch(/opsomming opdrachtsoort: $/);
  });

  it('gives nothing for a contract field or a keyword', () => {
    const s = service();
    const text = s.getDocument(VARIANT)!;
    expect(s.getDefinition(VARIANT, at(text, 'contract.waarde') + 'contract.'.length)).toEqual([]);
    expect(s.getDefinition(VARIANT, at(text, 'definitie'))).toEqual([]);
  });
});

describe('find references', () => {
  it('finds every use of a parameter across the base and the variants that extend it', () => {
    const s = service();
    const base = s.getDocument(BASE)!;
    const refs = s.getReferences(BASE, at(base, 'parameter drempel') + 'parameter '.length);
    expect(refs.every((r) => textOf(s, r) === 'drempel')).toBe(true);
    // The declaration, the base's binnen_bereik and the property; the variant uses its own table.
    const lines = base.split('\n');
    const written = (l: string) => /\bdrempel\b/.test(l.replace(/#.*$/, '').replace(/"[^"]*"/g, ''));
    const expected = lines.flatMap((l, i) => (written(l) ? [i + 1] : []));
    expect(expected.length).toBe(3);
    expect(refs.filter((r) => r.path === BASE).map((r) => lineOf(s, r))).toEqual(expected);
    const withoutDeclaration = s.getReferences(
      BASE,
      at(base, 'parameter drempel') + 'parameter '.length,
      false,
    );
    expect(withoutDeclaration.length).toBe(refs.length - 1);
  });

  it('finds an enumeration value in formulas, table rows and examples of both documents', () => {
    const s = service();
    const variant = s.getDocument(VARIANT)!;
    const refs = s.getReferences(VARIANT, at(variant, '| werken') + 2);
    // The table row and two examples' contracts; not the words in comments, sources and titles.
    expect(refs.filter((r) => r.path === VARIANT).map((r) => lineOf(s, r))).toEqual([17, 41, 46]);
    expect(refs.every((r) => textOf(s, r) === 'werken')).toBe(true);
    expect(refs.some((r) => r.path === BASE)).toBe(true);
  });
});

describe('documents', () => {
  it('goes from a citation to the document it names, in the file or in a base', () => {
    const s = service();
    const variant = s.getDocument(VARIANT)!;
    const [own] = s.getDefinition(VARIANT, at(variant, 'bron schiedam') + 'bron '.length);
    expect(own && [own.path, lineOf(s, own)]).toEqual([VARIANT, 9]);
    const base = s.getDocument(BASE)!;
    const [policy] = s.getDefinition(
      BASE,
      at(base, 'bron beleid2023 "Beleid 2023-2027 over') + 'bron '.length,
    );
    expect(policy && [policy.path, lineOf(s, policy)]).toEqual([BASE, 13]);
  });
});

describe('rename', () => {
  it('renames a definition in the variant and the base it overrides, and every use', () => {
    const s = service();
    const variant = s.getDocument(VARIANT)!;
    const r = s.rename(VARIANT, at(variant, 'binnen_bereik'), 'in_bereik');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [path, edits] of Object.entries(r.edit)) {
      let text = s.getDocument(path)!;
      for (const e of [...edits].sort((a, b) => b.range.start - a.range.start))
        text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
      s.setDocument(path, text);
    }
    expect(Object.keys(r.edit).sort()).toEqual([BASE, VARIANT]);
    expect(s.getDocument(BASE)).not.toMatch(/\bbinnen_bereik\b/);
    expect(s.getDiagnostics(VARIANT).filter((d) => d.severity === 'error')).toEqual([]);
    expect(s.getDiagnostics(BASE).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses a keyword, a contract field, a standard outcome and a vocabulary enumeration', () => {
    const s = service();
    const base = s.getDocument(BASE)!;
    expect(s.prepareRename(BASE, at(base, 'parameter'))).toEqual({
      ok: false,
      reason: "'parameter' is een sleutelwoord van de taal en kan niet hernoemd worden",
    });
    expect(s.prepareRename(BASE, at(base, 'contract.waarde') + 9).ok).toBe(false);
    expect(s.prepareRename(BASE, at(base, 'uitkomst verplichting') + 9)).toMatchObject({ ok: false });
    expect(s.prepareRename(BASE, at(base, 'opsomming doelgroep') + 10)).toMatchObject({ ok: false });
    expect(s.prepareRename(BASE, at(base, 'parameter drempel') + 10)).toEqual({
      ok: true,
      range: { start: at(base, 'parameter drempel') + 9, end: at(base, 'parameter drempel') + 16 },
      placeholder: 'drempel',
    });
  });

  it('refuses a new name that is taken, a keyword or not a name', () => {
    const s = service();
    const base = s.getDocument(BASE)!;
    const offset = at(base, 'parameter drempel') + 10;
    const taken = s.rename(BASE, offset, 'binnen_bereik');
    expect(taken).toEqual({ ok: false, reason: `De naam 'binnen_bereik' bestaat al in ${BASE}` });
    // The variant's table is a name in the variant only: renaming the base's parameter to it collides there.
    expect(s.rename(BASE, offset, 'drempel_schiedam')).toEqual({
      ok: false,
      reason: `De naam 'drempel_schiedam' bestaat al in ${VARIANT}`,
    });
    expect(s.rename(BASE, offset, 'als')).toMatchObject({ ok: false });
    expect(s.rename(BASE, offset, 'twee woorden')).toMatchObject({ ok: false });
    s.language = 'en';
    expect(s.rename(BASE, offset, '1x')).toEqual({
      ok: false,
      reason: "'1x' is not a valid name (letters, digits, _ and - between words; not a keyword)",
    });
  });
});

describe('table columns', () => {
  const H = 'rulesets/haaglanden-zhc-2023.sroi';
  const text = readFileSync(new URL('../../../rulesets/haaglanden-zhc-2023.sroi', import.meta.url), 'utf8');

  it('renames an output column of a table with several outputs at its declaration and every field access', () => {
    const s = new LanguageService({ documents: { [H]: text } });
    const use =
      text.indexOf('plaatsing_norm(activiteit.doelgroep).jaarwaarde') +
      'plaatsing_norm(activiteit.doelgroep).'.length;
    const [declaration] = s.getDefinition(H, use + 1);
    expect(textOf(s, declaration!)).toBe('jaarwaarde');
    expect(declaration!.range.start).toBeLessThan(use);
    const r = s.rename(H, use + 1, 'waarde_per_jaar');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let edited = text;
    for (const e of [...r.edit[H]!].sort((a, b) => b.range.start - a.range.start))
      edited = edited.slice(0, e.range.start) + e.newText + edited.slice(e.range.end);
    s.setDocument(H, edited);
    expect(edited).toContain('plaatsing_norm(activiteit.doelgroep).waarde_per_jaar');
    // leerling_norm's column of the same name is another symbol and keeps its name.
    expect(edited).toContain(').jaarwaarde');
    expect(s.getDiagnostics(H).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

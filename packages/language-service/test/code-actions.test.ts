import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageService, type TextEdit } from '../src/index.js';

const apply = (text: string, edits: readonly TextEdit[]) =>
  [...edits]
    .sort((a, b) => b.range.start - a.range.start)
    .reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);

const PATH = 'rulesets/rijnmond-2023-2027.sroi';
const original = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');

describe('quick fixes', () => {
  it('offers one fix per suggestion; the preferred one removes the error', () => {
    const s = new LanguageService({ documents: { [PATH]: original } });
    const typo = original.replace('contract.waarde > drempel', 'contract.waarde > drempl');
    s.setDocument(PATH, typo);
    const d = s.getDiagnostics(PATH).find((x) => x.code === 'SR2001')!;
    const actions = s.getCodeActions(PATH, d.range);
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([["Vervang door 'drempel'", true]]);
    s.setDocument(PATH, apply(typo, actions[0]!.edit[PATH]!));
    expect(s.getDocument(PATH)).toBe(original);
    expect(s.getDiagnostics(PATH).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('fixes a misspelt field after a dot in the field only, in English too', () => {
    const s = new LanguageService({ documents: { [PATH]: original }, language: 'en' });
    const typo = original.replace('peildatum contract.gunningsdatum', 'peildatum contract.gunningsdatun');
    s.setDocument(PATH, typo);
    const d = s.getDiagnostics(PATH).find((x) => x.suggestions?.includes('gunningsdatum'))!;
    const [fix] = s.getCodeActions(PATH, { start: d.range.start, end: d.range.start });
    expect(fix!.title).toBe("Replace with 'gunningsdatum'");
    expect(apply(typo, fix!.edit[PATH]!)).toBe(original);
  });

  it('fixes a misspelt enumeration value in a voorbeeld and a field in an activity', () => {
    const s = new LanguageService({ documents: { [PATH]: original } });
    const i = original.indexOf('doelgroep ww');
    const typo = `${original.slice(0, i)}doelgroep wwx${original.slice(i + 'doelgroep ww'.length)}`;
    s.setDocument(PATH, typo);
    const fixes = s.getCodeActions(PATH, { start: i, end: i + 14 });
    expect(fixes.length).toBeGreaterThan(0);
    expect(apply(typo, fixes.find((f) => f.title.includes("'ww'"))!.edit[PATH]!)).toBe(original);
  });

  it('offers nothing where no diagnostic has a suggestion', () => {
    const s = new LanguageService({ documents: { [PATH]: original } });
    expect(s.getCodeActions(PATH, { start: 0, end: original.length })).toEqual([]);
  });
});

describe('format document', () => {
  it('gives one edit that turns the text into the formatter output, comments kept', () => {
    const s = new LanguageService();
    const text = 'regeling "T"\n# over a\nparameter   a :bedrag=€ 1   # een\n';
    s.setDocument('t.sroi', text);
    const r = s.formatDocument('t.sroi');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edits.length).toBe(1);
    expect(apply(text, r.edits)).toBe('regeling "T"\n# over a\nparameter a: bedrag = € 1  # een\n');
  });

  it('gives no edits for a formatted shipped ruleset and refuses a text with syntax errors', () => {
    const s = new LanguageService({ documents: { [PATH]: original } });
    expect(s.formatDocument(PATH)).toEqual({ ok: true, edits: [] });
    s.setDocument('bad.sroi', 'regeling "T"\nparameter a: bedrag = (\n');
    expect(s.formatDocument('bad.sroi')).toEqual({
      ok: false,
      reason: 'Opmaken kan pas als de tekst geen syntaxfouten meer heeft',
    });
  });
});

describe('quick fixes on the golden diagnostics', () => {
  const dir = new URL('../../../test/fixtures/diagnostics/bad/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.sroi'));

  it('every suggestion of every bad fixture has a fix, and the preferred fix removes its diagnostic', () => {
    let fixed = 0;
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const s = new LanguageService({ documents: { [file]: text } });
      for (const d of s.getDiagnostics(file).filter((x) => x.path === file && x.suggestions?.length)) {
        const fixes = s
          .getCodeActions(file, d.range)
          .filter((a) => a.diagnostic?.code === d.code && a.diagnostic.range.start === d.range.start);
        expect(fixes.map((f) => f.title)).toEqual(d.suggestions!.map((x) => `Vervang door '${x}'`));
        const preferred = fixes.find((f) => f.isPreferred)!;
        const after = new LanguageService({ documents: { [file]: apply(text, preferred.edit[file]!) } });
        const same = after
          .getDiagnostics(file)
          .filter((x) => x.code === d.code && x.range.start === d.range.start);
        expect(same, `${file}: ${d.code} at ${d.range.start}`).toEqual([]);
        fixed++;
      }
    }
    expect(fixed).toBeGreaterThan(5);
  });
});

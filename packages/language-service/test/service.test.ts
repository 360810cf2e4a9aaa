import { readFileSync } from 'node:fs';
import { renderMessage } from '@sroi/core';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../src/index.js';

const shipped = (name: string) => readFileSync(new URL(`../../../rulesets/${name}`, import.meta.url), 'utf8');

describe('LanguageService diagnostics', () => {
  it('reports the CLI code, a Dutch message and the span of an unknown name', () => {
    const service = new LanguageService();
    const text =
      'regeling "T"\n  peildatum contract.gunningsdatum\nparameter a: bedrag = € 1\nuitkomst b: bedrag = aa\n';
    service.setDocument('t.sroi', text);
    const d = service.getDiagnostics('t.sroi').find((x) => x.code === 'SR2001');
    expect(d).toBeDefined();
    expect(text.slice(d!.range.start, d!.range.end)).toBe('aa');
    expect(d!.suggestions).toEqual(['a']);
    expect(d!.hint).toContain("Bedoelde je 'a'?");
  });

  it('renders messages in English when asked, from the same catalogue as the CLI', () => {
    const service = new LanguageService({ language: 'en' });
    service.setDocument('t.sroi', 'regeling "T"\nuitkomst b: bedrag = aa\n');
    const raw = service.compile('t.sroi')!.diagnostics.find((x) => x.code === 'SR2001')!;
    const d = service.getDiagnostics('t.sroi').find((x) => x.code === 'SR2001')!;
    expect(d.message).toBe(renderMessage('SR2001', raw.args, 'en'));
    expect(d.message).not.toBe(renderMessage('SR2001', raw.args, 'nl'));
    expect(service.getDiagnostics('t.sroi', 'nl').find((x) => x.code === 'SR2001')!.message).toBe(
      renderMessage('SR2001', raw.args, 'nl'),
    );
  });

  it('resolves breidt uit among the documents and follows a change of the base', () => {
    const service = new LanguageService({
      documents: {
        'rulesets/rijnmond-2019-2023.sroi': shipped('rijnmond-2019-2023.sroi'),
        'rulesets/schiedam-legacy.sroi': shipped('schiedam-legacy.sroi'),
      },
    });
    expect(
      service.getDiagnostics('rulesets/schiedam-legacy.sroi').filter((d) => d.severity === 'error'),
    ).toEqual([]);
    expect(service.compile('rulesets/schiedam-legacy.sroi')?.ir).toBeDefined();
    service.removeDocument('rulesets/rijnmond-2019-2023.sroi');
    expect(service.getDiagnostics('rulesets/schiedam-legacy.sroi').map((d) => d.code)).toContain('SR2009');
  });

  it('compiles a document again only when a file it read changed', () => {
    const base = 'rulesets/rijnmond-2019-2023.sroi';
    const variant = 'rulesets/schiedam-legacy.sroi';
    const other = 'rulesets/rijnmond-2023-2027.sroi';
    const service = new LanguageService({
      documents: {
        [base]: shipped('rijnmond-2019-2023.sroi'),
        [variant]: shipped('schiedam-legacy.sroi'),
        [other]: shipped('rijnmond-2023-2027.sroi'),
      },
    });
    const first = service.compile(variant);
    service.setDocument(other, `${shipped('rijnmond-2023-2027.sroi')}\n# edited\n`);
    expect(service.compile(variant)).toBe(first);
    service.setDocument(base, `${shipped('rijnmond-2019-2023.sroi')}\n# edited\n`);
    const second = service.compile(variant);
    expect(second).not.toBe(first);
    expect(second!.sources.get(base)!.text).toMatch(/# edited\n$/);
  });

  it('compiles a variant again once its missing base is added', () => {
    const service = new LanguageService({ documents: { 'v.sroi': shipped('schiedam-legacy.sroi') } });
    expect(service.getDiagnostics('v.sroi').map((d) => d.code)).toContain('SR2009');
    service.setDocument('rijnmond-2019-2023.sroi', shipped('rijnmond-2019-2023.sroi'));
    expect(service.getDiagnostics('v.sroi').filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('compiles a variant again once a base that was not a ruleset (SR2101) is one again', () => {
    const base = shipped('rijnmond-2019-2023.sroi');
    const service = new LanguageService({
      documents: { 'v.sroi': shipped('schiedam-legacy.sroi'), 'rijnmond-2019-2023.sroi': `x${base}` },
    });
    expect(service.getDiagnostics('v.sroi').map((d) => d.code)).toContain('SR2101');
    // Found by the property test in service.prop.test.ts (seed 267193216): `#` makes the stray
    // first line a comment, so the base is a ruleset again.
    service.setDocument('rijnmond-2019-2023.sroi', `#x${base}`);
    expect(service.getDiagnostics('v.sroi').filter((d) => d.severity === 'error')).toEqual([]);
  });
});

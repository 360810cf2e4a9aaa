// The service against the whole-text compiler, and its requests against broken text: after any
// sequence of edits to a variant and its base, the diagnostics are those of `compileSource` of the
// current texts, and no request throws at any offset of any edited text.
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { compileSource, type SourceHost } from '@sroi/compiler';
import { describe, expect } from 'vitest';
import { LanguageService } from '../src/index.js';
import { renderDiagnostics } from '../src/diagnostics.js';

const read = (name: string) => readFileSync(new URL(`../../../rulesets/${name}`, import.meta.url), 'utf8');
const BASE = 'rulesets/rijnmond-2019-2023.sroi';
const VARIANT = 'rulesets/schiedam-legacy.sroi';
const texts = { [BASE]: read('rijnmond-2019-2023.sroi'), [VARIANT]: read('schiedam-legacy.sroi') };

/** Snippets an author types: words, names of the rulesets, operators, line breaks, a stray quote. */
const snippet = fc.constantFrom(
  'x',
  ' ',
  '\n',
  '\n  ',
  'drempel',
  'drempl',
  '€ 5',
  ' + ',
  '(',
  ')',
  '"',
  '#',
  'als ',
  'contract.',
  'activiteit.',
  'waardering plaatsing = ',
  'parameter p: bedrag = € 1\n',
  ':',
  '|',
);

/** An edit: replace `length` characters at a relative position of one file by a snippet. */
const edit = fc.record({
  file: fc.constantFrom(BASE, VARIANT),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(12),
  text: snippet,
});

const applyEdit = (text: string, e: { at: number; length: number; text: string }) => {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.text + text.slice(at + e.length);
};

describe('language service', () => {
  test.prop([fc.array(edit, { minLength: 1, maxLength: 3 })], { numRuns: 12 })(
    'after any edits to a variant and its base, its diagnostics are those of compileSource on the current texts',
    (edits) => {
      const service = new LanguageService({ documents: texts });
      const current: Record<string, string> = { ...texts };
      service.getDiagnostics(VARIANT);
      for (const e of edits) {
        current[e.file] = applyEdit(current[e.file]!, e);
        service.setDocument(e.file, current[e.file]!);
        const host: SourceHost = {
          readFile: (p) =>
            current[p] === undefined ? { error: 'bestand bestaat niet' } : { text: current[p] },
          resolve: (_from, relative) => `rulesets/${relative}`,
        };
        for (const path of [VARIANT, BASE]) {
          const expected = renderDiagnostics(
            compileSource(path, current[path]!, host).diagnostics,
            path,
            'nl',
          );
          expect(service.getDiagnostics(path)).toEqual(expected);
        }
      }
    },
  );

  test.prop([edit, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 })], {
    numRuns: 50,
  })('no request throws at any offset of an edited text', (e, offsets) => {
    const service = new LanguageService({ documents: texts });
    const text = applyEdit(texts[e.file]!, e);
    service.setDocument(e.file, text);
    for (const o of offsets) {
      const offset = Math.floor(o * text.length);
      service.getCompletions(e.file, offset);
      service.getHover(e.file, offset);
      service.getDefinition(e.file, offset);
      service.getReferences(e.file, offset);
      service.prepareRename(e.file, offset);
      service.rename(e.file, offset, 'nieuwe_naam');
      service.ruleAt(e.file, offset);
      service.getCodeActions(e.file, { start: offset, end: offset });
    }
    service.getDocumentSymbols(e.file);
    service.getSemanticTokens(e.file);
    service.formatDocument(e.file);
  });
});

// `sroi check --bronnen DIR`: reads the text of each document a ruleset quotes from DIR and has
// the compiler check every quotation against it; without DIR, says once that nothing was checked.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '@sroi/core';
import { checkQuotations, quotationCount, type CheckedModel } from '@sroi/compiler';
import { readText } from './host.js';

/** The diagnostics of the quotations of a checked ruleset: against DIR, or SR5401 without one. */
export function citationDiagnostics(model: CheckedModel, dir: string | undefined): Diagnostic[] {
  if (dir === undefined) {
    const count = quotationCount(model.citations);
    return count === 0 ? [] : [diagnostic('SR5401', { count }, { span: model.merged.header.name.span })];
  }
  const rootFile = model.merged.root.file;
  // The documents this file declares, and those of its bases that it quotes.
  const needed = new Map(
    [...model.documents.values()].filter((d) => d.span.file === rootFile).map((d) => [d.name.name, d]),
  );
  for (const c of model.citations)
    if (c.document && c.provenance.quotes.length > 0) needed.set(c.document.name.name, c.document);
  const out: Diagnostic[] = [];
  const texts = new Map<string, string>();
  for (const d of needed.values()) {
    const files = d.files.filter((f) => !/[/\\]/.test(f.value) && f.value !== '.' && f.value !== '..');
    if (files.length === 0) continue;
    let problem: Diagnostic | undefined;
    for (const f of files) {
      const path = join(dir, f.value);
      if (!existsSync(path)) {
        problem ??= diagnostic(
          'SR5400',
          { name: `'${d.name.name}'`, file: `'${f.value}'`, dir: `'${dir}'` },
          { span: f.span },
        );
        continue;
      }
      const read = readText(path);
      if ('reason' in read) {
        problem ??= diagnostic(
          'SR5402',
          {
            name: `'${d.name.name}'`,
            file: `'${f.value}'`,
            reason: read.reason.nl,
            'reason@en': read.reason.en,
          },
          { span: f.span },
        );
        continue;
      }
      if (read.invalidAt !== undefined) {
        problem ??= diagnostic(
          'SR5402',
          {
            name: `'${d.name.name}'`,
            file: `'${f.value}'`,
            reason: `geen UTF-8 op positie ${read.invalidAt}`,
            'reason@en': `not UTF-8 at offset ${read.invalidAt}`,
          },
          { span: f.span },
        );
        continue;
      }
      texts.set(d.name.name, read.text);
      problem = undefined;
      break;
    }
    if (problem) out.push(problem);
  }
  return [...out, ...checkQuotations(model.citations, texts)];
}

// Citations: which declared document each `bron` and `aanname` cites, and whether its quotations
// ('...') are in that document word for word. The names are checked with the ruleset; the texts
// arrive from outside (`sroi check --bronnen` reads them), so the compiler never touches a disk.
import { diagnostic, suggestNames, type Diagnostic } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { eachProvenance } from '../resolve/assumptions.js';
import type { MergedRuleset } from '../resolve/merge.js';
import { closestPassage, comparable, comparableQuote, occursIn, passageText } from './quote-match.js';

/** A `bron` or `aanname` of the ruleset's own file, with the document it cites. */
export interface Citation {
  /** What it is about: "parameter drempel vanaf 2023-07-01". */
  readonly owner: string;
  readonly provenance: A.Provenance;
  /** Absent when the text names no document, or one that is not declared (SR2300). */
  readonly document?: A.SourceDocument;
}

/** Documents by name and the citations of the root file; names checked. */
export function checkCitations(merged: MergedRuleset): {
  readonly documents: ReadonlyMap<string, A.SourceDocument>;
  readonly citations: readonly Citation[];
  readonly diagnostics: readonly Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const rootFile = merged.root.file;
  const documents = new Map(merged.header.documents.map((d) => [d.name.name, d]));
  const own = new Map<string, A.SourceDocument>();
  for (const d of merged.root.header.documents) {
    const twin = own.get(d.name.name);
    if (twin)
      diagnostics.push(
        diagnostic(
          'SR2302',
          { name: `'${d.name.name}'` },
          { span: d.name.span },
          { related: [{ span: twin.name.span, code: 'SR2302', args: { name: `'${d.name.name}'` } }] },
        ),
      );
    else own.set(d.name.name, d);
    for (const f of d.files)
      if (/[/\\]/.test(f.value) || f.value === '.' || f.value === '..')
        diagnostics.push(diagnostic('SR2304', { file: `'${f.value}'` }, { span: f.span }));
  }
  const citations: Citation[] = [];
  eachProvenance(merged, (owner, list) => {
    for (const p of list) {
      if (p.span.file !== rootFile) continue;
      if (p.unclosedQuote) diagnostics.push(diagnostic('SR2303', {}, { span: p.unclosedQuote.span }));
      const name = p.document?.name;
      const document = name === undefined ? undefined : documents.get(name);
      if (p.document && !document)
        diagnostics.push(
          diagnostic(
            'SR2300',
            { name: `'${p.document.name}'`, bare: p.document.name },
            { span: p.document.span },
            { suggestions: suggestNames(p.document.name, documents.keys()) },
          ),
        );
      if (!p.document && p.quotes.length > 0)
        diagnostics.push(diagnostic('SR2301', {}, { span: p.quotes[0]!.span }));
      if (p.document || p.quotes.length > 0)
        citations.push({ owner, provenance: p, ...(document ? { document } : {}) });
    }
  });
  return { documents, citations, diagnostics };
}

/** The quotations the citations make, in all. */
export const quotationCount = (citations: readonly Citation[]): number =>
  citations.reduce((n, c) => n + (c.document ? c.provenance.quotes.length : 0), 0);

/**
 * Checks every quotation against the text of its document. `texts` holds the texts that were
 * found, by document name; a document that names no file is reported once (SR2311), and one
 * whose file was looked for but not found is left to the caller, who knows where it looked.
 */
export function checkQuotations(
  citations: readonly Citation[],
  texts: ReadonlyMap<string, string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prepared = new Map<string, { original: string; comparable: ReturnType<typeof comparable> }>();
  const unavailable = new Set<string>();
  for (const c of citations) {
    const d = c.document;
    if (!d || c.provenance.quotes.length === 0) continue;
    const text = texts.get(d.name.name);
    if (text === undefined) {
      if (d.files.length === 0 && !unavailable.has(d.name.name)) {
        unavailable.add(d.name.name);
        out.push(diagnostic('SR2311', { name: `'${d.name.name}'` }, { span: d.name.span }));
      }
      continue;
    }
    let document = prepared.get(d.name.name);
    if (!document) {
      const original = text.normalize('NFC');
      document = { original, comparable: comparable(original) };
      prepared.set(d.name.name, document);
    }
    for (const q of c.provenance.quotes) {
      const quote = comparableQuote(q.text.normalize('NFC'));
      if (occursIn(quote, document.comparable)) continue;
      const passage = closestPassage(quote, document.comparable);
      out.push(
        diagnostic(
          'SR2310',
          { document: `'${d.title.value || d.name.name}'` },
          { span: q.span },
          { suggestions: passage ? [passageText(document.original, passage)] : [] },
        ),
      );
    }
  }
  return out;
}

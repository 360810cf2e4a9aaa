// Go to definition, find references and rename, over the occurrence index of every document
// that shares the symbol: a document, the bases it extends, and the variants that extend it.
import { enumerationNames, isStandardOutcome } from '@sroi/core';
import { sroiLexer, Identifier, keywordList } from '@sroi/grammar';
import type { DocumentAnalysis, Workspace } from './analysis.js';
import { occurrenceAt, type Occurrence, type SymbolRef } from './occurrences.js';
import { lineEnd, lineStart } from './text.js';
import { say } from './texts.js';
import type { Location, PrepareRename, RenameResult, TextEdit } from './types.js';

const declaredKinds: ReadonlySet<SymbolRef['kind']> = new Set([
  'enumeration',
  'enum-value',
  'value',
  'scoped-definition',
  'outcome',
  'route',
  'column',
  'document',
]);

/** Whether a symbol is declared in rulesets (the others come from the vocabulary or the language). */
export const isDeclared = (s: SymbolRef): boolean => declaredKinds.has(s.kind);

const location = (path: string, o: Occurrence): Location => ({ path, range: o.range });

/** The declarations of a symbol along a document's chain, the effective (nearest) one first. */
export function declarationsOf(ws: Workspace, doc: DocumentAnalysis, id: string): Location[] {
  const out: Location[] = [];
  for (const path of doc.chain) {
    const a = path === doc.path ? doc : ws.analyze(path);
    for (const o of a?.occurrences ?? []) if (o.declaration && o.id === id) out.push(location(path, o));
  }
  return out;
}

/** Where the name at an offset is declared: the declaration in effect first, then those it overrides. */
export function definition(ws: Workspace, doc: DocumentAnalysis, offset: number): Location[] {
  const o = occurrenceAt(doc.occurrences, offset);
  return o && isDeclared(o.symbol) ? declarationsOf(ws, doc, o.id) : [];
}

/**
 * The documents that share a symbol of `doc`: those whose chain holds the document that declares
 * it first (the deepest base), or `doc`'s own chain for a symbol no ruleset declares.
 */
function family(ws: Workspace, doc: DocumentAnalysis, id: string, declared: boolean): DocumentAnalysis[] {
  const declarations = declared ? declarationsOf(ws, doc, id) : [];
  const origin = declarations.at(-1)?.path;
  if (!origin) return doc.chain.flatMap((p) => (p === doc.path ? [doc] : (ws.analyze(p) ?? [])));
  const out: DocumentAnalysis[] = [];
  for (const path of ws.documentPaths()) {
    const a = path === doc.path ? doc : ws.analyze(path);
    if (a?.chain.includes(origin)) out.push(a);
  }
  return out;
}

/** Every occurrence of the symbol at an offset in the documents that share it. */
export function references(
  ws: Workspace,
  doc: DocumentAnalysis,
  offset: number,
  includeDeclaration: boolean,
): Location[] {
  const o = occurrenceAt(doc.occurrences, offset);
  if (!o) return [];
  const out: Location[] = [];
  for (const a of family(ws, doc, o.id, isDeclared(o.symbol)))
    for (const x of a.occurrences)
      if (x.id === o.id && (includeDeclaration || !x.declaration)) out.push(location(a.path, x));
  return out;
}

/** The keyword spellings of the grammar, to refuse renaming them and renaming to them. */
const keywords = new Set(keywordList.map((k) => k.spelling));

/** The word at an offset, as the lexer reads it. */
function wordAt(text: string, offset: number): string | undefined {
  const { tokens } = sroiLexer.tokenize(text.slice(lineStart(text, offset), lineEnd(text, offset)));
  const base = lineStart(text, offset);
  const t = tokens.find(
    (t) => base + t.startOffset <= offset && offset <= base + t.startOffset + t.image.length,
  );
  return t?.image;
}

/** Why a symbol cannot be renamed, or undefined when it can. */
function refusal(ws: Workspace, s: SymbolRef): string | undefined {
  const name = s.name;
  if (!isDeclared(s)) return say(s.kind === 'function' ? 'builtin' : 'vocabulary', ws.language, { name });
  if (s.kind === 'outcome' && isStandardOutcome(name)) return say('standardOutcome', ws.language, { name });
  if (s.kind === 'enumeration' && (enumerationNames as readonly string[]).includes(name))
    return say('vocabulary', ws.language, { name });
  return undefined;
}

export function prepareRename(ws: Workspace, doc: DocumentAnalysis, offset: number): PrepareRename {
  const o = occurrenceAt(doc.occurrences, offset);
  if (!o) {
    const word = wordAt(doc.text, offset);
    if (word && keywords.has(word)) return { ok: false, reason: say('keyword', ws.language, { name: word }) };
    return { ok: false, reason: say('notAName', ws.language) };
  }
  const refused = refusal(ws, o.symbol);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, range: o.range, placeholder: o.symbol.name };
}

/** Whether `name` lexes as exactly one name that is not a keyword. */
function isValidName(name: string): boolean {
  const { tokens, errors } = sroiLexer.tokenize(name);
  return (
    errors.length === 0 &&
    tokens.length === 1 &&
    tokens[0]!.tokenType === Identifier &&
    tokens[0]!.image === name
  );
}

/** Whether `name` is already taken where `s` lives, in one document's compilation. */
function taken(a: DocumentAnalysis, s: SymbolRef, name: string): boolean {
  const m = a.result.model;
  if (!m) return a.occurrences.some((o) => o.symbol.kind === s.kind && o.symbol.name === name);
  switch (s.kind) {
    case 'enumeration':
      return m.enumerations.has(name);
    case 'route':
      return m.routes.some((r) => r.name.name === name);
    case 'column': {
      const t = m.tables.get(s.table);
      return !!t && [...t.inputs, ...t.outputs].some((c) => c.name.name === name);
    }
    default:
      // Formula names share one scope: definitions, outcomes, parameters, tables, enumeration values.
      return (
        m.parameters.has(name) ||
        m.tables.has(name) ||
        m.outcomes.has(name) ||
        [...m.definitions.values()].some((d) => d.name.name === name) ||
        [...m.enumerations.values()].some((e) => e.values.some((v) => v.name === name)) ||
        name === 'peildatum' ||
        name === 'reference-date'
      );
  }
}

export function rename(ws: Workspace, doc: DocumentAnalysis, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(ws, doc, offset);
  if (!prepared.ok) return prepared;
  const o = occurrenceAt(doc.occurrences, offset)!;
  if (newName === o.symbol.name) return { ok: true, edit: {} };
  if (!isValidName(newName)) return { ok: false, reason: say('invalidName', ws.language, { name: newName }) };
  const docs = family(ws, doc, o.id, true);
  for (const a of docs)
    if (taken(a, o.symbol, newName))
      return { ok: false, reason: say('collision', ws.language, { name: newName, path: a.path }) };
  const edit: Record<string, TextEdit[]> = {};
  for (const a of docs) {
    const edits = a.occurrences
      .filter((x) => x.id === o.id)
      .map((x) => ({ range: x.range, newText: newName }));
    if (edits.length > 0) edit[a.path] = edits;
  }
  return { ok: true, edit };
}

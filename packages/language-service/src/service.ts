// The language service: documents in memory, each compiled by the compiler's incremental
// `CompilerSession`; every request is answered from the latest compilation (AST, checked model,
// diagnostics) of the document it is about. No editor types: an LSP server or Monaco adapter maps
// these plain ranges and edits.
import { CompilerSession, type CompileResult } from '@sroi/compiler';
import type { Language } from '@sroi/core';
import { DocumentStore, normalizePath } from './documents.js';
import { DocumentAnalysis, type Workspace } from './analysis.js';
import { renderDiagnostics } from './diagnostics.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { formatDocument, quickFixes } from './code-actions.js';
import { complete } from './completion.js';
import { hover } from './hover.js';
import { semanticTokens } from './semantic-tokens.js';
import { declarationAt, declarationByHeading, documentSymbols, headerRule, ruleOf } from './symbols.js';
import { say } from './texts.js';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  ExplanationNodeRef,
  FormatResult,
  Hover,
  LanguageServiceOptions,
  Location,
  PrepareRename,
  RenameResult,
  RuleRef,
  SemanticToken,
  ServiceDiagnostic,
  TextRange,
} from './types.js';

/** A document's latest analysis, with the store version it was made at. */
interface Compiled {
  readonly version: number;
  readonly analysis: DocumentAnalysis;
}

/** Whether an analysis still holds: every file its compilation read (or failed to read) is unchanged. */
function current(known: Compiled, store: DocumentStore): boolean {
  if (known.version === store.version) return true;
  for (const [path, text] of known.analysis.result.reads) if (store.get(path) !== text) return false;
  return true;
}

/** The offset of a 1-based line and column (as explanations and the CLI give places). */
export function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(start + column - 1, text.length);
}

/** Editor support over a set of documents; see the package README for each request. */
export class LanguageService implements Workspace {
  private readonly store = new DocumentStore();
  private readonly sessions = new Map<string, CompilerSession>();
  private readonly compiled = new Map<string, Compiled>();
  private lang: Language;

  constructor(options: LanguageServiceOptions = {}) {
    for (const [path, text] of Object.entries(options.documents ?? {})) this.store.set(path, text);
    this.lang = options.language ?? 'nl';
  }

  /** The language of messages, hovers and descriptions. */
  get language(): Language {
    return this.lang;
  }

  set language(language: Language) {
    this.lang = language;
  }

  /** Adds a document or replaces its text (after every edit in the editor). */
  setDocument(path: string, text: string): void {
    this.store.set(path, text);
  }

  /** Forgets a document. */
  removeDocument(path: string): void {
    const key = normalizePath(path);
    this.store.delete(key);
    this.sessions.delete(key);
    this.compiled.delete(key);
  }

  /** The current text of a document. */
  getDocument(path: string): string | undefined {
    return this.store.get(path);
  }

  /** The paths of all documents. */
  documentPaths(): string[] {
    return this.store.paths();
  }

  /**
   * The latest compilation of a document (diagnostics, AST, checked model, IR when there are no
   * errors), made now if any document changed since; undefined for an unknown document.
   */
  compile(path: string): CompileResult | undefined {
    return this.analyze(path)?.result;
  }

  /** The latest analysis of a document (its compilation and resolved names); for the requests. */
  analyze(path: string): DocumentAnalysis | undefined {
    const key = normalizePath(path);
    const text = this.store.get(key);
    if (text === undefined) return undefined;
    const known = this.compiled.get(key);
    if (known && current(known, this.store)) return known.analysis;
    let session = this.sessions.get(key);
    if (!session) {
      session = new CompilerSession(key, this.store);
      this.sessions.set(key, session);
    }
    const analysis = new DocumentAnalysis(key, text, session.update(text));
    this.compiled.set(key, { version: this.store.version, analysis });
    return analysis;
  }

  /** The document's diagnostics as the CLI reports them (its bases' too, with their paths). */
  getDiagnostics(path: string, language: Language = this.lang): ServiceDiagnostic[] {
    const result = this.compile(path);
    return result ? renderDiagnostics(result.diagnostics, normalizePath(path), language) : [];
  }

  /** Completion at an offset. */
  getCompletions(path: string, offset: number): CompletionList {
    const doc = this.analyze(path);
    return doc ? complete(doc, offset, this.lang) : { range: { start: offset, end: offset }, items: [] };
  }

  /** Hover at an offset. */
  getHover(path: string, offset: number): Hover | undefined {
    const doc = this.analyze(path);
    return doc ? hover(this, doc, offset) : undefined;
  }

  /** Quick fixes for the diagnostics that touch a range (one per "did you mean" suggestion). */
  getCodeActions(path: string, range: TextRange): CodeAction[] {
    const doc = this.analyze(path);
    return doc ? quickFixes(doc.path, doc.text, doc.result.diagnostics, range, this.lang) : [];
  }

  /** Formats the document with the project's formatter (comments kept). */
  formatDocument(path: string): FormatResult {
    const key = normalizePath(path);
    const text = this.store.get(key);
    return text === undefined ? this.unknown(path) : formatDocument(key, text, this.lang);
  }

  /** Where the name at an offset is declared. */
  getDefinition(path: string, offset: number): Location[] {
    const doc = this.analyze(path);
    return doc ? definition(this, doc, offset) : [];
  }

  /** Every use of the name at an offset (and its declaration, unless asked not to). */
  getReferences(path: string, offset: number, includeDeclaration = true): Location[] {
    const doc = this.analyze(path);
    return doc ? references(this, doc, offset, includeDeclaration) : [];
  }

  /** Whether the name at an offset can be renamed (keywords, builtins and fields cannot). */
  prepareRename(path: string, offset: number): PrepareRename {
    const doc = this.analyze(path);
    return doc ? prepareRename(this, doc, offset) : this.unknown(path);
  }

  /** Renames the name at an offset everywhere; refused when the new name is taken or not a name. */
  rename(path: string, offset: number, newName: string): RenameResult {
    const doc = this.analyze(path);
    return doc ? rename(this, doc, offset, newName) : this.unknown(path);
  }

  /** The outline of the document. */
  getDocumentSymbols(path: string): DocumentSymbol[] {
    const doc = this.analyze(path);
    return doc?.result.ast ? documentSymbols(doc.text, doc.result.ast) : [];
  }

  /** What every name in the document refers to, from the checked model. */
  getSemanticTokens(path: string): SemanticToken[] {
    const doc = this.analyze(path);
    return doc ? semanticTokens(doc.occurrences) : [];
  }

  /** The rule (declaration) that holds an offset. */
  ruleAt(path: string, offset: number): RuleRef | undefined {
    const doc = this.analyze(path);
    const ast = doc?.result.ast;
    if (!doc || !ast) return undefined;
    const d = declarationAt(ast, offset);
    if (d) return ruleOf(doc.path, doc.text, d);
    const h = ast.header.span;
    return h.start <= offset && offset <= h.end ? headerRule(doc.path, ast) : undefined;
  }

  /**
   * The rule an explanation node comes from: found by its place when it has one, else by its
   * heading (`definitie basiswaarde`), in `path` and the documents it extends.
   */
  ruleForExplanation(path: string, node: ExplanationNodeRef): RuleRef | undefined {
    const doc = this.analyze(path);
    if (!doc) return undefined;
    const place = node.plaats;
    if (place) {
      const file = normalizePath(place.bestand);
      const source = doc.result.sources.get(file);
      if (source) {
        const rule = this.ruleAt(file, offsetAt(source.text, place.regel, place.kolom));
        if (rule) return rule;
      }
    }
    // No place (or a stale one): the heading names the declaration, nearest in the chain first.
    for (const p of doc.chain) {
      const a = p === doc.path ? doc : this.analyze(p);
      const d = a?.result.ast && declarationByHeading(a.result.ast, node.regel);
      if (a && d) return ruleOf(a.path, a.text, d);
    }
    return undefined;
  }

  private unknown(path: string): { ok: false; reason: string } {
    return { ok: false, reason: say('unknownDocument', this.lang, { path }) };
  }
}

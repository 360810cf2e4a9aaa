// The language service's vocabulary: plain ranges and edits as LSP has them, with 0-based UTF-16
// offsets that match the compiler's spans, so an editor (Monaco) or an LSP server maps them as is.
import type { Language, Severity } from '@sroi/core';

export type { Language, Severity };

/** A half-open range [start, end) of 0-based UTF-16 offsets in one document. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A range in a named document (`path` as given to `setDocument`). */
export interface Location {
  readonly path: string;
  readonly range: TextRange;
}

/** Replace `range` by `newText`; edits of one document never overlap. */
export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** Edits per document path. */
export type WorkspaceEdit = Readonly<Record<string, readonly TextEdit[]>>;

/** A related location that explains a diagnostic (e.g. the other row of an overlap). */
export interface RelatedDiagnostic {
  readonly path: string;
  readonly range: TextRange;
  readonly message: string;
}

/** A diagnostic as the CLI reports it, rendered in one language. */
export interface ServiceDiagnostic {
  /** The catalogue's stable code, e.g. `SR2001`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The catalogue's hint, with "did you mean ...?" when there are suggestions. */
  readonly hint?: string;
  /** The document the diagnostic is in: the asked one, or a base it extends (`breidt uit`). */
  readonly path: string;
  readonly range: TextRange;
  /** Names or values the author may have meant; each has a quick fix (`getCodeActions`). */
  readonly suggestions?: readonly string[];
  readonly related?: readonly RelatedDiagnostic[];
}

/** What a completion item is, for its icon and sort order. */
export type CompletionKind =
  | 'keyword'
  | 'parameter'
  | 'table'
  | 'definition'
  | 'outcome'
  | 'valuation'
  | 'enumeration'
  | 'enum-value'
  | 'field'
  | 'column'
  | 'unit'
  | 'type'
  | 'activity-kind'
  | 'route'
  | 'function';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Short description: the type, the enumeration, "sleutelwoord", ... */
  readonly detail?: string;
  /** Longer text (markdown-free plain text): a field's documentation, a keyword's meaning. */
  readonly documentation?: string;
  /** Replaces `range` (the word being typed) when accepted. */
  readonly insertText: string;
  readonly sortText: string;
}

export interface CompletionList {
  /** The word before the cursor that the items replace (empty at a blank). */
  readonly range: TextRange;
  readonly items: readonly CompletionItem[];
}

/** Hover text as plain paragraphs (never HTML: the editor renders them as text or markdown-escaped). */
export interface Hover {
  readonly range: TextRange;
  /** The first line names the thing (`parameter drempel: bedrag`); later lines add detail. */
  readonly contents: readonly string[];
}

/** A quick fix or another action on a range. */
export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'source.format';
  /** The diagnostic it fixes (its code and range), for quick fixes. */
  readonly diagnostic?: { readonly code: string; readonly range: TextRange };
  readonly edit: WorkspaceEdit;
  /** Whether this is the most likely fix (the first suggestion). */
  readonly isPreferred?: boolean;
}

/** The result of a format request: the edits, or why the text cannot be formatted (syntax errors). */
export type FormatResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly reason: string };

/** Whether and what can be renamed at an offset. */
export type PrepareRename =
  | { readonly ok: true; readonly range: TextRange; readonly placeholder: string }
  | { readonly ok: false; readonly reason: string };

export type RenameResult =
  { readonly ok: true; readonly edit: WorkspaceEdit } | { readonly ok: false; readonly reason: string };

export type SymbolKind =
  | 'ruleset'
  | 'period'
  | 'enumeration'
  | 'parameter'
  | 'table'
  | 'definition'
  | 'valuation'
  | 'route'
  | 'outcome'
  | 'example'
  | 'property';

/** An entry of the outline. */
export interface DocumentSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  /** The type or a short description (`bedrag per jaar`, `uniek`, the route's label). */
  readonly detail?: string;
  /** The whole declaration. */
  readonly range: TextRange;
  /** The name (for selection); the keyword when the declaration has no name. */
  readonly selectionRange: TextRange;
  readonly children: readonly DocumentSymbol[];
}

/** How a token is highlighted; derived from the grammar's token types. */
export type TokenCategory =
  | 'keyword'
  | 'type'
  | 'unit'
  | 'constant'
  | 'identifier'
  | 'string'
  | 'number'
  | 'date'
  | 'comment'
  | 'operator'
  | 'delimiter'
  | 'invalid';

/** Every token category, for an editor's theme. */
export type TokenCategoryList = readonly TokenCategory[];

/** One token of a text with its category. */
export interface ClassifiedToken {
  readonly start: number;
  readonly end: number;
  readonly category: TokenCategory;
}

/**
 * A semantic refinement of identifiers from the checked model: what a name in the document refers
 * to. Ranges are those of the names.
 */
export interface SemanticToken {
  readonly start: number;
  readonly end: number;
  readonly kind:
    | 'parameter'
    | 'table'
    | 'definition'
    | 'outcome'
    | 'enumeration'
    | 'enum-value'
    | 'field'
    | 'column'
    | 'activity-kind'
    | 'route'
    | 'function';
  /** Set on the name in a declaration. */
  readonly declaration: boolean;
}

/**
 * The words of the grammar for a regular-expression highlighter (Monaco's Monarch): spellings by
 * category, all from the grammar's token definitions.
 */
export interface HighlightWords {
  readonly keywords: readonly string[];
  readonly types: readonly string[];
  readonly units: readonly string[];
  readonly constants: readonly string[];
  /** Regular-expression sources for the literal and operator tokens, as the lexer uses them. */
  readonly patterns: {
    readonly identifier: string;
    readonly string: string;
    readonly date: string;
    readonly number: string;
    readonly comment: string;
    readonly operator: string;
  };
}

/**
 * A node of an evaluation's explanation (`Uitleg` of `@sroi/evaluator`), as much as is needed to
 * find its rule: its heading (`definitie basiswaarde`) and its place (1-based line and column).
 */
export interface ExplanationNodeRef {
  readonly regel: string;
  readonly plaats?: { readonly bestand: string; readonly regel: number; readonly kolom: number };
}

/** A rule (declaration) of a document: what an explanation node or an offset points at. */
export interface RuleRef {
  /** The declaration's keyword and name as the explanation heads it: `definitie basiswaarde`. */
  readonly rule: string;
  readonly kind: SymbolKind;
  readonly name: string;
  readonly path: string;
  /** The whole declaration. */
  readonly range: TextRange;
  /** Its name. */
  readonly selectionRange: TextRange;
}

/** Options of a language service. */
export interface LanguageServiceOptions {
  /** Documents to start with (path → text), e.g. the shipped rulesets so `breidt uit` resolves. */
  readonly documents?: Readonly<Record<string, string>>;
  /** Language of messages, hovers and descriptions; `nl` by default. */
  readonly language?: Language;
}

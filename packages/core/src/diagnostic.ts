// The one diagnostic type every stage returns (STYLE 7, 9): user errors are values, not exceptions.
import type { Span } from './span.js';
import { messages, type DiagnosticCode, type MessageDefinition, type Severity } from './messages.js';
import { notAnErrorSeverity } from './severities.js';

const severityOf = (code: DiagnosticCode): Severity =>
  (notAnErrorSeverity as Partial<Record<DiagnosticCode, Severity>>)[code] ?? 'error';

export type { Severity };
export type Language = 'nl' | 'en';

/** Named values filled into a message template: `{name}` in the catalogue. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** A secondary location that explains the main one (e.g. the other side of an overlap). */
export interface RelatedInformation {
  readonly span: Span;
  readonly code: DiagnosticCode;
  readonly args?: MessageArgs;
}

/** A problem found in a ruleset, an IR document or a contract. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly args: MessageArgs;
  /** Where in a source file; absent for problems of JSON input, which carry `path`. */
  readonly span?: Span;
  /** JSON path into a contract or IR document, e.g. `activiteiten[0].fte`. */
  readonly path?: string;
  readonly related?: readonly RelatedInformation[];
  /** Names or values the user may have meant ("did you mean ...?"). */
  readonly suggestions?: readonly string[];
}

/** What a stage returns: its value (possibly partial) and everything it noticed. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export function diagnostic(
  code: DiagnosticCode,
  args: MessageArgs,
  where: { span?: Span; path?: string } = {},
  extra: {
    related?: readonly RelatedInformation[];
    suggestions?: readonly string[];
    severity?: Severity;
  } = {},
): Diagnostic {
  const d: {
    -readonly [K in keyof Diagnostic]: Diagnostic[K];
  } = { code, severity: extra.severity ?? severityOf(code), args };
  if (where.span) d.span = where.span;
  if (where.path !== undefined) d.path = where.path;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  if (extra.suggestions && extra.suggestions.length > 0) d.suggestions = extra.suggestions;
  return d;
}

/**
 * A template with its `{name}` arguments filled in (the catalogue's, and the CLI's usage messages).
 * An argument may also have a value for one language, `name@en`, which `{name}` shows in that
 * language: text a diagnostic quotes from a bilingual source (a field's description).
 */
export const fillTemplate = (template: string, args: MessageArgs, lang?: Language): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = (lang !== undefined ? args[`${name}@${lang}`] : undefined) ?? args[name];
    return v === undefined ? whole : String(v);
  });

/** The message of a code in a language, with its arguments filled in. */
export function renderMessage(code: DiagnosticCode, args: MessageArgs, lang: Language = 'nl'): string {
  return fillTemplate(messages[code][lang], args, lang);
}

const didYouMean = { nl: 'Bedoelde je {list}?', en: 'Did you mean {list}?' };
const or = { nl: ' of ', en: ' or ' };

/** The hint of a diagnostic: the catalogue's hint and, if any, "did you mean ...?". */
export function renderHint(d: Diagnostic, lang: Language = 'nl'): string | undefined {
  const parts: string[] = [];
  if (d.suggestions && d.suggestions.length > 0) {
    const quoted = d.suggestions.map((s) => `'${s}'`);
    const list =
      quoted.length === 1
        ? quoted[0]!
        : `${quoted.slice(0, -1).join(', ')}${or[lang]}${quoted[quoted.length - 1]}`;
    parts.push(fillTemplate(didYouMean[lang], { list }));
  }
  const hint = (messages[d.code] as MessageDefinition).hint;
  if (hint) parts.push(fillTemplate(hint[lang], d.args, lang));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * Text order by UTF-16 code units: deterministic everywhere, and without `localeCompare`, whose
 * first call builds an ICU collator (about 8 ms of every process start, measured).
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders diagnostics by file and position, errors first at equal positions. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...ds].sort(
    (a, b) =>
      compareText(a.span?.file ?? '', b.span?.file ?? '') ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      rank[a.severity] - rank[b.severity] ||
      compareText(a.code, b.code),
  );
}

// Diagnostics for people and machines: the source line with a caret underline (text), one line
// per problem (gnu: file:line:col: error SR2001: ...), or JSON. Same data, three renderings.
import {
  diagnostic,
  renderHint,
  renderMessage,
  SourceFile,
  type Diagnostic,
  type Language,
  type Span,
} from '@sroi/core';
import { jsonLocator, type JsonLocator } from './json-location.js';
import { safeLine } from './terminal.js';

import type { DiagnosticFormat } from '../options.js';

export type { DiagnosticFormat };

/** Where diagnostics point: ruleset files by path, and the JSON file that `path` diagnostics belong to. */
export interface SourceLookup {
  readonly files: ReadonlyMap<string, SourceFile>;
  /** The JSON input (contract or IR) that path-located diagnostics refer to. */
  readonly json?: SourceFile;
}

const severityWord: Record<Language, Record<Diagnostic['severity'], string>> = {
  nl: { error: 'fout', warning: 'waarschuwing', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

interface Located {
  readonly file: string;
  readonly source?: SourceFile;
  readonly start: number;
  readonly end: number;
}

/** One locator per JSON file: its text is parsed once for all its diagnostics. */
const locators = new WeakMap<SourceFile, JsonLocator>();

function locatorOf(source: SourceFile): JsonLocator {
  let locator = locators.get(source);
  if (!locator) locators.set(source, (locator = jsonLocator(source.text)));
  return locator;
}

function locate(d: Diagnostic, lookup: SourceLookup): Located | undefined {
  if (d.span) {
    const source =
      lookup.files.get(d.span.file) ?? (lookup.json?.path === d.span.file ? lookup.json : undefined);
    return { file: d.span.file, ...(source ? { source } : {}), start: d.span.start, end: d.span.end };
  }
  if (d.path !== undefined && lookup.json) {
    const at = locatorOf(lookup.json)(d.path);
    if (at) return { file: lookup.json.path, source: lookup.json, ...at };
    return { file: lookup.json.path, source: lookup.json, start: 0, end: 0 };
  }
  return undefined;
}

/** The message, prefixed with the JSON path for input problems. */
function message(d: Diagnostic, lang: Language): string {
  const text = renderMessage(d.code, d.args, lang);
  return d.path !== undefined ? `${d.path}: ${text}` : text;
}

function excerpt(source: SourceFile, start: number, end: number): string[] {
  const from = source.position(start);
  const to = source.position(Math.max(start, end - 1));
  const line = source.lineText(from.line);
  const width = String(from.line).length;
  const pad = ' '.repeat(width);
  const cut = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const caretEnd = to.line === from.line ? Math.max(to.column + 1, from.column + 1) : line.length + 1;
  // Control characters are shown escaped, which widens the line: carets follow the escaped text.
  const shown = (s: string) => safeLine(s.replace(/\t/g, ' '));
  const before = shown(cut.slice(0, from.column - 1)).length;
  const under = shown(cut.slice(from.column - 1, Math.min(caretEnd, cut.length + 1) - 1)).length;
  return [
    `${pad} |`,
    `${from.line} | ${shown(cut)}`,
    `${pad} | ${' '.repeat(before)}${'^'.repeat(Math.max(1, under))}`,
  ];
}

/** At most this many diagnostics per file in text and gnu output; JSON output has them all. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/**
 * The diagnostics to show, at most MAX_DIAGNOSTICS_PER_FILE per file in their order, and per file
 * how many are left out (SR5102 says so, after the file's last one shown).
 */
function bounded(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
): { shown: Diagnostic[]; more: Map<string, number> } {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return { shown: [...diagnostics], more: new Map() };
  const count = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const more = new Map<string, number>();
  for (const d of diagnostics) {
    const file = d.span?.file ?? (d.path !== undefined ? lookup.json?.path : undefined) ?? '';
    const n = (count.get(file) ?? 0) + 1;
    count.set(file, n);
    if (n <= MAX_DIAGNOSTICS_PER_FILE) shown.push(d);
    else more.set(file, n - MAX_DIAGNOSTICS_PER_FILE);
  }
  return { shown, more };
}

/** The line that says how many diagnostics of `file` are not shown. */
function moreLine(file: string, count: number, lang: Language, gnu: boolean): string {
  const d = diagnostic('SR5102', { count, limit: MAX_DIAGNOSTICS_PER_FILE });
  const where = file === '' ? 'sroi' : safeLine(file) + (gnu ? ':1:1' : '');
  const hint = renderHint(d, lang);
  const text = `${where}: ${severityWord[gnu ? 'en' : lang].info} SR5102: ${renderMessage(d.code, d.args, lang)}`;
  return gnu
    ? `${text}${hint ? ` (${hint})` : ''}`
    : `${text}\n  = ${lang === 'nl' ? 'tip' : 'hint'}: ${hint}`;
}

export function renderText(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  lang: Language = 'nl',
): string {
  const blocks: string[] = [];
  const { shown, more } = bounded(diagnostics, lookup);
  for (const d of shown) {
    const at = locate(d, lookup);
    const pos = at?.source ? at.source.position(at.start) : undefined;
    const where = at ? `${safeLine(at.file)}${pos ? `:${pos.line}:${pos.column}` : ''}: ` : '';
    const lines = [`${where}${severityWord[lang][d.severity]} ${d.code}: ${safeLine(message(d, lang))}`];
    if (at?.source && at.source.text.length > 0) lines.push(...excerpt(at.source, at.start, at.end));
    const hint = renderHint(d, lang);
    if (hint) lines.push(`  = ${lang === 'nl' ? 'tip' : 'hint'}: ${safeLine(hint)}`);
    for (const r of d.related ?? []) {
      const source =
        lookup.files.get(r.span.file) ?? (lookup.json?.path === r.span.file ? lookup.json : undefined);
      const p = source?.position(r.span.start);
      lines.push(
        `  = ${lang === 'nl' ? 'zie ook' : 'see also'} ${safeLine(r.span.file)}${p ? `:${p.line}:${p.column}` : ''}`,
      );
    }
    blocks.push(lines.join('\n'));
  }
  for (const [file, count] of more) blocks.push(moreLine(file, count, lang, false));
  return blocks.join('\n\n');
}

export function renderGnu(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  lang: Language = 'nl',
): string {
  const { shown, more } = bounded(diagnostics, lookup);
  const lines = shown.map((d) => {
    const at = locate(d, lookup);
    const pos = at?.source?.position(at.start);
    const where = at ? `${at.file}:${pos?.line ?? 1}:${pos?.column ?? 1}` : 'sroi';
    const hint = renderHint(d, lang);
    const text = `${message(d, lang)}${hint ? ` (${hint})` : ''}`;
    return `${safeLine(where)}: ${severityWord.en[d.severity]} ${d.code}: ${safeLine(text)}`;
  });
  for (const [file, count] of more) lines.push(moreLine(file, count, lang, true));
  return lines.join('\n');
}

/** Machine-readable diagnostics with positions resolved. */
export function diagnosticsJson(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  lang: Language = 'nl',
) {
  return diagnostics.map((d) => {
    const at = locate(d, lookup);
    const start = at?.source?.position(at.start);
    const end = at?.source?.position(at.end);
    const hint = renderHint(d, lang);
    return {
      code: d.code,
      severity: d.severity,
      message: renderMessage(d.code, d.args, lang),
      ...(hint ? { hint } : {}),
      ...(d.path !== undefined ? { path: d.path } : {}),
      ...(at ? { file: at.file, start: at.start, end: at.end } : {}),
      ...(start ? { line: start.line, column: start.column } : {}),
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      ...(d.suggestions ? { suggestions: d.suggestions } : {}),
      ...(d.related
        ? {
            related: d.related.map((r: { span: Span }) => ({
              file: r.span.file,
              start: r.span.start,
              end: r.span.end,
            })),
          }
        : {}),
    };
  });
}

export function renderDiagnostics(
  format: DiagnosticFormat,
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  lang: Language,
): string {
  if (format === 'json') return JSON.stringify(diagnosticsJson(diagnostics, lookup, lang), null, 2);
  if (format === 'gnu') return renderGnu(diagnostics, lookup, lang);
  return renderText(diagnostics, lookup, lang);
}

export { SourceFile };

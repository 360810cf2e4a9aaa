// Quick fixes (one per "did you mean" suggestion of a diagnostic) and formatting with the
// project's formatter, as text edits.
import { formatSource } from '@sroi/compiler';
import type { Diagnostic, Language } from '@sroi/core';
import { say } from './texts.js';
import type { CodeAction, FormatResult, TextEdit, TextRange } from './types.js';

/**
 * The text a suggestion puts in place of the diagnostic's span, and where: a path's span
 * (`contract.gunningsdatun`) is fixed in its last field only; `tabel(...)` (a table used as a value)
 * becomes a call with its arguments still to write.
 */
function fixFor(text: string, span: TextRange, suggestion: string): TextEdit {
  const written = text.slice(span.start, span.end);
  const dot = written.lastIndexOf('.');
  const start = dot >= 0 && !suggestion.includes('.') ? span.start + dot + 1 : span.start;
  return { range: { start, end: span.end }, newText: suggestion.replace(/\(\.\.\.\)$/, '()') };
}

const overlaps = (a: TextRange, b: TextRange) => a.start <= b.end && b.start <= a.end;

/** Quick fixes for the diagnostics of document `path` whose span meets `range`. */
export function quickFixes(
  path: string,
  text: string,
  diagnostics: readonly Diagnostic[],
  range: TextRange,
  language: Language,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!d.span || d.span.file !== path || !d.suggestions || !overlaps(d.span, range)) continue;
    const span = { start: d.span.start, end: d.span.end };
    d.suggestions.forEach((suggestion, i) => {
      out.push({
        title: say('replaceBy', language, { name: suggestion }),
        kind: 'quickfix',
        diagnostic: { code: d.code, range: span },
        edit: { [path]: [fixFor(text, span, suggestion)] },
        isPreferred: i === 0,
      });
    });
  }
  return out;
}

/** The one edit that turns `before` into `after`: the differing middle, common ends kept. */
export function minimalEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let p = 0;
  const common = Math.min(before.length, after.length);
  while (p < common && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (
    s < common - p &&
    before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)
  )
    s++;
  return [{ range: { start: p, end: before.length - s }, newText: after.slice(p, after.length - s) }];
}

/** Formats a document with the project's formatter (comments kept); refused on syntax errors. */
export function formatDocument(path: string, text: string, language: Language): FormatResult {
  const formatted = formatSource(path, text);
  if (formatted.value === undefined) return { ok: false, reason: say('formatRefused', language) };
  return { ok: true, edits: minimalEdit(text, formatted.value) };
}

// Quick fixes (one per "did you mean" suggestion of a diagnostic) and formatting with the
// project's formatter, as text edits.
import { formatSource } from '@sroi/compiler';
import { editDistance, type Diagnostic, type Language } from '@sroi/core';
import { sroiLexer } from '@sroi/grammar';
import { say } from './texts.js';
import type { CodeAction, FormatResult, TextEdit, TextRange } from './types.js';

/**
 * The edit of a suggestion: it replaces the token of the diagnostic's span that it most resembles
 * (a span may cover a path, `contract.gunningsdatun`, or a whole broken declaration whose first
 * word is a misspelt keyword), or the whole span when that is one token. `tabel(...)` (a table used
 * as a value) becomes a call with its arguments still to write.
 */
function fixFor(text: string, span: TextRange, suggestion: string): TextEdit {
  const newText = suggestion.replace(/\(\.\.\.\)$/, '()');
  const { tokens } = sroiLexer.tokenize(text.slice(span.start, span.end));
  if (tokens.length <= 1) return { range: span, newText };
  let best = tokens[0]!;
  for (const t of tokens)
    if (editDistance(t.image, suggestion) < editDistance(best.image, suggestion)) best = t;
  const start = span.start + best.startOffset;
  return { range: { start, end: start + best.image.length }, newText };
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

// Diagnostics for an editor: the compiler's diagnostics rendered as the CLI renders them (catalogue
// message and hint in one language), with plain ranges.
import { renderHint, renderMessage, type Diagnostic, type Language } from '@sroi/core';
import type { ServiceDiagnostic } from './types.js';

/** Renders diagnostics; one without a span (rare for source) is placed at the start of `path`. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  path: string,
  language: Language,
): ServiceDiagnostic[] {
  return diagnostics.map((d) => {
    const hint = renderHint(d, language);
    const out: { -readonly [K in keyof ServiceDiagnostic]: ServiceDiagnostic[K] } = {
      code: d.code,
      severity: d.severity,
      message: renderMessage(d.code, d.args, language),
      path: d.span?.file ?? path,
      range: d.span ? { start: d.span.start, end: d.span.end } : { start: 0, end: 0 },
    };
    if (hint !== undefined) out.hint = hint;
    if (d.suggestions) out.suggestions = d.suggestions;
    if (d.related)
      out.related = d.related.map((r) => ({
        path: r.span.file,
        range: { start: r.span.start, end: r.span.end },
        message: renderMessage(r.code, r.args ?? {}, language),
      }));
    return out;
  });
}

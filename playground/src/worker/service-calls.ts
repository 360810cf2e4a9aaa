// The editor's requests to the language service, answered in the worker from the latest
// compilation. Where the service does not (yet) answer a request, a clearly separate fallback
// from the compiler answers it: quick fixes from the diagnostics' "did you mean" suggestions,
// formatting with the project's formatter, the outline from the AST.
import { formatSource } from '@sroi/compiler';
import { highlightWords, type CodeAction, type DocumentSymbol, type TextRange } from '@sroi/language-service';
import type { Engine } from './engine.js';

const methods = new Set([
  'getCompletions',
  'getHover',
  'getCodeActions',
  'formatDocument',
  'getDefinition',
  'getReferences',
  'prepareRename',
  'rename',
  'getDocumentSymbols',
  'getSemanticTokens',
  'ruleAt',
  'ruleForExplanation',
]);

const overlaps = (a: TextRange, b: TextRange) => a.start <= b.end && b.start <= a.end;

/** Quick fixes from diagnostics with suggestions: replace the span by each suggestion. */
function suggestionFixes(engine: Engine, path: string, range: TextRange): CodeAction[] {
  const compiled = engine.compiled;
  if (!compiled) return [];
  const out: CodeAction[] = [];
  for (const d of compiled.diagnostics) {
    if (!d.span || d.span.file !== path || !d.suggestions?.length) continue;
    const r = { start: d.span.start, end: d.span.end };
    if (!overlaps(r, range)) continue;
    d.suggestions.forEach((s, i) =>
      out.push({
        title: engine.lang === 'nl' ? `Vervang door '${s}'` : `Replace with '${s}'`,
        kind: 'quickfix',
        diagnostic: { code: d.code, range: r },
        edit: { [path]: [{ range: r, newText: s }] },
        isPreferred: i === 0,
      }),
    );
  }
  return out;
}

function outlineSymbols(engine: Engine): DocumentSymbol[] {
  const ast = engine.compiled?.module.ast;
  if (!ast) return [];
  const kinds = {
    enumeration: 'enumeration',
    parameter: 'parameter',
    table: 'table',
    definition: 'definition',
    valuation: 'valuation',
    route: 'route',
    outcome: 'outcome',
    example: 'example',
    property: 'property',
  } as const;
  return ast.declarations.map((d) => {
    const name =
      d.kind === 'valuation'
        ? d.activityKind
        : d.kind === 'example' || d.kind === 'property'
          ? d.title
          : d.name;
    const text = 'name' in name ? name.name : name.value;
    return {
      name: text,
      kind: kinds[d.kind],
      range: { start: d.span.start, end: d.span.end },
      selectionRange: { start: name.span.start, end: name.span.end },
      children: [],
    };
  });
}

export function serviceCall(engine: Engine, method: string, args: readonly unknown[]): unknown {
  if (method === 'highlightWords') return highlightWords();
  const service = engine.service;
  if (!service || !methods.has(method)) return undefined;
  // Bring the compilation up to date with the last edit before answering from it.
  engine.refresh();
  const fn = (service as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
  const answer = fn.apply(service, [...args]);
  const path = String(args[0]);
  switch (method) {
    case 'getCodeActions':
      return (answer as CodeAction[]).length > 0
        ? answer
        : suggestionFixes(engine, path, args[1] as TextRange);
    case 'formatDocument': {
      const r = answer as { ok: boolean; reason?: string };
      if (r.ok || r.reason) return answer;
      const text = engine.currentText;
      const formatted = formatSource(path, text);
      if (formatted.value === undefined) return { ok: false, reason: 'syntax' };
      return {
        ok: true,
        edits:
          formatted.value === text
            ? []
            : [{ range: { start: 0, end: text.length }, newText: formatted.value }],
      };
    }
    case 'getDocumentSymbols':
      return (answer as DocumentSymbol[]).length > 0 ? answer : outlineSymbols(engine);
    default:
      return answer;
  }
}

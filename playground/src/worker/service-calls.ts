// The editor's requests to the language service, answered in the worker from the latest
// compilation. The service answers every request itself (quick fixes from the diagnostics' "did
// you mean" suggestions, formatting with the project's formatter, the outline from the AST):
// this only lets through the methods the editor may call.
import { highlightWords } from '@sroi/language-service';
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

export function serviceCall(engine: Engine, method: string, args: readonly unknown[]): unknown {
  if (method === 'highlightWords') return highlightWords();
  const service = engine.service;
  if (!service || !methods.has(method)) return undefined;
  // Bring the compilation up to date with the last edit before answering from it.
  engine.refresh();
  const fn = (service as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
  return fn.apply(service, [...args]);
}

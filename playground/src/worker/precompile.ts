// Compiling the shipped rulesets when the site is built (run in Node by the Vite plugin in
// vite.config.ts): the same compilation the worker's engine makes, kept as JSON for first-state.ts.
import type { PrecompiledRuleset } from './first-state.js';
import { Engine } from './engine.js';
import { outlineOf } from './views.js';

/** `path`'s compilation among `files`, or nothing when it has errors (the page then compiles it). */
export function precompile(
  path: string,
  files: Readonly<Record<string, string>>,
): PrecompiledRuleset | undefined {
  const engine = new Engine();
  engine.open(path, files[path]!, files);
  engine.refresh();
  const compiled = engine.compiled;
  if (!compiled?.ir) return undefined;
  const rulesetName = compiled.model?.merged.header.name.value;
  // Through JSON, as the page will have it: what does not survive that fails here, at build time.
  return JSON.parse(
    JSON.stringify({
      text: files[path]!,
      ir: compiled.ir,
      diagnostics: compiled.diagnostics,
      outline: outlineOf(compiled),
      ...(rulesetName !== undefined ? { rulesetName } : {}),
    }),
  ) as PrecompiledRuleset;
}

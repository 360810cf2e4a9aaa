// The first state of a shipped ruleset, from its IR compiled when the site was built: the result
// shows before the compiler (Chevrotain and the checks, most of the worker's code) has loaded.
// The message loop compiles the same text when it takes over and sends the same state again.
import { SourceFile, type Diagnostic, type IrDocument, type Language } from '@sroi/core';
import { Plan } from '@sroi/evaluator';
import type { EngineState, OutlineItem } from '../protocol.js';
import { shapeOf, stateOf } from './views.js';

/** What the build knows of a shipped ruleset (`precompile.ts`), as JSON. */
export interface PrecompiledRuleset {
  /** The text it was compiled from: a state from it is only right for that text. */
  readonly text: string;
  readonly ir: IrDocument;
  readonly diagnostics: readonly Diagnostic[];
  readonly outline: readonly OutlineItem[];
  readonly rulesetName?: string;
}

/**
 * The state of `precompiled` with a contract, or nothing when its plan does not load (the loop's
 * own compilation then answers, with the reason).
 */
export function firstState(
  precompiled: PrecompiledRuleset,
  files: Readonly<Record<string, string>>,
  contract: unknown,
  lang: Language,
  version: number,
): EngineState | undefined {
  const started = performance.now();
  const plan = Plan.fromCompilerIr(precompiled.ir).value;
  if (!plan) return undefined;
  const sources = new Map<string, SourceFile>();
  for (const d of precompiled.diagnostics) {
    const file = d.span?.file;
    if (file !== undefined && !sources.has(file) && Object.hasOwn(files, file))
      sources.set(file, new SourceFile(file, files[file]!));
  }
  return stateOf({
    version,
    started,
    lang,
    diagnostics: precompiled.diagnostics,
    sources,
    plan,
    contract,
    shape: shapeOf(precompiled.ir),
    outline: precompiled.outline,
    rulesetName: precompiled.rulesetName,
  });
}

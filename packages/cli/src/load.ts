// Loading a ruleset for evaluation: a `.sroi` file is compiled (the compiler and Chevrotain are
// imported only then), an IR `.json` document is validated and used as is — the fast path.
import { diagnostic, SourceFile, type Diagnostic, type IrDocument } from '@sroi/core';
import { Plan } from '@sroi/evaluator';
import { notText, UsageError } from './errors.js';
import { fileHost, readText } from './host.js';
import type { SourceLookup } from './render/diagnostics.js';

export interface LoadedRuleset {
  readonly plan?: Plan;
  readonly ir?: IrDocument;
  readonly diagnostics: readonly Diagnostic[];
  readonly lookup: SourceLookup;
  /** Why there is no plan: errors in the ruleset (exit 1) or unusable input (exit 2). */
  readonly failure?: 'ruleset' | 'input';
}

/** Reads a text file or throws a UsageError naming the file and the reason. */
export function readInput(path: string): { text: string; invalidAt?: number } {
  const r = readText(path);
  if ('error' in r) throw new UsageError(`${path}: ${r.error}`);
  return r;
}

export async function loadRuleset(path: string): Promise<LoadedRuleset> {
  const read = readInput(path);
  const source = new SourceFile(path, read.text);
  if (read.invalidAt !== undefined)
    return {
      diagnostics: [notText(path, read.invalidAt)],
      lookup: { files: new Map([[path, source]]) },
      failure: 'input',
    };
  if (path.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (e) {
      return {
        diagnostics: [diagnostic('SR6001', { message: (e as Error).message }, { path: '(document)' })],
        lookup: { files: new Map(), json: source },
        failure: 'input',
      };
    }
    const plan = Plan.fromIr(json);
    return plan.value
      ? { plan: plan.value, ir: plan.value.ir, diagnostics: [], lookup: { files: new Map(), json: source } }
      : { diagnostics: plan.diagnostics, lookup: { files: new Map(), json: source }, failure: 'input' };
  }
  const { compileSource } = await import('@sroi/compiler');
  const compiled = compileSource(path, read.text, fileHost);
  const lookup: SourceLookup = { files: compiled.sources };
  if (!compiled.ir) return { diagnostics: compiled.diagnostics, lookup, failure: 'ruleset' };
  const plan = Plan.fromIr(compiled.ir);
  if (!plan.value)
    return { diagnostics: [...compiled.diagnostics, ...plan.diagnostics], lookup, failure: 'ruleset' };
  return { plan: plan.value, ir: compiled.ir, diagnostics: compiled.diagnostics, lookup };
}

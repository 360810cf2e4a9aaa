// Loading a ruleset for evaluation: a `.sroi` file is compiled (the compiler and Chevrotain are
// imported only then), an IR `.json` document is validated and used as is — the fast path.
import { dirname, resolve } from 'node:path';
import {
  diagnostic,
  formatJsonPath,
  RULESET_SET_SUFFIX,
  rulesetSetSchema,
  SourceFile,
  suggestNames,
  type Diagnostic,
  type IrDocument,
} from '@sroi/core';
import { checkSetPeriods, Plan, PlanSet, type SetMember } from '@sroi/evaluator';
import { notText, UsageError } from './errors.js';
import { MAX_IR_BYTES, readText, rulesetHost } from './host.js';
import { parseJsonInput } from './json-input.js';
import type { SourceLookup } from './render/diagnostics.js';

export interface LoadedRuleset {
  readonly plan?: Plan;
  /** For a ruleset set (`*.set.json`): the members, chosen per contract by its reference date. */
  readonly set?: PlanSet;
  readonly ir?: IrDocument;
  readonly diagnostics: readonly Diagnostic[];
  readonly lookup: SourceLookup;
  /** Why there is no plan: errors in the ruleset (exit 1) or unusable input (exit 2). */
  readonly failure?: 'ruleset' | 'input';
}

/** Reads a text file or throws a UsageError naming the file and the reason. */
export function readInput(path: string, max?: number): { text: string; invalidAt?: number } {
  const r = readText(path, max);
  if ('reason' in r) throw new UsageError('fileProblem', { path, reason: r.reason });
  return r;
}

/** What evaluates a contract: one ruleset or a set of them. */
export const evaluatorOf = (loaded: LoadedRuleset): Plan | PlanSet | undefined => loaded.set ?? loaded.plan;

export async function loadRuleset(path: string): Promise<LoadedRuleset> {
  if (path.endsWith(RULESET_SET_SUFFIX)) return loadSet(path);
  // An IR document (.json) of the largest ruleset the compiler accepts is about 50 MB.
  const read = readInput(path, path.endsWith('.json') ? MAX_IR_BYTES : undefined);
  const source = new SourceFile(path, read.text);
  if (read.invalidAt !== undefined)
    return {
      diagnostics: [notText(path, read.invalidAt)],
      lookup: { files: new Map([[path, source]]) },
      failure: 'input',
    };
  if (path.endsWith('.json')) {
    const parsed = parseJsonInput(path, read.text);
    if ('diagnostics' in parsed)
      return {
        diagnostics: parsed.diagnostics,
        lookup: { files: new Map(), json: source },
        failure: 'input',
      };
    const plan = Plan.fromIr(parsed.json);
    return plan.value
      ? { plan: plan.value, ir: plan.value.ir, diagnostics: [], lookup: { files: new Map(), json: source } }
      : { diagnostics: plan.diagnostics, lookup: { files: new Map(), json: source }, failure: 'input' };
  }
  const { compileSource } = await import('@sroi/compiler');
  const compiled = compileSource(path, read.text, rulesetHost(path));
  const lookup: SourceLookup = { files: compiled.sources };
  if (!compiled.ir) return { diagnostics: compiled.diagnostics, lookup, failure: 'ruleset' };
  // IR the compiler just wrote in this process: the invariants are checked, the JSON Schema need not be.
  const plan = Plan.fromCompilerIr(compiled.ir);
  if (!plan.value)
    return { diagnostics: [...compiled.diagnostics, ...plan.diagnostics], lookup, failure: 'ruleset' };
  return { plan: plan.value, ir: compiled.ir, diagnostics: compiled.diagnostics, lookup };
}

/** Loads a ruleset set: its manifest, every member, and the check that their periods do not overlap. */
async function loadSet(path: string): Promise<LoadedRuleset> {
  const read = readInput(path);
  const source = new SourceFile(path, read.text);
  const files = new Map<string, SourceFile>();
  const lookup = (): SourceLookup => ({ files, json: source });
  const parsed = parseJsonInput(path, read.text);
  if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics, lookup: lookup(), failure: 'input' };
  const manifest = rulesetSetSchema().safeParse(parsed.json, { reportInput: true });
  if (!manifest.success)
    return { diagnostics: manifest.error.issues.flatMap(setIssue), lookup: lookup(), failure: 'input' };
  const members: SetMember[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, member] of manifest.data.regelingen.entries()) {
    const memberPath = resolve(dirname(path), member);
    if (memberPath.endsWith(RULESET_SET_SUFFIX)) {
      diagnostics.push(diagnostic('SR6203', { name: `'${member}'` }, { path: `regelingen[${i}]` }));
      continue;
    }
    let loaded: LoadedRuleset;
    try {
      loaded = await loadRuleset(memberPath);
    } catch (e) {
      diagnostics.push(
        diagnostic('SR6203', { name: `'${member}' (${(e as Error).message})` }, { path: `regelingen[${i}]` }),
      );
      continue;
    }
    for (const [file, s] of loaded.lookup.files) files.set(file, s);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.plan)
      diagnostics.push(diagnostic('SR6203', { name: `'${member}'` }, { path: `regelingen[${i}]` }));
    else members.push({ plan: loaded.plan, label: member });
  }
  diagnostics.push(...checkSetPeriods(members));
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed
    ? { diagnostics, lookup: lookup(), failure: 'ruleset' }
    : { set: new PlanSet(manifest.data.naam, members), diagnostics, lookup: lookup() };
}

type SetIssue = NonNullable<
  ReturnType<ReturnType<typeof rulesetSetSchema>['safeParse']>['error']
>['issues'][number];

/** A problem of a set manifest, in the catalogue's words (zod's own are English only). */
function setIssue(issue: SetIssue): Diagnostic[] {
  const path = issue.path.length === 0 ? '(set)' : formatJsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys(rulesetSetSchema().shape);
    return issue.keys.map((key) =>
      diagnostic(
        'SR6004',
        { name: `'${key}'`, allowed: allowed.join(', ') },
        { path: formatJsonPath([...issue.path, key]) },
        { suggestions: suggestNames(key, allowed) },
      ),
    );
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0)
    return [diagnostic('SR6005', { name: `'${String(issue.path.at(-1))}'` }, { path })];
  return [diagnostic('SR6003', { path }, { path })];
}

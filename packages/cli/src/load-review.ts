// Loading rulesets for a review (`diff`, `compare`, `matrix`): each compiled with what the review
// needs of it (the places of its header and of the declarations a variant replaces), or read as IR.
import { isAbsolute, relative } from 'node:path';
import { RULESET_SET_SUFFIX, SourceFile, type Diagnostic } from '@sroi/core';
import { reviewIr, reviewSource, type ReviewedRuleset } from '@sroi/analysis';
import { EXIT, notText, UsageError } from './errors.js';
import { rulesetHost } from './host.js';
import { parseJsonInput } from './json-input.js';
import { readInput } from './load.js';
import { renderDiagnostics, type SourceLookup } from './render/diagnostics.js';
import type { CommonOptions, Io } from './options.js';

/** Paths as the reviewer typed them: relative to the working directory. */
export const displayFile = (path: string): string =>
  isAbsolute(path) ? relative(process.cwd(), path) || path : path;

/**
 * Loads every ruleset, or reports why not and returns the exit code: 1 for errors in a ruleset,
 * 2 for input that is no ruleset at all.
 */
export function loadForReview(
  command: string,
  paths: readonly string[],
  options: CommonOptions,
  io: Io,
): ReviewedRuleset[] | number {
  const out: ReviewedRuleset[] = [];
  let code: number = EXIT.ok;
  const show = (ds: readonly Diagnostic[], lookup: SourceLookup) => {
    if (ds.length > 0) io.err(renderDiagnostics(options.format, ds, lookup, options.lang) + '\n');
  };
  for (const path of paths) {
    if (path.endsWith(RULESET_SET_SUFFIX)) throw new UsageError('rulesetSetGiven', { command, path });
    const read = readInput(path);
    const source = new SourceFile(path, read.text);
    if (read.invalidAt !== undefined) {
      show([notText(path, read.invalidAt)], { files: new Map([[path, source]]) });
      code = Math.max(code, EXIT.input);
      continue;
    }
    if (path.endsWith('.json')) {
      const parsed = parseJsonInput(path, read.text);
      if ('diagnostics' in parsed) {
        show(parsed.diagnostics, { files: new Map(), json: source });
        code = Math.max(code, EXIT.input);
        continue;
      }
      const r = reviewIr(path, parsed.json, { displayFile });
      if (!r.value) {
        show(r.diagnostics, { files: new Map(), json: source });
        code = Math.max(code, EXIT.input);
      } else out.push(r.value);
      continue;
    }
    const r = reviewSource(path, read.text, rulesetHost(path), { displayFile });
    if (!r.value) {
      show(r.diagnostics, { files: r.sources });
      code = Math.max(code, EXIT.failures);
    } else out.push(r.value);
  }
  return code === EXIT.ok ? out : code;
}

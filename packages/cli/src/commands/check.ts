// `sroi check FILE...`: every static check, all problems at once, optionally the assumptions.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasErrors, RULESET_SET_SUFFIX, sortDiagnostics } from '@sroi/core';
import { compileSource, listAssumptions } from '@sroi/compiler';
import { EXIT, notText } from '../errors.js';
import { citationDiagnostics } from '../citations.js';
import { rulesetHost } from '../host.js';
import { loadRuleset, readInput } from '../load.js';
import { renderDiagnostics, diagnosticsJson, SourceFile } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';
import { UsageError } from '../errors.js';

export async function checkCommand(
  files: readonly string[],
  options: CommonOptions & { assumptions: boolean; bronnen?: string },
  io: Io,
): Promise<number> {
  if (files.length === 0) throw new UsageError('checkFiles');
  if (options.bronnen !== undefined && !isDirectory(options.bronnen))
    throw new UsageError('checkSources', { path: options.bronnen });
  let worst: number = EXIT.ok;
  const json: unknown[] = [];
  for (const file of files) {
    if (file.endsWith(RULESET_SET_SUFFIX)) {
      worst = Math.max(worst, await checkSet(file, options, io, json));
      continue;
    }
    const read = readInput(file);
    if (read.invalidAt !== undefined) {
      const d = [notText(file, read.invalidAt)];
      const lookup = { files: new Map([[file, new SourceFile(file, read.text)]]) };
      if (options.format === 'json')
        json.push({ file, diagnostics: diagnosticsJson(d, lookup, options.lang) });
      else io.err(renderDiagnostics(options.format, d, lookup, options.lang) + '\n');
      worst = EXIT.input;
      continue;
    }
    const compiled = compileSource(file, read.text, rulesetHost(file));
    const result = compiled.model
      ? {
          ...compiled,
          diagnostics: sortDiagnostics([
            ...compiled.diagnostics,
            ...citationDiagnostics(compiled.model, options.bronnen),
          ]),
        }
      : compiled;
    const lookup = { files: result.sources };
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    const assumptions = options.assumptions && result.model ? listAssumptions(result.model.merged) : [];
    if (options.format === 'json') {
      json.push({
        file,
        diagnostics: diagnosticsJson(result.diagnostics, lookup, options.lang),
        ...(options.assumptions
          ? {
              aannames: assumptions.map((a) => {
                const p = result.sources.get(a.span.file)?.position(a.span.start);
                return { over: a.owner, tekst: a.text, file: a.span.file, line: p?.line, column: p?.column };
              }),
            }
          : {}),
      });
    } else {
      if (result.diagnostics.length > 0)
        io.err(renderDiagnostics(options.format, result.diagnostics, lookup, options.lang) + '\n\n');
      const nl = options.lang === 'nl';
      const summary =
        errors === 0 && warnings === 0
          ? nl
            ? 'in orde'
            : 'ok'
          : `${errors} ${nl ? (errors === 1 ? 'fout' : 'fouten') : errors === 1 ? 'error' : 'errors'}, ${warnings} ${nl ? (warnings === 1 ? 'waarschuwing' : 'waarschuwingen') : warnings === 1 ? 'warning' : 'warnings'}`;
      if (options.format === 'text') io.out(`${file}: ${summary}\n`);
      if (options.assumptions) {
        io.out(`\n${nl ? 'Aannames' : 'Assumptions'} (${assumptions.length}):\n`);
        for (const a of assumptions) {
          const p = result.sources.get(a.span.file)?.position(a.span.start);
          io.out(`  ${a.span.file}:${p?.line}:${p?.column}  ${a.owner}\n      ${a.text}\n`);
        }
      }
    }
    if (hasErrors(result.diagnostics)) worst = Math.max(worst, EXIT.failures);
  }
  if (options.format === 'json') io.out(JSON.stringify(files.length === 1 ? json[0] : json, null, 2) + '\n');
  return worst;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A ruleset set: each member's diagnostics and those of the set (overlapping periods, gaps). */
async function checkSet(
  file: string,
  options: CommonOptions & { bronnen?: string },
  io: Io,
  json: unknown[],
): Promise<number> {
  const loaded = await loadRuleset(file);
  const citations = loaded.set ? memberCitations(file, options.bronnen) : [];
  const diagnostics = [...loaded.diagnostics, ...citations];
  const failed = hasErrors(citations);
  if (options.format === 'json')
    json.push({ file, diagnostics: diagnosticsJson(diagnostics, loaded.lookup, options.lang) });
  else {
    if (diagnostics.length > 0)
      io.err(renderDiagnostics(options.format, diagnostics, loaded.lookup, options.lang) + '\n\n');
    if (options.format === 'text') {
      const members = loaded.set?.members.map((m) => m.label).join(', ');
      io.out(
        `${file}: ${loaded.set && !failed ? `${options.lang === 'nl' ? 'in orde' : 'ok'} (${members})` : options.lang === 'nl' ? 'fouten' : 'errors'}\n`,
      );
    }
  }
  if (!loaded.set) return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  return failed ? EXIT.failures : EXIT.ok;
}

/** The quotations of a set's .sroi members (the set loaded, so its manifest is valid). */
function memberCitations(file: string, bronnen: string | undefined) {
  const manifest = JSON.parse(readInput(file).text) as { regelingen: string[] };
  return manifest.regelingen
    .map((member) => resolve(dirname(file), member))
    .filter((path) => path.endsWith('.sroi'))
    .flatMap((path) => {
      const model = compileSource(path, readInput(path).text, rulesetHost(path)).model;
      return model ? citationDiagnostics(model, bronnen) : [];
    });
}

// `sroi eval RULESET CONTRACT.json`: one contract, explained; `--json` for the result format.
import { SourceFile, type Diagnostic } from '@sroi/core';
import { parseJsonInput } from '../json-input.js';
import { EXIT, notText, rulesetFaults, UsageError } from '../errors.js';
import { evaluatorOf, loadRuleset, readInput } from '../load.js';
import { renderDiagnostics, type SourceLookup } from '../render/diagnostics.js';
import { renderResult } from '../render/result.js';
import type { EvalOptions, Io } from '../options.js';

export { parseJsonInput } from '../json-input.js';

export async function evalCommand(args: readonly string[], options: EvalOptions, io: Io): Promise<number> {
  if (options.batch !== undefined) {
    const { batchCommand } = await import('./batch.js');
    return batchCommand(args, options, io);
  }
  const [rulesetPath, contractPath, ...rest] = args;
  if (!rulesetPath || !contractPath || rest.length > 0) throw new UsageError('evalArguments');
  const loaded = await loadRuleset(rulesetPath);
  const show = (ds: readonly Diagnostic[], lookup: SourceLookup) => {
    if (ds.length > 0) io.err(renderDiagnostics(options.format, ds, lookup, options.lang) + '\n');
  };
  const evaluator = evaluatorOf(loaded);
  if (!evaluator) {
    show(loaded.diagnostics, loaded.lookup);
    return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  }
  const read = readInput(contractPath);
  const contractSource = new SourceFile(contractPath, read.text);
  const lookup: SourceLookup = {
    files: new Map([...loaded.lookup.files, [contractPath, contractSource]]),
    json: contractSource,
  };
  if (read.invalidAt !== undefined) {
    show([notText(contractPath, read.invalidAt)], lookup);
    return EXIT.input;
  }
  const parsed = parseJsonInput(contractPath, read.text);
  if ('diagnostics' in parsed) {
    show(parsed.diagnostics, lookup);
    return EXIT.input;
  }
  const result = evaluator.evaluate(parsed.json, {
    explain: options.explain && !options.brief,
    lang: options.lang,
  });
  if (!result.value) {
    show(result.diagnostics, lookup);
    return result.diagnostics.some((d) => rulesetFaults.has(d.code)) ? EXIT.failures : EXIT.input;
  }
  if (options.json) io.out(JSON.stringify(result.value, null, 2) + '\n');
  else io.out(renderResult(result.value, options.lang, { brief: options.brief }));
  return EXIT.ok;
}

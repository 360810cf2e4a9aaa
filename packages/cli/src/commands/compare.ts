// `sroi compare RULESET... --contract C.json`: one contract under several rulesets side by side,
// per activity, per route and in total, with the rules that made each difference.
import { compareContract, compareCsv, compareHtml, compareSheets, compareText } from '@sroi/analysis';
import { SourceFile } from '@sroi/core';
import { EXIT, notText, rulesetFaults, UsageError } from '../errors.js';
import { readInput } from '../load.js';
import { loadForReview } from '../load-review.js';
import { renderDiagnostics, type SourceLookup } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';
import { writeXlsxOption } from '../review-xlsx.js';
import { parseJsonInput } from './eval.js';

export interface CompareOptions extends CommonOptions {
  readonly json: boolean;
  readonly html: boolean;
  readonly csv: boolean;
  readonly xlsx?: string;
  readonly contract?: string;
}

export async function compareCommand(
  args: readonly string[],
  options: CompareOptions,
  io: Io,
): Promise<number> {
  if (args.length === 0 || options.contract === undefined) throw new UsageError('compareArguments');
  if ([options.json, options.html, options.csv].filter(Boolean).length > 1)
    throw new UsageError('compareFormats');
  const loaded = loadForReview('compare', args, options, io);
  if (typeof loaded === 'number') return loaded;
  const path = options.contract;
  const read = readInput(path);
  const source = new SourceFile(path, read.text);
  const lookup: SourceLookup = { files: new Map([[path, source]]), json: source };
  const show = (ds: Parameters<typeof renderDiagnostics>[1]) =>
    io.err(renderDiagnostics(options.format, ds, lookup, options.lang) + '\n');
  if (read.invalidAt !== undefined) {
    show([notText(path, read.invalidAt)]);
    return EXIT.input;
  }
  const parsed = parseJsonInput(path, read.text);
  if ('diagnostics' in parsed) {
    show(parsed.diagnostics);
    return EXIT.input;
  }
  const comparison = compareContract(loaded, parsed.json, { lang: options.lang });
  let code: number = EXIT.ok;
  for (const column of comparison.rulesets)
    if (!column.result) {
      io.err(`${column.label}:\n`);
      show(column.diagnostics);
      code = Math.max(
        code,
        column.diagnostics.some((d) => rulesetFaults.has(d.code)) ? EXIT.failures : EXIT.input,
      );
    }
  if (options.json) io.out(JSON.stringify(comparison, null, 2) + '\n');
  else if (options.html) io.out(compareHtml(comparison, options.lang));
  else if (options.csv) io.out(compareCsv(comparison, options.lang));
  else io.out(compareText(comparison, options.lang));
  if (options.xlsx !== undefined)
    code = Math.max(
      code,
      await writeXlsxOption(options.xlsx, compareSheets(comparison, options.lang), io, options.lang),
    );
  return code;
}

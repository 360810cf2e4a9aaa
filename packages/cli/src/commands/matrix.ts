// `sroi matrix RULESET...`: the harmonisation matrix — every parameter, tariff, cap and scope rule
// per ruleset, rows computed by evaluation so like is compared with like, and totals over a
// sample portfolio; divergent cells marked against the first ruleset, the regional base.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildMatrix, matrixCsv, matrixHtml, matrixSheets, matrixText, parseJsonLines } from '@sroi/analysis';
import { parseIsoDate, SourceFile } from '@sroi/core';
import { EXIT, UsageError } from '../errors.js';
import { jsonLineDiagnostics } from '../json-input.js';
import { readInput } from '../load.js';
import { displayFile, loadForReview } from '../load-review.js';
import type { CommonOptions, Io } from '../options.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { writeXlsxOption } from '../review-xlsx.js';

export interface MatrixOptions extends CommonOptions {
  readonly json: boolean;
  readonly html: boolean;
  readonly csv: boolean;
  readonly xlsx?: string;
  readonly portfolio?: string;
  readonly date?: string;
}

/** The sample portfolio beside the rulesets, used when none is given. */
const defaultPortfolio = (first: string) => join(dirname(first), 'examples', 'portfolio.jsonl');

export async function matrixCommand(
  args: readonly string[],
  options: MatrixOptions,
  io: Io,
): Promise<number> {
  if (args.length === 0) throw new UsageError('matrixArguments');
  if ([options.json, options.html, options.csv].filter(Boolean).length > 1)
    throw new UsageError('matrixFormats');
  if (options.date !== undefined && parseIsoDate(options.date) === undefined)
    throw new UsageError('matrixDate', { value: options.date });
  const loaded = loadForReview('matrix', args, options, io);
  if (typeof loaded === 'number') return loaded;
  const portfolioPath =
    options.portfolio ?? (existsSync(defaultPortfolio(args[0]!)) ? defaultPortfolio(args[0]!) : undefined);
  let portfolio: unknown[] | undefined;
  if (portfolioPath !== undefined) {
    const text = readInput(portfolioPath).text;
    const { contracts, errors } = parseJsonLines(text);
    if (errors.length > 0) {
      const located = jsonLineDiagnostics(portfolioPath, text, new Set(errors.map((e) => e.line)));
      const files = new Map([[portfolioPath, new SourceFile(portfolioPath, text)]]);
      io.err(renderDiagnostics(options.format, located, { files }, options.lang) + '\n');
      return EXIT.input;
    }
    portfolio = contracts;
  }
  const matrix = buildMatrix(loaded, {
    lang: options.lang,
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(portfolio ? { portfolio, portfolioFile: displayFile(portfolioPath!) } : {}),
  });
  if (options.json) io.out(JSON.stringify(matrix, null, 2) + '\n');
  else if (options.csv) io.out(matrixCsv(matrix, options.lang));
  else if (options.html) io.out(matrixHtml(matrix, options.lang));
  else io.out(matrixText(matrix, options.lang));
  if (options.xlsx !== undefined)
    return writeXlsxOption(options.xlsx, matrixSheets(matrix, options.lang), io, options.lang);
  return EXIT.ok;
}

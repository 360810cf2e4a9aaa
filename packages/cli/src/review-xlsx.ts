// `--xlsx FILE` of the reviews (matrix, compare): the review's sheets as an Excel workbook; a file
// that cannot be written ends the command with exit code 3 and one line saying why.
import type { Sheet } from '@sroi/analysis';
import type { Language } from '@sroi/core';
import { EXIT } from './errors.js';
import type { Io } from './options.js';
import { safeLine } from './render/terminal.js';
import { renderUsage } from './usage-messages.js';

/** Writes the workbook; the exit code (0, or 3 when the file could not be written). */
export async function writeXlsxOption(
  path: string,
  sheets: readonly Sheet[],
  io: Io,
  lang: Language,
): Promise<number> {
  const { writeReviewXlsx } = await import('@sroi/analysis/node');
  try {
    await writeReviewXlsx(path, sheets);
    return EXIT.ok;
  } catch (e) {
    const args = { path: safeLine(path), reason: safeLine((e as Error).message) };
    io.err(`sroi: ${renderUsage('xlsxWrite', args, lang)}\n`);
    return EXIT.output;
  }
}

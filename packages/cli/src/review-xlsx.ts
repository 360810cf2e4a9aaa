// `--xlsx FILE` of the reviews (matrix, compare): the review's sheets as an Excel workbook; a file
// that cannot be written ends the command with exit code 3 and one line saying why.
import type { Sheet } from '@sroi/analysis';
import { EXIT } from './errors.js';
import type { Io } from './options.js';
import { safeLine } from './render/terminal.js';

/** Writes the workbook; the exit code (0, or 3 when the file could not be written). */
export async function writeXlsxOption(path: string, sheets: readonly Sheet[], io: Io): Promise<number> {
  const { writeReviewXlsx } = await import('@sroi/analysis/node');
  try {
    await writeReviewXlsx(path, sheets);
    return EXIT.ok;
  } catch (e) {
    io.err(`sroi: --xlsx ${safeLine(path)}: kan niet schrijven (${safeLine((e as Error).message)})\n`);
    return EXIT.output;
  }
}

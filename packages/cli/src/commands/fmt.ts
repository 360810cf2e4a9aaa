// `sroi fmt FILE... [--check]`: canonical layout, comments kept; idempotent.
import { writeFileSync } from 'node:fs';
import { formatSource } from '@sroi/compiler';
import { EXIT, UsageError } from '../errors.js';
import { readInput } from '../load.js';
import { renderDiagnostics, SourceFile } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';

export async function fmtCommand(
  files: readonly string[],
  options: CommonOptions & { check: boolean },
  io: Io,
): Promise<number> {
  if (files.length === 0) throw new UsageError('fmtFiles');
  let worst: number = EXIT.ok;
  for (const file of files) {
    const { text } = readInput(file);
    const formatted = formatSource(file, text);
    if (!formatted.value) {
      io.err(
        renderDiagnostics(
          options.format,
          formatted.diagnostics,
          { files: new Map([[file, new SourceFile(file, text)]]) },
          options.lang,
        ) + '\n',
      );
      worst = Math.max(worst, EXIT.failures);
      continue;
    }
    if (formatted.value === text) continue;
    if (options.check) {
      io.out(`${file}: ${options.lang === 'nl' ? 'niet geformatteerd' : 'not formatted'}\n`);
      worst = Math.max(worst, EXIT.failures);
    } else {
      writeFileSync(file, formatted.value);
      io.out(`${file}: ${options.lang === 'nl' ? 'geformatteerd' : 'formatted'}\n`);
    }
  }
  return worst;
}

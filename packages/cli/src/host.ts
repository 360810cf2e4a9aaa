// Files for the CLI: a SourceHost on the real file system, and text reading that refuses what
// is not text (binary, invalid UTF-8) with a clear reason instead of a crash.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Text, or why the file cannot be read; `invalidAt` marks the first byte that is not UTF-8. */
export type ReadResult = { text: string; invalidAt?: number } | { error: string };

/** Reads a file as UTF-8 text; a missing file or a directory is an error, not an exception. */
export function readText(path: string): ReadResult {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { error: 'dit is een map, geen bestand' };
    if (stat.size > MAX_INPUT_BYTES)
      return {
        error: `bestand is ${(stat.size / 1024 / 1024).toFixed(1)} MB; maximaal ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
      };
    const bytes = readFileSync(path);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Keep going with replacement characters so the problem can be shown in place.
      const text = new TextDecoder('utf-8').decode(bytes);
      return { text, invalidAt: Math.max(0, text.indexOf('\ufffd')) };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'bestand bestaat niet' };
    if (code === 'EACCES') return { error: 'geen leesrechten' };
    return { error: (e as Error).message };
  }
}

/** Rulesets on disk; `breidt uit "x.sroi"` is relative to the extending file. */
export const fileHost = {
  readFile: (path: string): { text: string } | { error: string } => {
    const r = readText(path);
    return 'error' in r
      ? r
      : r.invalidAt !== undefined
        ? { error: 'geen geldige UTF-8-tekst (binair bestand?)' }
        : { text: r.text };
  },
  resolve: (fromFile: string, relative: string) => resolve(dirname(fromFile), relative),
};

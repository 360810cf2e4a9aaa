// Files for the CLI: a SourceHost on the real file system, and text reading that refuses what
// is not text (binary, invalid UTF-8) or not a regular file (a device, a pipe) with a clear reason
// instead of a crash or a hang. Reads are bounded by the bytes actually read, not by the size a
// file reports (0 for /dev/zero).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { SourceHost } from '@sroi/compiler';
import { readReasons } from './errors.js';
import type { UsageText } from './usage-messages.js';
import { firstInvalidUtf8 } from './utf8.js';

export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
/**
 * An IR document may be larger: it is about six times the size of its ruleset (spans, types,
 * sources), and whatever the compiler accepts (up to 8 MB of ruleset) the evaluator must load.
 */
export const MAX_IR_BYTES = 64 * 1024 * 1024;

/** Text, or why the file cannot be read, in both languages; `invalidAt` marks the first byte that is not UTF-8. */
export type ReadResult = { text: string; invalidAt?: number } | { reason: UsageText };

const failed = (nl: string, en: string): ReadResult => ({ reason: { nl, en } });

const megabytes = (bytes: number) => bytes / 1024 / 1024;
/** Too large: by its reported size, or (a size of 0 reported) by the bytes read past the limit. */
const tooLarge = (max: number, size?: number) =>
  size !== undefined
    ? failed(
        `bestand is ${megabytes(size).toFixed(1)} MB; maximaal ${megabytes(max)} MB`,
        `file is ${megabytes(size).toFixed(1)} MB; at most ${megabytes(max)} MB`,
      )
    : failed(
        `bestand is groter dan ${megabytes(max)} MB; maximaal ${megabytes(max)} MB`,
        `file is larger than ${megabytes(max)} MB; at most ${megabytes(max)} MB`,
      );

/** At most `max` + 1 bytes of an open file: one more than allowed tells it is too large. */
function readBounded(fd: number, max: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > max) return undefined;
  }
  return Buffer.concat(chunks, total);
}

/** Reads a regular file as UTF-8 text; anything else is an error, not an exception. */
export function readText(path: string, max = MAX_INPUT_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer. The type is checked on the
    // open file, so it cannot change between the check and the read.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { reason: readReasons.EISDIR };
    if (!stat.isFile())
      return failed(
        'geen gewoon bestand (een apparaat, pipe of socket)',
        'not a regular file (a device, pipe or socket)',
      );
    if (stat.size > max) return tooLarge(max, stat.size);
    const bytes = readBounded(fd, max);
    if (!bytes) return tooLarge(max);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Keep going with replacement characters so the problem can be shown in place.
      // The offset of the bad byte itself, not of a U+FFFD written in the text before it.
      const text = new TextDecoder('utf-8').decode(bytes);
      const bad = firstInvalidUtf8(bytes);
      // Decoded as the text is (a leading BOM dropped), so the offset matches the text.
      const invalidAt = bad < 0 ? 0 : new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).length;
      return { text, invalidAt };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = readReasons[code as keyof typeof readReasons] as UsageText | undefined;
    return reason ? { reason } : failed((e as Error).message, (e as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Folders added with `--root DIR` for this run: rulesets there may be extended too. */
let extraRoots: readonly string[] = [];

/** Sets the folders `--root` adds (main calls this for every run). */
export function allowRoots(dirs: readonly string[]): void {
  extraRoots = dirs.map((d) => resolve(d));
}

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

const inside = (root: string, path: string): boolean => {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Rulesets on disk for the ruleset at `rulesetPath`; `breidt uit "x.sroi"` is relative to the
 * extending file. A base must be a `.sroi` file under an allowed root: the folder of the ruleset
 * named on the command line and below (`alsoNamed`: other rulesets named there, such as a what-if
 * scenario's base), or a `--root` folder (symbolic links resolved), so a
 * ruleset from elsewhere cannot make sroi read `../../../../etc/passwd`.
 */
export function rulesetHost(rulesetPath: string, alsoNamed: readonly string[] = []): SourceHost {
  const roots = [dirname(rulesetPath), ...alsoNamed.map((p) => dirname(p)), ...extraRoots].map(real);
  return {
    readFile: (path) => {
      if (!path.endsWith('.sroi'))
        return {
          error: 'alleen .sroi-regelingen kunnen worden uitgebreid',
          errorEn: 'only .sroi rulesets can be extended',
        };
      const at = real(path);
      if (!roots.some((root) => inside(root, at)))
        return {
          error: `buiten de toegestane mappen (${roots.join(', ')}); voeg een map toe met --root MAP`,
          errorEn: `outside the allowed folders (${roots.join(', ')}); add a folder with --root DIR`,
        };
      const r = readText(path);
      return 'reason' in r
        ? { error: r.reason.nl, errorEn: r.reason.en }
        : r.invalidAt !== undefined
          ? {
              error: 'geen geldige UTF-8-tekst (binair bestand?)',
              errorEn: 'not valid UTF-8 text (a binary file?)',
            }
          : { text: r.text };
    },
    // Relative to the extending file, and relative to the working directory as the user named it.
    resolve: (fromFile, relativePath) =>
      isAbsolute(relativePath) ? relativePath : join(dirname(fromFile), relativePath),
  };
}

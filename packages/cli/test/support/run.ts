// Runs the CLI in-process with a capturing Io, and places files for it: the fixtures, the real
// ruleset, and a fresh temporary directory per suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.js';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `sroi ...argv`: the exit code and everything written to stdout and stderr. */
export async function sroi(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A path as the CLI is given it: relative to the working directory, as a user types it. */
const fromCwd = (url: URL) => relative(process.cwd(), fileURLToPath(url));

export const fixture = (name: string) => fromCwd(new URL(`../fixtures/${name}`, import.meta.url));
export const mini = fixture('mini.sroi');
export const miniContract = fixture('plaatsing.json');
export const rijnmond = fromCwd(new URL('../../../../rulesets/rijnmond-2023-2027.sroi', import.meta.url));
export const rijnmondContract = fromCwd(
  new URL('../../../../rulesets/examples/schoonmaak-stadskantoor.json', import.meta.url),
);

/** A temporary directory; `write` puts a file in it and returns its path. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `sroi-${prefix}-`));
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// Reading rulesets from disk in tests, the way the CLI does (breidt uit relative to the file).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SourceHost } from '@sroi/compiler';

export const fileHost: SourceHost = {
  readFile(path) {
    try {
      return { text: readFileSync(path, 'utf8') };
    } catch (e) {
      return { error: (e as Error).message };
    }
  },
  resolve: (from, relative) => resolve(dirname(from), relative),
};

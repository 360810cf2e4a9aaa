// Issue 15, item 3 (JSON diagnostics), at ten times the size the issue names: a contract of 1.7 MB
// with 80,000 unknown keys (the issue: 100 KB, 8,000 keys, 23-50 s). The text is parsed once, the
// terminal shows a bounded number of diagnostics and says how many more there are, and --format json
// gives every one of them, each located.
import { describe, expect, test } from 'vitest';
import {
  expectLocated,
  expectWithinBudget,
  miniContract,
  sroi,
  type Budget,
  hostileFile,
} from './support.js';

const tmp = hostileFile('json');

const KEYS = 80_000;
const contract: Record<string, unknown> = { ...miniContract };
for (let i = 0; i < KEYS; i++) contract[`onbekend${i}`] = i;
const text = JSON.stringify(contract);
const file = tmp.write('keys.json', text);
const budget: Budget = { seconds: 30, heapMb: 512 };

describe('item 3: a contract with 80,000 unknown keys', () => {
  test('text and gnu output: the first 100, located, then one line saying how many more', async () => {
    const run = await sroi(['eval', '--format', 'gnu', 'packages/cli/test/fixtures/mini.sroi', file], {
      budget,
    });
    const shown = expectLocated(run, file, 'SR5006', 2, budget);
    expect(shown).toHaveLength(100);
    // Each at its own key: column = offset of `"onbekendN"` + 1 (the text is one line).
    for (const line of shown.slice(0, 5)) {
      const key = /Onbekend veld '(onbekend\d+)'/.exec(line)![1]!;
      expect(line).toContain(`${file}:1:${text.indexOf(`"${key}"`) + 1}: error SR5006: `);
    }
    expect(run.err).toContain(`info SR5102: Nog ${KEYS - 100} meldingen in dit bestand worden niet getoond`);
  });

  test('--format json: all 80,000, each with its line and column', async () => {
    const run = await sroi(['eval', '--format', 'json', 'packages/cli/test/fixtures/mini.sroi', file], {
      budget,
    });
    expectWithinBudget(run, budget);
    expect(run.code).toBe(2);
    const diagnostics = JSON.parse(run.err) as { code: string; path: string; column: number }[];
    const unknown = diagnostics.filter((d) => d.code === 'SR5006');
    expect(unknown).toHaveLength(KEYS);
    const last = unknown.find((d) => d.path === `onbekend${KEYS - 1}`)!;
    expect(last.column).toBe(text.indexOf(`"onbekend${KEYS - 1}"`) + 1);
  });
});

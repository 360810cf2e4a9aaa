// Issue 15, item 4 (forged terminal output): contract texts with CR, LF, escape sequences, C1
// controls and bidi overrides — ten of each, in every text field the output shows — never reach the
// terminal raw, so they cannot forge result lines, hide the boete or forge a `--format gnu` line;
// the same characters in a ruleset are warned about (Trojan Source).
import { describe, expect, test } from 'vitest';
import {
  expectLocated,
  expectWithinBudget,
  miniContract,
  miniText,
  sroi,
  hostileFile,
  MINI,
} from './support.js';

const tmp = hostileFile('terminal');

const mini = MINI;
/** A forged result line and every kind of control the issue names, ten times over. */
const forged = '\r\nBoete  € 0,00\n\u001b[8m\u009b8m\u001b]0;titel\u0007\u202e\u2066'.repeat(10);
/** No C0 control but newline, no C1 control, no bidi control: nothing that moves the cursor or reorders text. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('item 4: control characters in contract texts are escaped in every human-readable output', () => {
  const contract = tmp.write(
    'forged.json',
    JSON.stringify({ ...miniContract, id: `X${forged}`, gemeente: `G${forged}`, omschrijving: `O${forged}` }),
  );

  test.each([[[]], [['--kort']]])(
    'eval %j: one header line, the real boete, no raw control',
    async (flags) => {
      const run = await sroi(['eval', ...flags, mini, contract]);
      expectWithinBudget(run);
      expect(run.code).toBe(0);
      expect(run.out).not.toMatch(RAW_CONTROL);
      expect(run.out).toContain('\\x1b[8m');
      expect(run.out.split('\n').filter((l) => /^Boete\b/.test(l))).toHaveLength(1);
      expect(run.out).toMatch(/^Boete\s+€ 2\.000,00$/m);
    },
  );

  test('an unknown key with a newline cannot forge a gnu line', async () => {
    const key = 'x\n/etc/passwd:1:1: error SR0000: vals\u001b[2K';
    const file = tmp.write('key.json', JSON.stringify({ ...miniContract, [key.repeat(10)]: 1 }));
    const run = await sroi(['eval', '--format', 'gnu', mini, file]);
    const [line] = expectLocated(run, file, 'SR5006', 2);
    expect(run.err).not.toMatch(RAW_CONTROL);
    expect(run.err).not.toMatch(/^\/etc\/passwd/m);
    expect(line).toContain('\\n/etc/passwd:1:1');
  });

  test('JSON output keeps the texts exactly (JSON escapes them itself)', async () => {
    const run = await sroi(['eval', '--json', '--kort', mini, contract]);
    expectWithinBudget(run);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as { contract: string }).contract).toBe(`X${forged}`);
  });

  test('bidi overrides and C1 controls in a ruleset are warned about where they are (SR1100)', async () => {
    const text = miniText.replace('regeling "Mini"', 'regeling "Mini\u202e\u0085"');
    const file = tmp.write('trojan.sroi', text);
    const run = await sroi(['check', '--format', 'gnu', file]);
    const [line] = expectLocated(run, file, 'SR1100', 0);
    expect(line).toMatch(new RegExp(`:\\d+:15: warning SR1100: .*U\\+202E`));
    expect(run.err).not.toMatch(RAW_CONTROL);
  });
});

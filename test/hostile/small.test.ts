// Issue 15, item 9 (smaller things found on the way), at ten times the sizes where the issue names
// one: a 190-file chain of `breidt uit`, ten legitimate U+FFFD before an invalid byte, ten U+2028.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  escapeRegExp,
  expectLocated,
  expectWithinBudget,
  miniContract,
  miniText,
  sroi,
  hostileFile,
  MINI,
  MINI_CONTRACT,
} from './support.js';

const tmp = hostileFile('small');

const mini = MINI;
const contract = MINI_CONTRACT;

describe('item 9: smaller things', () => {
  test('irVersion "1" (a string) says it must be a number, not "version 1 unsupported (this one: 1)"', async () => {
    const exported = await sroi(['export', '--ir', mini]);
    const file = tmp.write('versie.ir.json', exported.out.replace(/"irVersion":\d+/, '"irVersion":"1"'));
    const [line] = expectLocated(await sroi(['eval', '--format', 'gnu', file, contract]), file, 'SR6400', 2);
    expect(line).toContain('irVersion moet een geheel getal zijn, niet "1"');
  });

  test('a set file with errors is called a set file, not an IR document', async () => {
    const file = tmp.write('kapot.set.json', JSON.stringify({ naam: 3 }));
    const run = await sroi(['eval', '--format', 'gnu', file, contract]);
    const lines = expectLocated(run, file, 'SR6003', 2);
    expect(lines.every((l) => l.includes('Set-bestand is ongeldig'))).toBe(true);
    expect(run.err).not.toContain('IR-document');
  });

  test('invalid UTF-8 after ten legitimate U+FFFD: SR1006 at the bad byte, with a hint for contracts too', async () => {
    const before = `{"id": "${'\ufffd'.repeat(10)}", "omschrijving": "`;
    const file = tmp.write(
      'fffd.json',
      Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    );
    const [line] = expectLocated(await sroi(['eval', '--format', 'gnu', mini, file]), file, 'SR1006', 2);
    expect(line).toContain(`${file}:1:${before.length + 1}: error SR1006: `);
    expect(line).toContain('Regelingen, contracten en sets zijn UTF-8-tekst');
    expect(line).not.toContain('Een regeling is UTF-8-tekst');
  });

  test('ten U+2028 in a comment: lines and columns agree with what the lexer reads', async () => {
    const text = miniText.replace(
      'regeling "Mini"',
      `# ${'a\u2028'.repeat(10)}b\nregeling "Mini"\nparmeter x`,
    );
    const file = tmp.write('scheiding.sroi', text);
    const run = await sroi(['check', '--format', 'gnu', file]);
    const lines = expectLocated(run, file, 'SR1004', 1);
    // U+2028 ends the comment: the lexer reads `a` ... `b` as names on line 2, and the misspelt
    // declaration is at the start of line 4 of the file as an editor numbers it.
    expect(lines.some((l) => l.startsWith(`${file}:4:1: error SR1004: Onverwacht 'parmeter'`))).toBe(true);
  });

  test('a chain of 190 rulesets without a cycle is a chain too long (SR2100), not a cycle (SR2015)', async () => {
    mkdirSync(join(tmp.dir, 'keten'));
    tmp.write('keten/r0.sroi', miniText);
    for (let i = 1; i < 190; i++)
      tmp.write(
        `keten/r${i}.sroi`,
        miniText.replace('regeling "Mini"', `regeling "R${i}"\n  breidt uit "r${i - 1}.sroi"`),
      );
    const file = tmp.path('keten/r189.sroi');
    const run = await sroi(['check', '--format', 'gnu', file]);
    expectWithinBudget(run);
    expect(run.code).toBe(1);
    // At the `breidt uit` of the ruleset where the chain passes the limit.
    expect(run.err).toMatch(
      new RegExp(`^${escapeRegExp(tmp.path('keten'))}/r\\d+\\.sroi:3:14: error SR2100: `),
    );
    expect(run.err).not.toContain('SR2015');
  });

  test.each([
    ['eval', '--batch', '-', '--workers', '0x2', mini],
    ['eval', '--batch', '-', '--workers', '1e1', mini],
    ['eval', '--batch', '-', '--workers', ' 2', mini],
    ['eval', '--batch', '-', '--workers', '640', mini],
    ['test', '--runs', '1e3', mini],
    ['test', '--runs', '0x10', mini],
    ['test', '--seed', '1.5', mini],
  ])('%s %s %s %s: refused in one line with exit 2, before any work', async (...args) => {
    const run = await sroi(args, { stdin: `${JSON.stringify(miniContract)}\n` });
    expectWithinBudget(run);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/^sroi: .*moet een geheel getal/);
  });
});

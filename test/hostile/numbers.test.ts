// Issue 15, item 7 (money is never changed silently): a JSON number a double cannot hold exactly is
// refused where it is written with a message recommending a string, and a duplicate key is refused
// where it is written in contracts, IR and set files. Ten times the issue's number (9007199254740993),
// and ten duplicate keys.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectLocated, expectWithinBudget, miniContract, root, sroi, hostileFile, MINI } from './support.js';

const tmp = hostileFile('numbers');

const mini = MINI;
const column = (text: string, needle: string) => text.indexOf(needle) + 1;

describe('item 7: numbers a double cannot hold are refused, not rounded', () => {
  test.each(['90071992547409931', '90071992547409930.01', '1e400', '0.1000000000000000055511151231257827'])(
    '"waarde": %s: SR5100 at the number, recommending a string',
    async (number) => {
      const text = JSON.stringify({ ...miniContract, waarde: 0 }).replace('"waarde":0', `"waarde":${number}`);
      const file = tmp.write(`getal-${number.length}.json`, text);
      const run = await sroi(['eval', '--format', 'gnu', mini, file]);
      const [line] = expectLocated(run, file, 'SR5100', 2);
      expect(line).toContain(`${file}:1:${column(text, number)}: error SR5100: `);
      expect(line).toMatch(/als tekst tussen aanhalingstekens/);
    },
  );

  test('the same number as a string is exact: the obligation is 5% of it to the cent', async () => {
    const file = tmp.write('tekst.json', JSON.stringify({ ...miniContract, waarde: '90071992547409931.00' }));
    const run = await sroi(['eval', '--json', '--kort', mini, file]);
    expectWithinBudget(run);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as { verplichting: string }).verplichting).toBe('4503599627370496.55');
  });

  test('in a batch line too: SR5100 for that line, the others evaluated', async () => {
    const bad = JSON.stringify({ ...miniContract, waarde: 0 }).replace(
      '"waarde":0',
      '"waarde":90071992547409931',
    );
    const lines = [JSON.stringify(miniContract), bad, JSON.stringify(miniContract)].join('\n') + '\n';
    const run = await sroi(['eval', '--batch', '-', '--kort', mini], { stdin: lines });
    expectWithinBudget(run);
    const out = run.out.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    expect(out[1]).toContain('"SR5100"');
    expect(out[0]).toContain('"verplichting":"5000.00"');
    expect(out[2]).toContain('"verplichting":"5000.00"');
  });
});

describe('item 7: duplicate keys are refused where they are written', () => {
  /** `"waarde":"120000.00","waarde":"1.00"` and nine more duplicates after it. */
  const dupes = (text: string, key: string, first: string, then: string) =>
    text.replace(`"${key}":${first}`, `"${key}":${first}${`,"${key}":${then}`.repeat(10)}`);

  test('in a contract: SR5101 at the second key, for each object', async () => {
    const text = dupes(
      JSON.stringify({ ...miniContract, waarde: '120000.00' }),
      'waarde',
      '"120000.00"',
      '"1.00"',
    );
    const file = tmp.write('dubbel.json', text);
    const run = await sroi(['eval', '--format', 'gnu', mini, file]);
    const lines = expectLocated(run, file, 'SR5101', 2);
    expect(lines[0]).toContain(
      `${file}:1:${text.indexOf('"waarde"', text.indexOf('"waarde"') + 1) + 1}: error SR5101: `,
    );
  });

  test('in an IR document and in a set file', async () => {
    const exported = await sroi(['export', '--ir', mini]);
    const ir = exported.out.replace('"irVersion":', '"irVersion": 2, "irVersion":');
    const irFile = tmp.write('dubbel.ir.json', ir);
    expectLocated(
      await sroi(['eval', '--format', 'gnu', irFile, 'packages/cli/test/fixtures/plaatsing.json']),
      irFile,
      'SR5101',
      2,
    );

    // The set and its members in a folder of their own.
    for (const member of ['rijnmond-2019-2023.sroi', 'rijnmond-2023-2027.sroi'])
      tmp.write(member, readFileSync(`${root}/rulesets/${member}`));
    const set = readFileSync(`${root}/rulesets/rijnmond.set.json`, 'utf8');
    const setFile = tmp.write(
      'dubbel.set.json',
      set.replace('"regelingen":', '"regelingen": [], "regelingen":'),
    );
    expectLocated(await sroi(['check', '--format', 'gnu', setFile]), setFile, 'SR5101', 2);
  });
});

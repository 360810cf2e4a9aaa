// Issue 15, item 6 (batch loses nothing): every good line of a batch is evaluated and written, in
// order, whatever the lines around it are — over-long (its own error line, with its number),
// unterminated, not UTF-8, with a BOM — and a run stopped by SIGTERM or SIGINT ends at a line
// boundary with a summary on stderr. Ten times the sizes where that fits in a test: sixty
// good contracts instead of six. The 540 MB line at ten times (5.4 GB) does not fit on a CI
// machine: the same ratio is kept with the limit set lower (a 5.4 MB line, --max-line-bytes 540000),
// and a 20 MB line is tested against the default limit of 16 MB.
import { describe, expect, test } from 'vitest';
import {
  expectWithinBudget,
  miniContract,
  sroi,
  type Budget,
  type Run,
  hostileFile,
  MINI,
} from './support.js';

const tmp = hostileFile('batch');

const mini = MINI;
const good = (i: number) => JSON.stringify({ ...miniContract, id: `GOED-${i}` });
/** Lines and what each must give: a result for contract id, or a refusal with a code. */
type Expect = { id: string } | { code: string };
const enc = (s: string) => Buffer.from(s, 'utf8');
// Heavy-ish: 60 MB of input read through a 256 MB heap (the lines must not be held whole).
const budget: Budget = { seconds: 40, heapMb: 256 };

/** Checks that every line of output is JSON, in input order, one per input line. */
function expectLines(run: Run, expected: readonly Expect[]) {
  expectWithinBudget(run, budget);
  expect(run.out.endsWith('\n')).toBe(true);
  const lines = run.out.trimEnd().split('\n');
  expect(lines).toHaveLength(expected.length);
  lines.forEach((line, i) => {
    const value = JSON.parse(line) as { contract?: string; regel?: number; fouten?: { code: string }[] };
    const want = expected[i]!;
    if ('id' in want)
      expect({ line: i + 1, contract: value.contract }).toEqual({ line: i + 1, contract: want.id });
    else {
      expect(value.regel).toBe(i + 1);
      expect(value.fouten?.[0]?.code).toBe(want.code);
    }
  });
}

describe('item 6: a batch of sixty good contracts among hostile lines loses none of them', () => {
  const parts: Buffer[] = [];
  const expected: Expect[] = [];
  const add = (bytes: Buffer, want: Expect) => {
    parts.push(bytes);
    expected.push(want);
  };
  for (let i = 1; i <= 60; i++) {
    add(enc(`${i % 20 === 3 ? '\ufeff' : ''}${good(i)}\n`), { id: `GOED-${i}` });
    if (i === 10) add(enc(`{"id":"${'x'.repeat(20 * 1024 * 1024)}"}\n`), { code: 'SR5103' });
    if (i === 20)
      add(Buffer.concat([enc('{"id":"'), Buffer.from([0xc3, 0x28, 0xff]), enc('"}\n')]), { code: 'SR1006' });
    if (i === 30) add(enc(`{"id":"${'y'.repeat(5_400_000)}"}\n`), { code: 'SR5103' });
  }
  // Last: 40 MB without a newline.
  add(enc(`{"id":"${'z'.repeat(40 * 1024 * 1024)}`), { code: 'SR5103' });
  const file = tmp.write('batch.jsonl', Buffer.concat(parts));
  const summary = `${expected.length} regels gelezen, ${expected.length} geschreven, 4 geweigerd`;

  test('from a file, with --max-line-bytes 540000', async () => {
    const run = await sroi(['eval', '--batch', file, '--max-line-bytes', '540000', mini], { budget });
    expectLines(run, expected);
    expect(run.code).toBe(2);
    expect(run.err).toContain(summary);
  }, 60_000);

  test('from stdin, with the default limit of 16 MB: the 5.4 MB line is read, and refused for what it lacks', async () => {
    const run = await sroi(['eval', '--batch', '-', mini], { budget, stdin: Buffer.concat(parts) });
    const long = parts.findIndex((p) => p.length > 5_000_000 && p.length < 6_000_000);
    expectLines(
      run,
      expected.map((e, i) => (i === long ? { code: 'SR5004' } : e)),
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain(summary);
  }, 60_000);
});

describe('item 6: SIGTERM or SIGINT stops a batch at a line boundary, with a summary', () => {
  // 20,000 contracts (the issue lost a line in 8 of 13 tries): the signal comes while output flows.
  const file = tmp.write('veel.jsonl', Array.from({ length: 20_000 }, (_, i) => good(i)).join('\n') + '\n');

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: every line written is whole JSON, and stderr says how many', async (signal, exit) => {
    let sent = false;
    const run = await sroi(['eval', '--batch', file, '--kort', mini], {
      onOut: (_chunk, child) => {
        if (sent) return;
        sent = true;
        child.kill(signal);
      },
    });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(exit);
    expect(run.out.endsWith('\n')).toBe(true);
    const lines = run.out.trimEnd().split('\n');
    lines.forEach((l, i) => expect((JSON.parse(l) as { contract: string }).contract).toBe(`GOED-${i}`));
    expect(run.err).toMatch(new RegExp(`\\d+ regels gelezen, ${lines.length} geschreven`));
  });
});

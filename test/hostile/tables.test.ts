// Issue 15, item 2 (size), at ten times the sizes the issue names: a `[uniek]` table of 100,000
// interval rows (the issue: 10,000 rows took 85 s and 1.9 GB) is proven complete and free of
// overlap, a gap and an overlap in it are reported at their rows, and `sroi matrix` over a table of
// 50,000 rows (the issue: 5,000 rows took 45 s) finishes within its budget. These are the heaviest
// cases of the hostile suite: without SROI_HOSTILE_HEAVY=1 only the first runs at ten times, the
// evaluation, the gap and the overlap at 20,000 rows and the matrix at 5,000 (the issue's sizes, within 30 s where they
// took 85 s and 45 s). The issue's other size — 20,000 rows aborting V8 — at ten times (200,000
// rows, 6 MB of table) runs only with SROI_HOSTILE_HEAVY=1.
import { describe, expect, test } from 'vitest';
import {
  HEAVY,
  expectLocated,
  expectWithinBudget,
  lineOf,
  miniText,
  sroi,
  type Budget,
  hostileFile,
  MINI_CONTRACT,
} from './support.js';

const tmp = hostileFile('tables');

/** The mini ruleset, its placements valued by a `[uniek]` table of `n` interval rows `≥ 10i en < 10(i+1)`. */
function withTable(n: number, change: (rows: string[]) => void = () => {}): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(`  | ≥ ${i * 10} en < ${(i + 1) * 10} | € ${i % 1000} |`);
  rows.push(`  | ≥ ${n * 10} | € 0 |`);
  change(rows);
  const valued = miniText.replace(
    'afronden(jaarwaarde × activiteit.maanden + bonus_onbepaald, op € 0,01)',
    'afronden(jaarwaarde × activiteit.maanden + bonus_onbepaald + t(standaard(activiteit.leeftijd, 30)), op € 0,01)',
  );
  return `${valued}\ntabel t(n: getal): bedrag [uniek]\n  aanname "Gegenereerd"\n${rows.join('\n')}\n`;
}

const contract = MINI_CONTRACT;
const heavy: Budget = { seconds: 60, heapMb: 2048 };

describe('item 2: big tables are analysed in n log n, at ten times the sizes of the issue', () => {
  test('a [uniek] table of 100,000 interval rows is proven complete and free of overlap', async () => {
    const file = tmp.write('tabel-100000.sroi', withTable(100_000));
    const run = await sroi(['check', '--format', 'gnu', file], { budget: heavy });
    expectWithinBudget(run, heavy);
    expect(run.err).not.toMatch(/SR40\d\d/);
    expect(run.code).toBe(0);
  }, 90_000);

  // Evaluating a table of 10,000 rows or more crashed the code generator (a stack overflow); the IR
  // of 100,000 rows (24 MB) was over the input limit. 20,000 rows without SROI_HOSTILE_HEAVY=1.
  const evaluated = HEAVY ? 100_000 : 20_000;
  test(`a table of ${evaluated} rows: exported as IR, loaded and evaluated to the cent`, async () => {
    const file = tmp.write('tabel-eval.sroi', withTable(evaluated));
    // Whatever check accepts, the evaluator loads. Leeftijd 30 (the default) hits the row
    // ≥ 30 en < 40, € 3: the placement is € 2.500 + € 3.
    const ir = tmp.path('tabel-eval.ir.json');
    const exported = await sroi(['export', '--ir', file, '-o', ir], { budget: heavy });
    expectWithinBudget(exported, heavy);
    expect(exported.code).toBe(0);
    for (const ruleset of [ir, file]) {
      const run = await sroi(['eval', '--json', '--kort', ruleset, contract], { budget: heavy });
      expectWithinBudget(run, heavy);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.out) as { waarderingen: { soort: string; bedrag: string }[] };
      expect(result.waarderingen.find((v) => v.soort === 'plaatsing')?.bedrag).toBe('2503.00');
    }
  }, 120_000);

  const rows = HEAVY ? 100_000 : 20_000;
  test(`a gap and an overlap among ${rows} rows are each reported at their rows`, async () => {
    const text = withTable(rows, (r) => {
      r[(rows * 73) / 100] = `  | ≥ ${(rows * 73) / 10} en < ${(rows * 73) / 10 + 20} | € 1 |`;
      r.splice((rows * 99) / 100, 1);
    });
    const file = tmp.write('tabel-fout.sroi', text);
    const run = await sroi(['check', '--format', 'gnu', file], { budget: heavy });
    const [gap] = expectLocated(run, file, 'SR4001', 1, heavy);
    expect(gap).toContain(`geen rij past bij n = ${((rows * 99) / 10).toLocaleString('nl-NL')}`);
    const [overlap] = expectLocated(run, file, 'SR4002', 1, heavy);
    expect(overlap).toContain(
      `${file}:${lineOf(text, `| ≥ ${(rows * 73) / 10 + 10} en < ${(rows * 73) / 10 + 20} |`)}:3: error SR4002: `,
    );
  }, 90_000);

  test.runIf(HEAVY)(
    'a [uniek] table of 200,000 interval rows (SROI_HOSTILE_HEAVY=1)',
    async () => {
      const budget: Budget = { seconds: 120, heapMb: 3072 };
      const file = tmp.write('tabel-200000.sroi', withTable(200_000));
      const run = await sroi(['check', '--format', 'gnu', file], { budget });
      expectWithinBudget(run, budget);
      expect(run.code).toBe(0);
    },
    180_000,
  );

  const matrixRows = HEAVY ? 50_000 : 5_000;
  test(`sroi matrix with a table of ${matrixRows} rows against the mini ruleset`, async () => {
    const budget: Budget = HEAVY ? heavy : { seconds: 30, heapMb: 1024 };
    const file = tmp.write('tabel-matrix.sroi', withTable(matrixRows));
    const run = await sroi(
      [
        'matrix',
        '--csv',
        file,
        'packages/cli/test/fixtures/mini.sroi',
        '--portefeuille',
        'rulesets/examples/portfolio.jsonl',
      ],
      { budget },
    );
    expectWithinBudget(run, budget);
    expect(run.code).toBe(0);
    // One matrix row per table row, and the portfolio totals.
    expect(run.out.split('\n').filter((l) => l.includes('≥ ')).length).toBeGreaterThanOrEqual(matrixRows);
    expect(run.out).toContain('portefeuille');
  }, 90_000);
});

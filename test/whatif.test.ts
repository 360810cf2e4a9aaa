// Golden files for `sroi whatif` (STYLE 14): reports and every what-if diagnostic exactly as the
// CLI prints them, on fixtures in test/fixtures/whatif. Regenerate with
// `npx vitest run test/whatif.test.ts -u` and review the change with git diff.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@sroi/cli';

const dir = 'test/fixtures/whatif';
const golden = (name: string) => join(import.meta.dirname, 'fixtures/whatif', name);
const set = 'rulesets/rijnmond.set.json';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const both = (r: { code: number; out: string; err: string }) =>
  `exit ${r.code}\n--- stderr\n${r.err}--- stdout\n${r.out}`;

describe('sroi whatif', () => {
  it('compares scenario rulesets with a region set, reports skipped rows and attributes per parameter', async () => {
    const r = await run([
      'whatif',
      set,
      `${dir}/portfolio.jsonl`,
      '--scenario',
      `${dir}/tarieven.sroi`,
      '--scenario',
      `${dir}/niets.sroi`,
      '--scenario',
      `${dir}/formule.sroi`,
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    await expect(both(r)).toMatchFileSnapshot(golden('scenarios.expected.txt'));
  });

  it('writes the report as JSON, with the attribution to the cent', async () => {
    const r = await run([
      'whatif',
      set,
      `${dir}/portfolio.jsonl`,
      '--scenario',
      `${dir}/tarieven.sroi`,
      '--json',
      '--quiet',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    await expect(r.out).toMatchFileSnapshot(golden('tarieven.expected.json'));
  });

  it('reads a CSV export with Dutch numbers, locating bad rows by row and column', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sroi-whatif-')), 'r.csv');
    const html = out.replace(/\.csv$/, '.html');
    const r = await run([
      'whatif',
      set,
      `${dir}/export.csv`,
      '--set',
      'sr_percentage=6%',
      '--set',
      'uurtarief_maatschappelijk=€ 80 per uur',
      '--csv',
      out,
      '--html',
      html,
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(0);
    await expect(both(r)).toMatchFileSnapshot(golden('export.expected.txt'));
    await expect(readFileSync(out, 'utf8')).toMatchFileSnapshot(golden('export.expected.csv'));
    const page = readFileSync(html, 'utf8');
    // No markup from the portfolio (a contract id "<script>alert(1)</script>") and no script at all.
    expect(page).not.toContain('<script');
    expect(page).toContain('<svg');
  });

  it.each(['0x2', '1e1', ' 2', '0', '65'])(
    'refuses --workers %j: decimal digits from 1 to 64 only',
    async (w) => {
      const r = await run([
        'whatif',
        set,
        `${dir}/portfolio.jsonl`,
        '--set',
        'sr_percentage=6%',
        '--workers',
        w,
      ]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `sroi: whatif: --workers moet een geheel getal van 1 tot en met 64 zijn, niet '${w}'\n`,
      );
    },
  );

  it('reads an XLSX workbook: a contracts sheet and an activities sheet', async () => {
    const r = await run([
      'whatif',
      set,
      `${dir}/werkmap.xlsx`,
      '--set',
      'sr_percentage=6%',
      '--workers',
      '1',
    ]);
    // The whole output first: when the workbook cannot be read, the message says why.
    await expect(both(r)).toMatchFileSnapshot(golden('werkmap.expected.txt'));
    expect(r.code).toBe(0);
  });

  it('stops on a file it cannot read as a portfolio, and at the first bad row with --strict', async () => {
    const results = [
      await run(['whatif', set, `${dir}/zonder-waarde.csv`, '--set', 'sr_percentage=6%', '--workers', '1']),
      await run([
        'whatif',
        set,
        `${dir}/zonder-contracten.xlsx`,
        '--set',
        'sr_percentage=6%',
        '--workers',
        '1',
      ]),
      await run([
        'whatif',
        set,
        `${dir}/export.csv`,
        '--set',
        'sr_percentage=6%',
        '--strict',
        '--workers',
        '1',
      ]),
    ];
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    await expect(results.map(both).join('\n')).toMatchFileSnapshot(golden('unreadable.expected.txt'));
  });

  it('says why it stopped in English with --lang en', async () => {
    const unreadable = await run([
      'whatif',
      set,
      `${dir}/zonder-waarde.csv`,
      '--set',
      'sr_percentage=6%',
      '--lang',
      'en',
    ]);
    const strict = await run([
      'whatif',
      set,
      `${dir}/export.csv`,
      '--set',
      'sr_percentage=6%',
      '--strict',
      '--lang',
      'en',
    ]);
    expect([unreadable.code, strict.code]).toEqual([2, 2]);
    expect(unreadable.err.trimEnd().split('\n').at(-1)).toBe(
      `whatif: ${dir}/zonder-waarde.csv cannot be read as a portfolio (see the message above)`,
    );
    expect(strict.err.trimEnd().split('\n').at(-1)).toBe(
      'whatif: stopped at the first invalid row (--strict)',
    );
  });

  it('refuses --set assignments with located errors and did-you-mean', async () => {
    const cases = [
      ['sr_percentag=5%'],
      ['jaarwaarde_plaatsing[particpatiewet]=42000'],
      ['sr_percentage'],
      ['jaarwaarde_plaatsing=42000'],
      ['sr_percentage[diensten]=5%'],
      ['boetepercentage=50'],
      ['uurtarief_maatschappelijk=5 per jaar'],
    ];
    const results = [];
    for (const c of cases)
      results.push(await run(['whatif', set, `${dir}/portfolio.jsonl`, ...c.flatMap((s) => ['--set', s])]));
    expect(results.map((r) => r.code)).toEqual(cases.map(() => 2));
    await expect(results.map(both).join('\n')).toMatchFileSnapshot(golden('set-errors.expected.txt'));
  });

  it('refuses a scenario that extends a ruleset outside the base, and in English', async () => {
    const r = await run([
      'whatif',
      '--lang',
      'en',
      set,
      `${dir}/portfolio.jsonl`,
      '--scenario',
      `${dir}/haaglanden.sroi`,
    ]);
    expect(r.code).toBe(1);
    await expect(both(r)).toMatchFileSnapshot(golden('other-base.expected.txt'));
  });

  it('evaluates but does not attribute a scenario of more than ten changed parameters', async () => {
    const sets = [
      'sr_percentage=6%',
      'boetepercentage=90%',
      'inkoop_percentage=25%',
      'uurtarief_maatschappelijk=110',
      'max_maanden_plaatsing=30',
      'max_maanden_leerling=20',
      'max_maanden_ontwikkeling=10',
      'drempel=60000',
      'jaarwaarde_plaatsing[ww]=16000',
      'jaarwaarde_plaatsing[wia]=26000',
      'jaarwaarde_leerling[hbo]=6000',
    ];
    const r = await run([
      'whatif',
      set,
      `${dir}/portfolio.jsonl`,
      '--quiet',
      '--workers',
      '1',
      ...sets.flatMap((s) => ['--set', s]),
    ]);
    expect(r.code).toBe(0);
    await expect(both(r)).toMatchFileSnapshot(golden('eleven.expected.txt'));
  });
});

describe('sroi portfolio generate', () => {
  it('writes the same portfolio for the same seed, in every format the reader takes', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sroi-portfolio-'));
    const reports: string[] = [];
    for (const format of ['jsonl', 'csv', 'xlsx']) {
      const file = join(tmp, `p.${format}`);
      expect(
        (
          await run([
            'portfolio',
            'generate',
            '--contracts',
            '60',
            '--seed',
            '5',
            '--format',
            format,
            '--out',
            file,
          ])
        ).code,
      ).toBe(0);
      const r = await run([
        'whatif',
        set,
        file,
        '--set',
        'jaarwaarde_plaatsing[participatiewet]=42000',
        '--json',
        '--quiet',
        '--workers',
        '1',
      ]);
      reports.push(r.out.replace(/"portfolio": ".*"/, ''));
    }
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
  });
});

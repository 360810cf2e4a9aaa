// A portfolio held as text (the playground's uploaded file) reads as the streamed node readers
// read the same file: the same contracts, the same problems at the same rows and columns.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv, readJsonLines, type PortfolioItem } from '../../src/node/index.js';
import { portfolioFromText } from '../../src/index.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/whatif/', import.meta.url));

/** Items as plain data: a contract with its first row and where a path points, or a problem. */
const plain = (items: Iterable<PortfolioItem>) =>
  [...items].map((i) =>
    'problem' in i
      ? { problem: i.problem.code, args: i.problem.args, rows: i.rows }
      : {
          contract: i.contract,
          row: i.where.row,
          rows: i.where.rows,
          located: i.where.locate('activiteiten[0].fte'),
        },
  );
async function collect(items: AsyncIterable<PortfolioItem>): Promise<PortfolioItem[]> {
  const out: PortfolioItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

describe('portfolioFromText', () => {
  for (const file of ['export.csv', 'zonder-waarde.csv', 'portfolio.jsonl']) {
    it(`reads ${file} as the streamed reader does`, async () => {
      const path = `${fixtures}${file}`;
      const streamed = await collect(file.endsWith('.csv') ? readCsv(path, file) : readJsonLines(path, file));
      const fromText = plain(portfolioFromText(readFileSync(path, 'utf8'), file));
      expect(fromText).toEqual(plain(streamed));
      expect(fromText.length).toBeGreaterThan(0);
    });
  }

  it('reports a line that is not JSON with its row, and goes on', () => {
    const items = plain(portfolioFromText('{"id":"A"}\n\n{kapot\n{"id":"B"}\n', 'p.jsonl'));
    expect(items.map((i) => ('problem' in i ? `${i.problem}@${String(i.args?.row)}` : i.row))).toEqual([
      1,
      'SR5301@3',
      4,
    ]);
  });

  it('a CSV the parser cannot read on (a quote that does not close) is SR5306 at its line, after the contracts before it, in text and streamed alike', async () => {
    const text =
      'id;opdrachtsoort;waarde;gunningsdatum;soort;uren\nA;diensten;100000;2024-03-01;maatschappelijk;40\nB;diensten;"kapot\n';
    const fromText = plain(portfolioFromText(text, 'kapot.csv'));
    expect(fromText.map((i) => ('problem' in i ? `${i.problem}@${String(i.args?.row)}` : i.row))).toEqual([
      2,
      'SR5306@3',
    ]);
    expect(fromText[1]).toMatchObject({ args: { reason: 'CSV_QUOTE_NOT_CLOSED' }, rows: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'sroi-csv-'));
    writeFileSync(join(dir, 'kapot.csv'), text);
    expect(plain(await collect(readCsv(join(dir, 'kapot.csv'), 'kapot.csv')))).toEqual(fromText);
  });

  it('refuses a workbook by name, since its rows are binary', () => {
    const items = plain(portfolioFromText('PK', 'p.xlsx'));
    expect(items).toEqual([expect.objectContaining({ problem: 'SR5304', rows: 0 })]);
  });
});

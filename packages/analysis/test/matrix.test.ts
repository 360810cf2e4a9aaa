import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildMatrix, parseJsonLines, type Matrix } from '../src/index.js';
import { review, rulesetsDir, shipped } from './support/rulesets.js';

const portfolio = parseJsonLines(
  readFileSync(join(rulesetsDir, 'examples/portfolio.jsonl'), 'utf8'),
).contracts;
const cells = (m: Matrix, key: string) => m.rows.find((r) => r.key === key)?.cells.map((c) => c.text);
const marks = (m: Matrix, key: string) => m.rows.find((r) => r.key === key)?.cells.map((c) => c.divergent);

describe('harmonisation matrix over the five rulesets', () => {
  const m = buildMatrix(
    shipped.map((f) => review(f)),
    { portfolio },
  );

  test('computes on one reference date, moved into each ruleset’s own period', () => {
    expect(m.date).toBe('2026-01-01');
    expect(m.rulesets.map((r) => [r.date, r.moved])).toEqual([
      ['2023-06-30', true],
      ['2026-01-01', false],
      ['2026-01-01', false],
      ['2026-01-01', false],
      ['2023-06-30', true],
    ]);
  });

  test('structural rows compare what has the same name and mark the cells that differ from the base', () => {
    expect(cells(m, 'waarde binnen_bereik')?.[0]).toBe('contract.waarde ≥ drempel');
    expect(marks(m, 'waarde binnen_bereik')).toEqual([false, true, true, true, true]);
    expect(marks(m, 'waarde sr_percentage')).toEqual([false, false, false, true, false]);
    // The caps name their percentage (a parameter), so the formulas agree and the values differ.
    expect(cells(m, 'maximum maatschappelijk')).toEqual([
      'afronden(maximum_maatschappelijk × verplichting, op € 0,01)',
      'afronden(maximum_maatschappelijk × verplichting, op € 0,01)',
      'geen',
      'geen',
      'afronden(maximum_maatschappelijk × verplichting, op € 0,01)',
    ]);
    expect(cells(m, 'waarde maximum_maatschappelijk')).toEqual(['20%', '10%', '—', '—', '20%']);
  });

  test('computed rows compare like with like, whatever a ruleset calls its tables', () => {
    expect(cells(m, 'berekend plaatsing participatiewet')).toEqual([
      '€ 37.500,00',
      '€ 42.000,00',
      '€ 40.000,00',
      '€ 40.000,00',
      '€ 37.500,00',
    ]);
    expect(cells(m, 'berekend drempel diensten')).toEqual([
      '€ 50.000,00',
      '€ 50.000,01',
      '€ 216.000,01',
      '€ 216.000,01',
      '€ 125.000,00',
    ]);
    expect(cells(m, 'berekend drempel leveringen')?.[2]).toBe('geen (tot € 1.000.000.000,00)');
    expect(cells(m, 'berekend maximum maatschappelijk')).toEqual([
      '20%',
      '10%',
      'geen maximum',
      'geen maximum',
      '20%',
    ]);
    expect(cells(m, 'berekend percentage arbeidsaandeel=29.99')).toEqual(['5%', '5%', '5%', '2%', '5%']);
    expect(cells(m, 'berekend boete')).toEqual(['100%', '100%', '100%', '100%', '100%']);
  });

  test('computed rows come first, then the portfolio, then the declarations by name', () => {
    const sections = [...new Set(m.rows.map((r) => r.section))];
    expect(sections.slice(0, 5)).toEqual(['activities', 'obligation', 'caps', 'penalty', 'portfolio']);
  });

  test('a probe is complete: mbo-bbl gives its niveau, leren-en-werken its startkwalificatie', () => {
    // Haaglanden values a bbl leerling by niveau; without one the probe was € 0 (issue 16).
    expect(cells(m, 'berekend leerling mbo-bbl niveau 1-2')).toEqual([
      '€ 15.000,00',
      '€ 15.000,00',
      '€ 25.000,00',
      '€ 25.000,00',
      '€ 15.000,00',
    ]);
    expect(cells(m, 'berekend leerling mbo-bbl niveau 3-4')?.[2]).toBe('€ 15.000,00');
    expect(m.rows.some((r) => r.key === 'berekend leerling mbo-bbl')).toBe(false);
    // Rijnmond 2023-2027 asks a startkwalificatie for leren-en-werken: both readings are shown.
    expect(cells(m, 'berekend arbeidsontwikkeling leren-en-werken met startkwalificatie')?.[1]).toBe(
      '€ 12.000,00',
    );
    expect(
      m.rows.find((r) => r.key === 'berekend arbeidsontwikkeling leren-en-werken')?.cells[1],
    ).toMatchObject({
      text: '€ 0,00',
      note: 'Leren en werken vraagt een startkwalificatie',
    });
  });

  test('a ruleset that does not value a probe says why', () => {
    const row = m.rows.find((r) => r.key === 'berekend leerling mbo-bol')!;
    expect(row.cells[2]).toMatchObject({
      text: '€ 0,00',
      note: expect.stringContaining('telt in de bouwblokken niet'),
    });
    expect(row.cells[1]?.note).toBeUndefined();
  });

  test('each value says whether it is cited or rests on an aanname', () => {
    const placement = m.rows.find((r) => r.key === 'berekend plaatsing participatiewet')!;
    expect(placement.cells.map((c) => c.provenance?.kind)).toEqual([
      'aanname',
      'aanname',
      'bron',
      'bron',
      'aanname',
    ]);
    expect(placement.cells[1]?.provenance?.assumptions).toContain('tabel jaarwaarde_plaatsing');
    const percentage = m.rows.find((r) => r.key === 'waarde maximum_maatschappelijk')!;
    expect(percentage.cells[1]?.provenance?.kind).toBe('aanname');
    expect(
      m.rows.filter((r) => r.section === 'header').every((r) => r.cells.every((c) => !c.provenance)),
    ).toBe(true);
  });

  test('portfolio rows total the sample contracts and compare them with the base', () => {
    expect(m.portfolio?.map((p) => p.contracts)).toEqual([50, 50, 50, 50, 50]);
    expect(m.portfolio?.every((p) => p.refused === 0)).toBe(true);
    expect(m.portfolio?.[0]?.versusBase).toEqual({
      verplichting: '0.00',
      gerealiseerd: '0.00',
      verplichtingPct: '0.00',
      gerealiseerdPct: '0.00',
    });
    const [base, other] = [m.portfolio![0]!, m.portfolio![1]!];
    expect(Number(other.versusBase.verplichting)).toBeCloseTo(
      Number(other.verplichting) - Number(base.verplichting),
      2,
    );
  });

  test('every row has a cell per ruleset, and a row is divergent exactly when a cell is', () => {
    for (const r of m.rows) {
      expect(r.cells).toHaveLength(5);
      expect(r.divergent).toBe(r.cells.some((c) => c.divergent));
    }
  });
});

test('a matrix of one ruleset has no divergent cell', () => {
  const m = buildMatrix([review('haaglanden-zhc-2023.sroi')], { date: '2024-03-01' });
  expect(m.rows.some((r) => r.divergent)).toBe(false);
  expect(m.rulesets[0]!.date).toBe('2024-03-01');
});

import { describe, expect, it } from 'vitest';
import { whatIfHtml, whatIfText, type ScenarioReport, type WhatIfReport } from '../../src/index.js';

const variant = {
  contracts: 1,
  status: { 'geen-verplichting': 0, voldaan: 0, 'niet-voldaan': 1 },
  fulfilment: [],
  routes: [{ name: 'werken', label: 'Werken', gerealiseerd: '10.00' }],
  doelgroepen: [],
  opdrachtsoorten: [],
} as const;

/** A scenario that raises every quantity by € 1,00, with a long parameter name. */
const scenario: ScenarioReport = {
  ...variant,
  name: 'S',
  totals: { verplichting: '2.00', gerealiseerd: '2.00', restant: '2.00', overschot: '2.00', boete: '2.00' },
  difference: {
    verplichting: '1.00',
    gerealiseerd: '1.00',
    restant: '1.00',
    overschot: '1.00',
    boete: '1.00',
  },
  players: [
    {
      label: 'jaarwaarde_plaatsing[jongere-zonder-startkwalificatie]',
      from: '1',
      to: '2',
      en: { from: '1', to: '2' },
    },
  ],
  failed: 0,
  changed: 1,
  metToNotMet: 0,
  notMetToMet: 0,
  statusChangesShown: 0,
  statusChanges: [],
  attribution: { verplichting: ['1.00'], gerealiseerd: ['1.00'], boete: ['1.00'] },
  attributed: { verplichting: '1.00', gerealiseerd: '1.00', boete: '1.00' },
};
const report: WhatIfReport = {
  base: 'B <b>',
  portfolio: 'p.jsonl',
  read: { contracts: 1, evaluated: 1, skipped: 0, skippedRows: 0 },
  quantities: ['verplichting', 'gerealiseerd', 'restant', 'overschot', 'boete'],
  baseline: {
    ...variant,
    totals: { verplichting: '1.00', gerealiseerd: '1.00', restant: '1.00', overschot: '1.00', boete: '1.00' },
  },
  scenarios: [scenario],
};

describe('whatIfHtml', () => {
  const page = whatIfHtml(report);
  const differenceRow = page.split('\n').find((l) => l.includes('<td class="muted">verschil</td>'))!;

  it('colours a difference by what the policy wants: more realised is better, more restant or boete worse', () => {
    const cells = [...differenceRow.matchAll(/<td class="n( pos| neg)?">([^<]*)<\/td>/g)].map(
      (m) => m[1] ?? '',
    );
    // verplichting, gerealiseerd, restant, overschot, boete
    expect(cells.slice(0, 5)).toEqual(['', ' pos', ' neg', '', ' neg']);
  });

  it('gives the difference of the counts of contracts met and not met, not the moves one way', () => {
    // 3 of 8 met in the baseline, 1 in the scenario: one contract became met and three did not.
    const moved = whatIfHtml({
      ...report,
      baseline: { ...report.baseline, status: { 'geen-verplichting': 0, voldaan: 3, 'niet-voldaan': 5 } },
      scenarios: [
        {
          ...scenario,
          status: { 'geen-verplichting': 0, voldaan: 1, 'niet-voldaan': 7 },
          notMetToMet: 1,
          metToNotMet: 3,
        },
      ],
    });
    const row = moved.split('\n').find((l) => l.includes('<td class="muted">verschil</td>'))!;
    const counts = [...row.matchAll(/<td class="n">([^<]*)<\/td>/g)].map((m) => m[1]).slice(-2);
    expect(counts).toEqual(['-2', '+2']);
  });

  it('gives each quantity one colour in every chart: boete purple, not the next colour in line', () => {
    const figures = page
      .split('<figure>')
      .slice(1)
      .map((f) => f.slice(0, f.indexOf('</figure>')));
    const attribution = figures.find((f) => f.includes('Toerekening per parameter'))!;
    // Verplichting, gerealiseerd and boete: blue, orange and purple (green is overschot's).
    expect(attribution).toContain('#a90061');
    expect(attribution).not.toContain('#39870c');
    expect(figures[0]).toContain('#a90061');
  });

  it('escapes names, puts wide tables in a scrolling box and has no script', () => {
    expect(page).toContain('B &lt;b&gt;');
    expect(page).not.toContain('<script');
    expect(page).not.toMatch(/<table>(?![\s\S]*?<\/table><\/div>)/);
    expect(page.match(/<div class="wide"><table>/g)!.length).toBe(page.match(/<table>/g)!.length);
  });

  it('reserves room for a long parameter name left of the attribution chart', () => {
    const label = 'jaarwaarde_plaatsing[jongere-zonder-startkwalificatie]';
    // The label (only the attribution chart has the name as an SVG text) is right-aligned at its anchor: at 6 px a character or more, it starts inside the chart.
    const at = page.indexOf(`>${label}</text>`);
    const x = Number(/translate\((\d+(?:\.\d+)?) /.exec(page.slice(page.lastIndexOf('<text', at), at))?.[1]);
    expect(x).toBeGreaterThanOrEqual(6 * label.length);
  });
});

describe('the what-if report in English (--lang en)', () => {
  it('text and page speak English with English amounts; the Dutch default is unchanged', () => {
    const text = whatIfText(report, 'en');
    expect(text.split('\n')[0]).toBe('What-if: B <b> × p.jsonl');
    expect(text).toContain('1 contracts read, 1 evaluated, 0 skipped');
    expect(text).toMatch(/Obligation +Realised +Remainder +Surplus +Penalty/);
    expect(text).toContain('+€ 1.00');
    expect(whatIfText(report)).toContain('Verplichting');
    expect(whatIfText(report)).toContain('+€ 1,00');
    const page = whatIfHtml(report, 'en');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>What-if analysis: B &lt;b&gt;</h1>');
    expect(page).toContain('Attribution per parameter (Shapley values, to the cent)');
    expect(page).not.toMatch(/Verplichting|Gerealiseerd|Toerekening|Totalen/);
    // Amounts in tables and on chart axes alike: a space after the euro sign, the sign before it.
    expect(page).not.toMatch(/€\d|€ -/);
  });
});

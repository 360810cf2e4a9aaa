// Properties of what-if runs over the Rijnmond region set (both periods): an empty scenario is
// the baseline, raising a tariff never lowers a contract's realisation, results do not depend on
// the portfolio's order or on how it is split between workers, totals are the sums of the
// contracts, and each contract's attribution adds up to its change exactly (Shapley efficiency),
// with zero for a parameter that changes nothing. And the engine's cents path (the generated
// code's numbers) gives exactly what the result objects give, to the cent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addOutcome,
  contractAttribution,
  emptyTotals,
  evaluateBatch,
  finishTotals,
  mergeTotals,
  quantities,
  scenarioFromAssignments,
  whatIfReport,
  WhatIfEngine,
  type ContractOutcome,
  type ScenarioSpec,
  type WhatIfJob,
  type WhatIfTotals,
} from '@sroi/analysis';
import { contractArbitrary } from './support/arbitraries.js';
import { shippedIr } from './support/shipped.js';

const base = [
  { label: 'rijnmond-2019-2023.sroi', ir: shippedIr('rijnmond-2019-2023.sroi') },
  { label: 'rijnmond-2023-2027.sroi', ir: shippedIr('rijnmond-2023-2027.sroi') },
];
const irs = base.map((m) => m.ir);

function scenario(name: string, sets: readonly string[]): ScenarioSpec {
  const s = scenarioFromAssignments(name, irs, sets);
  if (!s.value) throw new Error(JSON.stringify(s.diagnostics));
  return s.value;
}
const job = (scenarios: ScenarioSpec[], attribution = true): WhatIfJob => ({
  base,
  baseName: 'Rijnmond',
  scenarios,
  attribution,
});

const contracts = fc.array(contractArbitrary({ maxActivities: 5, maxValue: 5_000_000 }), {
  minLength: 1,
  maxLength: 25,
});
const euros = fc.integer({ min: 0, max: 200_000 });

function totalsOf(
  engine: WhatIfEngine,
  list: readonly unknown[],
  chunks: readonly number[] = [list.length],
): WhatIfTotals {
  const specs = engine.job.scenarios;
  const totals = emptyTotals(
    specs.length,
    specs.map((s, i) => (engine.attributes(i) ? s.players.length : 0)),
  );
  let at = 0;
  for (const size of chunks) {
    mergeTotals(totals, evaluateBatch(engine, list.slice(at, at + size)).totals);
    at += size;
  }
  if (at < list.length) mergeTotals(totals, evaluateBatch(engine, list.slice(at)).totals);
  finishTotals(totals);
  return totals;
}
const reportOf = (engine: WhatIfEngine, t: WhatIfTotals) =>
  whatIfReport(t, engine.job.scenarios, {
    base: 'Rijnmond',
    portfolio: 'p',
    contracts: t.evaluated,
    skipped: 0,
    skippedRows: 0,
    overschot: engine.overschot,
    attribution: engine.job.scenarios.map((_, i) => engine.attributes(i)),
  });
const outcomes = (engine: WhatIfEngine, list: readonly unknown[]): ContractOutcome[] =>
  list.flatMap((c) => {
    const r = engine.evaluate(c);
    return r.value ? [r.value] : [];
  });

describe('what-if', () => {
  test.prop([contracts], { numRuns: 30 })('an empty scenario reproduces the baseline exactly', (list) => {
    const engine = new WhatIfEngine(
      job([{ name: 'leeg', players: [], members: base.map(() => ({ edits: [] })) }]),
    );
    const report = reportOf(engine, totalsOf(engine, list));
    const s = report.scenarios[0]!;
    expect(s.totals).toEqual(report.baseline.totals);
    expect(s.status).toEqual(report.baseline.status);
    expect(s.routes).toEqual(report.baseline.routes);
    expect(s.changed).toBe(0);
    expect(s.statusChanges).toEqual([]);
    for (const q of report.quantities) expect(s.difference[q]).toBe('0.00');
  });

  test.prop(
    [
      contracts,
      fc.constantFrom('participatiewet', 'loonkostensubsidie', 'ww', 'nugger'),
      euros,
      fc.integer({ min: 0, max: 500 }),
    ],
    { numRuns: 30 },
  )('raising one tariff never lowers any contract realisation', (list, doelgroep, plaatsing, uur) => {
    const engine = new WhatIfEngine(
      job(
        [
          scenario('plaatsing', [`jaarwaarde_plaatsing[${doelgroep}]=${50_000 + plaatsing}`]),
          scenario('uur', [`uurtarief_maatschappelijk=${100 + uur}`]),
        ],
        false,
      ),
    );
    for (const o of outcomes(engine, list))
      for (const s of o.scenarios) expect(s!.result.amounts[1]!).toBeGreaterThanOrEqual(o.base.amounts[1]!);
  });

  test.prop(
    [
      contracts,
      fc.integer({ min: 0, max: 2 ** 31 }),
      fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
    ],
    {
      numRuns: 20,
    },
  )('results do not depend on the portfolio order or the number of workers', (list, seed, chunks) => {
    const engine = new WhatIfEngine(
      job([
        scenario('s', [
          'jaarwaarde_plaatsing[participatiewet]=42000',
          'sr_percentage=6%',
          'boetepercentage=50%',
        ]),
      ]),
    );
    const shuffled = list
      .map((c, i) => ({ c, k: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    const one = reportOf(engine, totalsOf(engine, list));
    // Batches of any sizes, as worker threads answer them, merged into one total.
    const split = reportOf(engine, totalsOf(engine, shuffled, chunks));
    expect(split).toEqual(one);
  });

  test.prop([contracts], { numRuns: 20 })('totals equal the sum of the per-contract results', (list) => {
    const engine = new WhatIfEngine(
      job([scenario('s', ['sr_percentage=7%', 'uurtarief_maatschappelijk=150'])]),
    );
    const os = outcomes(engine, list);
    const report = reportOf(engine, totalsOf(engine, list));
    const sum = (pick: (o: ContractOutcome) => readonly number[], q: number) =>
      os.reduce((s, o) => s + BigInt(pick(o)[q]!), 0n);
    const text = (c: bigint) =>
      `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
    quantities.forEach((q, i) => {
      if (!report.quantities.includes(q)) return;
      expect(report.baseline.totals[q]).toBe(text(sum((o) => o.base.amounts, i)));
      expect(report.scenarios[0]!.totals[q]).toBe(text(sum((o) => o.scenarios[0]!.result.amounts, i)));
    });
    expect(report.baseline.contracts).toBe(os.length);
  });

  test.prop([contracts, euros, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 99 })], {
    numRuns: 30,
  })(
    'the attributions of each contract add up to its change exactly and a parameter that changes nothing gets zero',
    (list, plaatsing, uur, pct) => {
      const engine = new WhatIfEngine(
        job([
          scenario('s', [
            `jaarwaarde_plaatsing[participatiewet]=${plaatsing}`,
            `uurtarief_maatschappelijk=${uur}`,
            `boetepercentage=${pct}%`,
            // The same value as the base: changes nothing, so its share is exactly zero.
            'jaarwaarde_leerling[hbo]=5000',
          ]),
        ]),
      );
      const totals = emptyTotals(1, [4]);
      for (const o of outcomes(engine, list)) {
        addOutcome(totals, o);
        const s = o.scenarios[0]!;
        const deltas = s.result.amounts.map((a, q) => a - o.base.amounts[q]!);
        const parts = contractAttribution(s.subsets!, deltas);
        parts.forEach((perPlayer, q) => {
          expect(perPlayer.reduce((a, b) => a + b, 0n)).toBe(BigInt(deltas[q]!));
          expect(perPlayer[3]).toBe(0n);
        });
      }
      finishTotals(totals);
      const report = reportOf(engine, totals);
      const s = report.scenarios[0]!;
      for (const q of report.quantities) {
        const parts = s.attribution![q]!;
        const sum = parts.reduce((a, p) => a + BigInt(p.replace('.', '')), 0n);
        expect(sum).toBe(BigInt(s.difference[q]!.replace('.', '')));
        expect(parts[3]).toBe('0.00');
      }
    },
  );
});

describe('what-if engine paths', () => {
  // Values up to € 900 bln reach numbers the generated code cannot hold exactly (beyond 2^53):
  // most of those contracts take the fallback of the cents path (the result object).
  const mixed = fc.array(
    fc.oneof(
      contractArbitrary({ maxActivities: 6, maxValue: 5_000_000 }),
      contractArbitrary({ maxActivities: 3, maxValue: 900_000_000_000 }),
    ),
    { minLength: 1, maxLength: 20 },
  );
  test.prop([mixed, euros, fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 400 })], {
    numRuns: 25,
  })(
    'the cents path equals the result objects (generated code and reference evaluator) to the cent',
    (list, plaatsing, hundredths, uur) => {
      const j = job([
        scenario('s', [
          `jaarwaarde_plaatsing[participatiewet]=${plaatsing}`,
          `sr_percentage=${(hundredths / 100).toFixed(2).replace('.', ',')}%`,
          `uurtarief_maatschappelijk=${uur}`,
        ]),
        scenario('t', ['boetepercentage=33%']),
      ]);
      const cents = new WhatIfEngine(j);
      const compiled = new WhatIfEngine(j, { via: 'results' });
      const reference = new WhatIfEngine(j, { via: 'results', engine: 'reference' });
      for (const c of list) {
        const fast = cents.evaluate(c);
        expect(fast).toEqual(compiled.evaluate(c));
        expect(fast).toEqual(reference.evaluate(c));
      }
    },
  );
});

describe('what-if baselines kept between runs', () => {
  test.prop([contracts, euros, fc.integer({ min: 1, max: 99 })], { numRuns: 20 })(
    'a run on kept baselines (withScenarios and memos) equals a run from scratch',
    (list, plaatsing, pct) => {
      const first = new WhatIfEngine(job([scenario('a', ['sr_percentage=6%'])]));
      const memos = list.map(() => ({}));
      evaluateBatch(first, list, undefined, undefined, memos);
      const b = scenario('b', [
        `jaarwaarde_plaatsing[participatiewet]=${plaatsing}`,
        `boetepercentage=${pct}%`,
      ]);
      const again = evaluateBatch(first.withScenarios([b]), list, undefined, undefined, memos);
      const fresh = evaluateBatch(new WhatIfEngine(job([b])), list);
      expect(again).toEqual(fresh);
      // The same scenario once more, on the engines' shared compiled code.
      expect(evaluateBatch(first.withScenarios([b]), list, undefined, undefined, memos)).toEqual(fresh);
    },
  );
});

describe('what-if on worker threads', () => {
  it('gives the same report with one worker and with two', { timeout: 60_000 }, async () => {
    const { runWhatIf } = await import('@sroi/analysis/node');
    const { contractGenerator } = await import('@sroi/analysis');
    const next = contractGenerator(3);
    const list = Array.from({ length: 400 }, (_, i) => next(i));
    const source = async function* () {
      for (const [i, c] of list.entries())
        yield {
          contract: c,
          where: { file: 'p', row: i + 1, rows: 1, locate: () => ({ row: i + 1, column: '' }) },
        };
    };
    const j = job([scenario('s', ['jaarwaarde_plaatsing[participatiewet]=42000', 'sr_percentage=6%'])]);
    const one = await runWhatIf(j, source(), { workers: 1, batch: 100, portfolioName: 'p' });
    const two = await runWhatIf(j, source(), { workers: 2, batch: 100, portfolioName: 'p' });
    expect(two.report).toEqual(one.report);
  });

  it(
    'reports the same on chunks (two workers) as line by line (one worker)',
    { timeout: 60_000 },
    async () => {
      const { readPortfolio, runWhatIf } = await import('@sroi/analysis/node');
      const { contractGenerator } = await import('@sroi/analysis');
      const j = job([scenario('s', ['jaarwaarde_plaatsing[participatiewet]=42000', 'sr_percentage=6%'])]);
      const next = contractGenerator(5);
      const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify(next(i)));
      lines[10] = '{ kapot';
      lines[2000] = JSON.stringify({ ...JSON.parse(lines[2000]!), waarde: 'veel' });
      lines[2500] = '';
      const file = join(mkdtempSync(join(tmpdir(), 'sroi-whatif-')), 'run.jsonl');
      writeFileSync(file, lines.join('\r\n') + '\n');
      const runOn = async (workers: number) => {
        const skips: string[] = [];
        const r = await runWhatIf(j, readPortfolio(file), {
          workers,
          portfolioName: 'p',
          onSkip: (w, d) => skips.push(`${w.file}:${w.row}:${w.column}:${d.code}`),
        });
        return { report: r.report, skips };
      };
      const one = await runOn(1);
      const two = await runOn(2);
      expect(two.report).toEqual(one.report);
      expect(two.skips).toEqual(one.skips);
      expect(one.skips.map((x) => x.split(':')[1])).toEqual(['11', '2001']);
      expect(one.report.read.evaluated).toBe(2997);
    },
  );
});

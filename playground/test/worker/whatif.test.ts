// The what-if panel's engine in the worker, outside the browser: the fields it offers for every
// shipped ruleset read back as the same values, and a run without changes reproduces the base.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSource } from '@sroi/compiler';
import { diffScenario, type ScenarioSpec } from '@sroi/analysis';
import type { IrDocument } from '@sroi/core';
import { describe, expect, it } from 'vitest';
import { bundleHost } from '../../src/worker/engine.js';
import {
  portfolioItems,
  runWhatIfInWorker,
  scenarioOf,
  scenarioRuleset,
  whatIfFields,
  type KeptBase,
} from '../../src/worker/whatif.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = Object.fromEntries(
  readdirSync(`${root}rulesets`)
    .filter((f) => f.endsWith('.sroi'))
    .map((f) => [`rulesets/${f}`, readFileSync(`${root}rulesets/${f}`, 'utf8')]),
);
const irOf = (path: string): IrDocument => {
  const compiled = compileSource(path, files[path]!, bundleHost(files));
  expect(compiled.ir, path).toBeDefined();
  return compiled.ir!;
};

describe('what-if fields', () => {
  for (const path of Object.keys(files))
    it(`${path}: every field's shown value is accepted as its own value (unchanged where it has one period)`, () => {
      const ir = irOf(path);
      const fields = whatIfFields(ir);
      expect(fields.some((f) => f.group === 'parameter')).toBe(true);
      for (const f of fields) {
        const s = scenarioOf([ir], [`${f.name}=${f.value}`], 'nl');
        expect('spec' in s ? [] : s.problems, f.name).toEqual([]);
        if ('spec' in s && f.periods.length === 1) {
          const [player] = s.spec.players;
          expect(player?.to, f.name).toBe(player?.from);
        }
      }
    });

  it('lists the bron and aanname of a parameter', () => {
    const fields = whatIfFields(irOf('rulesets/rijnmond-2023-2027.sroi'));
    const drempel = fields.find((f) => f.name === 'drempel')!;
    expect(drempel.provenance).toEqual([
      { kind: 'bron', text: expect.stringContaining('Beleid 2023-2027') as string },
    ]);
    expect(fields.find((f) => f.name === 'sr_percentage')!.provenance[0]!.kind).toBe('aanname');
  });
});

describe('what-if runs in the worker', () => {
  it('a run without changes reproduces the base exactly, in batches with progress', async () => {
    const ir = irOf('rulesets/rijnmond-2023-2027.sroi');
    const s = scenarioOf([ir], [], 'nl');
    if (!('spec' in s)) throw new Error('no scenario');
    const items = [...portfolioItems({ kind: 'generated', count: 600, seed: 3, name: 'p' })];
    const seen: number[] = [];
    const report = await runWhatIfInWorker([{ label: 'r', ir }], 'r', s.spec, items, 'p', 'nl', {
      progress: (done) => (seen.push(done), Promise.resolve(true)),
      slice: 0,
    });
    expect(seen).toEqual([250, 500]);
    expect(report!.read.contracts).toBe(600);
    expect(report!.read.evaluated + report!.read.skipped).toBe(600);
    const scenario = report!.scenarios[0]!;
    expect(scenario.totals).toEqual(report!.baseline.totals);
    for (const v of Object.values(scenario.difference)) expect(v).toBe('0.00');
    expect(scenario.statusChangesShown).toBe(0);
  });

  it('a run on what an earlier run kept (engine, baselines, baseline totals) equals a run from scratch', async () => {
    const base = ['rulesets/rijnmond-2019-2023.sroi', 'rulesets/rijnmond-2023-2027.sroi'].map((label) => ({
      label,
      ir: irOf(label),
    }));
    const items = [...portfolioItems({ kind: 'generated', count: 700, seed: 5, name: 'p' })];
    const hooks = { progress: () => Promise.resolve(true) };
    const run = (sets: string[], kept?: KeptBase) => {
      const s = scenarioOf(
        base.map((m) => m.ir),
        sets,
        'nl',
      );
      if (!('spec' in s)) throw new Error('no scenario');
      return runWhatIfInWorker(base, 'Rijnmond', s.spec, items, 'p', 'nl', hooks, kept);
    };
    const kept: KeptBase = { memos: [] };
    await run(['sr_percentage=6%'], kept);
    expect(kept.baseline).toBeDefined();
    for (const sets of [
      ['sr_percentage=6,1%'],
      ['jaarwaarde_plaatsing[participatiewet]=41000', 'sr_percentage=7%'],
    ]) {
      const again = await run(sets, kept);
      expect(again).toEqual(await run(sets));
      expect(again!.scenarios[0]!.statusChangesShown).toBeGreaterThan(0);
    }
  });

  it('stops when a newer run replaces it', async () => {
    const ir = irOf('rulesets/rijnmond-2023-2027.sroi');
    const s = scenarioOf([ir], ['sr_percentage=6%'], 'nl');
    if (!('spec' in s)) throw new Error('no scenario');
    const items = [...portfolioItems({ kind: 'generated', count: 600, seed: 3, name: 'p' })];
    const report = await runWhatIfInWorker([{ label: 'r', ir }], 'r', s.spec, items, 'p', 'nl', {
      progress: () => Promise.resolve(false),
      slice: 0,
    });
    expect(report).toBeUndefined();
  });

  it('refuses a value that does not fit, with the assignment as its place', () => {
    const ir = irOf('rulesets/rijnmond-2023-2027.sroi');
    const s = scenarioOf([ir], ['sr_percentag=6%'], 'nl');
    expect('problems' in s && s.problems[0]).toMatchObject({
      code: 'SR2200',
      where: 'sr_percentag=6%',
      suggestions: expect.arrayContaining(['sr_percentage']) as string[],
    });
  });
});

describe('a scenario copied as ruleset text', () => {
  /** The scenario text compiled beside the shipped rulesets, as `sroi whatif --scenario` reads it. */
  const compiledScenario = (text: string) =>
    compileSource('rulesets/scenario.sroi', text, bundleHost({ ...files, 'rulesets/scenario.sroi': text }));

  /** The panel's "copy as scenario" text for `sets`, compiled without errors, and what it changes. */
  const copiedScenario = (ir: IrDocument, path: string, sets: readonly string[]) => {
    const s = scenarioOf([ir], [...sets], 'nl');
    if (!('spec' in s)) throw new Error(JSON.stringify(s.problems));
    const text = scenarioRuleset([{ label: path, ir }], s.spec, path, 'nl')!;
    const compiled = compiledScenario(text);
    expect(
      compiled.diagnostics.filter((d) => d.severity === 'error'),
      text,
    ).toEqual([]);
    return { spec: s.spec, text, diff: diffScenario(ir, compiled.ir!) };
  };

  for (const path of Object.keys(files))
    it(`${path}: restating every value as it is compiles without errors or changes`, () => {
      const ir = irOf(path);
      const sets = whatIfFields(ir).map((f) => `${f.name}=${f.value}`);
      const { text, diff } = copiedScenario(ir, path, sets);
      for (const p of ir.parameters.filter((x) => sets.some((a) => a.startsWith(`${x.name}=`))))
        expect(text).toContain(`parameter ${p.name}:`);
      expect(diff.structural, text).toEqual([]);
      // Values written as their periods had them: only values with several periods may change.
      for (const p of diff.players) {
        const field = whatIfFields(ir).find((f) => f.name === p.label || p.label.startsWith(`${f.name}`));
        if (field && field.periods.length === 1) expect(p.to, p.label).toBe(p.from);
      }
    });

  it('gives the same totals as the panel when sroi whatif runs it as --scenario', async () => {
    const path = 'rulesets/rijnmond-2023-2027.sroi';
    const ir = irOf(path);
    const sets = [
      'sr_percentage=6%',
      'bonus_contract_onbepaald=€ 10.000',
      'uurtarief_maatschappelijk=120',
      'max_maanden_plaatsing=30',
      'jaarwaarde_plaatsing[participatiewet]=42000',
      'jaarwaarde_plaatsing[ww]=16.500,50',
    ];
    const { spec, text, diff } = copiedScenario(ir, path, sets);
    expect(text).toContain('breidt uit "rijnmond-2023-2027.sroi"');
    expect(diff.structural).toEqual([]);
    const copied: ScenarioSpec = { name: 'copied', players: diff.players, members: [diff.variant] };
    const items = [...portfolioItems({ kind: 'generated', count: 400, seed: 7, name: 'p' })];
    const hooks = { progress: () => Promise.resolve(true) };
    const panel = await runWhatIfInWorker([{ label: 'r', ir }], 'r', spec, items, 'p', 'nl', hooks);
    const cli = await runWhatIfInWorker([{ label: 'r', ir }], 'r', copied, items, 'p', 'nl', hooks);
    expect(cli!.scenarios[0]!.totals).toEqual(panel!.scenarios[0]!.totals);
    expect(cli!.scenarios[0]!.difference).not.toEqual(cli!.baseline.totals);
    expect(cli!.scenarios[0]!.changed).toBe(panel!.scenarios[0]!.changed);
  });
});

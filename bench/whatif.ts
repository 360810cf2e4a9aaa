// `pnpm bench --whatif` (and at the end of `pnpm bench`): what-if at scale. 10^6 generated
// contracts (both Rijnmond periods, streamed from a JSON Lines file) × 3 scenarios against the
// region set on all cores, for totals and status changes, then with attribution; peak RSS. And
// per core, on the same parsed Rijnmond 2023-2027 contracts in memory: the engine against a
// hand-written loop (the hand-written ruleset run for the baseline and each scenario, with the
// same totals and status counts). Writes bench/whatif-results.json (`--quick`: /tmp, small).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { compileSource } from '@sroi/compiler';
import {
  evaluateBatch,
  mergeTotals,
  emptyTotals,
  scenarioFromAssignments,
  WhatIfEngine,
  type WhatIfJob,
} from '@sroi/analysis';
import { readPortfolio, runWhatIf, writeGeneratedPortfolio } from '@sroi/analysis/node';
import type { IrDocument } from '@sroi/core';
import { Plan } from '@sroi/evaluator';
import { ContractGenerator } from './contracts.js';
import { rijnmond20232027 } from './hand-written/rijnmond-2023-2027.js';
import { root, scratchDir } from './spawn.js';

const quick = process.argv.includes('--quick');
const size = { stream: quick ? 20_000 : 1_000_000, memory: quick ? 5_000 : 100_000 };

function irOf(file: string): IrDocument {
  const path = join(root, 'rulesets', file);
  const compiled = compileSource(path, readFileSync(path, 'utf8'));
  if (!compiled.ir) throw new Error(`${file} does not compile`);
  return compiled.ir;
}

const scenarios = [
  ['jaarwaarde_plaatsing[participatiewet]=42000'],
  ['sr_percentage=6%', 'boetepercentage=50%'],
  ['uurtarief_maatschappelijk=120', 'inkoop_percentage=35%', 'jaarwaarde_plaatsing[ww]=16000'],
];

function jobOn(base: { label: string; ir: IrDocument }[], attribution: boolean): WhatIfJob {
  return {
    base,
    baseName: 'Rijnmond',
    attribution,
    scenarios: scenarios.map((sets, i) => {
      const s = scenarioFromAssignments(
        `S${i + 1}`,
        base.map((m) => m.ir),
        sets,
      );
      if (!s.value) throw new Error(JSON.stringify(s.diagnostics));
      return s.value;
    }),
  };
}

const loadavgText = (m: { loadAverageStart: number[] }) =>
  m.loadAverageStart.map((x) => x.toFixed(1)).join(' ');
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
/** CPU seconds of the whole process, worker threads included: what the load does not change. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const results: Record<string, unknown> = {
  quick,
  machine: {
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    node: process.version,
    loadAverageStart: loadavg(),
  },
};

// ── Streamed, all cores: 10^6 × 3 scenarios ──────────────────────────────────────────────────
const file = join(scratchDir, `whatif-${size.stream}.jsonl`);
if (!existsSync(file)) await writeGeneratedPortfolio(file, size.stream, 2027, 'jsonl');
const set = [
  { label: 'rijnmond-2019-2023.sroi', ir: irOf('rijnmond-2019-2023.sroi') },
  { label: 'rijnmond-2023-2027.sroi', ir: irOf('rijnmond-2023-2027.sroi') },
];
for (const attribution of [false, true]) {
  const start = process.hrtime.bigint();
  const cpuStart = cpuSeconds();
  const { report } = await runWhatIf(jobOn(set, attribution), readPortfolio(file), { portfolioName: file });
  const s = seconds(start);
  const cpu = cpuSeconds() - cpuStart;
  const key = attribution ? 'streamWithAttribution' : 'stream';
  results[key] = {
    contracts: report.read.evaluated,
    scenarios: scenarios.length,
    seconds: s,
    cpuSeconds: cpu,
    contractsPerSecond: Math.round(report.read.evaluated / s),
    statusChanges: report.scenarios.map((x) => x.metToNotMet + x.notMetToMet),
  };
  console.log(
    `what-if ${attribution ? 'with attribution   ' : 'totals and status  '} ${report.read.evaluated} contracts × ${scenarios.length} scenarios: ${s.toFixed(2)} s` +
      (attribution ? '' : ` (target < 10 s: ${s < 10 ? '✓' : '✗'})`) +
      `; CPU of all threads ${cpu.toFixed(1)} s`,
  );
}
results['peakRssMb'] = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak RSS (streamed runs, main thread and workers): ${results['peakRssMb']} MB`);

// ── One core, in memory: the engine against a hand-written loop ─────────────────────────────
const gen = new ContractGenerator(2027);
const contracts = JSON.parse(JSON.stringify(gen.contracts(size.memory))) as ReturnType<
  ContractGenerator['contracts']
>;
const single = [{ label: 'rijnmond-2023-2027.sroi', ir: irOf('rijnmond-2023-2027.sroi') }];
const engine = new WhatIfEngine(jobOn(single, false));
evaluateBatch(engine, contracts.slice(0, 500)); // warm: compile every plan once
let engineSeconds = Infinity;
for (let run = 0; run < 3; run++) {
  const start = process.hrtime.bigint();
  const totals = emptyTotals(
    scenarios.length,
    scenarios.map(() => 0),
  );
  for (let i = 0; i < contracts.length; i += 500)
    mergeTotals(totals, evaluateBatch(engine, contracts.slice(i, i + 500)).totals);
  engineSeconds = Math.min(engineSeconds, seconds(start));
}
// The engine validates every contract once (the contract format and the ruleset's
// enumerations, as `sroi eval` does); the hand-written loop trusts its input. Timed alone here,
// on the same contracts, to show that share of the engine's time.
const plan = Plan.fromCompilerIr(single[0]!.ir).value!;
let validationSeconds = Infinity;
for (let run = 0; run < 3; run++) {
  const start = process.hrtime.bigint();
  let valid = 0;
  for (const c of contracts) if (plan.validate(c).value) valid++;
  validationSeconds = Math.min(validationSeconds, seconds(start));
  if (valid !== contracts.length)
    throw new Error(`${contracts.length - valid} generated contracts do not validate`);
}
let handSeconds = Infinity;
let sink = 0;
for (let run = 0; run < 3; run++) {
  const start = process.hrtime.bigint();
  const sums = Array.from({ length: scenarios.length + 1 }, () => [0, 0, 0, 0]);
  let changes = 0;
  for (const c of contracts) {
    const base = rijnmond20232027(c);
    sums[0]![0]! += base.verplichting;
    sums[0]![1]! += base.gerealiseerd;
    sums[0]![2]! += base.restant;
    sums[0]![3]! += base.boete;
    for (let s = 1; s <= scenarios.length; s++) {
      // A hand-written what-if runs its function once per scenario (its tariffs as arguments).
      const r = rijnmond20232027(c);
      sums[s]![0]! += r.verplichting;
      sums[s]![1]! += r.gerealiseerd;
      sums[s]![2]! += r.restant;
      sums[s]![3]! += r.boete;
      if ((r.restant === 0) !== (base.restant === 0)) changes++;
    }
  }
  sink += sums[0]![1]! + changes;
  handSeconds = Math.min(handSeconds, seconds(start));
}
results['perCore'] = {
  contracts: contracts.length,
  scenarios: scenarios.length,
  engineSeconds,
  /** Of the engine's time: validating each contract once (the hand-written loop does not). */
  validationSeconds,
  handWrittenSeconds: handSeconds,
  ratio: engineSeconds / handSeconds,
  sink,
};
console.log(
  `per core, ${contracts.length} parsed contracts × ${scenarios.length} scenarios: engine ${engineSeconds.toFixed(2)} s, ` +
    `hand-written loop ${handSeconds.toFixed(2)} s, ratio ${(engineSeconds / handSeconds).toFixed(2)}× (aim ≤ 2×: ${engineSeconds / handSeconds <= 2 ? '✓' : '✗'}); ` +
    `of the engine's time ${validationSeconds.toFixed(2)} s validate each contract once (the hand-written loop does not)`,
);
results['loadAverageEnd'] = loadavg();
// The machine may be shared: wall-clock times above scale with the load (2 cores).
console.log(
  `load average at start ${loadavgText(results['machine'] as { loadAverageStart: number[] })}, at end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const out = quick ? join(scratchDir, 'whatif-results.json') : join(root, 'bench/whatif-results.json');
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`written: ${out}`);

// `pnpm bench`: the benchmarks of the evaluator side by side — a hand-written TypeScript function
// and json-rules-engine on the same contracts, compile cost, the editor loop, cold start of the
// CLI, a batch of 10^6 contracts, and growth with contract and ruleset size. Prints medians with
// min/max over the runs after warm-up (tinybench), the ratios against the targets of the issue,
// and writes bench/results.json. `--quick`: every item briefly, for CI (results go to /tmp).
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Bench, type BenchOptions, type Task } from 'tinybench';
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { quickContractCheck, zodAcceptsContract, type ValidContract } from '@sroi/core';
import { checkAgreement, type Agreement } from './agreement.js';
import type { EditorResults } from './editor.js';
import { ContractGenerator, generateContracts, type Contract } from './contracts.js';
import { logLogSlope, synthesizeRuleset, synthesizeTable } from './growth.js';
import { benchTiming } from './timing.js';
import { rijnmond20232027 } from './hand-written/rijnmond-2023-2027.js';
import { RijnmondRulesEngine } from './json-rules-engine/rijnmond-2023-2027.js';
import {
  buildCliAndIr,
  cli,
  modulesLoaded,
  parseOnly,
  root,
  runNode,
  scratchDir,
  type ModuleReport,
} from './spawn.js';

const quick = process.argv.includes('--quick');
const require = createRequire(import.meta.url);
const RULESET = 'rulesets/rijnmond-2023-2027.sroi';
const SAMPLE_CONTRACT = 'rulesets/examples/schoonmaak-stadskantoor.json';
const SEED = 2027;
const size = {
  evalContracts: quick ? 200 : 1000,
  agreementContracts: quick ? 500 : 10_000,
  batchContracts: quick ? 2_000 : 1_000_000,
  activities: quick ? [1, 10, 100] : [1, 10, 100, 1000],
  rulesetScale: quick ? [1, 2, 4] : [1, 10, 100],
  tableRows: quick ? [1_000, 4_000] : [1_000, 10_000, 100_000],
  spawns: quick ? 1 : 10,
  batchRuns: quick ? 1 : 5,
  /** Rounds of the evaluation benchmarks (ratios are taken within a round). */
  rounds: quick ? 1 : 21,
};
const timing = benchTiming(quick);

// ── results ──────────────────────────────────────────────────────────────────────────────────

interface Row {
  group: string;
  name: string;
  unit: 'µs' | 'ms' | 's';
  median: number;
  min: number;
  max: number;
  runs: number;
  p95?: number;
  note?: string;
}
interface Check {
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
  /** Context for reading the value, e.g. the same ratio from the fastest runs. */
  detail?: string;
}
const rows: Row[] = [];
const checks: Check[] = [];
const scale = { µs: 1000, ms: 1, s: 0.001 } as const;

/** A row from a tinybench task; `per` divides each sample (items per call). */
function record(
  group: string,
  task: Pick<Task, 'name' | 'result'>,
  unit: Row['unit'],
  per = 1,
  note?: string,
): Row {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
  const f = scale[unit] / per;
  const samples = r.latency.samples;
  const row: Row = {
    group,
    name: task.name,
    unit,
    median: r.latency.p50 * f,
    min: r.latency.min * f,
    max: r.latency.max * f,
    runs: r.latency.samplesCount,
    ...(samples
      ? { p95: samples[Math.min(samples.length - 1, Math.ceil(0.95 * samples.length) - 1)]! * f }
      : {}),
    ...(note ? { note } : {}),
  };
  rows.push(row);
  return row;
}

/** A target of the issue: `value` must be at most `target`. */
function check(name: string, value: number, unit: string, target: number, detail?: string): void {
  checks.push({
    name,
    value,
    unit,
    target: `≤ ${target}${unit}`,
    met: value <= target,
    ...(detail ? { detail } : {}),
  });
}

/** A row measured in rounds: its per-round medians, kept for ratios within a round. */
type RoundRow = Row & { readonly rounds: readonly number[] };

/** Runs every task once per round, the tasks of a round one after the other. */
async function interleaved(
  tasks: readonly (readonly [string, () => void | Promise<void>])[],
  rounds: number,
  /** The options of each round's bench: by default `timing` shared out over the rounds. */
  options?: BenchOptions,
): Promise<Map<string, Task[]>> {
  const byName = new Map<string, Task[]>(tasks.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    const bench = new Bench({
      ...(options ?? {
        ...timing,
        time: timing.time! / rounds,
        iterations: Math.max(2, Math.ceil(timing.iterations! / rounds)),
      }),
      retainSamples: true,
      // Warm up in the first round only: later rounds find the code optimised.
      ...(r > 0 ? { warmup: false } : {}),
    });
    for (const [name, fn] of tasks) bench.add(name, fn);
    await bench.run();
    for (const [name] of tasks) byName.get(name)!.push(bench.getTask(name)!);
  }
  return byName;
}

/** A row from all rounds of a task: median, min and max of every sample, and each round's median. */
function recordRounds(
  group: string,
  name: string,
  byName: Map<string, Task[]>,
  unit: Row['unit'],
  per = 1,
): RoundRow {
  const tasks = byName.get(name)!;
  const f = scale[unit] / per;
  const samples: number[] = [];
  const medians: number[] = [];
  for (const t of tasks) {
    const r = t.result;
    if (r.state !== 'completed') throw new Error(`${name}: ${r.state}`);
    samples.push(...(r.latency.samples ?? []));
    medians.push(r.latency.p50 * f);
  }
  samples.sort((a, b) => a - b);
  const row: Row = {
    group,
    name,
    unit,
    median: samples[Math.floor(samples.length / 2)]! * f,
    min: samples[0]! * f,
    max: samples[samples.length - 1]! * f,
    runs: samples.length,
  };
  rows.push(row);
  return { ...row, rounds: medians };
}

/** The ratio a / b in each round, sorted. */
const perRound = (a: RoundRow, b: RoundRow): number[] =>
  a.rounds.map((x, i) => x / b.rounds[i]!).sort((x, y) => x - y);
/** The median of the ratios within rounds. */
const withinRounds = (a: RoundRow, b: RoundRow): number => {
  const each = perRound(a, b);
  return each[Math.floor(each.length / 2)]!;
};

/** A ratio taken within each round, the median of those; the rounds' ratios beside it. */
function roundRatio(name: string, a: RoundRow, b: RoundRow, target: number): void {
  const each = perRound(a, b);
  const median = withinRounds(a, b);
  check(
    name,
    median,
    '×',
    target,
    `${each.length} rounds: ${fmt(each[0]!)}–${fmt(each[each.length - 1]!)}, middle half ` +
      `${fmt(each[Math.floor(each.length / 4)]!)}–${fmt(each[Math.floor((3 * each.length) / 4)]!)}; ` +
      `fastest runs: ${fmt(a.min / b.min)}×`,
  );
}

async function run(bench: Bench): Promise<Bench> {
  await bench.run();
  return bench;
}

const fmt = (x: number) =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);

function printTable(): void {
  const header = ['item', 'median', 'min', 'max', 'p95', 'runs'];
  const lines = rows.map((r) => [
    `${r.group}: ${r.name}`,
    `${fmt(r.median)} ${r.unit}`,
    `${fmt(r.min)} ${r.unit}`,
    `${fmt(r.max)} ${r.unit}`,
    r.p95 === undefined ? '' : `${fmt(r.p95)} ${r.unit}`,
    String(r.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const show = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${show(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(show(l));
  console.log('\nTargets');
  for (const c of checks)
    console.log(
      `${c.met ? '✓' : '✗'} ${c.name}: ${fmt(c.value)}${c.unit} (target ${c.target}${c.detail ? `; ${c.detail}` : ''})`,
    );
}

const log = (text: string) =>
  console.log(`\n━━ ${text} [${((performance.now() - startedAt) / 1000).toFixed(1)} s]`);

// ── the plan, the contracts, and the agreement of the baselines ──────────────────────────────

const started = new Date();
const startedAt = performance.now();
const load = [loadavg()];
const text = readFileSync(`${root}${RULESET}`, 'utf8');
const compiled = compileSource(RULESET, text);
if (!compiled.ir) throw new Error(`${RULESET} does not compile`);
const ir = compiled.ir;
const plan = Plan.fromIr(ir).value!;
const rulesEngine = new RijnmondRulesEngine();

log(`agreement: hand-written, json-rules-engine and the evaluator on ${size.agreementContracts} contracts`);
const agreement: Agreement = await checkAgreement(
  plan,
  generateContracts(size.agreementContracts, SEED + 1),
  {
    rulesEngine,
  },
);
if (agreement.problems.length > 0) {
  console.error('\n✗ THE BASELINES DISAGREE WITH THE EVALUATOR — no timings are meaningful:\n');
  for (const p of agreement.problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `✓ hand-written = plan.compute on all ${agreement.contracts}, = plan.evaluate on ${agreement.textSample}` +
    ` (reference engine on ${agreement.referenceSample}), json-rules-engine = hand-written on ${agreement.rulesEngine}`,
);

const contracts: Contract[] = generateContracts(size.evalContracts, SEED);
const valid: ValidContract[] = contracts.map((c) => plan.validate(c).value!);
const mix = (() => {
  const out = plan.compiled.newResult();
  let capped = 0;
  let outOfScope = 0;
  let refused = 0;
  let activities = 0;
  for (const [i, v] of valid.entries()) {
    const r = plan.compute(v, out)!;
    activities += contracts[i]!.activiteiten.length;
    if (r.outcomes[0] === 0) outOfScope++;
    if (r.messages.some((m) => m[0] === -1)) capped++;
    if (r.messages.some((m) => (m[0] as number) >= 0 && (m[1] as number) >= 0)) refused++;
  }
  const late = contracts.filter((c) => c.gunningsdatum >= '2025-07-01').length;
  return { contracts: contracts.length, activities, capped, outOfScope, refused, tariff2025: late };
})();
console.log(
  `contracts: ${mix.contracts} with ${mix.activities} activities; a route cap bites in ${mix.capped}, ` +
    `out of scope ${mix.outOfScope}, an activity refused in ${mix.refused}, 2025 tariffs in ${mix.tariff2025}`,
);

// ── evaluation side by side ──────────────────────────────────────────────────────────────────

log(`evaluation of ${contracts.length} contracts (time per contract), in ${size.rounds} interleaved rounds`);
const out = plan.compiled.newResult();
/** Where the boete's numerator is in a fast result (outcomes in IR order, numerator and denominator). */
const boeteSlot = 2 * plan.ir.outcomes.findIndex((o) => o.name === 'boete');
let sink = 0;
const evaluationTasks: [string, () => void | Promise<void>][] = [
  [
    'hand-written TypeScript',
    () => {
      for (const c of contracts) sink += rijnmond20232027(c).boete;
    },
  ],
  [
    'plan.compute (results only)',
    () => {
      for (const v of valid) sink += plan.compute(v, out)!.outcomes[boeteSlot]!;
    },
  ],
  [
    'plan.validate + plan.compute',
    () => {
      for (const c of contracts) sink += plan.compute(plan.validate(c).value!, out)!.outcomes[boeteSlot]!;
    },
  ],
  // One contract validator or two: the hand-written quick check (what plan.validate runs first)
  // against zod alone (what it would be without it), on the same valid contracts.
  [
    'contract validation: quick check (quickContractCheck)',
    () => {
      for (const c of contracts) sink += quickContractCheck(c, plan.enumerations) ? 1 : 0;
    },
  ],
  [
    'contract validation: zod alone (zodAcceptsContract)',
    () => {
      for (const c of contracts) sink += zodAcceptsContract(c, plan.enumerations) ? 1 : 0;
    },
  ],
  [
    'plan.evaluate (validation + result JSON)',
    () => {
      for (const c of contracts) sink += plan.evaluate(c).value!.waarderingen.length;
    },
  ],
  [
    'plan.evaluateValid, explain (reference interpreter, full explanation tree)',
    () => {
      for (const v of valid) sink += plan.evaluateValid(v, { explain: true }).value!.waarderingen.length;
    },
  ],
  [
    'plan.evaluate, reference engine (BigInt), no explanation',
    () => {
      for (const c of contracts) sink += plan.evaluate(c, { engine: 'reference' }).value!.waarderingen.length;
    },
  ],
  [
    'json-rules-engine 7',
    async () => {
      for (const c of contracts) sink += (await rulesEngine.evaluate(c)).boete;
    },
  ],
];
// Every task runs once per round, all of them one after the other, and a ratio is taken within
// each round: the speed of this machine drifts from one minute to the next (other load), and a
// ratio of medians measured minutes apart shows the drift as much as the code.
const evaluationRounds = await interleaved(evaluationTasks, size.rounds);
const evalRow = (name: string) => recordRounds('evaluate', name, evaluationRounds, 'µs', contracts.length);
const hand = evalRow('hand-written TypeScript');
const fast = evalRow('plan.compute (results only)');
evalRow('plan.validate + plan.compute');
const quickCheck = evalRow('contract validation: quick check (quickContractCheck)');
const zodAlone = evalRow('contract validation: zod alone (zodAcceptsContract)');
const full = evalRow('plan.evaluate (validation + result JSON)');
const explain = evalRow('plan.evaluateValid, explain (reference interpreter, full explanation tree)');
evalRow('plan.evaluate, reference engine (BigInt), no explanation');
const jre = evalRow('json-rules-engine 7');
roundRatio('results only: plan.compute / hand-written', fast, hand, 1.5);
// Explanations come from the reference interpreter alone: reported against the editor's frame.
check(
  "one explained contract (reference interpreter) within the editor's 16 ms frame",
  explain.median / 1000,
  ' ms',
  16,
);
const info: Record<string, number> = {
  'explanation tree: plan.evaluateValid explain / hand-written': withinRounds(explain, hand),
  'plan.evaluate / hand-written': withinRounds(full, hand),
  'contract validation: zod alone / quick check': withinRounds(zodAlone, quickCheck),
  'contract validation: zod alone / plan.compute': withinRounds(zodAlone, fast),
  'json-rules-engine / hand-written': withinRounds(jre, hand),
  'json-rules-engine / plan.compute': withinRounds(jre, fast),
};

// ── compile cost ───────────────────────────────────────────────────────────────────────────

log('compile: ruleset text → plan, IR → plan (warm)');
const compile = await run(
  new Bench(timing)
    .add('text → IR (compileSource)', () => {
      sink += compileSource(RULESET, text).diagnostics.length;
    })
    // The compiler's own IR needs no JSON Schema check (Plan.fromCompilerIr; the CLI does the same).
    .add('text → plan (compileSource, Plan.fromCompilerIr, generated code)', () => {
      sink += Plan.fromCompilerIr(compileSource(RULESET, text).ir!).value!.compiled.generated.routes;
    })
    .add('IR → plan (Plan.fromIr)', () => {
      sink += Plan.fromIr(ir).value!.enumerations ? 1 : 0;
    })
    .add('IR → plan with generated code (Plan.fromIr + plan.compiled)', () => {
      sink += Plan.fromIr(ir).value!.compiled.generated.routes;
    })
    // What an editor does per keystroke after compiling: a fresh plan explains one contract.
    .add('IR → plan, one contract explained (Plan.fromIr + evaluate explain)', () => {
      sink += Plan.fromIr(ir).value!.evaluate(contracts[0], { explain: true }).value!.waarderingen.length;
    }),
);
const compileRow = (name: string) => record('compile', compile.getTask(name)!, 'ms');
compileRow('text → IR (compileSource)');
const textToPlan = compileRow('text → plan (compileSource, Plan.fromCompilerIr, generated code)');
const irToPlan = compileRow('IR → plan (Plan.fromIr)');
// Generating the code is reported, not held to a target: batch and what-if pay it once per plan.
compileRow('IR → plan with generated code (Plan.fromIr + plan.compiled)');
const firstExplained = compileRow('IR → plan, one contract explained (Plan.fromIr + evaluate explain)');
check('text → plan with generated code, Rijnmond', textToPlan.median, ' ms', 20);
check('IR → plan (Plan.fromIr)', irToPlan.median, ' ms', 1);
check(
  "a fresh plan's first explained contract within the editor's 16 ms frame",
  firstExplained.median,
  ' ms',
  16,
);

// ── editor loop ────────────────────────────────────────────────────────────────────────────

log('editor loop: a keystroke; re-parse, check, plan, evaluate one contract (bench/editor.ts, own process)');
// In a process of its own: beside this process's fixtures a major collection's marking fell into
// the keystrokes (see bench/editor.ts). Its stdout is the tinybench results as JSON.
// scripts/bench.mjs bundles it beside this file; run from source, tsx runs it.
const editorScript = process.env['SROI_BENCH_EDITOR'];
const editorRun = spawnSync(
  process.execPath,
  [
    ...(editorScript
      ? [editorScript]
      : [require.resolve('tsx/cli'), '--conditions', 'source', 'bench/editor.ts']),
    ...(quick ? ['--quick'] : []),
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (editorRun.status !== 0) throw new Error(`bench/editor.ts failed:\n${editorRun.stderr}`);
const editor = JSON.parse(editorRun.stdout) as EditorResults;
const keystrokeRow = record('editor', editor.loop, 'ms');
const explainRow = record('editor', editor.explain, 'ms');
const typingRow = record('editor', editor.typing, 'ms');
const wholeRow = record('editor', editor.whole, 'ms');
check('editor loop p95 (tariff digit)', keystrokeRow.p95!, ' ms', 5);
check('editor loop p95 (typing)', typingRow.p95!, ' ms', 5);
check('editor loop p95 with the explanation', explainRow.p95!, ' ms', 5);
info['editor loop: whole text / session (median)'] = wholeRow.median / keystrokeRow.median;
const serviceRow = record('editor', editor.service, 'ms');
check('keystroke → diagnostics through the language service p95', serviceRow.p95!, ' ms', 16);

// ── growth ─────────────────────────────────────────────────────────────────────────────────

log(`growth: time per contract with ${size.activities.join(' / ')} activities`);
const growth = new Bench(timing);
const activities = (n: number) => (n === 1 ? 'activity' : 'activities');
const perSize = size.activities.map((n) => {
  const count = Math.max(5, Math.round(2000 / n));
  const cs = new ContractGenerator(SEED + n).contracts(count, n);
  const vs = cs.map((c) => plan.validate(c).value!);
  const o = plan.compiled.newResult();
  growth.add(`${n} ${activities(n)}: plan.compute`, () => {
    for (const v of vs) sink += plan.compute(v, o)!.outcomes[0]!;
  });
  growth.add(`${n} ${activities(n)}: plan.evaluate`, () => {
    for (const c of cs) sink += plan.evaluate(c).value!.waarderingen.length;
  });
  // With the explanation: every activity adds its nodes, and a route lists its activities' nodes.
  growth.add(`${n} ${activities(n)}: plan.evaluateValid explain`, () => {
    for (const v of vs) sink += plan.evaluateValid(v, { explain: true }).value!.waarderingen.length;
  });
  return { n, count };
});
await run(growth);
const series = (what: string) =>
  perSize.map(
    ({ n, count }) =>
      [n, record('growth', growth.getTask(`${n} ${activities(n)}: ${what}`)!, 'µs', count).median] as const,
  );
const computeSeries = series('plan.compute');
const evaluateSeries = series('plan.evaluate');
const explainSeries = series('plan.evaluateValid explain');

log(
  `growth: compile time of a ruleset ${size.rulesetScale.map((k) => `${k}×`).join(' / ')} the Rijnmond rules`,
);
const rulesetGrowth = new Bench({
  ...timing,
  time: 0,
  iterations: quick ? 2 : 5,
  warmupTime: 0,
  warmupIterations: 1,
});
const synthesized = new Map<number, string>();
for (const k of size.rulesetScale) {
  const source = synthesizeRuleset(k);
  const r = compileSource(`groei-${k}.sroi`, source);
  if (!r.ir) throw new Error(`synthesized ruleset ${k}× does not compile: ${r.diagnostics[0]?.code}`);
  // The copies are averaged: the results must still be exactly Rijnmond's.
  const a = await checkAgreement(Plan.fromIr(r.ir).value!, generateContracts(quick ? 30 : 100, SEED + k), {
    sampleEvery: 1,
    fastPath: false,
  });
  if (a.problems.length > 0) throw new Error(`synthesized ruleset ${k}× disagrees: ${a.problems[0]}`);
  synthesized.set(k, source);
  rulesetGrowth.add(
    `ruleset ${k}× (${(source.length / 1024).toFixed(0)} KB): text → plan + generated code`,
    () => {
      sink += Plan.fromIr(compileSource(`groei-${k}.sroi`, source).ir).value!.compiled.generated.routes;
    },
  );
}
await run(rulesetGrowth);
const compileSeries = size.rulesetScale.map(
  (k, i) => [k, record('growth', rulesetGrowth.tasks[i]!, 'ms').median] as const,
);

// One table of many interval rows: completeness and overlap are proven by a sweep (check/tables.ts).
log(`growth: check time of one [uniek] table of ${size.tableRows.join(' / ')} interval rows`);
const tableSeries: (readonly [number, number])[] = [];
for (const n of size.tableRows) {
  const source = synthesizeTable(n);
  const start = process.hrtime.bigint();
  const r = compileSource(`tabel-${n}.sroi`, source);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const table = r.diagnostics.filter((d) => d.code.startsWith('SR40'));
  if (table.length > 0) throw new Error(`a ${n}-row table was not proven complete: ${table[0]!.code}`);
  tableSeries.push([n, ms]);
  console.log(`  ${n} rows: ${(ms / 1000).toFixed(2)} s`);
}
check(
  `table of ${size.tableRows.at(-1)!.toLocaleString('en')} interval rows: text → checked (aim: a few seconds)`,
  tableSeries.at(-1)![1] / 1000,
  ' s',
  5,
);
const slopes = {
  'plan.compute per contract vs activities': logLogSlope(computeSeries),
  'plan.evaluate per contract vs activities': logLogSlope(evaluateSeries),
  'explanation per contract vs activities': logLogSlope(explainSeries),
  'compile time vs ruleset size': logLogSlope(compileSeries),
  'check time vs table rows': logLogSlope(tableSeries),
};
/** The slope between the two largest sizes: where any fixed cost matters least. */
const tailSlope = (s: readonly (readonly [number, number])[]) => logLogSlope(s.slice(-2));
for (const [name, s] of [
  ['plan.compute per contract vs activities', computeSeries],
  ['plan.evaluate per contract vs activities', evaluateSeries],
  ['explanation per contract vs activities', explainSeries],
  ['compile time vs ruleset size', compileSeries],
  ['check time vs table rows', tableSeries],
] as const)
  check(
    `growth slope (log-log fit, all sizes): ${name}`,
    logLogSlope(s),
    '',
    1.1,
    `last two sizes: ${fmt(tailSlope(s))}`,
  );

// ── cold start ─────────────────────────────────────────────────────────────────────────────

log('cold start: node packages/cli/dist/sroi.js eval (bundle built by scripts/build.mjs)');
const irPath = `${scratchDir}/rijnmond-2023-2027.ir.json`;
buildCliAndIr(RULESET, irPath);
const spawned = async (args: string[]) => {
  const r = await runNode([cli, ...args]);
  if (r.code !== 0) throw new Error(`sroi ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
};
const cold = await run(
  new Bench({
    time: 0,
    iterations: size.spawns,
    warmupTime: 0,
    warmupIterations: quick ? 0 : 2,
    throws: true,
  })
    .add('sroi eval IR contract.json', () => spawned(['eval', irPath, SAMPLE_CONTRACT]))
    .add('sroi eval .sroi contract.json', () => spawned(['eval', RULESET, SAMPLE_CONTRACT]))
    .add('sroi --version (node start + entry chunk)', () => spawned(['--version']))
    .add('node -e 0 (node start alone)', () => runNode(['-e', '0']).then(() => undefined)),
);
const coldIr = record('cold start', cold.tasks[0]!, 'ms');
const coldSroi = record('cold start', cold.tasks[1]!, 'ms');
record('cold start', cold.tasks[2]!, 'ms');
record('cold start', cold.tasks[3]!, 'ms');
check('cold start, sroi eval against IR (wall)', coldIr.median, ' ms', 300);
check('cold start, sroi eval against .sroi (wall)', coldSroi.median, ' ms', 600);
const modules: { ir: ModuleReport; sroi: ModuleReport } = {
  ir: await modulesLoaded(['eval', irPath, SAMPLE_CONTRACT]),
  sroi: await modulesLoaded(['eval', RULESET, SAMPLE_CONTRACT]),
};
console.log(
  `modules loaded, IR path: ${modules.ir.loaded.join(', ')} — Chevrotain ${modules.ir.chevrotain.length ? `LOADED (${modules.ir.chevrotain.join(', ')})` : 'not loaded ✓'}`,
);
console.log(
  `modules loaded, .sroi path: ${modules.sroi.loaded.length} files, Chevrotain in ${modules.sroi.chevrotain.join(', ') || '(none: the check finds nothing)'}`,
);
checks.push({
  name: 'no Chevrotain on the IR path (bundle files loaded by sroi eval IR)',
  value: modules.ir.chevrotain.length,
  unit: ' chunks',
  target: '= 0 chunks',
  met: modules.ir.chevrotain.length === 0 && modules.sroi.chevrotain.length > 0,
});

// ── batch ──────────────────────────────────────────────────────────────────────────────────

const batchFile = `${scratchDir}/contracts-${size.batchContracts}-seed${SEED}-v1.jsonl`;
if (!existsSync(batchFile)) {
  log(`generating ${batchFile}`);
  const generator = new ContractGenerator(SEED + 7);
  const stream = createWriteStream(`${batchFile}.part`);
  for (let i = 0; i < size.batchContracts; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(size.batchContracts, i + 1000); j++)
      chunk += JSON.stringify(generator.contract()) + '\n';
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  await new Promise<void>((r) => stream.end(() => r()));
  renameSync(`${batchFile}.part`, batchFile);
}
const batchBytes = statSync(batchFile).size;
log(
  `batch: ${size.batchContracts} contracts (${(batchBytes / 1024 / 1024).toFixed(0)} MB JSON Lines), ` +
    `sroi eval --batch with ${availableParallelism()} workers vs a streamed JSON.parse of each line`,
);
const rss = { batch: 0, parse: 0 };
const batchRun = async () => {
  const r = await runNode([cli, 'eval', irPath, '--batch', batchFile], { rss: true });
  if (
    r.code !== 0 ||
    !r.stderr.includes(
      `${size.batchContracts} regels gelezen, ${size.batchContracts} geschreven, 0 geweigerd`,
    )
  )
    throw new Error(`sroi eval --batch: exit ${r.code}\n${r.stderr}`);
  rss.batch = Math.max(rss.batch, r.maxRssMb ?? 0);
};
const parseRun = async () => {
  const r = await parseOnly(batchFile);
  if (r.code !== 0) throw new Error(`parse only: exit ${r.code}\n${r.stderr}`);
  rss.parse = Math.max(rss.parse, r.maxRssMb ?? 0);
};
// Each run is a new process. One run of "parse only" first brings the file into the page cache.
// Then a batch run and a parse run alternate, and the ratio is taken within each pair: a run
// takes seconds, and this machine's speed drifts over the minutes both series take.
await parseRun();
const batchTask = `sroi eval IR --batch file.jsonl (wall, ${availableParallelism()} workers)`;
const parseTask = 'parse only: readline + JSON.parse per line (wall)';
const batchRounds = await interleaved(
  [
    [batchTask, batchRun],
    [parseTask, parseRun],
  ],
  size.batchRuns,
  { time: 0, iterations: 1, warmup: false, throws: true },
);
const batchRow = recordRounds('batch', batchTask, batchRounds, 's');
const parseRow = recordRounds('batch', parseTask, batchRounds, 's');
const batchInfo = {
  contracts: size.batchContracts,
  megabytes: batchBytes / 1024 / 1024,
  workers: availableParallelism(),
  contractsPerSecond: size.batchContracts / batchRow.median,
  parsedPerSecond: size.batchContracts / parseRow.median,
  peakRssMb: rss.batch,
  parsePeakRssMb: rss.parse,
  ratioToParsing: withinRounds(batchRow, parseRow),
};
console.log(
  `batch: ${fmt(batchInfo.contractsPerSecond)} contracts/s, peak RSS ${fmt(rss.batch)} MB ` +
    `(parse only: ${fmt(batchInfo.parsedPerSecond)} lines/s, ${fmt(rss.parse)} MB)`,
);
roundRatio('batch: sroi eval --batch / just parsing the file', batchRow, parseRow, 2);

// ── size (measured by scripts/size.mjs before this bundle started) ─────────────────────────

const evaluatorSize = JSON.parse(process.env['SROI_BENCH_SIZE'] ?? 'null') as {
  plan: { minified: number; gzipped: number; parts: Record<string, number> };
} | null;
if (evaluatorSize)
  check(
    "evaluator size: import { Plan } from '@sroi/evaluator', minified + gzipped",
    evaluatorSize.plan.gzipped / 1024,
    ' kB',
    25,
    `${(evaluatorSize.plan.minified / 1024).toFixed(0)} kB minified`,
  );

// ── report ─────────────────────────────────────────────────────────────────────────────────

load.push(loadavg());
printTable();
console.log('\nRatios (information)');
for (const [k, v] of Object.entries(info)) console.log(`  ${k}: ${fmt(v)}×`);
console.log('\nGrowth (fitted log-log slope; 1 is linear)');
for (const [k, v] of Object.entries(slopes)) console.log(`  ${k}: ${v.toFixed(2)}`);
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  availableParallelism: availableParallelism(),
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAverage: { start: load[0], end: load[1] },
  date: started.toISOString(),
  commit: (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })(),
};
console.log(
  `\n${machine.cpu}, ${machine.cores} cores, ${machine.os}, node ${machine.node}, load ${load[0]!.map((l) => l.toFixed(1)).join(' ')} → ${load[1]!.map((l) => l.toFixed(1)).join(' ')}`,
);
const results = {
  quick,
  machine,
  contracts: mix,
  agreement,
  rows,
  checks,
  ratios: info,
  growth: {
    activities: { points: computeSeries, evaluatePoints: evaluateSeries, explainPoints: explainSeries },
    table: { points: tableSeries },
    ruleset: {
      points: compileSeries,
      bytes: Object.fromEntries([...synthesized].map(([k, s]) => [k, s.length])),
    },
    slopes,
  },
  coldStart: { modules },
  batch: batchInfo,
  evaluatorSize,
};
const target = quick ? `${scratchDir}/results-quick.json` : `${root}bench/results.json`;
writeFileSync(target, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: ${target} (checksum ${sink})`);

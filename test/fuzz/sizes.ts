// Size-aware fuzz targets (issue 15, "keep the class found"): the mutation fuzzers of targets.ts
// start from small inputs and never reach the sizes that broke sroi. These generate inputs of a
// size drawn log-uniformly up to a maximum — formula chains to 10^4, tables to 10^5 rows, contracts
// with 10^4 keys, batch files with huge and unterminated lines — and run each through the built CLI
// in a child process with a time and heap budget of its own (test/hostile/support.ts): an input
// that hangs, grows without bound or crashes fails as that input, replayable from seed and index.
import { Random } from '../support/random.js';
import { deepKinds, deepRuleset } from '../support/deep-formulas.js';
import { miniContract, miniText, scratch, sroi, type Budget, type Run } from '../hostile/support.js';

/** One generated input: the files to write, the CLI arguments, and what its run must satisfy. */
export interface SizedInput {
  readonly describe: string;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** Arguments; `{name}` stands for the path of generated file `name`. */
  readonly args: readonly string[];
  readonly stdin?: string | Uint8Array;
  readonly budget: Budget;
  /** Throws (with a reason) when the run is wrong. */
  check(run: Run, path: (name: string) => string): void;
}

export interface SizedTarget {
  readonly name: string;
  readonly what: string;
  generate(rnd: Random): SizedInput;
}

/** An integer in [1, max], log-uniform: as many inputs near 10 as near 10^4. */
const logSize = (rnd: Random, max: number) => Math.max(1, Math.round(Math.exp(rnd.next() * Math.log(max))));

class Wrong extends Error {}
const wrong = (why: string): never => {
  throw new Wrong(why);
};

/** Ran within its budget, without a crash report or stack trace. */
function sane(run: Run, budget: Budget): void {
  if (run.timedOut) wrong(`ran past its budget of ${budget.seconds} s`);
  if (/heap out of memory|FATAL ERROR/.test(run.err))
    wrong(`ran out of its heap budget of ${budget.heapMb} MB`);
  if (run.signal) wrong(`ended by ${run.signal}`);
  if (/interne fout|internal error/i.test(run.err)) wrong(`internal error: ${run.err.slice(0, 300)}`);
  if (/^\s+at .+[(:]\d+/m.test(run.err + run.out)) wrong('printed a stack trace');
}

/** Exit `exit`, and every stderr line a located gnu diagnostic of a file the run was given. */
function located(run: Run, exit: number | readonly number[]): void {
  const exits = typeof exit === 'number' ? [exit] : exit;
  if (!exits.includes(run.code ?? -1))
    wrong(`exit ${run.code}, expected ${exits.join(' or ')}: ${run.err.slice(0, 300)}`);
  for (const line of run.err.split('\n'))
    if (line && !/^\S+:\d+:\d+: (error|warning|info) SR\d{4}: /.test(line))
      wrong(`not located: ${line.slice(0, 200)}`);
}

/** Formula chains of every kind, up to 10^4 steps: accepted, or refused where written. */
export const chainTarget: SizedTarget = {
  name: 'sizes:chains',
  what: 'rulesets with one formula of up to 10^4 steps of one kind (sums, en/of, ×, anders als, definitions, parentheses, signs)',
  generate(rnd) {
    const kind = rnd.pick(deepKinds);
    const size = logSize(rnd, 10_000);
    return {
      describe: `${kind} × ${size}`,
      files: { 'diep.sroi': deepRuleset(kind, size) },
      args: ['check', '--format', 'gnu', '{diep.sroi}'],
      budget: { seconds: 30, heapMb: 768 },
      check: (run) => located(run, [0, 1]),
    };
  },
};

/** `[uniek]` interval tables up to 10^5 rows, sometimes with a gap or an overlap. */
export const tableTarget: SizedTarget = {
  name: 'sizes:tables',
  what: '[uniek] interval tables of up to 10^5 rows, complete or with a gap or an overlap somewhere',
  generate(rnd) {
    const n = logSize(rnd, 100_000);
    const rows: string[] = [];
    for (let i = 0; i < n; i++) rows.push(`  | ≥ ${i * 10} en < ${(i + 1) * 10} | € ${i % 1000} |`);
    rows.push(`  | ≥ ${n * 10} | € 0 |`);
    const flaw = rnd.pick(['none', 'gap', 'overlap'] as const);
    const at = rnd.int(n);
    if (flaw === 'gap') rows.splice(at, 1);
    if (flaw === 'overlap') rows[at] = `  | ≥ ${at * 10} en < ${(at + 2) * 10} | € 1 |`;
    const text = `${miniText.replace(
      'afronden(jaarwaarde × activiteit.maanden + bonus_onbepaald, op € 0,01)',
      'afronden(jaarwaarde × activiteit.maanden + t(standaard(activiteit.leeftijd, 30)), op € 0,01)',
    )}\ntabel t(n: getal): bedrag [uniek]\n  aanname "Gegenereerd"\n${rows.join('\n')}\n`;
    const expected = flaw === 'none' ? undefined : flaw === 'gap' ? 'SR4001' : 'SR4002';
    return {
      describe: `${n} rows, ${flaw}${flaw === 'none' ? '' : ` at row ${at}`}`,
      files: { 'tabel.sroi': text },
      args: ['check', '--format', 'gnu', '{tabel.sroi}'],
      budget: { seconds: 60, heapMb: 2048 },
      check(run) {
        // An overlap of the last row is a gap-free table whose rows still overlap.
        located(run, expected ? 1 : 0);
        if (expected && !run.err.includes(` ${expected}: `))
          wrong(`no ${expected}: ${run.err.slice(0, 300)}`);
      },
    };
  },
};

/** Contracts with up to 10^4 unknown or duplicate keys, at the top or in an activity. */
export const keysTarget: SizedTarget = {
  name: 'sizes:keys',
  what: 'contracts with up to 10^4 unknown or duplicated keys, at the top or in an activity',
  generate(rnd) {
    const n = logSize(rnd, 10_000);
    const duplicate = rnd.chance(0.3);
    const inActivity = rnd.chance(0.5);
    const extra = Array.from({ length: n }, (_, i) =>
      duplicate ? `"waarde": "${i}.00"` : `"k${i}${rnd.pick(['', '\\u001b[8m', '\\n'])}": ${i}`,
    ).join(', ');
    const base = JSON.stringify(miniContract);
    const text = inActivity
      ? base.replace('"soort":"plaatsing"', `"soort":"plaatsing", ${extra.replaceAll('"waarde"', '"fte"')}`)
      : base.replace('{', `{${extra}, `);
    const code = duplicate ? 'SR5101' : 'SR5006';
    return {
      describe: `${n} ${duplicate ? 'duplicate' : 'unknown'} keys ${inActivity ? 'in an activity' : 'at the top'}`,
      files: { 'contract.json': text },
      args: ['eval', '--format', 'gnu', 'packages/cli/test/fixtures/mini.sroi', '{contract.json}'],
      budget: { seconds: 30, heapMb: 512 },
      check(run) {
        located(run, 2);
        if (!run.err.includes(` ${code}: `)) wrong(`no ${code}`);
        if (run.err.split('\n').filter(Boolean).length > 101)
          wrong('more than 100 diagnostics on the terminal');
      },
    };
  },
};

/** Batch files of good lines among huge, unterminated, non-UTF-8 and BOM lines. */
export const batchTarget: SizedTarget = {
  name: 'sizes:batch',
  what: 'batch files of good contracts among lines over --max-line-bytes (up to 64 times), an unterminated last line, invalid UTF-8 and BOMs',
  generate(rnd) {
    const maxLine = rnd.pick([1_000, 100_000, 1_000_000]);
    const parts: Buffer[] = [];
    const want: ('ok' | string)[] = [];
    const lines = 1 + rnd.int(200);
    // Huge lines up to 64 times the limit, but at most about 64 MB of input in all.
    let budgetBytes = 64 * 1024 * 1024;
    for (let i = 0; i < lines; i++) {
      const last = i === lines - 1;
      const end = last && rnd.chance(0.5) ? '' : '\n';
      const hugeBytes = maxLine * rnd.pick([1, 2, 4, 64]) + 1;
      const kind = rnd.pick(['good', 'good', 'good', 'huge', 'utf8', 'bom'] as const);
      if (kind === 'huge') budgetBytes -= hugeBytes;
      switch (kind === 'huge' && budgetBytes < 0 ? 'good' : kind) {
        case 'good':
          parts.push(Buffer.from(JSON.stringify({ ...miniContract, id: `L${i + 1}` }) + end));
          want.push('ok');
          break;
        case 'huge':
          parts.push(Buffer.from(`{"id":"${'x'.repeat(hugeBytes)}"}${end}`));
          want.push('SR5103');
          break;
        case 'utf8':
          parts.push(
            Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(`"}${end}`)]),
          );
          want.push('SR1006');
          break;
        case 'bom':
          parts.push(Buffer.from(`\ufeff${JSON.stringify({ ...miniContract, id: `L${i + 1}` })}${end}`));
          want.push('ok');
          break;
      }
    }
    const bytes = Buffer.concat(parts);
    const fromStdin = rnd.chance(0.5);
    return {
      describe: `${lines} lines, ${bytes.length} bytes, --max-line-bytes ${maxLine}, ${fromStdin ? 'stdin' : 'file'}`,
      files: fromStdin ? {} : ({ 'batch.jsonl': bytes } as Record<string, Uint8Array>),
      args: [
        'eval',
        '--batch',
        fromStdin ? '-' : '{batch.jsonl}',
        '--kort',
        '--max-line-bytes',
        String(maxLine),
        'packages/cli/test/fixtures/mini.sroi',
      ],
      ...(fromStdin ? { stdin: bytes } : {}),
      budget: { seconds: 40, heapMb: 256 },
      check(run) {
        const out = run.out.endsWith('\n')
          ? run.out.slice(0, -1).split('\n')
          : wrong('output does not end a line');
        if (out.length !== want.length) wrong(`${out.length} lines written for ${want.length} read`);
        out.forEach((line, i) => {
          const r = JSON.parse(line) as { contract?: string; regel?: number; fouten?: { code: string }[] };
          if (
            want[i] === 'ok'
              ? r.contract !== `L${i + 1}`
              : r.regel !== i + 1 || r.fouten?.[0]?.code !== want[i]
          )
            wrong(`line ${i + 1}: expected ${want[i]}, got ${line.slice(0, 200)}`);
        });
        const refused = want.filter((w) => w !== 'ok').length;
        if (
          !run.err.includes(`${want.length} regels gelezen, ${want.length} geschreven, ${refused} geweigerd`)
        )
          wrong(`no summary: ${run.err.slice(0, 200)}`);
      },
    };
  },
};

export const sizedTargets = [chainTarget, tableTarget, keysTarget, batchTarget] as const;

export interface SizedReport {
  readonly target: string;
  readonly runs: number;
  readonly failures: { index: number; input: string; why: string }[];
  readonly slowest: { ms: number; input: string };
}

/** Runs `runs` inputs of a sized target from `seed` (input i from seed + i), one child process each. */
export async function runSized(target: SizedTarget, runs: number, seed: number): Promise<SizedReport> {
  const failures: SizedReport['failures'] = [];
  let slowest = { ms: 0, input: '' };
  for (let i = 0; i < runs; i++) {
    const input = target.generate(new Random(seed + i));
    const dir = scratch(target.name.replace(':', '-'));
    try {
      for (const [name, content] of Object.entries(input.files)) dir.write(name, content);
      const args = input.args.map((a) => a.replace(/^\{(.+)\}$/, (_, name: string) => dir.path(name)));
      const run = await sroi(args, { budget: input.budget, ...(input.stdin ? { stdin: input.stdin } : {}) });
      if (run.ms > slowest.ms) slowest = { ms: run.ms, input: input.describe };
      try {
        sane(run, input.budget);
        input.check(run, dir.path);
      } catch (e) {
        failures.push({ index: i, input: input.describe, why: e instanceof Wrong ? e.message : String(e) });
      }
    } finally {
      dir.remove();
    }
  }
  return { target: target.name, runs, failures, slowest };
}

/** One line per target, for CI logs. */
export const sizedReportLine = (r: SizedReport) =>
  `fuzz ${r.target}: ${r.runs} inputs, ${r.failures.length} failures, slowest ${(r.slowest.ms / 1000).toFixed(1)} s (${r.slowest.input})`;

// The fuzz targets and their runner, shared by the CI-sized run (test/fuzz.test.ts) and the
// nightly one (`pnpm fuzz`, test/fuzz/run.ts). Inputs are mutations of the shipped rulesets and of
// generated contracts, drawn from a seeded generator so any input can be replayed from its seed
// and index; every target states what "no crash" means for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSource, parseSource } from '@sroi/compiler';
import { validateContract, type Diagnostic, type EnumerationValues } from '@sroi/core';
import { Plan } from '@sroi/evaluator';
// The CLI's JSON handling is internal to the CLI (not exported); the fuzz suite reaches in on purpose.
import { parseJsonInput } from '../../packages/cli/src/json-input.js';
import { locateJsonPath } from '../../packages/cli/src/render/json-location.js';
import { fileHost } from '../support/host.js';
import { Random } from '../support/random.js';

// ── a seeded generator ───────────────────────────────────────────────────────

export { Random };

// ── corpora ──────────────────────────────────────────────────────────────────

const rulesetDir = join(import.meta.dirname, '../../rulesets');
const shipped = ['rijnmond-2023-2027.sroi', 'rijnmond-2019-2023.sroi', 'haaglanden-zhc-2023.sroi'];
const rulesetTexts = shipped.map((f) => readFileSync(join(rulesetDir, f), 'utf8'));

/** The shipped rulesets cut into top-level declarations (a line at column 1 starts one). */
const declarations = rulesetTexts.flatMap((t) => t.split(/\n(?=[^\s#])/).filter((d) => d.trim().length > 0));
const header = 'regeling "Fuzz"\n  bron "fuzz"\n  periode "p" van 2024-01-01 tot en met 2024-12-31\n';

/** Characters that tend to matter to a lexer: quotes, escapes, operators, Unicode line ends, NUL. */
const specials = [
  '"',
  '\\',
  '(',
  ')',
  '[',
  ']',
  '|',
  ',',
  ':',
  '.',
  '=',
  '≥',
  '≤',
  '≠',
  '×',
  '/',
  '%',
  '€',
  '#',
  '-',
  '{',
  '}',
  '\n',
  '\r',
  '\t',
  ' ',
  '\u2028',
  '\u2029',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'é',
  'ß',
  '0',
  '9',
  'a',
  'Z',
  '_',
  '`',
  '$',
  '*/',
  '</script>',
  '1.000.000,00',
  '2024-02-30',
  'als',
  'dan',
  'anders',
  'som',
  'voor elke',
];

/** One token-ish piece of a text: a run of word characters, a run of spaces, or one other character. */
const pieces = (text: string): RegExpMatchArray[] => [
  ...text.matchAll(/[\p{L}\p{N}_-]+|\s+|[^\p{L}\p{N}_\s-]/gu),
];

/** Applies one to four random mutations: flips, token deletions and duplications, splices, nesting. */
export function mutateText(text: string, rnd: Random, fragments: readonly string[]): string {
  let t = text;
  const rounds = 1 + rnd.int(4);
  for (let i = 0; i < rounds; i++) {
    const at = rnd.int(t.length + 1);
    switch (rnd.int(8)) {
      case 0: // flip a character
        t = t.slice(0, at) + rnd.pick(specials) + t.slice(at + 1);
        break;
      case 1: // flip a byte's worth: any UTF-16 unit
        t = t.slice(0, at) + String.fromCharCode(rnd.int(0x10000)) + t.slice(at + 1);
        break;
      case 2:
      case 3: {
        // delete or duplicate a token
        const ps = pieces(t);
        if (ps.length === 0) break;
        const p = rnd.pick(ps);
        const start = p.index!;
        const end = start + p[0].length;
        t = rnd.chance(0.5) ? t.slice(0, start) + t.slice(end) : t.slice(0, end) + p[0] + t.slice(end);
        break;
      }
      case 4: {
        // splice in a random fragment of another text
        const f = rnd.pick(fragments);
        const from = rnd.int(f.length);
        t = t.slice(0, at) + f.slice(from, from + 1 + rnd.int(80)) + t.slice(at);
        break;
      }
      case 5: {
        // deep nesting: parentheses, prefix operators or brackets, up to 300 deep
        const depth = 1 + rnd.int(300);
        const [open, close] = rnd.pick([
          ['(', ')'],
          ['niet ', ''],
          ['-', ''],
          ['[', ']'],
          ['{', '}'],
        ] as const);
        const end = Math.min(t.length, at + rnd.int(20));
        t = t.slice(0, at) + open.repeat(depth) + t.slice(at, end) + close.repeat(depth) + t.slice(end);
        break;
      }
      case 6: // truncate
        t = t.slice(0, at);
        break;
      case 7: {
        // swap two ranges
        const b = rnd.int(t.length + 1);
        const [x, y] = at < b ? [at, b] : [b, at];
        const mid = x + Math.floor((y - x) / 2);
        t = t.slice(0, x) + t.slice(mid, y) + t.slice(x, mid) + t.slice(y);
        break;
      }
    }
  }
  return t;
}

// ── the targets ──────────────────────────────────────────────────────────────

/** What one fuzz target does with one input: throw only when an invariant is broken. */
export interface FuzzTarget<I> {
  readonly name: string;
  /** A short description for the printed report. */
  readonly what: string;
  /**
   * The slowest a single input may take: a hang detector. 5 s, as a shared 2-core machine shows
   * GC and scheduling pauses of a second; a real hang is orders of magnitude slower.
   */
  readonly boundMs: number;
  generate(rnd: Random): I;
  check(input: I): void;
}

class Broken extends Error {}
const fail = (message: string): never => {
  throw new Broken(message);
};

/** A span that lies inside the text it points into. */
function expectSpansInside(diagnostics: readonly Diagnostic[], length: number): void {
  for (const d of diagnostics) {
    if (!d.span) fail(`${d.code} has no span`);
    const { start, end } = d.span!;
    if (!(start >= 0 && start <= end && end <= length))
      fail(`${d.code} span ${start}-${end} outside 0-${length}`);
  }
}

/** The parser (lexer, parser, grammar boundary) on mutated declarations: located diagnostics only. */
export const parserTarget: FuzzTarget<string> = {
  name: 'parser',
  what: 'parseSource on mutated declarations of the shipped rulesets',
  boundMs: 5_000,
  generate: (rnd) => {
    const body = rnd.chance(0.2)
      ? `${rnd.pick(declarations)}\n${rnd.pick(declarations)}`
      : rnd.pick(declarations);
    return mutateText(rnd.chance(0.9) ? header + body : body, rnd, declarations);
  },
  check: (text) => {
    const parsed = parseSource('fuzz.sroi', text);
    expectSpansInside(parsed.diagnostics, text.length);
    if (parsed.diagnostics.length > 100 + 20) fail(`${parsed.diagnostics.length} diagnostics`);
  },
};

/** The whole compiler (parse, build, resolve, check, lower) on mutated shipped rulesets. */
export const compilerTarget: FuzzTarget<string> = {
  name: 'compiler',
  what: 'compileSource on mutated whole shipped rulesets',
  boundMs: 5_000,
  generate: (rnd) => mutateText(rnd.pick(rulesetTexts), rnd, declarations),
  check: (text) => {
    const compiled = compileSource(join(rulesetDir, 'fuzz.sroi'), text, fileHost);
    for (const d of compiled.diagnostics) {
      if (!d.span) fail(`${d.code} has no span`);
      // Spans in the fuzzed file lie inside it (a `breidt uit` may point into another file).
      if (d.span!.file.endsWith('fuzz.sroi') && !(d.span!.start >= 0 && d.span!.end <= text.length))
        fail(`${d.code} span outside the text`);
    }
    const errors = compiled.diagnostics.some((d) => d.severity === 'error');
    if (!errors && !compiled.ir) fail('no errors and no IR');
    if (compiled.ir && !Plan.fromIr(JSON.parse(JSON.stringify(compiled.ir))).value)
      fail('the compiler wrote IR that the evaluator refuses');
  },
};

/** A valid contract for a shipped ruleset, as a starting point for mutations. */
function baseContract(rnd: Random): Record<string, unknown> {
  const activity = (): Record<string, unknown> =>
    rnd.pick([
      { soort: 'plaatsing', doelgroep: 'ww', contractvorm: 'bepaald', fte: 0.5, maanden: 8, leeftijd: 56 },
      {
        soort: 'leerling',
        opleiding: 'mbo-bbl',
        niveau: 2,
        fte: 0.8,
        maanden: 30,
        arbeidsovereenkomst: true,
      },
      { soort: 'arbeidsontwikkeling', vorm: 'werk-fit', startkwalificatie: true, maanden: 5 },
      { soort: 'scholing', kosten: '1850.00', omschrijving: 'VCA' },
      { soort: 'inkoop', leverancier: 'sociaal-ondernemer', factuurbedrag: '20000.00', aandeelDoelgroep: 35 },
      { soort: 'maatschappelijk', uren: 40 },
      { soort: 'overdracht', bedrag: '3000.00', vanContract: 'X-1' },
    ]);
  return {
    id: 'FUZZ-1',
    opdrachtsoort: rnd.pick(['diensten', 'werken', 'leveringen']),
    waarde: rnd.pick(['120000.00', '50000.00', '2000000.00']),
    gunningsdatum: rnd.pick(['2019-10-01', '2023-06-30', '2023-07-01', '2025-07-01', '2027-12-31']),
    ...(rnd.chance(0.3) ? { startdatum: '2024-01-01', einddatum: '2025-01-01' } : {}),
    ...(rnd.chance(0.2) ? { inspanningAangetoond: true } : {}),
    activiteiten: Array.from({ length: rnd.int(5) }, activity),
  };
}

/** Hostile JSON values: wrong types, huge and odd numbers, long strings, deep nesting. */
function hostileValue(rnd: Random): unknown {
  // The expensive shapes (100.000 characters, 5.000 levels, 2.000 activities) in 1 of 50 inputs.
  const heavy = rnd.chance(0.02);
  switch (heavy ? rnd.pick([5, 8, 12]) : rnd.pick([0, 1, 2, 3, 4, 6, 7, 9, 10, 11, 13])) {
    case 0:
      return null;
    case 1:
      return rnd.pick([true, false]);
    case 2:
      return rnd.pick([0, -1, 0.1 + 0.2, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 1e-7, 123456789.123]);
    case 3:
      return rnd.pick([
        '',
        ' ',
        '-0.00',
        '1e5',
        '1,5',
        '1.005',
        '€ 1.000',
        '0x10',
        'NaN',
        'Infinity',
        '2024-02-30',
      ]);
    case 4:
      return '9'.repeat(1 + rnd.int(400)) + (rnd.chance(0.5) ? '.99' : '');
    case 5:
      return 'x'.repeat(rnd.int(100_000));
    case 6:
      return [];
    case 7:
      return {};
    case 8: {
      let v: unknown = 1;
      const depth = rnd.int(5_000);
      for (let i = 0; i < depth; i++) v = rnd.chance(0.5) ? [v] : { a: v };
      return v;
    }
    case 9:
      return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}');
    case 10:
      return rnd.pick(['constructor', '__proto__', 'toString', 'prototype', 'hasOwnProperty']);
    case 11:
      return String.fromCharCode(...Array.from({ length: rnd.int(40) }, () => rnd.int(0x10000)));
    case 12:
      return Array.from({ length: rnd.int(2_000) }, () => ({ soort: 'scholing', kosten: '1.00' }));
    default:
      return rnd.pick(['ww', 'diensten', 'scholing', 12, '12.00', 0.5]);
  }
}

const hostileKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'soort',
  'waarde',
  'fte',
  '',
  'x'.repeat(300),
];

/** Mutates a contract structurally: replace, delete or add fields, at the top or in an activity. */
function mutateContract(rnd: Random): unknown {
  const c = baseContract(rnd);
  const rounds = 1 + rnd.int(3);
  for (let i = 0; i < rounds; i++) {
    const acts = c['activiteiten'] as unknown[];
    const target =
      Array.isArray(acts) &&
      acts.length > 0 &&
      rnd.chance(0.5) &&
      typeof acts[0] === 'object' &&
      acts[0] !== null
        ? (rnd.pick(acts) as Record<string, unknown>)
        : c;
    if (typeof target !== 'object' || target === null) continue;
    const keys = Object.keys(target);
    switch (rnd.int(4)) {
      case 0:
        if (keys.length) target[rnd.pick(keys)] = hostileValue(rnd);
        break;
      case 1:
        if (keys.length) delete target[rnd.pick(keys)];
        break;
      case 2:
        Object.defineProperty(target, rnd.pick(hostileKeys), {
          value: hostileValue(rnd),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        break;
      case 3:
        return rnd.pick([hostileValue(rnd), c]);
    }
  }
  return c;
}

const plans = shipped.map((f) => {
  const path = join(rulesetDir, f);
  return Plan.fromIr(compileSource(path, readFileSync(path, 'utf8'), fileHost).ir).value!;
});

/** The contract validator and the evaluator behind it: a result, or diagnostics with a JSON path. */
export const contractTarget: FuzzTarget<{ contract: unknown; plan: number; explain: boolean }> = {
  name: 'contract',
  what: 'Plan.evaluate (validateContract, then the generated code, a quarter explained by the reference evaluator) on mutated contract objects',
  boundMs: 5_000,
  generate: (rnd) => ({
    contract: mutateContract(rnd),
    plan: rnd.int(plans.length),
    explain: rnd.chance(0.25),
  }),
  check: ({ contract, plan, explain }) => {
    const r = plans[plan]!.evaluate(contract, explain ? { explain } : {});
    if (!r.value && r.diagnostics.length === 0) fail('neither a result nor a diagnostic');
    for (const d of r.diagnostics)
      if (typeof d.path !== 'string' && !d.span) fail(`${d.code} has neither a JSON path nor a span`);
    if (({} as Record<string, unknown>)['polluted'] !== undefined) fail('Object.prototype polluted');
  },
};

/** Contract JSON text, mutated: the CLI's JSON reading and locating, and the validator. */
export const contractJsonTarget: FuzzTarget<string> = {
  name: 'contract-json',
  what: "the CLI's JSON reader (located syntax errors), validateContract and locateJsonPath on mutated JSON text",
  boundMs: 5_000,
  generate: (rnd) => {
    const text = JSON.stringify(baseContract(rnd), null, rnd.chance(0.5) ? 2 : undefined);
    return mutateText(text, rnd, [text, '{"a": [1, {"b": "c"}]}', '"\\u0000"', '1e999', '[[[[', '}}}}']);
  },
  check: (text) => {
    const read = parseJsonInput('fuzz.json', text);
    if ('diagnostics' in read) {
      expectSpansInside(read.diagnostics, text.length);
      return;
    }
    const enums: EnumerationValues = plans[0]!.enumerations;
    for (const d of validateContract(read.json, enums).diagnostics) {
      if (typeof d.path !== 'string') fail(`${d.code} has no JSON path`);
      const at = locateJsonPath(text, d.path!);
      if (at && !(at.start >= 0 && at.start <= at.end && at.end <= text.length))
        fail(`${d.path} located outside`);
    }
  },
};

export const targets = [parserTarget, compilerTarget, contractTarget, contractJsonTarget] as const;

// ── the runner ───────────────────────────────────────────────────────────────

export interface FuzzReport {
  readonly target: string;
  readonly runs: number;
  readonly seed: number;
  /** How many inputs broke an invariant, threw or were too slow. */
  readonly crashCount: number;
  /** The first ten of them. */
  readonly crashes: { index: number; message: string; input: string }[];
  readonly slowestMs: number;
  readonly slowestIndex: number;
  readonly peakHeapDeltaMb: number;
  readonly seconds: number;
}

const preview = (input: unknown): string => {
  let s: string;
  try {
    s = typeof input === 'string' ? input : JSON.stringify(input);
  } catch {
    s = String(input);
  }
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
};

/**
 * Runs `runs` inputs of a target from `seed`. Input i is generated from seed + i, so it can be
 * replayed alone (`replay`). A throw is a crash; so is an input slower than the target's bound.
 */
export function runFuzz<I>(target: FuzzTarget<I>, runs: number, seed: number): FuzzReport {
  const started = performance.now();
  const heapStart = process.memoryUsage().heapUsed;
  let peak = heapStart;
  let slowestMs = 0;
  let slowestIndex = -1;
  const crashes: FuzzReport['crashes'] = [];
  let crashCount = 0;
  for (let i = 0; i < runs; i++) {
    const input = target.generate(new Random(seed + i));
    const t0 = performance.now();
    try {
      target.check(input);
    } catch (e) {
      const message = e instanceof Broken ? e.message : `threw ${(e as Error)?.stack ?? String(e)}`;
      crashCount++;
      if (crashes.length < 10) crashes.push({ index: i, message, input: preview(input) });
    }
    const ms = performance.now() - t0;
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestIndex = i;
    }
    if (ms > target.boundMs) {
      crashCount++;
      if (crashes.length < 10)
        crashes.push({
          index: i,
          message: `took ${ms.toFixed(0)} ms (bound ${target.boundMs} ms)`,
          input: preview(input),
        });
    }
    if ((i & 1023) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    target: target.name,
    runs,
    seed,
    crashCount,
    crashes,
    slowestMs,
    slowestIndex,
    peakHeapDeltaMb: (peak - heapStart) / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One line per target, for CI logs. */
export function reportLine(r: FuzzReport): string {
  return (
    `fuzz ${r.target}: ${r.runs.toLocaleString('en')} inputs, ${r.crashCount} crashes, ` +
    `slowest ${r.slowestMs.toFixed(1)} ms (input ${r.slowestIndex}), peak heap +${r.peakHeapDeltaMb.toFixed(0)} MB, ` +
    `${r.seconds.toFixed(1)} s, seed ${r.seed}`
  );
}

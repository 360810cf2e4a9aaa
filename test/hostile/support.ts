// The harness of the hostile suite (issue 15): runs the built CLI in a child process with a time and
// a heap budget, so an input that makes sroi hang or grow without bound fails its case instead of
// hanging CI, and a V8 abort shows up as one (not as a crashed test worker).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'packages/cli/dist/sroi.js');

/** What a case may cost: wall-clock seconds (on a shared 2-core machine) and V8 heap. */
export interface Budget {
  readonly seconds: number;
  readonly heapMb: number;
}

/**
 * SROI_HOSTILE_HEAVY=1 runs every case at ten times the sizes. Without it (every CI run),
 * the heaviest cases run at the size the issue names instead, with a budget the old behaviour
 * would have broken by far (45 s, 85 s, 28 s): a regression to it still fails, in a few seconds.
 */
export const HEAVY = process.env['SROI_HOSTILE_HEAVY'] === '1';

/** Most cases: a fresh process, a small input. */
export const SMALL: Budget = { seconds: 20, heapMb: 256 };

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
  /** The process was killed because it ran past its time budget. */
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly budget?: Budget;
  /** Bytes for stdin (default: none, stdin closed). */
  readonly stdin?: string | Uint8Array;
  /** Called with the child once it runs (to signal it, say). */
  readonly onSpawn?: (child: ReturnType<typeof spawn>) => void;
  /** A file to write stdout to instead of a pipe (`/dev/full`, say). */
  readonly stdout?: string;
  /** Called with each chunk of stdout as it arrives. */
  readonly onOut?: (chunk: string, child: ReturnType<typeof spawn>) => void;
}

/**
 * Builds the CLI bundle when a source is newer than it (scripts/sroi.mjs does the freshness check),
 * once per test file, so each case runs the bundle directly, as a user runs `sroi`.
 */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts/sroi.mjs'), '--help'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}`);
}

/** `sroi ...args` in a child process (working directory: the repository), within a budget. */
export function sroi(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const budget = options.budget ?? SMALL;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const stdoutFd = options.stdout === undefined ? undefined : openSync(options.stdout, 'w');
    const child = spawn(process.execPath, [`--max-old-space-size=${budget.heapMb}`, bundle, ...args], {
      cwd: root,
      stdio: ['pipe', stdoutFd ?? 'pipe', 'pipe'],
    });
    if (stdoutFd !== undefined) closeSync(stdoutFd);
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, budget.seconds * 1000);
    // stdin and stderr are always pipes.
    const stderr = child.stderr!;
    const stdin = child.stdin!;
    child.stdout?.setEncoding('utf8');
    stderr.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      out += d;
      options.onOut?.(d, child);
    });
    stderr.on('data', (d: string) => (err += d));
    // A child that exits before reading all of stdin closes the pipe: that is not our failure.
    stdin.on('error', () => {});
    stdin.end(options.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: performance.now() - started, timedOut });
    });
    options.onSpawn?.(child);
  });
}

/** Ran to its end within its time and heap budget: no kill, no V8 abort, no stack trace. */
export function expectWithinBudget(run: Run, budget: Budget = SMALL): void {
  expect(run.timedOut, `ran past its budget of ${budget.seconds} s`).toBe(false);
  expect(run.err, 'V8 ran out of its heap budget').not.toMatch(/heap out of memory|FATAL ERROR/);
  expect(run.signal).toBeNull();
  expect(run.err).not.toMatch(/interne fout|internal error/i);
  // Neither a JavaScript stack trace nor a native one (V8's "1: 0x... node::Abort()").
  expect(run.err).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(run.out).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(run.err).not.toMatch(/^\s*\d+: 0x[0-9a-f]+ /m);
}

/**
 * Within budget, with exit code `exit`, and every line on stderr a located gnu diagnostic
 * (`file:line:column: severity CODE: ...`) or the blank line that ends a file's list; returns the
 * lines with `code`.
 */
export function expectLocated(run: Run, file: string, code: string, exit: number, budget?: Budget): string[] {
  expectWithinBudget(run, budget);
  expect(run.code).toBe(exit);
  const lines = run.err.split('\n').filter((l) => l.length > 0);
  const located = new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+: (error|warning|info) SR\\d{4}: `);
  expect(lines.filter((l) => !located.test(l))).toEqual([]);
  const withCode = lines.filter((l) => l.includes(` ${code}: `));
  expect(withCode.length, `no ${code} among:\n${run.err.slice(0, 2000)}`).toBeGreaterThan(0);
  return withCode;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A temporary directory for one test file; paths are given to the CLI relative to the repository. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `sroi-hostile-${prefix}-`));
  return {
    dir,
    /** Writes a file and returns its path as the CLI is given it. */
    write(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return relative(root, path);
    },
    path: (name: string) => relative(root, join(dir, name)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The setup of every hostile test file: the CLI built once, a scratch folder removed at the end. */
export function hostileFile(prefix: string): ReturnType<typeof scratch> {
  beforeAll(ensureBuilt, 200_000);
  const tmp = scratch(prefix);
  afterAll(tmp.remove);
  return tmp;
}

/** The small ruleset of the CLI tests (every kind valued, one capped route, one worked example), as the CLI is given it. */
export const MINI = 'packages/cli/test/fixtures/mini.sroi';
/** A contract for it, as the CLI is given it. */
export const MINI_CONTRACT = 'packages/cli/test/fixtures/plaatsing.json';
export const miniText = readFileSync(join(root, MINI), 'utf8');
/** A contract for it: obligation € 5.000, realised € 3.000 (plaatsing € 2.500, maatschappelijk € 6.000 capped at € 500). */
export const miniContract = JSON.parse(readFileSync(join(root, MINI_CONTRACT), 'utf8')) as Record<
  string,
  unknown
>;

/** The line (1-based) at which `needle` first occurs in `text`. */
export const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

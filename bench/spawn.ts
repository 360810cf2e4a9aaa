// Child processes for the benchmarks that measure whole commands: the bundled CLI (cold start,
// batch), "just parsing" a JSON Lines file, and which modules a command loads.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository (ends in `/`): given by scripts/bench.mjs when running its bundle from elsewhere. */
export const root = process.env['SROI_ROOT'] ?? fileURLToPath(new URL('..', import.meta.url));
export const scratchDir = '/tmp/sroi-bench';
export const cli = `${root}packages/cli/dist/sroi.js`;

/** Prints the process's peak resident set size (KB) on stderr as it exits: `maxrss <kb>`. */
const REPORT_RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))";

/** A streamed reader doing JSON.parse per line, and nothing else: the floor of any batch job. */
const PARSE_ONLY = `
const rl = require('node:readline').createInterface({ input: require('node:fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
(async () => { let n = 0; for await (const l of rl) if (l.trim() !== '') { JSON.parse(l); n++; } process.stderr.write(n + ' regels\\n'); })();
`;

export interface Finished {
  code: number;
  stderr: string;
  /** Peak RSS in MB, when the child reported it. */
  maxRssMb?: number;
}

/** Runs node with `args`, stdout discarded, and resolves when it exits (wall time is the caller's). */
export function runNode(args: readonly string[], options: { rss?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<Finished>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.rss ? ['--import', REPORT_RSS] : []), ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: options.env ?? process.env,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxrss (\d+)/.exec(stderr);
      resolve({ code: code ?? -1, stderr, ...(rss ? { maxRssMb: Number(rss[1]) / 1024 } : {}) });
    });
  });
}

/** `node -e PARSE_ONLY file`: read the file line by line and JSON.parse each. */
export const parseOnly = (file: string) => runNode(['-e', PARSE_ONLY, file], { rss: true });

/** Builds the CLI bundle (scripts/build.mjs) and exports the IR of `ruleset` with it. */
export function buildCliAndIr(ruleset: string, irPath: string): void {
  mkdirSync(scratchDir, { recursive: true });
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${build.stderr}`);
  const ir = spawnSync(process.execPath, [cli, 'export', '--ir', ruleset], { cwd: root, encoding: 'utf8' });
  if (ir.status !== 0) throw new Error(`sroi export --ir failed:\n${ir.stderr}`);
  writeFileSync(irPath, ir.stdout);
}

/** Hooks that append every module URL node loads to $SROI_MODULE_LOG. */
const LOG_HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.SROI_MODULE_LOG) appendFileSync(process.env.SROI_MODULE_LOG, url + '\\n');
  return next(url, context);
}`;

export interface ModuleReport {
  /** The bundle files the command loaded (sroi.js and its chunks). */
  loaded: string[];
  /** Those among them that contain Chevrotain. */
  chevrotain: string[];
}

/** Runs `sroi ...args` with a module-load hook and reports which bundle files it loaded. */
export async function modulesLoaded(args: readonly string[]): Promise<ModuleReport> {
  const log = `${scratchDir}/modules-${process.pid}.log`;
  const register = `${scratchDir}/module-log.mjs`;
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(LOG_HOOKS)}`)});\n`,
  );
  rmSync(log, { force: true });
  const r = await runNode(['--import', register, cli, ...args], {
    env: { ...process.env, SROI_MODULE_LOG: log },
  });
  if (r.code !== 0) throw new Error(`sroi ${args.join(' ')} failed: ${r.stderr}`);
  const loaded = [
    ...new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((u) => u.startsWith('file:') && u.includes('/packages/cli/dist/')),
    ),
  ].map((u) => fileURLToPath(u).slice(`${root}packages/cli/dist/`.length));
  rmSync(log, { force: true });
  // The bundle is minified: a file's source map lists the modules bundled into it
  // ("../../../node_modules/.pnpm/chevrotain@.../node_modules/chevrotain/...").
  const chevrotain = loaded.filter((f) => {
    const map = JSON.parse(readFileSync(`${root}packages/cli/dist/${f}.map`, 'utf8')) as {
      sources: string[];
    };
    return map.sources.some((s) => /node_modules\/chevrotain\//.test(s));
  });
  return { loaded, chevrotain };
}

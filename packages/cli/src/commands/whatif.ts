// `sroi whatif BASE PORTFOLIO --scenario A.sroi [--set name=value] ...`: what tariff changes do to
// a portfolio — totals, fulfilment, status changes and the attribution of every change to the
// parameters that caused it — and `sroi portfolio generate`, a synthetic portfolio to try it on.
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  diffScenario,
  MAX_EXACT_PLAYERS,
  scenarioFromAssignments,
  whatIfHtml,
  whatIfText,
  type ScenarioSpec,
  type WhatIfJob,
} from '@sroi/analysis';
import { formatOf, readPortfolio, runWhatIf, writeGeneratedPortfolio } from '@sroi/analysis/node';
import {
  diagnostic,
  formatNumber,
  Rational,
  renderHint,
  renderMessage,
  type SourceFile,
  type Diagnostic,
  type IrDocument,
  type Language,
} from '@sroi/core';
import { commandOptions, parseCommandLine, type OptionsConfig } from '../arguments.js';
import { EXIT, readReasons, UsageError } from '../errors.js';
import { rulesetHost } from '../host.js';
import { loadRuleset, readInput } from '../load.js';
import { renderDiagnostics, type DiagnosticFormat, type SourceLookup } from '../render/diagnostics.js';
import { wholeNumberOption, type Io } from '../options.js';
import { safeLine } from '../render/terminal.js';
import { renderUsage } from '../usage-messages.js';

const whatifUsage = `Gebruik:
  sroi whatif BASIS PORTEFEUILLE [--scenario S.sroi]... [--set NAAM=WAARDE]...
      BASIS                             regeling (.sroi of IR .json) of regioset (.set.json): elk
                                        contract volgens de periode van zijn gunningsdatum
      PORTEFEUILLE                      .jsonl (één contract per regel), .csv (één rij per
                                        activiteit, ; of ,) of .xlsx (werkbladen contracten en
                                        activiteiten); zie docs/whatif.md
      --scenario S.sroi                 een regeling die de basis uitbreidt (breidt uit) en
                                        parameters of tabelrijen vervangt; mag vaker
      --set NAAM=WAARDE                 samen één scenario: --set sr_percentage=6%
                                        --set jaarwaarde_plaatsing[participatiewet]=42000
      --html BESTAND | --csv BESTAND    rapport als HTML-pagina met grafieken; per contract als CSV
      --json                            rapport als JSON op stdout
      --zonder-toerekening              geen toerekening per parameter (sneller)
      --workers N                       aantal threads (standaard één per kern)
      --strict                          stop bij de eerste ongeldige rij
      --quiet                           geen voortgang en geen meldingen per rij
  sroi portfolio generate --contracts N [--seed S] [--format jsonl|csv|xlsx] [--out BESTAND]
`;

const whatifUsageEn = `Usage:
  sroi whatif BASE PORTFOLIO [--scenario S.sroi]... [--set NAME=VALUE]...
      BASE                              ruleset (.sroi or IR .json) or region set (.set.json): each
                                        contract by the period of its award date
      PORTFOLIO                         .jsonl (one contract per line), .csv (one row per
                                        activity, ; or ,) or .xlsx (sheets contracten and
                                        activiteiten); see docs/whatif.md
      --scenario S.sroi                 a ruleset that extends the base (breidt uit) and
                                        replaces parameters or table rows; may be repeated
      --set NAME=VALUE                  together one scenario: --set sr_percentage=6%
                                        --set jaarwaarde_plaatsing[participatiewet]=42000
      --html FILE | --csv FILE          report as an HTML page with charts; per contract as CSV
      --json                            report as JSON on stdout
      --zonder-toerekening, --no-attribution
                                        no attribution per parameter (faster)
      --workers N                       number of threads (default one per core)
      --strict                          stop at the first invalid row
      --quiet                           no progress and no messages per row
  sroi portfolio generate --contracts N [--seed S] [--format jsonl|csv|xlsx] [--out FILE]
`;

/** `sroi whatif --help` in each language: the same options in the same order (tested). */
export const whatifUsages: Readonly<Record<Language, string>> = { nl: whatifUsage, en: whatifUsageEn };

interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

function parse(argv: readonly string[], command: string, options: OptionsConfig): Parsed {
  return parseCommandLine(argv, command, options, commandOptions);
}

const common = {
  format: { type: 'string' },
  lang: { type: 'string' },
} as const;

function commonOf(values: Parsed['values']): { format: DiagnosticFormat; lang: Language } {
  const format = (values['format'] ?? 'text') as DiagnosticFormat;
  const lang = (values['lang'] ?? process.env['SROI_LANG'] ?? 'nl') as Language;
  if (!['text', 'json', 'gnu'].includes(format))
    throw new UsageError('formatValue', { value: safeLine(format) });
  if (lang !== 'nl' && lang !== 'en') throw new UsageError('langValue', { value: safeLine(lang) });
  return { format, lang };
}

/** A diagnostic without a source (a `--set` text, a portfolio row) as one line with its hint. */
function line(d: Diagnostic, lang: Language): string {
  const hint = renderHint(d, lang);
  const word =
    d.severity === 'error' ? (lang === 'nl' ? 'fout' : 'error') : lang === 'nl' ? 'waarschuwing' : 'warning';
  return `${d.path !== undefined ? `--set ${d.path}: ` : ''}${word} ${d.code}: ${renderMessage(d.code, d.args, lang)}${hint ? `\n  ${hint}` : ''}\n`;
}

export async function whatifCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parse(argv, 'whatif', {
    ...common,
    scenario: { type: 'string', multiple: true },
    set: { type: 'string', multiple: true },
    html: { type: 'string' },
    csv: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    strict: { type: 'boolean' },
    workers: { type: 'string' },
    'zonder-toerekening': { type: 'boolean' },
    'no-attribution': { type: 'boolean' },
  });
  const { format, lang } = commonOf(values);
  const [, basePath, portfolioPath, ...extra] = positionals;
  if (!basePath || !portfolioPath || extra.length > 0)
    throw new UsageError('whatifArguments', { usage: whatifUsages });
  const workers = wholeNumberOption(values['workers'] as string | undefined, 'whatif: --workers', {
    min: 1,
    max: 64,
  });
  if (!formatOf(portfolioPath)) throw new UsageError('whatifPortfolioKind', { path: portfolioPath });
  readInputExists(portfolioPath);

  const loaded = await loadRuleset(basePath);
  const lookup: { files: Map<string, SourceFile>; json?: SourceFile } = {
    files: new Map(loaded.lookup.files),
  };
  if (loaded.lookup.json) lookup.json = loaded.lookup.json;
  const baseMembers = loaded.set
    ? loaded.set.members.map((m) => ({ label: m.label, ir: m.plan.ir }))
    : loaded.plan
      ? [{ label: basePath, ir: loaded.plan.ir }]
      : [];
  if (baseMembers.length === 0) {
    io.err(renderDiagnostics(format, loaded.diagnostics, loaded.lookup, lang) + '\n');
    return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  }
  const baseName = loaded.set ? loaded.set.name : baseMembers[0]!.ir.ruleset.name;

  const scenarios: ScenarioSpec[] = [];
  const warnings: Diagnostic[] = [];
  for (const path of (values['scenario'] as string[] | undefined) ?? []) {
    const s = await scenarioFromFile(path, basePath, baseMembers, baseName, lookup);
    if ('diagnostics' in s) {
      io.err(renderDiagnostics(format, s.diagnostics, lookup, lang) + '\n');
      return EXIT.failures;
    }
    warnings.push(...s.warnings);
    scenarios.push(s.spec);
  }
  const sets = (values['set'] as string[] | undefined) ?? [];
  if (sets.length > 0) {
    const s = scenarioFromAssignments(
      'scenario (--set)',
      baseMembers.map((m) => m.ir),
      sets,
    );
    if (!s.value) {
      for (const d of s.diagnostics) io.err(line(d, lang));
      return EXIT.input;
    }
    scenarios.push(limit(s.value, warnings));
  }
  if (scenarios.length === 0) throw new UsageError('whatifScenarios');
  for (const w of warnings) io.err(line(w, lang));

  const job: WhatIfJob = {
    base: baseMembers,
    baseName,
    scenarios,
    attribution: !(values['zonder-toerekening'] || values['no-attribution']),
  };
  const quiet = Boolean(values['quiet']);
  const progress = !quiet && process.stderr.isTTY ? new Progress(io, lang) : undefined;
  let skippedShown = 0;
  const csvPath = values['csv'] as string | undefined;
  const csvOut = csvPath ? createWriteStream(csvPath) : undefined;
  const { report, stopped } = await runWhatIf(job, readPortfolio(portfolioPath), {
    ...(workers !== undefined ? { workers } : {}),
    strict: Boolean(values['strict']),
    portfolioName: portfolioPath,
    onSkip: (where, d) => {
      if (quiet || skippedShown++ >= 50) return;
      progress?.clear();
      // A problem of the file itself (SR53xx) with its code; a contract's, at its row and column.
      const text = d.code.startsWith('SR53')
        ? line(d, lang).trimEnd()
        : `${where.file}:${where.row}: ${formatOf(where.file) === 'jsonl' ? '' : lang === 'nl' ? 'kolom ' : 'column '}${where.column}: ${renderMessage(d.code, d.args, lang)}`;
      io.err(`${text}\n`);
    },
    onFailed: (where, failure, d) => {
      if (quiet || skippedShown++ >= 50) return;
      progress?.clear();
      const shown = diagnostic('SR5305', {
        id: `'${failure.id}'`,
        file: where.file,
        row: where.row,
        scenario: `'${scenarios[failure.scenario]?.name ?? ''}'`,
        message: `${d.path !== undefined ? `${d.path}: ` : ''}${renderMessage(d.code, d.args, lang)}`,
      });
      io.err(line(shown, lang));
    },
    ...(progress ? { onProgress: (n: number) => progress.show(n) } : {}),
    ...(csvOut ? { csv: (t: string) => void csvOut.write(t) } : {}),
  });
  progress?.clear();
  if (csvOut) await new Promise<void>((r) => csvOut.end(r));
  if (!quiet && skippedShown > 50)
    io.err(`${renderUsage('whatifMore', { count: skippedShown - 50 }, lang)}\n`);
  if (stopped) {
    // Stopped by --strict at an invalid row, or by a problem of the whole file (a missing column,
    // a CSV that cannot be read on): no totals then, they would leave contracts out.
    io.err(
      `${
        values['strict'] && report.read.skippedRows > 0
          ? renderUsage('whatifStrictStop', {}, lang)
          : renderUsage('whatifUnreadable', { path: portfolioPath }, lang)
      }\n`,
    );
    return EXIT.input;
  }
  const htmlPath = values['html'] as string | undefined;
  if (htmlPath) writeFileSync(htmlPath, whatIfHtml(report, lang));
  if (values['json']) io.out(JSON.stringify(report, null, 2) + '\n');
  else io.out(whatIfText(report, lang));
  return EXIT.ok;
}

function readInputExists(path: string): void {
  if (path.endsWith('.xlsx')) return;
  // A clear reason for a missing file or a directory, before any worker starts.
  try {
    readInputHead(path);
  } catch (e) {
    throw new UsageError('prefixed', {
      prefix: 'whatif',
      text: e instanceof UsageError ? e.texts : (e as Error).message,
    });
  }
}
function readInputHead(path: string): void {
  // readInput refuses files above the CLI's input limit; a portfolio is streamed, so only its
  // existence is checked here.
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) throw new UsageError('fileProblem', { path, reason: readReasons.ENOENT });
  if (s.isDirectory()) throw new UsageError('fileProblem', { path, reason: readReasons.EISDIR });
}

/** A scenario with more players than exact attribution handles: evaluated, not attributed. */
function limit(spec: ScenarioSpec, warnings: Diagnostic[]): ScenarioSpec {
  if (spec.players.length === 0) {
    warnings.push(diagnostic('SR6502', { scenario: `'${spec.name}'` }));
    return spec;
  }
  if (spec.players.length <= MAX_EXACT_PLAYERS || spec.noAttribution !== undefined) return spec;
  warnings.push(
    diagnostic('SR6501', { scenario: `'${spec.name}'`, count: spec.players.length, max: MAX_EXACT_PLAYERS }),
  );
  return {
    ...spec,
    noAttribution: `${spec.players.length} parameters gewijzigd; exact tot ${MAX_EXACT_PLAYERS}`,
  };
}

/** A scenario ruleset: compiled like any ruleset, then compared with the base member it extends. */
async function scenarioFromFile(
  path: string,
  basePath: string,
  base: readonly { label: string; ir: IrDocument }[],
  baseName: string,
  lookup: SourceLookup & { files: Map<string, SourceFile> },
): Promise<{ spec: ScenarioSpec; warnings: Diagnostic[] } | { diagnostics: readonly Diagnostic[] }> {
  const read = readInput(path);
  const { compileSource } = await import('@sroi/compiler');
  // The base was named on the command line too: a scenario may extend it (and its set's members).
  const baseFiles = base.map((m) => m.ir.files[m.ir.files.length - 1] ?? basePath);
  const compiled = compileSource(path, read.text, rulesetHost(path, [basePath, ...baseFiles]));
  for (const [f, s] of compiled.sources) lookup.files.set(f, s);
  if (!compiled.ir) return { diagnostics: compiled.diagnostics };
  const ir = compiled.ir;
  // A ruleset's own file comes last in its IR's files, after the files it extends.
  const own = (m: IrDocument) => resolve(m.files[m.files.length - 1] ?? '');
  const member = base.findIndex(
    (m) =>
      ir.files.slice(0, -1).some((f) => resolve(f) === own(m.ir)) ||
      ir.ruleset.bases.includes(m.ir.ruleset.name),
  );
  if (member < 0)
    return {
      diagnostics: [
        diagnostic(
          'SR2205',
          { base: `'${ir.ruleset.bases.join(', ') || '(geen)'}'`, set: `'${baseName}'` },
          { span: { file: path, start: 0, end: Math.min(1, read.text.length) } },
        ),
      ],
    };
  const diff = diffScenario(base[member]!.ir, ir);
  const warnings: Diagnostic[] = [];
  const name = ir.ruleset.name;
  let noAttribution: string | undefined;
  if (diff.structural.length > 0) {
    warnings.push(diagnostic('SR6500', { scenario: `'${name}'`, what: diff.structural.join(', ') }));
    noAttribution = `het scenario wijzigt ook ${diff.structural.join(', ')}`;
  }
  const members = base.map((_, i) => (i === member ? diff.variant : { edits: diff.players.map(() => []) }));
  const spec: ScenarioSpec = {
    name,
    players: diff.players,
    members,
    ...(noAttribution ? { noAttribution } : {}),
  };
  return { spec: limit(spec, warnings), warnings };
}

/** A progress line on a terminal's stderr: contracts done and the rate, in the run's language. */
export class Progress {
  private last = 0;
  private readonly start = Date.now();
  constructor(
    private readonly io: Io,
    private readonly lang: Language,
  ) {}
  show(done: number): void {
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const rate = Math.round(done / Math.max(0.001, (now - this.start) / 1000));
    const count = (n: number) => formatNumber(Rational.of(n), this.lang, 0, 0);
    this.io.err(
      `\r\x1b[2K${renderUsage('whatifProgress', { done: count(done), rate: count(rate) }, this.lang)}`,
    );
  }
  clear(): void {
    if (this.last > 0) this.io.err('\r\x1b[2K');
  }
}

export async function portfolioCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parse(argv, 'portfolio', {
    ...common,
    contracts: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const [, sub] = positionals;
  if (sub !== 'generate') throw new UsageError('portfolioSub', { usage: whatifUsages });
  const count = wholeNumberOption(
    values['contracts'] as string | undefined,
    'portfolio generate: --contracts',
    { min: 0, max: 1e8 },
    1000,
  );
  const seed = wholeNumberOption(
    values['seed'] as string | undefined,
    'portfolio generate: --seed',
    { min: -(2 ** 31), max: 2 ** 31 - 1 },
    2025,
  );
  const format = (values['format'] ?? 'jsonl') as string;
  if (format !== 'jsonl' && format !== 'csv' && format !== 'xlsx')
    throw new UsageError('portfolioFormat', { value: format });
  const out = (values['out'] as string | undefined) ?? (format === 'xlsx' ? undefined : '/dev/stdout');
  if (!out) throw new UsageError('portfolioXlsxOut');
  await writeGeneratedPortfolio(out, count, seed, format);
  void io;
  return EXIT.ok;
}

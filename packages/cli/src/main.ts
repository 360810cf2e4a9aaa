// The `sroi` command: parses arguments, runs one command, and turns every failure into a clear
// message and an exit code — never a stack trace (set SROI_DEBUG=1 to see one).
import type { Language } from '@sroi/core';
import {
  commandOptions,
  commonOptions,
  languageOf,
  parseCommandLine,
  type CommandName,
  type OptionValues,
} from './arguments.js';
import { EXIT, OutputError, UsageError } from './errors.js';
import type { CommonOptions, Io } from './options.js';
import type { DiagnosticFormat } from './render/diagnostics.js';
import { safeLine, terminalIo } from './render/terminal.js';
import { renderUsage } from './usage-messages.js';

export const VERSION = '0.1.0';
export type { Io };

const usage = `sroi ${VERSION} — social return regels als code

Gebruik:
  sroi check BESTAND...                 controleer regelingen (fouten, waarschuwingen)
      --aannames                        toon ook alle aannames (voorlopige waarden)
      --bronnen MAP                     controleer elk citaat ('...') letterlijk tegen de tekst van
                                        zijn document (bestand "..." in MAP); zonder: niet gecontroleerd
  sroi eval REGELING CONTRACT.json      reken een contract door, met uitleg per euro
      --json                            resultaat als JSON (docs/contract-format.md)
      --kort                            alleen de bedragen, zonder uitleg
      --batch CONTRACTEN.jsonl          veel contracten, één JSON-regel per contract (- = stdin);
                                        uitvoer JSON Lines in dezelfde volgorde
      --workers N                       bij --batch: aantal threads (standaard één per kern)
      --max-line-bytes N                bij --batch: een langere regel krijgt een foutregel (SR5103)
                                        en de run gaat door (standaard 16 MB); een BOM mag elke
                                        regel beginnen; SIGINT/SIGTERM stopt na een hele regel
  sroi test BESTAND...                  voer de voorbeelden (en eigenschappen) uit
      --coverage                        welke regels, tabelrijen, takken en maxima de voorbeelden
                                        raken, en welke nooit
      --runs N  --seed S                eigenschappen: aantal gegenereerde contracten, en het zaad
                                        om een run te herhalen
  sroi fmt BESTAND... [--check]         formatteer (met --check: alleen controleren)
  sroi dump tokens|cst|ast|ir BESTAND   toon een tussenstap van de compiler
  sroi dump plan REGELING               toon de JavaScript die de evaluator voor de regeling maakt
  sroi export --schema [REGELING]       JSON Schema van het contract
  sroi export --schema result|ir        JSON Schema van het resultaat of van de IR (ook:
                                        --schema contract [REGELING])
  sroi export --ir-schema               JSON Schema van de IR
  sroi export --ir REGELING             de IR van een regeling (sneller te laden)
  sroi export --to json-rules-engine REGELING
                                        regels en formules voor json-rules-engine 7 (met de
                                        adapter van @sroi/evaluator; docs/embedding.md)
      -o, --output BESTAND              schrijf naar een bestand in plaats van naar stdout
  sroi diff REGELING-A REGELING-B       semantisch verschil: gewijzigde waarden, tabelrijen, formules,
                                        maxima, reikwijdte, perioden en kop, met hun plaats in beide
                                        bestanden, en voorbeeldcontracten met een andere uitkomst
                                        (exitcode 0, ook als er verschillen zijn)
      --json | --html                   als JSON, of als afdrukbare HTML-pagina
  sroi compare REGELING... --contract CONTRACT.json
                                        één contract onder meerdere regelingen naast elkaar, met de
                                        regels die de verschillen maken
      --json | --html | --csv           als JSON, als afdrukbare HTML-pagina of als CSV (kolommen per
                                        regeling, met bron of aanname bij elke waarde)
      --xlsx BESTAND                    ook als Excel-werkmap (bedragen als getallen)
  sroi whatif BASIS PORTEFEUILLE --scenario S.sroi | --set NAAM=WAARDE
                                        wat-als: tariefwijzigingen over een portefeuille, met
                                        toerekening per parameter (sroi whatif --help)
  sroi portfolio generate --contracts N [--seed S] [--format jsonl|csv|xlsx] [--out BESTAND]
                                        een synthetische portefeuille
  sroi matrix REGELING...               harmonisatiematrix; de eerste regeling is de basis
      --html | --csv | --json           als afdrukbare HTML-pagina (samenvatting en grafieken eerst),
                                        als CSV (; en decimale komma, voor Excel) of als JSON
      --xlsx BESTAND                    ook als Excel-werkmap (bedragen als getallen)
      --portefeuille CONTRACTEN.jsonl   totalen over een voorbeeldportefeuille (standaard
                                        examples/portfolio.jsonl naast de eerste regeling)
      --peildatum JJJJ-MM-DD            peildatum van de berekende rijen

  sroi serve REGELING|SET...            HTTP-API (JSON) over de regelingen; stopt netjes op SIGTERM/SIGINT
      --port N  --host H                standaard 8080 op 127.0.0.1 (--port 0: een vrije poort)
      --quiet                           zonder toegangslog (JSON-regels op stderr)
      --max-body BYTES                  grens per contract (standaard 1048576)
      --max-batch-body BYTES            grens per batch (standaard 67108864)
      --max-lines N                     regels per batch (standaard 100000)
      --max-activities N                activiteiten per contract (standaard 10000)
      --timeout MS                      tijd per aanvraag (standaard 30000)

REGELING is een .sroi-bestand of een IR-bestand (.json, gemaakt met sroi export --ir).

Opties voor alle commando's:
  --format text|json|gnu                vorm van foutmeldingen (standaard text)
  --lang nl|en                          taal van meldingen en van de beschrijvingen in een JSON
                                        Schema (standaard nl)
  --root MAP                            ook regelingen in MAP mogen worden uitgebreid (breidt uit);
                                        standaard alleen de map van de genoemde regeling en lager

Exitcodes: 0 in orde · 1 fouten in de regeling of mislukte voorbeelden · 2 onjuiste invoer of aanroep
           3 uitvoer kon niet worden geschreven (schijf vol, lezer gestopt)
           130/143 --batch gestopt door SIGINT/SIGTERM (na een hele regel, met een samenvatting)
`;

const usageEn = `sroi ${VERSION} — social return rules as code

Usage:
  sroi check FILE...                    check rulesets (errors, warnings)
      --aannames, --assumptions         also show every assumption (provisional values)
      --bronnen, --sources DIR          check every quotation ('...') word for word against the text
                                        of its document (file "..." in DIR); without: not checked
  sroi eval RULESET CONTRACT.json       evaluate a contract, with an explanation of every euro
      --json                            result as JSON (docs/contract-format.md)
      --kort, --brief                   only the amounts, without the explanation
      --batch CONTRACTS.jsonl           many contracts, one JSON line per contract (- = stdin);
                                        output JSON Lines in the same order
      --workers N                       with --batch: number of threads (default one per core)
      --max-line-bytes N                with --batch: a longer line gets an error line (SR5103)
                                        and the run goes on (default 16 MB); a BOM may start every
                                        line; SIGINT/SIGTERM stops after a whole line
  sroi test FILE...                     run the examples (and properties)
      --coverage                        which rules, table rows, branches and caps the examples
                                        reach, and which never
      --runs N  --seed S                properties: number of generated contracts, and the seed
                                        to repeat a run
  sroi fmt FILE... [--check]            format (with --check: only check)
  sroi dump tokens|cst|ast|ir FILE      show an intermediate stage of the compiler
  sroi dump plan RULESET                show the JavaScript the evaluator makes for the ruleset
  sroi export --schema [RULESET]        JSON Schema of the contract
  sroi export --schema result|ir        JSON Schema of the result or of the IR (also:
                                        --schema contract [RULESET])
  sroi export --ir-schema               JSON Schema of the IR
  sroi export --ir RULESET              the IR of a ruleset (faster to load)
  sroi export --to json-rules-engine RULESET
                                        rules and formulas for json-rules-engine 7 (with the
                                        adapter of @sroi/evaluator; docs/embedding.md)
      -o, --output FILE                 write to a file instead of to stdout
  sroi diff RULESET-A RULESET-B         semantic difference: changed values, table rows, formulas,
                                        caps, scope, periods and header, with their place in both
                                        files, and example contracts with a different outcome
                                        (exit code 0, also when there are differences)
      --json | --html                   as JSON, or as a printable HTML page
  sroi compare RULESET... --contract CONTRACT.json
                                        one contract under several rulesets side by side, with the
                                        rules that make the differences
      --json | --html | --csv           as JSON, as a printable HTML page or as CSV (columns per
                                        ruleset, with the source or assumption of every value)
      --xlsx FILE                       also as an Excel workbook (amounts as numbers)
  sroi whatif BASE PORTFOLIO --scenario S.sroi | --set NAME=VALUE
                                        what-if: tariff changes over a portfolio, with
                                        attribution per parameter (sroi whatif --help)
  sroi portfolio generate --contracts N [--seed S] [--format jsonl|csv|xlsx] [--out FILE]
                                        a synthetic portfolio
  sroi matrix RULESET...                harmonisation matrix; the first ruleset is the base
      --html | --csv | --json           as a printable HTML page (summary and charts first),
                                        as CSV (; and decimal comma, for Excel) or as JSON
      --xlsx FILE                       also as an Excel workbook (amounts as numbers)
      --portefeuille, --portfolio CONTRACTS.jsonl
                                        totals over an example portfolio (default
                                        examples/portfolio.jsonl beside the first ruleset)
      --peildatum, --date YYYY-MM-DD    reference date of the computed rows

  sroi serve RULESET|SET...             HTTP API (JSON) over the rulesets; stops cleanly on SIGTERM/SIGINT
      --port N  --host H                default 8080 on 127.0.0.1 (--port 0: a free port)
      --quiet                           without access log (JSON lines on stderr)
      --max-body BYTES                  limit per contract (default 1048576)
      --max-batch-body BYTES            limit per batch (default 67108864)
      --max-lines N                     lines per batch (default 100000)
      --max-activities N                activities per contract (default 10000)
      --timeout MS                      time per request (default 30000)

RULESET is a .sroi file or an IR file (.json, made with sroi export --ir).
Some options keep their Dutch names; an English name after a comma is an alias that works the
same.

Options for every command:
  --format text|json|gnu                form of the messages (default text)
  --lang nl|en                          language of the messages, of this help and of a JSON
                                        Schema's descriptions (default nl; also SROI_LANG=en)
  --root DIR                            rulesets in DIR may be extended too (breidt uit);
                                        by default only the folder of the named ruleset and below

Exit codes: 0 ok · 1 errors in the ruleset or failed examples · 2 wrong input or command line
            3 output could not be written (disk full, reader stopped)
            130/143 --batch stopped by SIGINT/SIGTERM (after a whole line, with a summary)
`;

/** The usage text in each language: the same commands and options in the same order (tested). */
export const usages: Readonly<Record<Language, string>> = { nl: usage, en: usageEn };

const commands = [
  'check',
  'eval',
  'test',
  'fmt',
  'dump',
  'export',
  'diff',
  'compare',
  'matrix',
  'serve',
  'help',
] as const;

/** The first word that is not an option (nor the value of --format/--lang): the command. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  let io = terminalIo(rawIo, { out: true, err: true });
  // The language of the help and of every usage error, decided before anything else is parsed.
  const say = languageOf(argv);
  // whatif and portfolio take options of their own (--html FILE, --set, repeated --scenario).
  const own = commandOf(argv);
  if (own === 'whatif' || own === 'portfolio') {
    // Reports to stdout (JSON, CSV, generated portfolios) pass unchanged; text is escaped.
    const machine = own === 'portfolio' || argv.some((a) => ['--json', '--csv', '--html'].includes(a));
    const ownIo = terminalIo(rawIo, { out: !machine, err: true });
    try {
      const { whatifCommand, portfolioCommand, whatifUsages } = await import('./commands/whatif.js');
      if (argv.includes('--help') || argv.includes('-h')) {
        io.out(whatifUsages[say]);
        return EXIT.ok;
      }
      return own === 'whatif' ? await whatifCommand(argv, ownIo) : await portfolioCommand(argv, ownIo);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(`sroi: ${e.text(say)}\n`);
        return e instanceof OutputError ? EXIT.output : EXIT.input;
      }
      if (process.env['SROI_DEBUG']) throw e;
      io.err(`sroi: ${renderUsage('internal', { message: (e as Error).message }, say)}\n`);
      return EXIT.input;
    }
  }
  // Each command takes only its own options (arguments.ts): a misplaced one is a usage error.
  const known = own !== undefined && Object.hasOwn(commandOptions, own) ? (own as CommandName) : undefined;
  let parsed;
  try {
    parsed = parseCommandLine(argv, known && known !== 'help' ? known : '', {
      ...commonOptions,
      ...(known ? commandOptions[known] : {}),
    });
  } catch (e) {
    io.err(`sroi: ${e instanceof UsageError ? e.text(say) : (e as Error).message}\n`);
    return EXIT.input;
  }
  const positionals = parsed.positionals;
  const values = parsed.values as OptionValues;
  if (values.version) {
    io.out(`sroi ${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...args] = positionals;
  if (values.help || !command || command === 'help') {
    io.out(usages[say]);
    return command || values.help ? EXIT.ok : EXIT.input;
  }
  if (!(commands as readonly string[]).includes(command)) {
    const { suggestNames } = await import('@sroi/core');
    const close = suggestNames(command, commands);
    const suggestion = close.length ? renderUsage('didYouMeanCommand', { name: close[0]! }, say) : '';
    io.err(
      `sroi: ${renderUsage('unknownCommand', { command: safeLine(command), suggestion, usage: usages[say] }, say)}`,
    );
    return EXIT.input;
  }
  const format = (values.format ?? 'text') as DiagnosticFormat;
  if (!['text', 'json', 'gnu'].includes(format)) {
    io.err(`sroi: ${renderUsage('formatValue', { value: safeLine(format) }, say)}\n`);
    return EXIT.input;
  }
  const lang = (values.lang ?? process.env['SROI_LANG'] ?? 'nl') as Language;
  if (lang !== 'nl' && lang !== 'en') {
    io.err(`sroi: ${renderUsage('langValue', { value: safeLine(lang) }, say)}\n`);
    return EXIT.input;
  }
  const common: CommonOptions = { format, lang };
  const { allowRoots } = await import('./host.js');
  allowRoots(values.root ?? []);
  const machineOut =
    format === 'json' ||
    Boolean(values.json || values.html || values.csv || values.batch !== undefined) ||
    command === 'export' ||
    (command === 'dump' && args[0] !== 'tokens');
  io = terminalIo(rawIo, { out: !machineOut, err: format !== 'json' });
  try {
    switch (command) {
      case 'check': {
        const { checkCommand } = await import('./commands/check.js');
        return await checkCommand(
          args,
          {
            ...common,
            assumptions: Boolean(values.aannames || values.assumptions),
            ...((values.bronnen ?? values.sources) !== undefined
              ? { bronnen: (values.bronnen ?? values.sources)! }
              : {}),
          },
          io,
        );
      }
      case 'eval': {
        const { evalCommand } = await import('./commands/eval.js');
        return await evalCommand(
          args,
          {
            ...common,
            json: Boolean(values.json),
            brief: Boolean(values.kort || values.brief),
            explain: !values['no-explain'],
            ...(values.batch !== undefined ? { batch: values.batch } : {}),
            ...(values.workers !== undefined ? { workers: values.workers } : {}),
            ...(values['max-line-bytes'] !== undefined ? { maxLineBytes: values['max-line-bytes'] } : {}),
          },
          io,
        );
      }
      case 'test': {
        const { testCommand } = await import('./commands/test.js');
        return await testCommand(
          args,
          {
            ...common,
            coverage: Boolean(values.coverage),
            ...(values.runs !== undefined ? { runs: values.runs } : {}),
            ...(values.seed !== undefined ? { seed: values.seed } : {}),
          },
          io,
        );
      }
      case 'fmt': {
        const { fmtCommand } = await import('./commands/fmt.js');
        return await fmtCommand(args, { ...common, check: Boolean(values.check) }, io);
      }
      case 'dump': {
        const { dumpCommand } = await import('./commands/dump.js');
        return await dumpCommand(args, common, io);
      }
      case 'export': {
        const { exportCommand } = await import('./commands/export.js');
        return await exportCommand(
          args,
          {
            ...common,
            schema: Boolean(values.schema),
            irSchema: Boolean(values['ir-schema']),
            ir: Boolean(values.ir),
            ...(values.output !== undefined ? { output: values.output } : {}),
            ...(values.to !== undefined ? { to: values.to } : {}),
          },
          io,
        );
      }
      case 'diff': {
        const { diffCommand } = await import('./commands/diff.js');
        return await diffCommand(
          args,
          { ...common, json: Boolean(values.json), html: Boolean(values.html) },
          io,
        );
      }
      case 'compare': {
        const { compareCommand } = await import('./commands/compare.js');
        return await compareCommand(
          args,
          {
            ...common,
            json: Boolean(values.json),
            html: Boolean(values.html),
            csv: Boolean(values.csv),
            ...(values.xlsx !== undefined ? { xlsx: values.xlsx } : {}),
            ...(values.contract !== undefined ? { contract: values.contract } : {}),
          },
          io,
        );
      }
      case 'matrix': {
        const { matrixCommand } = await import('./commands/matrix.js');
        const portfolio = values.portefeuille ?? values.portfolio;
        const date = values.peildatum ?? values.date;
        return await matrixCommand(
          args,
          {
            ...common,
            json: Boolean(values.json),
            html: Boolean(values.html),
            csv: Boolean(values.csv),
            ...(values.xlsx !== undefined ? { xlsx: values.xlsx } : {}),
            ...(portfolio !== undefined ? { portfolio } : {}),
            ...(date !== undefined ? { date } : {}),
          },
          io,
        );
      }
      case 'serve': {
        const { serveCommand } = await import('./commands/serve.js');
        const text = (flag: string) => (values as Record<string, unknown>)[flag] as string | undefined;
        return await serveCommand(
          args,
          {
            ...common,
            quiet: Boolean(values.quiet),
            version: VERSION,
            ...Object.fromEntries(
              (
                [
                  ['port', 'port'],
                  ['host', 'host'],
                  ['maxBody', 'max-body'],
                  ['maxBatchBody', 'max-batch-body'],
                  ['maxLines', 'max-lines'],
                  ['maxActivities', 'max-activities'],
                  ['timeout', 'timeout'],
                ] as const
              ).flatMap(([key, flag]) => (text(flag) !== undefined ? [[key, text(flag)]] : [])),
            ),
          },
          io,
        );
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sroi: ${safeLine(e.text(say))}\n`);
      return e instanceof OutputError ? EXIT.output : EXIT.input;
    }
    if (process.env['SROI_DEBUG']) throw e;
    io.err(
      `sroi: ${renderUsage('internal', { message: safeLine((e as Error).message) }, say)}\n${renderUsage('internalReport', {}, say)}\n`,
    );
    return EXIT.input;
  }
  return EXIT.ok;
}

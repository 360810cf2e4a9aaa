// The CLI's usage errors (exit 2 or 3), in Dutch and English from one place, as the diagnostics'
// catalogue (packages/core/src/messages.ts) keeps its messages: a key, two templates, `{name}` arguments.
import { fillTemplate, type Language } from '@sroi/core';

/** Dutch and English text of one usage message. */
export interface UsageText {
  readonly nl: string;
  readonly en: string;
}

export const usageMessages = {
  // ── main: the command line as a whole ──────────────────────────────────────
  unknownCommand: {
    nl: "onbekend commando '{command}'{suggestion}\n\n{usage}",
    en: "unknown command '{command}'{suggestion}\n\n{usage}",
  },
  didYouMeanCommand: { nl: " — bedoelde je '{name}'?", en: " — did you mean '{name}'?" },
  formatValue: {
    nl: "--format moet text, json of gnu zijn, niet '{value}'",
    en: "--format must be text, json or gnu, not '{value}'",
  },
  langValue: {
    nl: "--lang moet nl of en zijn, niet '{value}'",
    en: "--lang must be nl or en, not '{value}'",
  },
  internal: { nl: 'interne fout: {message}', en: 'internal error: {message}' },
  internalReport: {
    nl: 'Dit is een fout in sroi, niet in je invoer; meld hem graag (SROI_DEBUG=1 toont details).',
    en: 'This is a bug in sroi, not in your input; please report it (SROI_DEBUG=1 shows details).',
  },
  /** Text composed elsewhere in both languages (the option parser's words, a file's reason). */
  composed: { nl: '{text}', en: '{text}' },
  prefixed: { nl: '{prefix}: {text}', en: '{prefix}: {text}' },
  wholeNumber: {
    nl: "{flag} moet een geheel getal van {min} tot en met {max} zijn, niet '{value}'",
    en: "{flag} must be a whole number from {min} to {max}, not '{value}'",
  },
  outputWrite: {
    nl: 'kan niet schrijven naar {name}: {reason}{code}',
    en: 'cannot write to {name}: {reason}{code}',
  },
  xlsxWrite: {
    nl: '--xlsx {path}: kan niet schrijven ({reason})',
    en: '--xlsx {path}: cannot write ({reason})',
  },
  // ── files ───────────────────────────────────────────────────────────────────
  fileProblem: { nl: '{path}: {reason}', en: '{path}: {reason}' },
  notFileOrPipe: {
    nl: '{path}: geen gewoon bestand of pipe (een apparaat of socket)',
    en: '{path}: not a regular file or pipe (a device or socket)',
  },
  rulesetSetGiven: {
    nl: '{command}: {path} is een regelingenset; geef de regelingen zelf',
    en: '{command}: {path} is a ruleset set; give the rulesets themselves',
  },
  // ── commands ────────────────────────────────────────────────────────────────
  checkFiles: { nl: 'check: geef een of meer .sroi-bestanden', en: 'check: give one or more .sroi files' },
  checkSources: {
    nl: 'check: --bronnen {path} is geen map',
    en: 'check: --bronnen {path} is not a folder',
  },
  evalArguments: {
    nl: 'eval: geef een regeling en één contract: sroi eval REGELING CONTRACT.json',
    en: 'eval: give a ruleset and one contract: sroi eval RULESET CONTRACT.json',
  },
  batchArguments: {
    nl: 'eval --batch: sroi eval REGELING --batch CONTRACTEN.jsonl',
    en: 'eval --batch: sroi eval RULESET --batch CONTRACTS.jsonl',
  },
  testFiles: { nl: 'test: geef een of meer .sroi-bestanden', en: 'test: give one or more .sroi files' },
  fmtFiles: { nl: 'fmt: geef een of meer .sroi-bestanden', en: 'fmt: give one or more .sroi files' },
  dumpArguments: {
    nl: 'dump: gebruik sroi dump {stages} BESTAND',
    en: 'dump: use sroi dump {stages} FILE',
  },
  dumpSet: {
    nl: 'dump: {path} is een set; geef één regeling',
    en: 'dump: {path} is a set; give one ruleset',
  },
  exportTo: {
    nl: "export --to: alleen json-rules-engine, niet '{value}'",
    en: "export --to: only json-rules-engine, not '{value}'",
  },
  exportChoice: {
    nl: 'export: kies --schema [contract|result|ir] [REGELING], --ir-schema, --ir REGELING of --to json-rules-engine REGELING',
    en: 'export: choose --schema [contract|result|ir] [RULESET], --ir-schema, --ir RULESET or --to json-rules-engine RULESET',
  },
  exportNoRuleset: {
    nl: 'export {what}: geen regeling nodig (alleen bij --schema contract)',
    en: 'export {what}: no ruleset needed (only with --schema contract)',
  },
  exportIrRuleset: { nl: 'export --ir: geef een regeling', en: 'export --ir: give a ruleset' },
  exportToRuleset: {
    nl: 'export --to json-rules-engine: geef een regeling',
    en: 'export --to json-rules-engine: give a ruleset',
  },
  exportWrite: {
    nl: 'export: kan {path} niet schrijven: {reason}{code}',
    en: 'export: cannot write {path}: {reason}{code}',
  },
  diffArguments: {
    nl: 'diff: geef twee regelingen: sroi diff REGELING-A REGELING-B',
    en: 'diff: give two rulesets: sroi diff RULESET-A RULESET-B',
  },
  diffFormats: {
    nl: 'diff: kies --json of --html, niet allebei',
    en: 'diff: choose --json or --html, not both',
  },
  compareArguments: {
    nl: 'compare: geef regelingen en een contract: sroi compare REGELING... --contract CONTRACT.json',
    en: 'compare: give rulesets and a contract: sroi compare RULESET... --contract CONTRACT.json',
  },
  compareFormats: {
    nl: 'compare: kies één van --json, --html en --csv',
    en: 'compare: choose one of --json, --html and --csv',
  },
  matrixArguments: {
    nl: 'matrix: geef een of meer regelingen: sroi matrix REGELING...',
    en: 'matrix: give one or more rulesets: sroi matrix RULESET...',
  },
  matrixFormats: {
    nl: 'matrix: kies één van --json, --html en --csv',
    en: 'matrix: choose one of --json, --html and --csv',
  },
  matrixDate: {
    nl: "matrix: --peildatum moet een datum JJJJ-MM-DD zijn, niet '{value}'",
    en: "matrix: --peildatum must be a date YYYY-MM-DD, not '{value}'",
  },
  serveArguments: {
    nl: 'serve: geef één of meer regelingen of sets: sroi serve [--port N] REGELING|SET...',
    en: 'serve: give one or more rulesets or sets: sroi serve [--port N] RULESET|SET...',
  },
  servePortInUse: {
    nl: 'serve: poort {port} op {host} is al in gebruik',
    en: 'serve: port {port} on {host} is already in use',
  },
  serveAddress: {
    nl: 'serve: adres {host} is niet beschikbaar op deze machine',
    en: 'serve: address {host} is not available on this machine',
  },
  serveNoName: {
    nl: "{file}: de naam '{title}' geeft geen URL-naam (geen letters of cijfers)",
    en: "{file}: the name '{title}' gives no URL name (no letters or digits)",
  },
  serveSameName: {
    nl: "{file} en {other} hebben dezelfde URL-naam '{name}'; geef elke regeling één keer",
    en: "{file} and {other} have the same URL name '{name}'; give each ruleset once",
  },
  whatifArguments: {
    nl: 'whatif: geef een basis en een portefeuille\n\n{usage}',
    en: 'whatif: give a base and a portfolio\n\n{usage}',
  },
  whatifPortfolioKind: {
    nl: 'whatif: {path}: verwacht een .jsonl-, .csv- of .xlsx-bestand',
    en: 'whatif: {path}: expected a .jsonl, .csv or .xlsx file',
  },
  whatifScenarios: {
    nl: "whatif: geef een of meer scenario's: --scenario S.sroi of --set NAAM=WAARDE",
    en: 'whatif: give one or more scenarios: --scenario S.sroi or --set NAME=VALUE',
  },
  whatifMore: { nl: '... en {count} meldingen meer', en: '... and {count} more messages' },
  whatifProgress: {
    nl: '{done} contracten · {rate} per seconde',
    en: '{done} contracts · {rate} per second',
  },
  whatifStrictStop: {
    nl: 'whatif: gestopt bij de eerste ongeldige rij (--strict)',
    en: 'whatif: stopped at the first invalid row (--strict)',
  },
  whatifUnreadable: {
    nl: 'whatif: {path} is niet te lezen als portefeuille (zie de melding hierboven)',
    en: 'whatif: {path} cannot be read as a portfolio (see the message above)',
  },
  portfolioSub: {
    nl: "portfolio: alleen 'generate' bestaat\n\n{usage}",
    en: "portfolio: only 'generate' exists\n\n{usage}",
  },
  portfolioFormat: {
    nl: "portfolio generate: --format moet jsonl, csv of xlsx zijn, niet '{value}'",
    en: "portfolio generate: --format must be jsonl, csv or xlsx, not '{value}'",
  },
  portfolioXlsxOut: {
    nl: 'portfolio generate: een XLSX-bestand vraagt --out BESTAND',
    en: 'portfolio generate: an XLSX file needs --out FILE',
  },
} as const satisfies Record<string, UsageText>;

export type UsageMessage = keyof typeof usageMessages;

/** An argument: the same in both languages (a path, a number), or a text of its own in each. */
export type UsageArgs = Readonly<Record<string, string | number | UsageText>>;

/** A usage message in `lang`, with its arguments (each in `lang` too) filled in. */
export function renderUsage(key: UsageMessage, args: UsageArgs, lang: Language): string {
  const filled = Object.fromEntries(
    Object.entries(args).map(([name, v]) => [name, typeof v === 'object' ? v[lang] : v]),
  );
  return fillTemplate(usageMessages[key][lang], filled);
}

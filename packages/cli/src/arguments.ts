// The options each command accepts, and the parsing of a command line against them: an option
// that the command does not take (mistyped, or belonging to another command) is a usage error
// (exit 2) with a Dutch or English message, never silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggestNames, type Language } from '@sroi/core';
import { UsageError } from './errors.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const commonOptions = {
  format: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  root: { type: 'string', multiple: true },
} as const satisfies OptionsConfig;

/** Each command's own options (whatif and portfolio declare theirs in commands/whatif.ts). */
export const commandOptions = {
  check: {
    aannames: { type: 'boolean' },
    assumptions: { type: 'boolean' },
    bronnen: { type: 'string' },
    sources: { type: 'string' },
  },
  eval: {
    json: { type: 'boolean' },
    kort: { type: 'boolean' },
    brief: { type: 'boolean' },
    batch: { type: 'string' },
    workers: { type: 'string' },
    'max-line-bytes': { type: 'string' },
    'no-explain': { type: 'boolean' },
  },
  test: { coverage: { type: 'boolean' }, runs: { type: 'string' }, seed: { type: 'string' } },
  fmt: { check: { type: 'boolean' } },
  dump: {},
  export: {
    schema: { type: 'boolean' },
    'ir-schema': { type: 'boolean' },
    ir: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    to: { type: 'string' },
  },
  diff: { json: { type: 'boolean' }, html: { type: 'boolean' } },
  compare: {
    json: { type: 'boolean' },
    html: { type: 'boolean' },
    csv: { type: 'boolean' },
    xlsx: { type: 'string' },
    contract: { type: 'string' },
  },
  matrix: {
    json: { type: 'boolean' },
    html: { type: 'boolean' },
    csv: { type: 'boolean' },
    xlsx: { type: 'string' },
    portefeuille: { type: 'string' },
    portfolio: { type: 'string' },
    peildatum: { type: 'string' },
    date: { type: 'string' },
  },
  serve: {
    port: { type: 'string' },
    host: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-body': { type: 'string' },
    'max-batch-body': { type: 'string' },
    'max-lines': { type: 'string' },
    'max-activities': { type: 'string' },
    timeout: { type: 'string' },
  },
  help: {},
} as const satisfies Record<string, OptionsConfig>;

export type CommandName = keyof typeof commandOptions;

/**
 * The language of the help and of messages about the command line itself, read before the line
 * is parsed (a usage error may be the reason it cannot be): the last `--lang nl|en` wherever it
 * stands, as the parser takes the last; else `SROI_LANG=en`; else Dutch.
 */
export function languageOf(argv: readonly string[]): Language {
  let found: Language | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value =
      a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'nl') found = value;
  }
  return found ?? (process.env['SROI_LANG'] === 'en' ? 'en' : 'nl');
}

/** Where a command's options are listed. */
const helpFor = (command: string) =>
  command === 'whatif' || command === 'portfolio' ? 'sroi whatif --help' : 'sroi help';

const words = {
  nl: {
    unknown: (o: string, c: string) => `onbekende optie '${o}'${c ? ` bij sroi ${c}` : ''}`,
    didYouMean: (o: string) => ` — bedoelde je '${o}'?`,
    belongs: (o: string, cs: readonly string[]) =>
      ` ('${o}' hoort bij ${cs.map((c) => `sroi ${c}`).join(', ')})`,
    missingValue: (o: string, c: string) => `optie '${o}' bij sroi ${c} vraagt een waarde`,
    noValue: (o: string, c: string) => `optie '${o}' bij sroi ${c} neemt geen waarde`,
    other: (m: string, c: string) => `sroi ${c}: onjuiste aanroep (${m})`,
    help: (c: string) => `Zie '${helpFor(c)}' voor de opties${c ? ` van sroi ${c}` : ''}.`,
  },
  en: {
    unknown: (o: string, c: string) => `unknown option '${o}'${c ? ` for sroi ${c}` : ''}`,
    didYouMean: (o: string) => ` — did you mean '${o}'?`,
    belongs: (o: string, cs: readonly string[]) =>
      ` ('${o}' belongs to ${cs.map((c) => `sroi ${c}`).join(', ')})`,
    missingValue: (o: string, c: string) => `option '${o}' for sroi ${c} needs a value`,
    noValue: (o: string, c: string) => `option '${o}' for sroi ${c} takes no value`,
    other: (m: string, c: string) => `sroi ${c}: invalid command line (${m})`,
    help: (c: string) => `See '${helpFor(c)}' for the options${c ? ` of sroi ${c}` : ''}.`,
  },
} as const;

/** `--x` or `-x` as the user wrote it, from a node:util parseArgs error message. */
const quotedOption = (message: string): string | undefined => /'(--?[^'\s=]+)/.exec(message)?.[1];

/** The commands (other than `command`) that take the option `--name`. */
const commandsTaking = (name: string, command: string, extra: Record<string, OptionsConfig>): string[] =>
  Object.entries({ ...commandOptions, ...extra })
    .filter(([c, options]) => c !== command && Object.hasOwn(options, name))
    .map(([c]) => c);

/**
 * Parses `argv` for `command` with the options in `config`; a usage error names the option, a
 * close option of this command, and the commands it belongs to. `others` lists the options of
 * commands that parse their own lines (whatif, portfolio), for that last hint.
 */
export function parseCommandLine(
  argv: readonly string[],
  command: string,
  config: OptionsConfig,
  others: Record<string, OptionsConfig> = {},
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: config });
    return parsed as {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    };
  } catch (e) {
    const message = (e as Error).message;
    const code = (e as { code?: string }).code;
    const written = quotedOption(message) ?? '?';
    const name = written.replace(/^--?/, '');
    const close = suggestNames(
      name,
      Object.keys(config).filter((o) => o !== 'help' && o !== 'version'),
    );
    const elsewhere = commandsTaking(name, command, others);
    // Both languages: main prints the one it decided on (languageOf) before parsing.
    const explain = (w: (typeof words)[Language]): string => {
      let text: string;
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
        text =
          w.unknown(written, command) +
          (close.length > 0 ? w.didYouMean(`--${close[0]}`) : '') +
          (elsewhere.length > 0 ? w.belongs(written, elsewhere) : '');
      // `--bronnen --lang en`: node calls an option-like value "ambiguous"; the value is missing.
      else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
        text = /argument missing|argument is ambiguous/.test(message)
          ? w.missingValue(written, command)
          : w.noValue(written, command);
      else text = w.other(message, command);
      return `${text}\n${w.help(command)}`;
    };
    throw new UsageError('composed', { text: { nl: explain(words.nl), en: explain(words.en) } });
  }
}

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllOptions = typeof commonOptions & Intersection<(typeof commandOptions)[CommandName]>;
type ValueOf<O> = O extends { type: 'string'; multiple: true }
  ? string[]
  : O extends { type: 'string' }
    ? string
    : boolean;

/** The values of a parsed command line, typed by the option tables above. */
export type OptionValues = { readonly [K in keyof AllOptions]?: ValueOf<AllOptions[K]> };

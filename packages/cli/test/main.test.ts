import { afterEach, describe, expect, test, vi } from 'vitest';
import { commandOptions, commonOptions } from '../src/arguments.js';
import { whatifUsages } from '../src/commands/whatif.js';
import { usages, VERSION } from '../src/main.js';
import { mini, sroi } from './support/run.js';

const usageFirstLine = `sroi ${VERSION} — social return regels als code`;

describe('sroi', () => {
  test('--version prints the version and exits 0', async () => {
    expect(await sroi('--version')).toEqual({ code: 0, out: `sroi ${VERSION}\n`, err: '' });
    expect(await sroi('-v')).toEqual({ code: 0, out: `sroi ${VERSION}\n`, err: '' });
  });

  test('help prints the usage with every command and the exit codes, and exits 0', async () => {
    const { code, out, err } = await sroi('help');
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe(usageFirstLine);
    expect(
      lines.filter((l) => /^ {2}sroi \w+/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual([
      'sroi check',
      'sroi eval',
      'sroi test',
      'sroi fmt',
      'sroi dump',
      'sroi dump',
      'sroi export',
      'sroi export',
      'sroi export',
      'sroi export',
      'sroi export',
      'sroi diff',
      'sroi compare',
      'sroi whatif',
      'sroi portfolio',
      'sroi matrix',
      'sroi serve',
    ]);
    expect(lines).toContain(
      'Exitcodes: 0 in orde · 1 fouten in de regeling of mislukte voorbeelden · 2 onjuiste invoer of aanroep',
    );
  });

  test('--help prints the same usage as help', async () => {
    expect(await sroi('--help')).toEqual(await sroi('help'));
  });

  test('without a command prints the usage and exits 2', async () => {
    const { code, out } = await sroi();
    expect(code).toBe(2);
    expect(out.split('\n')[0]).toBe(usageFirstLine);
  });

  test('an unknown command is refused with a suggestion and exits 2', async () => {
    const { code, out, err } = await sroi('chek', mini);
    expect([code, out]).toEqual([2, '']);
    expect(err.split('\n').slice(0, 3)).toEqual([
      "sroi: onbekend commando 'chek' — bedoelde je 'check'?",
      '',
      usageFirstLine,
    ]);
  });

  test('an unknown command far from every command gets no suggestion', async () => {
    const { code, err } = await sroi('frobnicate');
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe("sroi: onbekend commando 'frobnicate'");
  });

  test('an unknown option is refused and exits 2', async () => {
    const { code, out, err } = await sroi('check', '--frobnicate', mini);
    expect([code, out]).toEqual([2, '']);
    expect(err.split('\n')[0]).toBe("sroi: onbekende optie '--frobnicate' bij sroi check");
  });

  test('an unknown --format or --lang is refused and exits 2', async () => {
    expect(await sroi('check', '--format', 'xml', mini)).toEqual({
      code: 2,
      out: '',
      err: "sroi: --format moet text, json of gnu zijn, niet 'xml'\n",
    });
    expect(await sroi('check', '--lang', 'de', mini)).toEqual({
      code: 2,
      out: '',
      err: "sroi: --lang moet nl of en zijn, niet 'de'\n",
    });
    // sroi whatif reads its own options, with the same words.
    expect((await sroi('whatif', '--format', 'xml', mini, 'p.jsonl')).err).toBe(
      "sroi: --format moet text, json of gnu zijn, niet 'xml'\n",
    );
    expect((await sroi('whatif', '--lang', 'de', mini, 'p.jsonl')).err).toBe(
      "sroi: --lang moet nl of en zijn, niet 'de'\n",
    );
  });

  test('a command without its files is a usage error that exits 2', async () => {
    expect(await sroi('check')).toEqual({
      code: 2,
      out: '',
      err: 'sroi: check: geef een of meer .sroi-bestanden\n',
    });
    expect(await sroi('eval', mini)).toEqual({
      code: 2,
      out: '',
      err: 'sroi: eval: geef een regeling en één contract: sroi eval REGELING CONTRACT.json\n',
    });
  });

  test('a file that does not exist is named and exits 2', async () => {
    expect(await sroi('check', 'bestaat-niet.sroi')).toEqual({
      code: 2,
      out: '',
      err: 'sroi: bestaat-niet.sroi: bestand bestaat niet\n',
    });
  });
});

describe('sroi --lang en: the help and every usage error in English', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const englishFirstLine = `sroi ${VERSION} — social return rules as code`;
  const commandLines = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^ {2}sroi \w+/.test(l))
      .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));

  test('sroi --help --lang en prints the English usage, with the same commands as the Dutch, and exits 0', async () => {
    const { code, out, err } = await sroi('--help', '--lang', 'en');
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(usages.en);
    expect(out.split('\n')[0]).toBe(englishFirstLine);
    expect(commandLines(out)).toEqual(commandLines(usages.nl));
    expect(out).toContain('Exit codes: 0 ok · 1 errors in the ruleset or failed examples');
  });

  test('the English usage has none of a list of Dutch words outside option names', async () => {
    const { out } = await sroi('help', '--lang', 'en');
    // Option names and the DSL keyword `breidt uit` stay Dutch on purpose.
    const prose = out.replace(/--?[\w-]+/g, '').replace('(breidt uit)', '');
    const dutch = [
      'Gebruik',
      'regeling',
      'regelingen',
      'bestand',
      'controleer',
      'standaard',
      'alleen',
      'voorbeelden',
      'één',
      'zonder',
      'als',
      'de',
      'het',
      'een',
      'van',
      'met',
      'naar',
      'Exitcodes',
      'Opties',
      'BESTAND',
      'REGELING',
      'MAP',
      'CONTRACTEN',
      'JJJJ',
      'BASIS',
      'PORTEFEUILLE',
    ];
    expect(dutch.filter((word) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(prose))).toEqual(
      [],
    );
  });

  test('sroi --help is the Dutch usage by default, and with --lang nl', async () => {
    expect((await sroi('--help')).out).toBe(usages.nl);
    expect((await sroi('--help', '--lang', 'nl')).out).toBe(usages.nl);
    expect(usages.nl.split('\n')[2]).toBe('Gebruik:');
  });

  test('--lang en counts wherever it stands, also as --lang=en and before the command', async () => {
    const english = { code: 0, out: usages.en, err: '' };
    expect(await sroi('--lang', 'en', '--help')).toEqual(english);
    expect(await sroi('--lang=en', 'help')).toEqual(english);
    expect(await sroi('help', '--format', 'json', '--lang', 'en')).toEqual(english);
    expect(await sroi('--lang', 'en', '-h')).toEqual(english);
  });

  test('without a command the usage is English too, with exit code 2', async () => {
    expect(await sroi('--lang', 'en')).toEqual({ code: 2, out: usages.en, err: '' });
  });

  test('SROI_LANG=en chooses English; --lang nl on the line wins over it', async () => {
    vi.stubEnv('SROI_LANG', 'en');
    expect((await sroi('--help')).out).toBe(usages.en);
    expect((await sroi('eval', mini)).err).toBe(
      'sroi: eval: give a ruleset and one contract: sroi eval RULESET CONTRACT.json\n',
    );
    expect((await sroi('--help', '--lang', 'nl')).out).toBe(usages.nl);
  });

  test('sroi whatif --help --lang en prints the what-if usage in English', async () => {
    expect(await sroi('whatif', '--help', '--lang', 'en')).toEqual({
      code: 0,
      out: whatifUsages.en,
      err: '',
    });
    expect((await sroi('whatif', '--help')).out).toBe(whatifUsages.nl);
    expect(whatifUsages.en.split('\n')[0]).toBe('Usage:');
  });

  // [what, argv, Dutch stderr (first line), English stderr (first line), exit code]
  const usageErrors: [string, string[], string, string, number][] = [
    [
      'an unknown command',
      ['frobnicate'],
      "sroi: onbekend commando 'frobnicate'",
      "sroi: unknown command 'frobnicate'",
      2,
    ],
    [
      'an unknown command close to one',
      ['chek', mini],
      "sroi: onbekend commando 'chek' — bedoelde je 'check'?",
      "sroi: unknown command 'chek' — did you mean 'check'?",
      2,
    ],
    [
      'a missing argument',
      ['eval', mini],
      'sroi: eval: geef een regeling en één contract: sroi eval REGELING CONTRACT.json',
      'sroi: eval: give a ruleset and one contract: sroi eval RULESET CONTRACT.json',
      2,
    ],
    [
      'missing files',
      ['check'],
      'sroi: check: geef een of meer .sroi-bestanden',
      'sroi: check: give one or more .sroi files',
      2,
    ],
    [
      'a missing option value',
      ['check', mini, '--bronnen'],
      "sroi: optie '--bronnen' bij sroi check vraagt een waarde",
      "sroi: option '--bronnen' for sroi check needs a value",
      2,
    ],
    [
      'a bad --format value',
      ['check', '--format', 'xml', mini],
      "sroi: --format moet text, json of gnu zijn, niet 'xml'",
      "sroi: --format must be text, json or gnu, not 'xml'",
      2,
    ],
    [
      'a bad number',
      ['eval', mini, '--batch', 'x.jsonl', '--workers', '0'],
      "sroi: --workers moet een geheel getal van 1 tot en met 64 zijn, niet '0'",
      "sroi: --workers must be a whole number from 1 to 64, not '0'",
      2,
    ],
    [
      'a bad date',
      ['matrix', mini, '--peildatum', '1-1-2024'],
      "sroi: matrix: --peildatum moet een datum JJJJ-MM-DD zijn, niet '1-1-2024'",
      "sroi: matrix: --peildatum must be a date YYYY-MM-DD, not '1-1-2024'",
      2,
    ],
    [
      'a bad --to value',
      ['export', '--to', 'drools', mini],
      "sroi: export --to: alleen json-rules-engine, niet 'drools'",
      "sroi: export --to: only json-rules-engine, not 'drools'",
      2,
    ],
    [
      'a file that does not exist',
      ['check', 'bestaat-niet.sroi'],
      'sroi: bestaat-niet.sroi: bestand bestaat niet',
      'sroi: bestaat-niet.sroi: file does not exist',
      2,
    ],
    [
      'a what-if without its portfolio',
      ['whatif', mini],
      'sroi: whatif: geef een basis en een portefeuille',
      'sroi: whatif: give a base and a portfolio',
      2,
    ],
    [
      'a bad portfolio format',
      ['portfolio', 'generate', '--format', 'ods'],
      "sroi: portfolio generate: --format moet jsonl, csv of xlsx zijn, niet 'ods'",
      "sroi: portfolio generate: --format must be jsonl, csv or xlsx, not 'ods'",
      2,
    ],
  ];

  test.each(usageErrors)(
    '%s is a usage error in Dutch, and in English with --lang en first or last',
    async (_, argv, nl, en, exit) => {
      const dutch = await sroi(...argv);
      expect([dutch.code, dutch.out, dutch.err.split('\n')[0]]).toEqual([exit, '', nl]);
      for (const english of [await sroi(...argv, '--lang', 'en'), await sroi('--lang', 'en', ...argv)])
        expect([english.code, english.out, english.err.split('\n')[0]]).toEqual([exit, '', en]);
    },
  );

  test('an unknown command shows the usage in the language of the error', async () => {
    expect((await sroi('frobnicate')).err).toBe(`sroi: onbekend commando 'frobnicate'\n\n${usages.nl}`);
    expect((await sroi('frobnicate', '--lang', 'en')).err).toBe(
      `sroi: unknown command 'frobnicate'\n\n${usages.en}`,
    );
  });
});

describe('the Dutch and the English usage document the same options', () => {
  /** English aliases of Dutch option names: the English usage names both, the Dutch only its own. */
  const aliases: Readonly<Record<string, string>> = {
    assumptions: 'aannames',
    sources: 'bronnen',
    brief: 'kort',
    portfolio: 'portefeuille',
    date: 'peildatum',
    'no-attribution': 'zonder-toerekening',
  };
  /** The options named in a usage text, in order, an alias counted as its Dutch name (once). */
  const options = (text: string): string[] =>
    [...text.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)]
      .map((m) => m[0])
      .map((o) => (o.startsWith('--') && Object.hasOwn(aliases, o.slice(2)) ? `--${aliases[o.slice(2)]}` : o))
      .filter((o, i, all) => o !== all[i - 1]);

  test.each([
    ['sroi --help', usages],
    ['sroi whatif --help', whatifUsages],
  ])('%s names the same options in the same order in both languages', (_, texts) => {
    expect(options(texts.nl).length).toBeGreaterThan(10);
    expect(options(texts.en)).toEqual(options(texts.nl));
  });

  test('the English usage names each English alias beside its Dutch option; the Dutch usage names none', () => {
    for (const [alias, dutch] of Object.entries(aliases)) {
      const text = alias === 'no-attribution' ? whatifUsages : usages;
      expect(text.en).toContain(`--${dutch}, --${alias}`);
      expect(text.nl).not.toContain(`--${alias}`);
    }
  });

  test('every option a command takes is in both usages (an alias in the English one)', () => {
    const declared = new Set(
      [commonOptions, ...Object.values(commandOptions)].flatMap((o) => Object.keys(o)),
    );
    // --help and --version are how the usage is reached; --no-explain is for benchmarks.
    const undocumented = new Set(['help', 'version', 'no-explain']);
    const named = (text: string) => new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!));
    const nl = named(usages.nl);
    const en = named(usages.en);
    const missing = [...declared]
      .filter((o) => !undocumented.has(o))
      .flatMap((o) => [
        ...(en.has(o) ? [] : [`en --${o}`]),
        ...(nl.has(o) || Object.hasOwn(aliases, o) ? [] : [`nl --${o}`]),
      ]);
    expect(missing).toEqual([]);
    for (const [alias, dutch] of Object.entries(aliases))
      if (alias !== 'no-attribution') expect(declared.has(alias) && declared.has(dutch)).toBe(true);
  });
});

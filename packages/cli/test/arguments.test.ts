import { afterEach, describe, expect, test, vi } from 'vitest';
import { commandOptions, commonOptions, languageOf } from '../src/arguments.js';
import { mini, sroi } from './support/run.js';

const commands = [...Object.keys(commandOptions).filter((c) => c !== 'help'), 'whatif', 'portfolio'];
const own = (c: string): readonly string[] =>
  c in commandOptions ? Object.keys(commandOptions[c as keyof typeof commandOptions]) : [];
const helpFor = (c: string) => (c === 'whatif' || c === 'portfolio' ? 'sroi whatif --help' : 'sroi help');

describe('every command refuses options it does not take', () => {
  test.each(commands)('sroi %s --geen-optie is a usage error in Dutch that exits 2', async (command) => {
    expect(await sroi(command, '--geen-optie', mini)).toEqual({
      code: 2,
      out: '',
      err: `sroi: onbekende optie '--geen-optie' bij sroi ${command}\nZie '${helpFor(command)}' voor de opties van sroi ${command}.\n`,
    });
  });

  test.each(commands)(
    'sroi %s --geen-optie --lang en is the same usage error in English',
    async (command) => {
      expect(await sroi(command, '--geen-optie', '--lang', 'en', mini)).toEqual({
        code: 2,
        out: '',
        err: `sroi: unknown option '--geen-optie' for sroi ${command}\nSee '${helpFor(command)}' for the options of sroi ${command}.\n`,
      });
    },
  );

  test.each(Object.keys(commandOptions).filter((c) => c !== 'help'))(
    'sroi %s refuses every option of another command it does not take, naming where it belongs',
    async (command) => {
      const foreign = [...new Set(Object.values(commandOptions).flatMap((o) => Object.keys(o)))].filter(
        (o) => !own(command).includes(o) && !(o in commonOptions),
      );
      expect(foreign.length).toBeGreaterThan(0);
      for (const option of foreign) {
        const { code, out, err } = await sroi(command, `--${option}`, 'x', mini);
        expect([code, out]).toEqual([2, '']);
        expect(err.split('\n')[0]).toMatch(
          new RegExp(
            `^sroi: onbekende optie '--${option}' bij sroi ${command}.*\\('--${option}' hoort bij sroi `,
          ),
        );
      }
    },
  );
});

describe('the messages about a command line', () => {
  test('an option of the reviews given to another command names the reviews that take it', async () => {
    const { code, err } = await sroi('diff', '--xlsx', 'x.xlsx', mini, mini);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe(
      "sroi: onbekende optie '--xlsx' bij sroi diff ('--xlsx' hoort bij sroi compare, sroi matrix)",
    );
  });

  test('a close option of the same command is suggested', async () => {
    const { err } = await sroi('matrix', '--jsn', mini);
    expect(err.split('\n')[0]).toBe("sroi: onbekende optie '--jsn' bij sroi matrix — bedoelde je '--json'?");
  });

  test('an option without its value, and a switch given a value, are usage errors', async () => {
    expect((await sroi('compare', mini, '--contract')).err.split('\n')[0]).toBe(
      "sroi: optie '--contract' bij sroi compare vraagt een waarde",
    );
    expect((await sroi('diff', '--json=ja', mini, mini)).err.split('\n')[0]).toBe(
      "sroi: optie '--json' bij sroi diff neemt geen waarde",
    );
  });

  test('an unknown option before any command names no command', async () => {
    expect(await sroi('--geen-optie')).toEqual({
      code: 2,
      out: '',
      err: "sroi: onbekende optie '--geen-optie'\nZie 'sroi help' voor de opties.\n",
    });
  });
});

describe('languageOf: the language decided before the command line is parsed', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('is Dutch without --lang or SROI_LANG', () => {
    vi.stubEnv('SROI_LANG', '');
    expect(languageOf(['eval', 'r.sroi'])).toBe('nl');
  });

  test('takes --lang en or --lang=en wherever it stands, the last one when given twice (as the parser does)', () => {
    expect(languageOf(['--lang', 'en', 'eval'])).toBe('en');
    expect(languageOf(['eval', 'r.sroi', '--lang=en'])).toBe('en');
    expect(languageOf(['--lang', 'en', 'check', '--lang', 'nl'])).toBe('nl');
    expect(languageOf(['--lang', 'nl', 'check', '--lang=en'])).toBe('en');
  });

  test('ignores a value that is not a language, and what follows --', () => {
    expect(languageOf(['check', '--lang', 'fr'])).toBe('nl');
    expect(languageOf(['check', '--', '--lang', 'en'])).toBe('nl');
  });

  test('falls back to SROI_LANG=en, which --lang nl overrides', () => {
    vi.stubEnv('SROI_LANG', 'en');
    expect(languageOf(['check'])).toBe('en');
    expect(languageOf(['check', '--lang', 'fr'])).toBe('en');
    expect(languageOf(['check', '--lang', 'nl'])).toBe('nl');
  });
});

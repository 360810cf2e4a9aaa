import { describe, expect, test } from 'vitest';
import { VERSION } from '../src/main.js';
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

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, rijnmond, scratch, sroi } from '../support/run.js';

const tmp = scratch('check');
afterAll(tmp.remove);

const miniText = readFileSync(mini, 'utf8');
/** The mini ruleset with a misspelt field: one located error with a suggestion. */
const typoText = miniText.replace(
  'waardering scholing = activiteit.kosten',
  'waardering scholing = activiteit.kostn',
);
const typo = tmp.write('typo.sroi', typoText);
const typoOffset = typoText.indexOf('kostn');

describe('sroi check', () => {
  test('a set file that is not a set manifest: SR6005 for a missing field, SR6004 for an unknown one (did you mean), named a set and not an IR document (exit 2)', async () => {
    const set = tmp.write('kapot.set.json', '{\n  "naam": "Kapot",\n  "regelinge": ["a.sroi"]\n}\n');
    const { code, out, err } = await sroi('check', '--format', 'gnu', set);
    expect(code).toBe(2);
    const text = out + err;
    expect(text).toContain("SR6005: regelingen: Set-bestand: veld 'regelingen' ontbreekt");
    expect(text).toContain("SR6004: regelinge: Set-bestand: onbekend veld 'regelinge'");
    expect(text).toContain("Bedoelde je 'regelingen'?");
    expect(text).not.toContain('IR-document');
  });

  test('a set member that is no text is SR6003 at its JSON path, in the language asked for; a set that is no JSON is located', async () => {
    const set = tmp.write('getal.set.json', '{ "naam": "x", "regelingen": [3] }');
    const en = await sroi('check', '--format', 'gnu', '--lang', 'en', set);
    expect(en.code).toBe(2);
    expect(en.out + en.err).toContain('SR6003: regelingen[0]: Set file is invalid at regelingen[0]');
    const broken = tmp.write('komma.set.json', '{ "naam": "x", "regelingen": ["a.sroi"], }');
    const nl = await sroi('check', '--format', 'gnu', broken);
    expect(nl.code).toBe(2);
    expect(nl.out + nl.err).toMatch(/komma\.set\.json:1:42: .*SR5002: Geen geldige JSON: onverwacht '\}'/);
  });

  test('the Rijnmond ruleset has no errors and exits 0', async () => {
    const { code, out } = await sroi('check', rijnmond);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^${rijnmond}: (in orde|0 fouten, \\d+ waarschuwingen?)\\n$`));
  });

  test('a sound ruleset is reported as in orde', async () => {
    expect(await sroi('check', mini)).toEqual({ code: 0, out: `${mini}: in orde\n`, err: '' });
  });

  test('in English the summary is ok', async () => {
    expect(await sroi('check', '--lang', 'en', mini)).toEqual({ code: 0, out: `${mini}: ok\n`, err: '' });
  });

  test('an error is shown with its source line, a caret line and a hint, and exits 1', async () => {
    expect(await sroi('check', typo)).toEqual({
      code: 1,
      out: `${typo}: 1 fout, 0 waarschuwingen\n`,
      err: [
        `${typo}:37:34: fout SR2007: Activiteit scholing heeft geen veld 'kostn'`,
        '   |',
        '37 | waardering scholing = activiteit.kostn',
        '   |                                  ^^^^^',
        "  = tip: Bedoelde je 'kosten'? Velden: kosten, omschrijving.",
        '',
        '',
      ].join('\n'),
    });
  });

  test('an error is shown in English with --lang en', async () => {
    const { code, out, err } = await sroi('check', '--lang', 'en', typo);
    expect([code, out]).toEqual([1, `${typo}: 1 error, 0 warnings\n`]);
    // The record name is an argument the compiler fills in, in Dutch.
    expect(err.split('\n')[0]).toBe(`${typo}:37:34: error SR2007: Activiteit scholing has no field 'kostn'`);
    expect(err.split('\n')[4]).toBe("  = hint: Did you mean 'kosten'? Fields: kosten, omschrijving.");
  });

  test('--format gnu prints one line per problem: file:line:col: severity code: message (hint)', async () => {
    expect(await sroi('check', '--format', 'gnu', typo)).toEqual({
      code: 1,
      out: '',
      err: `${typo}:37:34: error SR2007: Activiteit scholing heeft geen veld 'kostn' (Bedoelde je 'kosten'? Velden: kosten, omschrijving.)\n\n`,
    });
  });

  test('--format json prints the file and its diagnostics with resolved positions', async () => {
    const { code, out, err } = await sroi('check', '--format', 'json', typo);
    expect([code, err]).toEqual([1, '']);
    expect(JSON.parse(out)).toEqual({
      file: typo,
      diagnostics: [
        {
          code: 'SR2007',
          severity: 'error',
          message: "Activiteit scholing heeft geen veld 'kostn'",
          hint: "Bedoelde je 'kosten'? Velden: kosten, omschrijving.",
          file: typo,
          start: typoOffset,
          end: typoOffset + 5,
          line: 37,
          column: 34,
          endLine: 37,
          endColumn: 39,
          suggestions: ['kosten'],
        },
      ],
    });
  });

  test('--format json with several files prints a list', async () => {
    const { code, out } = await sroi('check', '--format', 'json', mini, typo);
    expect(code).toBe(1);
    expect(
      (JSON.parse(out) as { file: string; diagnostics: unknown[] }[]).map((f) => [
        f.file,
        f.diagnostics.length,
      ]),
    ).toEqual([
      [mini, 0],
      [typo, 1],
    ]);
  });

  test('a syntax error is located at the unexpected token', async () => {
    const broken = tmp.write(
      'syntax.sroi',
      miniText.replace('max(€ 0, verplichting - gerealiseerd)', 'max(€ 0, verplichting - gerealiseerd'),
    );
    const { code, err } = await sroi('check', broken);
    expect(code).toBe(1);
    expect(err.split('\n').slice(0, 4)).toEqual([
      `${broken}:60:3: fout SR1002: Onverwacht 'bron'; verwacht: ')' (in een aanroep)`,
      '   |',
      '60 |   bron "Restant"',
      '   |   ^^^^',
    ]);
  });

  test('several files are checked in turn and the worst exit code wins', async () => {
    const { code, out } = await sroi('check', mini, typo);
    expect(code).toBe(1);
    expect(out).toBe(`${mini}: in orde\n${typo}: 1 fout, 0 waarschuwingen\n`);
  });

  test('--aannames lists every provisional value with its place', async () => {
    expect(await sroi('check', '--aannames', mini)).toEqual({
      code: 0,
      out: [
        `${mini}: in orde`,
        '',
        'Aannames (1):',
        `  ${mini}:22:3  parameter sr_percentage`,
        '      Vijf procent, nog niet vastgesteld',
        '',
      ].join('\n'),
      err: '',
    });
  });

  test('--aannames with --format json adds the assumptions to the file', async () => {
    const { out } = await sroi('check', '--aannames', '--format', 'json', mini);
    expect(JSON.parse(out)).toEqual({
      file: mini,
      diagnostics: [],
      aannames: [
        {
          over: 'parameter sr_percentage',
          tekst: 'Vijf procent, nog niet vastgesteld',
          file: mini,
          line: 22,
          column: 3,
        },
      ],
    });
  });

  test('a file that is not UTF-8 text is refused with SR1006 at the first bad byte and exits 2', async () => {
    const binary = tmp.write('binary.sroi', new Uint8Array([0x72, 0x65, 0xff, 0xfe, 0x0a]));
    const { code, out, err } = await sroi('check', binary);
    expect([code, out]).toEqual([2, '']);
    expect(err.split('\n')[0]).toBe(
      `${binary}:1:3: fout SR1006: Dit is geen tekstbestand: het bevat een ongeldige UTF-8-reeks op positie 2`,
    );
  });
});

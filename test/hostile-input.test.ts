// Hostile input through the CLI: every input gets a located error and a non-zero exit code, and
// none throws, crashes or prints a stack trace.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@sroi/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function sroi(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const rijnmond = relative(
  process.cwd(),
  fileURLToPath(new URL('../rulesets/rijnmond-2023-2027.sroi', import.meta.url)),
);
const dir = mkdtempSync(join(tmpdir(), 'sroi-hostile-'));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Neither a crash report nor a JavaScript stack trace. */
function expectNoCrash(run: Run) {
  expect(run.err).not.toMatch(/interne fout|internal error/i);
  expect(run.err).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(run.out).not.toMatch(/^\s+at .+[(:]\d+/m);
}

/** A non-zero exit whose first error names the file, a line and a column (gnu format), with `code`. */
function expectLocated(run: Run, file: string, code: string, exit: number) {
  expectNoCrash(run);
  expect(run.code).toBe(exit);
  expect(run.err.split('\n')[0]).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: error ${code}: `));
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** A valid contract for the Rijnmond ruleset, to spoil one field of. */
const validContract = {
  opdrachtsoort: 'diensten',
  waarde: '120000.00',
  gunningsdatum: '2024-05-01',
  activiteiten: [
    { soort: 'plaatsing', doelgroep: 'participatiewet', contractvorm: 'bepaald', fte: 0.5, maanden: 8 },
  ],
};

/** The Rijnmond ruleset as IR, exported once: contracts are evaluated against it quickly. */
let ir = '';
beforeAll(async () => {
  const exported = await sroi('export', '--ir', rijnmond);
  expect(exported.code).toBe(0);
  ir = write('rijnmond.ir.json', exported.out);
});

describe('hostile rulesets', { timeout: 20_000 }, () => {
  test('a truncated ruleset (the Rijnmond ruleset cut in half) gets located errors and exit 1', async () => {
    const text = readFileSync(rijnmond, 'utf8');
    const file = write('half.sroi', text.slice(0, Math.floor(text.length / 2)));
    const run = await sroi('check', '--format', 'gnu', file);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const lines = run.err.trimEnd().split('\n');
    // Problems come in source order, so a warning before the cut may come first.
    expect(lines.some((l) => new RegExp(`^${escape(file)}:\\d+:\\d+: error SR\\d{4}: `).test(l))).toBe(true);
    expect(
      lines.every((l) => new RegExp(`^${escape(file)}:\\d+:\\d+: (error|warning|info) SR\\d{4}: `).test(l)),
    ).toBe(true);
  });

  test('a ruleset cut off in the middle of a formula gets a syntax error at the end of the file', async () => {
    const text = readFileSync(rijnmond, 'utf8');
    const cut = text.indexOf('afronden(');
    const file = write('cut.sroi', text.slice(0, cut + 'afronden('.length));
    const run = await sroi('check', '--format', 'gnu', file);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const lastLine = text.slice(0, cut).split('\n').length;
    expect(run.err).toMatch(
      new RegExp(`^${escape(file)}:${lastLine}:\\d+: error SR1002: Onverwacht einde van het bestand`, 'm'),
    );
  });

  test('a binary file of random bytes, invalid UTF-8 included, is not text: SR1006 and exit 2', async () => {
    const bytes = randomBytes(4096);
    bytes.set([0x72, 0x65, 0xff, 0xfe, 0xc3, 0x28], 0);
    const file = write('random.sroi', bytes);
    const run = await sroi('check', '--format', 'gnu', file);
    expectLocated(run, file, 'SR1006', 2);
    expect(run.err).toBe(
      `${file}:1:3: error SR1006: Dit is geen tekstbestand: het bevat een ongeldige UTF-8-reeks op positie 2 (Regelingen, contracten en sets zijn UTF-8-tekst: sla het bestand op als UTF-8.)\n`,
    );
    expect((await sroi('check', '--format', 'gnu', '--lang', 'en', file)).err).toContain(
      'error SR1006: This is not a text file: it contains a malformed UTF-8 sequence at offset 2',
    );
  });

  test('a file of valid UTF-8 with NUL characters is not text either', async () => {
    const file = write('nul.sroi', 'regeling "x"\n\u0000\u0001');
    const run = await sroi('check', '--format', 'gnu', file);
    expectLocated(run, file, 'SR1006', 1);
    expect(run.err.split('\n')[0]).toBe(
      `${file}:2:1: error SR1006: Dit is geen tekstbestand: het bevat een NUL-teken op positie 13 (Regelingen, contracten en sets zijn UTF-8-tekst: sla het bestand op als UTF-8.)`,
    );
    expect((await sroi('check', '--format', 'gnu', '--lang', 'en', file)).err).toContain(
      'error SR1006: This is not a text file: it contains a NUL character at offset 13',
    );
  });

  test('a 10 MB ruleset is over the size limit: SR1012 and exit 1', async () => {
    const file = write('groot.sroi', `regeling "x"\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const run = await sroi('check', '--format', 'gnu', file);
    expectLocated(run, file, 'SR1012', 1);
    expect(run.err).toBe(`${file}:1:1: error SR1012: Bestand is te groot (10.0 MB; maximaal 8 MB)\n\n`);
  });

  test('a 17 MB file is refused before it is read: exit 2', async () => {
    const file = write('reusachtig.sroi', new Uint8Array(17 * 1024 * 1024).fill(0x20));
    const run = await sroi('check', file);
    expectNoCrash(run);
    expect(run).toEqual({ code: 2, out: '', err: `sroi: ${file}: bestand is 17.0 MB; maximaal 16 MB\n` });
  });

  test('10,000 nested parentheses are refused at the first parenthesis too deep: SR1005 and exit 1', async () => {
    const text = readFileSync(rijnmond, 'utf8');
    const line = `definitie diep: getal = ${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    const file = write('diep.sroi', `${text}\n${line}\n`);
    const run = await sroi('check', '--format', 'gnu', file);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const lineNumber = text.split('\n').length + 1;
    const column = 'definitie diep: getal = '.length + 48 + 1;
    expect(run.err.split('\n').filter((l) => l.includes('SR1005'))).toEqual([
      `${file}:${lineNumber}:${column}: error SR1005: Haakjes zijn te diep genest (meer dan 48 niveaus) (Splits de formule op in definities met een naam.)`,
    ]);
  });

  test('10,000 times niet is refused as too deep as well', async () => {
    const file = write('niet.sroi', `regeling "x"\ndefinitie d: janee = ${'niet '.repeat(10_000)}ja\n`);
    const run = await sroi('check', '--format', 'gnu', file);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`^${escape(file)}:2:22: error SR1005: `, 'm'));
  });

  test('an empty ruleset gets a syntax error at 1:1 and exit 1', async () => {
    const file = write('leeg.sroi', '');
    const run = await sroi('check', '--format', 'gnu', file);
    expectLocated(run, file, 'SR1002', 1);
    expect(run.err.split('\n')[0]).toBe(
      `${file}:1:1: error SR1002: Onverwacht einde van het bestand; verwacht: 'regeling' (in de kop van de regeling)`,
    );
  });

  test('a directory instead of a ruleset is named and exits 2', async () => {
    const sub = join(dir, 'map.sroi');
    mkdirSync(sub);
    const run = await sroi('check', sub);
    expectNoCrash(run);
    expect(run).toEqual({ code: 2, out: '', err: `sroi: ${sub}: dit is een map, geen bestand\n` });
  });
});

describe('hostile contracts', { timeout: 20_000 }, () => {
  const evaluate = (contract: string, ruleset = ir) => sroi('eval', '--format', 'gnu', ruleset, contract);
  const column = (text: string, key: string) => text.indexOf(`"${key}"`) + 1;

  test('an unknown doelgroep names the allowed values: SR5004 and exit 2', async () => {
    const json = JSON.stringify({
      ...validContract,
      activiteiten: [{ ...validContract.activiteiten[0], doelgroep: 'statushouder' }],
    });
    const file = write('doelgroep.json', json);
    for (const ruleset of [ir, rijnmond]) {
      const run = await evaluate(file, ruleset);
      expectLocated(run, file, 'SR5004', 2);
      expect(run.err).toMatch(
        new RegExp(
          `^${escape(file)}:1:${column(json, 'doelgroep')}: error SR5004: activiteiten\\[0\\]\\.doelgroep: "statushouder" is geen toegestane waarde voor doelgroep \\(Toegestaan: .*participatiewet.*\\.\\)\\n$`,
        ),
      );
    }
  });

  test('a negative amount: SR5014 at the amount and exit 2', async () => {
    const json = JSON.stringify({ ...validContract, waarde: '-120000.00' });
    const file = write('negatief.json', json);
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5014', 2);
    expect(run.err).toBe(
      `${file}:1:${column(json, 'waarde')}: error SR5014: waarde: Een bedrag mag niet negatief zijn ("-120000.00")\n`,
    );
  });

  test('the date 2023-02-30: SR5015 at the date and exit 2', async () => {
    const json = JSON.stringify({ ...validContract, gunningsdatum: '2023-02-30' });
    const file = write('datum.json', json);
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5015', 2);
    expect(run.err.split('\n')[0]).toBe(
      `${file}:1:${column(json, 'gunningsdatum')}: error SR5015: gunningsdatum: "2023-02-30" is geen bestaande datum (Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld "2024-02-01".)`,
    );
  });

  test('JSON with __proto__ keys is refused at those keys and pollutes nothing: SR5006 and exit 2', async () => {
    const json =
      '{"__proto__": {"polluted": "ja"}, "opdrachtsoort": "diensten", "waarde": "1.00", "gunningsdatum": "2024-05-01",\n' +
      ' "activiteiten": [{"soort": "scholing", "kosten": "1.00", "__proto__": {"polluted": "ja"}}]}';
    const file = write('proto.json', json);
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5006', 2);
    expect(run.err.split('\n').filter(Boolean)).toEqual([
      `${file}:2:59: error SR5006: activiteiten[0].__proto__: Onbekend veld '__proto__' (Velden hier: soort, kosten, omschrijving.)`,
      `${file}:1:2: error SR5006: __proto__: Onbekend veld '__proto__' (Velden hier: id, gemeente, omschrijving, opdrachtsoort, waarde, gunningsdatum, startdatum, einddatum, inspanningAangetoond, arbeidsaandeel, activiteiten.)`,
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('a contract that is not JSON: SR5002 at the offending character and exit 2', async () => {
    const file = write('geen-json.json', "{ opdrachtsoort: 'diensten' }");
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5002', 2);
    expect(run.err.split('\n')[0]).toMatch(
      new RegExp(`^${escape(file)}:1:3: error SR5002: Geen geldige JSON: `),
    );
  });

  test('JSON nested 100,000 levels deep in arrays: a type error, not a stack overflow, and exit 2', async () => {
    const file = write('diep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5011', 2);
    expect(run.err).toBe(
      `${file}:1:1: error SR5011: (contract): Verwacht een object { ... }, maar gekregen: [...]\n`,
    );
  });

  test('deeply nested JSON inside the activities is a type error of that activity', async () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = JSON.stringify({ ...validContract, activiteiten: ['X'] }).replace('"X"', nested);
    const file = write('diep-activiteit.json', json);
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5011', 2);
    // The JSON path is exact; the line and column fall back to the start, as the text is too deep to walk.
    expect(run.err).toBe(
      `${file}:1:1: error SR5011: activiteiten[0]: Verwacht een object { ... }, maar gekregen: [...]\n`,
    );
  });

  test('an empty contract file: SR5022 and exit 2', async () => {
    const file = write('leeg.json', '');
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5022', 2);
  });

  test('a truncated contract: SR5021 at its last character, naming what is still open, and exit 2', async () => {
    const file = write('afgebroken.json', '{"id": "x",\n "activiteiten": [');
    const run = await evaluate(file);
    expectLocated(run, file, 'SR5021', 2);
    expect(run.err.split('\n')[0]).toBe(
      `${file}:2:18: error SR5021: De JSON houdt op voordat hij af is: ] } ontbreekt (Is het bestand helemaal opgeslagen of gekopieerd?)`,
    );
  });

  test('a contract of random bytes is not text: SR1006 and exit 2', async () => {
    const file = write(
      'random.json',
      randomBytes(1024, 7).map((b, i) => (i === 0 ? 0xff : b)),
    );
    const run = await evaluate(file);
    expectLocated(run, file, 'SR1006', 2);
  });

  test('a directory instead of a contract is named and exits 2', async () => {
    const sub = join(dir, 'map.json');
    mkdirSync(sub);
    const run = await evaluate(sub);
    expectNoCrash(run);
    expect(run).toEqual({ code: 2, out: '', err: `sroi: ${sub}: dit is een map, geen bestand\n` });
  });

  test('a JSON IR document that is not IR is refused as input: exit 2', async () => {
    const file = write('geen-ir.json', JSON.stringify(validContract));
    const run = await sroi('eval', '--format', 'gnu', file, file);
    expectLocated(run, file, 'SR600[12]', 2);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/main.js';
import { rijnmond, rijnmondContract, scratch, sroi } from '../support/run.js';

const tmp = scratch('batch');
afterAll(tmp.remove);

const sample = JSON.parse(readFileSync(rijnmondContract, 'utf8')) as Record<string, unknown>;
/** The sample contract with its own id, value and gunningsdatum (both tariff periods). */
const variant = (i: number) => ({
  ...sample,
  id: `B-${i}`,
  waarde: `${100_000 + i * 7_919}.${String(i % 100).padStart(2, '0')}`,
  gunningsdatum: i % 2 === 0 ? '2024-02-01' : '2025-08-15',
});
const jsonLines = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
const outputLines = (out: string) => out.trimEnd().split('\n');
const ids = (out: string) => outputLines(out).map((l) => (JSON.parse(l) as { contract?: string }).contract);

describe('sroi eval --batch', () => {
  test('writes one result line per contract, in input order, each equal to eval --json --no-explain', async () => {
    const contracts = [0, 1, 2, 3, 4].map(variant);
    const file = tmp.write('vijf.jsonl', jsonLines(contracts));
    const { code, out, err } = await sroi('eval', rijnmond, '--batch', file);
    expect([code, err]).toEqual([0, '5 regels gelezen, 5 geschreven, 0 geweigerd\n']);
    const lines = outputLines(out).map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(5);
    for (const [i, c] of contracts.entries()) {
      const single = await sroi(
        'eval',
        '--json',
        '--no-explain',
        rijnmond,
        tmp.write(`c${i}.json`, JSON.stringify(c)),
      );
      expect(lines[i]).toEqual(JSON.parse(single.out));
    }
  });

  test('a bad line is reported in its place as { regel, fouten }; blank lines are skipped but counted; exit 2', async () => {
    const file = tmp.write(
      'fouten.jsonl',
      [
        JSON.stringify(variant(1)),
        '{ kapot',
        '',
        JSON.stringify({ ...variant(2), waarde: '-5' }),
        JSON.stringify(variant(3)),
      ]
        .map((l) => `${l}\n`)
        .join(''),
    );
    const { code, out, err } = await sroi('eval', rijnmond, '--batch', file);
    expect([code, err]).toEqual([2, '5 regels gelezen, 4 geschreven, 2 geweigerd\n']);
    const lines = outputLines(out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['contract'] ?? l['regel'])).toEqual(['B-1', 2, 4, 'B-3']);
    expect(lines[1]!['fouten']).toEqual([
      { code: 'SR5002', melding: "Geen geldige JSON: onverwacht 'kapot'" },
    ]);
    expect(lines[2]!['fouten']).toEqual([
      { code: 'SR5014', path: 'waarde', melding: 'Een bedrag mag niet negatief zijn ("-5")' },
    ]);
  });

  test("with --lang en the fouten and the engine's own meldingen are in English", async () => {
    const capped = {
      ...variant(1),
      activiteiten: [{ soort: 'maatschappelijk', uren: 10_000 }],
    };
    const file = tmp.write('en.jsonl', jsonLines([capped]) + '{ "id": \n');
    const { out } = await sroi('eval', rijnmond, '--batch', file, '--lang', 'en');
    const [result, bad] = outputLines(out).map((l) => JSON.parse(l) as Record<string, unknown>);
    const meldingen = result!['meldingen'] as { soort: string; tekst: string }[];
    expect(meldingen.find((m) => m.soort === 'maximum')?.tekst).toMatch(
      /^Route .* capped at € [\d,]+\.\d\d: /,
    );
    expect(bad!['fouten']).toEqual([
      { code: 'SR5021', melding: 'The JSON ends before it is complete: } is missing' },
    ]);
  });

  test('reads CRLF line ends and a last line without a line break', async () => {
    const file = tmp.write('crlf.jsonl', `${JSON.stringify(variant(1))}\r\n${JSON.stringify(variant(2))}`);
    const { code, out, err } = await sroi('eval', rijnmond, '--batch', file);
    expect([code, err, ids(out)]).toEqual([
      0,
      '2 regels gelezen, 2 geschreven, 0 geweigerd\n',
      ['B-1', 'B-2'],
    ]);
  });

  test('spreads a large input over worker threads and keeps the input order: the same output as one thread', async () => {
    const contracts = Array.from({ length: 1200 }, (_, i) => variant(i));
    const file = tmp.write('groot.jsonl', jsonLines(contracts));
    const threads = await sroi('eval', rijnmond, '--batch', file, '--workers', '2');
    const inline = await sroi('eval', rijnmond, '--batch', file, '--workers', '1');
    expect([threads.code, threads.err]).toEqual([0, '1200 regels gelezen, 1200 geschreven, 0 geweigerd\n']);
    expect(ids(threads.out)).toEqual(contracts.map((c) => c.id));
    expect(threads.out).toBe(inline.out);
  });

  test('hands the workers’ result bytes to an output that takes bytes, the same text as one thread writes', async () => {
    const contracts = Array.from({ length: 1200 }, (_, i) => variant(i));
    const file = tmp.write('bytes.jsonl', jsonLines(contracts));
    const chunks: Uint8Array[] = [];
    let text = '';
    let err = '';
    const code = await main(['eval', rijnmond, '--batch', file, '--workers', '2'], {
      out: (t) => (text += t),
      err: (t) => (err += t),
      outBytes: (b) => chunks.push(b),
    });
    const inline = await sroi('eval', rijnmond, '--batch', file, '--workers', '1');
    expect([code, err]).toEqual([0, '1200 regels gelezen, 1200 geschreven, 0 geweigerd\n']);
    expect(chunks.length).toBeGreaterThan(0);
    expect(text + Buffer.concat(chunks).toString('utf8')).toBe(inline.out);
  });

  test('evaluates each contract of a portfolio under the member of a ruleset set that its date picks', async () => {
    const set = rijnmond.replace('rijnmond-2023-2027.sroi', 'rijnmond.set.json');
    const portfolio = rijnmond.replace('rijnmond-2023-2027.sroi', 'examples/portfolio.jsonl');
    const { code, out, err } = await sroi('eval', set, '--batch', portfolio);
    expect([code, err]).toEqual([0, '50 regels gelezen, 50 geschreven, 0 geweigerd\n']);
    const results = outputLines(out).map((l) => JSON.parse(l) as { regelingenset: string; regeling: string });
    expect(new Set(results.map((r) => r.regelingenset))).toEqual(new Set(['Social Return Rijnmond']));
    expect(new Set(results.map((r) => r.regeling))).toEqual(
      new Set(['Social Return Rijnmond 2019-2023', 'Social Return Rijnmond 2023-2027']),
    );
  });

  test('--workers must be a whole number from 1 to 64', async () => {
    const file = tmp.write('een.jsonl', jsonLines([variant(1)]));
    expect(await sroi('eval', rijnmond, '--batch', file, '--workers', '0')).toEqual({
      code: 2,
      out: '',
      err: "sroi: --workers moet een geheel getal van 1 tot en met 64 zijn, niet '0'\n",
    });
  });

  test('a batch file that does not exist exits 2 naming it', async () => {
    const missing = `${tmp.dir}/bestaat-niet.jsonl`;
    expect(await sroi('eval', rijnmond, '--batch', missing)).toEqual({
      code: 2,
      out: '',
      err: `sroi: ${missing}: bestand bestaat niet\n`,
    });
  });
});

describe('sroi eval --batch loses nothing', () => {
  const line = (i: number) => JSON.stringify(variant(i));
  const results = (out: string) =>
    outputLines(out).map((l) => {
      const r = JSON.parse(l) as { contract?: string; regel?: number; fouten?: { code: string }[] };
      return r.contract ?? `${r.regel}: ${r.fouten?.map((f) => f.code).join()}`;
    });

  for (const workers of ['1', '2'])
    test(`a line over --max-line-bytes is its own error line with its number; the run goes on (${workers} worker(s))`, async () => {
      const long = `{"id": "${'x'.repeat(5000)}"}`;
      const file = tmp.write(`lang-${workers}.jsonl`, `${line(1)}\n${long}\n${line(2)}\n${long}`);
      const { code, out, err } = await sroi(
        'eval',
        rijnmond,
        '--batch',
        file,
        '--max-line-bytes',
        '4000',
        '--workers',
        workers,
      );
      expect(code).toBe(2);
      expect(results(out)).toEqual(['B-1', '2: SR5103', 'B-2', '4: SR5103']);
      expect(err).toBe('4 regels gelezen, 4 geschreven, 2 geweigerd\n');
    });

  test('invalid UTF-8 inside a line refuses that line (SR1006) at its byte; a BOM may start any line', async () => {
    const bad = Buffer.concat([Buffer.from('{"id": "\ufffd'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const bom = Buffer.from(`\ufeff${line(3)}\n`);
    const file = tmp.write('utf8.jsonl', Buffer.concat([Buffer.from(`\ufeff${line(1)}\n`), bad, bom]));
    const { code, out } = await sroi('eval', rijnmond, '--batch', file);
    expect(code).toBe(2);
    expect(results(out)).toEqual(['B-1', '2: SR1006', 'B-3']);
    expect(out).toContain('positie 9');
  });

  test('--max-line-bytes must be a positive whole number', async () => {
    const file = tmp.write('een2.jsonl', jsonLines([variant(1)]));
    const r = await sroi('eval', rijnmond, '--batch', file, '--max-line-bytes', '1e3');
    expect(r).toMatchObject({
      code: 2,
      err: "sroi: --max-line-bytes moet een geheel getal van 1 tot en met 1.099.511.627.776 zijn, niet '1e3'\n",
    });
  });

  test('a device is refused as batch input, unread', async () => {
    const r = await sroi('eval', rijnmond, '--batch', '/dev/zero');
    expect(r).toMatchObject({
      code: 2,
      err: 'sroi: /dev/zero: geen gewoon bestand of pipe (een apparaat of socket)\n',
    });
  });
});

describe('sroi eval --batch stopped by a signal', () => {
  test('SIGTERM stops after a whole line: every line written is complete, and stderr sums up', async () => {
    const contracts = Array.from({ length: 1000 }, (_, i) => variant(i));
    const file = tmp.write('signaal.jsonl', jsonLines(contracts));
    let out = '';
    let err = '';
    let sent = false;
    const code = await main(['eval', rijnmond, '--batch', file, '--workers', '1'], {
      out: (t) => {
        out += t;
        if (!sent) {
          sent = true;
          process.emit('SIGTERM', 'SIGTERM');
        }
      },
      err: (t) => (err += t),
    });
    expect(code).toBe(143);
    const written = outputLines(out);
    for (const l of written) expect(() => JSON.parse(l) as unknown).not.toThrow();
    const m =
      /^sroi: gestopt door SIGTERM na een hele regel; (\d+) regels gelezen, (\d+) geschreven, 0 geweigerd\n$/.exec(
        err,
      );
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBe(written.length);
    expect(Number(m![1])).toBeLessThan(1000);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  }, 180_000);
});

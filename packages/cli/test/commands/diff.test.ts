import { afterAll, describe, expect, test } from 'vitest';
import { rijnmond, scratch, sroi } from '../support/run.js';

const tmp = scratch('diff');
afterAll(tmp.remove);
const old = rijnmond.replace('rijnmond-2023-2027', 'rijnmond-2019-2023');

describe('sroi diff', () => {
  test('lists the changes of 2019-2023 against 2023-2027 and the € 50.000 boundary, and exits 0', async () => {
    const { code, out, err } = await sroi('diff', old, rijnmond);
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Semantisch verschil tussen twee regelingen',
      `  A  ${old} — Social Return Rijnmond 2019-2023, periode 2019-2023 (2019-10-01 t/m 2023-06-30)`,
      `  B  ${rijnmond} — Social Return Rijnmond 2023-2027, periode 2023-2027 (2023-07-01 t/m 2027-12-31)`,
    ]);
    expect(lines).toContain(
      '  ~ definitie binnen_bereik: formule gewijzigd; bron of aanname gewijzigd (≥ → >)',
    );
    expect(lines).toContain('    1. € 50.000,00 · diensten / werken / leveringen · geen activiteiten');
    expect(lines.at(-2)).toBe('Exitcode 0, ook als er verschillen zijn.');
  });

  test('a ruleset against itself has no differences and exits 0', async () => {
    const { code, out } = await sroi('diff', rijnmond, rijnmond);
    expect(code).toBe(0);
    expect(out.split('\n')[4]).toMatch(
      /^Geen verschillen in regels, waarden en kop; 0 van \d+ voorbeeldcontracten/,
    );
  });

  test('--json prints the diff as data', async () => {
    const { code, out } = await sroi('diff', '--json', old, rijnmond);
    expect(code).toBe(0);
    const d = JSON.parse(out) as {
      a: { label: string };
      changes: { key: string }[];
      boundaries: { scenarios: unknown[] };
    };
    expect(d.a.label).toBe(old);
    expect(d.changes.map((c) => c.key)).toContain('waarde binnen_bereik');
    expect(d.boundaries.scenarios).toHaveLength(2);
  });

  test('--html prints a page and --lang en speaks English', async () => {
    const html = await sroi('diff', '--html', '--lang', 'en', old, rijnmond);
    expect(html.code).toBe(0);
    expect(html.out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.out).toContain('<h1>Semantic difference between two rulesets</h1>');
  });

  test('usage errors exit 2', async () => {
    expect(await sroi('diff', rijnmond)).toEqual({
      code: 2,
      out: '',
      err: 'sroi: diff: geef twee regelingen: sroi diff REGELING-A REGELING-B\n',
    });
    expect((await sroi('diff', '--json', '--html', old, rijnmond)).code).toBe(2);
    expect(await sroi('diff', rijnmond, 'bestaat-niet.sroi')).toEqual({
      code: 2,
      out: '',
      err: 'sroi: bestaat-niet.sroi: bestand bestaat niet\n',
    });
  });

  test('a ruleset with errors is shown with its diagnostics and exits 1', async () => {
    const broken = tmp.write(
      'kapot.sroi',
      'regeling "Kapot"\n  periode "x" van 2024-01-01 tot en met 2024-12-31\n\nparameter p: bedrag = onzin\n',
    );
    const { code, out, err } = await sroi('diff', broken, rijnmond);
    expect([code, out]).toEqual([1, '']);
    expect(err).toMatch(/fout SR\d{4}/);
  });
});

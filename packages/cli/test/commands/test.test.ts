import { readFileSync } from 'node:fs';
import { formatMoney, Rational } from '@sroi/core';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, rijnmond, scratch, sroi } from '../support/run.js';

const tmp = scratch('test');
afterAll(tmp.remove);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A copy of `text` whose first expected amount (`verplichting € 6.000` and the like) is
 * € 999.999,99 instead; returns the copy, the line, the outcome and the real value in result format.
 */
function withWrongExpectation(text: string) {
  const lines = text.split('\n');
  const index = lines.findIndex((l) =>
    /^\s+(verplichting|gerealiseerd|restant|boete) € [\d.]+(,\d+)?\s*$/.test(l),
  );
  if (index < 0) throw new Error('test setup: no expected amount found');
  const [, indent, outcome, amount] = /^(\s+)(\w+) € ([\d.]+(?:,\d+)?)/.exec(lines[index]!)!;
  // The message shows amounts as the voorbeeld writes them: € 6.000,00.
  const actual = formatMoney(
    Rational.parse(amount!.replace(/\./g, '').replace(',', '.'))!.mul(Rational.of(100)),
  );
  lines[index] = `${indent}${outcome} € 999.999,99`;
  return { text: lines.join('\n'), line: index + 1, outcome: outcome!, actual };
}

describe('sroi test', () => {
  test('every worked example of the Rijnmond ruleset holds and exits 0', async () => {
    const { code, out, err } = await sroi('test', rijnmond);
    expect([code, err]).toEqual([0, '']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(rijnmond);
    // The examples, their count, then the properties.
    const count = lines.findIndex((l) => / voorbeelden kloppen$/.test(l));
    expect(lines.slice(1, count).every((l) => l.startsWith('  ✓ '))).toBe(true);
    expect(lines[count]).toBe(`  ${count - 1} van ${count - 1} voorbeelden kloppen`);
    expect(lines.slice(count + 1).every((l) => l.startsWith('  ✓ eigenschap "'))).toBe(true);
  });

  test('--coverage: the Rijnmond examples reach every rule, row, branch and cap', async () => {
    const { code, out } = await sroi('test', '--coverage', '--runs', '1', rijnmond);
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}dekking Social Return Rijnmond 2023-2027: (\d+)\/\1 \(100%\)$/m);
    expect(out).toMatch(/^ {4}tabelrij +(\d+)\/\1$/m);
    expect(out).not.toMatch(/nooit bereikt/);
  });

  test('--coverage lists what no example reaches, at its line', async () => {
    const { code, out } = await sroi('test', '--coverage', '--runs', '1', mini);
    expect(code).toBe(0);
    expect(out).toContain('  dekking Mini: 8/23 (34,7%)\n');
    expect(out).toContain(
      `      ${mini}:28:7  definitie bonus_onbepaald: als activiteit.contractvorm = onbepaald (dan)\n`,
    );
    expect(out).toContain(
      `      ${mini}:54:3  route overig: maximum afronden(maximum_overig × verplichting, op € 0,01) (begrenst)\n`,
    );
  });

  test('a wrong expectation in a copy of the Rijnmond ruleset exits 1 with the expected and the actual value', async () => {
    const wrong = withWrongExpectation(readFileSync(rijnmond, 'utf8'));
    const copy = tmp.write('rijnmond-fout.sroi', wrong.text);
    const { code, out, err } = await sroi('test', '--format', 'gnu', copy);
    expect(code).toBe(1);
    expect(out).toMatch(/ {2}✗ /);
    expect(err).toMatch(
      new RegExp(
        `^${escape(copy)}:${wrong.line}:\\d+: error SR6101: Voorbeeld '[^']+': ${wrong.outcome} is ${escape(wrong.actual)}, verwacht € 999\\.999,99$`,
        'm',
      ),
    );
  });

  test('a wrong expectation is shown at its line with the example, the actual and the expected value', async () => {
    const copy = tmp.write(
      'mini-fout.sroi',
      readFileSync(mini, 'utf8').replace('    restant € 0', '    restant € 1,50'),
    );
    expect(await sroi('test', copy)).toEqual({
      code: 1,
      out: `${copy}\n  ✗ Plaatsing van 6 maanden\n  0 van 1 voorbeelden kloppen\n`,
      err: [
        '',
        `${copy}:73:5: fout SR6101: Voorbeeld 'Plaatsing van 6 maanden': restant is € 0,00, verwacht € 1,50`,
        '   |',
        '73 |     restant € 1,50',
        '   |     ^^^^^^^^^^^^^^',
        '',
      ].join('\n'),
    });
  });

  test('--format json prints each example with whether it passed', async () => {
    const { code, out } = await sroi('test', '--format', 'json', mini);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      file: mini,
      examples: [{ title: 'Plaatsing van 6 maanden', passed: true }],
    });
  });

  test('--lang en reports the count in English', async () => {
    const { out } = await sroi('test', '--lang', 'en', mini);
    expect(out).toBe(`${mini}\n  ✓ Plaatsing van 6 maanden\n  1 of 1 examples pass\n`);
  });

  test('a ruleset with errors is reported and exits 1', async () => {
    const broken = tmp.write(
      'kapot.sroi',
      readFileSync(mini, 'utf8').replace('activiteit.kosten', 'activiteit.kostn'),
    );
    const { code, out, err } = await sroi('test', '--format', 'gnu', broken);
    expect([code, out]).toEqual([1, '']);
    expect(err.split('\n')[0]).toMatch(new RegExp(`^${escape(broken)}:37:34: error SR2007: `));
  });

  test('without files it is a usage error', async () => {
    expect(await sroi('test')).toEqual({
      code: 2,
      out: '',
      err: 'sroi: test: geef een of meer .sroi-bestanden\n',
    });
  });
});

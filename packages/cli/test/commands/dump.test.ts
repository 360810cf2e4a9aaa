import { validateIr } from '@sroi/evaluator';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, scratch, sroi } from '../support/run.js';

const tmp = scratch('dump');
afterAll(tmp.remove);

const header = tmp.write(
  'kop.sroi',
  'regeling "x" # kop\nperiode "p" van 2024-01-01 tot en met 2024-12-31\n',
);

describe('sroi dump', () => {
  test('tokens lists each token with its line, column, type and text, then the comments', async () => {
    expect(await sroi('dump', 'tokens', header)).toEqual({
      code: 0,
      err: '',
      out: [
        '1:1\tWord_regeling\t"regeling"',
        '1:10\tStringLiteral\t"\\"x\\""',
        '2:1\tWord_periode\t"periode"',
        '2:9\tStringLiteral\t"\\"p\\""',
        '2:13\tWord_van\t"van"',
        '2:17\tDateLiteral\t"2024-01-01"',
        '2:28\tWord_tot\t"tot"',
        '2:32\tWord_en\t"en"',
        '2:35\tWord_met\t"met"',
        '2:39\tDateLiteral\t"2024-12-31"',
        '1:14\tComment\t"# kop"',
        '',
      ].join('\n'),
    });
  });

  test('tokens of a file with a lexing error exits 1', async () => {
    const file = tmp.write('teken.sroi', 'regeling "x" @\n');
    const { code, out } = await sroi('dump', 'tokens', file);
    expect(code).toBe(1);
    expect(out).toBe('1:1\tWord_regeling\t"regeling"\n1:10\tStringLiteral\t"\\"x\\""\n');
  });

  test('cst prints the concrete syntax tree with token names and texts', async () => {
    const { code, out } = await sroi('dump', 'cst', header);
    expect(code).toBe(0);
    const cst = JSON.parse(out) as { ruleset: { header: { header: Record<string, unknown> }[] } };
    expect(cst.ruleset.header[0]!.header['KwRegeling']).toEqual(['Word_regeling "regeling"']);
  });

  test('ast prints the syntax tree with spans as line:column ranges', async () => {
    const { code, out, err } = await sroi('dump', 'ast', header);
    expect([code, err]).toEqual([0, '']);
    expect(JSON.parse(out)).toEqual({
      file: header,
      header: {
        name: { value: 'x', span: '1:10-1:13' },
        provenance: [],
        periods: [
          {
            name: { value: 'p', span: '2:9-2:12' },
            from: { day: 19723, text: '2024-01-01', span: '2:17-2:27' },
            to: { day: 20088, text: '2024-12-31', span: '2:39-2:49' },
            provenance: [],
            span: '2:1-2:49',
          },
        ],
        span: '1:1-2:49',
      },
      declarations: [],
      span: '1:1-3:1',
    });
  });

  test('ast of a file with an error prints the tree and the diagnostics, and exits 1', async () => {
    const file = tmp.write('ast-fout.sroi', 'regeling "x" @\n');
    const { code, out, err } = await sroi('dump', 'ast', '--format', 'gnu', file);
    expect(code).toBe(1);
    expect((JSON.parse(out) as { header: { name: { value: string } } }).header.name.value).toBe('x');
    expect(err).toBe(
      `${file}:1:14: error SR1001: Onbekend teken '@' (Tekst staat tussen dubbele aanhalingstekens; commentaar begint met #.)\n`,
    );
  });

  test('ir prints an IR document that the evaluator accepts', async () => {
    const { code, out, err } = await sroi('dump', 'ir', mini);
    expect([code, err]).toEqual([0, '']);
    const ir = JSON.parse(out) as { irVersion: number; files: string[]; ruleset: { name: string } };
    expect([ir.irVersion, ir.files, ir.ruleset.name]).toEqual([1, [mini], 'Mini']);
    expect(validateIr(ir).diagnostics).toEqual([]);
  });

  test('ir of a ruleset with errors prints the errors instead and exits 1', async () => {
    const { code, out, err } = await sroi('dump', 'ir', '--format', 'gnu', header);
    expect([code, out]).toEqual([1, '']);
    expect(err.split('\n')[0]).toBe(
      `${header}:1:10: error SR2005: Uitkomst 'verplichting' ontbreekt (Elke regeling definieert de uitkomsten verplichting, gerealiseerd, restant, overschot, percentage en boete.)`,
    );
  });

  test('an unknown stage is a usage error', async () => {
    expect(await sroi('dump', 'bytes', mini)).toEqual({
      code: 2,
      out: '',
      err: 'sroi: dump: gebruik sroi dump tokens|cst|ast|ir BESTAND\n',
    });
  });
});

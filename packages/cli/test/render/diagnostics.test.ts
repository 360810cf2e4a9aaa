import { diagnostic, SourceFile } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { diagnosticsJson, renderGnu, renderText } from '../../src/render/diagnostics.js';

const source = new SourceFile('r.sroi', 'regeling "x"\nparameter a: bedrag = € 5\n');
const lookup = { files: new Map([['r.sroi', source]]) };
const at = (start: number, end: number) => ({ span: { file: 'r.sroi', start, end } });
const unknownName = diagnostic('SR2001', { name: "'b'" }, at(23, 29), { suggestions: ['a'] });

describe('renderText', () => {
  test('shows the place, the message, the source line with carets under the span, and the hint', () => {
    expect(renderText([unknownName], lookup)).toBe(
      [
        "r.sroi:2:11: fout SR2001: Onbekende naam 'b'",
        '  |',
        '2 | parameter a: bedrag = € 5',
        '  |           ^^^^^^',
        "  = tip: Bedoelde je 'a'?",
      ].join('\n'),
    );
  });

  test('words severity and hint in English with lang en', () => {
    expect(renderText([unknownName], lookup, 'en').split('\n')).toEqual([
      "r.sroi:2:11: error SR2001: Unknown name 'b'",
      '  |',
      '2 | parameter a: bedrag = € 5',
      '  |           ^^^^^^',
      "  = hint: Did you mean 'a'?",
    ]);
  });

  test('underlines to the end of the line when the span continues on the next line', () => {
    expect(renderText([diagnostic('SR1007', {}, at(9, 20))], lookup).split('\n')[3]).toBe('  |          ^^^');
  });

  test('underlines at least one character of an empty span', () => {
    expect(renderText([diagnostic('SR2001', { name: 'x' }, at(0, 0))], lookup).split('\n')[3]).toBe('  | ^');
  });

  test('shortens a long line and shows tabs as spaces', () => {
    const long = new SourceFile('l.sroi', `\tx ${'y'.repeat(200)}`);
    const lines = renderText(
      [diagnostic('SR2001', { name: 'x' }, { span: { file: 'l.sroi', start: 1, end: 2 } })],
      {
        files: new Map([['l.sroi', long]]),
      },
    ).split('\n');
    expect(lines[2]).toBe(`1 |  x ${'y'.repeat(154)}...`);
    expect(lines[3]).toBe('  |  ^');
  });

  test('names related places with see also', () => {
    const d = diagnostic('SR2002', { kind: 'Parameter', name: "'a'" }, at(23, 24), {
      related: [{ span: { file: 'r.sroi', start: 0, end: 1 }, code: 'SR2002' }],
    });
    expect(renderText([d], lookup).split('\n').at(-1)).toBe('  = zie ook r.sroi:1:1');
  });

  test('prefixes a JSON path and locates it in the JSON input', () => {
    const json = new SourceFile('c.json', '{\n  "waarde": "-5.00"\n}');
    const d = diagnostic('SR5014', { value: '"-5.00"' }, { path: 'waarde' });
    expect(renderText([d], { files: new Map(), json })).toBe(
      [
        'c.json:2:3: fout SR5014: waarde: Een bedrag mag niet negatief zijn ("-5.00")',
        '  |',
        '2 |   "waarde": "-5.00"',
        '  |   ^^^^^^^^^^^^^^^^^',
      ].join('\n'),
    );
  });

  test('shows a diagnostic without a place as just its message', () => {
    expect(renderText([diagnostic('SR2018', {})], lookup)).toBe(
      'fout SR2018: De regeling heeft geen periode\n' +
        '  = tip: Voeg toe: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31',
    );
  });

  test('separates diagnostics by a blank line', () => {
    const two = renderText(
      [diagnostic('SR2001', { name: 'x' }), diagnostic('SR2001', { name: 'y' })],
      lookup,
    );
    expect(two).toBe('fout SR2001: Onbekende naam x\n\nfout SR2001: Onbekende naam y');
  });
});

describe('renderGnu', () => {
  test('prints file:line:col: severity code: message (hint), one line each', () => {
    expect(renderGnu([unknownName, diagnostic('SR2018', {})], lookup)).toBe(
      "r.sroi:2:11: error SR2001: Onbekende naam 'b' (Bedoelde je 'a'?)\n" +
        'sroi: error SR2018: De regeling heeft geen periode (Voeg toe: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31)',
    );
  });
});

describe('diagnosticsJson', () => {
  test('gives code, severity, message, hint, place and suggestions', () => {
    expect(diagnosticsJson([unknownName], lookup)).toEqual([
      {
        code: 'SR2001',
        severity: 'error',
        message: "Onbekende naam 'b'",
        hint: "Bedoelde je 'a'?",
        file: 'r.sroi',
        start: 23,
        end: 29,
        line: 2,
        column: 11,
        endLine: 2,
        endColumn: 17,
        suggestions: ['a'],
      },
    ]);
  });
});

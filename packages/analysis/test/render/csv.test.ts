import { describe, expect, test } from 'vitest';
import { buildMatrix, csvField, matrixCsv } from '../../src/index.js';
import { review } from '../support/rulesets.js';

describe('CSV of the matrix', () => {
  const csv = matrixCsv(
    buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]),
  );
  const lines = csv.split('\r\n');

  test('has a header with a column per ruleset and one line per row', () => {
    expect(lines[0]).toBe(
      'sectie,sleutel,regel,rulesets/haaglanden-zhc-2023.sroi,rulesets/leidschendam-voorburg-2025.sroi,afwijkend',
    );
    expect(lines.at(-1)).toBe('');
  });

  test('names the rulesets that differ from the base', () => {
    const line = lines.find((l) => l.startsWith('Reikwijdte en verplichting,waarde sr_percentage,'))!;
    expect(line).toBe(
      'Reikwijdte en verplichting,waarde sr_percentage,waarde sr_percentage,5%,"als standaard(contract.arbeidsaandeel, 100%) < arbeidsaandeel_grens dan sr_percentage_weinig_arbeid anders sr_percentage_gewoon",rulesets/leidschendam-voorburg-2025.sroi',
    );
  });

  test('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-')).toBe('-');
    expect(csvField('−€ 5')).toBe('−€ 5');
  });
});

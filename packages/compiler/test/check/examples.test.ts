// Examples (check/examples.ts): a voorbeeld names outcomes, fields and activities that exist.
import { describe, expect, test } from 'vitest';
import { codesWith } from '../support/check.js';

const example = (lines: string) =>
  codesWith(
    `voorbeeld "v"\n  aanname "t"\n  contract waarde € 100.000 gunningsdatum 2024-03-01 opdrachtsoort diensten\n  activiteit scholing kosten € 100\n  verwacht\n${lines}`,
  );

describe('examples', () => {
  test('an example that names what exists is accepted', () => {
    expect(example('    verplichting € 5.000\n    waardering 1 € 100')).toEqual([]);
  });

  test('an outcome the ruleset does not have is SR2016, an activity the example lacks SR6104', () => {
    expect(example('    winst € 0')).toEqual(['SR2016']);
    expect(example('    waardering 2 € 0')).toEqual(['SR6104']);
  });
});

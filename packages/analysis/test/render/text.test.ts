import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  compareContract,
  compareText,
  diffRulesets,
  diffText,
  buildMatrix,
  matrixText,
} from '../../src/index.js';
import { review, rulesetsDir } from '../support/rulesets.js';

describe('text reports (golden: rendered exactly as the CLI prints them)', () => {
  test('diff of Leidschendam-Voorburg against Haaglanden', async () => {
    const d = diffRulesets(review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi'));
    await expect(diffText(d)).toMatchFileSnapshot('golden/diff-haaglanden-leidschendam-voorburg.txt');
  });

  test('diff of Rijnmond 2019-2023 against Schiedam, in English', async () => {
    const d = diffRulesets(review('rijnmond-2019-2023.sroi'), review('schiedam-legacy.sroi'), { lang: 'en' });
    await expect(diffText(d, 'en')).toMatchFileSnapshot('golden/diff-rijnmond-schiedam.en.txt');
  });

  test('the sample contract under Rijnmond 2019-2023 and 2023-2027', async () => {
    const contract: unknown = JSON.parse(
      readFileSync(join(rulesetsDir, 'examples/schoonmaak-stadskantoor.json'), 'utf8'),
    );
    const c = compareContract(
      [review('rijnmond-2019-2023.sroi'), review('rijnmond-2023-2027.sroi')],
      contract,
    );
    await expect(compareText(c)).toMatchFileSnapshot('golden/compare-rijnmond.txt');
  });

  test('matrix of Haaglanden and Leidschendam-Voorburg', async () => {
    const m = buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]);
    await expect(matrixText(m)).toMatchFileSnapshot('golden/matrix-haaglanden-leidschendam-voorburg.txt');
  });

  test('a diff without differences says so', () => {
    const r = review('haaglanden-zhc-2023.sroi');
    const text = diffText(diffRulesets(r, r));
    expect(text.split('\n')[4]).toMatch(
      /^Geen verschillen in regels, waarden en kop; 0 van \d+ voorbeeldcontracten krijgen een andere uitkomst\.$/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  dateFor,
  evaluateOn,
  generatePortfolio,
  parseJsonLines,
  portfolioTotals,
  seededRandom,
} from '../src/index.js';
import { review, rulesetsDir, shipped } from './support/rulesets.js';

const committed = readFileSync(join(rulesetsDir, 'examples/portfolio.jsonl'), 'utf8');

describe('sample portfolio', () => {
  test('the committed portfolio is what the generator makes from seed 2025', () => {
    const text = generatePortfolio({ seed: 2025, count: 50 })
      .map((c) => JSON.stringify(c))
      .join('\n');
    expect(committed).toBe(text + '\n');
  });

  test('another seed gives another portfolio; the same seed the same', () => {
    expect(generatePortfolio({ seed: 7, count: 5 })).toEqual(generatePortfolio({ seed: 7, count: 5 }));
    expect(generatePortfolio({ seed: 7, count: 5 })).not.toEqual(generatePortfolio({ seed: 8, count: 5 }));
  });

  test('every contract is valid input for every ruleset and the portfolio is varied', () => {
    const contracts = parseJsonLines(committed).contracts as Record<string, unknown>[];
    expect(contracts).toHaveLength(50);
    for (const file of shipped) {
      const r = review(file);
      for (const c of contracts)
        expect(evaluateOn(r, c, dateFor(r, c)!.used).diagnostics, `${file} ${String(c['id'])}`).toEqual([]);
    }
    expect(new Set(contracts.map((c) => c['opdrachtsoort']))).toEqual(
      new Set(['diensten', 'werken', 'leveringen']),
    );
    const kinds = new Set(
      contracts.flatMap((c) => (c['activiteiten'] as { soort: string }[]).map((a) => a.soort)),
    );
    expect(kinds.size).toBe(9);
  });

  test('totals per ruleset, against the first', () => {
    const contracts = parseJsonLines(committed).contracts;
    const [a, b] = portfolioTotals(
      [review('rijnmond-2023-2027.sroi'), review('haaglanden-zhc-2023.sroi')],
      contracts,
    );
    expect(a!.versusBase.verplichting).toBe('0.00');
    expect(b!.withObligation).toBeLessThan(a!.withObligation);
    expect(Number(b!.versusBase.verplichting)).toBeLessThan(0);
  });

  test('the generator is uniform enough to reach both ends of [0, 1)', () => {
    const random = seededRandom(1);
    const xs = Array.from({ length: 1000 }, random);
    expect(Math.min(...xs)).toBeLessThan(0.01);
    expect(Math.max(...xs)).toBeGreaterThan(0.99);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

test('parseJsonLines skips blank lines and names the lines it cannot read', () => {
  expect(parseJsonLines('{"a":1}\n\n{oops}\n')).toEqual({
    contracts: [{ a: 1 }],
    errors: [{ line: 3, message: expect.any(String) }],
  });
});

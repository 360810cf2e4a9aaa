// The harmonisation reviewer's questions, answered by the analysis from the rulesets alone: what
// the policy text says changed from 2019 to 2023 must show up in the diff, the € 50.000 contract in
// the boundary search, and the matrix over the five rulesets must mark where they diverge.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildMatrix,
  diffRulesets,
  parseJsonLines,
  reviewSource,
  type DiffChange,
  type ReviewedRuleset,
} from '@sroi/analysis';
import { Rational } from '@sroi/core';
import { fileHost } from './support/host.js';

const dir = join(import.meta.dirname, '../rulesets');
const load = (file: string): ReviewedRuleset => {
  const path = join(dir, file);
  const r = reviewSource(path, readFileSync(path, 'utf8'), fileHost, {
    displayFile: (p) => relative(join(dir, '..'), p),
  });
  expect(r.value, file).toBeDefined();
  return r.value!;
};

/** A value of the result format or an IR number, as an exact number. */
const exact = (text: string) => {
  const [n, d] = text.split('/');
  return Rational.of(BigInt(n!), BigInt(d ?? '1'));
};

describe('diff of Rijnmond 2019-2023 against 2023-2027 finds every change the policy text names', () => {
  const diff = diffRulesets(load('rijnmond-2019-2023.sroi'), load('rijnmond-2023-2027.sroi'));
  const change = (key: string): DiffChange => {
    const c = diff.changes.find((x) => x.key === key);
    expect(c, key).toBeDefined();
    return c!;
  };
  /** The value of a table row in a ruleset, from its value history (first value, IR units). */
  const row = (doelgroep: string) => {
    const c = diff.changes.find(
      (x) => x.subject === 'table-row' && x.name === `jaarwaarde_plaatsing: ${doelgroep}`,
    );
    expect(c, doelgroep).toBeDefined();
    const first = (side: DiffChange['old']) => {
      const v = side!.values![0]!.raw[0]!;
      return exact('num' in v ? v.num : '0');
    };
    return { old: first(c!.old), new: first(c!.new) };
  };

  test('the threshold: "vanaf" € 50.000 (≥) became "boven" € 50.000 (>)', () => {
    const scope = change('waarde binnen_bereik');
    expect(scope.category).toBe('scope');
    expect(scope.aspects).toContain('formula');
    expect(scope.fragments).toEqual([{ old: '≥', new: '>' }]);
    expect(change('waarde drempel').aspects).toEqual(['provenance']); // the amount itself stayed
  });

  test('the durability bonus: from six months to more than a year', () => {
    // The duration and the bonus are named parameters: the formula changes its comparison, the
    // parameters their values.
    const bonus = change('definitie plaatsing.bonus_duurzaam');
    expect(bonus.aspects).toContain('formula');
    expect(bonus.fragments?.[0]).toEqual({ old: '≥', new: '>' });
    const duration = change('waarde duur_duurzame_uitstroom');
    expect(duration.old!.text).toBe('6 maanden');
    expect(duration.new!.text).toBe('12 maanden');
  });

  test('Nuggers and the loonkostensubsidie group weigh more, Nuggers relatively most', () => {
    const nugger = row('nugger');
    const lks = row('loonkostensubsidie');
    const participatiewet = row('participatiewet');
    expect(nugger.new.gt(nugger.old)).toBe(true);
    expect(lks.new.gt(lks.old)).toBe(true);
    // Loonkostensubsidie now above the participatiewet it was equal to.
    expect(lks.old.eq(participatiewet.old)).toBe(true);
    expect(lks.new.gt(participatiewet.new)).toBe(true);
  });

  test('arbeidsontwikkeling and maatwerk are newly valued (and sociaal investeren and overdracht)', () => {
    for (const kind of ['arbeidsontwikkeling', 'maatwerk', 'investering', 'overdracht']) {
      const v = change(`waardering ${kind}`);
      expect([v.old!.valued, v.new!.valued, v.aspects[0]], kind).toEqual([false, true, 'valued']);
    }
    expect(diff.changes.find((c) => c.key === 'waardering plaatsing')?.aspects ?? []).not.toContain('valued');
  });

  test('the boundary search finds the contract of exactly € 50.000: an obligation in 2019, none in 2023', () => {
    const scope = diff.boundaries!.groups.find((g) => g.group === 'scope')!;
    const fifty = scope.findings.find((f) => f.contract['waarde'] === '50000.00');
    expect(fifty).toMatchObject({
      boundary: true,
      scenario: { a: '2019-10-01', b: '2023-07-01' },
      results: [{ verplichting: '2500.00' }, { verplichting: '0.00' }],
    });
    // Just below and just above, both rulesets agree.
    expect(scope.findings.map((f) => f.contract['waarde'])).toEqual(['50000.00']);
  });
});

test('the matrix over the five rulesets runs and marks divergent cells', () => {
  const files = [
    'rijnmond-2023-2027.sroi',
    'rijnmond-2019-2023.sroi',
    'haaglanden-zhc-2023.sroi',
    'leidschendam-voorburg-2025.sroi',
    'schiedam-legacy.sroi',
  ];
  const portfolio = parseJsonLines(readFileSync(join(dir, 'examples/portfolio.jsonl'), 'utf8')).contracts;
  const m = buildMatrix(files.map(load), { portfolio });
  expect(m.rulesets.map((r) => r.label)).toEqual(files.map((f) => `rulesets/${f}`));
  const divergent = m.rows.filter((r) => r.divergent);
  expect(divergent.length).toBeGreaterThan(20);
  expect(m.rows.filter((r) => !r.divergent).length).toBeGreaterThan(10);
  const marks = (key: string) => m.rows.find((r) => r.key === key)!.cells.map((c) => c.divergent);
  // The obligation percentage at a labour share under 30%: only Leidschendam-Voorburg differs.
  expect(marks('berekend percentage arbeidsaandeel=29.99')).toEqual([false, false, false, true, false]);
  // The smallest contract with an obligation (diensten): every other ruleset differs from 2023-2027.
  expect(marks('berekend drempel diensten')).toEqual([false, true, true, true, true]);
  // Portfolio totals against the base.
  expect(m.rows.find((r) => r.key === 'portefeuille totaal verplichting')!.cells[0]!.divergent).toBe(false);
  expect(m.portfolio).toHaveLength(5);
});

import { describe, expect, test } from 'vitest';
import { enumerationsOf, standardActivity } from '../src/index.js';
import { buildCandidates, baseContract } from '../src/candidates.js';
import { probesOf } from '../src/probes.js';
import { review } from './support/rulesets.js';

describe('candidates of the boundary search', () => {
  const enums = enumerationsOf([review('rijnmond-2023-2027.sroi').ir]);

  test('the standard form of an activity kind has only its required fields', () => {
    expect(standardActivity('plaatsing', enums)).toEqual({
      soort: 'plaatsing',
      doelgroep: 'participatiewet',
      contractvorm: 'bepaald',
      fte: 1,
      maanden: 12,
    });
    expect(standardActivity('maatschappelijk', enums)).toEqual({ soort: 'maatschappelijk', uren: 10 });
    expect(standardActivity('scholing', enums)).toEqual({ soort: 'scholing', kosten: '1000.00' });
  });

  test('probes are the constants rules compare fields with, with the rule that compares them', () => {
    const probes = probesOf(review('rijnmond-2023-2027.sroi'), 0).map(
      (p) =>
        `${p.scope} ${p.kinds?.join(',') ?? '*'} ${p.field} ${p.value.toString()} ${p.origin.rule} ${p.origin.op}`,
    );
    expect(probes).toContain('contract * waarde 5000000 definitie binnen_bereik >');
    expect(probes).toContain('activity plaatsing maanden 12 definitie bonus_duurzaam >');
    expect(probes).toContain('activity plaatsing maanden 36 definitie geteld min');
    expect(probes).toContain('activity inkoop aandeelDoelgroep 0.3 waardering inkoop ≥');
  });

  test('candidates lie just below, at and just above each constant, within the field’s bounds', () => {
    const probes = probesOf(review('rijnmond-2023-2027.sroi'), 0);
    const candidates = buildCandidates(probes, enums, baseContract('1000000.00', 'diensten'));
    const values = (field: string) =>
      candidates
        .filter((c) => c.probe?.field === field && c.variant === 'participatiewet' && c.group === 'plaatsing')
        .map((c) => c.contract.activiteiten[0]![field] as number)
        .sort((x, y) => x - y);
    // 12 months and 1 fte are the standard form itself: one candidate, not two.
    expect(values('maanden')).toEqual([11, 13, 35, 36, 37]);
    expect(values('fte')).toEqual([0.99, 1.01]);
    const scope = candidates.filter((c) => c.probe?.field === 'waarde' && c.variant === 'diensten');
    expect(scope.map((c) => c.contract['waarde'])).toEqual(['49999.99', '50000.00', '50000.01']);
    expect(new Set(candidates.map((c) => JSON.stringify(c.contract))).size).toBe(candidates.length);
  });
});

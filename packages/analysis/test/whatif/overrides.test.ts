import { describe, expect, it } from 'vitest';
import { scenarioFromAssignments } from '../../src/index.js';
import { review } from '../support/rulesets.js';

const r2019 = review('rijnmond-2019-2023.sroi').ir;
const r2023 = review('rijnmond-2023-2027.sroi').ir;

describe('scenarioFromAssignments', () => {
  it('names the base value once when every member of a set has it', () => {
    const s = scenarioFromAssignments('s', [r2019, r2023], ['sr_percentage=6%']).value!;
    expect(s.players).toEqual([
      { label: 'sr_percentage', from: '5%', to: '6%', en: { from: '5%', to: '6%' } },
    ]);
  });

  it('shows every base value a --set replaces: per member of a set, and per period of a member', () => {
    const s = scenarioFromAssignments(
      's',
      [r2019, r2023],
      ['jaarwaarde_plaatsing[participatiewet]=42000'],
    ).value!;
    // 2019-2023 has one value; 2023-2027 one before and one after its tariff update of 2025.
    expect(s.players[0]!.from).toBe(
      `€ 35.000,00 per jaar (${r2019.ruleset.name}); € 40.000,00 per jaar / € 42.000,00 per jaar (${r2023.ruleset.name})`,
    );
    expect(s.players[0]!.to).toBe('€ 42.000,00 per jaar');
    // In English notation for English reports: `€ 40.000,00` would read as forty euros.
    expect(s.players[0]!.en).toEqual({
      from: `€ 35,000.00 per year (${r2019.ruleset.name}); € 40,000.00 per year / € 42,000.00 per year (${r2023.ruleset.name})`,
      to: '€ 42,000.00 per year',
    });
  });

  it('names only the members that have the name', () => {
    const one = scenarioFromAssignments('s', [r2023], ['jaarwaarde_plaatsing[participatiewet]=42000']).value!;
    expect(one.players[0]!.from).toBe('€ 40.000,00 per jaar / € 42.000,00 per jaar');
  });
});

describe('scenarioFromAssignments and parameter ranges', () => {
  it('refuses a value below zero for a percentage or amount (SR3301), as the checker does', () => {
    const s = scenarioFromAssignments('s', [r2023], ['sr_percentage=-5%']);
    expect(s.value).toBeUndefined();
    expect(s.diagnostics.map((d) => [d.code, d.path, d.args['value']])).toEqual([
      ['SR3301', 'sr_percentage=-5%', '-5%'],
    ]);
  });
});

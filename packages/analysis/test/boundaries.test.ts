import { describe, expect, test } from 'vitest';
import { searchBoundaries, type BoundaryReport } from '../src/index.js';
import { review } from './support/rulesets.js';

const group = (r: BoundaryReport, name: string) => r.groups.find((g) => g.group === name)!;

describe('boundary search', () => {
  const rijnmond = searchBoundaries(review('rijnmond-2019-2023.sroi'), review('rijnmond-2023-2027.sroi'));

  test('evaluates each ruleset on dates in its own period and says which', () => {
    expect(rijnmond.scenarios).toEqual([
      { a: '2019-10-01', b: '2023-07-01' },
      { a: '2019-10-01', b: '2025-07-01' },
    ]);
    expect(rijnmond.base).toEqual({ waarde: '1000000.00', opdrachtsoort: 'diensten' });
  });

  test('2019 against 2023: a contract of exactly € 50.000 is the one scope boundary, for every opdrachtsoort', () => {
    const scope = group(rijnmond, 'scope');
    expect(scope.findings).toHaveLength(1);
    const [f] = scope.findings;
    expect(f).toMatchObject({
      contract: { waarde: '50000.00', activiteiten: [] },
      variants: ['diensten', 'werken', 'leveringen'],
      variantField: 'opdrachtsoort',
      boundary: true,
      differs: ['verplichting', 'boete'],
      results: [
        { verplichting: '2500.00', gerealiseerd: '0.00', boete: '2500.00' },
        { verplichting: '0.00', gerealiseerd: '0.00', boete: '0.00' },
      ],
      probe: { field: 'waarde', value: '50000.00', position: 'at' },
    });
    expect(f!.probe!.origins.map((o) => `${o.side} ${o.rule} ${o.op}`)).toEqual([
      '0 definitie binnen_bereik ≥',
      '1 definitie binnen_bereik >',
    ]);
  });

  test('finds the durability bonus boundary: 6 months counts in 2019, not in 2023', () => {
    const nugger = group(rijnmond, 'plaatsing');
    expect(nugger.differing).toBeGreaterThan(50);
    const all = searchBoundaries(review('rijnmond-2019-2023.sroi'), review('rijnmond-2023-2027.sroi'), {
      maxPerGroup: 1000,
    });
    const six = group(all, 'plaatsing').findings.find(
      (f) =>
        f.probe?.field === 'maanden' &&
        f.probe.value === 6 &&
        f.probe.position === 'at' &&
        f.variants.includes('ww'),
    );
    expect(six?.probe?.origins.map((o) => o.rule)).toContain('definitie bonus_duurzaam');
  });

  test('caps: 100 hours of maatschappelijke activiteiten reach the 2019 cap of 20% but pass the 2023 cap of 10%', () => {
    const caps = group(rijnmond, 'caps').findings.find(
      (f) =>
        f.contract.activiteiten[0]?.['soort'] === 'maatschappelijk' &&
        f.contract.activiteiten[0]?.['uren'] === 100,
    );
    expect(caps?.results.map((r) => r.gerealiseerd)).toEqual(['10000.00', '5000.00']);
  });

  test('Haaglanden against Leidschendam-Voorburg: only a labour share under 30% differs', () => {
    const r = searchBoundaries(review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi'));
    expect(r.groups.filter((g) => g.differing > 0).map((g) => g.group)).toEqual(['scope']);
    expect(group(r, 'scope').findings.map((f) => f.contract['arbeidsaandeel'])).toEqual([29.99]);
    expect(group(r, 'scope').findings[0]!.results.map((x) => x.verplichting)).toEqual([
      '50000.00',
      '20000.00',
    ]);
  });

  test('Rijnmond 2019-2023 against Schiedam: the contract values between the regional and the Schiedam thresholds', () => {
    const r = searchBoundaries(review('rijnmond-2019-2023.sroi'), review('schiedam-legacy.sroi'), {
      maxPerGroup: 100,
    });
    expect(r.groups.filter((g) => g.differing > 0).map((g) => g.group)).toEqual(['scope']);
    const values = group(r, 'scope').findings.map((f) => `${f.contract['waarde']} ${f.variants.join('/')}`);
    expect(values).toContain('124999.99 diensten/werken/leveringen');
    expect(values).toContain('125000.00 werken');
    expect(values).toContain('224999.99 werken');
    expect(values).not.toContain('125000.00 diensten');
    expect(values).not.toContain('49999.99 diensten/werken/leveringen');
  });

  test('findings are ordered simplest first: the standard placement before its probes', () => {
    const placements = group(rijnmond, 'plaatsing').findings;
    expect(placements[0]!.probe).toBeUndefined();
    expect(placements[0]!.contract.activiteiten[0]).toEqual({
      soort: 'plaatsing',
      doelgroep: 'participatiewet',
      contractvorm: 'bepaald',
      fte: 1,
      maanden: 12,
    });
  });
});

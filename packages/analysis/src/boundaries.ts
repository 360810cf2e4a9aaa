// The boundary search of `sroi diff`: where do two rulesets give a contract different outcomes?
// Candidate contracts are built around every constant either ruleset compares with, plus one per
// activity kind and enumeration value, and evaluated under both — each on reference dates inside
// its own periods. The candidates whose outcomes differ are the examples a reviewer gets.
import { activityKinds, Rational, type Language } from '@sroi/core';
import {
  baseContract,
  buildCandidates,
  enumerationsOf,
  standardActivity,
  type Candidate,
  type ContractJson,
  type Enumerations,
} from './candidates.js';
import { differingOutcomes, evaluateOn, summarize, type OutcomeSummary } from './evaluate.js';
import { scenarios, type Scenario } from './periods.js';
import { probesOf } from './probes.js';
import type { ReviewedRuleset } from './ruleset.js';

export interface BoundaryOptions {
  readonly lang?: Language;
  /** How many examples to report per group (the count of all is reported too). */
  readonly maxPerGroup?: number;
}

/** A candidate contract with different outcomes under A and B. */
export interface BoundaryFinding {
  readonly group: string;
  readonly contract: ContractJson;
  /** The variants (opdrachtsoorten, doelgroepen, ...) that give these same results. */
  readonly variants: readonly string[];
  /** The field that holds the variants (opdrachtsoort, or the activity's doelgroep, ...). */
  readonly variantField?: string;
  readonly probe?: Candidate['probe'];
  /** The first pair of reference dates on which the outcomes differ. */
  readonly scenario: Scenario;
  /** Further pairs of dates on which they differ. */
  readonly alsoOn: readonly Scenario[];
  /** The outcomes under A and under B on `scenario`. */
  readonly results: readonly [OutcomeSummary, OutcomeSummary];
  /** Which outcomes differ: verplichting, waarderingen, gerealiseerd, boete (or fout). */
  readonly differs: readonly string[];
  /** Only exactly at the constant: just below and just above give A and B the same outcomes. */
  readonly boundary: boolean;
}

export interface BoundaryGroup {
  /** "scope", an activity kind, or "caps". */
  readonly group: string;
  readonly candidates: number;
  /** Findings in this group, before the limit of `maxPerGroup`. */
  readonly differing: number;
  readonly findings: readonly BoundaryFinding[];
}

export interface BoundaryReport {
  /** The pairs of reference dates every candidate was evaluated on. */
  readonly scenarios: readonly Scenario[];
  /** The contract the activity candidates sit in. */
  readonly base: { readonly waarde: string; readonly opdrachtsoort: string };
  readonly candidates: number;
  readonly evaluations: number;
  readonly groups: readonly BoundaryGroup[];
}

const BASE_VALUES = ['1000000.00', '10000000.00', '100000000.00'];

/** A contract value and opdrachtsoort that both rulesets hold in scope, so activities count. */
function chooseBase(a: ReviewedRuleset, b: ReviewedRuleset, enums: Enumerations, s: Scenario): ContractJson {
  const soorten = enums.opdrachtsoort.includes('diensten')
    ? ['diensten', ...enums.opdrachtsoort]
    : enums.opdrachtsoort;
  for (const soort of soorten)
    for (const waarde of BASE_VALUES) {
      const c = baseContract(waarde, soort);
      const inScope = (r: ReviewedRuleset, date: string) => {
        const v = evaluateOn(r, c, date).value;
        return v !== undefined && Rational.parse(v.verplichting)!.sign() > 0;
      };
      if (inScope(a, s.a) && inScope(b, s.b)) return c;
    }
  return baseContract(BASE_VALUES[0]!, soorten[0] ?? 'diensten');
}

/** The single field of an activity kind that scales its value: an amount or hours. */
function scalarField(kind: string): { name: string; money: boolean } | undefined {
  for (const [name, spec] of Object.entries(activityKinds[kind] ?? {})) {
    if (spec.presence !== 'required') continue;
    if (spec.type.kind === 'money') return { name, money: true };
    if (spec.type.kind === 'duration' && spec.type.unit === 'uren') return { name, money: false };
  }
  return undefined;
}

const CALIBRATION = 1000;

/**
 * Candidates for the route caps: one activity of a capped route, sized to reach each ruleset's cap
 * (and twice the largest), measured by evaluating how much one unit of it is worth.
 */
function capCandidates(
  a: ReviewedRuleset,
  b: ReviewedRuleset,
  enums: Enumerations,
  base: ContractJson,
  s: Scenario,
): Candidate[] {
  const sides = [
    { r: a, date: s.a },
    { r: b, date: s.b },
  ];
  const capped = new Set(
    [a, b].flatMap((r) => r.ir.routes.filter((route) => route.cap).map((route) => route.name)),
  );
  const maxima = sides.map(({ r, date }) => evaluateOn(r, base, date).value?.routes ?? []);
  const out: Candidate[] = [];
  for (const route of capped) {
    const caps = maxima
      .flatMap((routes) => routes.filter((x) => x.naam === route && x.maximum !== undefined))
      .map((x) => Rational.parse(x.maximum!)!)
      .filter((m) => m.sign() > 0);
    const kinds = new Set([a, b].flatMap((r) => r.ir.routes.find((x) => x.name === route)?.kinds ?? []));
    for (const kind of kinds) {
      const scalar = scalarField(kind);
      if (!scalar) continue;
      const activity = (units: Rational) => ({
        ...standardActivity(kind, enums),
        [scalar.name]: scalar.money ? units.toFixed(2) : Number(units.toString()),
      });
      const perUnit = sides
        .map(({ r, date }) => {
          const v = evaluateOn(
            r,
            { ...base, activiteiten: [activity(Rational.of(CALIBRATION))] },
            date,
          ).value;
          return v ? Rational.parse(v.waarderingen[0]!.bedrag)!.div(Rational.of(CALIBRATION)) : Rational.ZERO;
        })
        .filter((u) => u.sign() > 0);
      const amounts = new Map<string, Rational>();
      for (const cap of caps)
        for (const u of perUnit) {
          const units = cap.div(u);
          const rounded = scalar.money
            ? units.roundTo(Rational.of(1, 100), 'ceiling')
            : Rational.of(units.roundToInteger('ceiling'));
          amounts.set(rounded.toString(), rounded);
        }
      const largest = [...amounts.values()].reduce((m, x) => (x.gt(m) ? x : m), Rational.ZERO);
      if (largest.sign() > 0) amounts.set(largest.add(largest).toString(), largest.add(largest));
      for (const units of [...amounts.values()].sort((x, y) => x.cmp(y)))
        out.push({
          group: 'caps',
          family: `caps:${route}:${kind}:${units.toString()}`,
          contract: { ...base, activiteiten: [activity(units)] },
          rank: [2, Object.keys(activityKinds).indexOf(kind), units.toNumber()],
        });
    }
  }
  return out;
}

const compareRank = (x: readonly number[], y: readonly number[]): number => {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Searches the input space for contracts whose outcomes differ under `a` and `b`. */
export function searchBoundaries(
  a: ReviewedRuleset,
  b: ReviewedRuleset,
  options: BoundaryOptions = {},
): BoundaryReport {
  const lang = options.lang ?? 'nl';
  const maxPerGroup = options.maxPerGroup ?? 8;
  const dates = scenarios(a.ir, b.ir);
  const enums = enumerationsOf([a.ir, b.ir]);
  const base = chooseBase(a, b, enums, dates[0]!);
  const probes = [...probesOf(a, 0), ...probesOf(b, 1)];
  const candidates = [
    ...buildCandidates(probes, enums, base),
    ...capCandidates(a, b, enums, base, dates[0]!),
  ];

  let evaluations = 0;
  const evaluated = candidates.map((candidate) => {
    const differing: { scenario: Scenario; results: [OutcomeSummary, OutcomeSummary]; differs: string[] }[] =
      [];
    for (const scenario of dates) {
      const results: [OutcomeSummary, OutcomeSummary] = [
        summarize(evaluateOn(a, candidate.contract, scenario.a), lang),
        summarize(evaluateOn(b, candidate.contract, scenario.b), lang),
      ];
      evaluations += 2;
      const differs = differingOutcomes(...results);
      if (differs.length) differing.push({ scenario, results, differs });
    }
    return { candidate, differing };
  });

  // A probe candidate exactly at its constant is a boundary when its neighbours agree.
  const differsAt = new Map<string, boolean>();
  for (const { candidate, differing } of evaluated)
    differsAt.set(`${candidate.family}|${candidate.variant ?? ''}`, differing.length > 0);
  const isBoundary = (c: Candidate): boolean => {
    if (c.probe?.position !== 'at') return false;
    const stem = c.family.replace(/:at$/, '');
    const neighbours = ['below', 'above']
      .map((p) => differsAt.get(`${stem}:${p}|${c.variant ?? ''}`))
      .filter((d) => d !== undefined);
    return neighbours.length > 0 && neighbours.every((d) => !d);
  };

  // Variants of one family with the same results are one finding.
  const merged = new Map<string, BoundaryFinding>();
  const rankOf = new Map<string, readonly number[]>();
  for (const { candidate, differing } of evaluated) {
    const first = differing[0];
    if (!first) continue;
    const key = `${candidate.family}|${JSON.stringify(first.scenario)}|${JSON.stringify(first.results)}`;
    const seen = merged.get(key);
    if (seen) {
      if (candidate.variant) merged.set(key, { ...seen, variants: [...seen.variants, candidate.variant] });
      continue;
    }
    rankOf.set(key, candidate.rank);
    merged.set(key, {
      group: candidate.group,
      contract: candidate.contract,
      variants: candidate.variant ? [candidate.variant] : [],
      ...(candidate.variantField ? { variantField: candidate.variantField } : {}),
      ...(candidate.probe ? { probe: candidate.probe } : {}),
      scenario: first.scenario,
      alsoOn: differing.slice(1).map((d) => d.scenario),
      results: first.results,
      differs: first.differs,
      boundary: isBoundary(candidate),
    });
  }

  const groupNames = ['scope', ...Object.keys(activityKinds), 'caps'];
  const groups: BoundaryGroup[] = groupNames.flatMap((group) => {
    const members = candidates.filter((c) => c.group === group);
    if (members.length === 0) return [];
    const findings = [...merged.entries()]
      .filter(([, f]) => f.group === group)
      .sort(([x], [y]) => compareRank(rankOf.get(x)!, rankOf.get(y)!))
      .map(([, f]) => f);
    return [
      {
        group,
        candidates: members.length,
        differing: findings.length,
        findings: findings.slice(0, maxPerGroup),
      },
    ];
  });
  return {
    scenarios: dates,
    base: { waarde: base['waarde'] as string, opdrachtsoort: base['opdrachtsoort'] as string },
    candidates: candidates.length,
    evaluations,
    groups,
  };
}

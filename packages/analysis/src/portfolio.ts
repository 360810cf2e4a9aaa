// A sample portfolio of contracts, generated deterministically from a seed, and what each ruleset
// makes of it in total: obligation, realisation and penalty, against the regional base.
import {
  activityKinds,
  formatIsoDate,
  parseIsoDate,
  Rational,
  sharedEnumerationValues,
  type EnumerationName,
} from '@sroi/core';
import type { ContractJson } from './candidates.js';
import { dateFor, evaluateOn } from './evaluate.js';
import type { ReviewedRuleset } from './ruleset.js';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same portfolio everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PortfolioOptions {
  readonly seed?: number;
  readonly count?: number;
}

const descriptions = [
  'Schoonmaak',
  'Groenonderhoud',
  'Onderhoud openbare verlichting',
  'ICT-werkplekken',
  'Catering',
  'Beveiliging',
  'Renovatie schoolgebouw',
  'Wegonderhoud',
  'Leerlingenvervoer',
  'Kantoormeubilair',
  'Afvalinzameling',
  'Bouw sporthal',
];
const municipalities = [
  'rotterdam',
  'schiedam',
  'maassluis',
  'vlaardingen',
  'den-haag',
  'leidschendam-voorburg',
  'delft',
];
/** Contract values a reviewer checks by hand: the thresholds of the rulesets. */
const thresholds = [50_000, 125_000, 215_000, 221_000, 225_000];
/** How often the common activity kinds appear: placements most. */
const commonKinds: Readonly<Record<string, number>> = {
  plaatsing: 35,
  leerling: 15,
  arbeidsontwikkeling: 10,
  scholing: 10,
  inkoop: 10,
  maatschappelijk: 8,
};
/** Every kind of the vocabulary appears; a kind not listed above as often as the rarest. */
const kindWeights: Readonly<Record<string, number>> = Object.fromEntries(
  Object.keys(activityKinds).map((kind) => [kind, commonKinds[kind] ?? 4]),
);

/**
 * `count` varied contracts (default 50) from `seed` (default 2025): every opdrachtsoort, values from
 * € 20.000 to € 10 mln (a few exactly on a threshold), award dates from 2019-10 to 2027-12, and
 * zero to five activities of every kind with valid fields.
 */
export function generatePortfolio(options: PortfolioOptions = {}): ContractJson[] {
  const random = seededRandom(options.seed ?? 2025);
  const count = options.count ?? 50;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const weighted = (weights: Readonly<Record<string, number>>): string => {
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (const [k, w] of Object.entries(weights)) if ((r -= w) < 0) return k;
    return Object.keys(weights)[0]!;
  };
  const euros = (n: number) => `${n}.00`;
  const enumValue = (e: EnumerationName) => pick(sharedEnumerationValues[e]);
  const first = parseIsoDate('2019-10-01')!;
  const last = parseIsoDate('2027-12-31')!;

  const activity = (kind: string): Record<string, unknown> => {
    const a: Record<string, unknown> = { soort: kind };
    const fields = activityKinds[kind]!;
    for (const [name, spec] of Object.entries(fields)) {
      const t = spec.type;
      if (spec.presence !== 'required' && random() < 0.7) continue;
      if (t.kind === 'enum') a[name] = enumValue(t.enumeration);
      else if (t.kind === 'boolean') a[name] = random() < 0.5;
      else if (t.kind === 'percentage') a[name] = int(10, 90);
      else if (t.kind === 'money') a[name] = euros(int(5, 200) * 100);
      else if (t.kind === 'duration') a[name] = t.unit === 'uren' ? int(4, 120) : int(3, 40);
      else if (t.kind === 'number' && name === 'fte') a[name] = pick([0.5, 0.6, 0.8, 1, 1, 1, 1.2]);
      else if (t.kind === 'number' && name === 'niveau') a[name] = int(1, 4);
      else if (t.kind === 'number' && name === 'leeftijd') a[name] = int(18, 66);
      else if (t.kind === 'number')
        a[name] = int(Math.ceil(t.min ?? 0) + (t.minExclusive ? 1 : 0), t.max ?? 10);
    }
    return a;
  };

  return Array.from({ length: count }, (_, i) => {
    const opdrachtsoort = pick(['diensten', 'diensten', 'diensten', 'werken', 'werken', 'leveringen']);
    // Spread over three decades (€ 20.000 – € 9.990.000) with integers only, so every platform agrees.
    const magnitude = pick([1_000, 10_000, 100_000]);
    const value = random() < 0.15 ? pick(thresholds) : int(20, 99) * magnitude + int(0, 9) * (magnitude / 10);
    const award = first + Math.floor(random() * (last - first + 1));
    const start = award + int(14, 90);
    const end = start + int(12, 48) * 30;
    const n = int(0, 5);
    const contract: ContractJson = {
      id: `PF-${String(i + 1).padStart(3, '0')}`,
      gemeente: pick(municipalities),
      omschrijving: pick(descriptions),
      opdrachtsoort,
      waarde: euros(value),
      gunningsdatum: formatIsoDate(award),
      startdatum: formatIsoDate(start),
      einddatum: formatIsoDate(end),
      ...(random() < 0.1 ? { inspanningAangetoond: true } : {}),
      ...(random() < 0.2 ? { arbeidsaandeel: int(10, 80) } : {}),
      activiteiten: Array.from({ length: n }, () => activity(weighted(kindWeights))),
    };
    return contract;
  });
}

/** What one ruleset makes of a portfolio, in the result format ("2500.00"). */
export interface PortfolioTotals {
  readonly label: string;
  readonly contracts: number;
  /** Contracts the ruleset refused (invalid for it). */
  readonly refused: number;
  /** Contracts whose award date was moved into the ruleset's periods. */
  readonly moved: number;
  /** Contracts with an obligation. */
  readonly withObligation: number;
  readonly verplichting: string;
  readonly gerealiseerd: string;
  readonly boete: string;
  /** Differences with the base (the first ruleset): B − base, and as a percentage of the base. */
  readonly versusBase: {
    readonly verplichting: string;
    readonly gerealiseerd: string;
    readonly verplichtingPct?: string;
    readonly gerealiseerdPct?: string;
  };
}

/** Totals of every ruleset over the portfolio; each contract evaluated with its date inside the ruleset's periods. */
export function portfolioTotals(
  rulesets: readonly ReviewedRuleset[],
  contracts: readonly unknown[],
): PortfolioTotals[] {
  const raw = rulesets.map((r) => {
    let refused = 0;
    let moved = 0;
    let withObligation = 0;
    const sum = { verplichting: Rational.ZERO, gerealiseerd: Rational.ZERO, boete: Rational.ZERO };
    for (const contract of contracts) {
      const date = dateFor(r, contract);
      const result =
        date && typeof contract === 'object' && contract
          ? evaluateOn(r, contract, date.used).value
          : undefined;
      if (!result) {
        refused++;
        continue;
      }
      if (date!.moved) moved++;
      const v = Rational.parse(result.verplichting)!;
      if (v.sign() > 0) withObligation++;
      sum.verplichting = sum.verplichting.add(v);
      sum.gerealiseerd = sum.gerealiseerd.add(Rational.parse(result.gerealiseerd)!);
      sum.boete = sum.boete.add(Rational.parse(result.boete)!);
    }
    return { label: r.label, refused, moved, withObligation, sum };
  });
  const base = raw[0]?.sum;
  const pct = (x: Rational, b: Rational | undefined) =>
    b && !b.isZero() ? { pct: x.sub(b).div(b).mul(Rational.of(100)).toFixed(2) } : {};
  return raw.map((r) => {
    const dv = base ? r.sum.verplichting.sub(base.verplichting) : Rational.ZERO;
    const dg = base ? r.sum.gerealiseerd.sub(base.gerealiseerd) : Rational.ZERO;
    const pv = pct(r.sum.verplichting, base?.verplichting);
    const pg = pct(r.sum.gerealiseerd, base?.gerealiseerd);
    return {
      label: r.label,
      contracts: contracts.length,
      refused: r.refused,
      moved: r.moved,
      withObligation: r.withObligation,
      verplichting: r.sum.verplichting.toFixed(2),
      gerealiseerd: r.sum.gerealiseerd.toFixed(2),
      boete: r.sum.boete.toFixed(2),
      versusBase: {
        verplichting: dv.toFixed(2),
        gerealiseerd: dg.toFixed(2),
        ...('pct' in pv ? { verplichtingPct: pv.pct } : {}),
        ...('pct' in pg ? { gerealiseerdPct: pg.pct } : {}),
      },
    };
  });
}

/** Parses JSON Lines (one contract per line; blank lines skipped). */
export function parseJsonLines(text: string): {
  contracts: unknown[];
  errors: { line: number; message: string }[];
} {
  const contracts: unknown[] = [];
  const errors: { line: number; message: string }[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    try {
      contracts.push(JSON.parse(line));
    } catch (e) {
      errors.push({ line: i + 1, message: (e as Error).message });
    }
  }
  return { contracts, errors };
}

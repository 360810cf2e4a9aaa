// Benchmark input: a seeded, deterministic generator of realistic random contracts for the
// Rijnmond 2023-2027 ruleset — every activity kind, both tariff periods, optional facts present
// and absent, caps that bite and caps that do not, amounts with cents, fte and months with decimals.
// The kinds come from the vocabulary: a kind added there appears here, with valid fields by its spec.
import { activityKinds, type FieldSpec } from '@sroi/core';

/** Money as docs/contract-format.md allows it: text with at most two decimals, or a JSON number. */
export type Money = string | number;

export interface Plaatsing {
  soort: 'plaatsing';
  doelgroep: string;
  contractvorm: string;
  fte: number;
  maanden: number;
  leeftijd?: number;
  arbeidsbeperking?: boolean;
  omschrijving?: string;
}
export interface Leerling {
  soort: 'leerling';
  opleiding: string;
  niveau?: number;
  stage?: boolean;
  arbeidsovereenkomst?: boolean;
  fte: number;
  maanden: number;
}
export interface Arbeidsontwikkeling {
  soort: 'arbeidsontwikkeling';
  vorm: string;
  startkwalificatie?: boolean;
  maanden: number;
}
export interface Scholing {
  soort: 'scholing';
  kosten: Money;
  omschrijving?: string;
}
export interface Inkoop {
  soort: 'inkoop';
  leverancier: string;
  factuurbedrag: Money;
  aandeelDoelgroep?: number;
  missieVoorop?: boolean;
  aandeelCommercieel?: number;
}
export interface Maatschappelijk {
  soort: 'maatschappelijk';
  uren: number;
}
export interface Bedrag {
  soort: 'investering' | 'maatwerk' | 'overdracht';
  bedrag: Money;
  vanContract?: string;
  omschrijving?: string;
}
export type Activity =
  Plaatsing | Leerling | Arbeidsontwikkeling | Scholing | Inkoop | Maatschappelijk | Bedrag;

export interface Contract {
  id: string;
  opdrachtsoort: string;
  waarde: Money;
  gunningsdatum: string;
  startdatum?: string;
  einddatum?: string;
  inspanningAangetoond?: boolean;
  activiteiten: Activity[];
}

const DOELGROEPEN = [
  'participatiewet',
  'loonkostensubsidie',
  'banenafspraak',
  'ww',
  'wia',
  'nugger',
  'jongere-zonder-startkwalificatie',
];
const OPLEIDINGEN = ['mbo-bbl', 'mbo-bol', 'hbo', 'vso', 'pro'];
const VORMEN = ['werk-fit', 'voorschakelen', 'leren-en-werken', 'inwerken', 'doorstromen'];
/** The values generated for each enumeration the generator knows. */
const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  doelgroep: DOELGROEPEN,
  opleiding: OPLEIDINGEN,
  vorm: VORMEN,
  contractvorm: ['bepaald', 'onbepaald'],
  leverancier: ['sw-bedrijf', 'sociaal-ondernemer'],
  opdrachtsoort: ['diensten', 'werken', 'leveringen'],
};
const FTES = [0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9, 1, 1, 1, 1, 1.2, 1.5];
/** Boundaries of the ruleset: the period, the tariff update, and a few ordinary days. */
const BOUNDARY_DATES = ['2023-07-01', '2025-06-30', '2025-07-01', '2027-12-31'];
const FIRST_DAY = Date.UTC(2023, 6, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2027, 11, 31) / 86_400_000;

/** How often the kinds appear: placements most often, as in practice; any other kind 6. */
const WEIGHTS: Readonly<Record<string, number>> = {
  plaatsing: 30,
  leerling: 12,
  arbeidsontwikkeling: 12,
  scholing: 8,
  inkoop: 12,
  maatschappelijk: 8,
};
/** Every activity kind of the vocabulary, in its order, with its weight. */
const KINDS: readonly [Activity['soort'], number][] = Object.keys(activityKinds).map((kind) => [
  kind as Activity['soort'],
  WEIGHTS[kind] ?? 6,
]);
const KIND_TOTAL = KINDS.reduce((s, [, w]) => s + w, 0);

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Contracts from a seed: the same seed gives the same contracts on every machine. */
export class ContractGenerator {
  private state: number;
  private count = 0;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and good enough for test data. */
  private random(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }
  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  /** An amount of money between two whole-euro bounds, in the shapes contracts use. */
  private money(min: number, max: number): Money {
    const cents = this.int(min * 100, max * 100);
    const euros = Math.floor(cents / 100);
    const rest = cents % 100;
    const shape = this.random();
    if (shape < 0.1) return cents / 100; // a JSON number, e.g. 1250.5
    if (shape < 0.2) return String(euros); // whole euros as text
    if (shape < 0.25 && rest % 10 === 0) return `${euros}.${rest / 10}`; // one decimal
    return `${euros}.${String(rest).padStart(2, '0')}`;
  }

  /** A count of months: mostly whole, sometimes halves or hundredths, with the maxima as boundaries. */
  private months(max: number, boundaries: readonly number[]): number {
    const shape = this.random();
    if (shape < 0.15) return this.pick(boundaries);
    if (shape < 0.25) return this.int(1, 2 * max) / 2;
    if (shape < 0.3) return this.int(100, max * 100) / 100;
    return this.int(1, max);
  }

  /** Whole-euro bounds one euro apart around `euros`, for an amount with cents near it. */
  private around(euros: number): [number, number] {
    const e = Math.floor(euros);
    return [e, e + 1];
  }

  private fte(): number {
    return this.chance(0.2) ? this.int(1, 150) / 100 : this.pick(FTES);
  }

  activity(): Activity {
    let at = this.random() * KIND_TOTAL;
    let soort: Activity['soort'] = 'plaatsing';
    for (const [kind, weight] of KINDS) {
      if (at < weight) {
        soort = kind;
        break;
      }
      at -= weight;
    }
    switch (soort) {
      case 'plaatsing': {
        const a: Plaatsing = {
          soort,
          doelgroep: this.pick(DOELGROEPEN),
          contractvorm: this.chance(0.7) ? 'bepaald' : 'onbepaald',
          fte: this.fte(),
          maanden: this.chance(0.1) ? this.pick([72, 96, 120]) : this.months(60, [12, 13, 36, 37]),
        };
        if (this.chance(0.4)) a.leeftijd = this.int(16, 67);
        if (this.chance(0.1)) a.arbeidsbeperking = true;
        if (this.chance(0.2)) a.omschrijving = 'Medewerker schoonmaak';
        return a;
      }
      case 'leerling': {
        const a: Leerling = {
          soort,
          opleiding: this.pick(OPLEIDINGEN),
          fte: this.fte(),
          maanden: this.months(36, [24, 25]),
        };
        if (this.chance(0.6)) a.niveau = this.int(1, 4);
        if (this.chance(0.3)) a.stage = true;
        if (this.chance(0.6)) a.arbeidsovereenkomst = this.chance(0.8);
        return a;
      }
      case 'arbeidsontwikkeling': {
        const a: Arbeidsontwikkeling = { soort, vorm: this.pick(VORMEN), maanden: this.months(18, [12, 13]) };
        if (this.chance(0.7)) a.startkwalificatie = this.chance(0.5);
        return a;
      }
      case 'scholing': {
        const a: Scholing = { soort, kosten: this.money(100, 10_000) };
        if (this.chance(0.5)) a.omschrijving = 'VCA-cursus';
        return a;
      }
      case 'inkoop': {
        const a: Inkoop = {
          soort,
          leverancier: this.chance(0.4) ? 'sw-bedrijf' : 'sociaal-ondernemer',
          factuurbedrag: this.money(1_000, 200_000),
        };
        if (this.chance(0.4))
          a.aandeelDoelgroep = this.chance(0.8) ? this.int(20, 60) : this.int(2900, 3100) / 100;
        if (this.chance(0.4)) a.missieVoorop = this.chance(0.8);
        if (this.chance(0.4)) a.aandeelCommercieel = this.chance(0.8) ? this.int(30, 100) : 49.5;
        return a;
      }
      case 'maatschappelijk':
        return { soort, uren: this.chance(0.2) ? this.int(1, 1600) / 4 : this.int(1, 400) };
      case 'investering':
      case 'maatwerk':
      case 'overdracht': {
        const a: Bedrag = { soort, bedrag: this.money(500, 50_000) };
        if (soort === 'overdracht' && this.chance(0.5)) a.vanContract = `RTD-2021-${this.int(1, 999)}`;
        if (this.chance(0.3)) a.omschrijving = soort === 'investering' ? 'Rikx' : 'vrije invulling';
        return a;
      }
      default:
        return this.fromSpec(soort);
    }
  }

  /**
   * An activity of a kind this generator has no realistic shape for (one new to the vocabulary):
   * its required fields, and half of its optional ones, with valid values by their specs. The
   * hand-written baselines must learn the kind before their agreement check passes.
   */
  private fromSpec(soort: string): Activity {
    const a: Record<string, unknown> = { soort };
    for (const [name, spec] of Object.entries(activityKinds[soort] ?? {}) as [string, FieldSpec][]) {
      if (spec.presence !== 'required' && this.chance(0.5)) continue;
      const t = spec.type;
      if (t.kind === 'money') a[name] = this.money(100, 20_000);
      else if (t.kind === 'duration') a[name] = t.unit === 'uren' ? this.int(1, 400) : this.months(24, [12]);
      else if (t.kind === 'percentage') a[name] = this.int(0, 100);
      else if (t.kind === 'boolean') a[name] = this.chance(0.5);
      else if (t.kind === 'number')
        a[name] = this.int(Math.ceil(t.min ?? 0) + (t.minExclusive ? 1 : 0), t.max ?? 10);
      else if (t.kind === 'date') a[name] = BOUNDARY_DATES[0]!;
      else if (t.kind === 'text') a[name] = 'tekst';
      else a[name] = this.pick(ENUM_VALUES[t.enumeration] ?? ['onbekend']);
    }
    return a as unknown as Activity;
  }

  /** One contract with `activities` activities (default: 0 to 12). */
  contract(activities = this.int(0, 12)): Contract {
    const n = ++this.count;
    const shape = this.random();
    // About one in ten is at or below the threshold of € 50.000 (out of scope), a few exactly on it.
    const waarde: Money =
      shape < 0.02
        ? this.pick(['50000.00', '50000.01', 50000])
        : shape < 0.1
          ? this.money(5_000, 50_000)
          : this.money(...this.around(50_000 * 200 ** this.random()));
    const gunningsdag = this.chance(0.05)
      ? Date.parse(this.pick(BOUNDARY_DATES)) / 86_400_000
      : this.int(FIRST_DAY, LAST_DAY);
    const c: Contract = {
      id: `BENCH-${n}`,
      opdrachtsoort: this.pick(['diensten', 'werken', 'leveringen']),
      waarde,
      gunningsdatum: isoDay(gunningsdag),
      activiteiten: [],
    };
    if (this.chance(0.3)) {
      const start = gunningsdag + this.int(0, 90);
      c.startdatum = isoDay(start);
      c.einddatum = isoDay(start + this.int(365, 1460));
    }
    if (this.chance(0.2)) c.inspanningAangetoond = this.chance(0.75);
    for (let i = 0; i < activities; i++) c.activiteiten.push(this.activity());
    return c;
  }

  /** `count` contracts, each with `activities` activities (default: 0 to 12 each). */
  contracts(count: number, activities?: number): Contract[] {
    return Array.from({ length: count }, () => this.contract(activities));
  }
}

/** `count` contracts from `seed`. */
export const generateContracts = (count: number, seed: number, activities?: number): Contract[] =>
  new ContractGenerator(seed).contracts(count, activities);

// A realistic synthetic portfolio for what-if runs and benchmarks, one contract at a time from a
// seed (so a million contracts never sit in memory): log-normal contract values, award dates
// spread evenly over both Rijnmond periods, activity counts growing with the contract's value,
// activity kinds and their fields drawn from the shared vocabulary. docs/whatif.md lists the
// distributions.
import {
  activityKinds,
  formatIsoDate,
  parseIsoDate,
  sharedEnumerationValues,
  type EnumerationName,
} from '@sroi/core';
import { seededRandom } from '../portfolio.js';

/** How often each activity kind appears (placements most: the Werken route dominates in practice). */
export const generatedKindWeights: Readonly<Record<string, number>> = {
  plaatsing: 40,
  leerling: 14,
  arbeidsontwikkeling: 10,
  scholing: 10,
  inkoop: 10,
  maatschappelijk: 8,
  investering: 3,
  maatwerk: 3,
  overdracht: 2,
};

const opdrachtsoorten = [
  ['diensten', 55],
  ['werken', 30],
  ['leveringen', 15],
] as const;
const municipalities = [
  'rotterdam',
  'schiedam',
  'maassluis',
  'vlaardingen',
  'nissewaard',
  'barendrecht',
  'capelle-aan-den-ijssel',
];
const descriptions = [
  'Schoonmaak',
  'Groenonderhoud',
  'ICT-diensten',
  'Catering',
  'Beveiliging',
  'Renovatie',
  'Wegonderhoud',
  'Leerlingenvervoer',
  'Afvalinzameling',
  'Nieuwbouw',
];

const FIRST = parseIsoDate('2019-10-01')!;
const LAST = parseIsoDate('2027-12-31')!;

/** A contract generator: call it for contract 0, 1, 2, ... (in that order) with one seed. */
export function contractGenerator(seed: number): (i: number) => Record<string, unknown> {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const sum = entries.reduce((s, [, w]) => s + w, 0);
    let r = random() * sum;
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[0]![0];
  };
  const kinds = Object.entries(generatedKindWeights);
  // Standard normal by Box-Muller (one of the pair; simplicity over speed).
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const enumValue = (e: EnumerationName) => pick(sharedEnumerationValues[e]);

  const activity = (kind: string): Record<string, unknown> => {
    const a: Record<string, unknown> = { soort: kind };
    for (const [name, spec] of Object.entries(activityKinds[kind]!)) {
      if (spec.presence !== 'required' && random() < 0.75) continue;
      const t = spec.type;
      if (name === 'omschrijving' || name === 'vanContract') continue;
      if (t.kind === 'enum') a[name] = enumValue(t.enumeration);
      else if (t.kind === 'boolean') a[name] = random() < 0.4;
      else if (t.kind === 'percentage') a[name] = int(20, 90);
      else if (t.kind === 'money') a[name] = `${int(5, 250) * 100}.00`;
      else if (t.kind === 'duration') a[name] = t.unit === 'uren' ? int(8, 200) : int(3, 36);
      else if (name === 'fte') a[name] = pick([0.5, 0.6, 0.8, 1, 1, 1, 1]);
      else if (name === 'niveau') a[name] = int(1, 4);
      else if (name === 'leeftijd') a[name] = int(18, 64);
    }
    return a;
  };

  return (i) => {
    // Log-normal: median € 250.000, σ = 1,3 (most contracts € 50.000 – € 1,5 mln, a long tail),
    // clipped to € 10.000 – € 50 mln, in whole hundreds of euros.
    const value = Math.min(
      50_000_000,
      Math.max(10_000, Math.round((250_000 * Math.exp(1.3 * normal())) / 100) * 100),
    );
    const award = FIRST + Math.floor(random() * (LAST - FIRST + 1));
    const start = award + int(14, 90);
    const end = start + int(12, 48) * 30;
    // About one activity per € 100.000 of obligation-bearing value, at most 12.
    const mean = Math.min(12, Math.max(0.3, Math.log10(value / 20_000) * 1.6));
    const n = Math.min(12, Math.floor(-mean * Math.log(1 - random()) + 0.5));
    return {
      id: `GEN-${String(i + 1).padStart(7, '0')}`,
      gemeente: pick(municipalities),
      omschrijving: pick(descriptions),
      opdrachtsoort: weighted(opdrachtsoorten),
      waarde: `${value}.00`,
      gunningsdatum: formatIsoDate(award),
      startdatum: formatIsoDate(start),
      einddatum: formatIsoDate(end),
      ...(random() < 0.05 ? { inspanningAangetoond: true } : {}),
      activiteiten: Array.from({ length: n }, () => activity(weighted(kinds))),
    };
  };
}

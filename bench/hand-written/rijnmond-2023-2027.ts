// The baseline of the benchmarks: Social Return Rijnmond 2023-2027 written by hand in plain
// TypeScript, the way a developer would without sroi — from the table in docs/domain.md ("Rijnmond
// 2023-2027") and the text of rulesets/rijnmond-2023-2027.sroi, not by calling our code.
//
// Exact to the cent: money is integer cents; fte, months and hours are taken in hundredths (a
// value with more decimals is refused loudly rather than rounded); every division rounds half
// away from zero, once, where the ruleset says `afronden`. All intermediate values stay far
// below 2^53 for contracts within the input limits (fte ≤ 1,5, months ≤ 120).
import type { Activity, Contract, Money } from '../contracts.js';

/** Everything the ruleset's outcomes say, in cents; percentage in hundredths of a percent. */
export interface HandResult {
  verplichting: number;
  /** The value of each activity, in input order. */
  waarderingen: number[];
  gerealiseerd: number;
  restant: number;
  /** 22222 is 222,22%; null without an obligation. */
  percentage: number | null;
  boete: number;
}

const PERIOD_FROM = '2023-07-01';
const PERIOD_TO = '2027-12-31';
const DREMPEL = 5_000_000; // € 50.000: in scope only when the value is above it ("boven")
const SR_PERCENTAGE = 5;
const TARIEFUPDATE = '2025-07-01';

/** Placement value per year for 1 fte (cents), gunningsdatum before the tariff update. */
const PLAATSING_2023: Readonly<Record<string, number>> = {
  participatiewet: 4_000_000,
  loonkostensubsidie: 4_500_000,
  banenafspraak: 4_500_000,
  ww: 1_500_000,
  wia: 2_500_000,
  nugger: 1_000_000,
  'jongere-zonder-startkwalificatie': 1_000_000,
};
/** From the tariff update: every value × 1,05, rounded to whole euros. */
const PLAATSING_2025: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(PLAATSING_2023).map(([doelgroep, cents]) => [
    doelgroep,
    divRound(cents * 105, 100 * 100) * 100,
  ]),
);
const MAX_MAANDEN_PLAATSING = 36; // banenafspraak and loonkostensubsidie: no maximum
const BONUS_ONBEPAALD = 750_000;
const BONUS_DUURZAAM = 500_000; // placement of more than 12 months

const LEERLING: Readonly<Record<string, number>> = {
  'mbo-bbl': 1_500_000,
  'mbo-bol': 500_000,
  hbo: 500_000,
  vso: 750_000,
  pro: 750_000,
};
const MAX_MAANDEN_LEERLING = 24;
const BONUS_ARBEIDSOVEREENKOMST = 500_000; // not for hbo

/** Arbeidsontwikkeling per month (cents), at most 12 months. */
const ONTWIKKELING: Readonly<Record<string, number>> = {
  'werk-fit': 50_000,
  voorschakelen: 75_000,
  'leren-en-werken': 100_000,
  inwerken: 50_000,
  doorstromen: 125_000,
};
const MAX_MAANDEN_ONTWIKKELING = 12;

const INKOOP_PERCENTAGE = 30;
const UURTARIEF = 10_000; // € 100 per uur
const BOETEPERCENTAGE = 100;

/** n / d rounded half away from zero (d > 0, |n| < 2^53): the float quotient corrected by the remainder. */
export function divRound(n: number, d: number): number {
  const a = n < 0 ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return n < 0 ? -q : q;
}

/** Money as cents: text with at most two decimals or a JSON number (both exact below 10^13). */
export function cents(money: Money): number {
  return Math.round((typeof money === 'number' ? money : Number(money)) * 100);
}

/** A number with at most two decimals, in hundredths; anything finer is refused, never rounded. */
export function hundredths(x: number): number {
  const h = Math.round(x * 100);
  if (h / 100 !== x) throw new RangeError(`hand-written Rijnmond: ${x} has more than two decimals`);
  return h;
}

/** Placement: year value × min(fte, 1) × counted months / 12, plus the one-off bonuses. */
function plaatsing(
  a: Extract<Activity, { soort: 'plaatsing' }>,
  jaarwaarden: Readonly<Record<string, number>>,
) {
  const jaar = jaarwaarden[a.doelgroep]!;
  const fte = Math.min(hundredths(a.fte), 100);
  const maanden = hundredths(a.maanden);
  const uncapped = a.doelgroep === 'banenafspraak' || a.doelgroep === 'loonkostensubsidie';
  const geteld = uncapped ? maanden : Math.min(maanden, MAX_MAANDEN_PLAATSING * 100);
  let bonus = 0;
  if (a.contractvorm === 'onbepaald') bonus += BONUS_ONBEPAALD;
  if (maanden > 12 * 100) bonus += BONUS_DUURZAAM;
  const d = 100 * 100 * 12;
  return divRound(jaar * fte * geteld + bonus * d, d);
}

function leerling(a: Extract<Activity, { soort: 'leerling' }>) {
  const jaar = LEERLING[a.opleiding]!;
  const fte = Math.min(hundredths(a.fte), 100);
  const maanden = Math.min(hundredths(a.maanden), MAX_MAANDEN_LEERLING * 100);
  const bonus = a.arbeidsovereenkomst === true && a.opleiding !== 'hbo' ? BONUS_ARBEIDSOVEREENKOMST : 0;
  const d = 100 * 100 * 12;
  return divRound(jaar * fte * maanden + bonus * d, d);
}

function arbeidsontwikkeling(a: Extract<Activity, { soort: 'arbeidsontwikkeling' }>) {
  const start = a.startkwalificatie === true;
  // Voorschakelen is for people without a startkwalificatie, leren en werken for those with one.
  if (a.vorm === 'voorschakelen' && start) return 0;
  if (a.vorm === 'leren-en-werken' && !start) return 0;
  const maanden = Math.min(hundredths(a.maanden), MAX_MAANDEN_ONTWIKKELING * 100);
  return divRound(ONTWIKKELING[a.vorm]! * maanden, 100);
}

function inkoop(a: Extract<Activity, { soort: 'inkoop' }>) {
  // Art. 2.82 Aw: a criterion counts only when it is given; one that fails makes the purchase count 0.
  // An SW-bedrijf is no sociaal ondernemer in this sense: it is not held to the criteria.
  if (a.leverancier === 'sw-bedrijf') return divRound(cents(a.factuurbedrag) * INKOOP_PERCENTAGE, 100);
  if (a.aandeelDoelgroep !== undefined && a.aandeelDoelgroep < 30) return 0;
  if (a.missieVoorop === false) return 0;
  if (a.aandeelCommercieel !== undefined && a.aandeelCommercieel < 50) return 0;
  return divRound(cents(a.factuurbedrag) * INKOOP_PERCENTAGE, 100);
}

/** Evaluates one contract (already valid under docs/contract-format.md) against Rijnmond 2023-2027. */
export function rijnmond20232027(contract: Contract): HandResult {
  const datum = contract.gunningsdatum;
  if (datum < PERIOD_FROM || datum > PERIOD_TO)
    throw new RangeError(`hand-written Rijnmond: gunningsdatum ${datum} outside 2023-2027`);
  const waarde = cents(contract.waarde);
  const verplichting = waarde > DREMPEL ? divRound(waarde * SR_PERCENTAGE, 100) : 0;
  const jaarwaarden = datum < TARIEFUPDATE ? PLAATSING_2023 : PLAATSING_2025;

  // Route totals: werken, leren, inkopen and investeren have no maximum.
  let zonderMaximum = 0;
  let maatschappelijk = 0;
  let open = 0;
  let overdracht = 0;
  const waarderingen: number[] = [];
  for (const a of contract.activiteiten) {
    let v: number;
    switch (a.soort) {
      case 'plaatsing':
        v = plaatsing(a, jaarwaarden);
        zonderMaximum += v;
        break;
      case 'leerling':
        v = leerling(a);
        zonderMaximum += v;
        break;
      case 'arbeidsontwikkeling':
        v = arbeidsontwikkeling(a);
        zonderMaximum += v;
        break;
      case 'scholing':
        v = cents(a.kosten);
        zonderMaximum += v;
        break;
      case 'inkoop':
        v = inkoop(a);
        zonderMaximum += v;
        break;
      case 'maatschappelijk':
        v = divRound(UURTARIEF * hundredths(a.uren), 100);
        maatschappelijk += v;
        break;
      case 'investering':
        v = cents(a.bedrag);
        zonderMaximum += v;
        break;
      case 'maatwerk':
        v = cents(a.bedrag);
        open += v;
        break;
      case 'overdracht':
        v = cents(a.bedrag);
        overdracht += v;
        break;
    }
    waarderingen.push(v);
  }
  const gerealiseerd =
    zonderMaximum +
    Math.min(maatschappelijk, divRound(verplichting * 10, 100)) +
    Math.min(open, divRound(verplichting * 20, 100)) +
    Math.min(overdracht, divRound(verplichting * 10, 100));
  const restant = Math.max(0, verplichting - gerealiseerd);
  const percentage = verplichting === 0 ? null : divRound(gerealiseerd * 10_000, verplichting);
  const boete =
    contract.inspanningAangetoond === true && restant > 0 ? 0 : divRound(restant * BOETEPERCENTAGE, 100);
  return { verplichting, waarderingen, gerealiseerd, restant, percentage, boete };
}

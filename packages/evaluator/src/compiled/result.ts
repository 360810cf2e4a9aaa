// From a fast run to the result JSON of contract-format.md — the same JSON the reference
// evaluator produces for the same contract (the differential tests hold them to that).
import {
  formatValue,
  moneyText,
  percentText,
  Rational,
  type IrDocument,
  type IrTemplate,
  type Language,
} from '@sroi/core';
import { capMelding, notValuedMelding } from '../engine-messages.js';
import { resultText, type Value } from '../interpret.js';
import type { EvaluationResult, Melding, RouteResultaat, Waardering } from '../result.js';
import { CAP_MESSAGE, NOT_VALUED_MESSAGE, type GeneratedPlan } from './codegen.js';
import type { FastResult } from './compiled-plan.js';

const STANDARD = new Set(['verplichting', 'gerealiseerd', 'restant', 'percentage', 'boete']);

/** Whether outcomes of this type come as a fraction (numerator and denominator), not a value. */
const isNumber = (type: IrDocument['outcomes'][number]['type']): boolean =>
  type.t !== 'janee' && type.t !== 'tekst' && type.t !== 'opsomming' && type.t !== 'rij';

const fractionValue = (n: number, d: number): Rational | null =>
  Number.isNaN(n) ? null : Rational.of(BigInt(n), BigInt(d));

/**
 * Whole cents as result text, exactly as `moneyText` writes them ("1234.56", "-0.05"), without
 * BigInt for safe integers: a batch writes a dozen amounts per contract.
 */
export function centsText(c: number): string {
  if (!Number.isSafeInteger(c)) return moneyText(Rational.of(BigInt(c)));
  const a = c < 0 ? -c : c;
  const cents = a % 100;
  return `${c < 0 ? '-' : ''}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/** What the result reads of the contract itself. */
type FastContract = { readonly id?: unknown; readonly activiteiten: readonly { readonly soort: string }[] };

interface Lookups {
  /** The route of each activity kind (the first route that lists it, as `routes.find` picks). */
  readonly route: Map<string, string>;
  /** The index of each outcome (the last of a name, as a Map built in IR order keeps it). */
  readonly outcome: Map<string, number>;
  /** The outcomes beyond the standard five, for `overige`. */
  readonly others: readonly IrDocument['outcomes'][number][];
  /** Result JSON that depends on the IR only: the ruleset's name, each route's name and label. */
  readonly json: {
    readonly regeling: string;
    readonly routeHeads: readonly string[];
    /** Per activity kind: what follows its index up to its amount, and what follows the amount. */
    readonly activity: Map<string, { readonly head: string; readonly tail: string }>;
  };
}

/** Per IR document, built once. */
const lookups = new WeakMap<IrDocument, Lookups>();
function lookupsOf(doc: IrDocument): Lookups {
  let l = lookups.get(doc);
  if (!l) {
    const route = new Map<string, string>();
    for (const r of doc.routes) for (const k of r.kinds) if (!route.has(k)) route.set(k, r.name);
    const outcome = new Map<string, number>();
    doc.outcomes.forEach((o, i) => outcome.set(o.name, i));
    const activity = new Map<string, { head: string; tail: string }>();
    for (const kind of new Set([...doc.valuations.map((v) => v.kind), ...route.keys()]))
      activity.set(kind, {
        head: `,"soort":${JSON.stringify(kind)},"bedrag":"`,
        tail: `","route":${JSON.stringify(route.get(kind) ?? '')}}`,
      });
    const json = {
      regeling: JSON.stringify(doc.ruleset.name),
      routeHeads: doc.routes.map(
        (r) => `{"naam":${JSON.stringify(r.name)},"label":${JSON.stringify(r.label)},`,
      ),
      activity,
    };
    l = { route, outcome, others: doc.outcomes.filter((o) => !STANDARD.has(o.name)), json };
    lookups.set(doc, l);
  }
  return l;
}

function messageText(
  template: IrTemplate,
  kinds: GeneratedPlan['templates'][number]['kinds'],
  values: readonly unknown[],
): string {
  let at = 0;
  let part = 0;
  return template
    .map((p) => {
      if ('text' in p) return p.text;
      const kind = kinds[part++];
      let v: Rational | boolean | string | null;
      if (kind === 'num') {
        v = fractionValue(values[at] as number, values[at + 1] as number);
        at += 2;
      } else v = values[at++] as boolean | string | null;
      return formatValue(v, p.type);
    })
    .join('');
}

/** The meldingen of a fast run: the engine's own (a cap, a kind not valued) and the ruleset's. */
function meldingenOf(
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: FastContract,
  fast: FastResult,
  lang: Language,
): Melding[] {
  return fast.messages.map((m): Melding => {
    const [id, act, ...values] = m as [number, number, ...unknown[]];
    if (id === CAP_MESSAGE) {
      const route = doc.routes[values[0] as number]!;
      // Safe integers (the generated code checks every sum against 2^53).
      const totaal = values[1] as number;
      const maximum = values[2] as number;
      return {
        soort: 'maximum',
        tekst: capMelding(route.label, maximum, totaal, lang),
        route: route.name,
      };
    }
    if (id === NOT_VALUED_MESSAGE) {
      const soort = contract.activiteiten[act]!.soort;
      return {
        soort: 'niet-gewaardeerd',
        tekst: notValuedMelding(soort, doc.ruleset.name, lang),
        activiteit: act,
      };
    }
    const t = generated.templates[id]!;
    const tekst = messageText(t.template, t.kinds, values);
    return act >= 0 ? { soort: t.soort, tekst, activiteit: act } : { soort: t.soort, tekst };
  });
}

/**
 * `JSON.stringify` of a melding of `meldingenOf`: its keys in the order they were made (soort,
 * tekst, then activiteit or route; the fast path never has a place).
 */
function meldingJson(m: Melding): string {
  let out = `{"soort":${JSON.stringify(m.soort)},"tekst":${JSON.stringify(m.tekst)}`;
  if (m.activiteit !== undefined) out += `,"activiteit":${m.activiteit}`;
  if (m.route !== undefined) out += `,"route":${JSON.stringify(m.route)}`;
  if (m.plaats !== undefined) out += `,"plaats":${JSON.stringify(m.plaats)}`;
  return `${out}}`;
}

/** The outcomes of a fast run as result text: money by name, the percentage, the further ones. */
function outcomesOf(doc: IrDocument, fast: FastResult) {
  const { outcome: outcomeIndex, others } = lookupsOf(doc);
  /** An outcome's value (undefined: no such outcome), its Rational made only when asked for. */
  const outcome = (name: string): Value | undefined => {
    const i = outcomeIndex.get(name);
    if (i === undefined) return undefined;
    return isNumber(doc.outcomes[i]!.type)
      ? fractionValue(fast.outcomes[2 * i]!, fast.outcomes[2 * i + 1]!)
      : (fast.otherOutcomes[i] as Value);
  };
  const money = (name: string) => {
    const i = outcomeIndex.get(name);
    // Whole cents (the usual case) straight from the numbers; anything else through the Rational.
    if (i !== undefined && isNumber(doc.outcomes[i]!.type)) {
      const n = fast.outcomes[2 * i]!;
      if (fast.outcomes[2 * i + 1] === 1 && Number.isSafeInteger(n)) return centsText(n);
    }
    const v = outcome(name);
    return v instanceof Rational ? moneyText(v) : '0.00';
  };
  // Keyed by outcome names, which may be `__proto__`: built with fromEntries, never by assignment.
  const overige: Record<string, string> | undefined = others.length
    ? Object.fromEntries(others.map((o) => [o.name, resultText(outcome(o.name) ?? null, o.type)]))
    : undefined;
  return { money, percentage: percentageText(outcomeIndex.get('percentage'), doc, fast, outcome), overige };
}

/**
 * The percentage as result text: `percentText` of its value. A ratio in hundredths of a percent
 * or coarser (n/d with d dividing 10000, as `afronden op 0,01%` gives) is whole hundredths of a
 * percent: written from the numbers, without BigInt.
 */
function percentageText(
  i: number | undefined,
  doc: IrDocument,
  fast: FastResult,
  outcome: (name: string) => Value | undefined,
): string | undefined {
  if (i !== undefined && isNumber(doc.outcomes[i]!.type)) {
    const n = fast.outcomes[2 * i]!;
    const d = fast.outcomes[2 * i + 1]!;
    const hundredths = n * (10_000 / d);
    if (d > 0 && 10_000 % d === 0 && Number.isSafeInteger(hundredths)) return centsText(hundredths);
  }
  const v = outcome('percentage');
  return v instanceof Rational ? percentText(v) : undefined;
}

export function resultFromFast(
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: FastContract,
  period: string,
  fast: FastResult,
  lang: Language = 'nl',
): EvaluationResult {
  const { route: routeOf } = lookupsOf(doc);
  const { money, percentage, overige } = outcomesOf(doc, fast);
  const waarderingen: Waardering[] = contract.activiteiten.map((a, index) => ({
    index,
    soort: a.soort,
    bedrag: centsText(fast.valuations[index]!),
    route: routeOf.get(a.soort) ?? '',
  }));
  const cents = centsText;
  const meldingen = meldingenOf(doc, generated, contract, fast, lang);
  const routes: RouteResultaat[] = doc.routes.map((r, i) => ({
    naam: r.name,
    label: r.label,
    totaal: cents(fast.routeTotals[i]!),
    gerealiseerd: cents(fast.routeRealised[i]!),
    ...(r.cap ? { maximum: cents(fast.routeCaps[i]!) } : {}),
  }));
  return {
    regeling: doc.ruleset.name,
    periode: period,
    ...(typeof contract.id === 'string' ? { contract: contract.id } : {}),
    verplichting: money('verplichting'),
    waarderingen,
    gerealiseerd: money('gerealiseerd'),
    restant: money('restant'),
    ...(percentage !== undefined ? { percentage } : {}),
    boete: money('boete'),
    routes,
    meldingen,
    ...(overige ? { overige } : {}),
  };
}

/**
 * `JSON.stringify(resultFromFast(...))`, written directly: the same text without building the
 * result object first (a batch writes millions of them). Money and percentages are digits, '-'
 * and '.', so they are quoted as they are; every other text goes through JSON.stringify. Each
 * melding is the object of resultFromFast, written by `meldingJson`; `overige` (rare) is
 * stringified.
 */
export function resultJsonFromFast(
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: FastContract,
  period: string,
  fast: FastResult,
  lang: Language = 'nl',
): string {
  const { route: routeOf, json } = lookupsOf(doc);
  const { money, percentage, overige } = outcomesOf(doc, fast);
  let out = `{"regeling":${json.regeling},"periode":${JSON.stringify(period)}`;
  if (typeof contract.id === 'string') out += `,"contract":${JSON.stringify(contract.id)}`;
  out += `,"verplichting":"${money('verplichting')}","waarderingen":[`;
  const activities = contract.activiteiten;
  for (let index = 0; index < activities.length; index++) {
    const soort = activities[index]!.soort;
    // The kind's JSON around the amount, prepared once per ruleset (any other kind: written here).
    const known = json.activity.get(soort);
    const head = known?.head ?? `,"soort":${JSON.stringify(soort)},"bedrag":"`;
    const tail = known?.tail ?? `","route":${JSON.stringify(routeOf.get(soort) ?? '')}}`;
    out += `${index === 0 ? '' : ','}{"index":${index}${head}${centsText(fast.valuations[index]!)}${tail}`;
  }
  out += `],"gerealiseerd":"${money('gerealiseerd')}","restant":"${money('restant')}"`;
  if (percentage !== undefined) out += `,"percentage":"${percentage}"`;
  out += `,"boete":"${money('boete')}","routes":[`;
  const routes = doc.routes;
  for (let i = 0; i < routes.length; i++) {
    out +=
      `${i === 0 ? '' : ','}${json.routeHeads[i]!}"totaal":"${centsText(fast.routeTotals[i]!)}",` +
      `"gerealiseerd":"${centsText(fast.routeRealised[i]!)}"` +
      `${routes[i]!.cap ? `,"maximum":"${centsText(fast.routeCaps[i]!)}"` : ''}}`;
  }
  out += '],"meldingen":[';
  const meldingen = fast.messages.length === 0 ? [] : meldingenOf(doc, generated, contract, fast, lang);
  for (let i = 0; i < meldingen.length; i++) out += (i === 0 ? '' : ',') + meldingJson(meldingen[i]!);
  out += ']';
  if (overige) out += `,"overige":${JSON.stringify(overige)}`;
  return `${out}}`;
}

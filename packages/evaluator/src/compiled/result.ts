// From a fast run to the result JSON of docs/contract-format.md — the same JSON the reference
// evaluator produces for the same contract (the differential tests hold them to that).
import {
  formatFraction,
  formatValue,
  isStandardOutcome,
  moneyText,
  percentText,
  plainCents,
  Rational,
  standardOutcomes,
  type IrDocument,
  type IrTemplate,
  type Language,
  type StandardOutcome,
} from '@sroi/core';
import { capMelding, durationMelding, notValuedMelding } from '../engine-messages.js';
import { resultText, type Value } from '../values.js';
import { berekendJson, berekendOf } from '../audit.js';
import type { EvaluationResult, Melding, RouteResultaat, Waardering } from '../result.js';
import { assembleResult, isOutcomeKey, resultKeys, type ResultParts } from '../result-shape.js';
import { CAP_MESSAGE, DURATION_MESSAGE, NOT_VALUED_MESSAGE, type GeneratedPlan } from './codegen.js';
import type { FastResult } from './fast-result.js';
import { utf8, type JsonBytes } from './json-bytes.js';

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
  if (c === 0) return '0.00'; // most routes of most contracts
  if (!Number.isSafeInteger(c)) return moneyText(Rational.of(BigInt(c)));
  return c < 0 ? '-' + plainCents(-c) : plainCents(c);
}

/** What the result reads of the contract itself. */
type FastContract = { readonly id?: unknown; readonly activiteiten: readonly { readonly soort: string }[] };

interface Lookups {
  /** The route of each activity kind (the first route that lists it, as `routes.find` picks). */
  readonly route: Map<string, string>;
  /** The index of each outcome (the last of a name, as a Map built in IR order keeps it). */
  readonly outcome: Map<string, number>;
  /** The indexes of the five outcomes every result shows (undefined: the ruleset has none). */
  readonly standard: Readonly<Record<StandardOutcome, number | undefined>>;
  /** The outcomes beyond the standard six, for `overige`. */
  readonly others: readonly IrDocument['outcomes'][number][];
  /**
   * Result JSON that depends on the IR only, as UTF-8: the ruleset's name after its key, each
   * period's name, each route's name and label, and per activity kind what follows its index up
   * to its amount and what follows the amount.
   */
  readonly json: {
    readonly start: Uint8Array;
    readonly periods: Map<string, Uint8Array>;
    readonly routeHeads: readonly Uint8Array[];
    readonly activity: Map<string, { readonly head: Uint8Array; readonly tail: Uint8Array }>;
  };
}

/** The JSON of an activity's result around its amount (after `{"index":n`, and after the amount). */
const activityJson = (kind: string, route: string | undefined) => ({
  head: `,"soort":${JSON.stringify(kind)},"bedrag":"`,
  tail: `","route":${JSON.stringify(route ?? '')}}`,
});

/** Per IR document, built once. */
const lookups = new WeakMap<IrDocument, Lookups>();
function lookupsOf(doc: IrDocument): Lookups {
  let l = lookups.get(doc);
  if (!l) {
    const route = new Map<string, string>();
    for (const r of doc.routes) for (const k of r.kinds) if (!route.has(k)) route.set(k, r.name);
    const outcome = new Map<string, number>();
    doc.outcomes.forEach((o, i) => outcome.set(o.name, i));
    const activity = new Map<string, { head: Uint8Array; tail: Uint8Array }>();
    for (const kind of new Set([...doc.valuations.map((v) => v.kind), ...route.keys()])) {
      const { head, tail } = activityJson(kind, route.get(kind));
      activity.set(kind, { head: utf8(head), tail: utf8(tail) });
    }
    const json = {
      start: utf8(`"regeling":${JSON.stringify(doc.ruleset.name)}`),
      periods: new Map(doc.periods.map((p) => [p.name, utf8(JSON.stringify(p.name))])),
      routeHeads: doc.routes.map((r) =>
        utf8(`{"naam":${JSON.stringify(r.name)},"label":${JSON.stringify(r.label)},"totaal":"`),
      ),
      activity,
    };
    const standard = Object.fromEntries(standardOutcomes.map((name) => [name, outcome.get(name)])) as Record<
      StandardOutcome,
      number | undefined
    >;
    l = { route, outcome, standard, others: doc.outcomes.filter((o) => !isStandardOutcome(o.name)), json };
    lookups.set(doc, l);
  }
  return l;
}

/** A melding's text from its template and the values the run recorded, from `values[at]` on. */
export function messageText(
  template: IrTemplate,
  kinds: GeneratedPlan['templates'][number]['kinds'],
  values: readonly unknown[],
  at = 0,
): string {
  let part = 0;
  let text = '';
  for (const p of template) {
    if ('text' in p) {
      text += p.text;
      continue;
    }
    if (kinds[part++] === 'num') {
      text += formatFraction(values[at] as number, values[at + 1] as number, p.type);
      at += 2;
    } else text += formatValue(values[at++] as boolean | string | null, p.type);
  }
  return text;
}

/**
 * A melding the generated code recorded — a route cap that bites ([CAP_MESSAGE, -1, route index,
 * total, cap]) or one of the ruleset's ([template id, activity index, ...values]) — as the
 * reference evaluator gives it without an explanation: its keys in the same order, no place.
 */
function recordedMelding(
  doc: IrDocument,
  generated: GeneratedPlan,
  m: readonly unknown[],
  lang: Language,
): Melding {
  const id = m[0] as number;
  const act = m[1] as number;
  let melding: Mutable<Melding>;
  if (id === CAP_MESSAGE) {
    const route = doc.routes[m[2] as number]!;
    // Safe integers (the generated code checks every sum against 2^53).
    const tekst = capMelding(route.label, m[4] as number, m[3] as number, lang);
    melding = { soort: 'maximum', tekst, route: route.name };
  } else {
    const t = generated.templates[id]!;
    melding = { soort: t.soort, tekst: messageText(t.template, t.kinds, m, 2) };
    if (act >= 0) melding.activiteit = act;
  }
  return melding as Melding;
}

/** `binnen`: [DURATION_MESSAGE, activity, months n, d, contract months n, d] as the reference words it. */
function durationMeldingOf(contract: FastContract, m: readonly unknown[], lang: Language): Melding {
  const act = m[1] as number;
  const a = contract.activiteiten[act]!;
  const omschrijving = (a as { omschrijving?: unknown }).omschrijving;
  const tekst = durationMelding(
    a.soort,
    typeof omschrijving === 'string' ? omschrijving : undefined,
    Rational.of(m[2] as number, m[3] as number),
    Rational.of(m[4] as number, m[5] as number),
    lang,
  );
  return { soort: 'looptijd', tekst, activiteit: act };
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
    if (m[0] === DURATION_MESSAGE) return durationMeldingOf(contract, m, lang);
    if (m[0] !== NOT_VALUED_MESSAGE) return recordedMelding(doc, generated, m, lang);
    const act = m[1] as number;
    const soort = contract.activiteiten[act]!.soort;
    return {
      soort: 'niet-gewaardeerd',
      tekst: notValuedMelding(soort, doc.ruleset.name, lang),
      activiteit: act,
    };
  });
}

/**
 * Writes `JSON.stringify` of a melding of `meldingenOf`: its keys in the order they were made
 * (soort, tekst, then activiteit or route; the fast path never has a place).
 */
function writeMelding(out: JsonBytes, m: Melding): void {
  out.bytes(JSON_SOORT);
  out.string(m.soort);
  out.bytes(JSON_TEKST);
  out.string(m.tekst);
  if (m.activiteit !== undefined) {
    out.bytes(JSON_ACTIVITEIT);
    out.digits(m.activiteit);
  }
  if (m.route !== undefined) {
    out.bytes(JSON_ROUTE);
    out.string(m.route);
  }
  if (m.plaats !== undefined) out.text(`,"plaats":${JSON.stringify(m.plaats)}`);
  out.byte(125); // }
}

/** Outcome `i`'s value; a number's Rational is made only when asked for (NaN: unknown). */
function outcomeValue(doc: IrDocument, fast: FastResult, i: number): Value {
  return isNumber(doc.outcomes[i]!.type)
    ? fractionValue(fast.outcomes[2 * i]!, fast.outcomes[2 * i + 1]!)
    : (fast.otherOutcomes[i] as Value);
}

/** Outcome `i` as a result amount ('0.00' when there is no such outcome or no amount). */
function moneyOf(doc: IrDocument, fast: FastResult, i: number | undefined): string {
  // Whole cents (the usual case) straight from the numbers; anything else through the Rational.
  const c = wholeCents(doc, fast, i);
  if (c !== undefined) return centsText(c);
  const v = i === undefined ? undefined : outcomeValue(doc, fast, i);
  return v instanceof Rational ? moneyText(v) : '0.00';
}

/** The outcomes beyond the standard six, by name, as result text; undefined when there are none. */
function overigeOf(doc: IrDocument, fast: FastResult, l: Lookups): Record<string, string> | undefined {
  if (l.others.length === 0) return undefined;
  // Keyed by outcome names, which may be `__proto__`: built with fromEntries, never by assignment.
  return Object.fromEntries(
    l.others.map((o) => {
      const i = l.outcome.get(o.name)!;
      return [o.name, resultText(outcomeValue(doc, fast, i), o.type)];
    }),
  );
}

/** Outcome `i` in whole cents, when its numbers say so exactly (the usual case); else undefined. */
function wholeCents(doc: IrDocument, fast: FastResult, i: number | undefined): number | undefined {
  if (i === undefined || !isNumber(doc.outcomes[i]!.type)) return undefined;
  const n = fast.outcomes[2 * i]!;
  return fast.outcomes[2 * i + 1] === 1 && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A ratio outcome in whole hundredths of a percent, when it is one (n/d with d dividing 10000, as
 * `afronden op 0,01%` gives); else undefined.
 */
function wholeHundredths(doc: IrDocument, fast: FastResult, i: number | undefined): number | undefined {
  if (i === undefined || !isNumber(doc.outcomes[i]!.type)) return undefined;
  const n = fast.outcomes[2 * i]!;
  const d = fast.outcomes[2 * i + 1]!;
  // Whether d divides 10000, without a double's `%` (a call into the runtime): for a positive
  // integer d, the quotient is an integer exactly when it divides.
  const per = 10_000 / d;
  const hundredths = n * per;
  return d > 0 && Number.isInteger(per) && Number.isSafeInteger(hundredths) ? hundredths : undefined;
}

/**
 * The percentage as result text: `percentText` of its value; whole hundredths of a percent are
 * written from the numbers, without BigInt.
 */
function percentageText(i: number | undefined, doc: IrDocument, fast: FastResult): string | undefined {
  const h = wholeHundredths(doc, fast, i);
  if (h !== undefined) return centsText(h);
  const v = i === undefined ? undefined : outcomeValue(doc, fast, i);
  return v instanceof Rational ? percentText(v) : undefined;
}

/** The result of a fast run: the JSON of the reference evaluator for the same contract. */
export function resultFromFast(
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: FastContract,
  period: string,
  fast: FastResult,
  lang: Language = 'nl',
): EvaluationResult {
  const l = lookupsOf(doc);
  const ix = l.standard;
  // Objects are built key by key in the reference's order, not with spreads: a spread copies
  // through a slow generic path (profiled).
  const activities = contract.activiteiten;
  const waarderingen: Waardering[] = new Array<Waardering>(activities.length);
  for (let index = 0; index < activities.length; index++) {
    const soort = activities[index]!.soort;
    const bedrag = centsText(fast.valuations[index]!);
    const route = l.route.get(soort) ?? '';
    waarderingen[index] = { index, soort, bedrag, route };
  }
  const meldingen = meldingenOf(doc, generated, contract, fast, lang);
  const routes: RouteResultaat[] = new Array<RouteResultaat>(doc.routes.length);
  for (let i = 0; i < doc.routes.length; i++) {
    const r = doc.routes[i]!;
    const naam = r.name;
    const label = r.label;
    // Where the realised amount is the total (no cap, or one that does not bite): written once.
    const totaal = centsText(fast.routeTotals[i]!);
    const gerealiseerd =
      fast.routeRealised[i] === fast.routeTotals[i] ? totaal : centsText(fast.routeRealised[i]!);
    // Each shape its own literal: keys added afterwards would move the object's properties out.
    if (r.cap) {
      const maximum = centsText(fast.routeCaps[i]!);
      routes[i] = { naam, label, totaal, gerealiseerd, maximum };
    } else routes[i] = { naam, label, totaal, gerealiseerd };
  }
  const parts: ResultParts = {
    regeling: doc.ruleset.name,
    periode: period,
    contract: typeof contract.id === 'string' ? contract.id : undefined,
    waarderingen,
    routes,
    meldingen,
    overige: overigeOf(doc, fast, l),
    berekend: berekendOf(doc, period),
  };
  for (const key of resultKeys)
    if (isOutcomeKey(key))
      parts[key] =
        key === 'percentage' ? percentageText(ix.percentage, doc, fast) : moneyOf(doc, fast, ix[key]);
  return assembleResult(parts);
}

/** A result or a melding while it is built, key by key. */
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** An amount in cents (always whole cents from the generated code) as result text. */
function writeCents(out: JsonBytes, c: number): void {
  if (Number.isSafeInteger(c)) out.cents(c);
  else out.text(centsText(c));
}

/**
 * `JSON.stringify(resultFromFast(...))` as UTF-8, written into `out` directly: the same text
 * without building the result object or a string first (a batch writes millions of them). Money
 * and percentages are digits, '-' and '.', so they are quoted as they are; every other text goes
 * through JSON.stringify. Each melding is the object of resultFromFast, written by `writeMelding`;
 * `overige` (rare) is stringified.
 */
export function writeResultJson(
  out: JsonBytes,
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: FastContract,
  period: string,
  fast: FastResult,
  lang: Language = 'nl',
): void {
  const l = lookupsOf(doc);
  const { route: routeOf, json, standard: ix } = l;
  out.byte(123); // {
  // The keys in the order of `resultKeys` (result-shape.ts), as resultFromFast builds them.
  for (const key of resultKeys) {
    switch (key) {
      case 'regeling':
        out.bytes(json.start);
        break;
      case 'periode': {
        out.bytes(JSON_PERIODE);
        const periodJson = json.periods.get(period);
        if (periodJson) out.bytes(periodJson);
        else out.string(period);
        break;
      }
      case 'contract':
        if (typeof contract.id === 'string') {
          out.bytes(JSON_KEYS.contract);
          out.string(contract.id);
        }
        break;
      case 'waarderingen': {
        out.bytes(JSON_KEYS.waarderingen);
        out.byte(91); // [
        const activities = contract.activiteiten;
        for (let index = 0; index < activities.length; index++) {
          const soort = activities[index]!.soort;
          out.bytes(index === 0 ? JSON_FIRST_INDEX : JSON_NEXT_INDEX);
          out.digits(index);
          // The kind's JSON around the amount, prepared once per ruleset (any other kind: made here).
          const known = json.activity.get(soort);
          if (known) {
            out.bytes(known.head);
            writeCents(out, fast.valuations[index]!);
            out.bytes(known.tail);
          } else {
            const { head, tail } = activityJson(soort, routeOf.get(soort));
            out.text(head);
            writeCents(out, fast.valuations[index]!);
            out.text(tail);
          }
        }
        out.byte(93); // ]
        break;
      }
      case 'routes': {
        out.bytes(JSON_KEYS.routes);
        out.byte(91); // [
        const routes = doc.routes;
        for (let r = 0; r < routes.length; r++) {
          if (r > 0) out.byte(44); // ,
          out.bytes(json.routeHeads[r]!);
          writeCents(out, fast.routeTotals[r]!);
          out.bytes(JSON_ROUTE_GEREALISEERD);
          writeCents(out, fast.routeRealised[r]!);
          if (routes[r]!.cap) {
            out.bytes(JSON_ROUTE_MAXIMUM);
            writeCents(out, fast.routeCaps[r]!);
          }
          out.bytes(JSON_ROUTE_END);
        }
        out.byte(93); // ]
        break;
      }
      case 'meldingen':
        out.bytes(JSON_KEYS.meldingen);
        out.byte(91); // [
        if (fast.messages.length > 0) {
          const meldingen = meldingenOf(doc, generated, contract, fast, lang);
          for (let m = 0; m < meldingen.length; m++) {
            if (m > 0) out.byte(44); // ,
            writeMelding(out, meldingen[m]!);
          }
        }
        out.byte(93); // ]
        break;
      case 'overige': {
        const overige = overigeOf(doc, fast, l);
        if (overige) out.text(`,"overige":${JSON.stringify(overige)}`);
        break;
      }
      case 'berekend':
        out.bytes(JSON_KEYS.berekend);
        out.text(berekendJson(doc, period));
        break;
      case 'uitleg':
        break; // the generated code never explains
      case 'percentage': {
        const percentage = percentageText(ix.percentage, doc, fast);
        if (percentage !== undefined) {
          out.bytes(JSON_KEYS.percentage);
          out.byte(34); // "
          out.text(percentage);
          out.byte(34);
        }
        break;
      }
      default: {
        // An amount: a standard outcome in whole cents, or through its Rational when it is not.
        out.bytes(JSON_KEYS[key]);
        out.byte(34); // "
        const c = wholeCents(doc, fast, ix[key]);
        if (c !== undefined) out.cents(c);
        else out.text(moneyOf(doc, fast, ix[key]));
        out.byte(34);
      }
    }
  }
  out.byte(125); // }
}

// The fixed JSON of a result line (`writeResultJson`): `,"key":` for every key of the shape, and
// what stands inside the lists.
const JSON_KEYS = Object.fromEntries(resultKeys.map((k) => [k, utf8(`,"${k}":`)])) as Record<
  (typeof resultKeys)[number],
  Uint8Array
>;
const JSON_PERIODE = JSON_KEYS.periode;
const JSON_FIRST_INDEX = utf8('{"index":');
const JSON_NEXT_INDEX = utf8(',{"index":');
const JSON_ROUTE_GEREALISEERD = utf8('","gerealiseerd":"');
const JSON_ROUTE_MAXIMUM = utf8('","maximum":"');
const JSON_ROUTE_END = utf8('"}');
const JSON_SOORT = utf8('{"soort":');
const JSON_TEKST = utf8(',"tekst":');
const JSON_ACTIVITEIT = utf8(',"activiteit":');
const JSON_ROUTE = utf8(',"route":');

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

const fractionValue = (n: number, d: number): Rational | null =>
  Number.isNaN(n) ? null : Rational.of(BigInt(n), BigInt(d));

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

export function resultFromFast(
  doc: IrDocument,
  generated: GeneratedPlan,
  contract: { readonly id?: unknown; readonly activiteiten: readonly { readonly soort: string }[] },
  period: string,
  fast: FastResult,
  lang: Language = 'nl',
): EvaluationResult {
  const outcome = new Map<string, Value>();
  doc.outcomes.forEach((o, i) => {
    const t = o.type.t;
    const isNumber = t !== 'janee' && t !== 'tekst' && t !== 'opsomming' && t !== 'rij';
    outcome.set(
      o.name,
      isNumber
        ? fractionValue(fast.outcomes[2 * i]!, fast.outcomes[2 * i + 1]!)
        : (fast.otherOutcomes[i] as Value),
    );
  });
  const routeOf = (soort: string) => doc.routes.find((r) => r.kinds.includes(soort));
  const waarderingen: Waardering[] = contract.activiteiten.map((a, index) => ({
    index,
    soort: a.soort,
    bedrag: moneyText(Rational.of(BigInt(fast.valuations[index]!))),
    route: routeOf(a.soort)?.name ?? '',
  }));
  const cents = (c: number) => moneyText(Rational.of(BigInt(c)));
  const meldingen: Melding[] = fast.messages.map((m) => {
    const [id, act, ...values] = m as [number, number, ...unknown[]];
    if (id === CAP_MESSAGE) {
      const route = doc.routes[values[0] as number]!;
      const totaal = Rational.of(BigInt(values[1] as number));
      const maximum = Rational.of(BigInt(values[2] as number));
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
  const routes: RouteResultaat[] = doc.routes.map((r, i) => ({
    naam: r.name,
    label: r.label,
    totaal: cents(fast.routeTotals[i]!),
    gerealiseerd: cents(fast.routeRealised[i]!),
    ...(r.cap ? { maximum: cents(fast.routeCaps[i]!) } : {}),
  }));
  const money = (name: string) => {
    const v = outcome.get(name);
    return v instanceof Rational ? moneyText(v) : '0.00';
  };
  const percentage = outcome.get('percentage');
  // Keyed by outcome names, which may be `__proto__`: built with fromEntries, never by assignment.
  const overige: Record<string, string> = Object.fromEntries(
    doc.outcomes
      .filter((o) => !STANDARD.has(o.name))
      .map((o) => [o.name, resultText(outcome.get(o.name) ?? null, o.type)]),
  );
  return {
    regeling: doc.ruleset.name,
    periode: period,
    ...(typeof contract.id === 'string' ? { contract: contract.id } : {}),
    verplichting: money('verplichting'),
    waarderingen,
    gerealiseerd: money('gerealiseerd'),
    restant: money('restant'),
    ...(percentage instanceof Rational ? { percentage: percentText(percentage) } : {}),
    boete: money('boete'),
    routes,
    meldingen,
    ...(Object.keys(overige).length ? { overige } : {}),
  };
}

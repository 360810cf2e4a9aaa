// A ruleset for the checker's tests: the smallest complete one, with declarations added or its
// header and periods replaced; what a test reads of the check is the codes it reports.
import { compileSource } from '../../src/compile.js';

const MINIMAL = `regeling "Minimaal"
  bron "test"
  periode "p" van 2024-01-01 tot en met 2024-12-31

opsomming opdrachtsoort: diensten, werken, leveringen
opsomming doelgroep: ww
opsomming contractvorm: bepaald, onbepaald
opsomming opleiding: hbo
opsomming vorm: werk-fit
opsomming leverancier: sw-bedrijf

parameter percentage_sr: percentage = 5%
  aanname "test"

waardering plaatsing = afronden(€ 10.000 per jaar × activiteit.maanden, op € 0,01)
  aanname "test"
waardering leerling = € 0 met melding "niet gewaardeerd"
waardering arbeidsontwikkeling = € 0 met melding "niet gewaardeerd"
waardering scholing = activiteit.kosten
waardering inkoop = € 0 met melding "niet gewaardeerd"
waardering maatschappelijk = € 0 met melding "niet gewaardeerd"
waardering investering = € 0 met melding "niet gewaardeerd"
waardering maatwerk = € 0 met melding "niet gewaardeerd"
waardering overdracht = € 0 met melding "niet gewaardeerd"

route alles "Alles": plaatsing, leerling, arbeidsontwikkeling, scholing, inkoop, maatschappelijk, investering, maatwerk, overdracht

uitkomst verplichting: bedrag = afronden(contract.waarde × percentage_sr, op € 0,01)
uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route)
uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)
uitkomst percentage: percentage optioneel =
  als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)
uitkomst boete: bedrag = restant

uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)
`;

/** The minimal ruleset with `extra` declarations after it, and optionally another header. */
export function rulesetWith(extra = '', header?: string): string {
  const text = `${MINIMAL}\n${extra}\n`;
  return header === undefined
    ? text
    : text.replace(/^regeling[^\n]*\n( {2}[^\n]*\n)*/, header.trimEnd() + '\n');
}

/**
 * The codes `compileSource` reports for a ruleset text, in order. The named-values warning
 * (SR3202, a literal inside a formula) is left out: these small rulesets write their values in
 * place on purpose, and check/literals.test.ts tests that check on its own.
 */
export function codesOf(text: string, options: { literals?: boolean } = {}): string[] {
  return compileSource('test.sroi', text)
    .diagnostics.map((d) => d.code)
    .filter((c) => options.literals || c !== 'SR3202');
}

/** The codes reported for the minimal ruleset with `extra` declarations (and another header). */
export const codesWith = (extra = '', header?: string): string[] => codesOf(rulesetWith(extra, header));

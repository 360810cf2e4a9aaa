// The meldingen the engine adds by itself (a route cap that bites, a kind the ruleset does not
// value), in the language of the evaluation. Both engines word them here, so they agree to the
// letter; meldingen a ruleset writes (`met melding "..."`) stay as written.
import { formatCents, formatValue, Rational, type Language } from '@sroi/core';

/** Money in cents: a Rational (the reference engine) or a safe integer (the generated code). */
const money = (r: Rational | number, lang: Language) =>
  typeof r === 'number' ? formatCents(r, lang) : formatValue(r, { t: 'bedrag' }, lang);

const rational = (x: Rational | number): Rational => (typeof x === 'number' ? Rational.of(x) : x);

/** "Route Werken begrensd op € 10.000,00: € 12.000,00 gewaardeerd, € 2.000,00 telt niet mee". */
export function capMelding(
  label: string,
  maximum: Rational | number,
  totaal: Rational | number,
  lang: Language,
): string {
  const over =
    typeof totaal === 'number' && typeof maximum === 'number'
      ? totaal - maximum
      : rational(totaal).sub(rational(maximum));
  return lang === 'en'
    ? `Route ${label} capped at ${money(maximum, lang)}: ${money(totaal, lang)} valued, ${money(over, lang)} does not count`
    : `Route ${label} begrensd op ${money(maximum, lang)}: ${money(totaal, lang)} gewaardeerd, ${money(over, lang)} telt niet mee`;
}

/** "Activiteitsoort maatwerk wordt in <regeling> niet gewaardeerd". */
export function notValuedMelding(soort: string, ruleset: string, lang: Language): string {
  return lang === 'en'
    ? `Activity kind ${soort} is not valued in ${ruleset}`
    : `Activiteitsoort ${soort} wordt in ${ruleset} niet gewaardeerd`;
}

/** Months as a person reads them ("14 maanden", "2,5 months"). */
const months = (r: Rational, lang: Language) => formatValue(r, { t: 'duur', unit: 'maand' }, lang);

/**
 * `binnen`: "Plaatsing "Schoonmaker" duurt 14 maanden: 2 maanden buiten de looptijd van het contract
 * (12 maanden); de waardering blijft gelijk". The activity is named by its kind and omschrijving;
 * its index is the melding's `activiteit` (a text with the index would change with the order).
 */
export function durationMelding(
  soort: string,
  omschrijving: string | undefined,
  maanden: Rational,
  contract: Rational,
  lang: Language,
): string {
  const named = soort.charAt(0).toUpperCase() + soort.slice(1);
  const what =
    omschrijving === undefined ? named : `${named} ${formatValue(omschrijving, { t: 'tekst' }, lang)}`;
  const over = months(maanden.sub(contract), lang);
  return lang === 'en'
    ? `${what} lasts ${months(maanden, lang)}: ${over} outside the contract's duration (${months(contract, lang)}); its value is unchanged`
    : `${what} duurt ${months(maanden, lang)}: ${over} buiten de looptijd van het contract (${months(contract, lang)}); de waardering blijft gelijk`;
}

// The meldingen the engine adds by itself (a route cap that bites, a kind the ruleset does not
// value), in the language of the evaluation. Both engines word them here, so they agree to the
// letter; meldingen a ruleset writes (`met melding "..."`) stay as written.
import { formatValue, type Language, type Rational } from '@sroi/core';

const money = (r: Rational, lang: Language) => formatValue(r, { t: 'bedrag' }, lang);

/** "Route Werken begrensd op € 10.000,00: € 12.000,00 gewaardeerd, € 2.000,00 telt niet mee". */
export function capMelding(label: string, maximum: Rational, totaal: Rational, lang: Language): string {
  const over = totaal.sub(maximum);
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

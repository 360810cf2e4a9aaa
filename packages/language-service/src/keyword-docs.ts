// What each keyword concept of the grammar means, in a sentence, for hover and completion. Keyed by
// the grammar's concept names (`KeywordName`), so a concept added to the grammar without a
// description is a type error here.
import type { Language } from '@sroi/core';
import type { KeywordName } from '@sroi/grammar';

const docs: Record<KeywordName, { nl: string; en: string }> = {
  Regeling: {
    nl: 'Begin van een regeling: haar naam en kop.',
    en: 'Start of a ruleset: its name and header.',
  },
  Versie: { nl: 'De versie van de regeling, als tekst.', en: 'The version of the ruleset, as text.' },
  Regio: {
    nl: 'De arbeidsmarktregio waarvoor de regeling geldt.',
    en: 'The labour-market region the ruleset is for.',
  },
  Gemeente: { nl: 'De gemeente waarvoor de regeling geldt.', en: 'The municipality the ruleset is for.' },
  Bron: {
    nl: 'Openbare bron van een waarde of regel: wordt in elke uitleg getoond.',
    en: 'Public source of a value or rule: shown in every explanation.',
  },
  Aanname: {
    nl: 'Voorlopige waarde zonder openbare bron: de uitleg markeert haar als aanname.',
    en: 'Provisional value without a public source: explanations mark it as an assumption.',
  },
  Document: {
    nl: 'Een document dat de regeling citeert: naam, titel, bestand (voor sroi check --bronnen) en vindplaats.',
    en: 'A document the ruleset quotes: name, title, file (for sroi check --bronnen) and location.',
  },
  Bestand: {
    nl: "Bestandsnaam van de tekst van een document, gezocht in de map van 'sroi check --bronnen'.",
    en: "File name of a document's text, looked up in the directory of 'sroi check --bronnen'.",
  },
  Vindplaats: {
    nl: 'Waar een lezer het document vindt: een URL of een publicatie.',
    en: 'Where a reader finds the document: a URL or a publication.',
  },
  Breidt: {
    nl: '\'breidt uit "basis.sroi"\': deze regeling is een variant; ze noemt alleen haar verschillen.',
    en: '\'breidt uit "base.sroi"\': this ruleset is a variant stating only its differences.',
  },
  Uit: { nl: "Deel van 'breidt uit'.", en: "Part of 'breidt uit' (extends)." },
  Extends: {
    nl: "'extends \"basis.sroi\"': Engelse spelling van 'breidt uit'.",
    en: '\'extends "base.sroi"\': this ruleset is a variant stating only its differences.',
  },
  Peildatum: {
    nl: 'Het contractveld (datum) dat de periode en elke gedateerde waarde kiest.',
    en: 'The contract date field that picks the period and every dated value.',
  },
  Periode: { nl: 'Een beleidsperiode; beide einden tellen mee.', en: 'A policy period; both ends included.' },
  Van: {
    nl: "Begin van een periode: 'van DATUM tot en met DATUM'.",
    en: "Start of a period: 'from DATE through DATE'.",
  },
  Vanaf: {
    nl: "'vanaf DATUM: waarde': een waarde die geldt vanaf die peildatum.",
    en: "'vanaf DATE: value': a value that holds from that reference date on.",
  },
  Tot: { nl: "Einde van een periode: 'tot en met DATUM'.", en: "End of a period: 'tot en met DATE'." },
  Met: {
    nl: "'tot en met', of 'met melding \"...\"'.",
    en: "'tot en met' (through), or 'met melding' (with message).",
  },
  Through: { nl: "Engelse spelling van 'tot en met'.", en: 'End of a period, inclusive.' },
  Opsomming: {
    nl: 'Een opsomming: de toegestane waarden van een veld.',
    en: 'An enumeration: the allowed values of a field.',
  },
  Parameter: {
    nl: 'Een vaste of per peildatum gedateerde waarde, met bron of aanname.',
    en: 'A constant or dated value, with a source or assumption.',
  },
  Definitie: {
    nl: "Een benoemde formule; met 'bij soort' per activiteit.",
    en: "A named formula; with 'bij kind' per activity.",
  },
  Bij: {
    nl: "'bij soort': de definitie geldt per activiteit van die soort.",
    en: "'bij kind': the definition holds per activity of that kind.",
  },
  Tabel: {
    nl: 'Een beslistabel: invoerkolommen, uitvoer en rijen.',
    en: 'A decision table: input columns, output and rows.',
  },
  Uniek: {
    nl: 'Tabelregel: precies één rij past (overlap is een fout).',
    en: 'Hit policy: exactly one row matches (overlap is an error).',
  },
  Eerste: {
    nl: 'Tabelregel: de eerste passende rij telt.',
    en: 'Hit policy: the first matching row counts.',
  },
  Som: {
    nl: "Optellen: 'som(formule voor elke activiteit)', of tabelregel: alle passende rijen opgeteld.",
    en: "Sum: 'som(formula voor elke activiteit)', or hit policy: all matching rows added.",
  },
  Waardering: {
    nl: 'De waarde van een activiteit van een soort, in euro.',
    en: 'The value of an activity of a kind, in euro.',
  },
  Route: {
    nl: 'Een route: activiteitsoorten die samen tellen, eventueel met een maximum.',
    en: 'A route: activity kinds counted together, possibly capped.',
  },
  Maximum: { nl: 'Het maximum dat een route bijdraagt.', en: 'The most a route contributes.' },
  Uitkomst: {
    nl: 'Een uitkomst van het resultaat (verplichting, restant, boete, ...).',
    en: 'An outcome of the result (obligation, remainder, penalty, ...).',
  },
  Vereist: {
    nl: 'Een voorwaarde voor een waardering: \'vereist formule met melding "..."\'.',
    en: 'A requirement of a valuation: \'vereist formula met melding "..."\'.',
  },
  Binnen: {
    nl: "Bij een waardering: 'binnen looptijd_contract' geeft een melding als de maanden van de activiteit langer zijn dan het contract; de waarde blijft gelijk.",
    en: "In a valuation: 'binnen contract_duration' (within) gives a melding when the activity's months run past the contract; its value is unchanged.",
  },
  Als: { nl: "'als voorwaarde dan a anders b'.", en: "'als condition dan a anders b' (if, then, else)." },
  Dan: { nl: "Deel van 'als ... dan ... anders'.", en: "Part of 'als ... dan ... anders' (then)." },
  Anders: { nl: "Deel van 'als ... dan ... anders'.", en: "Part of 'als ... dan ... anders' (else)." },
  En: { nl: 'Beide voorwaarden gelden.', en: 'Both conditions hold.' },
  Tussen: {
    nl: "'parameter p: percentage tussen 0% en 100%': elke waarde van p ligt in dit bereik (grenzen inbegrepen).",
    en: "'parameter p: percentage between 0% and 100%': every value of p lies in this range (bounds included).",
  },
  Of: { nl: 'Minstens één voorwaarde geldt.', en: 'At least one condition holds.' },
  Niet: { nl: 'De voorwaarde geldt niet.', en: 'The condition does not hold.' },
  In: {
    nl: "'x in (a, b)': x is een van de waarden; ook 'duur in maanden'.",
    en: "'x in (a, b)': x is one of the values; also 'duur in maanden'.",
  },
  Afronden: {
    nl: "'afronden(x, op € 1)': afronden op een veelvoud.",
    en: "'afronden(x, op € 1)': round to a multiple.",
  },
  Op: { nl: "Deel van 'afronden(x, op ...)'.", en: "Part of 'afronden(x, op ...)' (to)." },
  Naar: {
    nl: "Richting van afronden: 'naar beneden' of 'naar boven'.",
    en: "Rounding direction: 'naar beneden' (down) or 'naar boven' (up).",
  },
  Beneden: { nl: 'Afronden naar beneden.', en: 'Round down.' },
  Boven: { nl: 'Afronden naar boven.', en: 'Round up.' },
  Melding: {
    nl: 'Een melding die in het resultaat verschijnt.',
    en: 'A message that appears in the result.',
  },
  Onbekend: {
    nl: 'Geen waarde: een optioneel veld dat ontbreekt.',
    en: 'No value: an optional field that is absent.',
  },
  Ja: { nl: 'Waar (janee).', en: 'True (boolean).' },
  Nee: { nl: 'Onwaar (janee).', en: 'False (boolean).' },
  Optioneel: { nl: 'Het type mag onbekend zijn.', en: 'The type may be unknown.' },
  Voorbeeld: {
    nl: 'Een uitgewerkt voorbeeld: contract, activiteiten en de verwachte uitkomsten; draait als test.',
    en: 'A worked example: contract, activities and expected outcomes; runs as a test.',
  },
  Contract: {
    nl: "Het contract; 'contract.veld' leest een contractveld.",
    en: "The contract; 'contract.field' reads a contract field.",
  },
  Activiteit: {
    nl: "Een activiteit; 'activiteit.veld' leest een veld van de activiteit.",
    en: "An activity; 'activiteit.field' reads a field of the activity.",
  },
  Verwacht: { nl: 'De uitkomsten die het voorbeeld moet geven.', en: 'The outcomes the example must give.' },
  Voor: {
    nl: "'voor elke activiteit' of 'voor elk contract'.",
    en: "'voor elke activiteit' (for each activity) or 'voor elk contract'.",
  },
  Elke: { nl: "Deel van 'voor elke ...'.", en: "Part of 'voor elke ...' (each)." },
  Waarbij: {
    nl: "Filter in een som: 'waarbij voorwaarde'.",
    en: "Filter of a sum: 'waarbij condition' (where).",
  },
  Eigenschap: {
    nl: 'Een eigenschap die voor elk contract moet gelden; getest met gegenereerde contracten.',
    en: 'A property that must hold for every contract; tested with generated contracts.',
  },
  Per: { nl: "Een tarief: 'bedrag per jaar'.", en: "A rate: 'bedrag per jaar' (per year)." },
  Euro: { nl: 'Een bedrag in euro.', en: 'An amount in euro.' },
  Bedrag: { nl: 'Type: een bedrag in euro (op de cent).', en: 'Type: an amount in euro (to the cent).' },
  Getal: { nl: 'Type: een getal.', en: 'Type: a number.' },
  Percentage: { nl: 'Type: een percentage.', en: 'Type: a percentage.' },
  Datum: { nl: 'Type: een datum (JJJJ-MM-DD).', en: 'Type: a date (YYYY-MM-DD).' },
  Duur: { nl: "Type: een duur, 'duur in maanden'.", en: "Type: a duration, 'duur in maanden'." },
  Tekst: { nl: 'Type: een tekst.', en: 'Type: a text.' },
  JaNee: { nl: 'Type: ja of nee.', en: 'Type: yes or no.' },
  Jaar: { nl: 'Eenheid: jaar (12 maanden).', en: 'Unit: year (12 months).' },
  Maand: { nl: 'Eenheid: maand.', en: 'Unit: month.' },
  Week: { nl: 'Eenheid: week (7 dagen).', en: 'Unit: week (7 days).' },
  Dag: { nl: 'Eenheid: dag.', en: 'Unit: day.' },
  Uur: { nl: 'Eenheid: uur.', en: 'Unit: hour.' },
};

/** The meaning of a keyword concept (`Als`), or undefined for a name that is no concept. */
export function keywordDescription(concept: string, language: Language): string | undefined {
  return Object.hasOwn(docs, concept) ? docs[concept as KeywordName][language] : undefined;
}

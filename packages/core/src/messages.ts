// The catalogue of diagnostics: stable codes by stage, Dutch and English text from one place (STYLE 8).
//   SR1xxx syntax · SR2xxx names and structure · SR3xxx types and units
//   SR4xxx tables, periods and reachability · SR5xxx contract input and evaluation · SR6xxx IR and examples

/** How bad a problem is. */
export type Severity = 'error' | 'warning' | 'info';

interface Text {
  readonly nl: string;
  readonly en: string;
}
export interface MessageDefinition extends Text {
  readonly severity: Severity;
  readonly hint?: Text;
}

export const messages = {
  // ── SR1: syntax ────────────────────────────────────────────────────────────
  SR1001: {
    severity: 'error',
    nl: 'Onbekend teken {text}',
    en: 'Unexpected character {text}',
    hint: {
      nl: 'Tekst staat tussen dubbele aanhalingstekens; commentaar begint met #.',
      en: 'Text goes between double quotes; comments start with #.',
    },
  },
  SR1002: {
    severity: 'error',
    nl: 'Onverwacht {found}; verwacht: {expected}',
    en: 'Unexpected {found}; expected: {expected}',
  },
  SR1004: {
    severity: 'error',
    nl: 'Onverwacht {found}: hier begint geen declaratie',
    en: 'Unexpected {found}: no declaration starts here',
    hint: {
      nl: 'Elke declaratie begint met een sleutelwoord zoals parameter, definitie, tabel of waardering.',
      en: 'Every declaration starts with a keyword such as parameter, definitie, tabel or waardering.',
    },
  },
  SR1005: {
    severity: 'error',
    nl: 'Haakjes zijn te diep genest (meer dan {limit} niveaus)',
    en: 'Parentheses nest too deeply (more than {limit} levels)',
    hint: {
      nl: 'Splits de formule op in definities met een naam.',
      en: 'Split the formula into named definitions.',
    },
  },
  SR1006: {
    severity: 'error',
    nl: 'Dit is geen tekstbestand: het bevat een {what} op positie {offset}',
    en: 'This is not a text file: it contains a {what} at offset {offset}',
    hint: {
      nl: 'Regelingen, contracten en sets zijn UTF-8-tekst: sla het bestand op als UTF-8.',
      en: 'Rulesets, contracts and sets are UTF-8 text: save the file as UTF-8.',
    },
  },
  SR1007: {
    severity: 'error',
    nl: 'Tekst zonder afsluitend aanhalingsteken',
    en: 'Unterminated text',
    hint: { nl: 'Sluit de tekst af met " op dezelfde regel.', en: 'Close the text with " on the same line.' },
  },
  SR1008: {
    severity: 'error',
    nl: 'Getal {text} is niet in Nederlandse notatie',
    en: 'Number {text} is not in Dutch notation',
    hint: {
      nl: 'Gebruik een decimale komma ({fixed}); een punt scheidt alleen groepen van drie cijfers (€ 50.000).',
      en: 'Use a decimal comma ({fixed}); a dot only separates groups of three digits (€ 50.000).',
    },
  },
  SR1009: {
    severity: 'error',
    nl: 'Datum {text} bestaat niet',
    en: 'Date {text} does not exist',
    hint: { nl: 'Schrijf een bestaande datum als JJJJ-MM-DD.', en: 'Write an existing date as YYYY-MM-DD.' },
  },
  SR1010: {
    severity: 'error',
    nl: 'Te veel fouten; alleen de eerste {limit} worden getoond',
    en: 'Too many errors; only the first {limit} are shown',
  },
  SR1011: {
    severity: 'error',
    nl: 'Ongeldige interpolatie {text} in tekst',
    en: 'Invalid interpolation {text} in text',
    hint: {
      nl: 'Tussen accolades staat een naam, zoals {activiteit.maanden}.',
      en: 'Braces hold a name, such as {activiteit.maanden}.',
    },
  },
  SR1013: {
    severity: 'error',
    nl: 'Vergelijkingen kunnen niet worden geketend',
    en: 'Comparisons cannot be chained',
    hint: { nl: 'Schrijf a < b en b < c.', en: 'Write a < b en b < c.' },
  },
  SR1012: {
    severity: 'error',
    nl: 'Bestand is te groot ({size}; maximaal {limit})',
    en: 'File is too large ({size}; at most {limit})',
  },
  SR1050: {
    severity: 'error',
    nl: 'Bedrag {text} heeft drie cijfers na de komma',
    en: 'Amount {text} has three digits after the comma',
    hint: {
      nl: 'Bedragen hebben hoogstens twee decimalen; een punt scheidt groepen van drie cijfers, zoals in {fixed}.',
      en: 'Amounts have at most two decimals; a dot separates groups of three digits, as in {fixed}.',
    },
  },
  SR1051: {
    severity: 'error',
    nl: 'Onverwacht {found} in een periode; verwacht: {expected}',
    en: 'Unexpected {found} in a period; expected: {expected}',
    hint: {
      nl: 'Een periode staat op één regel, met beide data inbegrepen: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31',
      en: 'A period is one line, both dates included: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31 (English: period "2023-2027" from 2023-07-01 through 2027-12-31)',
    },
  },
  SR1100: {
    severity: 'warning',
    nl: 'Onzichtbaar stuurteken {char}: een editor of terminal kan de tekst anders tonen dan sroi hem leest',
    en: 'Invisible control character {char}: an editor or terminal may show the text differently from how sroi reads it',
    hint: {
      nl: 'Verwijder het teken (richtingtekens en C1-stuurtekens horen niet in een regeling).',
      en: 'Remove the character (direction controls and C1 controls do not belong in a ruleset).',
    },
  },

  // ── SR2: names and structure ───────────────────────────────────────────────
  SR2001: {
    severity: 'error',
    nl: 'Onbekende naam {name}',
    en: 'Unknown name {name}',
  },
  SR2002: {
    severity: 'error',
    nl: '{kind} {name} is al gedeclareerd',
    en: '{kind} {name} is already declared',
    hint: { nl: 'Geef een van beide een andere naam.', en: 'Rename one of them.' },
  },
  SR2003: {
    severity: 'error',
    nl: 'Kringverwijzing tussen definities: {cycle}',
    en: 'Definitions refer to each other in a cycle: {cycle}',
    hint: {
      nl: 'Een definitie mag niet (via andere) van zichzelf afhangen.',
      en: 'A definition must not depend on itself, directly or through others.',
    },
  },
  SR2004: {
    severity: 'warning',
    nl: '{kind} {name} wordt nergens gebruikt',
    en: '{kind} {name} is never used',
    hint: { nl: 'Verwijder hem of gebruik hem in een formule.', en: 'Remove it or use it in a formula.' },
  },
  SR2005: {
    severity: 'error',
    nl: 'Uitkomst {name} ontbreekt',
    en: 'Outcome {name} is missing',
    hint: {
      nl: 'Elke regeling definieert de uitkomsten verplichting, gerealiseerd, restant, overschot, percentage en boete.',
      en: 'Every ruleset defines the outcomes verplichting, gerealiseerd, restant, overschot, percentage and boete.',
    },
  },
  SR2006: {
    severity: 'error',
    nl: 'Onbekende activiteitsoort {name}',
    en: 'Unknown activity kind {name}',
    hint: { nl: 'Bekende soorten: {allowed}.', en: 'Known kinds: {allowed}.' },
  },
  SR2007: {
    severity: 'error',
    nl: '{record} heeft geen veld {name}',
    en: '{record} has no field {name}',
    hint: { nl: 'Velden: {allowed}.', en: 'Fields: {allowed}.' },
  },
  SR2008: {
    severity: 'error',
    nl: '{value} is geen waarde van opsomming {enum}',
    en: '{value} is not a value of enumeration {enum}',
    hint: { nl: 'Toegestaan: {allowed}.', en: 'Allowed: {allowed}.' },
  },
  SR2009: {
    severity: 'error',
    nl: 'Basisregeling {path} kan niet worden gelezen: {reason}',
    en: 'Base ruleset {path} cannot be read: {reason}',
  },
  SR2010: {
    severity: 'error',
    nl: 'Opsomming {name} ontbreekt; het contractveld {field} gebruikt haar',
    en: 'Enumeration {name} is missing; contract field {field} uses it',
    hint: { nl: 'Declareer: opsomming {name}: {allowed}', en: 'Declare: opsomming {name}: {allowed}' },
  },
  SR2011: {
    severity: 'warning',
    nl: 'Activiteitsoort {name} heeft geen waardering; ze telt als € 0 met een melding',
    en: 'Activity kind {name} has no valuation; it counts as € 0 with a message',
    hint: {
      nl: 'Schrijf: waardering {name} = € 0 met melding "..." om dat expliciet te maken.',
      en: 'Write: waardering {name} = € 0 met melding "..." to make that explicit.',
    },
  },
  SR2012: {
    severity: 'error',
    nl: 'Activiteitsoort {name} hoort bij {count} routes; precies één is nodig',
    en: 'Activity kind {name} belongs to {count} routes; exactly one is needed',
    hint: {
      nl: 'Elke soort telt mee in precies één route, zodat een maximum per route eenduidig is.',
      en: 'Each kind counts in exactly one route, so that a cap per route is unambiguous.',
    },
  },
  SR2013: {
    severity: 'error',
    nl: '{name} verwacht {expected} argumenten, niet {actual}',
    en: '{name} takes {expected} arguments, not {actual}',
  },
  SR2014: {
    severity: 'error',
    nl: '{name} bestaat alleen binnen een waardering of een definitie bij een activiteitsoort',
    en: '{name} exists only inside a valuation or a definition for an activity kind',
    hint: {
      nl: 'Schrijf: definitie naam bij plaatsing: ... = ... , of tel op met som(... voor elke activiteit).',
      en: 'Write: definitie name bij plaatsing: ... = ... , or add up with som(... voor elke activiteit).',
    },
  },
  SR2015: {
    severity: 'error',
    nl: 'Regelingen breiden elkaar in een kring uit: {cycle}',
    en: 'Rulesets extend each other in a cycle: {cycle}',
  },
  SR2016: {
    severity: 'error',
    nl: '{name} is geen uitkomst van deze regeling',
    en: '{name} is not an outcome of this ruleset',
    hint: { nl: 'Uitkomsten: {allowed}.', en: 'Outcomes: {allowed}.' },
  },
  SR2017: {
    severity: 'error',
    nl: 'Het contract kent geen veld {name}',
    en: 'The contract has no field {name}',
    hint: { nl: 'Velden: {allowed}.', en: 'Fields: {allowed}.' },
  },
  SR2018: {
    severity: 'error',
    nl: 'De regeling heeft geen periode',
    en: 'The ruleset has no period',
    hint: {
      nl: 'Voeg toe: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31',
      en: 'Add: periode "2023-2027" van 2023-07-01 tot en met 2027-12-31',
    },
  },
  SR2019: {
    severity: 'error',
    nl: '{name} is een {kind}, geen {expected}',
    en: '{name} is a {kind}, not a {expected}',
  },
  SR2020: {
    severity: 'error',
    nl: 'Verplicht veld {name} ontbreekt in {record}',
    en: 'Required field {name} is missing in {record}',
  },
  SR2021: {
    severity: 'error',
    nl: 'Waarde {value} past in meer dan één opsomming ({enums})',
    en: 'Value {value} fits more than one enumeration ({enums})',
    hint: {
      nl: 'Vergelijk haar met een veld, zodat duidelijk is welke opsomming bedoeld is.',
      en: 'Compare it with a field so that the enumeration is clear.',
    },
  },
  SR2022: {
    severity: 'error',
    nl: 'Peildatum {name} is geen datumveld van het contract',
    en: 'Reference date {name} is not a date field of the contract',
    hint: { nl: 'Datumvelden: {allowed}.', en: 'Date fields: {allowed}.' },
  },
  SR2023: {
    severity: 'warning',
    nl: 'Regeling {name} noemt geen bron',
    en: 'Ruleset {name} cites no source',
    hint: { nl: 'Voeg bron "..." toe aan de kop.', en: 'Add bron "..." to the header.' },
  },
  SR2024: {
    severity: 'warning',
    nl: '{what} heeft geen bron of aanname',
    en: '{what} has no bron or aanname',
    hint: {
      nl: 'Elke waarde noemt haar herkomst: bron "..." voor een openbare bron, aanname "..." voor een voorlopige waarde.',
      en: 'Every value names its origin: bron "..." for a public source, aanname "..." for a provisional value.',
    },
  },

  SR2100: {
    severity: 'error',
    nl: 'Te veel regelingen breiden elkaar uit: meer dan {limit} achter elkaar',
    en: 'Too many rulesets extend each other: more than {limit} in a row',
    hint: {
      nl: 'Neem de waarden van een tussenliggende regeling over in plaats van haar uit te breiden.',
      en: 'Copy the values of an intermediate ruleset instead of extending it.',
    },
  },
  SR2101: {
    severity: 'error',
    nl: '{path} is geen regeling: het begint niet met regeling "..."',
    en: '{path} is not a ruleset: it does not start with regeling "..."',
    hint: {
      nl: 'breidt uit noemt een .sroi-bestand met een regeling; de inhoud van andere bestanden wordt niet getoond.',
      en: 'breidt uit names a .sroi file holding a ruleset; the contents of other files are not shown.',
    },
  },

  // ── SR3: types and units ───────────────────────────────────────────────────
  SR3001: {
    severity: 'error',
    nl: '{left} {op} {right} heeft geen betekenis',
    en: '{left} {op} {right} has no meaning',
  },
  SR3002: {
    severity: 'error',
    nl: 'Verwacht {expected}, maar dit is {actual}',
    en: 'Expected {expected}, but this is {actual}',
  },
  SR3003: {
    severity: 'error',
    nl: 'Een voorwaarde moet ja/nee zijn, maar dit is {actual}',
    en: 'A condition must be ja/nee, but this is {actual}',
  },
  SR3004: {
    severity: 'error',
    nl: 'De takken van als ... dan ... anders hebben verschillende typen: {then} en {else}',
    en: 'The branches of als ... dan ... anders have different types: {then} and {else}',
  },
  SR3005: {
    severity: 'error',
    nl: '{what} kan een fractie van een cent zijn; rond expliciet af',
    en: '{what} can be a fraction of a cent; round explicitly',
    hint: {
      nl: "Schrijf afronden(..., op € 0,01) (half van nul af) of op € 1 voor hele euro's.",
      en: 'Write afronden(..., op € 0,01) (half away from zero), or op € 1 for whole euros.',
    },
  },
  SR3006: {
    severity: 'error',
    nl: '{name} is optioneel en kan onbekend zijn',
    en: '{name} is optional and may be unknown',
    hint: {
      nl: 'Geef een waarde voor als hij ontbreekt met standaard(veld, waarde), of test eerst bekend(veld).',
      en: 'Give a value for when it is missing with standaard(field, value), or test bekend(field) first.',
    },
  },
  SR3007: {
    severity: 'error',
    nl: '{left} en {right} kunnen niet worden vergeleken',
    en: '{left} and {right} cannot be compared',
  },
  SR3008: {
    severity: 'error',
    nl: 'Afronden op {quantum} kan niet voor {actual}',
    en: 'Rounding to {quantum} is not possible for {actual}',
    hint: {
      nl: 'Het afrondingsveelvoud heeft dezelfde eenheid als de waarde, bijvoorbeeld op € 0,01 of op 0,01%.',
      en: 'The rounding quantum has the unit of the value, e.g. op € 0,01 or op 0,01%.',
    },
  },
  SR3009: {
    severity: 'error',
    nl: 'Een afrondingsveelvoud moet groter dan nul zijn',
    en: 'A rounding quantum must be greater than zero',
  },
  SR3011: {
    severity: 'error',
    nl: 'Uitkomst {name} moet {expected} zijn, maar is gedeclareerd als {actual}',
    en: 'Outcome {name} must be {expected}, but is declared as {actual}',
  },
  SR3012: {
    severity: 'error',
    nl: 'Onbekend kan alleen waar een optionele waarde mag ({context})',
    en: 'Unknown is only allowed where an optional value may be ({context})',
    hint: {
      nl: 'Declareer het type met optioneel, bijvoorbeeld percentage optioneel.',
      en: 'Declare the type as optional, e.g. percentage optioneel.',
    },
  },
  SR3014: {
    severity: 'error',
    nl: '{left} {op} {right}: een bedrag maal een bedrag heeft geen betekenis',
    en: '{left} {op} {right}: money times money has no meaning',
    hint: {
      nl: 'Vermenigvuldig een bedrag met een getal of een percentage.',
      en: 'Multiply money by a number or a percentage.',
    },
  },
  SR3015: {
    severity: 'error',
    nl: '{left} {op} {right}: een bedrag en een getal of percentage tel je niet op',
    en: '{left} {op} {right}: money and a number or percentage do not add up',
    hint: {
      nl: 'Schrijf een bedrag met €, bijvoorbeeld € 100; een percentage van een bedrag is bedrag × percentage.',
      en: 'Write money with €, e.g. € 100; a percentage of an amount is amount × percentage.',
    },
  },
  SR3016: {
    severity: 'error',
    nl: '{left} {op} {right}: tijdseenheden van verschillende soort',
    en: '{left} {op} {right}: time units of different kinds',
    hint: {
      nl: 'Jaren en maanden rekenen exact om, weken en dagen ook, maar maanden en dagen of uren niet.',
      en: 'Years and months convert exactly, as do weeks and days, but months and days or hours do not.',
    },
  },
  SR3017: {
    severity: 'error',
    nl: '{left} {op} {right}: een tarief is een bedrag per tijdseenheid',
    en: '{left} {op} {right}: a rate is money per unit of time',
    hint: {
      nl: 'Vermenigvuldig het tarief eerst met een duur: € 100 per uur × activiteit.uren.',
      en: 'Multiply the rate by a duration first: € 100 per uur × activiteit.uren.',
    },
  },
  SR3018: {
    severity: 'error',
    nl: '{left} {op} {right}: een bedrag maal een duur heeft geen betekenis',
    en: '{left} {op} {right}: money times a duration has no meaning',
    hint: {
      nl: 'Maak er een tarief van (bedrag per jaar, per maand of per uur): tarief × duur is een bedrag.',
      en: 'Make it a rate (bedrag per jaar, per maand or per uur): rate × duration is money.',
    },
  },
  SR3019: {
    severity: 'error',
    nl: '{left} {op} {right}: een getal en een percentage optellen is dubbelzinnig',
    en: '{left} {op} {right}: adding a number and a percentage is ambiguous',
    hint: {
      nl: 'Tel percentages bij percentages op (5% + 1%).',
      en: 'Add percentages to percentages (5% + 1%).',
    },
  },
  SR3020: {
    severity: 'error',
    nl: '{name} is geen vaste waarde; in {context} staan alleen vaste waarden',
    en: '{name} is not a fixed value; {context} holds fixed values only',
    hint: {
      nl: 'Een parameter of tabelcel bevat een bedrag, getal, percentage, duur, datum, parameter of opsommingswaarde; reken in een definitie.',
      en: 'A parameter or table cell holds an amount, number, percentage, duration, date, parameter or enumeration value; compute in a definition.',
    },
  },
  SR3021: {
    severity: 'error',
    nl: '{name}(...) beschrijft een eigenschap en kan alleen direct na eigenschap "...": staan',
    en: '{name}(...) states a property and can only follow eigenschap "...": directly',
  },
  SR3022: {
    severity: 'error',
    nl: '{name}(doel, veld) verwacht als doel een uitkomst of waardering en als veld contract.<veld> of <soort>.<veld> met een getal',
    en: '{name}(target, field) takes an outcome or waardering as target and contract.<field> or <kind>.<field> holding a number as field',
    hint: {
      nl: 'Bijvoorbeeld: eigenschap "...": stijgend(waardering, plaatsing.maanden)',
      en: 'For example: eigenschap "...": stijgend(waardering, plaatsing.maanden)',
    },
  },

  // ── SR4: tables, periods and reachability ─────────────────────────────────
  SR4001: {
    severity: 'error',
    nl: 'Tabel {name} is onvolledig{when}: geen rij past bij {example}',
    en: 'Table {name} is incomplete{when}: no row matches {example}',
    hint: {
      nl: 'Voeg een rij toe voor dit geval, of een laatste rij met - in elke kolom (hit policy eerste).',
      en: 'Add a row for this case, or a last row with - in every column (hit policy eerste).',
    },
  },
  SR4002: {
    severity: 'error',
    nl: 'Rijen {first} en {second} van tabel {name} overlappen{when}: beide passen bij {example}',
    en: 'Rows {first} and {second} of table {name} overlap{when}: both match {example}',
    hint: {
      nl: 'Maak de voorwaarden disjunct, of kies hit policy [eerste] als de volgorde beslist.',
      en: 'Make the conditions disjoint, or choose hit policy [eerste] if order decides.',
    },
  },
  SR4003: {
    severity: 'warning',
    nl: 'Rij {row} van tabel {name} is onbereikbaar{when}: eerdere rijen dekken al alle gevallen',
    en: 'Row {row} of table {name} is unreachable{when}: earlier rows already cover every case',
  },
  SR4004: {
    severity: 'error',
    nl: 'Rij heeft {actual} cellen; tabel {name} heeft {expected} kolommen',
    en: 'Row has {actual} cells; table {name} has {expected} columns',
  },
  SR4005: {
    severity: 'error',
    nl: 'Tabel {name} heeft geen rijen',
    en: 'Table {name} has no rows',
  },
  SR4006: {
    severity: 'error',
    nl: 'Een invoercel van tabel {name} moet een vaste waarde zijn',
    en: 'An input cell of table {name} must be a fixed value',
    hint: {
      nl: "Schrijf -, een waarde, waarden met komma's, of een vergelijking zoals >= 3.",
      en: 'Write -, a value, values separated by commas, or a comparison such as >= 3.',
    },
  },
  SR4007: {
    severity: 'info',
    nl: 'Tabel {name} is te groot om volledig op volledigheid en overlap te controleren ({cases} gevallen)',
    en: 'Table {name} is too large to check fully for completeness and overlap ({cases} cases)',
  },
  SR4101: {
    severity: 'error',
    nl: 'Perioden {first} en {second} overlappen van {from} tot en met {to}',
    en: 'Periods {first} and {second} overlap from {from} through {to}',
  },
  SR4102: {
    severity: 'error',
    nl: 'Tussen perioden {first} en {second} zit een gat: {from} tot en met {to} valt in geen periode',
    en: 'There is a gap between periods {first} and {second}: {from} through {to} falls in no period',
    hint: {
      nl: 'Laat de volgende periode beginnen op de dag na het einde van de vorige.',
      en: 'Start the next period on the day after the previous one ends.',
    },
  },
  SR4103: {
    severity: 'error',
    nl: 'vanaf {date} staat niet na de vorige vanaf-datum {previous}',
    en: 'vanaf {date} does not come after the previous vanaf date {previous}',
    hint: {
      nl: 'Zet de waarden op volgorde van ingangsdatum, elke datum één keer.',
      en: 'Order the values by start date, each date once.',
    },
  },
  SR4104: {
    severity: 'error',
    nl: '{name} heeft geen waarde van {from} tot en met {to} (periode {period})',
    en: '{name} has no value from {from} through {to} (period {period})',
    hint: {
      nl: 'Laat de eerste vanaf-datum niet later zijn dan het begin van de periode, {from}.',
      en: 'Let the first vanaf date be no later than the start of the period, {from}.',
    },
  },
  SR4105: {
    severity: 'warning',
    nl: 'vanaf {date} ligt na het einde van de laatste periode ({end}); deze waarde wordt nooit gebruikt',
    en: 'vanaf {date} lies after the end of the last period ({end}); this value is never used',
  },
  SR4106: {
    severity: 'error',
    nl: 'Periode {name} eindigt ({to}) voordat ze begint ({from})',
    en: 'Period {name} ends ({to}) before it starts ({from})',
  },
  SR4107: {
    severity: 'warning',
    nl: 'Deze tak wordt nooit gekozen: de voorwaarde is altijd {value}',
    en: 'This branch is never taken: the condition is always {value}',
  },

  // ── SR5: contract input and evaluation ─────────────────────────────────────
  SR5001: {
    severity: 'error',
    nl: '{field} {date} valt in geen periode van {ruleset}',
    en: '{field} {date} falls in no period of {ruleset}',
    hint: { nl: 'Perioden: {periods}.', en: 'Periods: {periods}.' },
  },
  SR5021: {
    severity: 'error',
    nl: 'De JSON houdt op voordat hij af is: {missing} ontbreekt',
    en: 'The JSON ends before it is complete: {missing} is missing',
    hint: {
      nl: 'Is het bestand helemaal opgeslagen of gekopieerd?',
      en: 'Was the whole file saved or copied?',
    },
  },
  SR5022: {
    severity: 'error',
    nl: 'Het bestand is leeg',
    en: 'The file is empty',
    hint: {
      nl: 'Een contract is een JSON-object; zie rulesets/examples/ voor voorbeelden.',
      en: 'A contract is a JSON object; see rulesets/examples/ for samples.',
    },
  },
  SR5023: {
    severity: 'error',
    nl: 'Interne fout bij dit contract: {message}',
    en: 'Internal error on this contract: {message}',
    hint: {
      nl: 'Dit is een fout in sroi, niet in de invoer; meld hem graag, met deze regel als voorbeeld.',
      en: 'This is a fault in sroi, not in the input; please report it with this line as an example.',
    },
  },
  SR5002: {
    severity: 'error',
    nl: 'Geen geldige JSON: onverwacht {found}',
    en: 'Not valid JSON: unexpected {found}',
    hint: {
      nl: 'JSON zet namen en teksten tussen dubbele aanhalingstekens en scheidt velden met komma’s.',
      en: 'JSON puts names and texts between double quotes and separates fields with commas.',
    },
  },
  SR5004: {
    severity: 'error',
    nl: '{value} is geen toegestane waarde voor {field}',
    en: '{value} is not an allowed value for {field}',
    hint: { nl: 'Toegestaan: {allowed}.', en: 'Allowed: {allowed}.' },
  },
  SR5005: {
    severity: 'error',
    nl: 'Deling door nul in {rule}',
    en: 'Division by zero in {rule}',
    hint: {
      nl: 'Bescherm de deling met als ... = 0 dan ... anders ....',
      en: 'Guard the division with als ... = 0 dan ... anders ....',
    },
  },
  SR5006: {
    severity: 'error',
    nl: 'Onbekend veld {name}',
    en: 'Unknown field {name}',
    hint: { nl: 'Velden hier: {allowed}.', en: 'Fields here: {allowed}.' },
  },
  SR5007: {
    severity: 'error',
    nl: 'Geen waarde voor {name} op {date}',
    en: 'No value for {name} on {date}',
  },
  SR5008: {
    severity: 'error',
    nl: 'Geen rij van tabel {name} past bij {example}',
    en: 'No row of table {name} matches {example}',
  },
  SR5009: {
    severity: 'error',
    nl: 'Onbekende waarde voor {name} in {rule}',
    en: 'Unknown value for {name} in {rule}',
    hint: {
      nl: 'Geef het veld op in het contract, of gebruik standaard(...) in de regeling.',
      en: 'Provide the field in the contract, or use standaard(...) in the ruleset.',
    },
  },
  SR5010: {
    severity: 'error',
    nl: 'Meer dan één rij van tabel {name} past bij {example} (rijen {rows})',
    en: 'More than one row of table {name} matches {example} (rows {rows})',
  },
  SR5011: {
    severity: 'error',
    nl: 'Verwacht {expected}, maar gekregen: {actual}',
    en: 'Expected {expected}, but got: {actual}',
  },
  SR5012: {
    severity: 'error',
    nl: '{value} ligt buiten het toegestane bereik: {range}',
    en: '{value} is outside the allowed range: {range}',
  },
  SR5013: {
    severity: 'error',
    nl: '{value} is geen geldig bedrag',
    en: '{value} is not a valid amount',
    hint: {
      nl: 'Schrijf een bedrag als tekst met een punt en hoogstens twee decimalen, zonder valutateken: "1250000.00".',
      en: 'Write an amount as text with a dot and at most two decimals, without a currency sign: "1250000.00".',
    },
  },
  SR5014: {
    severity: 'error',
    nl: 'Een bedrag mag niet negatief zijn ({value})',
    en: 'An amount must not be negative ({value})',
  },
  SR5015: {
    severity: 'error',
    nl: '{value} is geen bestaande datum',
    en: '{value} is not an existing date',
    hint: {
      nl: 'Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld "2024-02-01".',
      en: 'Write a date as YYYY-MM-DD, e.g. "2024-02-01".',
    },
  },
  SR5016: {
    severity: 'error',
    nl: 'einddatum {end} ligt voor startdatum {start}',
    en: 'einddatum {end} is before startdatum {start}',
  },
  SR5017: {
    severity: 'error',
    nl: 'Verplicht veld {name} ontbreekt',
    en: 'Required field {name} is missing',
    hint: { nl: '{name}: {doc}.', en: '{name}: {doc}.' },
  },
  SR5018: {
    severity: 'error',
    nl: 'Onbekende activiteitsoort {value}',
    en: 'Unknown activity kind {value}',
    hint: { nl: 'Soorten: {allowed}.', en: 'Kinds: {allowed}.' },
  },
  SR5019: {
    severity: 'error',
    nl: 'Invoer is te groot of te diep genest: {reason}',
    en: 'Input is too large or too deeply nested: {reason}',
  },
  SR5020: {
    severity: 'error',
    nl: '{date} valt in geen periode van de set {set}',
    en: '{date} falls in no period of the set {set}',
    hint: { nl: 'Perioden: {periods}.', en: 'Periods: {periods}.' },
  },
  // SR5250-SR5299: requests to the HTTP API (`sroi serve`).
  SR5250: {
    severity: 'error',
    nl: 'Onbekende regeling {name}',
    en: 'Unknown ruleset {name}',
    hint: { nl: 'Toegestaan: {allowed}.', en: 'Allowed: {allowed}.' },
  },
  SR5251: {
    severity: 'error',
    nl: 'Inhoudstype {found} wordt hier niet aangenomen',
    en: 'Content type {found} is not accepted here',
    hint: { nl: 'Toegestaan: {allowed}.', en: 'Allowed: {allowed}.' },
  },
  SR5252: {
    severity: 'error',
    nl: 'De aanvraag is groter dan {limit} bytes',
    en: 'The request is larger than {limit} bytes',
    hint: {
      nl: 'De server staat tot {limit} bytes toe ({option}); stuur veel contracten via evaluate-batch.',
      en: 'The server allows up to {limit} bytes ({option}); send many contracts through evaluate-batch.',
    },
  },
  SR5253: {
    severity: 'error',
    nl: 'Meer dan {limit} regels in één batch; de rest is niet gelezen',
    en: 'More than {limit} lines in one batch; the rest was not read',
    hint: {
      nl: 'Splits de invoer in batches van hoogstens {limit} regels ({option}).',
      en: 'Split the input into batches of at most {limit} lines ({option}).',
    },
  },
  SR5254: {
    severity: 'error',
    nl: 'Het contract heeft {count} activiteiten; de server rekent er hoogstens {limit} per contract',
    en: 'The contract has {count} activities; the server evaluates at most {limit} per contract',
    hint: { nl: 'De grens is in te stellen met {option}.', en: 'The limit is set with {option}.' },
  },
  SR5255: {
    severity: 'error',
    nl: 'De aanvraag duurde langer dan {limit} ms',
    en: 'The request took longer than {limit} ms',
    hint: {
      nl: 'Stuur de hele aanvraag in één keer; de grens is in te stellen met {option}.',
      en: 'Send the whole request at once; the limit is set with {option}.',
    },
  },
  SR5256: {
    severity: 'error',
    nl: 'Ongeldige waarde {value} voor {name}',
    en: 'Invalid value {value} for {name}',
    hint: { nl: 'Toegestaan: {allowed}.', en: 'Allowed: {allowed}.' },
  },
  SR5257: {
    severity: 'error',
    nl: 'Geen route {method} {url}',
    en: 'No route {method} {url}',
    hint: { nl: 'Routes: {allowed}; zie /openapi.json.', en: 'Routes: {allowed}; see /openapi.json.' },
  },
  SR5258: {
    severity: 'error',
    nl: 'De server stopt en neemt geen nieuwe aanvragen meer aan',
    en: 'The server is stopping and takes no new requests',
    hint: { nl: 'Probeer het opnieuw bij een andere server.', en: 'Try again with another server.' },
  },
  SR5259: {
    severity: 'error',
    nl: 'Het HTTP-verzoek is onjuist gevormd: {message}',
    en: 'The HTTP request is malformed: {message}',
  },
  SR5100: {
    severity: 'error',
    nl: 'Getal {text} is niet exact te lezen: als JSON-getal wordt het {read}',
    en: 'Number {text} cannot be read exactly: as a JSON number it becomes {read}',
    hint: {
      nl: 'Schrijf het als tekst tussen aanhalingstekens, bijvoorbeeld "{text}" (bedragen: "120000.00").',
      en: 'Write it as text between quotes, e.g. "{text}" (amounts: "120000.00").',
    },
  },
  SR5101: {
    severity: 'error',
    nl: 'Sleutel {key} staat twee keer in hetzelfde object',
    en: 'Key {key} appears twice in the same object',
    hint: {
      nl: 'Houd één van beide; nu zou de laatste stil de eerste vervangen.',
      en: 'Keep one of them; otherwise the last would silently replace the first.',
    },
  },
  SR5102: {
    severity: 'info',
    nl: 'Nog {count} meldingen in dit bestand worden niet getoond (alleen de eerste {limit})',
    en: '{count} more diagnostics in this file are not shown (only the first {limit})',
    hint: { nl: 'Met --format json komen ze allemaal.', en: 'With --format json all of them are shown.' },
  },
  SR5103: {
    severity: 'error',
    nl: 'Regel is langer dan {limit} bytes en is niet gelezen',
    en: 'Line is longer than {limit} bytes and was not read',
    hint: {
      nl: 'Eén contract per regel; een grotere grens geeft --max-line-bytes.',
      en: 'One contract per line; --max-line-bytes sets a larger limit.',
    },
  },

  // ── SR6: IR documents and examples ─────────────────────────────────────────
  SR6001: {
    severity: 'error',
    nl: 'IR-document is ongeldig: {message}',
    en: 'IR document is invalid: {message}',
  },
  SR6003: {
    severity: 'error',
    nl: 'Set-bestand is ongeldig bij {path}',
    en: 'Set file is invalid at {path}',
    hint: {
      nl: 'Een set noemt zijn naam en zijn regelingen: { "naam": "...", "regelingen": ["a.sroi", "b.sroi"] }.',
      en: 'A set names itself and its rulesets: { "naam": "...", "regelingen": ["a.sroi", "b.sroi"] }.',
    },
  },
  SR6004: {
    severity: 'error',
    nl: 'Set-bestand: onbekend veld {name}',
    en: 'Set file: unknown field {name}',
    hint: { nl: 'Velden van een set: {allowed}.', en: 'Fields of a set: {allowed}.' },
  },
  SR6005: {
    severity: 'error',
    nl: 'Set-bestand: veld {name} ontbreekt',
    en: 'Set file: field {name} is missing',
    hint: {
      nl: 'Een set noemt zijn naam en zijn regelingen: { "naam": "...", "regelingen": ["a.sroi", "b.sroi"] }.',
      en: 'A set names itself and its rulesets: { "naam": "...", "regelingen": ["a.sroi", "b.sroi"] }.',
    },
  },
  SR6002: {
    severity: 'error',
    nl: 'IR-versie {version} wordt niet ondersteund (deze evaluator: {supported})',
    en: 'IR version {version} is not supported (this evaluator: {supported})',
    hint: {
      nl: 'Exporteer de regeling opnieuw met sroi export --ir.',
      en: 'Export the ruleset again with sroi export --ir.',
    },
  },
  SR6101: {
    severity: 'error',
    nl: 'Voorbeeld {example}: {outcome} is {actual}, verwacht {expected}',
    en: 'Example {example}: {outcome} is {actual}, expected {expected}',
  },
  SR6102: {
    severity: 'error',
    nl: 'Voorbeeld {example}: geen melding bevat {expected}',
    en: 'Example {example}: no message contains {expected}',
    hint: { nl: 'Meldingen: {actual}', en: 'Messages: {actual}' },
  },
  SR6103: {
    severity: 'error',
    nl: 'Voorbeeld {example} kan niet worden uitgerekend: {reason}',
    en: 'Example {example} cannot be evaluated: {reason}',
  },
  SR6104: {
    severity: 'error',
    nl: 'Voorbeeld {example}: er is geen activiteit {index}',
    en: 'Example {example}: there is no activity {index}',
  },
  SR6201: {
    severity: 'error',
    nl: 'De regelingen {first} en {second} van de set overlappen van {from} tot en met {to}',
    en: 'Rulesets {first} and {second} of the set overlap from {from} through {to}',
    hint: {
      nl: 'Elke gunningsdatum hoort bij hoogstens één regeling van een set.',
      en: 'Every award date belongs to at most one ruleset of a set.',
    },
  },
  SR6202: {
    severity: 'warning',
    nl: 'Tussen de regelingen {first} en {second} van de set zit een gat: {from} tot en met {to}',
    en: 'There is a gap between rulesets {first} and {second} of the set: {from} through {to}',
  },
  SR6203: {
    severity: 'error',
    nl: 'Regeling {name} van de set kan niet worden geladen',
    en: 'Ruleset {name} of the set cannot be loaded',
  },
  SR6204: {
    severity: 'error',
    nl: 'De regelingen van de set lezen verschillende peildata ({fields})',
    en: 'The rulesets of the set read different reference dates ({fields})',
  },
  // ── SR64: IR versions (issue 18) ──
  SR6600: {
    severity: 'error',
    nl: 'IR-document is dieper genest dan {limit} niveaus',
    en: 'IR document nests deeper than {limit} levels',
    hint: {
      nl: 'Een formule mag hoogstens {formula} niveaus diep zijn; exporteer de regeling met sroi export --ir, dat dieper genest meldt waar het staat.',
      en: 'A formula may be at most {formula} levels deep; export the ruleset with sroi export --ir, which reports deeper nesting where it is written.',
    },
  },
  SR6601: {
    severity: 'error',
    nl: 'Formule is {depth} niveaus diep, hoogstens {limit}',
    en: 'Formula is {depth} levels deep, at most {limit}',
    hint: {
      nl: 'Ook de definities en uitkomsten die een formule gebruikt tellen mee; de compiler meldt dit als SR2351.',
      en: 'The definitions and outcomes a formula uses count too; the compiler reports this as SR2351.',
    },
  },
  SR6400: {
    severity: 'error',
    nl: 'irVersion moet een geheel getal zijn, niet {found}',
    en: 'irVersion must be a whole number, not {found}',
    hint: {
      nl: 'Deze evaluator leest "irVersion": {supported} (een getal, zonder aanhalingstekens).',
      en: 'This evaluator reads "irVersion": {supported} (a number, without quotes).',
    },
  },
  SR6401: {
    severity: 'error',
    nl: 'IR-versie {version} is nieuwer dan deze evaluator (IR-versie {supported})',
    en: 'IR version {version} is newer than this evaluator (IR version {supported})',
    hint: {
      nl: 'Werk @sroi/evaluator bij, of exporteer de regeling met een sroi die IR-versie {supported} schrijft.',
      en: 'Update @sroi/evaluator, or export the ruleset with an sroi that writes IR version {supported}.',
    },
  },
  // ── What-if: scenarios and --set (SR22xx names, SR32xx values and units) ─────
  SR2200: {
    severity: 'error',
    nl: '{name} is geen parameter of tabel van {ruleset}',
    en: '{name} is not a parameter or table of {ruleset}',
    hint: {
      nl: 'Een scenario wijzigt een parameter (naam=waarde) of een tabelrij (tabel[rij]=waarde).',
      en: 'A scenario changes a parameter (name=value) or a table row (table[row]=value).',
    },
  },
  SR2201: {
    severity: 'error',
    nl: 'Tabel {table} heeft geen rij {row}',
    en: 'Table {table} has no row {row}',
    hint: {
      nl: "Noem de rij met de waarden van de invoerkolommen, gescheiden door komma's: tabel[a,b].",
      en: 'Name the row by the values of its input columns, separated by commas: table[a,b].',
    },
  },
  SR2202: {
    severity: 'error',
    nl: 'Verwacht naam=waarde of tabel[rij]=waarde, niet {text}',
    en: 'Expected name=value or table[row]=value, not {text}',
    hint: {
      nl: 'Bijvoorbeeld --set jaarwaarde_plaatsing[participatiewet]=42000 of --set sr_percentage=5%.',
      en: 'For example --set jaarwaarde_plaatsing[participatiewet]=42000 or --set sr_percentage=5%.',
    },
  },
  SR2203: {
    severity: 'error',
    nl: '{name} is een tabel: noem de rij, {name}[...]',
    en: '{name} is a table: name the row, {name}[...]',
  },
  SR2204: {
    severity: 'error',
    nl: '{name} is een parameter, geen tabel: laat [{row}] weg',
    en: '{name} is a parameter, not a table: leave out [{row}]',
  },
  SR2205: {
    severity: 'error',
    nl: 'Het scenario breidt {base} uit, maar dat is geen regeling van de basis {set}',
    en: 'The scenario extends {base}, which is not a ruleset of the base {set}',
    hint: {
      nl: 'Een scenario begint met: regeling "..." breidt uit "<regeling van de basis>.sroi".',
      en: 'A scenario starts with: regeling "..." breidt uit "<ruleset of the base>.sroi".',
    },
  },
  // ── Contract duration: `binnen` (SR2350-SR2399) ─────────────────────────────
  SR2350: {
    severity: 'error',
    nl: "'binnen' vergelijkt de maanden van een activiteit met het contract, maar {kind} heeft geen maanden",
    en: "'binnen' compares an activity's months with the contract, but {kind} has no months",
    hint: {
      nl: "Schrijf 'binnen' bij de waardering van een soort met maanden: {kinds}.",
      en: "Write 'binnen' in the valuation of a kind with months: {kinds}.",
    },
  },
  SR2351: {
    severity: 'error',
    nl: 'Deze formule is te diep genest: {depth} niveaus, hoogstens {limit}',
    en: 'This formula nests too deep: {depth} levels, at most {limit}',
    hint: {
      nl: 'Elke operator, elke tak van als ... anders als en elke gebruikte definitie telt als een niveau. Splits de formule in definities van een paar niveaus, met som(...) of een tabel voor een lange reeks.',
      en: 'Every operator, every branch of als ... anders als and every definition used counts as a level. Split the formula into definitions of a few levels, with som(...) or a table for a long series.',
    },
  },
  SR2352: {
    severity: 'error',
    nl: 'Deze formule is te diep genest om te lezen: {count} keer als ... anders als',
    en: 'This formula nests too deep to be read: {count} times als ... anders als',
    hint: {
      nl: 'Een formule mag hoogstens {limit} niveaus diep zijn (SR2351); schrijf een lange reeks gevallen als een tabel, of splits haar in definities.',
      en: 'A formula may be at most {limit} levels deep (SR2351); write a long series of cases as a table, or split it into definitions.',
    },
  },
  SR3200: {
    severity: 'error',
    nl: '{value} is geen geldige waarde voor {name}: verwacht {expected}',
    en: '{value} is not a valid value for {name}: expected {expected}',
    hint: {
      nl: 'Bedragen als 42000, 42.000 of 42.000,50; percentages met %: 5%; duur als 12 of 12 maanden.',
      en: 'Amounts as 42000, 42.000 or 42.000,50; percentages with %: 5%; durations as 12 or 12 maanden.',
    },
  },
  SR3201: {
    severity: 'error',
    nl: 'De eenheid {unit} past niet bij {name}, die {expected} is',
    en: 'The unit {unit} does not fit {name}, which is {expected}',
  },
  SR3202: {
    severity: 'warning',
    nl: 'Een {what} in een formule ({where}): {text}',
    en: 'A {what} inside a formula ({where}): {text}',
    hint: {
      nl: 'Geef de waarde een naam: een parameter (of tabel) met bron of aanname, zodat een scenario en de matrix haar kunnen wijzigen.',
      en: 'Name the value: a parameter (or table) with bron or aanname, so that scenarios and the matrix can change it.',
    },
  },
  // ── Parameter ranges (SR33xx) ──────────────────────────────────────────────
  SR3300: {
    severity: 'error',
    nl: 'Het bereik van parameter {name} is leeg: {low} ligt boven {high}',
    en: 'The range of parameter {name} is empty: {low} is above {high}',
    hint: {
      nl: 'Schrijf de ondergrens eerst: tussen {high} en {low}.',
      en: 'Write the lower bound first: between {high} and {low}.',
    },
  },
  SR3301: {
    severity: 'error',
    nl: 'Parameter {name} is {value}, buiten {range}',
    en: 'Parameter {name} is {value}, outside {range}',
    hint: {
      nl: 'Bedragen en percentages zijn nooit negatief; een ander bereik geef je op bij het type: parameter {name}: {type} tussen ... en ...',
      en: 'Amounts and percentages are never negative; declare another range with the type: parameter {name}: {type} between ... and ...',
    },
  },
  SR3302: {
    severity: 'error',
    nl: 'Een bereik (tussen ... en ...) kan alleen bij een bedrag, getal, percentage of duur, niet bij {type}',
    en: 'A range (between ... and ...) fits only an amount, number, percentage or duration, not {type}',
  },
  // ── What-if: portfolios (SR53xx) ───────────────────────────────────────────
  SR5300: {
    severity: 'error',
    nl: '{file}, rij {row}, kolom {column}: {message}',
    en: '{file}, row {row}, column {column}: {message}',
  },
  SR5301: {
    severity: 'error',
    nl: '{file}, regel {row}, kolom {column}: geen geldige JSON',
    en: '{file}, line {row}, column {column}: not valid JSON',
    hint: {
      nl: 'Elke regel van een JSON Lines-bestand is één volledig contract in JSON.',
      en: 'Each line of a JSON Lines file is one complete contract in JSON.',
    },
  },
  SR5306: {
    severity: 'error',
    nl: '{file}, regel {row}: de CSV is hier niet te lezen ({reason})',
    en: '{file}, line {row}: the CSV cannot be read here ({reason})',
    hint: {
      nl: 'Kijk op deze regel naar aanhalingstekens die niet sluiten en naar het scheidingsteken (; of ,).',
      en: 'Look on this line for quotes that do not close and at the separator (; or ,).',
    },
  },
  SR5302: {
    severity: 'error',
    nl: '{file}, rij {row}: contract {id} kwam al eerder voor (rij {first}); de rijen van een contract horen bij elkaar',
    en: '{file}, row {row}: contract {id} appeared before (row {first}); the rows of a contract belong together',
    hint: {
      nl: 'Sorteer de export op contract, of zet elk contract in één blok rijen.',
      en: 'Sort the export by contract, or keep each contract in one block of rows.',
    },
  },
  SR5303: {
    severity: 'error',
    nl: '{file}: kolom {column} ontbreekt',
    en: '{file}: column {column} is missing',
  },
  SR5304: {
    severity: 'error',
    nl: '{file}: werkblad {sheet} ontbreekt (verwacht: {expected})',
    en: '{file}: sheet {sheet} is missing (expected: {expected})',
  },
  SR5305: {
    severity: 'warning',
    nl: 'Contract {id} ({file}, rij {row}) kan onder {scenario} niet worden doorgerekend: {message}',
    en: 'Contract {id} ({file}, row {row}) cannot be evaluated under {scenario}: {message}',
  },
  // ── What-if: scenarios and attribution (SR65xx) ────────────────────────────
  SR6500: {
    severity: 'warning',
    nl: 'Scenario {scenario} wijzigt meer dan parameters en tabelrijen ({what}): geen toerekening per parameter',
    en: 'Scenario {scenario} changes more than parameters and table rows ({what}): no attribution per parameter',
    hint: {
      nl: 'De totalen en statuswijzigingen kloppen wel; een toerekening vraagt wijzigingen die los van elkaar toe te passen zijn.',
      en: 'Totals and status changes are still right; attribution needs changes that can be applied one by one.',
    },
  },
  SR6501: {
    severity: 'warning',
    nl: 'Scenario {scenario} wijzigt {count} parameters; exacte toerekening kan tot {max}: geen toerekening',
    en: 'Scenario {scenario} changes {count} parameters; exact attribution goes up to {max}: no attribution',
    hint: {
      nl: "Splits het scenario op in kleinere scenario's.",
      en: 'Split the scenario into smaller ones.',
    },
  },
  SR6502: {
    severity: 'warning',
    nl: 'Scenario {scenario} wijzigt niets ten opzichte van de basis',
    en: 'Scenario {scenario} changes nothing relative to the base',
  },
  // ── Hostile input: sizes (issue 15; SR2400-SR2419) ─────────────────────────
  SR2400: {
    severity: 'error',
    nl: "Deze formule is te lang om te lezen: {count} keer '{operator}' achter elkaar (hoogstens {run})",
    en: "This formula is too long to be read: {count} times '{operator}' in a row (at most {run})",
    hint: {
      nl: 'Een formule mag hoogstens {limit} niveaus diep zijn (SR2351) en elke operator is een niveau; tel een lange reeks op met som(...) over de activiteiten, zet gevallen in een tabel, of splits de formule in definities.',
      en: 'A formula may be at most {limit} levels deep (SR2351) and every operator is a level; add up a long series with som(...) over the activities, put cases in a table, or split the formula into definitions.',
    },
  },
  // ── Citations: documents and their quotations (SR2300-SR2349) ─────────────
  SR2300: {
    severity: 'error',
    nl: 'Onbekend document {name}',
    en: 'Unknown document {name}',
    hint: {
      nl: 'Noem het document in de kop van de regeling: document {bare} "titel" bestand "..." vindplaats "...".',
      en: 'Declare the document in the header of the ruleset: document {bare} "title" bestand "..." vindplaats "...".',
    },
  },
  SR2301: {
    severity: 'error',
    nl: 'Dit citaat noemt niet uit welk document het komt',
    en: 'This quotation does not say which document it quotes',
    hint: {
      nl: 'Zet de naam van het document voor de tekst (bron beleid "... \'...\'"), of laat de aanhalingstekens weg als het geen letterlijk citaat is.',
      en: 'Put the name of the document before the text (bron beleid "... \'...\'"), or leave out the quotation marks if it is not a literal quotation.',
    },
  },
  SR2302: {
    severity: 'error',
    nl: 'Document {name} is al gedeclareerd',
    en: 'Document {name} is already declared',
    hint: { nl: 'Geef een van beide een andere naam.', en: 'Rename one of them.' },
  },
  SR2303: {
    severity: 'error',
    nl: 'Citaat zonder afsluitend aanhalingsteken',
    en: 'Quotation without a closing quotation mark',
    hint: {
      nl: "Sluit het citaat af met ', of laat het openingsteken weg als het geen citaat is.",
      en: "Close the quotation with ', or leave out the opening mark if it is not a quotation.",
    },
  },
  SR2304: {
    severity: 'error',
    nl: 'Bestand {file} noemt een map: alleen een bestandsnaam is toegestaan',
    en: 'File {file} names a directory: only a file name is allowed',
    hint: {
      nl: 'Het bestand wordt gezocht in de map die sroi check --bronnen noemt.',
      en: 'The file is looked up in the directory given to sroi check --bronnen.',
    },
  },
  SR2310: {
    severity: 'error',
    nl: 'Dit citaat staat niet letterlijk in {document}',
    en: 'This quotation is not in {document} word for word',
    hint: {
      nl: 'Neem de tekst letterlijk over (regeleinden, spaties en afbreekstreepjes tellen niet mee), of laat de aanhalingstekens weg als het een parafrase is.',
      en: 'Copy the text word for word (line breaks, spaces and hyphenation do not count), or leave out the quotation marks if it is a paraphrase.',
    },
  },
  SR2311: {
    severity: 'info',
    nl: 'Citaten uit {name} niet gecontroleerd: de regeling noemt geen bestand met de tekst',
    en: 'Quotations from {name} not checked: the ruleset names no file with its text',
    hint: {
      nl: 'Met bestand "..." bij het document controleert sroi check --bronnen MAP ze.',
      en: 'With bestand "..." on the document, sroi check --bronnen DIR checks them.',
    },
  },
  // ── Citations in the CLI: sroi check --bronnen (SR5400-SR5409) ────────────
  SR5400: {
    severity: 'error',
    nl: 'Document {name}: bestand {file} staat niet in {dir}',
    en: 'Document {name}: file {file} is not in {dir}',
    hint: {
      nl: 'De map van --bronnen bevat de teksten van de documenten als UTF-8-tekstbestanden.',
      en: 'The directory of --bronnen holds the texts of the documents as UTF-8 text files.',
    },
  },
  SR5401: {
    severity: 'info',
    nl: '{count} citaten niet gecontroleerd: geef --bronnen MAP met de teksten van de documenten',
    en: '{count} quotations not checked: give --bronnen DIR with the texts of the documents',
  },
  SR5402: {
    severity: 'error',
    nl: 'Document {name}: bestand {file} is niet te lezen als tekst ({reason})',
    en: 'Document {name}: file {file} cannot be read as text ({reason})',
  },
} as const satisfies Record<string, MessageDefinition>;

/** A stable diagnostic code such as `SR2001`. */
export type DiagnosticCode = keyof typeof messages;

export const isDiagnosticCode = (code: string): code is DiagnosticCode => Object.hasOwn(messages, code);

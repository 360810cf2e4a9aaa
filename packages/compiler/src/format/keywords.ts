// The spellings the formatter writes: Dutch by default, English on request. One table, so the
// printed keyword always parses back to the same concept.
import type { TimeUnit } from '../ast/ast.js';

export type Spelling = 'nl' | 'en';

const words = {
  regeling: ['regeling', 'ruleset'],
  versie: ['versie', 'version'],
  regio: ['regio', 'region'],
  gemeente: ['gemeente', 'municipality'],
  bron: ['bron', 'source'],
  aanname: ['aanname', 'assumption'],
  document: ['document', 'document'],
  bestand: ['bestand', 'file'],
  vindplaats: ['vindplaats', 'url'],
  breidtUit: ['breidt uit', 'extends'],
  peildatum: ['peildatum', 'reference-date'],
  periode: ['periode', 'period'],
  van: ['van', 'from'],
  totEnMet: ['tot en met', 'through'],
  opsomming: ['opsomming', 'enumeration'],
  parameter: ['parameter', 'parameter'],
  vanaf: ['vanaf', 'from'],
  tussen: ['tussen', 'between'],
  definitie: ['definitie', 'definition'],
  bij: ['bij', 'for'],
  tabel: ['tabel', 'table'],
  uniek: ['uniek', 'unique'],
  eerste: ['eerste', 'first'],
  som: ['som', 'sum'],
  waardering: ['waardering', 'valuation'],
  vereist: ['vereist', 'requires'],
  binnen: ['binnen', 'within'],
  route: ['route', 'route'],
  maximum: ['maximum', 'cap'],
  uitkomst: ['uitkomst', 'outcome'],
  voorbeeld: ['voorbeeld', 'example'],
  contract: ['contract', 'contract'],
  activiteit: ['activiteit', 'activity'],
  verwacht: ['verwacht', 'expect'],
  melding: ['melding', 'message'],
  eigenschap: ['eigenschap', 'property'],
  als: ['als', 'if'],
  dan: ['dan', 'then'],
  anders: ['anders', 'else'],
  en: ['en', 'and'],
  of: ['of', 'or'],
  niet: ['niet', 'not'],
  in: ['in', 'in'],
  afronden: ['afronden', 'round'],
  op: ['op', 'to'],
  naarBeneden: ['naar beneden', 'down'],
  naarBoven: ['naar boven', 'up'],
  metMelding: ['met melding', 'with message'],
  onbekend: ['onbekend', 'unknown'],
  ja: ['ja', 'yes'],
  nee: ['nee', 'no'],
  optioneel: ['optioneel', 'optional'],
  voorElke: ['voor elke', 'for each'],
  waarbij: ['waarbij', 'where'],
  per: ['per', 'per'],
  bedrag: ['bedrag', 'money'],
  getal: ['getal', 'number'],
  percentage: ['percentage', 'percentage'],
  datum: ['datum', 'date'],
  duur: ['duur', 'duration'],
  tekst: ['tekst', 'text'],
  janee: ['janee', 'boolean'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof words;

export const word = (w: Word, lang: Spelling): string => words[w][lang === 'nl' ? 0 : 1];

const units: Record<TimeUnit, { nl: [string, string]; en: [string, string] }> = {
  jaar: { nl: ['jaar', 'jaar'], en: ['year', 'years'] },
  maand: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  week: { nl: ['week', 'weken'], en: ['week', 'weeks'] },
  dag: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  uur: { nl: ['uur', 'uur'], en: ['hour', 'hours'] },
};

/** `12 maanden`, `1 maand`; `per jaar` uses the singular. */
export const unitWord = (u: TimeUnit, lang: Spelling, plural: boolean): string =>
  units[u][lang][plural ? 1 : 0];

const typeUnits: Record<TimeUnit, [string, string]> = {
  jaar: ['jaren', 'years'],
  maand: ['maanden', 'months'],
  week: ['weken', 'weeks'],
  dag: ['dagen', 'days'],
  uur: ['uren', 'hours'],
};

/** `duur in maanden`: the plural form names the unit of a duration type. */
export const unitPlural = (u: TimeUnit, lang: Spelling): string => typeUnits[u][lang === 'nl' ? 0 : 1];

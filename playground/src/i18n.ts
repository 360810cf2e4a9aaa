// The page's words, Dutch first with the English alternative. Diagnostics come from the project's
// catalogue (rendered by the worker); these are only the labels of the page itself.
import type { Language } from '@sroi/core';

const words = {
  title: ['sroi — regels voor social return', 'sroi — social return rules'],
  ruleset: ['Regeling', 'Ruleset'],
  edited: ['(gewijzigd)', '(edited)'],
  reset: ['Terug naar de meegeleverde versie', 'Back to the shipped version'],
  resetConfirm: [
    'Je wijzigingen in deze regeling gaan verloren. Doorgaan?',
    'Your edits to this ruleset will be lost. Continue?',
  ],
  share: ['Delen', 'Share'],
  shared: ['Link gekopieerd', 'Link copied'],
  shareFallback: ['Kopieer deze link:', 'Copy this link:'],
  language: ['English', 'Nederlands'],
  languageLabel: ['Switch to English', 'Naar het Nederlands'],
  format: ['Opmaken', 'Format'],
  editorLabel: ['Regeling (tekst)', 'Ruleset (text)'],
  loadingEditor: ['Editor laden…', 'Loading editor…'],
  problems: ['Problemen', 'Problems'],
  noProblems: ['Geen problemen gevonden.', 'No problems found.'],
  outline: ['Overzicht', 'Outline'],
  contract: ['Contract', 'Contract'],
  form: ['Formulier', 'Form'],
  json: ['JSON', 'JSON'],
  openContract: ['Contract openen…', 'Open contract…'],
  saveContract: ['Contract opslaan', 'Save contract'],
  sample: ['Voorbeeldcontract', 'Sample contract'],
  newContract: ['Leeg contract', 'Empty contract'],
  contractFields: ['Gegevens van het contract', 'Contract details'],
  activities: ['Activiteiten', 'Activities'],
  add: ['Toevoegen', 'Add'],
  addActivity: ['Activiteit toevoegen', 'Add activity'],
  remove: ['Verwijderen', 'Remove'],
  activity: ['Activiteit', 'Activity'],
  unknown: ['onbekend', 'unknown'],
  yes: ['ja', 'yes'],
  no: ['nee', 'no'],
  optional: ['optioneel', 'optional'],
  jsonInvalid: ['Geen geldige JSON', 'Not valid JSON'],
  jsonHelp: [
    'Dezelfde gegevens als het formulier; wijzigingen hier verschijnen ook in het formulier.',
    'The same data as the form; changes here also appear in the form.',
  ],
  contractProblems: [
    'Het contract is nog niet compleet of bevat fouten:',
    'The contract is incomplete or has errors:',
  ],
  result: ['Resultaat', 'Result'],
  noResult: ['Nog geen resultaat.', 'No result yet.'],
  rulesetHasErrors: [
    'De regeling bevat fouten; los ze op om het contract te berekenen.',
    'The ruleset has errors; fix them to evaluate the contract.',
  ],
  verplichting: ['Verplichting', 'Obligation'],
  gerealiseerd: ['Gerealiseerd', 'Realised'],
  restant: ['Restant', 'Remaining'],
  overschot: ['Overschot', 'Surplus'],
  percentage: ['Percentage gerealiseerd', 'Percentage realised'],
  boete: ['Boete', 'Penalty'],
  waarderingen: ['Waarderingen per activiteit', 'Valuation per activity'],
  routes: ['Routes', 'Routes'],
  maximum: ['maximum', 'cap'],
  meldingen: ['Meldingen', 'Notices'],
  noMeldingen: ['Geen meldingen.', 'No notices.'],
  period: ['Periode', 'Period'],
  explain: ['Uitleg', 'Explanation'],
  formula: ['Formule', 'Formula'],
  inputs: ['Invoer', 'Inputs'],
  conditions: ['Voorwaarden', 'Conditions'],
  holds: ['klopt', 'holds'],
  fails: ['klopt niet', 'does not hold'],
  source: ['Bron', 'Source'],
  provisional: ['voorlopig', 'provisional'],
  provisionalTitle: [
    'Aanname: deze waarde staat niet in een bron en is voorlopig',
    'Assumption: this value is not in a source and is provisional',
  ],
  showRule: ['Toon regel', 'Show rule'],
  inBase: ['(in de basisregeling {file})', '(in the base ruleset {file})'],
  examples: ['Voorbeelden', 'Examples'],
  examplesSummary: ['{passed} van {total} voorbeelden kloppen', '{passed} of {total} examples pass'],
  noExamples: ['Deze regeling heeft geen voorbeelden.', 'This ruleset has no examples.'],
  passed: ['klopt', 'passes'],
  failed: ['klopt niet', 'fails'],
  properties: ['Eigenschappen', 'Properties'],
  checkProperties: ['Controleer eigenschappen', 'Check properties'],
  checking: ['Bezig met controleren…', 'Checking…'],
  noProperties: ['Deze regeling heeft geen eigenschappen.', 'This ruleset has no properties.'],
  propertyHolds: ['geldt ({runs} contracten geprobeerd)', 'holds ({runs} contracts tried)'],
  propertyFails: ['geldt niet', 'does not hold'],
  counterexample: ['Tegenvoorbeeld', 'Counterexample'],
  addAsExample: ['Voeg toe als voorbeeld', 'Add as example'],
  openInForm: ['Open in het formulier', 'Open in the form'],
  compare: ['Vergelijken', 'Compare'],
  compareWith: ['Vergelijk met', 'Compare with'],
  compareContract: ['Dit contract onder beide regelingen', 'This contract under both rulesets'],
  compareRun: ['Vergelijk', 'Compare'],
  diffRun: ['Verschillen tussen de regelingen', 'Differences between the rulesets'],
  thisRuleset: ['deze regeling', 'this ruleset'],
  differs: ['verschilt', 'differs'],
  same: ['gelijk', 'same'],
  whyDifferent: ['Waarom anders', 'Why different'],
  noDifferences: ['Geen verschillen voor dit contract.', 'No differences for this contract.'],
  changes: ['Gewijzigde regels', 'Changed rules'],
  boundaries: [
    'Grensgevallen: contracten met een andere uitkomst',
    'Boundary cases: contracts with a different outcome',
  ],
  dateMoved: ['peildatum verplaatst naar {date}', 'reference date moved to {date}'],
  working: ['Bezig…', 'Working…'],
  failedInternal: [
    'Er ging iets mis in de playground: {error}',
    'Something went wrong in the playground: {error}',
  ],
  computedIn: ['berekend in {ms} ms', 'computed in {ms} ms'],
  skip: ['Naar het resultaat', 'Skip to the result'],
  invalidLink: [
    'De link bevat geen geldig contract; het voorbeeldcontract is geopend.',
    'The link holds no valid contract; the sample contract was opened.',
  ],
  unknownRuleset: ['Onbekende regeling in de link: {name}', 'Unknown ruleset in the link: {name}'],
  help: ['Handleiding', 'Guide'],
  added: ['toegevoegd', 'added'],
  removed: ['verwijderd', 'removed'],
  changed: ['gewijzigd', 'changed'],
  replaceWith: ["Vervang door '{name}'", "Replace with '{name}'"],
} as const;

export type Word = keyof typeof words;

let current: Language = 'nl';

export const language = (): Language => current;
export const setLanguage = (lang: Language): void => {
  current = lang;
  document.documentElement.lang = lang;
};

/** A word in the page's language, with `{name}` filled in. */
export function t(word: Word, args: Readonly<Record<string, string | number>> = {}): string {
  const text: string = words[word][current === 'nl' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** English for the vocabulary's field descriptions (the Dutch ones are `@sroi/core`'s `doc`). */
const fieldDocsEn: Readonly<Record<string, string>> = {
  id: 'Reference of the contract',
  gemeente: 'Municipality that awarded the contract',
  omschrijving: 'Description',
  opdrachtsoort: 'Kind of contract: services, works or supplies',
  waarde: 'Contract value excluding VAT',
  gunningsdatum: 'Award date: chooses the period and every tariff',
  startdatum: 'Start of the contract',
  einddatum: 'End of the contract (not before the start)',
  inspanningAangetoond: 'The contractor showed every reasonable effort and the municipality accepted it',
  arbeidsaandeel: 'Share of labour in the contract value, in percent (0-100)',
  doelgroep: 'Target group of the person placed',
  contractvorm: 'Employment for a fixed or indefinite term',
  fte: 'Size; 1 fte is 36 hours a week',
  maanden: 'Duration in months',
  leeftijd: 'Age in years',
  arbeidsbeperking: 'Person with an occupational disability (also IPS)',
  naStageVsoPro: 'Employment after an internship in VSO/PrO',
  opleiding: 'Education of the student',
  niveau: 'Level 1-4 (mbo)',
  stage: 'Student is doing an internship',
  arbeidsovereenkomst: 'Student has an employment contract',
  vorm: 'Form of labour development',
  startkwalificatie: 'Person has a basic qualification',
  kosten: 'Actual cost of the training',
  leverancier: 'Sheltered workshop or social enterprise',
  factuurbedrag: 'Invoice amount excluding VAT',
  aandeelDoelgroep: 'Art. 2.82: share of staff from the target group, in percent',
  missieVoorop: 'Art. 2.82: the social mission comes first',
  aandeelCommercieel: 'Art. 2.82: share of commercial income (without subsidies), in percent',
  uren: 'Hours spent',
  bedrag: 'Amount',
  vanContract: 'Contract the amount is transferred from',
};

export function fieldDoc(name: string, dutch: string): string {
  return current === 'nl' ? dutch : (fieldDocsEn[name] ?? dutch);
}

// The page's words, Dutch first with the English alternative. Diagnostics come from the project's
// catalogue (rendered by the worker); these are only the labels of the page itself.
import type { FieldSpec, Language } from '@sroi/core';

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
  whatIf: ['Wat als', 'What if'],
  didYouMean: ['Bedoelde je: {names}?', 'Did you mean: {names}?'],
  whatIfIntro: [
    'De regeling zoals hij nu in de editor staat is de basis. Wijzig een of meer waarden en reken een portefeuille door: dezelfde berekening als sroi whatif --set.',
    'The ruleset as it is now in the editor is the base. Change one or more values and run a portfolio: the same computation as sroi whatif --set.',
  ],
  whatIfPortfolio: ['Portefeuille', 'Portfolio'],
  whatIfBaseRuleset: ['deze regeling', 'this ruleset'],
  whatIfBaseSet: [
    'regioset {name}: elk contract volgens de periode van zijn gunningsdatum',
    'region set {name}: each contract by the period of its award date',
  ],
  whatIfGenerated: ['Gegenereerd', 'Generated'],
  whatIfCount: ['aantal contracten', 'number of contracts'],
  whatIfSeed: ['seed', 'seed'],
  whatIfFile: ['Bestand', 'File'],
  whatIfOpen: ['Portefeuille openen…', 'Open portfolio…'],
  whatIfFileHelp: [
    'JSON Lines (één contract per regel) of CSV (één rij per activiteit, ; of ,), zoals sroi whatif ze leest (docs/whatif.md).',
    'JSON Lines (one contract a line) or CSV (one row per activity, ; or ,), as sroi whatif reads them (docs/whatif.md).',
  ],
  whatIfGeneratedName: [
    'gegenereerd ({count} contracten, seed {seed})',
    'generated ({count} contracts, seed {seed})',
  ],
  whatIfValues: ['Parameters en tabelrijen', 'Parameters and table rows'],
  whatIfNoFields: ['Deze regeling heeft geen parameters.', 'This ruleset has no parameters.'],
  whatIfTable: ['Tabel', 'Table'],
  whatIfFrom: ['vanaf', 'from'],
  whatIfAllPeriods: ['een nieuwe waarde geldt voor alle perioden', 'a new value applies to every period'],
  whatIfRun: ['Doorrekenen', 'Run'],
  whatIfReset: ['Alle waarden terug', 'Reset all values'],
  whatIfLive: ['direct doorrekenen bij een wijziging', 'run again on every change'],
  whatIfNoFile: ['Open eerst een portefeuillebestand.', 'Open a portfolio file first.'],
  whatIfBadCount: [
    'Geef een aantal contracten van 1 tot en met 100.000 en een gehele seed.',
    'Give a number of contracts from 1 to 100,000 and a whole seed.',
  ],
  whatIfProgress: ['{done} van {total} contracten', '{done} of {total} contracts'],
  whatIfProblems: ['Het scenario kan niet worden doorgerekend:', 'The scenario cannot be run:'],
  whatIfRead: [
    '{portfolio}: {contracts} contracten gelezen, {evaluated} doorgerekend, {skipped} overgeslagen',
    '{portfolio}: {contracts} contracts read, {evaluated} evaluated, {skipped} skipped',
  ],
  whatIfSkipped: ['Overgeslagen', 'Skipped'],
  whatIfTotals: ['Totalen van de portefeuille', 'Portfolio totals'],
  whatIfBase: ['Basis', 'Base'],
  whatIfScenario: ['Scenario', 'Scenario'],
  whatIfDifference: ['Verschil', 'Difference'],
  whatIfContracts: ['Contracten {status}', 'Contracts {status}'],
  statusNone: ['geen verplichting', 'no obligation'],
  statusMet: ['voldaan', 'met'],
  statusNotMet: ['niet voldaan', 'not met'],
  whatIfChangedLine: [
    '{changed} contracten krijgen een ander bedrag; {notMetToMet} gaan van niet voldaan naar voldaan, {metToNotMet} van voldaan naar niet voldaan.',
    '{changed} contracts get a different amount; {notMetToMet} go from not met to met, {metToNotMet} from met to not met.',
  ],
  whatIfFailed: [
    '{failed} contracten kon het scenario niet doorrekenen.',
    'The scenario could not evaluate {failed} contracts.',
  ],
  whatIfNothingChanged: [
    'Er is geen waarde gewijzigd: het scenario is gelijk aan de basis.',
    'No value was changed: the scenario equals the base.',
  ],
  whatIfAttribution: [
    'Toerekening per gewijzigde waarde (Shapley, tot op de cent)',
    'Attribution per changed value (Shapley, to the cent)',
  ],
  whatIfNoAttribution: ['Geen toerekening per waarde', 'No attribution per value'],
  whatIfChange: ['Wijziging', 'Change'],
  whatIfAttributedTotal: ['Samen', 'Together'],
  whatIfStatusChanges: [
    'Contracten die van status veranderen ({count})',
    'Contracts that change status ({count})',
  ],
  whatIfContract: ['Contract', 'Contract'],
  whatIfStatus: ['Status', 'Status'],
  whatIfMoreChanges: [
    'De eerste {shown} staan hier; het rapport van sroi whatif geeft ze allemaal.',
    'The first {shown} are shown; the report of sroi whatif lists them all.',
  ],
  whatIfCommand: ['Dezelfde berekening op de opdrachtregel', 'The same run on the command line'],
  whatIfCopyScenario: ['Kopieer als scenario', 'Copy as scenario'],
  whatIfSlider: ['schuif', 'slider'],
  whatIfScenarioText: [
    'Het scenario als regeling (voor sroi whatif --scenario)',
    'The scenario as a ruleset (for sroi whatif --scenario)',
  ],
  whatIfCopied: ['Gekopieerd naar het klembord', 'Copied to the clipboard'],
  whatIfCopyFailed: [
    'Kopiëren lukte niet; de tekst staat hieronder geselecteerd',
    'Copying did not work; the text is selected below',
  ],
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

/**
 * A field's description in the page's language: both come with the field from `@sroi/core`'s
 * vocabulary, sent by the worker (the page imports only types from core, keeping zod out of it).
 */
export const fieldDoc = (spec: Pick<FieldSpec, 'doc' | 'docEn'>): string =>
  current === 'nl' ? spec.doc : spec.docEn;

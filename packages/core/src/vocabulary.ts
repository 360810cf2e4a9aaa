// The shared vocabulary of docs/contract-format.md as data: one catalogue from which the zod
// schema, its JSON Schema and the compiler's record types are all derived.

/** Enumerations whose values each ruleset declares (the engine hard-codes none of them). */
export const enumerationNames = [
  'opdrachtsoort',
  'doelgroep',
  'contractvorm',
  'opleiding',
  'vorm',
  'leverancier',
] as const;
export type EnumerationName = (typeof enumerationNames)[number];

/** The values docs/contract-format.md lists for each enumeration; rulesets may add more. */
export const sharedEnumerationValues: Readonly<Record<EnumerationName, readonly string[]>> = {
  opdrachtsoort: ['diensten', 'werken', 'leveringen'],
  doelgroep: [
    'participatiewet',
    'loonkostensubsidie',
    'banenafspraak',
    'ww',
    'wia',
    'nugger',
    'jongere-zonder-startkwalificatie',
  ],
  contractvorm: ['bepaald', 'onbepaald'],
  opleiding: ['mbo-bbl', 'mbo-bol', 'hbo', 'vso', 'pro'],
  vorm: ['werk-fit', 'voorschakelen', 'leren-en-werken', 'inwerken', 'doorstromen'],
  leverancier: ['sw-bedrijf', 'sociaal-ondernemer'],
};

/** Units a duration field is counted in. */
export type DurationUnit = 'maanden' | 'uren';

/** The type of one input field; JSON shapes are described in docs/contract-format.md. */
export type FieldType =
  | { readonly kind: 'money' }
  | {
      readonly kind: 'number';
      readonly integer?: boolean;
      readonly min?: number;
      readonly minExclusive?: boolean;
      readonly max?: number;
    }
  | { readonly kind: 'percentage' }
  | { readonly kind: 'date' }
  | {
      readonly kind: 'duration';
      readonly unit: DurationUnit;
      readonly min?: number;
      readonly minExclusive?: boolean;
      readonly max?: number;
    }
  | { readonly kind: 'text' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly enumeration: EnumerationName };

/**
 * required: must be present. optional: may be absent, and is then unknown (the ruleset
 * decides with `standaard`/`bekend`). false: a yes/no fact that is "nee" unless stated.
 */
export type Presence = 'required' | 'optional' | 'default-false';

export interface FieldSpec {
  readonly type: FieldType;
  readonly presence: Presence;
  /** What the field means, in Dutch: the default of every output (hover, diagnostics, schema). */
  readonly doc: string;
  /** The same in English, for `--lang en`, the OpenAPI document and the playground in English. */
  readonly docEn: string;
}

/** A field's description in a language (Dutch, or English). */
export const fieldDoc = (spec: FieldSpec, lang: 'nl' | 'en' = 'nl'): string =>
  lang === 'en' ? spec.docEn : spec.doc;

const req = (type: FieldType, doc: string, docEn: string): FieldSpec => ({
  type,
  presence: 'required',
  doc,
  docEn,
});
const opt = (type: FieldType, doc: string, docEn: string): FieldSpec => ({
  type,
  presence: 'optional',
  doc,
  docEn,
});
const fact = (doc: string, docEn: string): FieldSpec => ({
  type: { kind: 'boolean' },
  presence: 'default-false',
  doc,
  docEn,
});

const money: FieldType = { kind: 'money' };
const text: FieldType = { kind: 'text' };
const percentage: FieldType = { kind: 'percentage' };
const fte: FieldType = { kind: 'number', min: 0, minExclusive: true, max: 1.5 };
const months: FieldType = { kind: 'duration', unit: 'maanden', min: 0, minExclusive: true, max: 120 };
const enumOf = (enumeration: EnumerationName): FieldType => ({ kind: 'enum', enumeration });

/** Fields of the contract itself (everything except `activiteiten`). */
export const contractFields: Readonly<Record<string, FieldSpec>> = {
  id: opt(text, 'Kenmerk van het contract', 'Reference of the contract'),
  gemeente: opt(text, 'Gemeente die het contract gunde', 'Municipality that awarded the contract'),
  omschrijving: opt(text, 'Omschrijving van de opdracht', 'Description'),
  opdrachtsoort: req(
    enumOf('opdrachtsoort'),
    'Soort opdracht: diensten, werken of leveringen',
    'Kind of contract: services, works or supplies',
  ),
  waarde: req(money, 'Contractwaarde exclusief btw', 'Contract value excluding VAT'),
  gunningsdatum: req(
    { kind: 'date' },
    'Datum van gunning: kiest de periode en elk tarief',
    'Award date: chooses the period and every tariff',
  ),
  startdatum: opt({ kind: 'date' }, 'Begin van het contract', 'Start of the contract'),
  einddatum: opt(
    { kind: 'date' },
    'Einde van het contract (niet voor de startdatum)',
    'End of the contract (not before the start)',
  ),
  inspanningAangetoond: fact(
    'Opdrachtnemer toonde elke redelijke inspanning aan en de gemeente aanvaardde dat',
    'The contractor showed every reasonable effort and the municipality accepted it',
  ),
  arbeidsaandeel: opt(
    percentage,
    'Aandeel arbeid in de contractwaarde, in procenten (0-100)',
    'Share of labour in the contract value, in percent (0-100)',
  ),
};

/** Fields every activity may carry besides its kind's own. */
const common: Readonly<Record<string, FieldSpec>> = {
  omschrijving: opt(text, 'Vrije omschrijving', 'Description'),
};

/** The activity kinds (`soort`) and their fields. */
export const activityKinds: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = {
  plaatsing: {
    doelgroep: req(
      enumOf('doelgroep'),
      'Doelgroep van de geplaatste persoon',
      'Target group of the person placed',
    ),
    contractvorm: req(
      enumOf('contractvorm'),
      'Arbeidsovereenkomst voor bepaalde of onbepaalde tijd',
      'Employment for a fixed or indefinite term',
    ),
    fte: req(fte, 'Omvang; 1 fte is 36 uur per week', 'Size; 1 fte is 36 hours a week'),
    maanden: req(months, 'Duur van de plaatsing in maanden', 'Duration in months'),
    leeftijd: opt({ kind: 'number', integer: true, min: 0, max: 120 }, 'Leeftijd in jaren', 'Age in years'),
    arbeidsbeperking: fact(
      'Persoon met een arbeidsbeperking (ook IPS)',
      'Person with an occupational disability (also IPS)',
    ),
    naStageVsoPro: fact('Dienstverband na een stage in VSO/PrO', 'Employment after an internship in VSO/PrO'),
    ...common,
  },
  leerling: {
    opleiding: req(enumOf('opleiding'), 'Opleiding van de leerling', 'Education of the student'),
    niveau: opt({ kind: 'number', integer: true, min: 1, max: 4 }, 'Niveau 1-4 (mbo)', 'Level 1-4 (mbo)'),
    stage: fact('Leerling loopt stage', 'Student is doing an internship'),
    arbeidsovereenkomst: fact('Leerling heeft een arbeidsovereenkomst', 'Student has an employment contract'),
    fte: req(fte, 'Omvang; 1 fte is 36 uur per week', 'Size; 1 fte is 36 hours a week'),
    maanden: req(months, 'Duur in maanden', 'Duration in months'),
    ...common,
  },
  arbeidsontwikkeling: {
    vorm: req(enumOf('vorm'), 'Vorm van arbeidsontwikkeling', 'Form of labour development'),
    startkwalificatie: fact('Persoon heeft een startkwalificatie', 'Person has a basic qualification'),
    maanden: req(months, 'Duur van het traject in maanden', 'Duration in months'),
    ...common,
  },
  scholing: {
    kosten: req(money, 'Werkelijke kosten van de scholing', 'Actual cost of the training'),
    ...common,
  },
  inkoop: {
    leverancier: req(
      enumOf('leverancier'),
      'SW-bedrijf of sociaal ondernemer',
      'Sheltered workshop or social enterprise',
    ),
    factuurbedrag: req(money, 'Factuurbedrag exclusief btw', 'Invoice amount excluding VAT'),
    aandeelDoelgroep: opt(
      percentage,
      'Art. 2.82: aandeel personeel uit de doelgroep, in procenten',
      'Art. 2.82: share of staff from the target group, in percent',
    ),
    missieVoorop: opt(
      { kind: 'boolean' },
      'Art. 2.82: maatschappelijke missie staat voorop',
      'Art. 2.82: the social mission comes first',
    ),
    aandeelCommercieel: opt(
      percentage,
      'Art. 2.82: aandeel commerciële inkomsten (zonder subsidies), in procenten',
      'Art. 2.82: share of commercial income (without subsidies), in percent',
    ),
    ...common,
  },
  maatschappelijk: {
    uren: req({ kind: 'duration', unit: 'uren', min: 0 }, 'Bestede uren', 'Hours spent'),
    ...common,
  },
  investering: {
    bedrag: req(money, 'Geïnvesteerd bedrag', 'Amount'),
    vanContract: opt(
      text,
      'Contract waar het bedrag vandaan komt',
      'Contract the amount is transferred from',
    ),
    ...common,
  },
  maatwerk: {
    bedrag: req(money, 'Goedgekeurd bedrag', 'Amount'),
    vanContract: opt(
      text,
      'Contract waar het bedrag vandaan komt',
      'Contract the amount is transferred from',
    ),
    ...common,
  },
  overdracht: {
    bedrag: req(money, 'Overgedragen bedrag', 'Amount'),
    vanContract: opt(
      text,
      'Contract waarvan de realisatie wordt overgedragen',
      'Contract the amount is transferred from',
    ),
    ...common,
  },
};

export const activityKindNames: readonly string[] = Object.keys(activityKinds);

/**
 * The kinds whose activities last a number of months (`maanden`, required): those a valuation's
 * `binnen` compares with the contract's duration.
 */
export const kindsWithMonths: readonly string[] = activityKindNames.filter((k) => {
  const f = activityKinds[k]!['maanden'];
  return f?.presence === 'required' && f.type.kind === 'duration' && f.type.unit === 'maanden';
});

/** The contract fields of type date: the candidates for a ruleset's `peildatum`. */
export const dateFieldNames: readonly string[] = Object.entries(contractFields)
  .filter(([, f]) => f.type.kind === 'date')
  .map(([name]) => name);

/**
 * The outcomes every result shows under their own keys (docs/contract-format.md), in the result's
 * order; a ruleset's other outcomes go under `overige`.
 */
export const standardOutcomes = [
  'verplichting',
  'gerealiseerd',
  'restant',
  'overschot',
  'percentage',
  'boete',
] as const;
export type StandardOutcome = (typeof standardOutcomes)[number];

/** Whether an outcome of this name is one of the standard six. */
export const isStandardOutcome = (name: string): name is StandardOutcome =>
  (standardOutcomes as readonly string[]).includes(name);

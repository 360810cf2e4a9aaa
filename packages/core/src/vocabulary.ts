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
  readonly doc: string;
}

const req = (type: FieldType, doc: string): FieldSpec => ({ type, presence: 'required', doc });
const opt = (type: FieldType, doc: string): FieldSpec => ({ type, presence: 'optional', doc });
const fact = (doc: string): FieldSpec => ({ type: { kind: 'boolean' }, presence: 'default-false', doc });

const money: FieldType = { kind: 'money' };
const text: FieldType = { kind: 'text' };
const percentage: FieldType = { kind: 'percentage' };
const fte: FieldType = { kind: 'number', min: 0, minExclusive: true, max: 1.5 };
const months: FieldType = { kind: 'duration', unit: 'maanden', min: 0, minExclusive: true, max: 120 };
const enumOf = (enumeration: EnumerationName): FieldType => ({ kind: 'enum', enumeration });

/** Fields of the contract itself (everything except `activiteiten`). */
export const contractFields: Readonly<Record<string, FieldSpec>> = {
  id: opt(text, 'Kenmerk van het contract'),
  gemeente: opt(text, 'Gemeente die het contract gunde'),
  omschrijving: opt(text, 'Omschrijving van de opdracht'),
  opdrachtsoort: req(enumOf('opdrachtsoort'), 'Soort opdracht: diensten, werken of leveringen'),
  waarde: req(money, 'Contractwaarde exclusief btw'),
  gunningsdatum: req({ kind: 'date' }, 'Datum van gunning: kiest de periode en elk tarief'),
  startdatum: opt({ kind: 'date' }, 'Begin van het contract'),
  einddatum: opt({ kind: 'date' }, 'Einde van het contract (niet voor de startdatum)'),
  inspanningAangetoond: fact(
    'Opdrachtnemer toonde elke redelijke inspanning aan en de gemeente aanvaardde dat',
  ),
  arbeidsaandeel: opt(percentage, 'Aandeel arbeid in de contractwaarde, in procenten (0-100)'),
};

/** Fields every activity may carry besides its kind's own. */
const common: Readonly<Record<string, FieldSpec>> = {
  omschrijving: opt(text, 'Vrije omschrijving'),
};

/** The activity kinds (`soort`) and their fields. */
export const activityKinds: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = {
  plaatsing: {
    doelgroep: req(enumOf('doelgroep'), 'Doelgroep van de geplaatste persoon'),
    contractvorm: req(enumOf('contractvorm'), 'Arbeidsovereenkomst voor bepaalde of onbepaalde tijd'),
    fte: req(fte, 'Omvang; 1 fte is 36 uur per week'),
    maanden: req(months, 'Duur van de plaatsing in maanden'),
    leeftijd: opt({ kind: 'number', integer: true, min: 0, max: 120 }, 'Leeftijd in jaren'),
    arbeidsbeperking: fact('Persoon met een arbeidsbeperking (ook IPS)'),
    naStageVsoPro: fact('Dienstverband na een stage in VSO/PrO'),
    ...common,
  },
  leerling: {
    opleiding: req(enumOf('opleiding'), 'Opleiding van de leerling'),
    niveau: opt({ kind: 'number', integer: true, min: 1, max: 4 }, 'Niveau 1-4 (mbo)'),
    stage: fact('Leerling loopt stage'),
    arbeidsovereenkomst: fact('Leerling heeft een arbeidsovereenkomst'),
    fte: req(fte, 'Omvang; 1 fte is 36 uur per week'),
    maanden: req(months, 'Duur in maanden'),
    ...common,
  },
  arbeidsontwikkeling: {
    vorm: req(enumOf('vorm'), 'Vorm van arbeidsontwikkeling'),
    startkwalificatie: fact('Persoon heeft een startkwalificatie'),
    maanden: req(months, 'Duur van het traject in maanden'),
    ...common,
  },
  scholing: {
    kosten: req(money, 'Werkelijke kosten van de scholing'),
    ...common,
  },
  inkoop: {
    leverancier: req(enumOf('leverancier'), 'SW-bedrijf of sociaal ondernemer'),
    factuurbedrag: req(money, 'Factuurbedrag exclusief btw'),
    aandeelDoelgroep: opt(percentage, 'Art. 2.82: aandeel personeel uit de doelgroep, in procenten'),
    missieVoorop: opt({ kind: 'boolean' }, 'Art. 2.82: maatschappelijke missie staat voorop'),
    aandeelCommercieel: opt(
      percentage,
      'Art. 2.82: aandeel commerciële inkomsten (zonder subsidies), in procenten',
    ),
    ...common,
  },
  maatschappelijk: {
    uren: req({ kind: 'duration', unit: 'uren', min: 0 }, 'Bestede uren'),
    ...common,
  },
  investering: {
    bedrag: req(money, 'Geïnvesteerd bedrag'),
    vanContract: opt(text, 'Contract waar het bedrag vandaan komt'),
    ...common,
  },
  maatwerk: {
    bedrag: req(money, 'Goedgekeurd bedrag'),
    vanContract: opt(text, 'Contract waar het bedrag vandaan komt'),
    ...common,
  },
  overdracht: {
    bedrag: req(money, 'Overgedragen bedrag'),
    vanContract: opt(text, 'Contract waarvan de realisatie wordt overgedragen'),
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

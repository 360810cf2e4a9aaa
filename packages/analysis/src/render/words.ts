// The words of the review reports, in Dutch (the default) and English, and the descriptions of
// candidate contracts shared by the text and HTML renderers.
import { activityKinds, contractFields, type Language } from '@sroi/core';
import type { BoundaryFinding } from '../boundaries.js';
import type { ContractJson } from '../candidates.js';
import type { ChangeAspect, DiffCategory, DiffChange, DiffSubject } from '../diff/model.js';
import type { OutcomeSummary } from '../evaluate.js';
import type { MatrixSection } from '../matrix.js';
import type { Scenario } from '../periods.js';
import { showPlace } from '../ruleset.js';
import { fieldSpec, fieldText, showJson, showMoney } from '../values.js';

export const words = {
  nl: {
    diffTitle: 'Semantisch verschil tussen twee regelingen',
    compareTitle: 'Eén contract onder meerdere regelingen',
    matrixTitle: 'Harmonisatiematrix',
    categories: {
      header: 'Kop en perioden',
      scope: 'Reikwijdte en verplichting',
      valuations: 'Waarderingen',
      routes: 'Routes en maxima',
      outcomes: 'Uitkomsten',
      enumerations: 'Woordenschat (opsommingen)',
      properties: 'Eigenschappen',
      other: 'Overige declaraties',
      activities: 'Waarde van standaardactiviteiten (berekend)',
      obligation: 'Drempels en percentages (berekend)',
      caps: 'Maxima per route (berekend)',
      penalty: 'Boete (berekend)',
      portfolio: 'Voorbeeldportefeuille',
    } satisfies Record<DiffCategory | MatrixSection, string>,
    subjects: {
      header: 'kop',
      periods: 'kop',
      enumeration: 'opsomming',
      parameter: 'parameter',
      table: 'tabel',
      'table-row': 'tabelrij',
      definition: 'definitie',
      value: 'waarde',
      valuation: 'waardering',
      requirements: 'vereisten bij waardering',
      route: 'route',
      cap: 'maximum van route',
      outcome: 'uitkomst',
      property: 'eigenschap',
    } satisfies Record<DiffSubject, string>,
    aspects: {
      value: 'waarde gewijzigd',
      formula: 'formule gewijzigd',
      kind: 'soort declaratie gewijzigd',
      valued: 'waardering gewijzigd',
      structure: 'opbouw gewijzigd',
      provenance: 'bron of aanname gewijzigd',
    } satisfies Record<ChangeAspect, string>,
    added: 'nieuw',
    removed: 'vervallen',
    newlyValued: 'nu gewaardeerd (was niet gewaardeerd)',
    noLongerValued: 'niet meer gewaardeerd',
    addedValues: 'nieuwe waarden',
    removedValues: 'vervallen waarden',
    replaces: 'eigen regel van deze variant; vervangt',
    provenanceOnly: 'Alleen bron of aanname gewijzigd',
    noChanges: 'geen verschillen in regels, waarden en kop',
    summary: (changes: number, provOnly: number) =>
      `${changes} ${changes === 1 ? 'wijziging' : 'wijzigingen'} in regels, waarden en kop` +
      (provOnly ? `, en ${provOnly} alleen in bron of aanname` : ''),
    boundarySummary: (differing: number, candidates: number) =>
      `${differing} van ${candidates} voorbeeldcontracten ${differing === 1 ? 'krijgt' : 'krijgen'} een andere uitkomst`,
    boundaries: 'Grensgevallen: voorbeeldcontracten met een andere uitkomst',
    searched: (candidates: number, evaluations: number) =>
      `Gezocht met ${candidates} kandidaatcontracten (${evaluations} berekeningen): net onder, op en net boven elke grens die een van beide regelingen vergelijkt, en één activiteit per soort en per waarde van elke opsomming.`,
    dates: 'Peildata (elke regeling rekent met een datum in haar eigen periode)',
    baseContract: (waarde: string, soort: string) =>
      `Activiteiten staan in een contract van ${waarde} (${soort}).`,
    groupLine: (name: string, differing: number, candidates: number) =>
      `${name}: ${differing} van ${candidates} ${candidates === 1 ? 'kandidaat' : 'kandidaten'} ${differing === 1 ? 'verschilt' : 'verschillen'}`,
    shownOf: (shown: number) => `(de eenvoudigste ${shown} getoond)`,
    sameIn: 'Geen verschil in',
    candidatesOf: (n: number) => `${n} ${n === 1 ? 'kandidaat' : 'kandidaten'}`,
    groups: { scope: 'Reikwijdte en verplichting (geen activiteiten)', caps: 'Maxima per route' } as Record<
      string,
      string
    >,
    boundary: 'grenswaarde: net eronder en net erboven geven beide regelingen dezelfde uitkomst',
    positions: { below: 'net onder', at: 'precies op', above: 'net boven' },
    probe: (field: string, value: string, position: string, constant: string) =>
      `${field} ${value}: ${position} ${constant}`,
    from: 'uit',
    noActivities: 'geen activiteiten',
    contract: 'contract',
    outcomes: {
      verplichting: 'verplichting',
      waarderingen: 'waarderingen',
      gerealiseerd: 'gerealiseerd',
      boete: 'boete',
      restant: 'restant',
      overschot: 'overschot',
      percentage: 'percentage',
      fout: 'fout',
    } as Record<string, string>,
    differs: 'verschil in',
    onDates: 'op',
    alsoOn: 'ook op',
    and: 'en',
    none: 'geen',
    exit: 'Exitcode 0, ook als er verschillen zijn.',
    refused: 'geweigerd',
    moved: (field: string, given: string, periods: string, used: string) =>
      `${field} ${given} valt buiten de periode ${periods}; gerekend met ${used}`,
    notMoved: (field: string, given: string) => `${field} ${given}`,
    total: 'Totaal',
    activities: 'Activiteiten',
    routes: 'Routes (gerealiseerd)',
    explained: 'Verschillen verklaard',
    against: (i: number, base: number) => `[${i}] tegenover [${base}]`,
    onlyIn: (i: number) => `alleen in [${i}]`,
    cap: 'maximum',
    matrixBase: 'De eerste regeling is de basis: een gemarkeerde cel wijkt ervan af.',
    matrixDate: (date: string) =>
      `Berekende rijen op peildatum ${date} (verplaatst naar de eigen periode waar nodig):`,
    divergentRows: (n: number, total: number) => `${n} van ${total} rijen wijken af van de basis.`,
    legend: '* wijkt af van de basis',
    legendCompare: '° rust op een aanname (voorlopig) · * verschilt',
    legendCompareHtml:
      'Bij elke waarde staat of ze geciteerd is (bron) of op een aanname rust (voorlopig). Een gemarkeerde cel wijkt af van de eerste regeling.',
    legendProvenance:
      '° rust op een aanname (voorlopig); zonder ° geciteerd (bron) of vast gegeven · ! zie toelichting',
    provenance: { bron: 'bron', aanname: 'aanname', geen: 'geen bron' },
    provenanceShort: { bron: 'bron', aanname: 'aanname (voorlopig)', geen: 'geen bron of aanname' },
    assumptionsIn: 'aanname in',
    notes: 'Toelichting',
    basis: 'grondslag',
    explanation: 'toelichting',
    row: 'Regel',
    place: 'plaats',
    period: 'periode',
  },
  en: {
    diffTitle: 'Semantic difference between two rulesets',
    compareTitle: 'One contract under several rulesets',
    matrixTitle: 'Harmonisation matrix',
    categories: {
      header: 'Header and periods',
      scope: 'Scope and obligation',
      valuations: 'Valuations',
      routes: 'Routes and caps',
      outcomes: 'Outcomes',
      enumerations: 'Vocabulary (enumerations)',
      properties: 'Properties',
      other: 'Other declarations',
      activities: 'Value of standard activities (computed)',
      obligation: 'Thresholds and percentages (computed)',
      caps: 'Caps per route (computed)',
      penalty: 'Penalty (computed)',
      portfolio: 'Sample portfolio',
    } satisfies Record<DiffCategory | MatrixSection, string>,
    subjects: {
      header: 'header',
      periods: 'header',
      enumeration: 'enumeration',
      parameter: 'parameter',
      table: 'table',
      'table-row': 'table row',
      definition: 'definition',
      value: 'value',
      valuation: 'valuation',
      requirements: 'requirements of valuation',
      route: 'route',
      cap: 'cap of route',
      outcome: 'outcome',
      property: 'property',
    } satisfies Record<DiffSubject, string>,
    aspects: {
      value: 'value changed',
      formula: 'formula changed',
      kind: 'kind of declaration changed',
      valued: 'valuation changed',
      structure: 'structure changed',
      provenance: 'source or assumption changed',
    } satisfies Record<ChangeAspect, string>,
    added: 'new',
    removed: 'removed',
    newlyValued: 'now valued (was not valued)',
    noLongerValued: 'no longer valued',
    addedValues: 'new values',
    removedValues: 'removed values',
    replaces: "the variant's own rule; replaces",
    provenanceOnly: 'Only source or assumption changed',
    noChanges: 'no differences in rules, values and header',
    summary: (changes: number, provOnly: number) =>
      `${changes} ${changes === 1 ? 'change' : 'changes'} in rules, values and header` +
      (provOnly ? `, and ${provOnly} in source or assumption only` : ''),
    boundarySummary: (differing: number, candidates: number) =>
      `${differing} of ${candidates} sample contracts ${differing === 1 ? 'gets' : 'get'} a different outcome`,
    boundaries: 'Boundary cases: sample contracts with a different outcome',
    searched: (candidates: number, evaluations: number) =>
      `Searched with ${candidates} candidate contracts (${evaluations} evaluations): just below, at and just above every boundary either ruleset compares with, and one activity per kind and per value of every enumeration.`,
    dates: 'Reference dates (each ruleset evaluates on a date in its own period)',
    baseContract: (waarde: string, soort: string) => `Activities sit in a contract of ${waarde} (${soort}).`,
    groupLine: (name: string, differing: number, candidates: number) =>
      `${name}: ${differing} of ${candidates} ${candidates === 1 ? 'candidate' : 'candidates'} ${differing === 1 ? 'differs' : 'differ'}`,
    shownOf: (shown: number) => `(the simplest ${shown} shown)`,
    sameIn: 'No difference in',
    candidatesOf: (n: number) => `${n} ${n === 1 ? 'candidate' : 'candidates'}`,
    groups: { scope: 'Scope and obligation (no activities)', caps: 'Caps per route' } as Record<
      string,
      string
    >,
    boundary: 'boundary value: just below and just above, both rulesets agree',
    positions: { below: 'just below', at: 'exactly at', above: 'just above' },
    probe: (field: string, value: string, position: string, constant: string) =>
      `${field} ${value}: ${position} ${constant}`,
    from: 'from',
    noActivities: 'no activities',
    contract: 'contract',
    outcomes: {
      verplichting: 'obligation',
      waarderingen: 'valuations',
      gerealiseerd: 'realised',
      boete: 'penalty',
      restant: 'remainder',
      overschot: 'surplus',
      percentage: 'percentage',
      fout: 'error',
    } as Record<string, string>,
    differs: 'differs in',
    onDates: 'on',
    alsoOn: 'also on',
    and: 'and',
    none: 'none',
    exit: 'Exit code 0, also when there are differences.',
    refused: 'refused',
    moved: (field: string, given: string, periods: string, used: string) =>
      `${field} ${given} is outside the period ${periods}; evaluated on ${used}`,
    notMoved: (field: string, given: string) => `${field} ${given}`,
    total: 'Total',
    activities: 'Activities',
    routes: 'Routes (realised)',
    explained: 'Differences explained',
    against: (i: number, base: number) => `[${i}] against [${base}]`,
    onlyIn: (i: number) => `only in [${i}]`,
    cap: 'cap',
    matrixBase: 'The first ruleset is the base: a marked cell differs from it.',
    matrixDate: (date: string) =>
      `Computed rows on reference date ${date} (moved into each ruleset's own period where needed):`,
    divergentRows: (n: number, total: number) => `${n} of ${total} rows differ from the base.`,
    legend: '* differs from the base',
    legendCompare: '° rests on an assumption (provisional) · * differs',
    legendCompareHtml:
      'Each value says whether it is cited (bron) or rests on an assumption (provisional). A marked cell differs from the first ruleset.',
    legendProvenance: '° rests on an assumption (provisional); without ° cited (bron) or fixed · ! see notes',
    provenance: { bron: 'cited', aanname: 'assumption', geen: 'no source' },
    provenanceShort: {
      bron: 'cited (bron)',
      aanname: 'assumption (provisional)',
      geen: 'no source or assumption',
    },
    assumptionsIn: 'assumption in',
    notes: 'Notes',
    basis: 'footing',
    explanation: 'note',
    row: 'Rule',
    place: 'place',
    period: 'period',
  },
} as const;

export type Words = (typeof words)[Language];

/** The parts of a summary as one sentence: "3 wijzigingen ...; 1 van 13 ... uitkomst." */
export const sentence = (parts: readonly string[]): string => {
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

/** The heading of a change: "definitie binnen_bereik". */
export function changeTitle(c: DiffChange, lang: Language): string {
  const w = words[lang];
  if (c.subject === 'header' || c.subject === 'periods') return `${w.subjects.header} ${c.name}`;
  if (c.subject === 'value') return `${c.name}`;
  return `${w.subjects[c.subject]} ${c.name}`;
}

/** What happened to it: "nieuw", "formule gewijzigd", "nu gewaardeerd". */
export function changeVerdict(c: DiffChange, lang: Language): string {
  const w = words[lang];
  if (c.change === 'added') return w.added;
  if (c.change === 'removed') return w.removed;
  return c.aspects
    .map((a) => {
      if (a === 'valued') return c.new?.valued ? w.newlyValued : w.noLongerValued;
      if (a === 'kind')
        return `${w.aspects.kind}: ${c.old?.declaration ?? '?'} → ${c.new?.declaration ?? '?'}`;
      return w.aspects[a];
    })
    .join('; ');
}

/** "≥ → >; 2.500 → 5.000". */
export const fragmentsText = (c: DiffChange): string =>
  (c.fragments ?? []).map((f) => `${f.old || '∅'} → ${f.new || '∅'}`).join('; ');

function activityText(
  a: Record<string, unknown>,
  lang: Language,
  variants?: { field: string; values: readonly string[] },
): string {
  const kind = String(a['soort']);
  const spec = activityKinds[kind] ?? {};
  const parts = Object.entries(a)
    .filter(([k]) => k !== 'soort')
    .map(([k, v]) => {
      const t = spec[k]?.type;
      if (variants && k === variants.field && variants.values.length > 1) return variants.values.join(' / ');
      return fieldText(k, v, t, lang);
    });
  return `${kind}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** A candidate contract in a line: "€ 50.000,00 · diensten / werken · geen activiteiten". */
export function contractText(
  contract: ContractJson,
  lang: Language,
  variants?: { field: string; values: readonly string[] },
  withValue = true,
): string {
  const w = words[lang];
  const head: string[] = [];
  if (withValue) head.push(showMoney(String(contract['waarde']), lang));
  const soort =
    variants?.field === 'opdrachtsoort' && variants.values.length > 1
      ? variants.values.join(' / ')
      : String(contract['opdrachtsoort']);
  head.push(soort);
  for (const [k, v] of Object.entries(contract))
    if (!['id', 'waarde', 'opdrachtsoort', 'activiteiten', 'gunningsdatum'].includes(k)) {
      const t = contractFields[k]?.type;
      head.push(`${k} ${t ? showJson(t, v, lang) : String(v)}`);
    }
  const activityVariants = variants && variants.field !== 'opdrachtsoort' ? variants : undefined;
  const acts = contract.activiteiten.length
    ? contract.activiteiten.map((a) => activityText(a, lang, activityVariants)).join(' + ')
    : w.noActivities;
  return `${head.join(' · ')} · ${acts}`;
}

/** A finding's contract, its variants folded in. */
export const findingContract = (f: BoundaryFinding, lang: Language, withValue = true): string =>
  contractText(
    f.contract,
    lang,
    f.variantField ? { field: f.variantField, values: f.variants } : undefined,
    withValue,
  );

/**
 * Which input the boundary search varied to find a finding, to what value, and the rules (with
 * their places) whose constants it probed; undefined when the finding came from no probe.
 */
export function probeText(f: BoundaryFinding, lang: Language): string | undefined {
  if (!f.probe) return undefined;
  const w = words[lang];
  const { probe } = f;
  const spec = fieldSpec(probe.scope, probe.field, String(f.contract.activiteiten[0]?.['soort'] ?? ''));
  const value =
    probe.scope === 'contract' ? f.contract[probe.field] : f.contract.activiteiten[0]?.[probe.field];
  const show = (v: unknown) => (spec ? showJson(spec.type, v, lang) : String(v));
  const origins = probe.origins
    .map((o) => `${o.side === 0 ? 'A' : 'B'} ${o.rule} (${o.op}${o.place ? `, ${showPlace(o.place)}` : ''})`)
    .join('; ');
  return `${w.probe(probe.field, show(value), w.positions[probe.position], show(probe.value))} — ${w.from} ${origins}`;
}

/** "verplichting € 2.500,00 · gerealiseerd € 0,00 · boete € 2.500,00". */
export function summaryText(s: OutcomeSummary, lang: Language): string {
  const w = words[lang];
  if (s.fout !== undefined) return `${w.outcomes['fout']}: ${s.fout}`;
  const parts = [`${w.outcomes['verplichting']} ${showMoney(s.verplichting!, lang)}`];
  if (s.waarderingen?.length)
    parts.push(`${w.outcomes['waarderingen']} ${s.waarderingen.map((x) => showMoney(x, lang)).join(', ')}`);
  parts.push(`${w.outcomes['gerealiseerd']} ${showMoney(s.gerealiseerd!, lang)}`);
  parts.push(`${w.outcomes['boete']} ${showMoney(s.boete!, lang)}`);
  return parts.join(' · ');
}

/** "A 2019-10-01, B 2023-07-01" or, when both are the same, "2023-07-01". */
export const scenarioText = (s: Scenario): string => (s.a === s.b ? s.a : `A ${s.a}, B ${s.b}`);

export const groupName = (group: string, lang: Language): string => words[lang].groups[group] ?? group;

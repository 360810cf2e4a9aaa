// Social Return Rijnmond 2023-2027 in json-rules-engine 7: the rules of docs/domain.md as a JSON
// rule set, the way a team using a generic rules engine would write them, for comparison.
//
// json-rules-engine decides; it does not compute. A rule is conditions on facts that fire an event
// with parameters; there are no loops over activities and no arithmetic. So, as its users do:
//  - one engine per activity kind, run once per activity with the activity's fields as facts (and
//    `peildatum`, the gunningsdatum as the number yyyymmdd, because the operators compare numbers).
//    Its rules choose, as events: the tariff row for the date (`tarief`), the maximum duration
//    (`maximum`), each bonus (`bonus`), each failed requirement (`afwijzing`), and how the kind is
//    valued and on which route (`waardering`: a named formula with its constants);
//  - one engine for the contract (in scope above the threshold → the obligation percentage; the
//    maxima of the routes) and one for the boete (restant and inspanningAangetoond), run with facts
//    the driver computed;
//  - the driver (`evaluate`) does the arithmetic rules cannot: tariff × fte × months / 12, sums,
//    caps and rounding to the cent, with the exact integer helpers of the hand-written version.
import { Engine, type EngineResult, type RuleProperties } from 'json-rules-engine';
import type { Activity, Contract } from '../contracts.js';
import { cents, divRound, hundredths, type HandResult } from '../hand-written/rijnmond-2023-2027.js';

const TARIEFUPDATE = 20250701;
const always = { all: [] };
const is = (fact: string, value: unknown) => ({ fact, operator: 'equal', value });
/** Art. 2.82 holds a sociaal ondernemer to its criteria; an SW-bedrijf is not held to them. */
const notSw = { fact: 'leverancier', operator: 'notEqual', value: 'sw-bedrijf' };

/** One rule per row of a tariff table, for dates from `from` (inclusive) up to `to` (exclusive). */
const tariffRows = (
  field: string,
  rows: Readonly<Record<string, number>>,
  from?: number,
  to?: number,
): RuleProperties[] =>
  Object.entries(rows).map(([value, centen]) => ({
    name: `${field} ${value}${from ? ` vanaf ${from}` : ''}`,
    conditions: {
      all: [
        is(field, value),
        ...(from ? [{ fact: 'peildatum', operator: 'greaterThanInclusive', value: from }] : []),
        ...(to ? [{ fact: 'peildatum', operator: 'lessThan', value: to }] : []),
      ],
    },
    event: { type: 'tarief', params: { centen } },
  }));

const jaarwaarde2023 = {
  participatiewet: 4_000_000,
  loonkostensubsidie: 4_500_000,
  banenafspraak: 4_500_000,
  ww: 1_500_000,
  wia: 2_500_000,
  nugger: 1_000_000,
  'jongere-zonder-startkwalificatie': 1_000_000,
};
const jaarwaarde2025 = {
  participatiewet: 4_200_000,
  loonkostensubsidie: 4_725_000,
  banenafspraak: 4_725_000,
  ww: 1_575_000,
  wia: 2_625_000,
  nugger: 1_050_000,
  'jongere-zonder-startkwalificatie': 1_050_000,
};

/** The rules per activity kind. */
export const activityRules: Readonly<Record<Activity['soort'], RuleProperties[]>> = {
  plaatsing: [
    {
      name: 'plaatsing: jaarwaarde × min(fte, 1) × maanden / 12',
      conditions: always,
      event: { type: 'waardering', params: { route: 'werken', formule: 'tarief-per-jaar', maxFte: 1 } },
    },
    ...tariffRows('doelgroep', jaarwaarde2023, undefined, TARIEFUPDATE),
    ...tariffRows('doelgroep', jaarwaarde2025, TARIEFUPDATE),
    {
      name: 'plaatsing telt hoogstens 36 maanden, behalve banenafspraak en loonkostensubsidie',
      conditions: {
        all: [{ fact: 'doelgroep', operator: 'notIn', value: ['banenafspraak', 'loonkostensubsidie'] }],
      },
      event: { type: 'maximum', params: { maanden: 36 } },
    },
    {
      name: 'bonus contract voor onbepaalde tijd',
      conditions: { all: [is('contractvorm', 'onbepaald')] },
      event: { type: 'bonus', params: { centen: 750_000 } },
    },
    {
      name: 'bonus duurzame uitstroom: meer dan 12 maanden',
      conditions: { all: [{ fact: 'maanden', operator: 'greaterThan', value: 12 }] },
      event: { type: 'bonus', params: { centen: 500_000 } },
    },
  ],
  leerling: [
    {
      name: 'leerling: jaarwaarde × min(fte, 1) × maanden / 12',
      conditions: always,
      event: { type: 'waardering', params: { route: 'leren', formule: 'tarief-per-jaar', maxFte: 1 } },
    },
    ...tariffRows('opleiding', {
      'mbo-bbl': 1_500_000,
      'mbo-bol': 500_000,
      hbo: 500_000,
      vso: 750_000,
      pro: 750_000,
    }),
    {
      name: 'leerling telt hoogstens 24 maanden',
      conditions: always,
      event: { type: 'maximum', params: { maanden: 24 } },
    },
    {
      name: 'bonus arbeidsovereenkomst (niet hbo)',
      conditions: {
        all: [is('arbeidsovereenkomst', true), { fact: 'opleiding', operator: 'notEqual', value: 'hbo' }],
      },
      event: { type: 'bonus', params: { centen: 500_000 } },
    },
  ],
  arbeidsontwikkeling: [
    {
      name: 'arbeidsontwikkeling: maandwaarde × maanden',
      conditions: always,
      event: { type: 'waardering', params: { route: 'leren', formule: 'tarief-per-maand' } },
    },
    ...tariffRows('vorm', {
      'werk-fit': 50_000,
      voorschakelen: 75_000,
      'leren-en-werken': 100_000,
      inwerken: 50_000,
      doorstromen: 125_000,
    }),
    {
      name: 'traject telt hoogstens 12 maanden',
      conditions: always,
      event: { type: 'maximum', params: { maanden: 12 } },
    },
    {
      name: 'voorschakelen is voor mensen zonder startkwalificatie',
      conditions: { all: [is('vorm', 'voorschakelen'), is('startkwalificatie', true)] },
      event: {
        type: 'afwijzing',
        params: { melding: 'Voorschakelen is voor mensen zonder startkwalificatie' },
      },
    },
    {
      name: 'leren en werken vraagt een startkwalificatie',
      conditions: {
        all: [
          is('vorm', 'leren-en-werken'),
          { fact: 'startkwalificatie', operator: 'notEqual', value: true },
        ],
      },
      event: { type: 'afwijzing', params: { melding: 'Leren en werken vraagt een startkwalificatie' } },
    },
  ],
  scholing: [
    {
      name: 'scholing: werkelijke kosten',
      conditions: always,
      event: { type: 'waardering', params: { route: 'leren', formule: 'bedrag', veld: 'kosten' } },
    },
  ],
  inkoop: [
    {
      name: 'inkoop: 30% van het factuurbedrag',
      conditions: always,
      event: {
        type: 'waardering',
        params: { route: 'inkopen', formule: 'percentage', veld: 'factuurbedrag', percentage: 30 },
      },
    },
    {
      name: 'art. 2.82: minimaal 30% personeel uit de doelgroep',
      conditions: { all: [notSw, { fact: 'aandeelDoelgroep', operator: 'lessThan', value: 30 }] },
      event: { type: 'afwijzing', params: { melding: 'Geen erkend sociaal ondernemer: aandeel doelgroep' } },
    },
    {
      name: 'art. 2.82: de maatschappelijke missie staat voorop',
      conditions: { all: [notSw, is('missieVoorop', false)] },
      event: { type: 'afwijzing', params: { melding: 'Geen erkend sociaal ondernemer: missie' } },
    },
    {
      name: 'art. 2.82: minimaal 50% commerciële inkomsten',
      conditions: { all: [notSw, { fact: 'aandeelCommercieel', operator: 'lessThan', value: 50 }] },
      event: {
        type: 'afwijzing',
        params: { melding: 'Geen erkend sociaal ondernemer: commerciële inkomsten' },
      },
    },
  ],
  maatschappelijk: [
    {
      name: 'maatschappelijk: € 100 per uur',
      conditions: always,
      event: { type: 'waardering', params: { route: 'maatschappelijk', formule: 'per-uur', centen: 10_000 } },
    },
  ],
  investering: [
    {
      name: 'sociaal investeren: het bedrag',
      conditions: always,
      event: { type: 'waardering', params: { route: 'investeren', formule: 'bedrag', veld: 'bedrag' } },
    },
  ],
  maatwerk: [
    {
      name: 'open sociale impact invulling: het bedrag',
      conditions: always,
      event: { type: 'waardering', params: { route: 'open', formule: 'bedrag', veld: 'bedrag' } },
    },
  ],
  overdracht: [
    {
      name: 'overdracht: het bedrag',
      conditions: always,
      event: { type: 'waardering', params: { route: 'overdracht', formule: 'bedrag', veld: 'bedrag' } },
    },
  ],
};

/** Contract level: scope and obligation, and the maxima of the routes (percent of the obligation). */
export const contractRules: RuleProperties[] = [
  {
    name: 'binnen bereik boven € 50.000: 5% van de waarde',
    conditions: { all: [{ fact: 'waarde', operator: 'greaterThan', value: 5_000_000 }] },
    event: { type: 'verplichting', params: { percentage: 5 } },
  },
  ...(
    [
      ['maatschappelijk', 10],
      ['open', 20],
      ['overdracht', 10],
    ] as const
  ).map(([route, percentage]) => ({
    name: `maximum route ${route}: ${percentage}% van de verplichting`,
    conditions: always,
    event: { type: 'maximum', params: { route, percentage } },
  })),
];

export const boeteRules: RuleProperties[] = [
  {
    name: 'geen boete bij aangetoonde inspanning',
    conditions: {
      all: [is('inspanningAangetoond', true), { fact: 'restant', operator: 'greaterThan', value: 0 }],
    },
    event: { type: 'boete', params: { percentage: 0 } },
  },
  {
    name: 'boete: 100% van het restant',
    conditions: {
      not: {
        all: [is('inspanningAangetoond', true), { fact: 'restant', operator: 'greaterThan', value: 0 }],
      },
    },
    event: { type: 'boete', params: { percentage: 100 } },
  },
];

type Params = Record<string, number | string | undefined>;
const paramsOf = (r: EngineResult, type: string): Params[] =>
  r.events.filter((e) => e.type === type).map((e) => (e.params ?? {}) as Params);

/** Engines built once from the rule sets above; `evaluate` runs them for a contract. */
export class RijnmondRulesEngine {
  private readonly perKind = new Map<string, Engine>();
  private readonly contract = new Engine(contractRules, { allowUndefinedFacts: true });
  private readonly boete = new Engine(boeteRules, { allowUndefinedFacts: true });

  constructor() {
    for (const [soort, rules] of Object.entries(activityRules))
      this.perKind.set(soort, new Engine(rules, { allowUndefinedFacts: true }));
  }

  /** The value of one activity in cents and its route, from the events of its kind's engine. */
  private async activity(a: Activity, peildatum: number): Promise<{ route: string; centen: number }> {
    const r = await this.perKind.get(a.soort)!.run({ ...a, peildatum });
    const w = paramsOf(r, 'waardering')[0]!;
    const route = w['route'] as string;
    if (paramsOf(r, 'afwijzing').length > 0) return { route, centen: 0 };
    const bonus = paramsOf(r, 'bonus').reduce((s, p) => s + (p['centen'] as number), 0);
    const maximum = paramsOf(r, 'maximum')[0]?.['maanden'] as number | undefined;
    const fields = a as unknown as Record<string, number | string>;
    switch (w['formule']) {
      case 'tarief-per-jaar':
      case 'tarief-per-maand': {
        const tarief = paramsOf(r, 'tarief')[0]!['centen'] as number;
        const maanden = hundredths(fields['maanden'] as number);
        const geteld = maximum === undefined ? maanden : Math.min(maanden, maximum * 100);
        if (w['formule'] === 'tarief-per-maand') return { route, centen: divRound(tarief * geteld, 100) };
        const fte = Math.min(hundredths(fields['fte'] as number), (w['maxFte'] as number) * 100);
        const d = 100 * 100 * 12;
        return { route, centen: divRound(tarief * fte * geteld + bonus * d, d) };
      }
      case 'bedrag':
        return { route, centen: cents(fields[w['veld'] as string]!) };
      case 'percentage':
        return {
          route,
          centen: divRound(cents(fields[w['veld'] as string]!) * (w['percentage'] as number), 100),
        };
      case 'per-uur':
        return {
          route,
          centen: divRound((w['centen'] as number) * hundredths(fields['uren'] as number), 100),
        };
      default:
        throw new Error(`json-rules-engine Rijnmond: unknown formula ${String(w['formule'])}`);
    }
  }

  async evaluate(c: Contract): Promise<HandResult> {
    const peildatum = Number(c.gunningsdatum.replaceAll('-', ''));
    const waarde = cents(c.waarde);
    const [scope, ...activities] = await Promise.all([
      this.contract.run({ waarde, peildatum }),
      ...c.activiteiten.map((a) => this.activity(a, peildatum)),
    ]);
    const pct = paramsOf(scope!, 'verplichting')[0]?.['percentage'] as number | undefined;
    const verplichting = pct === undefined ? 0 : divRound(waarde * pct, 100);
    const totals = new Map<string, number>();
    for (const a of activities as { route: string; centen: number }[])
      totals.set(a.route, (totals.get(a.route) ?? 0) + a.centen);
    const caps = new Map(
      paramsOf(scope!, 'maximum').map((p) => [p['route'] as string, p['percentage'] as number]),
    );
    let gerealiseerd = 0;
    for (const [route, total] of totals) {
      const cap = caps.get(route);
      gerealiseerd += cap === undefined ? total : Math.min(total, divRound(verplichting * cap, 100));
    }
    const restant = Math.max(0, verplichting - gerealiseerd);
    const boete = await this.boete.run({ restant, inspanningAangetoond: c.inspanningAangetoond === true });
    const boetePct = paramsOf(boete, 'boete')[0]!['percentage'] as number;
    return {
      verplichting,
      waarderingen: (activities as { centen: number }[]).map((a) => a.centen),
      gerealiseerd,
      restant,
      percentage: verplichting === 0 ? null : divRound(gerealiseerd * 10_000, verplichting),
      boete: divRound(restant * boetePct, 100),
    };
  }
}

// Small IR documents written by hand, so the evaluator is tested without the compiler: the
// pieces below are the IR of a tiny ruleset (one period, 5% obligation, two routes, one cap).
import {
  enumerationNames,
  IR_VERSION,
  sharedEnumerationValues,
  type IrDocument,
  type IrExpr,
  type IrSpan,
  type IrType,
} from '@sroi/core';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Doc = Mutable<IrDocument>;

/** A span on a line of the (imaginary) file `klein.sroi`; offsets are 10 per line. */
export const at = (line: number, column = 1, length = 1): IrSpan => ({
  file: 0,
  start: (line - 1) * 10 + column - 1,
  end: (line - 1) * 10 + column - 1 + length,
  line,
  column,
});

export const num = (n: string): IrExpr => ({ k: 'const', v: { num: n } });
export const text = (t: string): IrExpr => ({ k: 'const', v: { text: t } });
export const unknown: IrExpr = { k: 'const', v: { unknown: true } };
export const field = (name: string): IrExpr => ({ k: 'field', scope: 'activity', name });
export const contractField = (name: string): IrExpr => ({ k: 'field', scope: 'contract', name });
export const outcome = (name: string): IrExpr => ({ k: 'outcome', name });
export const param = (name: string): IrExpr => ({ k: 'param', name });
export const def = (key: string): IrExpr => ({ k: 'def', key });
export const add = (l: IrExpr, r: IrExpr): IrExpr => ({ k: 'arith', op: '+', l, r });
export const sub = (l: IrExpr, r: IrExpr): IrExpr => ({ k: 'arith', op: '-', l, r });
export const mul = (l: IrExpr, r: IrExpr): IrExpr => ({ k: 'arith', op: '*', l, r });
export const div = (l: IrExpr, r: IrExpr, where: IrSpan = at(40, 5)): IrExpr => ({
  k: 'arith',
  op: '/',
  l,
  r,
  at: where,
});
export const eq = (l: IrExpr, r: IrExpr): IrExpr => ({ k: 'cmp', op: '=', l, r });
export const roundCents = (x: IrExpr): IrExpr => ({ k: 'round', x, q: num('1'), mode: 'half' });
export const when = (c: IrExpr, t: IrExpr, e: IrExpr, src: string, where: IrSpan): IrExpr => ({
  k: 'if',
  c,
  t,
  e,
  src,
  at: where,
});

const bron = (text: string) => [{ kind: 'bron' as const, text }];
const money: IrType = { t: 'bedrag' };

/**
 * The IR of:
 *   periode "2024" van 2024-01-01 tot en met 2024-12-31
 *   parameter sr_percentage: percentage = 5%
 *   definitie bonus_onbepaald bij plaatsing: bedrag = als activiteit.contractvorm = onbepaald dan € 1.000 anders € 0
 *   waardering plaatsing = afronden(€ 10.000 per jaar × activiteit.maanden + bonus_onbepaald, op € 0,01)
 *   waardering scholing = activiteit.kosten
 *   waardering maatschappelijk = € 100 per uur × activiteit.uren
 *   route werken "Werken": plaatsing, scholing
 *   route maatschappelijk "Maatschappelijk": maatschappelijk  maximum afronden(10% × verplichting, op € 0,01)
 *   the five outcomes, as in the Rijnmond ruleset (boete = restant)
 */
export function tinyIr(): Doc {
  return {
    irVersion: IR_VERSION,
    generator: 'hand-written',
    ruleset: { name: 'Klein', provenance: bron('Testbeleid'), bases: [] },
    files: ['klein.sroi'],
    referenceDate: 'gunningsdatum',
    periods: [{ name: '2024', from: '2024-01-01', to: '2024-12-31', provenance: [], at: at(2) }],
    enumerations: enumerationNames.map((name, i) => ({
      name,
      values: [...sharedEnumerationValues[name]],
      provenance: [],
      at: at(3 + i),
    })),
    parameters: [
      {
        name: 'sr_percentage',
        type: { t: 'percentage' },
        versions: [{ value: { num: '1/20' }, src: '5%', provenance: bron('Beleid: 5%'), at: at(10, 30) }],
        at: at(10),
      },
    ],
    tables: [],
    definitions: [
      {
        key: 'plaatsing.bonus_onbepaald',
        name: 'bonus_onbepaald',
        scope: 'plaatsing',
        type: money,
        expr: when(
          eq(field('contractvorm'), text('onbepaald')),
          num('100000'),
          num('0'),
          'activiteit.contractvorm = onbepaald',
          at(21, 6, 35),
        ),
        src: 'als activiteit.contractvorm = onbepaald dan € 1.000 anders € 0',
        provenance: bron('Bonus voor onbepaalde tijd'),
        at: at(20),
      },
    ],
    valuations: [
      {
        kind: 'plaatsing',
        expr: roundCents(add(mul(num('250000/3'), field('maanden')), def('plaatsing.bonus_onbepaald'))),
        requirements: [],
        src: 'afronden(€ 10.000 per jaar × activiteit.maanden + bonus_onbepaald, op € 0,01)',
        provenance: bron('Plaatsing'),
        at: at(25),
      },
      {
        kind: 'scholing',
        expr: field('kosten'),
        requirements: [],
        src: 'activiteit.kosten',
        provenance: [],
        at: at(26),
      },
      {
        kind: 'maatschappelijk',
        expr: mul(num('10000'), field('uren')),
        requirements: [],
        src: '€ 100 per uur × activiteit.uren',
        provenance: [],
        at: at(27),
      },
    ],
    routes: [
      { name: 'werken', label: 'Werken', kinds: ['plaatsing', 'scholing'], provenance: [], at: at(30) },
      {
        name: 'maatschappelijk',
        label: 'Maatschappelijk',
        kinds: ['maatschappelijk'],
        cap: {
          expr: roundCents(mul(num('1/10'), outcome('verplichting'))),
          src: 'afronden(10% × verplichting, op € 0,01)',
          provenance: bron('Maximum 10%'),
          at: at(32, 3),
        },
        provenance: [],
        at: at(31),
      },
    ],
    outcomes: [
      {
        name: 'verplichting',
        type: money,
        expr: roundCents(mul(contractField('waarde'), param('sr_percentage'))),
        src: 'afronden(contract.waarde × sr_percentage, op € 0,01)',
        provenance: [],
        at: at(40),
      },
      {
        name: 'gerealiseerd',
        type: money,
        expr: { k: 'sum', over: 'route', body: { k: 'attr', of: 'route', name: 'gerealiseerd' } },
        src: 'som(route.gerealiseerd voor elke route)',
        provenance: [],
        at: at(41),
      },
      {
        name: 'restant',
        type: money,
        expr: { k: 'max', args: [num('0'), sub(outcome('verplichting'), outcome('gerealiseerd'))] },
        src: 'max(€ 0, verplichting - gerealiseerd)',
        provenance: [],
        at: at(42),
      },
      {
        name: 'overschot',
        type: money,
        expr: { k: 'max', args: [num('0'), sub(outcome('gerealiseerd'), outcome('verplichting'))] },
        src: 'max(€ 0, gerealiseerd - verplichting)',
        provenance: [],
        at: at(42),
      },
      {
        name: 'percentage',
        type: { t: 'percentage', optional: true },
        expr: when(
          eq(outcome('verplichting'), num('0')),
          unknown,
          {
            k: 'round',
            x: div(outcome('gerealiseerd'), outcome('verplichting')),
            q: num('1/10000'),
            mode: 'half',
          },
          'verplichting = € 0',
          at(43, 3),
        ),
        src: 'als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)',
        provenance: [],
        at: at(43),
      },
      { name: 'boete', type: money, expr: outcome('restant'), src: 'restant', provenance: [], at: at(44) },
    ],
    examples: [],
    properties: [],
  };
}

/** A contract for the tiny ruleset: € 100.000 awarded in 2024, with the given activities. */
export const contract = (...activiteiten: unknown[]) => ({
  id: 'T-1',
  opdrachtsoort: 'diensten',
  waarde: '100000.00',
  gunningsdatum: '2024-05-01',
  activiteiten,
});

export const placement = (contractvorm: 'bepaald' | 'onbepaald', maanden: number) => ({
  soort: 'plaatsing',
  doelgroep: 'participatiewet',
  contractvorm,
  fte: 1,
  maanden,
});

/**
 * The tiny ruleset with a table `jaarwaarde(doelgroep)`, one row per [doelgroepen, cents per year]
 * ('any': every doelgroep), valuing a placement as its row × activiteit.maanden.
 */
export function tinyIrWithTable(
  hitPolicy: 'uniek' | 'eerste' | 'som',
  rows: readonly (readonly [readonly string[] | 'any', string])[],
): Doc {
  const doc = tinyIr();
  doc.tables.push({
    name: 'jaarwaarde',
    hitPolicy,
    inputs: [{ name: 'doelgroep', type: { t: 'opsomming', name: 'doelgroep' } }],
    outputs: [{ name: 'waarde', type: { t: 'tarief', per: 'jaar' } }],
    single: true,
    versions: [
      {
        rows: rows.map(([values, cents], i) => ({
          when: [values === 'any' ? { any: true as const } : { in: values.map((v) => ({ text: v })) }],
          then: [num(cents)],
          src: `rij ${i + 1}`,
          provenance: [],
          at: at(60 + i),
        })),
        provenance: [],
        at: at(59),
      },
    ],
    provenance: [],
    at: at(58),
  });
  const lookup: IrExpr = { k: 'table', name: 'jaarwaarde', args: [field('doelgroep')] };
  doc.valuations[0]!.expr = roundCents(mul(lookup, field('maanden')));
  return doc;
}

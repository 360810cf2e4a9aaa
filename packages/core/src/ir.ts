// The IR: a checked ruleset as plain, versioned JSON — the contract between the compiler
// (which writes it) and the evaluator (which accepts only IR that validates against this schema).
// Numbers are exact rationals in text ("n" or "n/d") in normalised units: money in cents, rates in
// cents per month/day/hour, durations in months/days/hours, percentages as ratios, dates as days.
import * as z from 'zod';

export const IR_VERSION = 2;

// The zod schemas are built on first use, not when the module loads: the evaluator accepts IR
// through the generated validator, so `sroi eval` of an IR file never pays for building them.

function leafSchemas() {
  const timeUnit = z.enum(['jaar', 'maand', 'week', 'dag', 'uur']);

  const optionalFlag = { optional: z.boolean().optional() };
  const irType = z
    .discriminatedUnion('t', [
      z.strictObject({ t: z.literal('bedrag'), ...optionalFlag }),
      z.strictObject({ t: z.literal('tarief'), per: timeUnit, ...optionalFlag }),
      z.strictObject({ t: z.literal('getal'), ...optionalFlag }),
      z.strictObject({ t: z.literal('percentage'), ...optionalFlag }),
      z.strictObject({ t: z.literal('duur'), unit: timeUnit, ...optionalFlag }),
      z.strictObject({ t: z.literal('datum'), ...optionalFlag }),
      z.strictObject({ t: z.literal('tekst'), ...optionalFlag }),
      z.strictObject({ t: z.literal('janee'), ...optionalFlag }),
      z.strictObject({ t: z.literal('opsomming'), name: z.string(), ...optionalFlag }),
      z.strictObject({ t: z.literal('rij'), table: z.string(), ...optionalFlag }),
    ])
    .meta({ id: 'IrType' });

  /** A source span with its position already computed (the evaluator has no source text). */
  const irSpan = z
    .strictObject({
      file: z.number().int().nonnegative(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
    })
    .meta({ id: 'IrSpan' });

  const irProvenance = z
    .strictObject({
      kind: z.enum(['bron', 'aanname']),
      text: z.string(),
      at: irSpan.optional(),
    })
    .meta({ id: 'IrProvenance' });

  /** An exact rational in text: "12", "-3/4". */
  const rational = z.string().regex(/^-?\d+(\/[1-9]\d*)?$/);
  const irValue = z
    .union([
      z.strictObject({ num: rational }),
      z.strictObject({ bool: z.boolean() }),
      z.strictObject({ text: z.string() }),
      z.strictObject({ unknown: z.literal(true) }),
    ])
    .meta({ id: 'IrValue' });

  const comparison = z.enum(['=', '≠', '<', '≤', '>', '≥']);

  return { timeUnit, irType, irSpan, irProvenance, irValue, comparison };
}
type LeafSchemas = ReturnType<typeof leafSchemas>;

export type IrTimeUnit = z.infer<LeafSchemas['timeUnit']>;
export type IrType = z.infer<LeafSchemas['irType']>;
export type IrSpan = z.infer<LeafSchemas['irSpan']>;
export type IrProvenance = z.infer<LeafSchemas['irProvenance']>;
export type IrValue = z.infer<LeafSchemas['irValue']>;
export type IrComparison = z.infer<LeafSchemas['comparison']>;

export type IrExpr =
  | { k: 'const'; v: IrValue }
  | { k: 'field'; scope: 'contract' | 'activity'; name: string }
  | { k: 'attr'; of: 'activity' | 'route'; name: 'waardering' | 'soort' | 'gerealiseerd' | 'totaal' | 'naam' }
  | { k: 'param'; name: string }
  | { k: 'def'; key: string }
  | { k: 'outcome'; name: string }
  | { k: 'refdate' }
  | { k: 'table'; name: string; args: IrExpr[] }
  | { k: 'member'; of: IrExpr; field: string }
  | { k: 'neg'; x: IrExpr }
  | { k: 'not'; x: IrExpr }
  | { k: 'arith'; op: '+' | '-' | '*' | '/'; l: IrExpr; r: IrExpr; at?: IrSpan }
  | { k: 'cmp'; op: IrComparison; l: IrExpr; r: IrExpr }
  | { k: 'and'; l: IrExpr; r: IrExpr }
  | { k: 'or'; l: IrExpr; r: IrExpr }
  | { k: 'if'; c: IrExpr; t: IrExpr; e: IrExpr; src: string; at: IrSpan }
  | { k: 'in'; x: IrExpr; options: IrExpr[]; negated: boolean }
  | { k: 'min' | 'max'; args: IrExpr[] }
  | { k: 'default'; x: IrExpr; fallback: IrExpr }
  | { k: 'known'; x: IrExpr }
  /** `maanden_tussen(van, tot)`: months from one date through another, part months whole; unknown when a date is. */
  | { k: 'months'; from: IrExpr; to: IrExpr }
  | { k: 'round'; x: IrExpr; q: IrExpr; mode: 'half' | 'floor' | 'ceiling' }
  | { k: 'sum'; over: 'activity' | 'route'; body: IrExpr; filter?: IrExpr }
  | { k: 'message'; x: IrExpr; text: IrTemplate; at: IrSpan };

/** Message text with values filled in: `{ text }` parts and `{ x, type }` parts. */
export type IrTemplate = ({ text: string } | { x: IrExpr; type: IrType })[];

function documentSchemas() {
  const { irType, irSpan, irProvenance, irValue, comparison } = leafSchemas();
  const irExpr: z.ZodType<IrExpr> = z.lazy(() =>
    z
      .union([
        z.strictObject({ k: z.literal('const'), v: irValue }),
        z.strictObject({ k: z.literal('field'), scope: z.enum(['contract', 'activity']), name: z.string() }),
        z.strictObject({
          k: z.literal('attr'),
          of: z.enum(['activity', 'route']),
          name: z.enum(['waardering', 'soort', 'gerealiseerd', 'totaal', 'naam']),
        }),
        z.strictObject({ k: z.literal('param'), name: z.string() }),
        z.strictObject({ k: z.literal('def'), key: z.string() }),
        z.strictObject({ k: z.literal('outcome'), name: z.string() }),
        z.strictObject({ k: z.literal('refdate') }),
        z.strictObject({ k: z.literal('table'), name: z.string(), args: z.array(irExpr) }),
        z.strictObject({ k: z.literal('member'), of: irExpr, field: z.string() }),
        z.strictObject({ k: z.literal('neg'), x: irExpr }),
        z.strictObject({ k: z.literal('not'), x: irExpr }),
        z.strictObject({
          k: z.literal('arith'),
          op: z.enum(['+', '-', '*', '/']),
          l: irExpr,
          r: irExpr,
          at: irSpan.optional(),
        }),
        z.strictObject({ k: z.literal('cmp'), op: comparison, l: irExpr, r: irExpr }),
        z.strictObject({ k: z.literal('and'), l: irExpr, r: irExpr }),
        z.strictObject({ k: z.literal('or'), l: irExpr, r: irExpr }),
        z.strictObject({ k: z.literal('if'), c: irExpr, t: irExpr, e: irExpr, src: z.string(), at: irSpan }),
        z.strictObject({ k: z.literal('in'), x: irExpr, options: z.array(irExpr), negated: z.boolean() }),
        z.strictObject({ k: z.enum(['min', 'max']), args: z.array(irExpr).min(1) }),
        z.strictObject({ k: z.literal('default'), x: irExpr, fallback: irExpr }),
        z.strictObject({ k: z.literal('known'), x: irExpr }),
        z.strictObject({ k: z.literal('months'), from: irExpr, to: irExpr }),
        z.strictObject({
          k: z.literal('round'),
          x: irExpr,
          q: irExpr,
          mode: z.enum(['half', 'floor', 'ceiling']),
        }),
        z.strictObject({
          k: z.literal('sum'),
          over: z.enum(['activity', 'route']),
          body: irExpr,
          filter: irExpr.optional(),
        }),
        z.strictObject({ k: z.literal('message'), x: irExpr, text: irTemplate, at: irSpan }),
      ])
      .meta({ id: 'IrExpr' }),
  );
  const irTemplate: z.ZodType<IrTemplate> = z.lazy(() =>
    z
      .array(z.union([z.strictObject({ text: z.string() }), z.strictObject({ x: irExpr, type: irType })]))
      .meta({ id: 'IrTemplate' }),
  );

  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const provenance = z.array(irProvenance);

  /** What a rule-like declaration carries for explanations: formula as written, sources, place. */
  const ruleInfo = { src: z.string(), provenance, at: irSpan };

  const irCell = z
    .union([
      z.strictObject({ any: z.literal(true) }),
      z.strictObject({ in: z.array(irValue).min(1) }),
      z.strictObject({ cmp: z.array(z.tuple([comparison, irValue])).min(1) }),
    ])
    .meta({ id: 'IrCell' });

  const column = z.strictObject({ name: z.string(), type: irType });

  const irDocument = z.strictObject({
    irVersion: z.literal(IR_VERSION),
    generator: z.string(),
    ruleset: z.strictObject({
      name: z.string(),
      version: z.string().optional(),
      region: z.string().optional(),
      municipality: z.string().optional(),
      provenance,
      bases: z.array(z.string()),
    }),
    files: z.array(z.string()),
    referenceDate: z.string(),
    periods: z
      .array(z.strictObject({ name: z.string(), from: isoDate, to: isoDate, provenance, at: irSpan }))
      .min(1),
    enumerations: z.array(
      z.strictObject({ name: z.string(), values: z.array(z.string()), provenance, at: irSpan }),
    ),
    parameters: z.array(
      z.strictObject({
        name: z.string(),
        type: irType,
        /** The declared range (`tussen ... en ...`), both bounds included. */
        range: z.strictObject({ min: irValue, max: irValue }).optional(),
        versions: z
          .array(
            z.strictObject({
              from: isoDate.optional(),
              value: irValue,
              src: z.string(),
              provenance,
              at: irSpan,
            }),
          )
          .min(1),
        at: irSpan,
      }),
    ),
    tables: z.array(
      z.strictObject({
        name: z.string(),
        hitPolicy: z.enum(['uniek', 'eerste', 'som']),
        inputs: z.array(column),
        outputs: z.array(column).min(1),
        single: z.boolean(),
        versions: z
          .array(
            z.strictObject({
              from: isoDate.optional(),
              rows: z.array(z.strictObject({ when: z.array(irCell), then: z.array(irExpr), ...ruleInfo })),
              provenance,
              at: irSpan,
            }),
          )
          .min(1),
        provenance,
        at: irSpan,
      }),
    ),
    definitions: z.array(
      z.strictObject({
        key: z.string(),
        name: z.string(),
        scope: z.string().optional(),
        type: irType,
        expr: irExpr,
        ...ruleInfo,
      }),
    ),
    valuations: z.array(
      z.strictObject({
        kind: z.string(),
        expr: irExpr,
        requirements: z.array(z.strictObject({ when: irExpr, message: irTemplate, ...ruleInfo })),
        /**
         * `binnen <duur>`: the contract's duration in months (unknown: no check); an activity whose
         * `maanden` exceed it gets a melding, its value unchanged.
         */
        within: z.strictObject({ expr: irExpr, ...ruleInfo }).optional(),
        ...ruleInfo,
      }),
    ),
    routes: z.array(
      z.strictObject({
        name: z.string(),
        label: z.string(),
        kinds: z.array(z.string()),
        cap: z.strictObject({ expr: irExpr, ...ruleInfo }).optional(),
        provenance,
        at: irSpan,
      }),
    ),
    outcomes: z.array(z.strictObject({ name: z.string(), type: irType, expr: irExpr, ...ruleInfo })),
    examples: z.array(
      z.strictObject({
        title: z.string(),
        contract: z.record(z.string(), z.unknown()),
        expect: z.strictObject({
          outcomes: z.array(z.strictObject({ name: z.string(), value: z.string(), at: irSpan })),
          valuations: z.array(
            z.strictObject({ index: z.number().int().nonnegative(), value: z.string(), at: irSpan }),
          ),
          messages: z.array(z.strictObject({ text: z.string(), at: irSpan })),
        }),
        provenance,
        at: irSpan,
      }),
    ),
    /**
     * Properties (`eigenschap`) that must hold for every contract: a condition, or a monotonicity
     * statement — `target` does not decrease (stijgend) / increase (dalend) when `field` increases.
     */
    properties: z.array(
      z.strictObject({
        title: z.string(),
        expr: irExpr.optional(),
        monotone: z
          .strictObject({
            direction: z.enum(['stijgend', 'dalend']),
            target: z.union([
              z.strictObject({ outcome: z.string() }),
              z.strictObject({ valuation: z.literal(true) }),
            ]),
            field: z.strictObject({
              scope: z.enum(['contract', 'activity']),
              kind: z.string().optional(),
              name: z.string(),
            }),
          })
          .optional(),
        ...ruleInfo,
      }),
    ),
  });
  return { irCell, irDocument };
}
type DocumentSchemas = ReturnType<typeof documentSchemas>;

export type IrCell = z.infer<DocumentSchemas['irCell']>;
export type IrDocument = z.infer<DocumentSchemas['irDocument']>;

let built: DocumentSchemas | undefined;

/** The zod schema of an IR document (built once, on first use). */
export const irDocumentSchema = (): DocumentSchemas['irDocument'] => (built ??= documentSchemas()).irDocument;

/** The JSON Schema (draft 2020-12) of the IR, for ajv in the evaluator and for other tools. */
export function irJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(irDocumentSchema(), { unrepresentable: 'any' }) as Record<string, unknown>),
    $id: `https://sroi.dev/schema/ir-v${IR_VERSION}.json`,
    title: `sroi IR v${IR_VERSION}`,
  };
}

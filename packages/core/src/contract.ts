// Contract input: the zod schema of contract-format.md, built from the vocabulary catalogue,
// and its translation into exact runtime values. Every problem becomes a Diagnostic with a JSON path.
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Result } from './diagnostic.js';
import { formatIsoDate, parseIsoDate } from './date.js';
import { Rational } from './rational.js';
import { suggestNames } from './suggest.js';
import {
  activityKindNames,
  activityKinds,
  contractFields,
  type EnumerationName,
  type FieldSpec,
  type FieldType,
} from './vocabulary.js';

/**
 * A runtime value: money in cents, percentages as ratios (5% = 1/20), durations in their unit,
 * dates as days since 1970-01-01 — all exact Rationals; yes/no as boolean; texts and
 * enumeration values as strings; null for an optional field that is absent (unknown).
 */
export type Value = Rational | boolean | string | null;

/** One activity of a validated contract. */
export interface ActivityInput {
  readonly index: number;
  readonly soort: string;
  readonly fields: ReadonlyMap<string, Value>;
}

/** A validated contract, in exact values. */
export interface ContractInput {
  readonly fields: ReadonlyMap<string, Value>;
  readonly activities: readonly ActivityInput[];
}

/** The allowed values per enumeration, as a ruleset declares them. */
export type EnumerationValues = Readonly<Partial<Record<EnumerationName, readonly string[]>>>;

const IDENTIFIER = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MONEY_TEXT = /^\d+(?:\.\d{1,2})?$/;

// ── zod schemas (shape) ────────────────────────────────────────────────────────

const moneySchema = z.union([z.string(), z.number()]).meta({
  description: 'Bedrag in euro exclusief btw: tekst "1250000.00" (hoogstens twee decimalen) of getal',
});

const boundsText = (t: { min?: number; minExclusive?: boolean; max?: number }): string =>
  [
    t.min !== undefined ? `${t.minExclusive ? '>' : '≥'} ${t.min}` : '',
    t.max !== undefined ? `≤ ${t.max}` : '',
  ]
    .filter(Boolean)
    .join(' en ');

function shapeSchema(type: FieldType, enums?: EnumerationValues): z.ZodType {
  switch (type.kind) {
    case 'money':
      return moneySchema;
    case 'number':
    case 'duration': {
      let s = type.kind === 'number' && type.integer ? z.number().int() : z.number();
      if (type.min !== undefined) s = type.minExclusive ? s.gt(type.min) : s.gte(type.min);
      if (type.max !== undefined) s = s.lte(type.max);
      return s;
    }
    case 'percentage':
      return z.number().gte(0).lte(100).meta({ description: 'Percentage 0-100' });
    case 'date':
      return z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .meta({ description: 'Datum JJJJ-MM-DD', format: 'date' });
    case 'text':
      return z.string();
    case 'boolean':
      return z.boolean();
    case 'enum': {
      const allowed = enums?.[type.enumeration];
      return allowed && allowed.length > 0
        ? z.enum(allowed as [string, ...string[]])
        : z
            .string()
            .regex(IDENTIFIER)
            .meta({ description: `Waarde van opsomming ${type.enumeration}` });
    }
  }
}

function objectSchema(fields: Readonly<Record<string, FieldSpec>>, enums?: EnumerationValues) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const s = shapeSchema(spec.type, enums).describe(spec.doc);
    shape[name] = spec.presence === 'required' ? s : s.optional();
  }
  return shape;
}

/**
 * The zod schema of a contract. With `enums`, enumeration fields only accept the ruleset's
 * values; without, any lower-case identifier (the ruleset checks the value later).
 */
export function contractSchema(enums?: EnumerationValues) {
  const kinds = activityKindNames.map((soort) =>
    z.strictObject({ soort: z.literal(soort), ...objectSchema(activityKinds[soort]!, enums) }),
  );
  return z.strictObject({
    ...objectSchema(contractFields, enums),
    activiteiten: z.array(z.discriminatedUnion('soort', kinds as unknown as [z.ZodObject, ...z.ZodObject[]])),
  });
}

/** The JSON Schema (draft 2020-12) of contract input, for `sroi export --schema`. */
export function contractJsonSchema(enums?: EnumerationValues): Record<string, unknown> {
  const schema = z.toJSONSchema(contractSchema(enums), { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://sroi.dev/schema/contract.json',
    title: 'SROI-contract',
    description: 'Contract met social-return-activiteiten (contract-format.md)',
  };
}

// ── validation into exact values ─────────────────────────────────────────────

/** JSON path text: `activiteiten[0].fte`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(contract)' : out;
}

const show = (v: unknown): string => {
  if (v === undefined) return 'niets';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    // Too deep for JSON.stringify: String() of a nested array recurses just as deep, so show the shape.
    return Array.isArray(v) ? '[...]' : typeof v === 'object' && v !== null ? '{...}' : String(v);
  }
};

const typeDescription: Record<FieldType['kind'], string> = {
  money: 'een bedrag ("1250.00")',
  number: 'een getal',
  percentage: 'een percentage (getal 0-100)',
  date: 'een datum ("JJJJ-MM-DD")',
  duration: 'een getal',
  text: 'tekst',
  boolean: 'true of false',
  enum: 'een waarde (tekst)',
};

/** Reports one problem of a field; zod carries it as a custom issue with our code and arguments. */
type Report = (
  code: Diagnostic['code'],
  args: Record<string, string>,
  suggestions?: readonly string[],
) => void;

function toValue(
  type: FieldType,
  raw: unknown,
  field: string,
  report: Report,
  enums?: EnumerationValues,
): Value | undefined {
  const wrongType = () => {
    report('SR5011', { expected: typeDescription[type.kind], actual: show(raw) });
    return undefined;
  };
  switch (type.kind) {
    case 'money': {
      let r: Rational | undefined;
      if (typeof raw === 'string') {
        const t = raw.trim();
        if (t.startsWith('-') && MONEY_TEXT.test(t.slice(1))) {
          report('SR5014', { value: show(raw) });
          return undefined;
        }
        if (MONEY_TEXT.test(t)) r = Rational.parse(t);
      } else if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return wrongType();
        if (raw < 0) {
          report('SR5014', { value: show(raw) });
          return undefined;
        }
        const exact = Rational.fromNumber(raw);
        if (exact.mul(Rational.of(100)).isInteger()) r = exact;
      } else return wrongType();
      if (!r) {
        report('SR5013', { value: show(raw) });
        return undefined;
      }
      return r.mul(Rational.of(100)); // cents
    }
    case 'number':
    case 'duration':
    case 'percentage': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return wrongType();
      const t: { min?: number; minExclusive?: boolean; max?: number; integer?: boolean } =
        type.kind === 'percentage' ? { min: 0, max: 100 } : type;
      const low = t.min !== undefined && (t.minExclusive ? raw <= t.min : raw < t.min);
      const high = t.max !== undefined && raw > t.max;
      if (low || high || (t.integer && !Number.isInteger(raw))) {
        report('SR5012', { value: show(raw), range: (t.integer ? 'geheel getal ' : '') + boundsText(t) });
        return undefined;
      }
      const exact = Rational.fromNumber(raw);
      return type.kind === 'percentage' ? exact.div(Rational.of(100)) : exact;
    }
    case 'date': {
      if (typeof raw !== 'string') return wrongType();
      const day = parseIsoDate(raw);
      if (day === undefined) {
        report('SR5015', { value: show(raw) });
        return undefined;
      }
      return Rational.of(day);
    }
    case 'text':
      return typeof raw === 'string' ? raw : wrongType();
    case 'boolean':
      return typeof raw === 'boolean' ? raw : wrongType();
    case 'enum': {
      if (typeof raw !== 'string') return wrongType();
      const allowed = enums?.[type.enumeration];
      if (allowed ? !allowed.includes(raw) : !IDENTIFIER.test(raw)) {
        const list = allowed ?? [];
        report(
          'SR5004',
          { value: show(raw), field, allowed: list.length > 0 ? list.join(', ') : 'kleine letters en -' },
          suggestNames(raw, list),
        );
        return undefined;
      }
      return raw;
    }
  }
}

interface IssueParams {
  readonly sroi: { code: Diagnostic['code']; args: Record<string, string>; suggestions?: readonly string[] };
}

/** A zod schema that checks one field and turns it into an exact Value. */
function valueSchema(name: string, spec: FieldSpec, enums?: EnumerationValues): z.ZodType<Value> {
  // `.optional()` first: zod then runs the transform for absent keys too, with undefined.
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): Value => {
      const report: Report = (code, args, suggestions) => {
        const params: IssueParams = { sroi: { code, args, ...(suggestions ? { suggestions } : {}) } };
        ctx.addIssue({ code: 'custom', message: code, params });
      };
      if (raw === undefined) {
        if (spec.presence === 'required') report('SR5017', { name, doc: spec.doc });
        return spec.presence === 'default-false' ? false : null;
      }
      return toValue(spec.type, raw, name, report, enums) ?? z.NEVER;
    });
}

function recordSchema(fields: Readonly<Record<string, FieldSpec>>, enums?: EnumerationValues) {
  const shape: Record<string, z.ZodType<Value>> = {};
  for (const [name, spec] of Object.entries(fields)) shape[name] = valueSchema(name, spec, enums);
  return shape;
}

const toMap = (o: Record<string, unknown>, skip: string): Map<string, Value> =>
  new Map(Object.entries(o).filter(([k]) => k !== skip) as [string, Value][]);

/** The validating schema: shape and values, collecting every problem with its path. */
function validationSchema(enums?: EnumerationValues) {
  const kindSchemas = new Map(
    activityKindNames.map((soort) => [
      soort,
      z.strictObject({ soort: z.literal(soort), ...recordSchema(activityKinds[soort]!, enums) }),
    ]),
  );
  const activity = z.unknown().transform((item, ctx): { soort: string; fields: Map<string, Value> } => {
    const fail = (
      code: Diagnostic['code'],
      args: Record<string, string>,
      path: PropertyKey[] = [],
      suggestions?: string[],
    ) => {
      const params: IssueParams = { sroi: { code, args, ...(suggestions ? { suggestions } : {}) } };
      ctx.addIssue({ code: 'custom', message: code, params, path });
      return z.NEVER;
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return fail('SR5011', { expected: 'een object { "soort": ... }', actual: show(item) });
    const soort = Object.hasOwn(item, 'soort') ? (item as Record<string, unknown>)['soort'] : undefined;
    if (soort === undefined)
      return fail('SR5017', { name: 'soort', doc: activityKindNames.join(', ') }, ['soort']);
    const schema =
      typeof soort === 'string' && Object.hasOwn(activityKinds, soort) ? kindSchemas.get(soort) : undefined;
    if (!schema)
      return fail(
        'SR5018',
        { value: show(soort), allowed: activityKindNames.join(', ') },
        ['soort'],
        typeof soort === 'string' ? suggestNames(soort, activityKindNames) : [],
      );
    const parsed = schema.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }
    return { soort: soort as string, fields: toMap(parsed.data, 'soort') };
  });
  return z
    .strictObject({
      ...recordSchema(contractFields, enums),
      activiteiten: z.array(activity).max(inputLimits.maxActivities),
    })
    .superRefine((c, ctx) => {
      const record = c as Record<string, unknown>;
      const start = record['startdatum'];
      const end = record['einddatum'];
      if (start instanceof Rational && end instanceof Rational && end.lt(start)) {
        const params: IssueParams = {
          sroi: {
            code: 'SR5016',
            args: { start: formatIsoDate(Number(start.n)), end: formatIsoDate(Number(end.n)) },
          },
        };
        ctx.addIssue({ code: 'custom', message: 'SR5016', params, path: ['einddatum'] });
      }
    });
}

/** Limits that keep hostile input from exhausting memory. */
export const inputLimits = { maxActivities: 100_000 } as const;

function issueToDiagnostic(
  issue: z.core.$ZodIssue,
  fieldsAt: (path: readonly PropertyKey[]) => string[],
): Diagnostic[] {
  const path = issue.path;
  const params = (issue as { params?: Partial<IssueParams> }).params;
  if (issue.code === 'custom' && params?.sroi) {
    const { code, args, suggestions } = params.sroi;
    return [diagnostic(code, args, { path: formatJsonPath(path) }, suggestions ? { suggestions } : {})];
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(path);
    return issue.keys.map((key) =>
      diagnostic(
        'SR5006',
        { name: `'${key}'`, allowed: allowed.join(', ') },
        { path: formatJsonPath([...path, key]) },
        { suggestions: suggestNames(key, allowed) },
      ),
    );
  }
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'object'
        ? 'een object { ... }'
        : issue.expected === 'array'
          ? 'een lijst [ ... ]'
          : issue.expected;
    if (issue.input === undefined && path.length > 0)
      return [
        diagnostic(
          'SR5017',
          { name: String(path[path.length - 1]), doc: expected },
          { path: formatJsonPath(path) },
        ),
      ];
    return [diagnostic('SR5011', { expected, actual: show(issue.input) }, { path: formatJsonPath(path) })];
  }
  if (issue.code === 'too_big')
    return [
      diagnostic(
        'SR5019',
        { reason: `meer dan ${String(issue.maximum)} elementen` },
        { path: formatJsonPath(path) },
      ),
    ];
  return [
    diagnostic(
      'SR5011',
      { expected: issue.message, actual: show(issue.input) },
      { path: formatJsonPath(path) },
    ),
  ];
}

/** The field names allowed at a JSON path of a contract (for "unknown field" hints). */
function fieldsAt(json: unknown) {
  return (path: readonly PropertyKey[]): string[] => {
    if (path.length === 0) return [...Object.keys(contractFields), 'activiteiten'];
    const item =
      path[0] === 'activiteiten' &&
      typeof path[1] === 'number' &&
      Array.isArray((json as { activiteiten?: unknown }).activiteiten)
        ? ((json as { activiteiten: unknown[] }).activiteiten[path[1]] as { soort?: unknown } | undefined)
        : undefined;
    const soort =
      typeof item?.soort === 'string' && Object.hasOwn(activityKinds, item.soort) ? item.soort : undefined;
    return soort ? ['soort', ...Object.keys(activityKinds[soort]!)] : [];
  };
}

/**
 * Validates parsed JSON against the contract format and, when `enums` is given, the ruleset's
 * enumerations. Collects every problem (not just the first), each with its JSON path.
 */
export function parseContract(json: unknown, enums?: EnumerationValues): Result<ContractInput | undefined> {
  const parsed = validationSchema(enums).safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const where = fieldsAt(json);
    return { value: undefined, diagnostics: parsed.error.issues.flatMap((i) => issueToDiagnostic(i, where)) };
  }
  const { activiteiten, ...rest } = parsed.data as Record<string, Value> & {
    activiteiten: { soort: string; fields: Map<string, Value> }[];
  };
  return {
    value: {
      fields: toMap(rest, 'activiteiten'),
      activities: activiteiten.map((a, index) => ({ index, soort: a.soort, fields: a.fields })),
    },
    diagnostics: [],
  };
}

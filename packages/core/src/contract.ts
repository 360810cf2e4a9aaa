// Contract input: the zod schema of docs/contract-format.md, built from the vocabulary catalogue,
// and its translation into exact runtime values. Every problem becomes a Diagnostic with a JSON path.
// zod/mini: the same zod core and checks as the full API, but tree-shakable (the full API's
// methods pulled 95 kB of zod into every app that embeds the evaluator; mini takes about a quarter).
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { diagnostic, type Diagnostic, type Language, type Result } from './diagnostic.js';
import { parseIsoDate } from './date.js';
import { Rational } from './rational.js';
import { suggestNames } from './suggest.js';
import {
  activityKindNames,
  activityKinds,
  contractFields,
  fieldDoc,
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

/** The JSON Schema's descriptions of the shapes and of the whole contract, per language. */
const schemaTexts = {
  nl: {
    money: 'Bedrag in euro exclusief btw: tekst "1250000.00" (hoogstens twee decimalen) of getal',
    percentage: 'Percentage 0-100',
    date: 'Datum JJJJ-MM-DD',
    enumeration: (name: string) => `Waarde van opsomming ${name}`,
    title: 'SROI-contract',
    contract: 'Contract met social-return-activiteiten (docs/contract-format.md)',
  },
  en: {
    money: 'Amount in euros excluding VAT: text "1250000.00" (at most two decimals) or a number',
    percentage: 'Percentage 0-100',
    date: 'Date YYYY-MM-DD',
    enumeration: (name: string) => `Value of enumeration ${name}`,
    title: 'SROI contract',
    contract: 'Contract with social return activities (docs/contract-format.md)',
  },
} as const;

const moneySchema = (lang: Language) =>
  z.union([z.string(), z.number()]).check(z.meta({ description: schemaTexts[lang].money }));

/** A number of the vocabulary: whole or not, within its bounds (the order of zod's checks). */
function numberSchema(type: { integer?: boolean; min?: number; minExclusive?: boolean; max?: number }) {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (type.integer) checks.push(z.int());
  if (type.min !== undefined) checks.push(type.minExclusive ? z.gt(type.min) : z.gte(type.min));
  if (type.max !== undefined) checks.push(z.lte(type.max));
  return checks.length > 0 ? z.number().check(...checks) : z.number();
}

const boundsText = (t: { min?: number; minExclusive?: boolean; max?: number }): string =>
  [
    t.min !== undefined ? `${t.minExclusive ? '>' : '≥'} ${t.min}` : '',
    t.max !== undefined ? `≤ ${t.max}` : '',
  ]
    .filter(Boolean)
    .join(' en ');

function shapeSchema(type: FieldType, enums: EnumerationValues | undefined, lang: Language): z.ZodMiniType {
  const texts = schemaTexts[lang];
  switch (type.kind) {
    case 'money':
      return moneySchema(lang);
    case 'number':
    case 'duration':
      return numberSchema({ ...type, integer: type.kind === 'number' && type.integer === true });
    case 'percentage':
      return z.number().check(z.gte(0), z.lte(100), z.meta({ description: texts.percentage }));
    case 'date':
      return z
        .string()
        .check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.meta({ description: texts.date, format: 'date' }));
    case 'text':
      return z.string();
    case 'boolean':
      return z.boolean();
    case 'enum': {
      const allowed = enums?.[type.enumeration];
      return allowed && allowed.length > 0
        ? z.enum(allowed as [string, ...string[]])
        : z.string().check(z.regex(IDENTIFIER), z.meta({ description: texts.enumeration(type.enumeration) }));
    }
  }
}

function objectSchema(
  fields: Readonly<Record<string, FieldSpec>>,
  enums: EnumerationValues | undefined,
  lang: Language,
) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const s = shapeSchema(spec.type, enums, lang).check(z.describe(fieldDoc(spec, lang)));
    shape[name] = spec.presence === 'required' ? s : z.optional(s);
  }
  return shape;
}

/**
 * The zod schema of a contract. With `enums`, enumeration fields only accept the ruleset's
 * values; without, any lower-case identifier (the ruleset checks the value later). `lang` is
 * the language of its descriptions (the fields' docs), which only its JSON Schema shows.
 */
export function contractSchema(enums?: EnumerationValues, lang: Language = 'nl') {
  const kinds = activityKindNames.map((soort) =>
    z.strictObject({ soort: z.literal(soort), ...objectSchema(activityKinds[soort]!, enums, lang) }),
  );
  return z.strictObject({
    ...objectSchema(contractFields, enums, lang),
    activiteiten: z.array(
      z.discriminatedUnion('soort', kinds as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]),
    ),
  });
}

/**
 * The version of the contract format, in its JSON Schema's `$id`. A change that can refuse a
 * contract the previous version accepted (or read it differently) raises it; a new optional
 * field or activity kind does not.
 */
export const CONTRACT_FORMAT_VERSION = 1;

/**
 * The JSON Schema (draft 2020-12) of contract input, for `sroi export --schema` and the OpenAPI
 * document of `sroi serve`; its descriptions in `lang` (Dutch by default), all else the same.
 */
export function contractJsonSchema(
  enums?: EnumerationValues,
  lang: Language = 'nl',
): Record<string, unknown> {
  const schema = z.toJSONSchema(contractSchema(enums, lang), {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://sroi.dev/schema/contract-v${CONTRACT_FORMAT_VERSION}.json`,
    title: schemaTexts[lang].title,
    description: schemaTexts[lang].contract,
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

/** The exact runtime value of a checked field (money in cents, percentages as ratios, dates as days). */
export function convertValue(type: FieldType, raw: unknown): Value {
  if (raw === undefined || raw === null) return null;
  switch (type.kind) {
    case 'money': {
      const r = typeof raw === 'number' ? Rational.fromNumber(raw) : Rational.parse(String(raw))!;
      return r.mul(Rational.of(100));
    }
    case 'number':
    case 'duration':
      return Rational.fromNumber(raw as number);
    case 'percentage':
      return Rational.fromNumber(raw as number).div(Rational.of(100));
    case 'date':
      return Rational.of(parseIsoDate(raw as string)!);
    default:
      return raw as string | boolean;
  }
}

interface IssueParams {
  readonly sroi: { code: Diagnostic['code']; args: Record<string, string>; suggestions?: readonly string[] };
}

/** Money: text with at most two decimals (surrounding blanks allowed), or a JSON number that prints so. */
const isMoney = (v: unknown): boolean =>
  typeof v === 'string'
    ? MONEY_TEXT.test(v.trim())
    : typeof v === 'number' && Number.isFinite(v) && v >= 0 && MONEY_TEXT.test(String(v));

/**
 * The zod schema that validates one field. Plain zod checks only (no transforms, no per-call
 * closures): zod compiles these into fast code, and the issues are worded by `issueToDiagnostic`.
 */
function fieldSchema(spec: FieldSpec, enums?: EnumerationValues): z.ZodMiniType {
  const t = spec.type;
  let s: z.ZodMiniType;
  switch (t.kind) {
    case 'money':
      s = z.custom(isMoney);
      break;
    case 'number':
    case 'duration':
      s = numberSchema({ ...t, integer: t.kind === 'number' && t.integer === true });
      break;
    case 'percentage':
      s = z.number().check(z.gte(0), z.lte(100));
      break;
    case 'date':
      s = z.iso.date();
      break;
    case 'text':
      s = z.string();
      break;
    case 'boolean':
      s = z.boolean();
      break;
    case 'enum': {
      const allowed = enums?.[t.enumeration];
      s =
        allowed && allowed.length > 0
          ? z.enum(allowed as [string, ...string[]])
          : z.string().check(z.regex(IDENTIFIER));
      break;
    }
  }
  return spec.presence === 'required' ? s : z.optional(s);
}

function recordSchema(fields: Readonly<Record<string, FieldSpec>>, enums?: EnumerationValues) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, spec] of Object.entries(fields)) shape[name] = fieldSchema(spec, enums);
  return shape;
}

/** The exact values of a checked record, absent fields as their default (nee) or unknown. */
function convertRecord(
  raw: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, FieldSpec>>,
): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [name, spec] of Object.entries(fields)) {
    const v = Object.hasOwn(raw, name) ? raw[name] : undefined;
    out.set(
      name,
      v === undefined ? (spec.presence === 'default-false' ? false : null) : convertValue(spec.type, v),
    );
  }
  return out;
}

/** The validating schema: shape and values, collecting every problem with its path. */
function validationSchema(enums?: EnumerationValues) {
  const kinds = activityKindNames.map((soort) =>
    z.strictObject({ soort: z.literal(soort), ...recordSchema(activityKinds[soort]!, enums) }),
  );
  return z
    .strictObject({
      ...recordSchema(contractFields, enums),
      activiteiten: z
        .array(z.discriminatedUnion('soort', kinds as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]))
        .check(z.maxLength(inputLimits.maxActivities)),
    })
    .check(
      z.superRefine((c, ctx) => {
        const record = c as Record<string, unknown>;
        const start = record['startdatum'];
        const end = record['einddatum'];
        // Valid ISO dates compare as text.
        if (typeof start === 'string' && typeof end === 'string' && end < start) {
          const params: IssueParams = { sroi: { code: 'SR5016', args: { start, end } } };
          ctx.addIssue({ code: 'custom', message: 'SR5016', params, path: ['einddatum'] });
        }
      }),
    );
}

/** Limits that keep hostile input from exhausting memory. */
export const inputLimits = { maxActivities: 100_000 } as const;

/** The vocabulary entry of a JSON path of a contract: a contract field or a field of activity i. */
function specAt(json: unknown, path: readonly PropertyKey[]): { name: string; spec: FieldSpec } | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  if (path.length === 1)
    return Object.hasOwn(contractFields, name) ? { name, spec: contractFields[name]! } : undefined;
  if (path.length === 3 && path[0] === 'activiteiten' && typeof path[1] === 'number') {
    const list = (json as { activiteiten?: unknown }).activiteiten;
    const item = Array.isArray(list) ? (list[path[1]] as { soort?: unknown } | undefined) : undefined;
    const soort =
      typeof item?.soort === 'string' && Object.hasOwn(activityKinds, item.soort) ? item.soort : undefined;
    const fields = soort ? activityKinds[soort]! : undefined;
    return fields && Object.hasOwn(fields, name) ? { name, spec: fields[name]! } : undefined;
  }
  return undefined;
}

function issueToDiagnostic(
  issue: $ZodIssue,
  json: unknown,
  fieldsAt: (path: readonly PropertyKey[]) => string[],
): Diagnostic[] {
  const path = issue.path;
  const at = { path: formatJsonPath(path) };
  const input = (issue as { input?: unknown }).input;
  const params = (issue as { params?: Partial<IssueParams> }).params;
  const field = specAt(json, path);
  if (issue.code === 'custom' && params?.sroi) {
    const { code, args, suggestions } = params.sroi;
    return [diagnostic(code, args, at, suggestions ? { suggestions } : {})];
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
  if (input === undefined && path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'custom')) {
    const name = String(path[path.length - 1]);
    return [
      diagnostic(
        'SR5017',
        {
          name,
          doc:
            field?.spec.doc ??
            (name === 'activiteiten' ? 'lijst van activiteiten, eventueel leeg: []' : name),
          // The hint in English quotes the field's English description.
          'doc@en':
            field?.spec.docEn ?? (name === 'activiteiten' ? 'list of activities, possibly empty: []' : name),
        },
        at,
      ),
    ];
  }
  if (field?.spec.type.kind === 'money') {
    const negative =
      (typeof input === 'number' && input < 0) ||
      (typeof input === 'string' && input.trim().startsWith('-') && MONEY_TEXT.test(input.trim().slice(1)));
    if (negative) return [diagnostic('SR5014', { value: show(input) }, at)];
    if (typeof input === 'string' || typeof input === 'number')
      return [diagnostic('SR5013', { value: show(input) }, at)];
    return [diagnostic('SR5011', { expected: typeDescription.money, actual: show(input) }, at)];
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof input === 'number') {
        const t = field?.spec.type;
        const bounds = t && (t.kind === 'number' || t.kind === 'duration') ? t : {};
        return [
          diagnostic(
            'SR5012',
            { value: show(input), range: `geheel getal ${boundsText(bounds)}`.trim() },
            at,
          ),
        ];
      }
      const expected = field
        ? typeDescription[field.spec.type.kind]
        : issue.expected === 'object'
          ? 'een object { ... }'
          : issue.expected === 'array'
            ? 'een lijst [ ... ]'
            : issue.expected;
      return [diagnostic('SR5011', { expected, actual: show(input) }, at)];
    }
    case 'too_small':
    case 'too_big': {
      if (path.length === 1 && path[0] === 'activiteiten')
        return [
          diagnostic(
            'SR5019',
            {
              reason: `meer dan ${String((issue as { maximum?: unknown }).maximum)} activiteiten`,
              'reason@en': `more than ${String((issue as { maximum?: unknown }).maximum)} activities`,
            },
            at,
          ),
        ];
      const t = field?.spec.type;
      const bounds =
        t && (t.kind === 'number' || t.kind === 'duration')
          ? t
          : t?.kind === 'percentage'
            ? { min: 0, max: 100 }
            : {};
      const integer = t?.kind === 'number' && t.integer ? 'geheel getal ' : '';
      return [diagnostic('SR5012', { value: show(input), range: integer + boundsText(bounds) }, at)];
    }
    case 'invalid_format':
      if (field?.spec.type.kind === 'date') return [diagnostic('SR5015', { value: show(input) }, at)];
      if (field?.spec.type.kind === 'enum')
        return [
          diagnostic('SR5004', { value: show(input), field: field.name, allowed: 'kleine letters en -' }, at),
        ];
      return [diagnostic('SR5011', { expected: issue.format, actual: show(input) }, at)];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (field) {
        return [
          diagnostic('SR5004', { value: show(input), field: field.name, allowed: allowed.join(', ') }, at, {
            suggestions: typeof input === 'string' ? suggestNames(input, allowed) : [],
          }),
        ];
      }
      return [diagnostic('SR5011', { expected: allowed.join(', '), actual: show(input) }, at)];
    }
    case 'invalid_union': {
      // An activity whose `soort` names no kind (or is missing): read it from the input itself.
      const item =
        path[0] === 'activiteiten' && typeof path[1] === 'number'
          ? ((json as { activiteiten: unknown[] }).activiteiten[path[1]] as
              Record<string, unknown> | undefined)
          : undefined;
      const soort =
        item && typeof item === 'object' && Object.hasOwn(item, 'soort') ? item['soort'] : undefined;
      if (
        path[path.length - 1] === 'soort' ||
        (issue as { note?: string }).note === 'No matching discriminator'
      ) {
        if (soort === undefined)
          return [diagnostic('SR5017', { name: 'soort', doc: activityKindNames.join(', ') }, at)];
        return [
          diagnostic('SR5018', { value: show(soort), allowed: activityKindNames.join(', ') }, at, {
            suggestions: typeof soort === 'string' ? suggestNames(soort, activityKindNames) : [],
          }),
        ];
      }
      return [diagnostic('SR5011', { expected: 'een object { "soort": ... }', actual: show(input) }, at)];
    }
    default:
      return [diagnostic('SR5011', { expected: issue.message, actual: show(input) }, at)];
  }
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
const NO_ENUMS: EnumerationValues = {};

/**
 * What is built once per set of enumerations (a schema, a quick check): looked up by the object
 * first, then by its content. An editor makes a new plan, with equal enumerations, after every
 * keystroke; by the object alone each keystroke built its own, and V8's young collections kept
 * each one (through the WeakMap) until the next full collection. At most `limit` contents are kept.
 */
class PerEnumerations<T> {
  private readonly byObject = new WeakMap<EnumerationValues, T>();
  private readonly byContent = new Map<string, T>();

  constructor(
    private readonly build: (enums: EnumerationValues | undefined) => T,
    private readonly limit = 16,
  ) {}

  get(enums: EnumerationValues = NO_ENUMS): T {
    let value = this.byObject.get(enums);
    if (value !== undefined) return value;
    // No enumerations given ('') is not the same as a ruleset that declares none ('{}').
    const content = enums === NO_ENUMS ? '' : JSON.stringify(enums);
    value = this.byContent.get(content);
    if (value === undefined) {
      value = this.build(enums === NO_ENUMS ? undefined : enums);
      if (this.byContent.size >= this.limit) this.byContent.delete(this.byContent.keys().next().value!);
      this.byContent.set(content, value);
    }
    this.byObject.set(enums, value);
    return value;
  }
}

// Building the schema costs milliseconds; a ruleset's enumerations do not change, so build once.
const schemas = new PerEnumerations(validationSchema);

// ── the fast acceptance check ─────────────────────────────────────────────────
// Checking a valid contract with zod costs more than evaluating it. `quickCheck` accepts only
// what the zod schema above accepts, with the same reads (a field's value is `record[name]`,
// unknown keys come from `for...in`, as in zod's strict objects) and the same tests (zod's own
// date pattern, `isMoney`, the bounds of the vocabulary); anything it does not accept goes
// through zod, which decides and words every problem. test/contract-check.prop.test.ts holds
// the two to the same answer on valid and mutated contracts.

type ValueCheck = (v: unknown) => boolean;

interface RecordCheck {
  /**
   * Every key the record may have, with the test of its value (keys checked elsewhere, such as
   * `soort`, pass any value) and whether it must be present.
   */
  readonly keys: ReadonlyMap<string, { readonly test: ValueCheck; readonly required: boolean }>;
  /** How many keys must be present. */
  readonly required: number;
}

/** The test of a present value of one field: the same conditions as `fieldSchema`. */
function valueCheck(t: FieldType, enums?: EnumerationValues): ValueCheck {
  switch (t.kind) {
    case 'money':
      return isMoney;
    case 'number':
    case 'duration': {
      const integer = t.kind === 'number' && t.integer === true;
      const { min, max } = t;
      const exclusive = t.minExclusive === true;
      return (v) =>
        typeof v === 'number' &&
        (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) &&
        (min === undefined || (exclusive ? v > min : v >= min)) &&
        (max === undefined || v <= max);
    }
    case 'percentage':
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
    case 'date': {
      // zod's own date pattern, read from the schema that uses it: `z.regexes` would bring every
      // pattern zod has (7 kB) into an app's bundle.
      const pattern = (z.iso.date()._zod.def as { pattern?: RegExp }).pattern!;
      return (v) => typeof v === 'string' && pattern.test(v);
    }
    case 'text':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const allowed = enums?.[t.enumeration];
      if (allowed && allowed.length > 0) {
        const values = new Set<unknown>(allowed);
        return (v) => values.has(v);
      }
      return (v) => typeof v === 'string' && IDENTIFIER.test(v);
    }
  }
}

function recordCheck(
  fields: Readonly<Record<string, FieldSpec>>,
  enums?: EnumerationValues,
  extraKeys: readonly string[] = [],
): RecordCheck {
  const keys = new Map<string, { test: ValueCheck; required: boolean }>();
  for (const [name, spec] of Object.entries(fields))
    keys.set(name, { test: valueCheck(spec.type, enums), required: spec.presence === 'required' });
  for (const k of extraKeys) keys.set(k, { test: () => true, required: false });
  return { keys, required: [...keys.values()].filter((k) => k.required).length };
}

/** Plain data as JSON.parse makes it; anything else (class instances, proxies of them) goes to zod. */
const isPlainObject = (v: unknown): v is Readonly<Record<string, unknown>> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Whether a record has only known keys, each with a passing value, and every required one: one
 * pass over the keys it has (a value `undefined` counts as absent), not over every key it may have.
 */
function recordPasses(record: Readonly<Record<string, unknown>>, check: RecordCheck): boolean {
  let required = 0;
  for (const key in record) {
    const field = check.keys.get(key);
    if (field === undefined) return false;
    const v = record[key];
    if (v === undefined) continue;
    if (!field.test(v)) return false;
    if (field.required) required++;
  }
  return required === check.required;
}

function quickCheck(enums?: EnumerationValues): (json: unknown) => boolean {
  const contract = recordCheck(contractFields, enums, ['activiteiten']);
  const kinds = new Map<unknown, RecordCheck>(
    activityKindNames.map((soort) => [soort, recordCheck(activityKinds[soort]!, enums, ['soort'])]),
  );
  return (json) => {
    if (!isPlainObject(json) || !recordPasses(json, contract)) return false;
    const activities = json['activiteiten'];
    if (
      !Array.isArray(activities) ||
      Object.getPrototypeOf(activities) !== Array.prototype ||
      activities.length > inputLimits.maxActivities
    )
      return false;
    for (const activity of activities as unknown[]) {
      if (!isPlainObject(activity)) return false;
      const kind = kinds.get(activity['soort']);
      if (!kind || !recordPasses(activity, kind)) return false;
    }
    // The refinement of `validationSchema`: the end is not before the start.
    const start = json['startdatum'];
    const end = json['einddatum'];
    return !(typeof start === 'string' && typeof end === 'string' && end < start);
  };
}

const quickChecks = new PerEnumerations(quickCheck);

/** Whether contract JSON surely passes `validateContract` (false: ask zod). For tests and the fast path. */
export function quickContractCheck(json: unknown, enums?: EnumerationValues): boolean {
  return quickChecks.get(enums)(json);
}

/** The zod schema's answer alone (no quick check): what `quickContractCheck` is held to in tests. */
export const zodAcceptsContract = (json: unknown, enums?: EnumerationValues): boolean =>
  schemas.get(enums).safeParse(json).success;

/** Contract JSON that passed validation: the shape of docs/contract-format.md, values not yet converted. */
export interface ValidContract {
  readonly [field: string]: unknown;
  readonly activiteiten: readonly ({ readonly soort: string } & Readonly<Record<string, unknown>>)[];
}

/**
 * Validates parsed JSON against the contract format and, when `enums` is given, the ruleset's
 * enumerations. Collects every problem (not just the first), each with its JSON path.
 */
export function validateContract(
  json: unknown,
  enums?: EnumerationValues,
): Result<ValidContract | undefined> {
  // Fast paths: a valid contract passes the quick check, or else one plain zod pass; only a
  // failure pays for the issue inputs.
  if (quickContractCheck(json, enums)) return { value: json as ValidContract, diagnostics: [] };
  if (schemas.get(enums).safeParse(json).success) return { value: json as ValidContract, diagnostics: [] };
  const parsed = schemas.get(enums).safeParse(json, { reportInput: true });
  const where = fieldsAt(json);
  return {
    value: undefined,
    diagnostics: (parsed.error?.issues ?? []).flatMap((i) => issueToDiagnostic(i, json, where)),
  };
}

/** The exact values of a valid contract, for the reference evaluator. */
export function toContractInput(valid: ValidContract): ContractInput {
  return {
    fields: convertRecord(valid, contractFields),
    activities: valid.activiteiten.map((a, index) => ({
      index,
      soort: a.soort,
      fields: convertRecord(a, activityKinds[a.soort]!),
    })),
  };
}

/** Validates and converts: `validateContract` then `toContractInput`. */
export function parseContract(json: unknown, enums?: EnumerationValues): Result<ContractInput | undefined> {
  const checked = validateContract(json, enums);
  return checked.value
    ? { value: toContractInput(checked.value), diagnostics: [] }
    : { value: undefined, diagnostics: checked.diagnostics };
}

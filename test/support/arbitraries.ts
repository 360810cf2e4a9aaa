// fast-check arbitraries for contract input, derived from the shared vocabulary (docs/contract-format.md
// as data in @sroi/core) and a ruleset's enumerations: every contract they make is valid input.
import { fc } from '@fast-check/vitest';
import {
  activityKinds,
  contractFields,
  formatIsoDate,
  parseIsoDate,
  sharedEnumerationValues,
  type EnumerationValues,
  type FieldSpec,
  type FieldType,
} from '@sroi/core';

export interface ContractArbitraryOptions {
  /** The ruleset's enumeration values (default: the shared vocabulary). */
  readonly enumerations?: EnumerationValues;
  /** The range of the award date (default 2019-10-01 through 2027-12-31). */
  readonly dates?: { readonly from: string; readonly to: string };
  /** At most this many activities (default 6). */
  readonly maxActivities?: number;
  /** Only these activity kinds (default: all). */
  readonly kinds?: readonly string[];
  /** Largest contract value in euros (default € 20 mln). */
  readonly maxValue?: number;
}

const twoDecimals = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** A money amount in the contract's notation: a decimal string with two decimals. */
export const moneyArbitrary = (maxEuros = 1_000_000): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: maxEuros * 100 }).map(twoDecimals);

/** A valid JSON value for a field of this type. */
export function fieldArbitrary(
  type: FieldType,
  enums: EnumerationValues = {},
  maxEuros?: number,
): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'money':
      return moneyArbitrary(maxEuros);
    case 'percentage':
      return fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
    case 'date':
      return fc
        .integer({ min: parseIsoDate('2019-01-01')!, max: parseIsoDate('2028-12-31')! })
        .map(formatIsoDate);
    case 'text':
      return fc.string({ maxLength: 24 });
    case 'boolean':
      return fc.boolean();
    case 'enum': {
      const values = enums[type.enumeration] ?? sharedEnumerationValues[type.enumeration];
      return fc.constantFrom(...values);
    }
    case 'number':
    case 'duration': {
      const integer = type.kind === 'number' ? Boolean(type.integer) : false;
      const scale = integer ? 1 : 100;
      const lowest = type.min ?? 0;
      const min = Math.round(lowest * scale) + (type.minExclusive ? 1 : 0);
      const max = Math.round((type.max ?? (type.kind === 'duration' ? 2_000 : 1_000)) * scale);
      return fc.integer({ min, max }).map((n) => n / scale);
    }
  }
}

function recordOf(
  fields: Readonly<Record<string, FieldSpec>>,
  enums: EnumerationValues,
  skip: readonly string[] = [],
  maxEuros?: number,
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    if (skip.includes(name)) continue;
    model[name] = fieldArbitrary(spec.type, enums, maxEuros);
    if (spec.presence === 'required') required.push(name);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/** An activity of one of `kinds`, with its required fields and any of its optional ones. */
export function activityArbitrary(
  enums: EnumerationValues = {},
  kinds: readonly string[] = Object.keys(activityKinds),
): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    ...kinds.map((soort) =>
      recordOf(activityKinds[soort]!, enums, [], 200_000).map((fields) => ({ soort, ...fields })),
    ),
  );
}

/** A valid contract: the award date in range, the end not before the start, valid activities. */
export function contractArbitrary(
  options: ContractArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const enums = options.enumerations ?? {};
  const from = parseIsoDate(options.dates?.from ?? '2019-10-01')!;
  const to = parseIsoDate(options.dates?.to ?? '2027-12-31')!;
  return fc
    .record({
      fields: recordOf(
        contractFields,
        enums,
        ['gunningsdatum', 'startdatum', 'einddatum'],
        options.maxValue ?? 20_000_000,
      ),
      award: fc.integer({ min: from, max: to }),
      start: fc.option(fc.integer({ min: 0, max: 180 }), { nil: undefined }),
      length: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: undefined }),
      activiteiten: fc.array(activityArbitrary(enums, options.kinds), {
        maxLength: options.maxActivities ?? 6,
      }),
    })
    .map(({ fields, award, start, length, activiteiten }) => ({
      ...fields,
      gunningsdatum: formatIsoDate(award),
      ...(start !== undefined ? { startdatum: formatIsoDate(award + start) } : {}),
      ...(start !== undefined && length !== undefined
        ? { einddatum: formatIsoDate(award + start + length) }
        : {}),
      activiteiten,
    }));
}

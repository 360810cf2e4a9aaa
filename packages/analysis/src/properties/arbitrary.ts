// Generated contracts for checking properties: drawn from the contract vocabulary (its fields,
// types and bounds) and the ruleset's own enumerations and periods, so every contract is valid
// for the ruleset under test. fast-check shrinks a failing one to a small, readable contract.
import fc from 'fast-check';
import {
  activityKinds,
  contractFields,
  formatIsoDate,
  parseIsoDate,
  type EnumerationValues,
  type FieldSpec,
} from '@sroi/core';

/** What a generated contract must fit: the ruleset's enumerations and periods. */
export interface ContractShape {
  readonly enumerations: EnumerationValues;
  readonly periods: readonly { readonly from: string; readonly to: string }[];
  readonly referenceDate: string;
}

export interface ContractArbitraryOptions {
  readonly maxActivities?: number;
  /** Activity kinds to draw from (default: all). */
  readonly kinds?: readonly string[];
  /** Largest contract value in euros (default € 20 million). */
  readonly maxValue?: number;
}

const euros = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The arbitrary of one field, from its type and bounds; undefined for free text (left out). */
function fieldArbitrary(
  name: string,
  spec: FieldSpec,
  shape: ContractShape,
  options: ContractArbitraryOptions,
): fc.Arbitrary<unknown> | undefined {
  const t = spec.type;
  switch (t.kind) {
    case 'money': {
      const max = name === 'waarde' ? (options.maxValue ?? 20_000_000) * 100 : 5_000_000;
      return fc.integer({ min: 0, max }).map(euros);
    }
    case 'number':
      if (t.integer) return fc.integer({ min: Math.ceil(t.min ?? 0), max: Math.floor(t.max ?? 100) });
      // fte: hundredths above the minimum, up to the maximum.
      return fc.integer({ min: 1, max: Math.round((t.max ?? 10) * 100) }).map((h) => h / 100);
    case 'duration':
      return t.unit === 'maanden'
        ? fc.integer({ min: 1, max: Math.floor(t.max ?? 120) })
        : fc.integer({ min: 0, max: 2000 });
    case 'percentage':
      return fc.integer({ min: 0, max: 100 });
    case 'date': {
      if (name !== shape.referenceDate) return undefined;
      // No `chain`: fast-check cannot shrink through it. One integer range per period instead.
      const ranges = shape.periods.map((p) =>
        fc.integer({ min: parseIsoDate(p.from)!, max: parseIsoDate(p.to)! }),
      );
      return fc.oneof(...ranges).map((d) => formatIsoDate(d));
    }
    case 'boolean':
      return fc.boolean();
    case 'enum': {
      const values = shape.enumerations[t.enumeration] ?? [];
      return values.length ? fc.constantFrom(...values) : undefined;
    }
    case 'text':
      return undefined;
  }
}

function recordArbitrary(
  fields: Readonly<Record<string, FieldSpec>>,
  shape: ContractShape,
  options: ContractArbitraryOptions,
  fixed: Record<string, unknown> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const a = fieldArbitrary(name, spec, shape, options);
    if (!a) continue;
    model[name] = a;
    if (spec.presence === 'required') requiredKeys.push(name);
  }
  return fc.record(model, { requiredKeys }).map((r) => ({ ...fixed, ...r }));
}

/** An activity of the given kind. */
export function activityArbitrary(
  kind: string,
  shape: ContractShape,
  options: ContractArbitraryOptions = {},
) {
  return recordArbitrary(activityKinds[kind]!, shape, options, { soort: kind });
}

/** A valid contract for the ruleset: every required field, some optional ones, 0..n activities. */
export function contractArbitrary(shape: ContractShape, options: ContractArbitraryOptions = {}) {
  const kinds = options.kinds ?? Object.keys(activityKinds);
  const activity = fc.oneof(...kinds.map((k) => activityArbitrary(k, shape, options)));
  return fc
    .tuple(
      recordArbitrary(contractFields, shape, options),
      fc.array(activity, { maxLength: options.maxActivities ?? 6 }),
    )
    .map(([c, activiteiten]) => ({ ...c, activiteiten }));
}

// The quick contract check (core/contract.ts) is only a shortcut past zod: on valid contracts and
// on every kind of broken one it gives zod's answer, and validation returns the same value and
// the same diagnostics as zod alone would.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  activityKindNames,
  activityKinds,
  contractFields,
  inputLimits,
  quickContractCheck,
  sharedEnumerationValues,
  validateContract,
  zodAcceptsContract,
  type EnumerationValues,
  type FieldType,
} from '@sroi/core';
import { contractArbitrary } from './support/arbitraries.js';

/** A ruleset's own enumerations (a value added, one left out), and none at all (identifiers). */
const rulesetEnums: EnumerationValues = {
  ...sharedEnumerationValues,
  doelgroep: [...sharedEnumerationValues.doelgroep.slice(1), 'statushouder'],
};
const enumChoices: (EnumerationValues | undefined)[] = [undefined, sharedEnumerationValues, rulesetEnums];

/** Values at and around every boundary the contract format has, and values of every JSON type. */
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    -0,
    0,
    0.001,
    0.5,
    1,
    1.5,
    1.51,
    2,
    4,
    5,
    99.99,
    100,
    100.01,
    120,
    120.5,
    121,
    1e21,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    NaN,
    Infinity,
    -Infinity,
    '',
    ' ',
    '0',
    '12',
    '12.5',
    '12.50',
    '12.505',
    ' 12.50 ',
    '-12.50',
    '1e3',
    '12,50',
    '€ 12',
    '2024-02-29',
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-1-01',
    '24-01-01',
    '2024-01-01T00:00',
    'ww',
    'statushouder',
    'participatiewet',
    'Participatiewet',
    'mbo-bbl',
    'a--b',
    '-a',
    'a-',
    'plaatsing',
    'onbekend',
    true,
    false,
    null,
    undefined,
    [],
    {},
    [1],
    { soort: 'scholing' },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
);

/** Values on, just inside and just outside the bounds of a field's type. */
function boundaryValues(type: FieldType): unknown[] {
  switch (type.kind) {
    case 'number':
    case 'duration': {
      const min = type.min ?? 0;
      const max = type.max ?? 1000;
      return [
        min,
        min - 1,
        min + 0.5,
        min - 0.5,
        max,
        max + 0.5,
        max - 0.5,
        max + 1,
        -0,
        (min + max) / 2,
        2.5,
        '1',
      ];
    }
    case 'percentage':
      return [0, -0, -0.01, 0.5, 100, 100.01, 99.5, '50'];
    case 'money':
      return ['0.00', '0', '0.1', '0.123', '-1.00', ' 5.00', 12.34, 12.345, -1, 0, 1e21, 5e-7, '1.', '.5'];
    case 'date':
      return ['2024-02-29', '2023-02-29', '2024-04-31', '2024-00-10', '2024-1-1', 20240101];
    case 'enum':
      return ['ww', 'WW', 'statushouder', 'a-b', 'a_b', '', 1];
    case 'text':
      return ['', 'x', 1, null];
    case 'boolean':
      return [true, false, 'ja', 0, null];
  }
}

type Json = Record<string, unknown>;
const fieldNames = [
  'id',
  'waarde',
  'gunningsdatum',
  'startdatum',
  'einddatum',
  'opdrachtsoort',
  'arbeidsaandeel',
  'inspanningAangetoond',
  'activiteiten',
  'soort',
  'fte',
  'maanden',
  'leeftijd',
  'niveau',
  'kosten',
  'factuurbedrag',
  'aandeelDoelgroep',
  'uren',
  'bedrag',
  'doelgroep',
  'vorm',
  'onbekendVeld',
  '__proto__',
  'constructor',
  'toString',
];

/** One change to a valid contract, at the contract or at one of its activities. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...fieldNames), value: edgeValue }),
  fc.record({
    kind: fc.constant('set-own' as const),
    index: fc.noBias(fc.nat(999)),
    edge: fc.noBias(fc.nat(999)),
    value: edgeValue,
  }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...fieldNames) }),
  fc.record({
    kind: fc.constant('soort' as const),
    value: fc.constantFrom(...activityKindNames, 'Plaatsing', ''),
  }),
  fc.record({ kind: fc.constant('replace' as const), value: edgeValue }),
  fc.record({ kind: fc.constant('swap-dates' as const) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(contract: Json, changes: readonly Mutation[], where: readonly number[]): unknown {
  let root: unknown = structuredClone(contract);
  changes.forEach((change, i) => {
    const c = change as { kind: string; key?: string; index?: number; edge?: number; value?: unknown };
    const activities = typeof root === 'object' && root !== null ? (root as Json)['activiteiten'] : undefined;
    const n = Array.isArray(activities) ? activities.length : 0;
    const at = where[i]! % (n + 1);
    const target = (at < n ? (activities as unknown[])[at] : root) as unknown;
    if (typeof target !== 'object' || target === null) return;
    const record = target as Json;
    switch (c.kind) {
      case 'set':
        // defineProperty, so a key like __proto__ becomes an own property as JSON.parse makes it.
        Object.defineProperty(record, c.key!, {
          value: c.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        break;
      case 'set-own': {
        // A field the record's own vocabulary has, so that every bound and type gets tried.
        // An activity whose soort names no kind (after a 'soort' change) gets a contract field.
        const soort = record['soort'];
        const fields =
          at < n && typeof soort === 'string' && Object.hasOwn(activityKinds, soort)
            ? activityKinds[soort]!
            : contractFields;
        const own = Object.keys(fields);
        const name = own[c.index! % own.length]!;
        const spec = fields[name]!;
        const edges = boundaryValues(spec.type);
        // Half the time a value at a boundary of the field's own type, else any value.
        record[name] = c.edge! % 2 === 0 ? edges[(c.edge! >> 1) % edges.length] : c.value;
        break;
      }
      case 'delete':
        delete record[c.key!];
        break;
      case 'soort':
        record['soort'] = c.value;
        break;
      case 'replace':
        if (at < n) (activities as unknown[])[at] = c.value;
        else root = c.value;
        break;
      case 'swap-dates': {
        const start = record['startdatum'];
        record['startdatum'] = record['einddatum'];
        record['einddatum'] = start;
        break;
      }
    }
  });
  return root;
}

describe('the quick contract check', () => {
  test.prop([contractArbitrary({ maxActivities: 8 }), fc.constantFrom(...enumChoices.slice(0, 2))], {
    numRuns: 300,
  })('accepts every valid contract, as zod does', (contract, enums) => {
    expect(zodAcceptsContract(contract, enums)).toBe(true);
    expect(quickContractCheck(contract, enums)).toBe(true);
  });

  test.prop(
    [
      contractArbitrary({ maxActivities: 4 }),
      fc.constantFrom(...enumChoices),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      fc.array(fc.noBias(fc.nat(999)), { minLength: 3, maxLength: 3 }),
    ],
    { numRuns: 10_000 },
  )(
    'gives zod’s answer on a mutated contract (accepts exactly what zod accepts)',
    (contract, enums, changes, where) => {
      const input = mutate(contract, changes, where);
      expect(quickContractCheck(input, enums)).toBe(zodAcceptsContract(input, enums));
    },
  );

  test.prop(
    [
      contractArbitrary({ maxActivities: 4 }),
      fc.array(mutation, { maxLength: 3 }),
      fc.array(fc.noBias(fc.nat(999)), { minLength: 3, maxLength: 3 }),
    ],
    {
      numRuns: 500,
    },
  )(
    'validation with the quick check returns the input unchanged, without diagnostics, exactly when zod accepts it',
    (contract, changes, where) => {
      const input = mutate(contract, changes, where);
      const result = validateContract(input, rulesetEnums);
      if (zodAcceptsContract(input, rulesetEnums)) expect(result).toEqual({ value: input, diagnostics: [] });
      else {
        expect(result.value).toBeUndefined();
        expect(result.diagnostics.length).toBeGreaterThan(0);
      }
    },
  );

  test.prop([fc.jsonValue({ maxDepth: 4 })], { numRuns: 500 })(
    'gives zod’s answer on any JSON value',
    (json) => {
      expect(quickContractCheck(json)).toBe(zodAcceptsContract(json));
    },
  );

  test('refuses more activities than the input limit, as zod does', () => {
    const activity = { soort: 'overdracht', bedrag: '10.00' };
    const contract = (n: number) => ({
      opdrachtsoort: 'werken',
      waarde: '100000.00',
      gunningsdatum: '2024-01-01',
      activiteiten: Array.from({ length: n }, () => activity),
    });
    const atLimit = contract(inputLimits.maxActivities);
    const overLimit = contract(inputLimits.maxActivities + 1);
    expect(quickContractCheck(atLimit)).toBe(true);
    expect(zodAcceptsContract(atLimit)).toBe(true);
    expect(quickContractCheck(overLimit)).toBe(false);
    expect(zodAcceptsContract(overLimit)).toBe(false);
  });

  test('leaves what is not plain data to zod, which decides', () => {
    class Contract {
      opdrachtsoort = 'werken';
      waarde = '10.00';
      gunningsdatum = '2024-01-01';
      activiteiten = [];
    }
    const instance = new Contract();
    expect(quickContractCheck(instance)).toBe(false);
    expect(validateContract(instance).value).toBe(zodAcceptsContract(instance) ? instance : undefined);
    const bare = Object.assign(Object.create(null) as Json, { ...new Contract() });
    expect(quickContractCheck(bare)).toBe(zodAcceptsContract(bare));
  });
});

// The IR validator checks a rewritten JSON Schema (tag-distinguished unions as discriminators,
// packages/evaluator/scripts/discriminators.ts) with its own small checker (schema-check.ts): it
// must accept exactly the documents that ajv accepts under the IR's JSON Schema as zod writes it.
import { fc, test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { irJsonSchema } from '@sroi/core';
import { validateIr } from '@sroi/evaluator';
import { describe, expect } from 'vitest';
import { discriminatorOf, withDiscriminators } from '../packages/evaluator/scripts/discriminators.js';
import { irSchemaErrors } from '../packages/evaluator/src/validate.js';
import { shippedIr, shippedRulesets } from './support/shipped.js';

const reference = new Ajv2020({ strict: false, allErrors: false }).compile(irJsonSchema());
const irs = shippedRulesets.map(shippedIr);

type Node = Record<string, unknown> | unknown[];
/** Every object and array in a document, with the way to replace one of its entries. */
function containers(doc: unknown): Node[] {
  const out: Node[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== 'object' || x === null) return;
    out.push(x as Node);
    for (const v of Object.values(x)) walk(v);
  };
  walk(doc);
  return out;
}

const tags = ['k', 't', 'const', 'if', 'arith', 'min', 'max', 'bedrag', 'tarief', 'rij', 'sum', 'refdate'];
const edgeValue = fc.oneof(
  fc.constantFrom(...tags, 0, -1, 1.5, '', null, true, [], {}, { k: 'const' }, { t: 'bedrag' }),
  fc.jsonValue({ maxDepth: 2 }),
);

const change = fc.record({
  at: fc.nat(),
  key: fc.nat(),
  how: fc.constantFrom('set', 'delete', 'copy', 'tag', 'extra'),
  value: edgeValue,
  from: fc.nat(),
});

type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

function mutate(doc: unknown, changes: readonly Change[]): unknown {
  const copy = structuredClone(doc);
  for (const c of changes) {
    const nodes = containers(copy);
    const node = nodes[c.at % nodes.length]!;
    const keys = Object.keys(node);
    if (keys.length === 0) continue;
    const key = keys[c.key % keys.length]!;
    const target = node as Record<string, unknown>;
    switch (c.how) {
      case 'set':
        target[key] = c.value;
        break;
      case 'delete':
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete target[key];
        break;
      case 'copy':
        // Another part of the document in this place: right shapes in wrong places.
        target[key] = structuredClone(nodes[c.from % nodes.length]);
        break;
      case 'tag':
        // Another union member's tag, keeping this member's fields.
        if ('k' in target || 't' in target) target['k' in target ? 'k' : 't'] = tags[c.key % tags.length];
        break;
      case 'extra':
        if (!Array.isArray(node)) target['onbekend'] = c.value;
        break;
    }
  }
  return copy;
}

const generated = (doc: unknown): boolean => irSchemaErrors(doc).length === 0;

describe('the IR validator', () => {
  test('finds the tag of the expression and type unions', () => {
    const defs = (irJsonSchema()['$defs'] ?? {}) as Record<string, { anyOf?: unknown[]; oneOf?: unknown[] }>;
    expect(discriminatorOf(defs['IrExpr']!.anyOf!)).toBe('k');
    expect(discriminatorOf(defs['IrType']!.oneOf!)).toBe('t');
    expect(discriminatorOf(defs['IrValue']!.anyOf!)).toBeUndefined();
  });

  test('leaves a union alone when two branches share a tag value', () => {
    const branch = (k: string, extra: string) => ({
      type: 'object',
      properties: { k: { const: k }, [extra]: { type: 'string' } },
      required: ['k', extra],
    });
    const schema = { anyOf: [branch('a', 'x'), branch('a', 'y')] };
    expect(withDiscriminators(schema)).toEqual(schema);
  });

  test('accepts every shipped ruleset, as the reference schema does', () => {
    for (const ir of irs) {
      expect(reference(ir)).toBe(true);
      expect(validateIr(ir).diagnostics).toEqual([]);
    }
  });

  test.prop([fc.nat(irs.length - 1), fc.array(change, { minLength: 1, maxLength: 3 })], { numRuns: 400 })(
    'accepts a mutated IR document exactly when ajv accepts it under the original JSON Schema',
    (which, changes) => {
      const doc = mutate(irs[which], changes);
      expect(generated(doc)).toBe(reference(doc));
    },
  );
});

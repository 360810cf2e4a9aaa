import { fc, test } from '@fast-check/vitest';
import canonicalize from 'canonicalize';
import { describe, expect } from 'vitest';
import { canonicalJson } from '../src/audit.js';
import { Plan } from '../src/plan.js';
import { contract, placement, tinyIr } from './support/ir.js';

describe('canonicalJson', () => {
  test.prop([fc.jsonValue()])('is RFC 8785 (the canonicalize package) for every JSON value', (value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  test.prop([fc.jsonValue()])('does not depend on the order of keys', (value) => {
    const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    ) as unknown;
    expect(canonicalJson(reversed)).toBe(canonicalJson(value));
  });

  test('writes a lone surrogate as JSON.stringify escapes it, where RFC 8785 refuses it', () => {
    expect(canonicalJson({ b: '\ud800', a: [1, null] })).toBe('{"a":[1,null],"b":"\\ud800"}');
  });
});

describe('Plan.metadata', () => {
  const plan = Plan.fromIr(tinyIr()).value!;

  test('names the ruleset, its periods, the IR version and the SHA-256 of the canonical IR', () => {
    expect(plan.metadata).toEqual({
      regeling: 'Klein',
      perioden: [{ naam: '2024', van: '2024-01-01', tot: '2024-12-31' }],
      irVersie: 2,
      irSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(plan.irSha256).toBe(plan.metadata.irSha256);
  });

  test('the hash is the SHA-256 of the canonical JSON, as node:crypto computes it', async () => {
    const { createHash } = await import('node:crypto');
    expect(plan.irSha256).toBe(createHash('sha256').update(canonicalJson(tinyIr())).digest('hex'));
  });

  test('the same IR with its keys in another order has the same hash; a changed name another', () => {
    const shuffled = JSON.parse(JSON.stringify(tinyIr()), (_k, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    ) as unknown;
    expect(Plan.fromIr(shuffled).value!.irSha256).toBe(plan.irSha256);
    const edited = tinyIr();
    edited.ruleset.name = 'Klein!';
    expect(Plan.fromIr(edited).value!.irSha256).not.toBe(plan.irSha256);
  });
});

describe('berekend', () => {
  test("every engine writes the plan's hash; it is computed when read, so a caller that leaves it out never hashes", () => {
    const plan = Plan.fromIr(tinyIr()).value!;
    for (const engine of ['reference', 'compiled'] as const) {
      const result = plan.evaluate(contract(placement('bepaald', 6)), { engine }).value!;
      expect(Object.getOwnPropertyDescriptor(result.berekend, 'irSha256')?.get, engine).toBeTypeOf(
        'function',
      );
      expect(JSON.parse(JSON.stringify(result)).berekend, engine).toEqual({
        regeling: 'Klein',
        periode: '2024',
        irSha256: plan.irSha256,
      });
      expect(structuredClone(result).berekend.irSha256, engine).toBe(plan.irSha256);
    }
  });
});

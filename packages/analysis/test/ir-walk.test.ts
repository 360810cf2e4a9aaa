import { describe, expect, test } from 'vitest';
import type { IrExpr } from '@sroi/core';
import {
  canonical,
  closure,
  identity,
  isValued,
  normalize,
  referencesOf,
  sameMeaning,
} from '../src/ir-walk.js';
import { review } from './support/rulesets.js';

const at = { file: 0, start: 0, end: 1, line: 1, column: 1 };

describe('normalize', () => {
  test('drops spans and formula texts', () => {
    const a: IrExpr = {
      k: 'if',
      c: { k: 'const', v: { bool: true } },
      t: { k: 'const', v: { num: '1' } },
      e: { k: 'const', v: { num: '0' } },
      src: 'x',
      at,
    };
    const b: IrExpr = { ...a, src: 'y', at: { ...at, line: 9 } };
    expect(sameMeaning(a, b)).toBe(true);
  });

  test('a parameter and a definition of the same name are the same reference', () => {
    expect(normalize({ k: 'param', name: 'sr_percentage' })).toEqual(
      normalize({ k: 'def', key: 'sr_percentage' }),
    );
  });

  test('a different comparison is a different meaning', () => {
    const cmp = (op: '≥' | '>'): IrExpr => ({
      k: 'cmp',
      op,
      l: { k: 'field', scope: 'contract', name: 'waarde' },
      r: { k: 'param', name: 'drempel' },
    });
    expect(sameMeaning(cmp('≥'), cmp('>'))).toBe(false);
  });

  test('canonical text does not depend on key order', () => {
    expect(canonical({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(canonical({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });
});

describe('references and closures', () => {
  const ir = review('rijnmond-2023-2027.sroi').ir;

  test('the obligation depends on the scope rule, the threshold and the percentage', () => {
    expect([...closure(ir, [identity.outcome('verplichting')])].sort()).toEqual([
      'uitkomst verplichting',
      'waarde binnen_bereik',
      'waarde drempel',
      'waarde sr_percentage',
    ]);
  });

  test('a placement uses its definitions and the table of yearly values', () => {
    const v = ir.valuations.find((x) => x.kind === 'plaatsing')!;
    expect([...referencesOf(v.expr)].sort()).toEqual([
      'definitie plaatsing.basiswaarde',
      'definitie plaatsing.bonus_duurzaam',
      'definitie plaatsing.bonus_onbepaald',
    ]);
  });

  test('a valuation of € 0 with a message does not value its activity kind', () => {
    const old = review('rijnmond-2019-2023.sroi').ir;
    expect(isValued(old.valuations.find((x) => x.kind === 'arbeidsontwikkeling')!)).toBe(false);
    expect(isValued(ir.valuations.find((x) => x.kind === 'arbeidsontwikkeling')!)).toBe(true);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { jsonTextProblems } from '../src/json-text.js';
import { Rational } from '../src/rational.js';

/** Values without duplicate keys (JSON.stringify of an object never repeats a key). */
const value = fc.jsonValue({ maxDepth: 4 });

describe('jsonTextProblems', () => {
  test.prop([value])(
    'JSON.stringify output has no duplicate keys and only numbers that read back exactly',
    (v) => {
      expect(jsonTextProblems(JSON.stringify(v))).toEqual([]);
      expect(jsonTextProblems(JSON.stringify(v, null, 2))).toEqual([]);
    },
  );

  test.prop([fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 12 })])(
    'a decimal is reported exactly when the double it becomes prints as another value',
    (n, scale) => {
      const text =
        scale === 0
          ? String(n)
          : `${n < 0n ? '-' : ''}${(n < 0n ? -n : n)
              .toString()
              .padStart(scale + 1, '0')
              .replace(new RegExp(`(\\d{${scale}})$`), '.$1')}`;
      const exact = Rational.parse(text)!.eq(Rational.fromNumber(Number(text)));
      expect(jsonTextProblems(`{"x": ${text}}`).length === 0).toBe(exact);
    },
  );

  test.prop([fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { minKeys: 1 }), fc.nat()])(
    'a key repeated in one object is found at its second occurrence',
    (obj, pick) => {
      const keys = Object.keys(obj);
      const key = keys[pick % keys.length]!;
      const text = `${JSON.stringify(obj).slice(0, -1)},${JSON.stringify(key)}:0}`;
      const problems = jsonTextProblems(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        kind: 'duplicate-key',
        key,
        start: text.lastIndexOf(`,${JSON.stringify(key)}:`) + 1,
      });
    },
  );
});

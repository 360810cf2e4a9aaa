import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileSource, declarationKey } from '@sroi/compiler';
import { diffRulesets, type ReviewedRuleset } from '../../src/index.js';
import { byKey, declarationOf, mirror } from '../support/attribution.js';
import { diskHost, review, reviewText, rulesetsDir, shipped } from '../support/rulesets.js';
import { variantArbitrary, type Variant } from '../support/variants.js';

let counter = 0;
const compiled = new Map<string, ReviewedRuleset>();
/** A variant compiled under a file name of its own beside the real rulesets. */
function compile(v: Variant): ReviewedRuleset {
  const hit = compiled.get(v.text);
  if (hit) return hit;
  const r = reviewText(`variant-${++counter}.sroi`, v.text);
  compiled.set(v.text, r);
  return r;
}

/** A shipped ruleset or an arbitrary variant of one. */
const rulesetArbitrary: fc.Arbitrary<ReviewedRuleset> = fc.oneof(
  fc.constantFrom(...shipped).map((f) => review(f)),
  variantArbitrary.map(compile),
);

const structural = (a: ReviewedRuleset, b: ReviewedRuleset) =>
  diffRulesets(a, b, { boundaries: false }).changes;

describe('semantic diff properties', () => {
  test.prop([rulesetArbitrary], { numRuns: 30 })('diff(A, A) lists no change', (a) => {
    expect(structural(a, a)).toEqual([]);
  });

  test.prop([rulesetArbitrary], { numRuns: 4 })(
    'diff(A, A) finds no contract with a different outcome',
    (a) => {
      const d = diffRulesets(a, a);
      expect(d.boundaries!.groups.map((g) => [g.group, g.differing])).toEqual(
        d.boundaries!.groups.map((g) => [g.group, 0]),
      );
    },
  );

  test.prop([rulesetArbitrary, rulesetArbitrary], { numRuns: 30 })(
    'diff(B, A) is diff(A, B) mirrored: added and removed, old and new swap',
    (a, b) => {
      expect(byKey(structural(b, a))).toEqual(byKey(structural(a, b)).map(mirror));
    },
  );

  test.prop([variantArbitrary], { numRuns: 30 })(
    "diff(base, variant) lists exactly the variant's own statements and its header",
    (v) => {
      const variant = compile(v);
      const changes = structural(review(v.base), variant);
      const own = compileSource(join(rulesetsDir, 'own.sroi'), v.text, diskHost)
        .model!.merged.root.declarations.map(declarationKey)
        .filter((k): k is string => k !== undefined);
      const touched = new Set(changes.map(declarationOf));
      touched.delete('kop');
      expect([...touched].sort()).toEqual([...own].sort());
      expect(changes.filter((c) => c.key.startsWith('kop ')).map((c) => c.key)).toEqual([
        'kop naam',
        'kop gemeente',
        'kop bron',
        'kop basis',
      ]);
    },
  );
});

test('the shipped variants state exactly what their diff against their base lists', () => {
  for (const [base, file] of [
    ['haaglanden-zhc-2023.sroi', 'leidschendam-voorburg-2025.sroi'],
    ['rijnmond-2019-2023.sroi', 'schiedam-legacy.sroi'],
  ] as const) {
    const path = join(rulesetsDir, file);
    const own = compileSource(path, readFileSync(path, 'utf8'), diskHost)
      .model!.merged.root.declarations.map(declarationKey)
      .filter((k): k is string => k !== undefined);
    const touched = new Set(structural(review(base), review(file)).map(declarationOf));
    touched.delete('kop');
    expect([...touched].sort()).toEqual([...own].sort());
  }
});

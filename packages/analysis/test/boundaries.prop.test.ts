import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  differingOutcomes,
  evaluateOn,
  searchBoundaries,
  summarize,
  type BoundaryFinding,
  type ReviewedRuleset,
} from '../src/index.js';
import { review, reviewText, shipped } from './support/rulesets.js';
import { variantArbitrary } from './support/variants.js';

let counter = 0;
const pairArbitrary: fc.Arbitrary<[ReviewedRuleset, ReviewedRuleset]> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...shipped), fc.constantFrom(...shipped))
    .map(([a, b]): [ReviewedRuleset, ReviewedRuleset] => [review(a), review(b)]),
  variantArbitrary.map((v): [ReviewedRuleset, ReviewedRuleset] => [
    review(v.base),
    reviewText(`grens-${++counter}.sroi`, v.text),
  ]),
);

/** The finding's contract with each of its variants filled in. */
function contractsOf(f: BoundaryFinding): object[] {
  if (!f.variantField || f.variants.length === 0) return [f.contract];
  return f.variants.map((value) =>
    f.variantField === 'opdrachtsoort'
      ? { ...f.contract, opdrachtsoort: value }
      : {
          ...f.contract,
          activiteiten: f.contract.activiteiten.map((a) => ({ ...a, [f.variantField!]: value })),
        },
  );
}

test.prop([pairArbitrary], { numRuns: 10 })(
  'every contract the boundary search reports gives different outcomes under A and B, as reported',
  ([a, b]) => {
    const report = searchBoundaries(a, b, { maxPerGroup: 1000 });
    for (const group of report.groups)
      for (const f of group.findings)
        for (const contract of contractsOf(f)) {
          const results = [
            summarize(evaluateOn(a, contract, f.scenario.a), 'nl'),
            summarize(evaluateOn(b, contract, f.scenario.b), 'nl'),
          ];
          expect(results).toEqual(f.results);
          expect(differingOutcomes(results[0]!, results[1]!)).toEqual(f.differs);
          expect(f.differs.length).toBeGreaterThan(0);
          for (const s of f.alsoOn)
            expect(
              differingOutcomes(
                summarize(evaluateOn(a, contract, s.a), 'nl'),
                summarize(evaluateOn(b, contract, s.b), 'nl'),
              ).length,
            ).toBeGreaterThan(0);
        }
  },
);

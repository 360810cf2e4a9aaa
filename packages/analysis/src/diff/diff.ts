// `sroi diff A B` as data: the changed declarations of two rulesets and, by evaluation, the
// contracts on which their outcomes differ.
import type { Language } from '@sroi/core';
import { searchBoundaries, type BoundaryReport } from '../boundaries.js';
import { describePeriods } from '../periods.js';
import type { ReviewedRuleset } from '../ruleset.js';
import { diffDeclarations } from './declarations.js';
import type { DiffChange, DiffRuleset } from './model.js';

export interface DiffOptions {
  readonly lang?: Language;
  /** Search for contracts with different outcomes (default true). */
  readonly boundaries?: boolean;
  /** Examples per group of the boundary search. */
  readonly maxPerGroup?: number;
}

/** The semantic difference between ruleset A (old) and B (new). */
export interface RulesetDiff {
  readonly a: DiffRuleset;
  readonly b: DiffRuleset;
  readonly changes: readonly DiffChange[];
  readonly boundaries?: BoundaryReport;
}

const described = (r: ReviewedRuleset, lang: Language): DiffRuleset => ({
  label: r.label,
  name: r.ir.ruleset.name,
  periods: describePeriods(r.ir, lang === 'nl' ? 't/m' : 'to'),
});

export function diffRulesets(a: ReviewedRuleset, b: ReviewedRuleset, options: DiffOptions = {}): RulesetDiff {
  const lang = options.lang ?? 'nl';
  return {
    a: described(a, lang),
    b: described(b, lang),
    changes: diffDeclarations(a, b, lang),
    ...(options.boundaries === false
      ? {}
      : {
          boundaries: searchBoundaries(a, b, {
            lang,
            ...(options.maxPerGroup !== undefined ? { maxPerGroup: options.maxPerGroup } : {}),
          }),
        }),
  };
}

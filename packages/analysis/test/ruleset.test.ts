import { describe, expect, test } from 'vitest';
import { diffRulesets, reviewIr, reviewSource } from '../src/index.js';
import { diskHost, review } from './support/rulesets.js';

describe('rulesets under review', () => {
  test('a compiled variant knows the places of its header and of the base declarations it replaces', () => {
    const lv = review('leidschendam-voorburg-2025.sroi');
    expect(lv.label).toBe('rulesets/leidschendam-voorburg-2025.sroi');
    expect(lv.headerPlaces).toMatchObject({
      naam: { file: 'rulesets/leidschendam-voorburg-2025.sroi', line: 4, column: 10 },
      basis: { line: 8, column: 14 },
      regio: { file: 'rulesets/haaglanden-zhc-2023.sroi', line: 10 },
    });
    expect([...lv.overrides.keys()]).toEqual(['waarde sr_percentage']);
  });

  test('a ruleset with errors gives its diagnostics, no review', () => {
    const r = reviewSource('kapot.sroi', 'regeling "Kapot"\n\nparameter p: bedrag = onzin\n', diskHost);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  test('a ruleset given as IR diffs like its source, without header places', () => {
    const source = review('rijnmond-2023-2027.sroi');
    const ir = reviewIr('r.json', JSON.parse(JSON.stringify(source.ir)), {
      displayFile: (p) => p.replace(/^.*\//, ''),
    }).value!;
    expect(ir.headerPlaces).toEqual({});
    expect(diffRulesets(source, ir, { boundaries: false }).changes).toEqual([]);
    expect(reviewIr('x.json', { irVersion: 99 }).value).toBeUndefined();
  });
});

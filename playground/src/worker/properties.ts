// Adapter: the property checker of `@sroi/analysis` (fast-check contracts, shrunk counterexamples,
// a ready `voorbeeld` block), so the playground and `sroi test` check eigenschappen the same way.
import type { Language } from '@sroi/core';
import type { Plan } from '@sroi/evaluator';
import { runProperties } from '@sroi/analysis';
import type { PropertyView } from '../protocol.js';

export function checkProperties(plan: Plan, lang: Language): PropertyView[] {
  return runProperties(plan, { lang, runs: 200 }).map((p) => ({
    title: p.title,
    passed: p.passed,
    runs: p.runs,
    seed: p.seed,
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    ...(p.voorbeeld !== undefined ? { voorbeeld: p.voorbeeld } : {}),
    ...(p.counterexample !== undefined ? { counterexample: p.counterexample } : {}),
  }));
}

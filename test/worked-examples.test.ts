// Every worked example of the domain notes (shared/domain/examples, copied into
// test/fixtures/worked-examples so a clean clone has them), evaluated through the compiler and
// the evaluator, to the cent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { fileHost } from './support/host.js';

const shared = join(import.meta.dirname, '../../shared/domain/examples');
const local = join(import.meta.dirname, 'fixtures/worked-examples');
const dir = local;

interface WorkedExample {
  ruleset: string;
  waarom: string;
  contract: unknown;
  verwacht: {
    verplichting: string;
    waarderingen: string[];
    gerealiseerd: string;
    restant: string;
    overschot: string;
    boete: string;
    percentage?: string;
  };
}

const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, example: JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkedExample }));

/** The rulesets this repository ships; every example of them must be reproduced. */
const shipped = readdirSync(join(import.meta.dirname, '../rulesets'))
  .filter((f) => f.endsWith('.sroi'))
  .map((f) => f.replace(/\.sroi$/, ''));

const plans = new Map<string, Plan>();
function planFor(ruleset: string): Plan {
  let plan = plans.get(ruleset);
  if (!plan) {
    const path = join(import.meta.dirname, '../rulesets', `${ruleset}.sroi`);
    const compiled = compileSource(path, readFileSync(path, 'utf8'), fileHost);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    plan = Plan.fromIr(compiled.ir).value!;
    plans.set(ruleset, plan);
  }
  return plan;
}

describe('worked examples of the domain notes', () => {
  it('are all present', () => {
    expect(examples.length).toBe(12);
  });

  it.runIf(existsSync(shared))('are the same as the domain notes next to the repository', () => {
    const theirs = readdirSync(shared)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(theirs).toEqual(examples.map((e) => e.file));
    for (const f of theirs)
      expect(readFileSync(join(local, f), 'utf8')).toBe(readFileSync(join(shared, f), 'utf8'));
  });

  for (const { file, example } of examples.filter((e) => shipped.includes(e.example.ruleset))) {
    it(`${file} (${example.ruleset}): ${example.waarom}`, () => {
      const result = planFor(example.ruleset).evaluate(example.contract);
      expect(result.diagnostics).toEqual([]);
      const r = result.value!;
      expect({
        verplichting: r.verplichting,
        waarderingen: r.waarderingen.map((w) => w.bedrag),
        gerealiseerd: r.gerealiseerd,
        restant: r.restant,
        overschot: r.overschot,
        boete: r.boete,
        percentage: r.percentage,
      }).toEqual({
        verplichting: example.verwacht.verplichting,
        waarderingen: example.verwacht.waarderingen,
        gerealiseerd: example.verwacht.gerealiseerd,
        restant: example.verwacht.restant,
        overschot: example.verwacht.overschot,
        boete: example.verwacht.boete,
        percentage: example.verwacht.percentage,
      });
    });
  }
});

// The first state from a ruleset compiled when the site was built is the state the engine sends
// once it has compiled the same text itself: the page cannot tell which one came first.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Language } from '@sroi/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/worker/engine.js';
import { firstState } from '../../src/worker/first-state.js';
import { precompile } from '../../src/worker/precompile.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = Object.fromEntries(
  readdirSync(`${root}rulesets`)
    .filter((f) => f.endsWith('.sroi'))
    .map((f) => [`rulesets/${f}`, readFileSync(`${root}rulesets/${f}`, 'utf8')]),
);
const sample = JSON.parse(
  readFileSync(`${root}rulesets/examples/schoonmaak-stadskantoor.json`, 'utf8'),
) as unknown;
/** The same contract with a mistake the evaluator reports at a JSON path. */
const invalid = { ...(sample as object), waarde: 'veel' };

const withoutTime = <T extends { millis: number }>({ millis: _, ...rest }: T) => rest;

describe('first state from the precompiled IR', () => {
  for (const path of Object.keys(files))
    it(`${path}: the same markers, result, form and outline as the engine's own compilation`, () => {
      const precompiled = precompile(path, files);
      expect(precompiled, path).toBeDefined();
      for (const lang of ['nl', 'en'] as Language[])
        for (const contract of [sample, invalid, undefined]) {
          const engine = new Engine();
          engine.setLang(lang);
          engine.open(path, files[path]!, files);
          engine.setContract(contract);
          const first = firstState(precompiled!, files, contract, lang, 3);
          expect(first, `${path} ${lang}`).toBeDefined();
          expect(withoutTime(first!)).toEqual(withoutTime(engine.state(3)));
        }
    });

  it('is not made for a ruleset with errors: the page compiles it and shows them', () => {
    const path = 'rulesets/rijnmond-2023-2027.sroi';
    const broken = { ...files, [path]: files[path]!.replace('parameter ', 'parameterr ') };
    expect(precompile(path, broken)).toBeUndefined();
  });
});

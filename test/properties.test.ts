// Properties in the language (`eigenschap`): checked against generated contracts, a wrong one
// caught, shrunk to a small contract and printed as a voorbeeld that can be pasted back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@sroi/cli';
import { compileSource } from '@sroi/compiler';
import { Plan, runExamples } from '@sroi/evaluator';

const ruleset = join(import.meta.dirname, '../rulesets/rijnmond-2023-2027.sroi');

async function run(args: string[]) {
  let out = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}

function withProperties(extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sroi-eigenschap-'));
  const file = join(dir, 'regeling.sroi');
  writeFileSync(file, readFileSync(ruleset, 'utf8') + '\n' + extra + '\n');
  return file;
}

describe('properties of a ruleset', () => {
  it('the Rijnmond 2023-2027 properties hold for generated contracts', async () => {
    const { code, out } = await run(['test', ruleset, '--runs', '50', '--seed', '7']);
    expect(code).toBe(0);
    expect(out.match(/✓ eigenschap/g)?.length).toBe(9);
  });

  it('a wrong condition is caught and shrunk to a contract with one small placement', async () => {
    const file = withProperties(
      'eigenschap "Fout: plaatsingen samen nooit boven € 30.000":\n' +
        '  som(activiteit.waardering voor elke activiteit waarbij activiteit.soort = "plaatsing") ≤ € 30.000\n' +
        '  aanname "met opzet fout"',
    );
    const { code, out } = await run(['test', file, '--runs', '300', '--seed', '42']);
    expect(code).toBe(1);
    expect(out).toContain('✗ eigenschap "Fout: plaatsingen samen nooit boven € 30.000"');
    expect(out).toContain('herhaal met --seed 42');
    const json = /tegenvoorbeeld: (\{.*\})/.exec(out)?.[1];
    const counterexample = JSON.parse(json!) as { waarde: string; activiteiten: { soort: string }[] };
    // Shrunk: nothing but what it takes to exceed € 30.000 with placements.
    expect(counterexample.waarde).toBe('0.00');
    expect(counterexample.activiteiten.map((a) => a.soort)).toEqual(['plaatsing']);
  });

  it('the printed voorbeeld is valid sroi that holds when pasted into the ruleset', async () => {
    const file = withProperties('eigenschap "Fout: de boete is altijd nul": boete = € 0');
    const { code, out } = await run(['test', file, '--runs', '300', '--seed', '3']);
    expect(code).toBe(1);
    const block = /\n(\s+voorbeeld "Tegenvoorbeeld[\s\S]*?boete € [\d.,]+)\n/
      .exec(out)![1]!
      .replace(/^ {6}/gm, '');
    const text = readFileSync(ruleset, 'utf8') + '\n' + block + '\n';
    const compiled = compileSource('pasted.sroi', text);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const outcomes = runExamples(Plan.fromIr(compiled.ir).value!);
    expect(outcomes.find((o) => o.title.startsWith('Tegenvoorbeeld'))?.passed).toBe(true);
  });

  it('a wrong monotonicity is caught with the values that break it', async () => {
    const file = withProperties(
      'eigenschap "Fout: de verplichting daalt als de waarde stijgt": dalend(verplichting, contract.waarde)',
    );
    const { code, out } = await run(['test', file, '--runs', '300', '--seed', '42']);
    expect(code).toBe(1);
    expect(out).toMatch(
      /verplichting gaat van € [\d.,]+ naar € [\d.,]+ als contract\.waarde toeneemt van [\d.]+ naar [\d.]+/,
    );
  });
});

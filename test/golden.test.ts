// Golden files (STYLE 14): diagnostics and explanations exactly as the CLI prints them.
// Regenerate with `npx vitest run test/golden.test.ts -u` and review the change with git diff.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@sroi/cli';
import { messages, type DiagnosticCode } from '@sroi/core';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');

async function run(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const io = { out: (t: string) => (output += t), err: (t: string) => (output += t) };
  const code = await main(args, io);
  // A path the CLI makes absolute (a set's member) is shown from the repository, on any machine.
  return { code, output: output.replaceAll(`${root}/`, '') };
}

const rel = (path: string) => relative(root, path);

describe('diagnostics, as sroi check prints them', () => {
  for (const kind of ['bad', 'good'] as const) {
    const dir = join(fixtures, 'diagnostics', kind);
    // Rulesets, and ruleset sets (`*.set.json`, whose members live in diagnostics/sets/).
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.sroi') || f.endsWith('.set.json'))) {
      it(`${kind}/${file} ${kind === 'bad' ? 'is refused with located errors' : 'is accepted'}`, async () => {
        const { code, output } = await run(['check', rel(join(dir, file))]);
        expect(code).toBe(kind === 'bad' ? 1 : 0);
        await expect(output).toMatchFileSnapshot(
          join(dir, file.replace(/\.sroi$|\.set\.json$/, '.expected.txt')),
        );
      });
    }
  }

  it('in English and in the gnu format for tools', async () => {
    const file = rel(join(fixtures, 'diagnostics/bad/units.sroi'));
    const { output } = await run(['check', '--lang', 'en', '--format', 'gnu', file]);
    await expect(output).toMatchFileSnapshot(join(fixtures, 'diagnostics/bad/units.en.gnu.expected.txt'));
  });
});

describe('citations, as sroi check --bronnen prints them', () => {
  const dir = join(fixtures, 'citations');
  const cases: [string, string[], number][] = [
    // Against the policy text shipped in rulesets/bronnen: a word changed, words added, one right.
    ['misquotes', ['--bronnen', 'rulesets/bronnen'], 1],
    ['misquotes.zonder-bronnen', [], 0],
    ['names', [], 1],
    ['unavailable', ['--bronnen', rel(join(dir, 'bronnen'))], 1],
  ];
  it.each(cases)('%s', async (name, options, exit) => {
    const file = rel(join(dir, `${name.split('.')[0]!}.sroi`));
    const { code, output } = await run(['check', ...options, file]);
    expect(code).toBe(exit);
    await expect(output).toMatchFileSnapshot(join(dir, `${name}.expected.txt`));
  });
});

describe('explanations, as sroi eval prints them', () => {
  const dir = join(fixtures, 'explanations');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.expected'))) {
    it(`${file} against Rijnmond 2023-2027`, async () => {
      const { code, output } = await run(['eval', 'rulesets/rijnmond-2023-2027.sroi', rel(join(dir, file))]);
      expect(code).toBe(0);
      await expect(output).toMatchFileSnapshot(join(dir, file.replace(/\.json$/, '.expected.txt')));
    });
  }

  it('waarom-niet.json as JSON: the failed conditions and their values are in the tree', async () => {
    const { code, output } = await run([
      'eval',
      '--json',
      'rulesets/rijnmond-2023-2027.sroi',
      rel(join(dir, 'waarom-niet.json')),
    ]);
    expect(code).toBe(0);
    await expect(output).toMatchFileSnapshot(join(dir, 'waarom-niet.expected.json'));
  });

  it('looptijd.json in English: the contract-duration meldingen are worded by the engine in the language asked', async () => {
    const { code, output } = await run([
      'eval',
      '--lang',
      'en',
      '--kort',
      'rulesets/rijnmond-2023-2027.sroi',
      rel(join(dir, 'looptijd.json')),
    ]);
    expect(code).toBe(0);
    await expect(output).toMatchFileSnapshot(join(dir, 'looptijd.en.expected.txt'));
  });
});

describe('contract diagnostics, as sroi eval prints them', () => {
  const dir = join(fixtures, 'contracts', 'bad');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`${file} is refused with a located error`, async () => {
      const { code, output } = await run(['eval', 'rulesets/rijnmond-2023-2027.sroi', rel(join(dir, file))]);
      expect(code).toBe(2);
      await expect(output).toMatchFileSnapshot(join(dir, file.replace(/\.json$/, '.expected.txt')));
    });
  }
});

describe('IR documents, as sroi eval refuses them', () => {
  const dir = join(fixtures, 'ir', 'bad');
  const contract = 'rulesets/examples/schoonmaak-stadskantoor.json';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ir.json'))) {
    it(`${file} is refused with a located error, in Dutch and in English`, async () => {
      const nl = await run(['eval', rel(join(dir, file)), contract]);
      const en = await run(['eval', '--lang', 'en', rel(join(dir, file)), contract]);
      expect([nl.code, en.code]).toEqual([2, 2]);
      await expect(`${nl.output}\n${en.output}`).toMatchFileSnapshot(
        join(dir, file.replace(/\.ir\.json$/, '.expected.txt')),
      );
    });
  }
});

/**
 * Codes reported only outside a ruleset (a contract, IR, running examples, a ruleset set at
 * evaluation, input files too large or binary to keep as fixtures), each with the test file that
 * produces and checks it. Every other code of the catalogue needs a golden case above.
 */
const coveredElsewhere: Partial<Record<DiagnosticCode, string>> = {
  // Input files: 8 MB of text, and binary content, are generated by the hostile-input suite.
  SR1006: 'test/hostile-input.test.ts',
  SR1012: 'test/hostile-input.test.ts',
  // An als ... anders als chain too deep to parse: thousands of lines, generated by the depth suite.
  SR2352: 'test/depth.prop.test.ts',
  // Contract input and evaluation (SR5xxx): JSON contracts, not rulesets.
  SR5001: 'packages/evaluator/test/interpret.test.ts',
  SR5002: 'packages/cli/test/json-input.test.ts',
  SR5004: 'packages/core/test/contract.test.ts',
  SR5005: 'packages/evaluator/test/interpret.test.ts',
  SR5007: 'packages/evaluator/test/interpret.test.ts',
  SR5008: 'packages/evaluator/test/interpret.test.ts',
  SR5009: 'packages/evaluator/test/interpret.test.ts',
  SR5010: 'packages/evaluator/test/interpret.test.ts',
  SR5011: 'packages/core/test/contract.test.ts',
  SR5012: 'packages/core/test/contract.test.ts',
  SR5013: 'packages/core/test/contract.test.ts',
  SR5014: 'packages/core/test/contract.test.ts',
  SR5015: 'packages/core/test/contract.test.ts',
  SR5016: 'packages/core/test/contract.test.ts',
  SR5017: 'packages/core/test/contract.test.ts',
  SR5018: 'packages/core/test/contract.test.ts',
  SR5019: 'packages/core/test/contract.test.ts',
  SR5020: 'packages/evaluator/test/plan-set.test.ts',
  SR5021: 'packages/cli/test/json-input.test.ts',
  SR5022: 'packages/cli/test/json-input.test.ts',
  SR5023: 'packages/cli/test/commands/batch-lines.test.ts',
  SR5103: 'packages/cli/test/commands/batch.test.ts',
  SR5306: 'packages/analysis/test/whatif/portfolio-rows.test.ts',
  // Requests to the HTTP API (sroi serve): answered as problem+json, golden in test/fixtures/serve.
  SR5250: 'packages/cli/test/serve/problems.test.ts',
  SR5251: 'packages/cli/test/serve/problems.test.ts',
  SR5252: 'packages/cli/test/serve/problems.test.ts',
  SR5253: 'packages/cli/test/serve/problems.test.ts',
  SR5254: 'packages/cli/test/serve/problems.test.ts',
  SR5255: 'packages/cli/test/serve/problems.test.ts',
  SR5256: 'packages/cli/test/serve/problems.test.ts',
  SR5257: 'packages/cli/test/serve/problems.test.ts',
  SR5258: 'packages/cli/test/serve/problems.test.ts',
  SR5259: 'packages/cli/test/serve/hostile.test.ts',
  // IR documents read from a file.
  SR6001: 'packages/evaluator/test/validate.test.ts',
  // A broken set manifest is an input error (exit 2), not a refused ruleset (exit 1).
  SR6003: 'packages/cli/test/commands/check.test.ts',
  SR6004: 'packages/cli/test/commands/check.test.ts',
  SR6005: 'packages/cli/test/commands/check.test.ts',
  // Running examples (`sroi test`), not checking them.
  SR6101: 'packages/evaluator/test/examples.test.ts',
  SR6102: 'packages/evaluator/test/examples.test.ts',
  SR6103: 'packages/evaluator/test/examples.test.ts',
  // Members with different reference dates: every ruleset must read gunningsdatum (SR2022).
  SR6204: 'packages/evaluator/test/plan-set.test.ts',
};

describe('the diagnostic catalogue', () => {
  const produced = new Set<string>();
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) collect(path);
      else if (entry.name.endsWith('.expected.txt'))
        for (const m of readFileSync(path, 'utf8').matchAll(
          /\b(?:fout|waarschuwing|info|error|warning) (SR\d{4})\b/g,
        ))
          produced.add(m[1]!);
    }
  };
  collect(fixtures);

  it('every code has a golden case that produces it, or a named test outside rulesets', () => {
    const missing = Object.keys(messages).filter(
      (code) => !produced.has(code) && !(code in coveredElsewhere),
    );
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(coveredElsewhere))('%s is produced and checked in %s', (code, file) => {
    expect(produced.has(code), `${code} has a golden case now: drop it from the list`).toBe(false);
    expect(readFileSync(join(root, file), 'utf8')).toContain(code);
  });
});

// Golden files (STYLE 14): diagnostics and explanations exactly as the CLI prints them.
// Regenerate with `npx vitest run test/golden.test.ts -u` and review the change with git diff.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@sroi/cli';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');

async function run(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const io = { out: (t: string) => (output += t), err: (t: string) => (output += t) };
  const code = await main(args, io);
  return { code, output };
}

const rel = (path: string) => relative(root, path);

describe('diagnostics, as sroi check prints them', () => {
  for (const kind of ['bad', 'good'] as const) {
    const dir = join(fixtures, 'diagnostics', kind);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.sroi'))) {
      it(`${kind}/${file} ${kind === 'bad' ? 'is refused with located errors' : 'is accepted'}`, async () => {
        const { code, output } = await run(['check', rel(join(dir, file))]);
        expect(code).toBe(kind === 'bad' ? 1 : 0);
        await expect(output).toMatchFileSnapshot(join(dir, file.replace(/\.sroi$/, '.expected.txt')));
      });
    }
  }

  it('in English and in the gnu format for tools', async () => {
    const file = rel(join(fixtures, 'diagnostics/bad/units.sroi'));
    const { output } = await run(['check', '--lang', 'en', '--format', 'gnu', file]);
    await expect(output).toMatchFileSnapshot(join(fixtures, 'diagnostics/bad/units.en.gnu.expected.txt'));
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

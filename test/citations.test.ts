// The shipped rulesets quote their documents word for word: sroi check --bronnen against the
// policy text in rulesets/bronnen finds every quotation of the 2023-2027 policy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@sroi/cli';
import { compileSource } from '@sroi/compiler';
import { fileHost } from './support/host.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'rulesets');
const bronnen = join(dir, 'bronnen');
const rulesets = readdirSync(dir).filter((f) => f.endsWith('.sroi'));
const policy = 'regionaal-social-return-beleid-2023-2027.txt';

interface JsonDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
}

async function check(args: string[]): Promise<{ code: number; diagnostics: JsonDiagnostic[] }> {
  let out = '';
  const io = { out: (t: string) => (out += t), err: () => {} };
  const code = await main(['check', '--format', 'json', ...args], io);
  return { code, diagnostics: (JSON.parse(out) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

describe.each(rulesets)('ruleset %s', (name) => {
  const path = relative(root, join(dir, name));

  it('quotes its documents word for word; documents we do not have are named as unchecked', async () => {
    const { code, diagnostics } = await check(['--bronnen', relative(root, bronnen), path]);
    expect(diagnostics.filter((d) => d.code !== 'SR2311')).toEqual([]);
    expect(code).toBe(0);
  });

  it('without --bronnen says once that its quotations were not checked', async () => {
    const { diagnostics } = await check([path]);
    expect(diagnostics.filter((d) => d.code === 'SR5401').length).toBeLessThanOrEqual(1);
  });
});

describe('the 2023-2027 policy', () => {
  it('is quoted, and every quotation of it is checked', () => {
    const atLeast: Record<string, number> = { 'rijnmond-2023-2027.sroi': 20, 'rijnmond-2019-2023.sroi': 4 };
    for (const [name, minimum] of Object.entries(atLeast)) {
      const path = join(dir, name);
      const model = compileSource(path, readFileSync(path, 'utf8'), fileHost).model!;
      const policyDocument = model.documents.get('beleid2023');
      expect(policyDocument?.files.map((f) => f.value)).toEqual([policy]);
      const quotations = model.citations
        .filter((c) => c.document === policyDocument)
        .flatMap((c) => c.provenance.quotes);
      expect(quotations.length, name).toBeGreaterThanOrEqual(minimum);
      // A quotation of the policy that names no document would escape the check (SR2301 refuses it).
      expect(model.citations.filter((c) => !c.document && c.provenance.quotes.length > 0)).toEqual([]);
    }
  });

  it.skipIf(!existsSync(join(root, '../shared/domain', policy)))(
    'in rulesets/bronnen is the text of the domain description, unchanged',
    () => {
      expect(readFileSync(join(bronnen, policy), 'utf8')).toBe(
        readFileSync(join(root, '../shared/domain', policy), 'utf8'),
      );
    },
  );
});

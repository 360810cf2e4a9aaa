// `sroi serve` refuses bad usage before it listens: no rulesets, bad limits, rulesets with errors.
import { afterAll, describe, expect, test } from 'vitest';
import { mini, scratch, sroi } from '../support/run.js';

const tmp = scratch('serve-usage');
afterAll(tmp.remove);

describe('sroi serve usage', () => {
  test('without a ruleset: exit 2 with the usage line', async () => {
    const r = await sroi('serve');
    expect(r.code).toBe(2);
    expect(r.err).toContain('sroi serve [--port N] REGELING|SET...');
  });

  test('a limit that is not a whole number in range: exit 2 naming the flag', async () => {
    for (const [flag, value] of [
      ['--port', '70000'],
      ['--max-body', '10'],
      ['--max-lines', 'veel'],
      ['--timeout', '50'],
      ['--max-activities', '1e3'],
    ] as const) {
      const r = await sroi('serve', flag, value, mini);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${flag} moet een geheel getal`);
    }
  });

  test('a ruleset with errors: exit 1 with its diagnostics, nothing listens', async () => {
    const broken = tmp.write(
      'kapot.sroi',
      'regeling "x"\n  periode "p" van 2024-01-01 tot en met 2023-01-01\nwaardering plaatsing = onbekend\n',
    );
    const r = await sroi('serve', '--port', '0', broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/SR\d{4}/);
  });

  test('two files with the same ruleset name: exit 2 naming both', async () => {
    const r = await sroi('serve', '--port', '0', mini, mini);
    expect(r.code).toBe(2);
    expect(r.err).toContain('dezelfde URL-naam');
  });
});

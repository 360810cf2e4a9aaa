import { compileSource } from '@sroi/compiler';
import { describe, expect, it } from 'vitest';
import { builtinFunctions } from '../src/builtins.js';

describe('builtin functions', () => {
  it.each(builtinFunctions.map((f) => f.name))(
    'the compiler knows %s (no unknown-name diagnostic for a call)',
    (name) => {
      const r = compileSource(
        't.sroi',
        `regeling "T"\nparameter a: bedrag = € 1\ndefinitie b: bedrag = ${name}(a, a)\n`,
      );
      expect(r.diagnostics.filter((d) => d.code === 'SR2001')).toEqual([]);
    },
  );

  it('a name that is no function is reported as unknown (so the test above can fail)', () => {
    const r = compileSource(
      't.sroi',
      'regeling "T"\nparameter a: bedrag = € 1\ndefinitie b: bedrag = gemiddelde(a, a)\n',
    );
    expect(r.diagnostics.map((d) => d.code)).toContain('SR2001');
  });
});

// What the compiler emits is IR the evaluator would accept from anyone: for the shipped rulesets
// and after random edits to them in an editor session, every IR the compiler produces passes the
// JSON Schema validator. That is why `Plan.fromCompilerIr` may check the invariants only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CompilerSession } from '@sroi/compiler';
import { IR_VERSION, type IrDocument } from '@sroi/core';
import { Plan, validateIr } from '@sroi/evaluator';
import { fileHost } from './support/host.js';

const dir = join(import.meta.dirname, '../rulesets');
const rulesets = [
  'rijnmond-2023-2027.sroi',
  'rijnmond-2019-2023.sroi',
  'haaglanden-zhc-2023.sroi',
  'leidschendam-voorburg-2025.sroi',
  'schiedam-legacy.sroi',
];

/** An edit that mostly keeps a ruleset compiling: another digit, one digit more, a line less. */
type Edit = {
  readonly kind: 'digit' | 'extra-digit' | 'drop-line';
  readonly pick: number;
  readonly digit: number;
};
const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('digit', 'extra-digit', 'drop-line'),
  pick: fc.nat(),
  digit: fc.integer({ min: 0, max: 9 }),
});

function apply(text: string, edit: Edit): string {
  if (edit.kind === 'drop-line') {
    const lines = text.split('\n');
    lines.splice(edit.pick % lines.length, 1);
    return lines.join('\n');
  }
  const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
  const at = digits[edit.pick % digits.length]!;
  return text.slice(0, at) + edit.digit + text.slice(edit.kind === 'digit' ? at + 1 : at);
}

describe.each(rulesets)('the IR the compiler emits for edits of %s', (file) => {
  const path = join(dir, file);
  test.prop([fc.array(editArbitrary, { minLength: 1, maxLength: 5 })], { numRuns: 6 })(
    'passes the JSON Schema validator and the invariants, as fromCompilerIr assumes',
    (edits) => {
      const session = new CompilerSession(path, fileHost);
      let text = readFileSync(path, 'utf8');
      for (const edit of [undefined, ...edits]) {
        if (edit) text = apply(text, edit);
        const ir = session.update(text).ir;
        if (!ir) continue;
        expect(validateIr(ir).diagnostics).toEqual([]);
        expect(Plan.fromCompilerIr(ir).value?.ir).toBe(ir);
      }
    },
  );
});

describe('Plan.fromCompilerIr', () => {
  const path = join(dir, 'rijnmond-2023-2027.sroi');
  const compile = () => new CompilerSession(path).update(readFileSync(path, 'utf8')).ir!;

  test('still refuses IR that breaks an invariant (a reference to a definition that is not there)', () => {
    const ir = compile();
    const broken: IrDocument = { ...ir, definitions: ir.definitions.slice(1) };
    const plan = Plan.fromCompilerIr(broken);
    expect(plan.value).toBeUndefined();
    expect(plan.diagnostics.map((d) => d.code)).toContain('SR6001');
  });

  test('refuses IR of another version as fromIr does', () => {
    const other = { ...compile(), irVersion: IR_VERSION + 1 } as unknown as IrDocument;
    expect(Plan.fromCompilerIr(other).diagnostics).toEqual(Plan.fromIr(other).diagnostics);
    expect(Plan.fromCompilerIr(other).diagnostics.map((d) => d.code)).toEqual(['SR6401']);
  });
});

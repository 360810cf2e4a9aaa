// The IR of the real Rijnmond ruleset against both its schemas (zod in @sroi/core, the ajv
// validator generated from it in @sroi/evaluator) and the executable invariants, plus what the
// invariants report once the compiled document is broken on purpose.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSource } from '@sroi/compiler';
import { irDocumentSchema, irInvariants, irJsonSchema, type IrDocument } from '@sroi/core';
import { validateIr } from '@sroi/evaluator';
import { describe, expect, test } from 'vitest';

const path = fileURLToPath(new URL('../rulesets/rijnmond-2023-2027.sroi', import.meta.url));
const compiled = compileSource(path, readFileSync(path, 'utf8'));
/** A fresh deep copy of the compiled IR, to break. */
const copy = (): IrDocument => structuredClone(compiled.ir!);

describe('the IR of the Rijnmond ruleset', () => {
  test('is produced without errors', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compiled.ir).toBeDefined();
  });

  test('satisfies the zod schema of the IR', () => {
    const parsed = irDocumentSchema().safeParse(compiled.ir);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test('satisfies every invariant', () => {
    expect(irInvariants(compiled.ir!)).toEqual([]);
  });

  test('is accepted by the evaluator (generated JSON Schema validator and invariants)', () => {
    expect(validateIr(copy()).diagnostics).toEqual([]);
  });

  test('is plain JSON: it survives a round trip through JSON text unchanged', () => {
    expect(JSON.parse(JSON.stringify(compiled.ir))).toEqual(compiled.ir);
  });

  test('names its source file and every span lies within it', () => {
    const ir = compiled.ir!;
    expect(ir.files).toEqual([path]);
    const length = readFileSync(path, 'utf8').length;
    const spans: { file: number; start: number; end: number }[] = [];
    JSON.stringify(ir, (key, value: unknown) => {
      if (key === 'at') spans.push(value as { file: number; start: number; end: number });
      return value;
    });
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.filter((s) => s.file !== 0 || s.start < 0 || s.end < s.start || s.end > length)).toEqual([]);
  });
});

describe('the invariants of a broken copy', () => {
  test('a valuation whose rounding is removed may pay fractions of a cent, and is refused at load', () => {
    const doc = copy();
    const i = doc.valuations.findIndex((v) => v.expr.k === 'round');
    const rounded = doc.valuations[i]!.expr as Extract<
      IrDocument['valuations'][number]['expr'],
      { k: 'round' }
    >;
    doc.valuations[i]!.expr = rounded.x;
    expect(irInvariants(doc)).toEqual([
      `valuations[${i}].expr: an amount that may have a fraction of a cent (no rounding)`,
    ]);
    expect(validateIr(doc).diagnostics.map((d) => d.code)).toEqual(['SR6001']);
  });

  test('an enumeration used as money is refused', () => {
    const doc = copy();
    const i = doc.valuations.findIndex((v) => v.kind === 'plaatsing');
    doc.valuations[i]!.expr = { k: 'field', scope: 'activity', name: 'doelgroep' };
    expect(irInvariants(doc)).toEqual([`valuations[${i}].expr: an amount that is a text value`]);
  });

  test('a removed parameter is reported wherever it is used', () => {
    const doc = copy();
    const [removed] = doc.parameters.splice(0, 1);
    const problems = irInvariants(doc);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !p.endsWith(`: unknown parameter ${removed!.name}`))).toEqual([]);
  });

  test('an obligation that depends on the penalty is a cycle through the outcomes', () => {
    const doc = copy();
    doc.outcomes.find((o) => o.name === 'verplichting')!.expr = { k: 'outcome', name: 'boete' };
    const problems = irInvariants(doc);
    expect(problems[0]).toBe(
      'rules: cycle outcome:verplichting → outcome:boete → outcome:restant → outcome:verplichting',
    );
    // Every other problem is a further cycle through the obligation (the capped routes use it too).
    expect(problems.filter((p) => !/^rules: cycle .*outcome:verplichting/.test(p))).toEqual([]);
  });

  test('a problem deep inside an expression is reported at its full path', () => {
    const doc = copy();
    const i = doc.valuations.findIndex((v) => v.kind === 'plaatsing');
    doc.valuations[i]!.expr = {
      k: 'arith',
      op: '+',
      l: { k: 'const', v: { num: '1' } },
      r: {
        k: 'min',
        args: [
          { k: 'const', v: { num: '1' } },
          { k: 'param', name: 'nergens' },
        ],
      },
    };
    expect(irInvariants(doc).filter((p) => p.includes('nergens'))).toEqual([
      `valuations[${i}].r.args[1]: unknown parameter nergens`,
    ]);
  });

  test('a removed enumeration is reported as missing', () => {
    const doc = copy();
    doc.enumerations = doc.enumerations.filter((e) => e.name !== 'doelgroep');
    expect(irInvariants(doc)).toEqual(['enumerations: missing enumeration doelgroep']);
  });

  test('a route with an unknown activity kind is reported at the route', () => {
    const doc = copy();
    doc.routes[0]!.kinds.push('stage');
    expect(irInvariants(doc)).toEqual(['routes[0]: unknown activity kind stage']);
  });

  test('the evaluator refuses a broken copy with SR6001 naming the problem', () => {
    const doc = copy();
    doc.enumerations = doc.enumerations.filter((e) => e.name !== 'vorm');
    expect(validateIr(doc).diagnostics).toEqual([
      {
        code: 'SR6001',
        severity: 'error',
        args: { message: 'enumerations: missing enumeration vorm' },
        path: 'enumerations',
      },
    ]);
  });

  test('the evaluator refuses a copy that breaks the schema at its instance path (an unknown expression kind at its k)', () => {
    const doc = copy() as unknown as { outcomes: { expr: unknown }[] };
    doc.outcomes[0]!.expr = { k: 'macro' };
    const [d] = validateIr(doc).diagnostics;
    expect([d?.code, d?.path]).toEqual(['SR6001', '/outcomes/0/expr/k']);
  });
});

test('the IR JSON Schema is identified and versioned', () => {
  const schema = irJsonSchema();
  expect([schema['$id'], schema['title'], schema['$schema']]).toEqual([
    'https://sroi.dev/schema/ir-v2.json',
    'sroi IR v2',
    'https://json-schema.org/draft/2020-12/schema',
  ]);
});

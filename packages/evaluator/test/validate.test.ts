import { renderHint, renderMessage } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { validateIr } from '../src/validate.js';
import { at, def, field, num, param, tinyIr, type Doc } from './support/ir.js';

/** The diagnostics of a document after `change`, as code, path and message. */
const problems = (change: (doc: Doc) => void) => {
  const doc = tinyIr();
  change(doc);
  const result = validateIr(doc);
  expect(result.value).toBeUndefined();
  return result.diagnostics.map((d) => ({ code: d.code, path: d.path, message: d.args['message'] }));
};

const definition = (key: string, expr: Doc['definitions'][number]['expr']): Doc['definitions'][number] => ({
  key,
  name: key,
  type: { t: 'bedrag' },
  expr,
  src: key,
  provenance: [],
  at: at(50),
});

describe('validateIr', () => {
  test('accepts a sound document and returns it', () => {
    const doc = tinyIr();
    expect(validateIr(doc)).toEqual({ value: doc, diagnostics: [] });
  });

  test.each([[5], ['ir'], [null], [true], [undefined]])('rejects the non-object %j as a whole', (json) => {
    expect(validateIr(json)).toEqual({
      value: undefined,
      diagnostics: [
        {
          code: 'SR6001',
          severity: 'error',
          args: { message: '(document) must be object' },
          path: '(document)',
        },
      ],
    });
  });

  test('rejects an older IR version with SR6002 naming both versions', () => {
    const doc = { ...tinyIr(), irVersion: 1 };
    expect(validateIr(doc).diagnostics).toEqual([
      { code: 'SR6002', severity: 'error', args: { version: '1', supported: 2 }, path: 'irVersion' },
    ]);
  });

  test('rejects a newer IR version with SR6401, which asks for a newer evaluator', () => {
    const [d] = validateIr({ ...tinyIr(), irVersion: 3 }).diagnostics;
    expect(d).toEqual({
      code: 'SR6401',
      severity: 'error',
      args: { version: 3, supported: 2 },
      path: 'irVersion',
    });
    expect([renderMessage(d!.code, d!.args, 'en'), renderHint(d!, 'en')]).toEqual([
      'IR version 3 is newer than this evaluator (IR version 2)',
      'Update @sroi/evaluator, or export the ruleset with an sroi that writes IR version 2.',
    ]);
  });

  test.each([
    ['"1"', '1'],
    ['1.5', 1.5],
    ['null', null],
    ['{…}', { major: 1 }],
  ])('rejects irVersion %s with SR6400: the version is a whole number, not that', (found, version) => {
    const [d, ...more] = validateIr({ ...tinyIr(), irVersion: version }).diagnostics;
    expect(more).toEqual([]);
    expect(d).toEqual({
      code: 'SR6400',
      severity: 'error',
      args: { found, supported: 2 },
      path: 'irVersion',
    });
  });

  test('rejects a schema violation with SR6001 at its instance path', () => {
    expect(problems((doc) => (doc.periods = []))).toEqual([
      { code: 'SR6001', path: '/periods', message: '/periods must NOT have fewer than 1 items' },
    ]);
  });

  test('rejects an unknown type in a parameter at its instance path', () => {
    const [d] = problems((doc) => ((doc.parameters[0]!.type as { t: string }).t = 'geld'));
    expect(d).toMatchObject({ code: 'SR6001', path: '/parameters/0/type/t' });
  });

  test('rejects a property the schema does not know', () => {
    expect(problems((doc) => Object.assign(doc, { extra: 1 }))).toEqual([
      { code: 'SR6001', path: '(document)', message: '(document) must NOT have additional properties' },
    ]);
  });

  test('rejects a malformed exact number', () => {
    const [d] = problems((doc) => (doc.parameters[0]!.versions[0]!.value = { num: '0.05' }));
    expect(d).toMatchObject({ code: 'SR6001', path: '/parameters/0/versions/0/value/num' });
  });
});

describe('validateIr checks the invariants the schema cannot express', () => {
  test('a definition that refers to an unknown parameter', () => {
    expect(problems((doc) => doc.definitions.push(definition('x', param('onbekend'))))).toEqual([
      { code: 'SR6001', path: 'definitions[1]', message: 'definitions[1]: unknown parameter onbekend' },
    ]);
  });

  test('two definitions that depend on each other form a cycle', () => {
    expect(
      problems((doc) => doc.definitions.push(definition('a', def('b')), definition('b', def('a')))),
    ).toEqual([{ code: 'SR6001', path: 'rules', message: 'rules: cycle def:a → def:b → def:a' }]);
  });

  test('a definition that depends on itself is a cycle', () => {
    expect(problems((doc) => doc.definitions.push(definition('a', def('a'))))).toEqual([
      { code: 'SR6001', path: 'rules', message: 'rules: cycle def:a → def:a' },
    ]);
  });

  test('a reference to an unknown definition, table or outcome', () => {
    expect(
      problems((doc) =>
        doc.definitions.push(
          definition('x', def('weg')),
          definition('y', { k: 'table', name: 'weg', args: [] }),
          definition('z', { k: 'outcome', name: 'weg' }),
        ),
      ).map((p) => p.message),
    ).toEqual([
      'definitions[1]: unknown definition weg',
      'definitions[2]: unknown table weg',
      'definitions[3]: unknown outcome weg',
    ]);
  });

  test('an activity field read outside an activity', () => {
    expect(problems((doc) => (doc.outcomes[4]!.expr = field('maanden'))).map((p) => p.message)).toEqual([
      'outcomes[4]: activity field maanden read outside an activity',
    ]);
  });

  test('a field that the activity kind does not have', () => {
    expect(problems((doc) => (doc.valuations[1]!.expr = field('maanden'))).map((p) => p.message)).toEqual([
      'valuations[1]: scholing has no field maanden',
    ]);
  });

  test('a definition of one kind used in the valuation of another', () => {
    expect(
      problems((doc) => (doc.valuations[1]!.expr = def('plaatsing.bonus_onbepaald'))).map((p) => p.message),
    ).toEqual(['valuations[1]: definition plaatsing.bonus_onbepaald belongs to plaatsing']);
  });

  test('an unknown activity kind in a route or a valuation', () => {
    expect(
      problems((doc) => {
        doc.routes[0]!.kinds.push('stage');
        doc.valuations[1]!.kind = 'cursus';
        doc.valuations[1]!.expr = num('0');
      }).map((p) => p.message),
    ).toEqual(['valuations[1]: unknown activity kind cursus', 'routes[0]: unknown activity kind stage']);
  });

  test('a missing enumeration, a reference date that is no date field and a period that ends before it starts', () => {
    expect(
      problems((doc) => {
        doc.enumerations = doc.enumerations.filter((e) => e.name !== 'vorm');
        doc.referenceDate = 'waarde';
        doc.periods[0]!.to = '2023-12-31';
      }).map((p) => p.message),
    ).toEqual([
      'enumerations: missing enumeration vorm',
      'referenceDate: waarde is not a date field',
      'periods[0]: ends before it starts',
    ]);
  });

  test('reports at most ten problems', () => {
    const found = problems((doc) => {
      for (let i = 0; i < 15; i++) doc.definitions.push(definition(`d${i}`, param(`p${i}`)));
    });
    expect(found).toHaveLength(10);
    expect(found[0]!.message).toBe('definitions[1]: unknown parameter p0');
  });

  test('accepts a number constant wherever an expression is allowed', () => {
    const doc = tinyIr();
    doc.definitions.push(definition('x', num('7/2')));
    expect(validateIr(doc).diagnostics).toEqual([]);
  });
});

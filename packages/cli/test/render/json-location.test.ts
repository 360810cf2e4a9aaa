import { describe, expect, test } from 'vitest';
import { jsonLocator, locateJsonPath, parsePath } from '../../src/render/json-location.js';

const text = [
  '{',
  '  "waarde": "-5.00",',
  '  "activiteiten": [',
  '    { "soort": "plaatsing", "fte": 2 }',
  '  ]',
  '}',
].join('\n');
const slice = (at: { start: number; end: number } | undefined) =>
  at ? text.slice(at.start, at.end) : undefined;

describe('parsePath', () => {
  test('splits names and indices', () => {
    expect(parsePath('activiteiten[0].fte')).toEqual(['activiteiten', 0, 'fte']);
    expect(parsePath('waarde')).toEqual(['waarde']);
    expect(parsePath('a[10][2].b')).toEqual(['a', 10, 2, 'b']);
  });
});

describe('locateJsonPath', () => {
  test('points at the whole property of a value that is there, key included', () => {
    expect(slice(locateJsonPath(text, 'waarde'))).toBe('"waarde": "-5.00"');
    expect(slice(locateJsonPath(text, 'activiteiten[0].fte'))).toBe('"fte": 2');
  });

  test('points at an array element itself', () => {
    expect(slice(locateJsonPath(text, 'activiteiten[0]'))).toBe('{ "soort": "plaatsing", "fte": 2 }');
  });

  test('points at the opening of the nearest enclosing value when the key is missing', () => {
    expect(slice(locateJsonPath(text, 'activiteiten[0].maanden'))).toBe('{');
    expect(locateJsonPath(text, 'activiteiten[0].maanden')!.start).toBe(text.indexOf('{ "soort"'));
    expect(slice(locateJsonPath(text, 'gunningsdatum'))).toBe('{');
  });

  test('points at the start of the document for the whole contract', () => {
    expect(locateJsonPath(text, '(contract)')).toEqual({ start: 0, end: 1 });
    expect(locateJsonPath(`  ${text}`, '(document)')).toEqual({ start: 2, end: 3 });
  });

  test('finds nothing in an empty text', () => {
    expect(locateJsonPath('', 'waarde')).toBeUndefined();
  });

  test('finds nothing, without throwing, in JSON nested too deeply to walk', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => locateJsonPath(deep, '[0]')).not.toThrow();
  });
});

describe('jsonLocator', () => {
  test('finds keys that hold dots and brackets, the longest key first', () => {
    const doc = '{"a.b[0]": 1, "a": {"b": [5]}, "x": [{"y.z": 2}]}';
    const locate = jsonLocator(doc);
    const at = (path: string) => {
      const r = locate(path);
      return r ? doc.slice(r.start, r.end) : undefined;
    };
    expect(at('a.b[0]')).toBe('"a.b[0]": 1');
    expect(at('a.b')).toBe('"b": [5]');
    expect(at('x[0].y.z')).toBe('"y.z": 2');
    expect(at('x[0].nope')).toBe('{');
  });
});

import { renderMessage } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { parseJsonInput } from '../src/json-input.js';

/** The code, the offset it points at, and the message in both languages. */
function problem(text: string) {
  const parsed = parseJsonInput('c.json', text);
  if (!('diagnostics' in parsed)) throw new Error('expected a diagnostic');
  const d = parsed.diagnostics[0]!;
  return {
    code: d.code,
    at: d.span!.start,
    nl: renderMessage(d.code, d.args),
    en: renderMessage(d.code, d.args, 'en'),
  };
}

describe('contract JSON a user typed', () => {
  test('valid JSON is parsed, __proto__ as an own key', () => {
    const parsed = parseJsonInput('c.json', '{"__proto__": {"x": 1}}') as { json: Record<string, unknown> };
    expect(Object.hasOwn(parsed.json, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  test('an unquoted name is unexpected at its first character', () => {
    expect(problem("{ opdrachtsoort: 'diensten' }")).toEqual({
      code: 'SR5002',
      at: 2,
      nl: "Geen geldige JSON: onverwacht 'opdrachtsoort'",
      en: "Not valid JSON: unexpected 'opdrachtsoort'",
    });
  });

  test('a trailing comma is unexpected at the closing brace', () => {
    expect(problem('{"a": 1,}')).toMatchObject({
      code: 'SR5002',
      at: 8,
      en: "Not valid JSON: unexpected '}'",
    });
  });

  test('a truncated file points at its last character and names what is still open, innermost first', () => {
    const text = '{"id": "x",\n "activiteiten": [ {"soort": "plaatsing"';
    expect(problem(text)).toEqual({
      code: 'SR5021',
      at: text.length - 1,
      nl: 'De JSON houdt op voordat hij af is: } ] } ontbreekt',
      en: 'The JSON ends before it is complete: } ] } is missing',
    });
  });

  test('a file cut inside a text lacks the closing quote first', () => {
    expect(problem('{"id": "abc')).toMatchObject({
      code: 'SR5021',
      nl: 'De JSON houdt op voordat hij af is: " } ontbreekt',
    });
  });

  test('an empty or blank file is empty, not a syntax error', () => {
    expect(problem('')).toMatchObject({ code: 'SR5022', at: 0 });
    expect(problem(' \n ')).toMatchObject({ code: 'SR5022', at: 0 });
  });
});

describe('what JSON.parse would change silently is refused, located', () => {
  test('a key written twice: the second is the error, the first is related', () => {
    const text = '{"waarde": "120000.00", "waarde": "1.00"}';
    const parsed = parseJsonInput('c.json', text);
    if (!('diagnostics' in parsed)) throw new Error('expected a diagnostic');
    const [d] = parsed.diagnostics;
    expect(d).toMatchObject({ code: 'SR5101', span: { start: 24, end: 32 } });
    expect(d!.related![0]!.span.start).toBe(1);
    expect(renderMessage(d!.code, d!.args)).toBe("Sleutel 'waarde' staat twee keer in hetzelfde object");
  });

  test('a key written once with an escape and once without is the same key', () => {
    expect(problem('{"a": 1, "b": {"a": 2}, "\\u0061": 3}')).toMatchObject({ code: 'SR5101', at: 24 });
  });

  test('a number a double cannot hold recommends a string; one it can hold passes', () => {
    expect(problem('{"waarde": 9007199254740993}')).toEqual({
      code: 'SR5100',
      at: 11,
      nl: 'Getal 9007199254740993 is niet exact te lezen: als JSON-getal wordt het 9007199254740992',
      en: 'Number 9007199254740993 cannot be read exactly: as a JSON number it becomes 9007199254740992',
    });
    expect(problem('[1e400]')).toMatchObject({ code: 'SR5100', at: 1 });
    for (const ok of ['0.8', '-12.5', '1e2', '0.30000000000000004', '9007199254740992', '123456789012345.67'])
      expect('json' in parseJsonInput('c.json', `{"x": ${ok}}`), ok).toBe(true);
  });
});

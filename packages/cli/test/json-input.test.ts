import { renderMessage } from '@sroi/core';
import { describe, expect, test } from 'vitest';
import { parseJsonInput } from '../src/json-input.js';

/** The code, the offset it points at, and the message in both languages. */
function problem(text: string) {
  const parsed = parseJsonInput('c.json', text);
  if (!('diagnostic' in parsed)) throw new Error('expected a diagnostic');
  const d = parsed.diagnostic;
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
      nl: "Contract is geen geldige JSON: onverwacht 'opdrachtsoort'",
      en: "Contract is not valid JSON: unexpected 'opdrachtsoort'",
    });
  });

  test('a trailing comma is unexpected at the closing brace', () => {
    expect(problem('{"a": 1,}')).toMatchObject({
      code: 'SR5002',
      at: 8,
      en: "Contract is not valid JSON: unexpected '}'",
    });
  });

  test('a truncated file points at its last character and names what is still open, innermost first', () => {
    const text = '{"id": "x",\n "activiteiten": [ {"soort": "plaatsing"';
    expect(problem(text)).toEqual({
      code: 'SR5021',
      at: text.length - 1,
      nl: 'Contract-JSON houdt op voordat hij af is: } ] } ontbreekt',
      en: 'Contract JSON ends before it is complete: } ] } is missing',
    });
  });

  test('a file cut inside a text lacks the closing quote first', () => {
    expect(problem('{"id": "abc')).toMatchObject({
      code: 'SR5021',
      nl: 'Contract-JSON houdt op voordat hij af is: " } ontbreekt',
    });
  });

  test('an empty or blank file is empty, not a syntax error', () => {
    expect(problem('')).toMatchObject({ code: 'SR5022', at: 0 });
    expect(problem(' \n ')).toMatchObject({ code: 'SR5022', at: 0 });
  });
});

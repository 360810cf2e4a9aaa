import { describe, expect, test } from 'vitest';
import { isDiagnosticCode, messages, type MessageDefinition } from '../src/messages.js';

const catalogue = Object.entries(messages) as [string, MessageDefinition][];
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the message catalogue', () => {
  test('has stable codes SR1xxx to SR6xxx', () => {
    expect(catalogue.length).toBeGreaterThan(0);
    expect(catalogue.map(([code]) => code).filter((code) => !/^SR[1-6]\d{3}$/.test(code))).toEqual([]);
  });

  test('gives every code a severity and non-empty Dutch and English text', () => {
    const incomplete = catalogue
      .filter(
        ([, m]) =>
          !['error', 'warning', 'info'].includes(m.severity) ||
          m.nl.trim() === '' ||
          m.en.trim() === '' ||
          (m.hint !== undefined && (m.hint.nl.trim() === '' || m.hint.en.trim() === '')),
      )
      .map(([code]) => code);
    expect(incomplete).toEqual([]);
  });

  test('uses the same {arguments} in the Dutch and the English text of every message', () => {
    const mismatches = catalogue
      .filter(([, m]) => placeholders(m.nl).join() !== placeholders(m.en).join())
      .map(([code, m]) => `${code}: nl {${placeholders(m.nl).join()}} en {${placeholders(m.en).join()}}`);
    expect(mismatches).toEqual([]);
  });

  test('uses the same {arguments} in the Dutch and the English text of every hint', () => {
    const mismatches = catalogue
      .filter(([, m]) => m.hint && placeholders(m.hint.nl).join() !== placeholders(m.hint.en).join())
      .map(([code]) => code);
    expect(mismatches).toEqual([]);
  });

  test('starts the Dutch and the English text of a message in the same case', () => {
    const lowerCase = catalogue
      .filter(([, m]) => /^[a-z]/.test(m.nl) !== /^[a-z]/.test(m.en))
      .map(([code]) => code);
    expect(lowerCase).toEqual([]);
  });
});

describe('isDiagnosticCode', () => {
  test('accepts catalogue codes and nothing else', () => {
    expect(isDiagnosticCode('SR2001')).toBe(true);
    expect(isDiagnosticCode('SR9999')).toBe(false);
    expect(isDiagnosticCode('toString')).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { UsageError } from '../src/errors.js';
import { renderUsage, usageMessages, type UsageText } from '../src/usage-messages.js';

const catalogue = Object.entries(usageMessages) as [string, UsageText][];
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join();

describe('the usage message catalogue', () => {
  test('gives every message a non-empty Dutch and English text', () => {
    expect(catalogue.length).toBeGreaterThan(30);
    expect(catalogue.filter(([, m]) => m.nl.trim() === '' || m.en.trim() === '').map(([k]) => k)).toEqual([]);
  });

  test('uses the same {arguments} in the Dutch and the English text of every message', () => {
    expect(
      catalogue
        .filter(([, m]) => placeholders(m.nl) !== placeholders(m.en))
        .map(([k, m]) => `${k}: nl {${placeholders(m.nl)}} en {${placeholders(m.en)}}`),
    ).toEqual([]);
  });

  test('starts with the same command, option or argument in both languages', () => {
    const commands = 'check|eval|test|fmt|dump|export|diff|compare|matrix|serve|whatif|portfolio';
    const lead = new RegExp(`^(?:(?:${commands})\\b[^:]*:|--[\\w-]+|\\{\\w+\\})`);
    const leads = (text: string) => lead.exec(text)?.[0] ?? '';
    expect(catalogue.filter(([, m]) => leads(m.nl) !== '').length).toBeGreaterThan(25);
    expect(
      catalogue
        .filter(([, m]) => leads(m.nl) !== leads(m.en))
        .map(([k, m]) => `${k}: ${leads(m.nl)} / ${leads(m.en)}`),
    ).toEqual([]);
  });
});

describe('renderUsage', () => {
  test('fills each argument in the language asked, a plain argument in both', () => {
    const args = { path: 'r.json', reason: { nl: 'bestand bestaat niet', en: 'file does not exist' } };
    expect(renderUsage('fileProblem', args, 'nl')).toBe('r.json: bestand bestaat niet');
    expect(renderUsage('fileProblem', args, 'en')).toBe('r.json: file does not exist');
  });

  test('leaves braces in an argument alone (user text is not a template)', () => {
    expect(renderUsage('exportTo', { value: '{value}' }, 'en')).toBe(
      "export --to: only json-rules-engine, not '{value}'",
    );
  });
});

describe('UsageError', () => {
  test('has the Dutch text as its message and both texts on request', () => {
    const e = new UsageError('checkSources', { path: 'bronnen/' });
    expect(e.message).toBe('check: --bronnen bronnen/ is geen map');
    expect(e.text('en')).toBe('check: --bronnen bronnen/ is not a folder');
    expect(e.texts).toEqual({ nl: e.message, en: e.text('en') });
  });
});

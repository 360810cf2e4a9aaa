import { describe, expect, test } from 'vitest';
import {
  diagnostic,
  fillTemplate,
  hasErrors,
  renderHint,
  renderMessage,
  sortDiagnostics,
  type Diagnostic,
} from '../src/diagnostic.js';

const span = (file: string, start: number) => ({ file, start, end: start + 1 });

describe('diagnostic', () => {
  test('takes its severity from the catalogue', () => {
    expect(diagnostic('SR2001', { name: "'x'" })).toEqual({
      code: 'SR2001',
      severity: 'error',
      args: { name: "'x'" },
    });
    expect(diagnostic('SR2004', { kind: 'Parameter', name: "'a'" }).severity).toBe('warning');
  });

  test('keeps a span, a path, related places and suggestions when given', () => {
    const related = [{ span: span('f', 9), code: 'SR2002' as const }];
    expect(
      diagnostic(
        'SR2002',
        { kind: 'Parameter', name: "'a'" },
        { span: span('f', 1), path: 'x' },
        { related, suggestions: ['b'] },
      ),
    ).toEqual({
      code: 'SR2002',
      severity: 'error',
      args: { kind: 'Parameter', name: "'a'" },
      span: { file: 'f', start: 1, end: 2 },
      path: 'x',
      related,
      suggestions: ['b'],
    });
  });

  test('leaves out empty related places and suggestions', () => {
    const d = diagnostic('SR2001', { name: 'x' }, {}, { related: [], suggestions: [] });
    expect(Object.keys(d)).toEqual(['code', 'severity', 'args']);
  });

  test('keeps an empty path, which is still a path', () => {
    expect(diagnostic('SR5011', { expected: 'a', actual: 'b' }, { path: '' }).path).toBe('');
  });

  test('may override the severity', () => {
    expect(diagnostic('SR2001', { name: 'x' }, {}, { severity: 'info' }).severity).toBe('info');
  });
});

describe('renderMessage', () => {
  test('fills the arguments into the Dutch text by default', () => {
    expect(renderMessage('SR2001', { name: "'drempel'" })).toBe("Onbekende naam 'drempel'");
  });

  test('fills the same arguments into the English text', () => {
    expect(renderMessage('SR2001', { name: "'drempel'" }, 'en')).toBe("Unknown name 'drempel'");
  });

  test('shows numbers as given', () => {
    expect(renderMessage('SR1005', { limit: 48 }, 'nl')).toBe(
      'Haakjes zijn te diep genest (meer dan 48 niveaus)',
    );
    expect(renderMessage('SR1005', { limit: 48 }, 'en')).toBe(
      'Parentheses nest too deeply (more than 48 levels)',
    );
  });

  test('fills several arguments, each wherever it occurs', () => {
    const args = { example: "'V2'", outcome: 'restant', actual: '0.00', expected: '5.00' };
    expect(renderMessage('SR6101', args)).toBe("Voorbeeld 'V2': restant is 0.00, verwacht 5.00");
    expect(renderMessage('SR6101', args, 'en')).toBe("Example 'V2': restant is 0.00, expected 5.00");
  });

  test('leaves a missing argument visible as its placeholder', () => {
    expect(renderMessage('SR2001', {})).toBe('Onbekende naam {name}');
  });
});

describe('renderHint', () => {
  const withSuggestions = (suggestions: string[]): Diagnostic =>
    diagnostic('SR2001', { name: 'x' }, {}, { suggestions });

  test('asks about one suggestion', () => {
    expect(renderHint(withSuggestions(['a']))).toBe("Bedoelde je 'a'?");
    expect(renderHint(withSuggestions(['a']), 'en')).toBe("Did you mean 'a'?");
  });

  test('joins two suggestions with of or or', () => {
    expect(renderHint(withSuggestions(['a', 'b']))).toBe("Bedoelde je 'a' of 'b'?");
    expect(renderHint(withSuggestions(['a', 'b']), 'en')).toBe("Did you mean 'a' or 'b'?");
  });

  test('lists three suggestions with commas and a final of or or', () => {
    expect(renderHint(withSuggestions(['a', 'b', 'c']))).toBe("Bedoelde je 'a', 'b' of 'c'?");
    expect(renderHint(withSuggestions(['a', 'b', 'c']), 'en')).toBe("Did you mean 'a', 'b' or 'c'?");
  });

  test("puts the suggestion before the catalogue's hint, with its arguments filled in", () => {
    const d = diagnostic(
      'SR5004',
      { value: '"x"', field: 'doelgroep', allowed: 'participatiewet, ww' },
      {},
      { suggestions: ['ww'] },
    );
    expect(renderHint(d)).toBe("Bedoelde je 'ww'? Toegestaan: participatiewet, ww.");
    expect(renderHint(d, 'en')).toBe("Did you mean 'ww'? Allowed: participatiewet, ww.");
  });

  test("is the catalogue's hint alone when there are no suggestions", () => {
    expect(renderHint(diagnostic('SR1007', {}))).toBe('Sluit de tekst af met " op dezelfde regel.');
    expect(renderHint(diagnostic('SR1007', {}), 'en')).toBe('Close the text with " on the same line.');
  });

  test('is undefined without hint and suggestions', () => {
    expect(renderHint(diagnostic('SR2001', { name: 'x' }))).toBeUndefined();
  });
});

describe('fillTemplate', () => {
  test('an argument with a value for a language (name@en) shows that value in that language only', () => {
    const args = { name: 'waarde', doc: 'Contractwaarde', 'doc@en': 'Contract value' };
    expect(fillTemplate('{name}: {doc}', args)).toBe('waarde: Contractwaarde');
    expect(fillTemplate('{name}: {doc}', args, 'nl')).toBe('waarde: Contractwaarde');
    expect(fillTemplate('{name}: {doc}', args, 'en')).toBe('waarde: Contract value');
    expect(fillTemplate('{name} {missing}', args, 'en')).toBe('waarde {missing}');
  });
});

describe('hasErrors', () => {
  test('is true only when some diagnostic is an error', () => {
    const warning = diagnostic('SR2004', { kind: 'Parameter', name: 'a' });
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, diagnostic('SR2001', { name: 'x' })])).toBe(true);
  });
});

describe('sortDiagnostics', () => {
  test('orders by file, then offset, then errors before warnings, then code', () => {
    const w = (file: string, start: number) =>
      diagnostic('SR2004', { kind: 'a', name: 'b' }, { span: span(file, start) });
    const e = (file: string, start: number, code: 'SR2001' | 'SR2005' = 'SR2001') =>
      diagnostic(code, { name: 'x' }, { span: span(file, start) });
    const unplaced = diagnostic('SR5011', { expected: 'a', actual: 'b' }, { path: 'x' });
    const input = [w('b', 1), e('a', 5, 'SR2005'), w('a', 5), e('a', 5), e('a', 0), unplaced];
    const sorted = sortDiagnostics(input);
    expect(sorted.map((d) => `${d.span?.file ?? '-'}:${d.span?.start ?? '-'}:${d.code}`)).toEqual([
      '-:-:SR5011',
      'a:0:SR2001',
      'a:5:SR2001',
      'a:5:SR2005',
      'a:5:SR2004',
      'b:1:SR2004',
    ]);
    expect(input[0]!.span?.file).toBe('b');
  });
});

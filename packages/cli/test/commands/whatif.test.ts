// `sroi whatif`'s progress line (a terminal's stderr only): contracts done and the rate, in the
// language of the run.
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/commands/whatif.js';

function shown(lang: 'nl' | 'en'): string {
  const lines: string[] = [];
  const progress = new Progress({ out: () => {}, err: (t) => lines.push(t) }, lang);
  progress.show(1234567);
  const text = lines.join('');
  // The line starts by going back and clearing what the terminal showed.
  expect(text.startsWith('\r\u001b[2K')).toBe(true);
  return text.slice('\r\u001b[2K'.length);
}

describe('whatif progress line', () => {
  it('counts in Dutch words and notation, or in English ones with --lang en', () => {
    expect(shown('nl')).toMatch(/^1\.234\.567 contracten · [\d.]+ per seconde$/);
    expect(shown('en')).toMatch(/^1,234,567 contracts · [\d,]+ per second$/);
  });
});

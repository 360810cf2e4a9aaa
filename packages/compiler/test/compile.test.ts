import { describe, expect, test } from 'vitest';
import { compileSource } from '../src/compile.js';
import type { SourceHost } from '../src/resolve/load.js';
import { rulesetWith } from './support/check.js';

/** A host over an in-memory map of files (paths as written, no folders). */
const host = (files: Record<string, string>): SourceHost => ({
  readFile: (path) => (Object.hasOwn(files, path) ? { text: files[path]! } : { error: 'niet gevonden' }),
  resolve: (_from, relative) => relative,
});

const variant = (base: string) => `regeling "Variant" breidt uit "${base}"\n  bron "test"\n`;

describe('compile: the files a compilation read', () => {
  test('the root and every base, with the text read', () => {
    const base = rulesetWith();
    const r = compileSource('variant.sroi', variant('base.sroi'), host({ 'base.sroi': base }));
    expect([...r.reads]).toEqual([
      ['variant.sroi', variant('base.sroi')],
      ['base.sroi', base],
    ]);
  });

  test('a base that could not be read is recorded as read without text (so adding it is a change)', () => {
    const r = compileSource('variant.sroi', variant('missing.sroi'), host({}));
    expect(r.diagnostics.map((d) => d.code)).toContain('SR2009');
    expect(r.reads.get('missing.sroi')).toBeUndefined();
    expect(r.reads.has('missing.sroi')).toBe(true);
  });

  test('a base that is not a ruleset is recorded with its text (so repairing it is a change)', () => {
    const r = compileSource('variant.sroi', variant('notes.txt'), host({ 'notes.txt': 'boodschappen' }));
    expect(r.diagnostics.map((d) => d.code)).toContain('SR2101');
    expect(r.reads.get('notes.txt')).toBe('boodschappen');
  });
});

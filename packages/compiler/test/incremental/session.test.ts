// What an editor session reuses after an edit, and that it still gives what compiling the whole
// text gives (the property test tries many more edits).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSource, type CompileResult } from '../../src/compile.js';
import { CompilerSession } from '../../src/incremental/session.js';
import type { SourceHost } from '../../src/resolve/load.js';

const dir = resolve(import.meta.dirname, '../../../../rulesets');
const path = join(dir, 'rijnmond-2023-2027.sroi');
const text = readFileSync(path, 'utf8');
const examples = text.match(/^voorbeeld /gm)!.length;

/** `text` with the first `from` replaced by `to`. */
const edit = (from: string, to: string, source = text): string => {
  const at = source.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  return source.slice(0, at) + to + source.slice(at + from.length);
};

/** What an editor shows of a compilation: diagnostics and IR, as JSON. */
const shown = (r: CompileResult) => JSON.stringify({ diagnostics: r.diagnostics, ir: r.ir });

function session(): CompilerSession {
  const s = new CompilerSession(path);
  s.update(text);
  expect(s.lastUpdate).toEqual({ parse: 'full', examplesReused: 0 });
  return s;
}

describe('a compiler session', () => {
  test('reparses only the declaration of a one-character edit inside a formula and reuses every example', () => {
    const s = session();
    const next = edit('36 maanden', '360 maanden');
    const r = s.update(next);
    expect(s.lastUpdate).toEqual({ parse: 'incremental', examplesReused: examples });
    expect(shown(r)).toBe(shown(compileSource(path, next)));
    expect(r.ir).toBeDefined();
  });

  test('moves the declarations after an edit that changes the length, spans and all', () => {
    const s = session();
    const next = edit('waardering plaatsing = afronden(', 'waardering plaatsing =  afronden(');
    const r = s.update(next);
    expect(s.lastUpdate).toEqual({ parse: 'incremental', examplesReused: examples });
    const whole = compileSource(path, next);
    expect(shown(r)).toBe(shown(whole));
    const tree = (ast: unknown) =>
      JSON.stringify(ast, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
    expect(tree(r.ast)).toBe(tree(whole.ast));
  });

  test('shares a reused example contract between compilations, frozen so that no holder can change it', () => {
    const s = session();
    const first = s.update(edit('36 maanden', '37 maanden')).ir!;
    const second = s.update(edit('36 maanden', '38 maanden')).ir!;
    const [a, b] = [first.examples[0]!.contract, second.examples[0]!.contract];
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as Record<string, unknown>)['waarde'] = 1;
    }).toThrow(TypeError);
  });

  test('checks again only the example that was edited', () => {
    const s = session();
    const next = edit('voorbeeld "Eerste dag van de periode"', 'voorbeeld "De eerste dag van de periode"');
    const r = s.update(next);
    expect(s.lastUpdate).toEqual({ parse: 'incremental', examplesReused: examples - 1 });
    expect(shown(r)).toBe(shown(compileSource(path, next)));
  });

  test('renaming a declaration reparses only that declaration, and the checker reports the broken references', () => {
    const s = session();
    const next = edit('parameter max_maanden_plaatsing:', 'parameter max_maanden_plaatsingen:');
    const r = s.update(next);
    expect(s.lastUpdate.parse).toBe('incremental');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(shown(r)).toBe(shown(compileSource(path, next)));
  });

  test('checks every example again when what they read changes (an outcome is renamed)', () => {
    const s = session();
    const next = edit('uitkomst restant:', 'uitkomst resterend:');
    const r = s.update(next);
    expect(s.lastUpdate).toEqual({ parse: 'incremental', examplesReused: 0 });
    expect(shown(r)).toBe(shown(compileSource(path, next)));
  });

  test('gives the same result without parsing for the same text', () => {
    const s = session();
    const r = s.update(text);
    expect(s.lastUpdate).toEqual({ parse: 'unchanged', examplesReused: examples });
    expect(shown(r)).toBe(shown(compileSource(path, text)));
  });

  test('parses the whole text after an edit in the header', () => {
    const s = session();
    const next = edit('versie "2023-2027"', 'versie "2023-2028"');
    const r = s.update(next);
    expect(s.lastUpdate.parse).toBe('full');
    expect(shown(r)).toBe(shown(compileSource(path, next)));
  });

  test('parses the whole text while it has a syntax error, and edits incrementally again once it is fixed', () => {
    const s = session();
    const broken = edit('36 maanden', '36 maanden )');
    const r = s.update(broken);
    expect(s.lastUpdate.parse).toBe('full');
    expect(r.diagnostics.some((d) => d.code.startsWith('SR1'))).toBe(true);
    expect(shown(r)).toBe(shown(compileSource(path, broken)));
    s.update(edit('36 maanden', '36 maanden ', text));
    expect(s.lastUpdate.parse).toBe('full');
    const next = edit('36 maanden', '37 maanden ');
    expect(shown(s.update(next))).toBe(shown(compileSource(path, next)));
    expect(s.lastUpdate.parse).toBe('incremental');
  });

  test('parses the whole text when an edit joins two declarations', () => {
    const s = session();
    const next = edit('drie jaar"\n\ndefinitie geteld', 'drie jaar" definitie geteld');
    const r = s.update(next);
    expect(s.lastUpdate.parse).toBe('full');
    expect(shown(r)).toBe(shown(compileSource(path, next)));
  });

  test('lexes the module of an incremental parse on demand, through one shared class shape', () => {
    const s = session();
    const next = edit('36 maanden', '360 maanden');
    const r = s.update(next);
    expect(s.lastUpdate.parse).toBe('incremental');
    const whole = compileSource(path, next).module;
    expect(r.module.tokens.map((t) => t.image)).toEqual(whole.tokens.map((t) => t.image));
    expect(r.module.comments.map((t) => t.image)).toEqual(whole.comments.map((t) => t.image));
    // No own getters: an object literal with getters made per update gets its own hidden class,
    // which V8's young collections keep alive with the whole compilation behind it.
    const own = Object.getOwnPropertyDescriptors(r.module);
    expect(Object.values(own).filter((d) => d.get !== undefined)).toEqual([]);
  });
});

describe('a compiler session on a variant', () => {
  const variantPath = join(dir, 'leidschendam-voorburg-2025.sroi');
  const basePath = join(dir, 'haaglanden-zhc-2023.sroi');
  const files = new Map([
    [variantPath, readFileSync(variantPath, 'utf8')],
    [basePath, readFileSync(basePath, 'utf8')],
  ]);
  const reads: string[] = [];
  const host: SourceHost = {
    readFile: (p) => {
      reads.push(p);
      const t = files.get(p);
      return t === undefined ? { error: 'niet gevonden' } : { text: t };
    },
    resolve: (from, relative) => resolve(dirname(from), relative),
  };

  test('reads the base after every edit, and follows an edit of the base', () => {
    const s = new CompilerSession(variantPath, host);
    const variant = files.get(variantPath)!;
    expect(shown(s.update(variant))).toBe(shown(compileSource(variantPath, variant, host)));
    reads.length = 0;
    const next = variant + '\n# opmerking\n';
    expect(shown(s.update(next))).toBe(shown(compileSource(variantPath, next, host)));
    expect(s.lastUpdate.parse).toBe('incremental');
    expect(reads).toContain(basePath);
    const before = s.update(next);
    files.set(
      basePath,
      edit(
        '| ww                               | € 20.000',
        '| ww                               | € 21.000',
        files.get(basePath)!,
      ),
    );
    const after = s.update(next);
    expect(s.lastUpdate.parse).toBe('unchanged');
    expect(shown(after)).toBe(shown(compileSource(variantPath, next, host)));
    expect(shown(after)).not.toBe(shown(before));
  });
});

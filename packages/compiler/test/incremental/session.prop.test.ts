// The editor's incremental compiler against the whole-text compiler: after any sequence of edits
// to a shipped ruleset (or to the base it extends), `session.update(text)` gives exactly what
// `compileSource(path, text, host)` gives — diagnostics, tokens, syntax tree with spans, checked
// model and IR.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Rational, SourceFile } from '@sroi/core';
import type { IToken } from '@sroi/grammar';
import type { Node } from '../../src/ast/ast.js';
import { compileSource, type CompileResult } from '../../src/compile.js';
import { CompilerSession } from '../../src/incremental/session.js';
import type { SourceHost } from '../../src/resolve/load.js';

const dir = resolve(import.meta.dirname, '../../../../rulesets');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Files in memory, readable as the CLI reads the disk (`breidt uit` relative to the file). */
class MemoryHost implements SourceHost {
  readonly files = new Map<string, string>();
  readFile(path: string) {
    const text = this.files.get(path);
    return text === undefined ? { error: `${path} bestaat niet` } : { text };
  }
  resolve(from: string, relative: string) {
    return resolve(dirname(from), relative);
  }
}

/** The shipped rulesets; a variant's session edits its base too. */
const rulesets: readonly { file: string; base?: string }[] = [
  { file: 'rijnmond-2023-2027.sroi' },
  { file: 'rijnmond-2019-2023.sroi' },
  { file: 'haaglanden-zhc-2023.sroi' },
  { file: 'leidschendam-voorburg-2025.sroi', base: 'haaglanden-zhc-2023.sroi' },
  { file: 'schiedam-legacy.sroi', base: 'rijnmond-2019-2023.sroi' },
];

// ── comparing compilations ───────────────────────────────────────────────────────────────────

const isNode = (v: object): v is Node => {
  const span = (v as { span?: unknown }).span;
  return typeof span === 'object' && span !== null && 'start' in span && 'file' in span;
};
const ref = (n: Node) =>
  `${(n as { kind?: string }).kind ?? 'node'}@${n.span.file}:${n.span.start}-${n.span.end}`;

/**
 * A plain, comparable copy of a value: Rationals as text, Maps as entry lists, source files by
 * path and text. With `refs`, a syntax node below the top is written as kind and span only (the
 * syntax trees are compared in full on their own; the checked model refers to their nodes).
 */
function plain(value: unknown, refs: boolean, top = true): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Rational) return `Rational(${value.toString()})`;
  if (value instanceof SourceFile) return `SourceFile(${value.path}, ${value.text.length})`;
  if (value instanceof Map)
    return [...value].map(([k, v]) => [
      typeof k === 'object' && k !== null && isNode(k) ? ref(k) : plain(k, refs, false),
      plain(v, refs, false),
    ]);
  if (value instanceof Set) return [...value].map((v) => plain(v, refs, false));
  if (Array.isArray(value)) return value.map((v) => plain(v, refs, false));
  if (refs && !top && isNode(value)) return ref(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v, refs, false);
  return out;
}

const tokens = (list: readonly IToken[]) =>
  list.map((t) => [
    t.tokenType.name,
    t.image,
    t.startOffset,
    t.endOffset,
    t.startLine,
    t.startColumn,
    t.endLine,
    t.endColumn,
  ]);

/** Everything a compilation gives, in a form `toEqual` compares exactly. */
function snapshot(r: CompileResult) {
  const model = r.model;
  return {
    diagnostics: plain(r.diagnostics, false),
    module: {
      path: r.module.source.path,
      text: r.module.source.text,
      hasAst: r.module.ast !== undefined,
      diagnostics: plain(r.module.diagnostics, false),
      tokens: tokens(r.module.tokens),
      comments: tokens(r.module.comments),
    },
    ast: plain(r.ast, false),
    sources: [...r.sources].map(([path, s]) => [path, s.text]),
    model: model && {
      ...(plain({ ...model, merged: undefined, sources: undefined }, true) as object),
      merged: {
        ...(plain({ ...model.merged, root: undefined }, true) as object),
        declarations: plain(model.merged.declarations, false),
      },
    },
    ir: r.ir === undefined ? undefined : JSON.parse(JSON.stringify(r.ir)),
  };
}

/** Every object reachable from a value (the nodes of a syntax tree). */
function reachable(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || into.has(value)) return into;
  if (value instanceof Rational || value instanceof SourceFile) return into;
  into.add(value);
  for (const v of Array.isArray(value) ? value : Object.values(value)) reachable(v, into);
  return into;
}

/**
 * The checked model's side tables are keyed by the nodes of this compilation's syntax trees (the
 * root's and its bases'), not by nodes of an earlier text that happen to look the same.
 */
function expectModelOfOwnTrees(r: CompileResult): void {
  const model = r.model;
  if (!model) return;
  const nodes = reachable(model.merged.declarations);
  reachable(r.ast, nodes);
  const foreign: string[] = [];
  const keys: ReadonlyMap<object, unknown>[] = [
    model.types,
    model.names,
    model.calls,
    model.declaredTypes,
    model.monotone,
  ];
  for (const map of keys) for (const k of map.keys()) if (!nodes.has(k)) foreign.push(ref(k as Node));
  for (const d of [...model.examples, ...model.routes, ...model.properties])
    if (!nodes.has(d)) foreign.push(ref(d));
  expect(foreign).toEqual([]);
}

/** Updates the session and compiles the whole text; both must give the same. */
function expectSame(session: CompilerSession, path: string, text: string, host: SourceHost): void {
  const result = session.update(text);
  const incremental = snapshot(result);
  const whole = snapshot(compileSource(path, text, host));
  // Compared as JSON text first: deep equality of such large values is slow, and only a
  // difference needs the readable diff.
  for (const part of Object.keys(whole) as (keyof typeof whole)[])
    if (JSON.stringify(incremental[part]) !== JSON.stringify(whole[part]))
      expect({ [part]: incremental[part] }).toEqual({ [part]: whole[part] });
  expectModelOfOwnTrees(result);
}

// ── edits ────────────────────────────────────────────────────────────────────────────────────

/** Where an edit lands: anywhere, or near a place edits tend to happen. */
type Anchor =
  | 'anywhere'
  | 'header'
  | 'line-start'
  | 'line-end'
  | 'declaration-start'
  | 'formula'
  | 'number'
  | 'string'
  | 'word-end';

const anchorPatterns: Record<Exclude<Anchor, 'anywhere' | 'header'>, RegExp> = {
  'line-start': /^/gm,
  'line-end': /$/gm,
  'declaration-start': /^(?=\S)/gm,
  formula: /(?<==)/g,
  number: /\d/g,
  string: /(?<=")(?=[^"\n]*")/g,
  'word-end': /(?<=\w)(?!\w)/g,
};

/** Candidate offsets of an anchor in a text. */
function anchors(text: string, anchor: Anchor): number[] {
  const out: number[] = [];
  if (anchor === 'anywhere') for (let i = 0; i <= text.length; i++) out.push(i);
  else if (anchor === 'header') {
    const first = /^(?!regeling|regelset|ruleset|\s|#)\S/m.exec(text)?.index ?? text.length;
    for (let i = 0; i <= first; i++) out.push(i);
  } else for (const m of text.matchAll(anchorPatterns[anchor])) out.push(m.index);
  return out.length > 0 ? out : [0];
}

interface Place {
  readonly anchor: Anchor;
  /** Which candidate (modulo their number) and how far from it. */
  readonly pick: number;
  readonly jitter: number;
}

function offsetOf(text: string, place: Place): number {
  const candidates = anchors(text, place.anchor);
  const at = candidates[place.pick % candidates.length]! + place.jitter;
  return Math.max(0, Math.min(text.length, at));
}

type Edit =
  /** Replaces `remove` characters at a place by `insert` (in the ruleset, or in its base). */
  | {
      readonly kind: 'replace';
      readonly place: Place;
      readonly remove: number;
      readonly insert: Insert;
      readonly inBase: boolean;
    }
  /** Types a word at a place one character at a time, compiling after each. */
  | { readonly kind: 'type'; readonly place: Place; readonly word: string }
  /** Deletes characters one at a time backwards from a place, compiling after each. */
  | { readonly kind: 'backspace'; readonly place: Place; readonly count: number }
  /** Goes back to the text before the previous edit (an editor's undo). */
  | { readonly kind: 'undo' };

/** What an edit inserts: fixed text, or a piece of the text itself (a copy-paste). */
type Insert = { readonly text: string } | { readonly copy: Place; readonly length: number };

const anchorArbitrary = fc.constantFrom<Anchor>(
  'anywhere',
  'header',
  'line-start',
  'line-end',
  'declaration-start',
  'formula',
  'number',
  'string',
  'word-end',
);
const placeAt = (anchor: fc.Arbitrary<Anchor>, jitter = true): fc.Arbitrary<Place> =>
  fc.record({
    anchor,
    pick: fc.nat(),
    jitter: jitter ? fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 })) : fc.constant(0),
  });
const placeArbitrary = placeAt(anchorArbitrary);

/** Pieces of the language and of its mistakes. */
const snippets = [
  ...[' ', '  ', '\n', '\n\n', '\t', '\r\n', '# opmerking', '\n# commentaar\n', '#', '\u00a0', '\u2028'],
  ...['0', '1', '5', ',', '.', ',5', '€ ', '€ 1.000', '%', '20%', '(', ')', '"', '"tekst"', '\\', '\u0001'],
  ...['+ 1', ' × 2', '* 2', '/ 12', '-', '=', ':', '|', '| - |', '[uniek]', 'x', 'basiswaarde'],
  ...['als ', ' dan ', ' anders ', 'en', 'niet ', 'min(', 'afronden(', ', op € 0,01)', 'bron "x"'],
  ...[
    'aanname "a"',
    'activiteit.fte',
    'contract.waarde',
    'per jaar',
    'per maand',
    '2024-01-01',
    '2024-13-45',
  ],
  ...['\nwaardering ', '\nroute extra "Extra": plaatsing\n', '\ndefinitie d: bedrag = € 1\n'],
  ...[
    '\nparameter p: getal = 1\n  aanname "test"\n',
    'voorbeeld',
    'verwacht',
    'regeling',
    'breidt uit "x.sroi"',
  ],
];
const insertArbitrary: fc.Arbitrary<Insert> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...snippets).map((text) => ({ text })) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...'ab1,.€ ()"\n#=|-:%'), { minLength: 1, maxLength: 4 })
      .map((cs) => ({ text: cs.join('') })),
  },
  { weight: 2, arbitrary: fc.record({ copy: placeArbitrary, length: fc.integer({ min: 1, max: 120 }) }) },
  { weight: 1, arbitrary: fc.constant({ text: '' }) },
);
const removeArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 4, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 400 }) },
);

/**
 * Edits that keep the syntax (most keystrokes do): a digit in a number, a letter at the end of a
 * name, a letter in a text, a comment or blank at the end of a line, a blank line. The checker
 * may still object (a renamed reference, a tariff in tenths of a cent): that is the point.
 */
const gentleArbitrary: fc.Arbitrary<Edit> = fc
  .oneof(
    fc.record({
      anchor: fc.constant<Anchor>('number'),
      remove: fc.constantFrom(0, 1),
      text: fc.constantFrom('0', '7', ''),
    }),
    fc.record({
      anchor: fc.constant<Anchor>('word-end'),
      remove: fc.constantFrom(0, 1),
      text: fc.constantFrom('e', '_', ''),
    }),
    fc.record({
      anchor: fc.constant<Anchor>('string'),
      remove: fc.constantFrom(0, 1),
      text: fc.constantFrom('a', ' ', '€ 1', ''),
    }),
    fc.record({
      anchor: fc.constant<Anchor>('line-end'),
      remove: fc.constant(0),
      text: fc.constantFrom(' ', '  # opmerking', '\n', '\n\n# los commentaar'),
    }),
    fc.record({
      anchor: fc.constant<Anchor>('line-start'),
      remove: fc.constant(0),
      text: fc.constantFrom('\n', '# ', '  '),
    }),
  )
  .chain(({ anchor, remove, text }) =>
    placeAt(fc.constant(anchor), false).map((place): Edit => ({
      kind: 'replace',
      place,
      remove,
      insert: { text },
      inBase: false,
    })),
  );

const words = [
  'plaatsing',
  'basiswaarde',
  ' + bonus_onbepaald',
  '€ 12.500',
  'afronden(x, op € 1)',
  'als a dan b anders c',
  '# nog te doen',
  'bron "Beleid"',
];
/** Words typed where they keep the syntax (in a text, in a comment) or anywhere. */
const typeArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), place: placeArbitrary, word: fc.constantFrom(...words) }),
  fc.record({
    kind: fc.constant('type' as const),
    place: placeAt(fc.constant<Anchor>('string'), false),
    word: fc.constantFrom('Beleid', 'art. 2.82'),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    place: placeAt(fc.constant<Anchor>('line-end'), false),
    word: fc.constantFrom(' # nog te doen', '\n# zie bron'),
  }),
);

const editArbitrary = (withBase: boolean): fc.Arbitrary<Edit> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('replace' as const),
        place: placeArbitrary,
        remove: removeArbitrary,
        insert: insertArbitrary,
        inBase: withBase ? fc.boolean() : fc.constant(false),
      }),
    },
    { weight: 5, arbitrary: gentleArbitrary },
    { weight: 2, arbitrary: typeArbitrary },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('backspace' as const),
        place: placeArbitrary,
        count: fc.integer({ min: 1, max: 6 }),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  );

const splice = (text: string, at: number, remove: number, insert: string) =>
  text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));

/** Runs edits against a session and the whole-text compiler, comparing after every update. */
function runEdits(ruleset: { file: string; base?: string }, edits: readonly Edit[]): void {
  const host = new MemoryHost();
  const path = join(dir, ruleset.file);
  const basePath = ruleset.base && join(dir, ruleset.base);
  host.files.set(path, read(ruleset.file));
  if (ruleset.base) host.files.set(basePath!, read(ruleset.base));
  const session = new CompilerSession(path, host);
  let text = host.files.get(path)!;
  expectSame(session, path, text, host);
  const history: { text: string; base: string | undefined }[] = [];
  const step = (next: string) => {
    text = next;
    expectSame(session, path, text, host);
  };
  for (const edit of edits) {
    const base = basePath && host.files.get(basePath);
    switch (edit.kind) {
      case 'replace': {
        const target = edit.inBase && basePath ? base! : text;
        const at = offsetOf(target, edit.place);
        const insert =
          'text' in edit.insert
            ? edit.insert.text
            : text.slice(
                offsetOf(text, edit.insert.copy),
                offsetOf(text, edit.insert.copy) + edit.insert.length,
              );
        history.push({ text, base });
        if (edit.inBase && basePath) {
          host.files.set(basePath, splice(target, at, edit.remove, insert));
          step(text);
        } else step(splice(text, at, edit.remove, insert));
        break;
      }
      case 'type': {
        history.push({ text, base });
        const at = offsetOf(text, edit.place);
        for (let i = 1; i <= edit.word.length; i++) step(splice(text, at + i - 1, 0, edit.word[i - 1]!));
        break;
      }
      case 'backspace': {
        history.push({ text, base });
        let at = offsetOf(text, edit.place);
        for (let i = 0; i < edit.count && at > 0; i++, at--) step(splice(text, at - 1, 1, ''));
        break;
      }
      case 'undo': {
        const previous = history.pop();
        if (!previous) break;
        if (basePath) host.files.set(basePath, previous.base!);
        step(previous.text);
        break;
      }
    }
  }
}

/** `SROI_SESSION_RUNS=50` runs the properties 50× longer (each run compiles dozens of times). */
const runScale = Number(process.env['SROI_SESSION_RUNS'] ?? 1);

/** Keystrokes as they mostly come: the syntax stays whole, so the session reparses in part. */
const keystrokeArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: gentleArbitrary },
  { weight: 2, arbitrary: typeArbitrary },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

describe.each(rulesets)('a compiler session on $file', (ruleset) => {
  const runs = (ruleset.file === 'rijnmond-2023-2027.sroi' ? 4 : 2) * runScale;
  test.prop([fc.array(editArbitrary(ruleset.base !== undefined), { minLength: 1, maxLength: 6 })], {
    numRuns: runs,
  })('after any edits, session.update(text) gives what compileSource(text) gives', (edits) => {
    runEdits(ruleset, edits);
  });
  test.prop([fc.array(keystrokeArbitrary, { minLength: 1, maxLength: 8 })], { numRuns: runs })(
    'after keystrokes that keep the syntax, session.update(text) gives what compileSource(text) gives',
    (edits) => {
      runEdits(ruleset, edits);
    },
  );
});

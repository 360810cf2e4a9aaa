// Generated syntax trees for the parser and the formatter: an arbitrary of well-formed ASTs (spans
// left out), a renderer that writes one as source text in a random but valid layout — Dutch and
// English keywords mixed, ASCII and Unicode operators, free line breaks, comments between any two
// tokens — and `stripSpans`, which makes a parsed AST comparable with the generated one.
//
// The precedence table here is written from docs/language.md, not taken from the parser or the
// formatter, so `parse(render(ast)) = ast` checks the grammar against the documented language.
import { fc } from '@fast-check/vitest';
import { formatIsoDate, parseIsoDate, Rational } from '@sroi/core';
import { Identifier, keywordList, sroiLexer } from '@sroi/grammar';
import type * as A from '../../src/ast/ast.js';
import { findQuotes } from '../../src/ast/quotes.js';

// ── the model: the AST without positions ─────────────────────────────────────

type Positional = 'span' | 'operatorSpan' | 'indexSpan' | 'file';

/** An AST type with its positions left out (distributes over unions, keeps Rationals whole). */
export type NoSpan<T> = T extends Rational
  ? T
  : T extends readonly (infer U)[]
    ? readonly NoSpan<U>[]
    : T extends object
      ? { readonly [K in keyof T as K extends Positional ? never : K]: NoSpan<T[K]> }
      : T;

export type MRuleset = NoSpan<A.Ruleset>;
type MExpr = NoSpan<A.Expression>;
type MDecl = NoSpan<A.Declaration>;
type MPath = NoSpan<A.PathExpression>;
type MTemplate = NoSpan<A.Template>;
type MType = NoSpan<A.TypeReference>;
type MProvenance = NoSpan<A.Provenance>;
type MExampleValue = NoSpan<A.ExampleValue>;

/**
 * An AST as plain data without positions, for comparison: spans go, Rationals become their text,
 * and a path rooted at the keyword `activiteit` forgets whether it was written `activity`.
 */
export function stripSpans(node: unknown): unknown {
  if (node instanceof Rational) return `rational ${node.toString()}`;
  if (Array.isArray(node)) return node.map(stripSpans);
  if (typeof node === 'number' && Number.isNaN(node)) return 'NaN';
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || key === 'span' || key === 'operatorSpan' || key === 'indexSpan') continue;
    if (key === 'file' && typeof value === 'string') continue;
    out[key] = stripSpans(value);
  }
  if (record['kind'] === 'path' && typeof record['rootKeyword'] === 'string')
    out['root'] = { keyword: record['rootKeyword'] };
  return out;
}

// ── keywords, from the grammar's own list ───────────────────────────────────

const spellings = new Map<string, string[]>();
for (const k of keywordList)
  for (const c of k.concepts) spellings.set(c, [...(spellings.get(c) ?? []), k.spelling]);
const allSpellings = new Set(keywordList.map((k) => k.spelling));

/** Every spelling of a keyword concept (`Anders` → anders, else, otherwise). */
export const spellingsOf = (concept: string): readonly string[] => {
  const list = spellings.get(concept);
  if (!list) throw new Error(`no keyword concept ${concept}`);
  return list;
};

/** Whether the lexer reads `text` as exactly one identifier. */
const isIdentifier = (text: string): boolean => {
  const { tokens, errors } = sroiLexer.tokenize(text);
  return errors.length === 0 && tokens.length === 1 && tokens[0]!.tokenType === Identifier;
};

// ── leaves ───────────────────────────────────────────────────────────────────

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_éüßÀø';
const tail = `${letters}0123456789`;

/** A name the lexer reads as an identifier: letters, digits, `_`, accents, inner hyphens. */
export const identifierArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('x', 'drempel', 'sr_percentage', 'a1', 'mbo-bbl', 'jongere-zonder-start'),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...letters),
          fc.string({ unit: fc.constantFrom(...tail), maxLength: 7 }),
          fc.option(fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 4 }), {
            nil: undefined,
          }),
        )
        .map(([first, rest, hyphenated]) => `${first}${rest}${hyphenated ? `-${hyphenated}` : ''}`),
    },
  )
  .filter((name) => !allSpellings.has(name) && isIdentifier(name));

/** Type and unit words may name things where the grammar says NameWord. */
const nameWordArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: identifierArbitrary },
  { weight: 1, arbitrary: fc.constantFrom('percentage', 'bedrag', 'getal', 'maanden', 'uur', 'duration') },
);

/** Any word after a dot: names and keywords alike (`activiteit.maanden`, `rij.als`). */
const fieldArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: identifierArbitrary },
  { weight: 1, arbitrary: fc.constantFrom(...keywordList.map((k) => k.spelling)) },
);

/** Characters of texts: anything on one line but line terminators and control characters. */
const textCharacter = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abc XYZ 019.,;:-'.split('')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '"',
      '\\',
      '{',
      '}',
      '#',
      '|',
      '€',
      '*/',
      '${',
      '`',
      "'",
      'é',
      '\t',
      '✓',
      '😀',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      // No control characters but tab, no line terminators, no comment marker.
      .filter((c) => ![...c].some((ch) => (ch < ' ' && ch !== '\t') || '\u2028\u2029ⓒ'.includes(ch))),
  },
);
export const textArbitrary: fc.Arbitrary<string> = fc
  .array(textCharacter, { maxLength: 12 })
  .map((parts) => parts.join(''));

// The quotations are what the AST builder reads from the text; a document name is optional.
const provenanceArbitrary: fc.Arbitrary<MProvenance> = fc
  .record({
    kind: fc.constantFrom('bron' as const, 'aanname' as const),
    document: fc.option(identifierArbitrary, { nil: undefined }),
    text: textArbitrary,
  })
  .map(({ kind, document, text }) => {
    const found = findQuotes(text);
    return {
      kind,
      text,
      ...(document !== undefined ? { document: { name: document } } : {}),
      quotes: found.quotes.map((q) => ({ text: text.slice(q.start + 1, q.end - 1) })),
      ...(found.unclosed !== undefined ? { unclosedQuote: {} } : {}),
    };
  });

const provenanceList = fc.array(provenanceArbitrary, { maxLength: 2 });

/** A decimal with at most three decimals, as a Rational. */
const decimalArbitrary: fc.Arbitrary<Rational> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9_999_999 })),
    fc.constantFrom(0, 0, 1, 2, 3),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([int, places, frac]) =>
    places === 0
      ? Rational.of(int)
      : Rational.of(BigInt(int) * 10n ** BigInt(places) + BigInt(frac % 10 ** places), 10n ** BigInt(places)),
  );

/**
 * Amounts in euros as a ruleset can write them: three decimals after a whole euro or more
 * (`€ 47,250`) are refused as a thousands group written with a comma (SR1050).
 */
const euroArbitrary: fc.Arbitrary<Rational> = decimalArbitrary.filter(
  (r) => r.lt(Rational.of(1)) || !r.mul(Rational.of(1000)).isInteger() || r.mul(Rational.of(100)).isInteger(),
);

const dateArbitrary = fc
  .integer({ min: parseIsoDate('1990-01-01')!, max: parseIsoDate('2099-12-31')! })
  .map((day) => ({ day, text: formatIsoDate(day) }));

const timeUnit = fc.constantFrom<A.TimeUnit>('jaar', 'maand', 'week', 'dag', 'uur');

const typeArbitrary: fc.Arbitrary<MType> = fc
  .tuple(
    fc.oneof(
      fc.record({ kind: fc.constant('bedrag' as const), per: fc.option(timeUnit, { nil: undefined }) }),
      fc.record({ kind: fc.constant('duur' as const), unit: fc.option(timeUnit, { nil: undefined }) }),
      fc.record({
        kind: fc.constantFrom(
          'getal' as const,
          'percentage' as const,
          'datum' as const,
          'tekst' as const,
          'janee' as const,
        ),
      }),
      fc.record({ kind: fc.constant('named' as const), name: identifierArbitrary.map((name) => ({ name })) }),
    ),
    fc.boolean(),
  )
  .map(([t, optional]) => {
    const clean = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
    return { ...clean, optional } as MType;
  });

// ── expressions ─────────────────────────────────────────────────────────────

const pathArbitrary: fc.Arbitrary<MPath> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      root: nameWordArbitrary.map((name) => ({ name })),
      fields: fc.array(
        fieldArbitrary.map((name) => ({ name })),
        { maxLength: 2 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        keyword: fc.constantFrom('contract' as const, 'activiteit' as const, 'route' as const),
        fields: fc.array(
          fieldArbitrary.map((name) => ({ name })),
          { maxLength: 2 },
        ),
      })
      .map(({ keyword, fields }) => ({
        kind: 'path' as const,
        root: { name: keyword },
        rootKeyword: keyword,
        fields,
      })),
  },
  {
    // The reference date and, in properties, `waardering` are values too.
    weight: 1,
    arbitrary: fc
      .constantFrom('peildatum', 'reference-date', 'waardering', 'valuation')
      .map((name) => ({ kind: 'path' as const, root: { name }, fields: [] })),
  },
);

/** A message template: text parts (braces, quotes and backslashes included) and `{paths}`. */
const templateArbitrary: fc.Arbitrary<MTemplate> = fc
  .array(
    fc.oneof(
      textArbitrary.filter((t) => t.length > 0),
      fc
        .record({
          root: fc.oneof(
            identifierArbitrary,
            fc.constantFrom('contract', 'activiteit', 'activity', 'route', 'restant'),
          ),
          fields: fc.array(
            identifierArbitrary.filter((f) => !f.includes('-')),
            { maxLength: 2 },
          ),
        })
        .map(({ root, fields }): MPath => {
          const keyword =
            root === 'contract'
              ? 'contract'
              : root === 'activiteit' || root === 'activity'
                ? 'activiteit'
                : undefined;
          return {
            kind: 'path',
            root: { name: root },
            ...(keyword ? { rootKeyword: keyword } : {}),
            fields: fields.map((name) => ({ name })),
          };
        }),
    ),
    { maxLength: 4 },
  )
  .map((parts) => {
    // The parser joins adjacent texts: so does the model.
    const merged: (string | MPath)[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
      else merged.push(p);
    }
    return { parts: merged };
  });

const literalArbitrary: fc.Arbitrary<MExpr> = fc.oneof(
  fc.tuple(euroArbitrary, fc.option(timeUnit, { nil: undefined })).map(([euros, per]) => ({
    kind: 'money' as const,
    cents: euros.mul(Rational.of(100)),
    ...(per ? { per } : {}),
  })),
  fc
    .tuple(
      decimalArbitrary,
      fc.option(fc.oneof(timeUnit, fc.constant('percent' as const)), { nil: undefined }),
    )
    .map(([value, unit]) => ({ kind: 'number' as const, value, ...(unit ? { unit } : {}) })),
  dateArbitrary.map((d) => ({ kind: 'date' as const, ...d })),
  textArbitrary.map((value) => ({ kind: 'text' as const, value })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  fc.constant({ kind: 'unknown' as const }),
);

const comparisons: A.ComparisonOperator[] = ['=', '≠', '<', '≤', '>', '≥'];
const binaryOperators: A.BinaryOperator[] = ['+', '-', '×', '/', ...comparisons, 'en', 'of'];

/** Raw trees: any shape; `parenthesize` then adds the parentheses precedence needs. */
const { rawExpression } = fc.letrec<{ rawExpression: MExpr }>((tie) => {
  const sub = tie('rawExpression');
  return {
    rawExpression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: literalArbitrary },
      { weight: 4, arbitrary: pathArbitrary },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('binary' as const),
          operator: fc.constantFrom(...binaryOperators),
          left: sub,
          right: sub,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('unary' as const),
          operator: fc.constantFrom('-' as const, 'niet' as const),
          operand: sub,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('conditional' as const),
          condition: sub,
          then: sub,
          else: sub,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('membership' as const),
          value: sub,
          negated: fc.boolean(),
          options: fc.array(sub, { minLength: 1, maxLength: 3 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('call' as const),
          callee: nameWordArbitrary.map((name) => ({ name })),
          args: fc.array(sub, { maxLength: 3 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('rounding' as const),
          value: sub,
          quantum: sub,
          mode: fc.constantFrom('half' as const, 'beneden' as const, 'boven' as const),
        }),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({
            body: sub,
            over: fc.constantFrom('activiteit' as const, 'route' as const),
            filter: fc.option(sub, { nil: undefined }),
          })
          .map(({ body, over, filter }) => ({
            kind: 'aggregate' as const,
            body,
            over,
            ...(filter ? { filter } : {}),
          })),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('message' as const),
          value: sub,
          message: templateArbitrary,
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('parenthesized' as const), expression: sub }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('member' as const),
          object: sub,
          field: fieldArbitrary.map((name) => ({ name })),
        }),
      },
    ),
  };
});

/**
 * How tightly each form binds, from the table in docs/language.md ("Formulas"): 0 `met melding`,
 * 1 `als`, 2 `of`, 3 `en`, 4 `niet`, 5 comparisons and `in`, 6 `+ -`, 7 `× /`, 8 `-x`, 10 the rest.
 */
function strength(e: MExpr): number {
  switch (e.kind) {
    case 'message':
      return 0;
    case 'conditional':
      return 1;
    case 'binary':
      return e.operator === 'of'
        ? 2
        : e.operator === 'en'
          ? 3
          : e.operator === '+' || e.operator === '-'
            ? 6
            : e.operator === '×' || e.operator === '/'
              ? 7
              : 5;
    case 'unary':
      return e.operator === 'niet' ? 4 : 8;
    case 'membership':
      return 5;
    default:
      return 10;
  }
}

const wrap = (e: MExpr, context: number): MExpr =>
  strength(e) < context ? { kind: 'parenthesized', expression: e } : e;

/** Adds the parentheses the documented precedence needs, so the tree is what the text says. */
export function parenthesize(e: MExpr, context = 0): MExpr {
  const p = (x: MExpr, c: number) => parenthesize(x, c);
  let out: MExpr;
  switch (e.kind) {
    case 'message':
      out = { ...e, value: p(e.value, 2) };
      break;
    case 'conditional':
      out = { ...e, condition: p(e.condition, 0), then: p(e.then, 0), else: p(e.else, 0) };
      break;
    case 'binary': {
      const s = strength(e);
      // Left-associative; comparisons do not chain, so both sides sit one level up.
      const left = s === 5 ? 6 : s;
      out = { ...e, left: p(e.left, left), right: p(e.right, s + 1) };
      break;
    }
    case 'unary':
      out = { ...e, operand: p(e.operand, e.operator === 'niet' ? 4 : 8) };
      break;
    case 'membership':
      out = { ...e, value: p(e.value, 6), options: e.options.map((o) => p(o, 0)) };
      break;
    case 'call':
      out = { ...e, args: e.args.map((a) => p(a, 0)) };
      break;
    case 'rounding':
      out = { ...e, value: p(e.value, 0), quantum: p(e.quantum, 0) };
      break;
    case 'aggregate':
      out = { ...e, body: p(e.body, 0), ...(e.filter ? { filter: p(e.filter, 0) } : {}) };
      break;
    case 'parenthesized':
      out = { ...e, expression: p(e.expression, 0) };
      break;
    case 'member': {
      // Fields after a name make a path; a member needs a call, a group or another member before it.
      const object = p(e.object, 10);
      const ok = ['call', 'rounding', 'aggregate', 'parenthesized', 'member'].includes(object.kind);
      out = { ...e, object: ok ? object : { kind: 'parenthesized', expression: object } };
      break;
    }
    default:
      out = e;
  }
  return wrap(out, context);
}

export const expressionArbitrary: fc.Arbitrary<MExpr> = rawExpression.map((e) => parenthesize(e));
/** A formula that may stand where the grammar reads an additive one (table bounds). */
const additiveArbitrary: fc.Arbitrary<MExpr> = rawExpression.map((e) => parenthesize(e, 6));

// ── declarations ────────────────────────────────────────────────────────────

const id = identifierArbitrary.map((name) => ({ name }));
const nameWord = nameWordArbitrary.map((name) => ({ name }));
const text = textArbitrary.map((value) => ({ value }));

const exampleValueArbitrary: fc.Arbitrary<MExampleValue> = fc.oneof(
  euroArbitrary.map((euros) => ({ kind: 'money' as const, cents: euros.mul(Rational.of(100)) })),
  fc.record({ kind: fc.constant('number' as const), value: decimalArbitrary, percent: fc.boolean() }),
  dateArbitrary.map((d) => ({ kind: 'date' as const, ...d })),
  textArbitrary.map((value) => ({ kind: 'text' as const, value })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  fc.constant({ kind: 'unknown' as const }),
  identifierArbitrary.map((value) => ({ kind: 'word' as const, value })),
);
const fieldValues = fc.array(fc.record({ field: nameWord, value: exampleValueArbitrary }), { maxLength: 4 });

const column = fc.record({ name: nameWord, type: typeArbitrary });

const cellArbitrary = fc.oneof(
  fc.constant({ kind: 'any' as const }),
  fc.record({
    kind: fc.constant('compare' as const),
    bounds: fc.array(fc.record({ operator: fc.constantFrom(...comparisons), value: additiveArbitrary }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    kind: fc.constant('values' as const),
    values: fc.array(expressionArbitrary, { minLength: 1, maxLength: 2 }),
  }),
);
const rows = fc.array(
  fc.record({ cells: fc.array(cellArbitrary, { minLength: 1, maxLength: 3 }), provenance: provenanceList }),
  {
    minLength: 1,
    maxLength: 3,
  },
);

const tableArbitrary: fc.Arbitrary<MDecl> = fc
  .record({
    name: nameWord,
    inputs: fc.array(column, { minLength: 1, maxLength: 2 }),
    outputs: fc.option(fc.array(column, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    single: typeArbitrary,
    hitPolicy: fc.option(fc.constantFrom<A.HitPolicy>('uniek', 'eerste', 'som'), { nil: undefined }),
    provenance: provenanceList,
    versions: fc.oneof(
      rows.map((value) => [{ value, provenance: [] }]),
      fc.array(fc.record({ from: dateArbitrary, value: rows, provenance: provenanceList }), {
        minLength: 1,
        maxLength: 2,
      }),
    ),
  })
  .map(({ name, inputs, outputs, single, hitPolicy, provenance, versions }) => ({
    kind: 'table' as const,
    name,
    inputs,
    outputs: outputs ?? [{ name, type: single }],
    singleOutput: outputs === undefined,
    hitPolicy: hitPolicy ?? 'uniek',
    hitPolicyWritten: hitPolicy !== undefined,
    provenance,
    versions,
  }));

const declarationArbitrary: fc.Arbitrary<MDecl> = fc.oneof(
  fc.record({
    kind: fc.constant('enumeration' as const),
    name: id,
    values: fc.array(id, { minLength: 1, maxLength: 14 }),
    provenance: provenanceList,
  }),
  fc.record({
    kind: fc.constant('parameter' as const),
    name: nameWord,
    type: typeArbitrary,
    versions: fc.oneof(
      fc.record({ value: expressionArbitrary, provenance: provenanceList }).map((v) => [v]),
      fc.array(fc.record({ from: dateArbitrary, value: expressionArbitrary, provenance: provenanceList }), {
        minLength: 1,
        maxLength: 3,
      }),
    ),
  }),
  tableArbitrary,
  fc
    .record({
      name: nameWord,
      scope: fc.option(id, { nil: undefined }),
      type: typeArbitrary,
      value: expressionArbitrary,
      provenance: provenanceList,
    })
    .map(({ scope, ...rest }) => ({ kind: 'definition' as const, ...rest, ...(scope ? { scope } : {}) })),
  fc
    .record({
      kind: fc.constant('valuation' as const),
      activityKind: id,
      value: expressionArbitrary,
      requirements: fc.array(
        fc.record({ condition: expressionArbitrary, message: templateArbitrary, provenance: provenanceList }),
        { maxLength: 2 },
      ),
      within: fc.option(fc.record({ duration: expressionArbitrary, provenance: provenanceList }), {
        nil: undefined,
      }),
      provenance: provenanceList,
    })
    .map(({ within, ...rest }) => ({ ...rest, ...(within ? { within } : {}) })),
  fc
    .record({
      name: id,
      label: fc.option(text, { nil: undefined }),
      activityKinds: fc.array(id, { minLength: 1, maxLength: 4 }),
      provenance: provenanceList,
      cap: fc.option(fc.record({ value: expressionArbitrary, provenance: provenanceList }), {
        nil: undefined,
      }),
    })
    .map(({ label, cap, ...rest }) => ({
      kind: 'route' as const,
      ...rest,
      ...(label ? { label } : {}),
      ...(cap ? { cap } : {}),
    })),
  fc.record({
    kind: fc.constant('outcome' as const),
    name: nameWord,
    type: typeArbitrary,
    value: expressionArbitrary,
    provenance: provenanceList,
  }),
  fc.record({
    kind: fc.constant('example' as const),
    title: text,
    provenance: provenanceList,
    contract: fieldValues,
    activities: fc.array(fc.record({ activityKind: id, fields: fieldValues }), { maxLength: 3 }),
    expectations: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('outcome' as const), outcome: nameWord, value: exampleValueArbitrary }),
        fc.record({
          kind: fc.constant('valuation' as const),
          index: fc.integer({ min: 1, max: 99 }),
          value: exampleValueArbitrary,
        }),
        fc.record({ kind: fc.constant('message' as const), text }),
      ),
      { maxLength: 4 },
    ),
  }),
  fc.record({
    kind: fc.constant('property' as const),
    title: text,
    value: expressionArbitrary,
    provenance: provenanceList,
  }),
);

const documentArbitrary = fc.record({
  name: identifierArbitrary.map((name) => ({ name })),
  title: text,
  files: fc.array(text, { maxLength: 2 }),
  locations: fc.array(text, { maxLength: 2 }),
});

const periodArbitrary = fc
  .record({ name: text, from: dateArbitrary, to: dateArbitrary, provenance: provenanceList })
  .map((p) => p);

export const rulesetArbitrary: fc.Arbitrary<MRuleset> = fc
  .record({
    name: text,
    version: fc.option(text, { nil: undefined }),
    region: fc.option(text, { nil: undefined }),
    municipality: fc.option(text, { nil: undefined }),
    provenance: provenanceList,
    documents: fc.array(documentArbitrary, { maxLength: 2 }),
    extends: fc.option(text, { nil: undefined }),
    referenceDate: fc.option(
      fc.record({
        keyword: fc.constantFrom('contract' as const, 'activiteit' as const, undefined),
        root: identifierArbitrary,
        fields: fc.array(
          fieldArbitrary.map((name) => ({ name })),
          { maxLength: 2 },
        ),
      }),
      { nil: undefined },
    ),
    periods: fc.array(periodArbitrary, { maxLength: 3 }),
    declarations: fc.array(declarationArbitrary, { maxLength: 8 }),
  })
  .map(({ referenceDate, declarations, ...header }) => {
    // Optional fields the parser leaves out are absent, not undefined.
    const full: MRuleset['header'] = {
      ...header,
      ...(referenceDate && {
        referenceDate: {
          kind: 'path' as const,
          root: { name: referenceDate.keyword ?? referenceDate.root },
          ...(referenceDate.keyword ? { rootKeyword: referenceDate.keyword } : {}),
          fields: referenceDate.fields,
        },
      }),
    };
    const clean = Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined));
    return { header: clean as unknown as MRuleset['header'], declarations };
  });

// ── rendering: the model as source text, in a random layout ─────────────────

/** A small seeded generator (mulberry32), so a layout is a function of the generated seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The marker that makes each generated comment's text unique (never in generated texts). */
export const COMMENT_MARK = 'ⓒ';

export interface RenderOptions {
  /** Put a comment between tokens with this probability (default 0: none). */
  readonly comments?: number;
}

export interface Rendered {
  readonly text: string;
  /** The text of every comment, as written (without trailing blanks). */
  readonly comments: readonly string[];
}

const quoteText = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const commentFragments = ['let op', '"quote"', 'a \\ b', '*/', '{x}', '€ 5', '# twee', '|', 'ëé', '${y}'];

class Renderer {
  private readonly tokens: string[] = [];
  readonly comments: string[] = [];
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly commentRate: number,
  ) {
    this.random = prng(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  /** One token; the separator before it is chosen when the text is joined. */
  t(...tokens: string[]): void {
    this.tokens.push(...tokens);
  }

  kw(concept: string): void {
    this.t(this.pick(spellingsOf(concept)));
  }

  private separator(): string {
    const r = this.random();
    if (r < this.commentRate) {
      const body = [0, 1].map(() => this.pick(commentFragments)).join(' ');
      const comment = `# ${COMMENT_MARK}${this.comments.length} ${body}`;
      this.comments.push(comment);
      return ` ${comment}${this.pick(['\n', '\n  ', '\r\n', '\n\n'])}`;
    }
    const x = this.random();
    if (x < 0.6) return ' ';
    if (x < 0.8) return this.pick(['\n', '\n  ', '\n    ', '\r\n  ']);
    return this.pick(['  ', '\t', '\n\n', '\u00a0', ' \n\t ', '\ufeff', '\u2028']);
  }

  text(): string {
    let out = this.random() < this.commentRate ? this.separator().trimStart() : '';
    this.tokens.forEach((token, i) => {
      out += (i === 0 ? '' : this.separator()) + token;
    });
    if (this.random() < this.commentRate * 4) out += this.separator();
    return out + '\n';
  }

  // ── pieces ──

  number(r: Rational): void {
    const [int, frac] = r.toString().split('.');
    const grouped =
      int!.length > 3 && this.random() < 0.5 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int!;
    this.t(frac ? `${grouped},${frac}` : grouped);
  }

  unit(u: A.TimeUnit): void {
    this.kw({ jaar: 'Jaar', maand: 'Maand', week: 'Week', dag: 'Dag', uur: 'Uur' }[u]);
  }

  euro(): void {
    this.t(this.pick(['€', '€', ...spellingsOf('Euro')]));
  }

  provenance(list: readonly MProvenance[]): void {
    for (const p of list) {
      this.kw(p.kind === 'bron' ? 'Bron' : 'Aanname');
      if (p.document) this.t(p.document.name);
      this.t(quoteText(p.text));
    }
  }

  type(t: MType): void {
    switch (t.kind) {
      case 'bedrag':
        this.kw('Bedrag');
        if (t.per) {
          this.kw('Per');
          this.unit(t.per);
        }
        break;
      case 'duur':
        this.kw('Duur');
        if (t.unit) {
          this.kw('In');
          this.unit(t.unit);
        }
        break;
      case 'named':
        this.t(t.name.name);
        break;
      default:
        this.kw(
          { getal: 'Getal', percentage: 'Percentage', datum: 'Datum', tekst: 'Tekst', janee: 'JaNee' }[
            t.kind
          ],
        );
    }
    if (t.optional) this.kw('Optioneel');
  }

  template(t: MTemplate): void {
    const body = t.parts
      .map((p) => {
        if (typeof p === 'string')
          return p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\{/g, '{{').replace(/\}/g, '}}');
        const root = p.rootKeyword === 'activiteit' ? this.pick(['activiteit', 'activity']) : p.root.name;
        const pad = () => this.pick(['', '', ' ']);
        return `{${pad()}${[root, ...p.fields.map((f) => f.name)].join('.')}${pad()}}`;
      })
      .join('');
    this.t(`"${body}"`);
  }

  path(p: MPath): void {
    if (p.rootKeyword === 'contract') this.kw('Contract');
    else if (p.rootKeyword === 'activiteit') this.kw('Activiteit');
    else if (p.rootKeyword === 'route') this.kw('Route');
    else this.t(p.root.name);
    for (const f of p.fields) this.t('.', f.name);
  }

  expression(e: MExpr): void {
    switch (e.kind) {
      case 'money':
        this.euro();
        this.number(e.cents.div(Rational.of(100)));
        if (e.per) {
          this.kw('Per');
          this.unit(e.per);
        }
        return;
      case 'number':
        this.number(e.value);
        if (e.unit === 'percent') this.t('%');
        else if (e.unit) this.unit(e.unit);
        return;
      case 'date':
        this.t(e.text);
        return;
      case 'text':
        this.t(quoteText(e.value));
        return;
      case 'boolean':
        this.kw(e.value ? 'Ja' : 'Nee');
        return;
      case 'unknown':
        this.kw('Onbekend');
        return;
      case 'error':
        throw new Error('the model has no error expressions');
      case 'path':
        this.path(e);
        return;
      case 'member':
        this.expression(e.object);
        this.t('.', e.field.name);
        return;
      case 'call':
        this.t(e.callee.name, '(');
        e.args.forEach((a, i) => {
          if (i > 0) this.t(',');
          this.expression(a);
        });
        this.t(')');
        return;
      case 'unary':
        if (e.operator === '-') this.t(this.pick(['-', '−', '–']));
        else this.kw('Niet');
        this.expression(e.operand);
        return;
      case 'binary':
        this.expression(e.left);
        if (e.operator === 'en') this.kw('En');
        else if (e.operator === 'of') this.kw('Of');
        else
          this.t(
            this.pick(
              {
                '+': ['+'],
                '-': ['-', '−', '–'],
                '×': ['×', '*', '·'],
                '/': ['/', '÷'],
                '=': ['='],
                '≠': ['≠', '<>', '!='],
                '<': ['<'],
                '≤': ['≤', '<='],
                '>': ['>'],
                '≥': ['≥', '>='],
              }[e.operator],
            ),
          );
        this.expression(e.right);
        return;
      case 'conditional':
        this.kw('Als');
        this.expression(e.condition);
        this.kw('Dan');
        this.expression(e.then);
        this.kw('Anders');
        this.expression(e.else);
        return;
      case 'membership':
        this.expression(e.value);
        if (e.negated) this.kw('Niet');
        this.kw('In');
        this.t('(');
        e.options.forEach((o, i) => {
          if (i > 0) this.t(',');
          this.expression(o);
        });
        this.t(')');
        return;
      case 'rounding':
        this.kw('Afronden');
        this.t('(');
        this.expression(e.value);
        this.t(',');
        this.kw('Op');
        this.expression(e.quantum);
        if (e.mode !== 'half') {
          if (this.random() < 0.7) this.kw('Naar');
          this.kw(e.mode === 'beneden' ? 'Beneden' : 'Boven');
        }
        this.t(')');
        return;
      case 'aggregate':
        this.kw('Som');
        this.t('(');
        this.expression(e.body);
        this.kw('Voor');
        this.kw('Elke');
        this.kw(e.over === 'activiteit' ? 'Activiteit' : 'Route');
        if (e.filter) {
          this.kw('Waarbij');
          this.expression(e.filter);
        }
        this.t(')');
        return;
      case 'message':
        this.expression(e.value);
        this.kw('Met');
        this.kw('Melding');
        this.template(e.message);
        return;
      case 'parenthesized':
        this.t('(');
        this.expression(e.expression);
        this.t(')');
        return;
    }
  }

  exampleValue(v: MExampleValue): void {
    switch (v.kind) {
      case 'money':
        this.euro();
        this.number(v.cents.div(Rational.of(100)));
        return;
      case 'number':
        this.number(v.value);
        if (v.percent) this.t('%');
        return;
      case 'date':
        this.t(v.text);
        return;
      case 'text':
        this.t(quoteText(v.value));
        return;
      case 'boolean':
        this.kw(v.value ? 'Ja' : 'Nee');
        return;
      case 'unknown':
        this.kw('Onbekend');
        return;
      case 'word':
        this.t(v.value);
        return;
    }
  }

  header(h: MRuleset['header']): void {
    this.kw('Regeling');
    this.t(quoteText(h.name.value));
    // Provenance right after a period belongs to the period: the ruleset's own comes first.
    this.provenance(h.provenance);
    const singles: (() => void)[] = [];
    if (h.version) singles.push(() => (this.kw('Versie'), this.t(quoteText(h.version!.value))));
    if (h.region) singles.push(() => (this.kw('Regio'), this.t(quoteText(h.region!.value))));
    if (h.municipality) singles.push(() => (this.kw('Gemeente'), this.t(quoteText(h.municipality!.value))));
    if (h.extends)
      singles.push(() => {
        if (this.random() < 0.5) this.kw('Extends');
        else {
          this.kw('Breidt');
          this.kw('Uit');
        }
        this.t(quoteText(h.extends!.value));
      });
    if (h.referenceDate) singles.push(() => (this.kw('Peildatum'), this.path(h.referenceDate!)));
    // Documents keep their order among themselves; each one's files and locations may interleave.
    if (h.documents.length > 0)
      singles.push(() => {
        for (const d of h.documents) {
          this.kw('Document');
          this.t(d.name.name, quoteText(d.title.value));
          const parts = [
            ...d.files.map((f) => ['Bestand', f.value] as const),
            ...d.locations.map((l) => ['Vindplaats', l.value] as const),
          ];
          for (const [keyword, value] of parts) {
            this.kw(keyword);
            this.t(quoteText(value));
          }
        }
      });
    for (let i = singles.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [singles[i], singles[j]] = [singles[j]!, singles[i]!];
    }
    for (const s of singles) s();
    for (const p of h.periods) {
      this.kw('Periode');
      this.t(quoteText(p.name.value));
      this.kw('Van');
      this.t(p.from.text);
      if (this.random() < 0.5) this.kw('Through');
      else for (const k of ['Tot', 'En', 'Met']) this.kw(k);
      this.t(p.to.text);
      this.provenance(p.provenance);
    }
  }

  private list(names: readonly string[]): void {
    names.forEach((n, i) => (i > 0 ? this.t(',', n) : this.t(n)));
  }

  private fields(list: readonly NoSpan<A.FieldValue>[]): void {
    for (const f of list) {
      this.t(f.field.name);
      this.exampleValue(f.value);
    }
  }

  declaration(d: MDecl): void {
    switch (d.kind) {
      case 'enumeration':
        this.kw('Opsomming');
        this.t(d.name.name, ':');
        this.list(d.values.map((v) => v.name));
        this.provenance(d.provenance);
        return;
      case 'parameter': {
        this.kw('Parameter');
        this.t(d.name.name, ':');
        this.type(d.type);
        const [only] = d.versions;
        if (d.versions.length === 1 && only && !only.from) {
          this.t('=');
          this.expression(only.value);
          this.provenance(only.provenance);
          return;
        }
        for (const v of d.versions) {
          this.kw('Vanaf');
          this.t(v.from!.text);
          if (this.random() < 0.7) this.t(':');
          this.expression(v.value);
          this.provenance(v.provenance);
        }
        return;
      }
      case 'table': {
        this.kw('Tabel');
        this.t(d.name.name, '(');
        d.inputs.forEach((c, i) => {
          if (i > 0) this.t(',');
          this.t(c.name.name, ':');
          this.type(c.type);
        });
        this.t(')', ':');
        if (d.singleOutput) this.type(d.outputs[0]!.type);
        else {
          this.t('(');
          d.outputs.forEach((c, i) => {
            if (i > 0) this.t(',');
            this.t(c.name.name, ':');
            this.type(c.type);
          });
          this.t(')');
        }
        if (d.hitPolicyWritten) {
          this.t('[');
          this.kw({ uniek: 'Uniek', eerste: 'Eerste', som: 'Som' }[d.hitPolicy]);
          this.t(']');
        }
        this.provenance(d.provenance);
        for (const v of d.versions) {
          if (v.from) {
            this.kw('Vanaf');
            this.t(v.from.text);
            if (this.random() < 0.7) this.t(':');
            this.provenance(v.provenance);
          }
          for (const row of v.value) {
            this.t('|');
            for (const c of row.cells) {
              if (c.kind === 'any') this.t('-');
              else if (c.kind === 'values')
                c.values.forEach((x, i) => {
                  if (i > 0) this.t(',');
                  this.expression(x);
                });
              else
                c.bounds.forEach((b, i) => {
                  if (i > 0) this.kw('En');
                  this.t(
                    this.pick(
                      {
                        '=': ['='],
                        '≠': ['≠', '<>', '!='],
                        '<': ['<'],
                        '≤': ['≤', '<='],
                        '>': ['>'],
                        '≥': ['≥', '>='],
                      }[b.operator],
                    ),
                  );
                  this.expression(b.value);
                });
              this.t('|');
            }
            this.provenance(row.provenance);
          }
        }
        return;
      }
      case 'definition':
        this.kw('Definitie');
        this.t(d.name.name);
        if (d.scope) {
          this.kw('Bij');
          this.t(d.scope.name);
        }
        this.t(':');
        this.type(d.type);
        this.t('=');
        this.expression(d.value);
        this.provenance(d.provenance);
        return;
      case 'valuation':
        this.kw('Waardering');
        this.t(d.activityKind.name, '=');
        this.expression(d.value);
        this.provenance(d.provenance);
        for (const r of d.requirements) {
          this.kw('Vereist');
          this.expression(r.condition);
          this.kw('Anders');
          this.template(r.message);
          this.provenance(r.provenance);
        }
        if (d.within) {
          this.kw('Binnen');
          this.expression(d.within.duration);
          this.provenance(d.within.provenance);
        }
        return;
      case 'route':
        this.kw('Route');
        this.t(d.name.name);
        if (d.label) this.t(quoteText(d.label.value));
        this.t(':');
        this.list(d.activityKinds.map((k) => k.name));
        this.provenance(d.provenance);
        if (d.cap) {
          this.kw('Maximum');
          this.expression(d.cap.value);
          this.provenance(d.cap.provenance);
        }
        return;
      case 'outcome':
        this.kw('Uitkomst');
        this.t(d.name.name, ':');
        this.type(d.type);
        this.t('=');
        this.expression(d.value);
        this.provenance(d.provenance);
        return;
      case 'example':
        this.kw('Voorbeeld');
        this.t(quoteText(d.title.value));
        this.provenance(d.provenance);
        if (d.contract.length > 0 || this.random() < 0.2) {
          this.kw('Contract');
          this.fields(d.contract);
        }
        for (const a of d.activities) {
          this.kw('Activiteit');
          this.t(a.activityKind.name);
          this.fields(a.fields);
        }
        if (d.expectations.length > 0 || this.random() < 0.2) {
          this.kw('Verwacht');
          for (const x of d.expectations) {
            if (x.kind === 'message') {
              this.kw('Melding');
              this.t(quoteText(x.text.value));
            } else if (x.kind === 'valuation') {
              this.kw('Waardering');
              this.t(String(x.index));
              this.exampleValue(x.value);
            } else {
              this.t(x.outcome.name);
              this.exampleValue(x.value);
            }
          }
        }
        return;
      case 'property':
        this.kw('Eigenschap');
        this.t(quoteText(d.title.value));
        if (this.random() < 0.7) this.t(':');
        this.expression(d.value);
        this.provenance(d.provenance);
        return;
    }
  }
}

/** Writes a model as source text: every token separated by random blanks, line breaks or comments. */
export function render(model: MRuleset, seed: number, options: RenderOptions = {}): Rendered {
  const r = new Renderer(seed, options.comments ?? 0);
  r.header(model.header);
  for (const d of model.declarations) r.declaration(d);
  return { text: r.text(), comments: r.comments };
}

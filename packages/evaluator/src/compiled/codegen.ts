// IR → straight-line JavaScript. Every number is an exact fraction held in two JS numbers
// (numerator, denominator), checked against 2^53 after each step; anything the generated code
// cannot do exactly throws FALLBACK and the contract is evaluated by the BigInt reference
// evaluator instead. Where it can, the denominator is known when the code is generated (contract
// numbers are read in fixed point, a table column or a dated parameter shares one denominator,
// sums and branches bring both sides over a common one): then only numerators exist at run
// time, as in code written by hand.
//
// Injection-proof by construction: names and texts from the IR never enter the source — strings
// arrive through the constants array `K` (as module constants `K3 = K[3]`), identifiers are
// generated (`t12`, `def_3`), and the only numbers written into the source are safe integers
// checked here.
import {
  activityKinds,
  contractFields,
  parseIsoDate,
  type FieldSpec,
  type IrCell,
  type IrDocument,
  type IrExpr,
  type IrTemplate,
  type IrType,
  type IrValue,
} from '@sroi/core';
import { gcd } from './runtime.js';

/** A quotient whose denominator passes this is reduced by the gcd (see `arith`). */
const REDUCE_ABOVE = 2 ** 26;

type Doc = IrDocument;

/** A value while generating: JS expressions for a fraction, a truth value or a text (or null). */
type Val =
  | { readonly k: 'num'; readonly n: string; readonly d: string }
  | { readonly k: 'bool'; readonly v: string }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'row'; readonly table: string; readonly slots: readonly Val[] };

type Kind = 'num' | 'bool' | 'str' | 'row';

const kindOfType = (t: IrType): Kind =>
  t.t === 'janee' ? 'bool' : t.t === 'tekst' || t.t === 'opsomming' ? 'str' : t.t === 'rij' ? 'row' : 'num';

const kindOfField = (spec: FieldSpec | undefined): Kind => {
  switch (spec?.type.kind) {
    case 'boolean':
      return 'bool';
    case 'text':
    case 'enum':
      return 'str';
    default:
      return 'num';
  }
};

const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

/** `a * b` as source, folding multiplication by 1. */
const times = (a: string, b: string): string => (a === '1' ? b : b === '1' ? a : `${a} * ${b}`);
const isLiteral = (x: string): boolean => /^\(?-?\d+\)?$/.test(x);

/** The number a literal denominator stands for ('100', '(3)'), or undefined for an expression. */
const literalValue = (x: string): number | undefined =>
  isLiteral(x) ? Number(x.replace(/[()]/g, '')) : undefined;

/**
 * The common denominator of two literal ones, when it stays small: then sums, minima and branches
 * keep a denominator known when the code is generated (no run-time denominators, no reductions).
 */
function commonDenominator(a: string, b: string): number | undefined {
  const x = literalValue(a);
  const y = literalValue(b);
  if (x === undefined || y === undefined || x <= 0 || y <= 0) return undefined;
  const l = (x / gcd(x, y)) * y;
  return l <= 1e9 ? l : undefined;
}

/** One literal denominator for all of these (their least common multiple), when it stays small. */
function sharedDenominator(denominators: readonly string[]): number | undefined {
  let common: number | undefined = 1;
  for (const d of denominators) if ((common = commonDenominator(String(common), d)) === undefined) break;
  return common;
}

/**
 * The fixed point a number field is read in: whole numbers as they are; 1/10000 for a field
 * bounded by 10 (fte: 0,8889 is 32 of 36 hours); 1/100 otherwise (months, hours, percentages),
 * so that a product of a yearly amount in cents, an fte and months stays below 2^53.
 */
function fixedPointScale(type: FieldSpec['type']): number {
  if (type.kind === 'number' && type.integer) return 1;
  if (type.kind === 'number' && type.max !== undefined && type.max <= 10) return 10_000;
  return 100;
}

/** A safe integer as source text, or undefined when it is not one. */
const intText = (n: bigint): string | undefined =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? String(Number(n))
    : undefined;

/**
 * A rule's generated reader: the function to call (none for a parameter, read in the preamble),
 * its kind and where its value lands.
 */
interface NamedReader {
  fn: string;
  kind: Kind;
  slots: Val;
}

/** What the generated module needs besides its source. */
export interface GeneratedPlan {
  readonly source: string;
  readonly constants: readonly unknown[];
  /** Message templates by id, for formatting meldingen after the run. */
  readonly templates: readonly {
    readonly template: IrTemplate;
    readonly kinds: readonly Kind[];
    readonly soort: 'regel' | 'vereiste';
  }[];
  /** Sizes of the result arrays a run fills. */
  readonly routes: number;
  readonly outcomes: number;
}

/** Ids of the meldingen the engine itself produces (cap bites, kind not valued). */
export const CAP_MESSAGE = -1;
export const NOT_VALUED_MESSAGE = -2;

export class Codegen {
  private readonly K: unknown[] = [];
  private readonly kIndex = new Map<unknown, number>();
  private tmpCounter = 0;
  private lines: string[] = [];
  private readonly top: string[] = [];
  private numSlots = 0;
  private otherSlots = 0;
  private flags = 0;
  private readonly templates: GeneratedPlan['templates'][number][] = [];

  private readonly defs = new Map<string, Doc['definitions'][number]>();
  private readonly params = new Map<string, Doc['parameters'][number]>();
  private readonly tables = new Map<string, Doc['tables'][number]>();
  private readonly outcomes = new Map<string, Doc['outcomes'][number]>();
  /** Generated reader per definition, outcome and parameter. */
  private readonly memo = new Map<string, NamedReader>();
  private readonly tableFns = new Map<string, { fn: string; outputs: Val[] }>();
  /** The activity kind whose fields the expression being generated may read. */
  private activityKind: string | undefined;
  private sumScope: { over: 'activity' } | { over: 'route'; index: number } | undefined;

  /** How often each definition is referenced in the whole document. */
  private readonly references = new Map<string, number>();

  constructor(private readonly doc: Doc) {
    for (const d of doc.definitions) this.defs.set(d.key, d);
    for (const p of doc.parameters) this.params.set(p.name, p);
    for (const t of doc.tables) this.tables.set(t.name, t);
    for (const o of doc.outcomes) this.outcomes.set(o.name, o);
    const count = (e: IrExpr): void => {
      if (e.k === 'def') this.references.set(e.key, (this.references.get(e.key) ?? 0) + 1);
      forEachChild(e, count);
    };
    for (const d of doc.definitions) count(d.expr);
    for (const v of doc.valuations) {
      count(v.expr);
      for (const r of v.requirements) {
        count(r.when);
        r.message.forEach((p) => 'x' in p && count(p.x));
      }
    }
    for (const r of doc.routes) if (r.cap) count(r.cap.expr);
    for (const o of doc.outcomes) count(o.expr);
    for (const t of doc.tables) for (const v of t.versions) for (const row of v.rows) row.then.forEach(count);
  }

  // ── emission helpers ────────────────────────────────────────────────────────

  private k(value: unknown): string {
    let i = this.kIndex.get(value);
    if (i === undefined) {
      i = this.K.push(value) - 1;
      this.kIndex.set(value, i);
    }
    // Each constant is a `const` of the module (`K3 = K[3]`), so comparing with it is one load.
    return `K${i}`;
  }

  private t(prefix = 't'): string {
    return `${prefix}${++this.tmpCounter}`;
  }

  private emit(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Generates statements into a fresh block and returns them. */
  private block(body: () => void): string[] {
    const saved = this.lines;
    this.lines = [];
    body();
    const out = this.lines;
    this.lines = saved;
    return out;
  }

  private checked(...names: string[]): void {
    this.emit(`if (${names.map((n) => `${n} > MAX || ${n} < -MAX`).join(' || ')}) throw FALLBACK;`);
  }

  /** The statement that records a melding (`[id, activity, ...values]` as source). */
  private recordMessage(m: string): string {
    return `MSG.push(${m});`;
  }

  // ── values ──────────────────────────────────────────────────────────────────

  private constNum(text: string): Val {
    const [n, d] = text.split('/');
    const nt = intText(BigInt(n!));
    const dt = intText(BigInt(d ?? '1'));
    if (nt === undefined || dt === undefined) {
      // A constant beyond 2^53: this ruleset always takes the exact BigInt path.
      this.emit('throw FALLBACK;');
      return { k: 'num', n: '0', d: '1' };
    }
    return { k: 'num', n: nt.startsWith('-') ? `(${nt})` : nt, d: dt };
  }

  private constant(v: IrValue, kind: Kind): Val {
    if ('num' in v) return this.constNum(v.num);
    if ('bool' in v) return { k: 'bool', v: v.bool ? 'true' : 'false' };
    if ('text' in v) return { k: 'str', v: this.k(v.text) };
    // `onbekend`: NaN as a number, null otherwise.
    return kind === 'num'
      ? { k: 'num', n: 'NaN', d: '1' }
      : kind === 'bool'
        ? { k: 'bool', v: 'null' }
        : { k: 'str', v: 'null' };
  }

  /** The kind an expression evaluates to. */
  private kindOf(e: IrExpr): Kind {
    switch (e.k) {
      case 'const':
        return 'num' in e.v || 'unknown' in e.v ? 'num' : 'bool' in e.v ? 'bool' : 'str';
      case 'field':
        return kindOfField(
          e.scope === 'contract' ? contractFields[e.name] : activityKinds[this.activityKind ?? '']?.[e.name],
        );
      case 'attr':
        return e.name === 'soort' || e.name === 'naam' ? 'str' : 'num';
      case 'param':
        return kindOfType(this.params.get(e.name)!.type);
      case 'def':
        return kindOfType(this.defs.get(e.key)!.type);
      case 'outcome':
        return kindOfType(this.outcomes.get(e.name)!.type);
      case 'refdate':
        return 'num';
      case 'table': {
        const t = this.tables.get(e.name)!;
        return t.single ? kindOfType(t.outputs[0]!.type) : 'row';
      }
      case 'member': {
        const t = e.of.k === 'table' ? this.tables.get(e.of.name) : undefined;
        const col = t?.outputs.find((o) => o.name === e.field);
        return col ? kindOfType(col.type) : 'num';
      }
      case 'cmp':
      case 'and':
      case 'or':
      case 'not':
      case 'in':
      case 'known':
        return 'bool';
      case 'if': {
        const a = this.kindOf(e.t);
        return e.t.k === 'const' && 'unknown' in e.t.v ? this.kindOf(e.e) : a;
      }
      case 'default':
        return this.kindOf(e.fallback);
      case 'message':
        return this.kindOf(e.x);
      default:
        return 'num';
    }
  }

  private num(e: IrExpr): Val & { k: 'num' } {
    const v = this.expr(e);
    if (v.k !== 'num') throw new Error(`Internal error: expected a number for ${e.k}`);
    return v;
  }

  private bool(e: IrExpr): string {
    const v = this.expr(e);
    if (v.k !== 'bool') throw new Error(`Internal error: expected a truth value for ${e.k}`);
    return v.v;
  }

  /** Copies a value into fresh locals, so later code does not re-evaluate it. */
  private settle(v: Val): Val {
    if (v.k === 'num') {
      if (/^[\w.()-]+$/.test(v.n) && /^[\w.]+$/.test(v.d) && !v.n.includes('(') && !v.n.includes('NS['))
        return v;
      const n = this.t();
      if (isLiteral(v.d)) {
        this.emit(`const ${n} = ${v.n};`);
        return { k: 'num', n, d: v.d };
      }
      const d = this.t();
      this.emit(`const ${n} = ${v.n}, ${d} = ${v.d};`);
      return { k: 'num', n, d };
    }
    if (v.k === 'row') return v;
    if (/^[\w[\]]+$/.test(v.v)) return v;
    const x = this.t();
    this.emit(`const ${x} = ${v.v};`);
    return { ...v, v: x };
  }

  // ── expressions ─────────────────────────────────────────────────────────────

  expr(e: IrExpr): Val {
    switch (e.k) {
      case 'const':
        return this.constant(e.v, this.kindOf(e));
      case 'field':
        return this.field(e.scope, e.name);
      case 'attr':
        return this.attr(e.of, e.name);
      case 'param':
        return this.param(e.name);
      case 'def':
        return this.named(`def:${e.key}`);
      case 'outcome':
        return this.named(`outcome:${e.name}`);
      case 'refdate':
        return { k: 'num', n: 'DAY', d: '1' };
      case 'table':
        return this.table(e.name, e.args);
      case 'member': {
        const row = this.expr(e.of);
        if (row.k !== 'row') throw new Error('Internal error: member of a non-row');
        const t = this.tables.get(row.table)!;
        return row.slots[t.outputs.findIndex((o) => o.name === e.field)]!;
      }
      case 'neg': {
        const x = this.settle(this.num(e.x));
        if (x.k !== 'num') throw new Error('unreachable');
        return { k: 'num', n: `(-${x.n})`, d: x.d };
      }
      case 'not':
        return { k: 'bool', v: `!(${this.bool(e.x)})` };
      case 'arith':
        return this.arith(e.op, this.settle(this.num(e.l)) as NumVal, this.settle(this.num(e.r)) as NumVal);
      case 'cmp':
        return this.compare(e.op, e.l, e.r);
      case 'and':
      case 'or': {
        const r = this.t('b');
        this.emit(`let ${r} = ${this.bool(e.l)};`);
        const right = this.block(() => this.emit(`${r} = ${this.bool(e.r)};`));
        this.emit(`if (${e.k === 'and' ? '' : '!'}${r}) {`, ...right, '}');
        return { k: 'bool', v: r };
      }
      case 'if':
        return this.conditional(e);
      case 'in': {
        const x = this.settle(this.expr(e.x));
        // Constant options: one expression, no statements.
        if (e.options.every((o) => o.k === 'const')) {
          const tests = e.options.map((o) => this.equality(x, this.expr(o)));
          const any = tests.length ? `(${tests.join(' || ')})` : 'false';
          return { k: 'bool', v: e.negated ? `!${any}` : any };
        }
        const r = this.t('b');
        this.emit(`let ${r} = false;`);
        for (const o of e.options) {
          const test = this.block(() => {
            const ov = this.settle(this.expr(o));
            this.emit(`${r} = ${this.equality(x, ov)};`);
          });
          this.emit(`if (!${r}) {`, ...test, '}');
        }
        return { k: 'bool', v: e.negated ? `!${r}` : r };
      }
      case 'min':
      case 'max': {
        let acc = this.settle(this.num(e.args[0]!)) as NumVal;
        for (const a of e.args.slice(1)) {
          let b = this.settle(this.num(a)) as NumVal;
          [acc, b] = this.onCommon(acc, b);
          const less = this.lessThan(b, acc);
          const n = this.t();
          const pickB = e.k === 'min' ? less : `!(${less}) && !(${this.equalNum(acc, b)})`;
          if (acc.d === b.d) {
            this.emit(`const ${n} = ${pickB} ? ${b.n} : ${acc.n};`);
            acc = { k: 'num', n, d: acc.d };
            continue;
          }
          const d = this.t();
          this.emit(`const ${n} = ${pickB} ? ${b.n} : ${acc.n}, ${d} = ${pickB} ? ${b.d} : ${acc.d};`);
          acc = { k: 'num', n, d };
        }
        return acc;
      }
      case 'default':
        return this.defaulted(e.x, e.fallback);
      case 'known': {
        const x = this.expr(e.x);
        if (x.k === 'num') return { k: 'bool', v: `!Number.isNaN(${x.n})` };
        if (x.k === 'row') return { k: 'bool', v: 'true' };
        return { k: 'bool', v: `(${x.v} !== null)` };
      }
      case 'round': {
        const x = this.settle(this.num(e.x)) as NumVal;
        const q = this.settle(this.num(e.q)) as NumVal;
        const num = this.t();
        const den = this.t();
        const steps = this.t();
        const n = this.t();
        this.emit(`const ${num} = ${times(x.n, q.d)}, ${den} = ${times(x.d, q.n)};`);
        this.checked(num, den);
        this.emit(`if (!(${den} > 0) || Number.isNaN(${num})) throw FALLBACK;`);
        const mode = e.mode === 'half' ? 0 : e.mode === 'floor' ? 1 : 2;
        const divide = mode === 0 ? `roundHalf(${num}, ${den})` : `roundDiv(${num}, ${den}, ${mode})`;
        this.emit(`const ${steps} = ${den} === 1 ? ${num} : ${divide};`);
        if (q.n === '1') return { k: 'num', n: steps, d: q.d };
        this.emit(`const ${n} = ${times(steps, q.n)};`);
        this.checked(n);
        return { k: 'num', n, d: q.d };
      }
      case 'sum':
        return this.sum(e);
      case 'message': {
        const v = this.settle(this.expr(e.x));
        this.message(e.text, 'regel');
        return v;
      }
    }
  }

  /** `a` with literal denominator `to` (a multiple of its own literal denominator). */
  private scaled(a: NumVal, to: number): NumVal {
    const from = literalValue(a.d)!;
    if (from === to) return a;
    const factor = String(to / from);
    if (isLiteral(a.n)) {
      const n = BigInt(a.n.replace(/[()]/g, '')) * BigInt(factor);
      const text = intText(n);
      if (text !== undefined)
        return { k: 'num', n: text.startsWith('-') ? `(${text})` : text, d: String(to) };
    }
    const n = this.t();
    this.emit(`const ${n} = ${a.n} * ${factor};`);
    this.checked(n);
    return { k: 'num', n, d: String(to) };
  }

  /** Both values over one literal denominator, when both have one (else as they are). */
  private onCommon(a: NumVal, b: NumVal): [NumVal, NumVal] {
    if (a.d === b.d) return [a, b];
    const l = commonDenominator(a.d, b.d);
    return l === undefined ? [a, b] : [this.scaled(a, l), this.scaled(b, l)];
  }

  private arith(op: '+' | '-' | '*' | '/', a: NumVal, b: NumVal): Val {
    const n = this.t();
    const d = this.t();
    if (op === '+' || op === '-') [a, b] = this.onCommon(a, b);
    switch (op) {
      case '+':
      case '-':
        if (a.d === b.d) {
          this.emit(`const ${n} = ${a.n} ${op} ${b.n};`);
          this.checked(n);
          return { k: 'num', n, d: a.d };
        }
        // One side whole: the other's denominator stays (no new denominator, no reduction).
        if (b.d === '1' || a.d === '1') {
          const keep = b.d === '1' ? a.d : b.d;
          this.emit(`const ${n} = ${times(a.n, b.d)} ${op} ${times(b.n, a.d)};`);
          this.checked(n);
          return { k: 'num', n, d: keep };
        }
        this.emit(`let ${n} = ${a.n} * ${b.d} ${op} ${b.n} * ${a.d}, ${d} = ${a.d} * ${b.d};`);
        break;
      case '*':
        if (a.d === '1' && b.d === '1') {
          this.emit(`const ${n} = ${times(a.n, b.n)};`);
          this.checked(n);
          return { k: 'num', n, d: '1' };
        }
        if (isLiteral(a.d) && isLiteral(b.d)) {
          // Both denominators known here: their product is known too.
          const dd = String(Number(a.d.replace(/[()]/g, '')) * Number(b.d.replace(/[()]/g, '')));
          if (Number.isSafeInteger(Number(dd))) {
            this.emit(`const ${n} = ${times(a.n, b.n)};`);
            this.checked(n);
            return { k: 'num', n, d: dd };
          }
        }
        this.emit(`let ${n} = ${times(a.n, b.n)}, ${d} = ${times(a.d, b.d)};`);
        break;
      case '/':
        this.emit(`if (${b.n} === 0) throw FALLBACK;`);
        this.emit(`let ${n} = ${times(a.n, b.d)}, ${d} = ${times(a.d, b.n)};`);
        this.emit(`if (${d} < 0) { ${n} = -${n}; ${d} = -${d}; }`);
        break;
    }
    this.checked(n, d);
    // Keep denominators below 2^26, so that the product of two stays below 2^53 (a larger product
    // sends the contract to the reference evaluator). Not lower: Euclid's steps are divisions, and
    // a reduction costs about 150 ns, a tenth of a Rijnmond contract's results-only run, whose
    // percentage (realised / obligation, in cents) was reduced for every obligation above 2^20.
    this.emit(`if (${d} > ${REDUCE_ABOVE}) { const g = gcd(${n}, ${d}); ${n} /= g; ${d} /= g; }`);
    return { k: 'num', n, d };
  }

  /** a < b on fractions with positive denominators, exactly. */
  /** Both sides of a fraction comparison, cross-multiplied (checked only where a product was formed). */
  private crossed(a: NumVal, b: NumVal): [string, string] {
    const ls = times(a.n, b.d);
    const rs = times(b.n, a.d);
    const l = ls === a.n ? a.n : this.t();
    const r = rs === b.n ? b.n : this.t();
    if (l !== a.n) this.emit(`const ${l} = ${ls};`);
    if (r !== b.n) this.emit(`const ${r} = ${rs};`);
    const products = [l, r].filter((x, i) => x !== (i === 0 ? a.n : b.n));
    if (products.length) this.checked(...products);
    return [l, r];
  }

  private lessThan(a: NumVal, b: NumVal): string {
    if (a.d === b.d) return `(${a.n} < ${b.n})`;
    const [l, r] = this.crossed(a, b);
    return `(${l} < ${r})`;
  }

  private equalNum(a: NumVal, b: NumVal): string {
    if (a.d === b.d) return `(${a.n} === ${b.n})`;
    const [l, r] = this.crossed(a, b);
    return `(${l} === ${r})`;
  }

  private equality(a: Val, b: Val): string {
    if (a.k === 'num' && b.k === 'num') return this.equalNum(a, b);
    if (a.k === 'row' || b.k === 'row') throw new Error('Internal error: comparing rows');
    return `(${(a as { v: string }).v} === ${(b as { v: string }).v})`;
  }

  private compare(op: string, le: IrExpr, re: IrExpr): Val {
    const a = this.settle(this.expr(le));
    const b = this.settle(this.expr(re));
    if (op === '=' || op === '≠') {
      const eq = this.equality(a, b);
      return { k: 'bool', v: op === '=' ? eq : `!${eq}` };
    }
    if (a.k !== 'num' || b.k !== 'num') throw new Error('Internal error: ordering non-numbers');
    let l = a.n;
    let r = b.n;
    if (a.d !== b.d) [l, r] = this.crossed(a, b);
    const js = op === '<' ? '<' : op === '≤' ? '<=' : op === '>' ? '>' : '>=';
    return { k: 'bool', v: `(${l} ${js} ${r})` };
  }

  private conditional(e: IrExpr & { k: 'if' }): Val {
    const kind = this.kindOf(e);
    const c = this.bool(e.c);
    if (kind === 'num') {
      const n = this.t();
      const d = this.t();
      // When both branches have literal denominators, the result's is known statically: each
      // branch brings its value over the common one.
      const values: NumVal[] = [];
      const lines: string[][] = [];
      for (const x of [e.t, e.e])
        lines.push(this.block(() => values.push(this.settle(this.num(x)) as NumVal)));
      const [t, f] = values as [NumVal, NumVal];
      const fixed = t.d === f.d && isLiteral(t.d) ? literalValue(t.d) : commonDenominator(t.d, f.d);
      const assign = (v: NumVal, at: string[]) =>
        this.block(() => {
          this.lines.push(...at);
          const w = fixed === undefined ? v : this.scaled(v, fixed);
          this.emit(fixed === undefined ? `${n} = ${w.n}; ${d} = ${w.d};` : `${n} = ${w.n};`);
        });
      const then = assign(t, lines[0]!);
      const otherwise = assign(f, lines[1]!);
      this.emit(fixed === undefined ? `let ${n}, ${d};` : `let ${n};`);
      this.emit(`if (${c}) {`, ...then, '} else {', ...otherwise, '}');
      return { k: 'num', n, d: fixed === undefined ? d : String(fixed) };
    }
    if (kind === 'row') throw new Error('Internal error: a conditional row');
    const r = this.t();
    this.emit(`let ${r};`);
    const branch = (x: IrExpr) =>
      this.block(() => {
        const v = this.expr(x);
        this.emit(`${r} = ${(v as { v: string }).v};`);
      });
    const then = branch(e.t);
    const otherwise = branch(e.e);
    this.emit(`if (${c}) {`, ...then, '} else {', ...otherwise, '}');
    return { k: kind, v: r } as Val;
  }

  private defaulted(x: IrExpr, fallback: IrExpr): Val {
    const v = this.settle(this.expr(x));
    if (v.k === 'num') {
      const n = this.t();
      const d = this.t();
      let fixed: number | undefined;
      const fb = this.block(() => {
        const f = this.settle(this.num(fallback)) as NumVal;
        fixed = f.d === v.d && isLiteral(f.d) ? literalValue(f.d) : commonDenominator(v.d, f.d);
        const w = fixed === undefined ? f : this.scaled(f, fixed);
        this.emit(fixed === undefined ? `${n} = ${w.n}; ${d} = ${w.d};` : `${n} = ${w.n};`);
      });
      if (fixed === undefined) {
        this.emit(`let ${n} = ${v.n}, ${d} = ${v.d};`);
        this.emit(`if (Number.isNaN(${n})) {`, ...fb, '}');
        return { k: 'num', n, d };
      }
      // The value over the common denominator too (NaN, unknown, stays NaN).
      const own = this.scaled(v as NumVal, fixed);
      this.emit(`let ${n} = ${own.n};`);
      this.emit(`if (Number.isNaN(${n})) {`, ...fb, '}');
      return { k: 'num', n, d: String(fixed) };
    }
    if (v.k === 'row') return v;
    const r = this.t();
    this.emit(`let ${r} = ${v.v};`);
    const fb = this.block(() => this.emit(`${r} = ${(this.expr(fallback) as { v: string }).v};`));
    this.emit(`if (${r} === null) {`, ...fb, '}');
    return { k: v.k, v: r } as Val;
  }

  // ── names ───────────────────────────────────────────────────────────────────

  /** Fields already read in the code being generated (hoisted to its start). */
  private fieldCache = new Map<string, Val>();

  private field(scope: 'contract' | 'activity', name: string): Val {
    const v =
      scope === 'contract'
        ? this.contractField(name)
        : (this.fieldCache.get(`${scope}.${name}`) ?? this.readField(scope, name));
    return v;
  }

  private readField(scope: 'contract' | 'activity', name: string): Val {
    if (!IDENT.test(name)) throw new Error(`Internal error: field name ${JSON.stringify(name)}`);
    const spec = scope === 'contract' ? contractFields[name] : activityKinds[this.activityKind ?? '']?.[name];
    if (!spec) throw new Error(`Internal error: unknown field ${name}`);
    const source = scope === 'contract' ? `C.${name}` : `A.${name}`;
    const raw = this.t('r');
    this.emit(`const ${raw} = ${source};`);
    // Validation guarantees required fields are present: no test for absence there.
    const required = spec.presence === 'required';
    switch (spec.type.kind) {
      case 'boolean':
        return {
          k: 'bool',
          v:
            spec.presence === 'default-false'
              ? `(${raw} === true)`
              : required
                ? raw
                : `(${raw} === undefined ? null : ${raw})`,
        };
      case 'text':
      case 'enum':
        return { k: 'str', v: required ? raw : `(${raw} === undefined ? null : ${raw})` };
      case 'date': {
        const n = this.t();
        this.emit(`const ${n} = ${required ? `day(${raw})` : `${raw} === undefined ? NaN : day(${raw})`};`);
        return { k: 'num', n, d: '1' };
      }
      case 'money': {
        const n = this.t();
        this.emit(
          `const ${n} = ${required ? `cents(${raw})` : `${raw} === undefined ? NaN : cents(${raw})`};`,
        );
        return { k: 'num', n, d: '1' };
      }
      default: {
        // Read in fixed point: a whole number of 1/S (S from the field's bounds, see
        // `fixedPointScale`), so its denominator is known here and arithmetic on it needs no
        // run-time denominators. A value with more decimals than S holds goes to the BigInt path.
        const n = this.t();
        const scale = fixedPointScale(spec.type);
        const d = String(spec.type.kind === 'percentage' ? scale * 100 : scale);
        const value = `fixedPoint(${raw}, ${scale})`;
        if (required) {
          this.emit(`const ${n} = ${value};`);
          return { k: 'num', n, d };
        }
        this.emit(`let ${n} = NaN;`, `if (${raw} !== undefined) ${n} = ${value};`);
        return { k: 'num', n, d };
      }
    }
  }

  /** Contract fields, read and converted once per contract at the start of a run. */
  private readonly contractFields = new Map<string, Val>();
  private readonly contractInit: string[] = [];
  private contractVars: string[] = [];

  private contractField(name: string): Val {
    const known = this.contractFields.get(name);
    if (known) return known;
    let read: Val | undefined;
    const lines = this.block(() => (read = this.readField('contract', name)));
    const slot = this.t('c');
    let v: Val;
    if (read!.k === 'num') {
      // A literal denominator (money: 1) stays literal, so later arithmetic can fold it.
      const literal = isLiteral(read!.d);
      v = { k: 'num', n: `${slot}n`, d: literal ? read!.d : `${slot}d` };
      lines.push(literal ? `${v.n} = ${read!.n};` : `${v.n} = ${read!.n}; ${v.d} = ${read!.d};`);
      this.contractVars.push(...(literal ? [v.n] : [v.n, v.d]));
    } else if (read!.k === 'row') throw new Error('Internal error: a row-valued field');
    else {
      v = { k: read!.k, v: slot } as Val;
      lines.push(`${slot} = ${read!.v};`);
      this.contractVars.push(slot);
    }
    this.contractInit.push('{', ...lines, '}');
    this.contractFields.set(name, v);
    return v;
  }

  private attr(of: 'activity' | 'route', name: string): Val {
    const scope = this.sumScope;
    if (of === 'activity') {
      if (scope?.over !== 'activity') throw new Error('Internal error: activity attribute outside a sum');
      if (name === 'soort') return { k: 'str', v: 'ACTS[SI].soort' };
      return { k: 'num', n: 'W[SI]', d: '1' };
    }
    if (scope?.over !== 'route') throw new Error('Internal error: route attribute outside a sum');
    const route = this.doc.routes[scope.index]!;
    if (name === 'naam') return { k: 'str', v: this.k(route.name) };
    return { k: 'num', n: name === 'totaal' ? `RT[${scope.index}]` : `RG[${scope.index}]`, d: '1' };
  }

  private param(name: string): Val {
    const key = `param:${name}`;
    const known = this.memo.get(key);
    if (known) return known.slots;
    const p = this.params.get(name)!;
    const kind = kindOfType(p.type);
    // A parameter with one value is a constant; one with dated values is chosen per contract.
    if (p.versions.length === 1 && p.versions[0]!.from === undefined) {
      const c = this.constant(p.versions[0]!.value, kind);
      this.memo.set(key, { fn: '', kind, slots: c });
      return c;
    }
    const base = kind === 'num' ? this.allocNum() : this.allocOther();
    const lines: string[] = [];
    const dated = p.versions.filter((v) => v.from !== undefined).sort((a, b) => (a.from! < b.from! ? 1 : -1));
    const undatedVersion = p.versions.find((v) => v.from === undefined);
    // Number versions over one denominator, known here (as for a table's column of constants).
    let common: number | undefined;
    if (kind === 'num') {
      const dens: string[] = [];
      const emitted = this.block(() =>
        p.versions.forEach((v) => dens.push((this.constant(v.value, kind) as NumVal).d)),
      );
      common = emitted.length === 0 ? sharedDenominator(dens) : undefined;
    }
    const assign = (version: Doc['parameters'][number]['versions'][number]) =>
      this.block(() => {
        const c = this.constant(version.value, kind);
        if (c.k === 'num' && common !== undefined) this.emit(`NS[${base}] = ${this.scaled(c, common).n};`);
        else if (c.k === 'num') this.emit(`NS[${base}] = ${c.n}; NS[${base + 1}] = ${c.d};`);
        else if (c.k !== 'row') this.emit(`XS[${base}] = ${c.v};`);
      });
    for (const v of dated) lines.push(`if (DAY >= ${parseIsoDate(v.from!)}) {`, ...assign(v), '} else');
    lines.push('{', ...(undatedVersion ? assign(undatedVersion) : ['throw FALLBACK;']), '}');
    this.paramInit.push(...lines);
    const slots: Val =
      kind === 'num'
        ? { k: 'num', n: `NS[${base}]`, d: common === undefined ? `NS[${base + 1}]` : String(common) }
        : ({ k: kind, v: `XS[${base}]` } as Val);
    this.memo.set(key, { fn: '', kind, slots });
    return slots;
  }

  private readonly paramInit: string[] = [];

  private allocNum(): number {
    const i = this.numSlots;
    this.numSlots += 2;
    return i;
  }

  private allocOther(): number {
    return this.otherSlots++;
  }

  /** Whether a definition can be written out where it is used: used once, in its own scope. */
  private inlinable(key: string): boolean {
    if (!key.startsWith('def:') || this.references.get(key.slice(4)) !== 1 || this.inTable) return false;
    const d = this.defs.get(key.slice(4))!;
    // An activity rule inside its own kind's code; a contract rule outside any activity or sum.
    return d.scope ? d.scope === this.activityKind && !this.sumScope : !this.activityKind && !this.sumScope;
  }

  private inTable = false;

  /** A definition or outcome: a memoised function per rule, called where the value is used. */
  private named(key: string): Val {
    if (this.inlinable(key)) return this.settle(this.expr(this.defs.get(key.slice(4))!.expr));
    const entry = this.memo.get(key) ?? this.defineNamed(key);
    this.emit(`${entry.fn}();`);
    return this.settle(entry.slots);
  }

  private defineNamed(key: string): NamedReader {
    const isDef = key.startsWith('def:');
    const rule = isDef ? this.defs.get(key.slice(4))! : this.outcomes.get(key.slice(8))!;
    const kind = kindOfType(rule.type);
    const fn = this.t(isDef ? 'def_' : 'out_');
    const flag = this.flags++;
    const scope = isDef ? (rule as Doc['definitions'][number]).scope : undefined;
    if (scope) this.activityScopedFlags.push(flag);
    let slots: Val;
    if (kind === 'num') {
      const base = this.allocNum();
      slots = { k: 'num', n: `NS[${base}]`, d: `NS[${base + 1}]` };
    } else if (kind === 'row') throw new Error('Internal error: a row-valued definition');
    else slots = { k: kind, v: `XS[${this.allocOther()}]` } as Val;
    const entry = { fn, kind, slots };
    this.memo.set(key, entry);
    const savedKind = this.activityKind;
    const savedSum = this.sumScope;
    const savedFields = this.fieldCache;
    this.activityKind = scope;
    this.sumScope = undefined;
    // A rule of its own is a function of its own: it cannot see the caller's hoisted fields.
    this.fieldCache = new Map();
    let literalDenominator: string | undefined;
    const body = this.block(() => {
      const v = this.expr(rule.expr);
      if (v.k === 'num' && slots.k === 'num') {
        this.emit(`${slots.n} = ${v.n}; ${slots.d} = ${v.d};`);
        if (isLiteral(v.d)) literalDenominator = v.d;
      } else if (v.k !== 'num' && v.k !== 'row' && slots.k !== 'num' && slots.k !== 'row')
        this.emit(`${slots.v} = ${v.v};`);
      else throw new Error('Internal error: kind mismatch in a rule');
    });
    this.activityKind = savedKind;
    this.sumScope = savedSum;
    this.fieldCache = savedFields;
    // Its denominator known here: every use reads the literal (the rule still stores it).
    if (literalDenominator !== undefined && slots.k === 'num')
      entry.slots = { ...slots, d: literalDenominator };
    // A contract-level rule belongs to no activity, even when an activity's valuation asks for it:
    // meldingen it records (itself, or through a table it reads) name no activity. A rule that
    // records none leaves the activity index alone (saving it cost per contract, measured).
    const records = body.some((l) => /MSG\.push/.test(l) || /\btab_\d+\(/.test(l));
    const scoped = scope || !records ? [] : ['const savedAI = AI;', 'AI = -1;'];
    const restore = scope || !records ? [] : ['AI = savedAI;'];
    this.top.push(
      `function ${fn}() {`,
      `if (F${flag}) return;`,
      ...scoped,
      ...body,
      ...restore,
      `F${flag} = true;`,
      '}',
    );
    return entry;
  }

  private readonly activityScopedFlags: number[] = [];

  /** The activity fields a valuation reads, directly or through its kind's definitions. */
  private activityFieldsOf(kind: string, v: Doc['valuations'][number]): string[] {
    const names = new Set<string>();
    const seen = new Set<string>();
    const walk = (e: IrExpr): void => {
      if (e.k === 'field' && e.scope === 'activity') names.add(e.name);
      if (e.k === 'def' && !seen.has(e.key)) {
        seen.add(e.key);
        const d = this.defs.get(e.key);
        if (d?.scope === kind) walk(d.expr);
      }
      forEachChild(e, walk);
    };
    walk(v.expr);
    for (const r of v.requirements) {
      walk(r.when);
      r.message.forEach((p) => 'x' in p && walk(p.x));
    }
    return [...names].sort();
  }

  private table(name: string, args: readonly IrExpr[]): Val {
    const t = this.tables.get(name)!;
    const fns = this.tableFns.get(name) ?? this.defineTable(t);
    const argVals = args.map((a) => this.settle(this.expr(a)));
    const list = argVals.flatMap((v) => (v.k === 'num' ? [v.n, v.d] : v.k === 'row' ? [] : [v.v]));
    this.emit(`${fns.fn}(${list.join(', ')});`);
    const outs = fns.outputs.map((o) => this.settle(o));
    return t.single ? outs[0]! : { k: 'row', table: name, slots: outs };
  }

  private defineTable(t: Doc['tables'][number]): { fn: string; outputs: Val[] } {
    const fn = this.t('tab_');
    const outputs = t.outputs.map((o, j): Val => {
      const kind = kindOfType(o.type);
      if (kind === 'num') {
        const base = this.allocNum();
        // A column of constants has one denominator for all its rows, known here.
        const common = t.hitPolicy === 'som' ? undefined : columnDenominator(t, j);
        return { k: 'num', n: `NS[${base}]`, d: common === undefined ? `NS[${base + 1}]` : String(common) };
      }
      return { k: kind, v: `XS[${this.allocOther()}]` } as Val;
    });
    const entry = { fn, outputs };
    this.tableFns.set(t.name, entry);
    const params: Val[] = t.inputs.map((c, i): Val =>
      kindOfType(c.type) === 'num'
        ? { k: 'num', n: `a${i}n`, d: `a${i}d` }
        : ({ k: kindOfType(c.type), v: `a${i}` } as Val),
    );
    const paramList = params.flatMap((p) => (p.k === 'num' ? [p.n, p.d] : p.k === 'row' ? [] : [p.v]));
    const savedKind = this.activityKind;
    const savedInTable = this.inTable;
    const savedFields = this.fieldCache;
    this.activityKind = undefined;
    this.inTable = true;
    this.fieldCache = new Map();
    const body = this.block(() => {
      const sums = t.hitPolicy === 'som';
      const firstHit = firstHitOnly(t);
      if (sums) for (const o of outputs) if (o.k === 'num') this.emit(`${o.n} = 0; ${o.d} = 1;`);
      if (!firstHit) this.emit('let hits = 0;');
      const versions = [...t.versions].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1));
      const versionCode = (v: Doc['tables'][number]['versions'][number]) =>
        this.block(() => {
          for (const row of v.rows) {
            const test = this.block(() => {
              const conds = row.when.map((cell, i) => this.cell(cell, params[i]!));
              const hit = this.block(() => {
                if (!firstHit) this.emit('hits++;');
                if (!firstHit && t.hitPolicy === 'uniek') this.emit('if (hits > 1) throw FALLBACK;');
                row.then.forEach((x, j) => {
                  const o = outputs[j]!;
                  const v2 = this.expr(x);
                  if (o.k === 'num' && v2.k === 'num') {
                    if (sums) {
                      const s = this.arith(
                        '+',
                        { k: 'num', n: o.n, d: o.d },
                        this.settle(v2) as NumVal,
                      ) as NumVal;
                      this.emit(`${o.n} = ${s.n}; ${o.d} = ${s.d};`);
                    } else if (isLiteral(o.d)) {
                      this.emit(`${o.n} = ${this.scaled(v2, literalValue(o.d)!).n};`);
                    } else this.emit(`${o.n} = ${v2.n}; ${o.d} = ${v2.d};`);
                  } else if (o.k !== 'num' && o.k !== 'row' && v2.k !== 'num' && v2.k !== 'row')
                    this.emit(`${o.v} = ${v2.v};`);
                  else throw new Error('Internal error: table output kind');
                });
                if (firstHit) this.emit('return;');
              });
              this.emit(`if (${conds.length ? conds.join(' && ') : 'true'}) {`, ...hit, '}');
            });
            this.emit('{', ...test, '}');
          }
        });
      const dated = versions.filter((v) => v.from !== undefined);
      const undated = versions.find((v) => v.from === undefined);
      for (const v of dated) this.emit(`if (DAY >= ${parseIsoDate(v.from!)}) {`, ...versionCode(v), '} else');
      this.emit('{', ...(undated ? versionCode(undated) : ['throw FALLBACK;']), '}');
      if (firstHit) this.emit('throw FALLBACK;');
      else if (!sums) this.emit('if (hits === 0) throw FALLBACK;');
    });
    this.activityKind = savedKind;
    this.inTable = savedInTable;
    this.fieldCache = savedFields;
    this.top.push(`function ${fn}(${paramList.join(', ')}) {`, ...body, '}');
    return entry;
  }

  /** The condition of one input cell on its column value. */
  private cell(cell: IrCell, x: Val): string {
    if ('any' in cell) return 'true';
    if ('in' in cell) {
      const tests = cell.in.map((v) => {
        const c = this.constant(v, x.k === 'row' ? 'num' : x.k);
        return this.equality(x, c);
      });
      return `(${tests.join(' || ')})`;
    }
    return cell.cmp
      .map(([op, v]) => {
        const c = this.constant(v, x.k === 'row' ? 'num' : x.k) as Val;
        if (op === '=' || op === '≠') return op === '=' ? this.equality(x, c) : `!${this.equality(x, c)}`;
        if (x.k !== 'num' || c.k !== 'num') throw new Error('Internal error: ordering a non-number cell');
        const js = op === '<' ? '<' : op === '≤' ? '<=' : op === '>' ? '>' : '>=';
        if (c.d === '1') return `(${x.n} ${js} ${c.n} * ${x.d})`;
        return `(${x.n} * ${c.d} ${js} ${c.n} * ${x.d})`;
      })
      .join(' && ');
  }

  /**
   * A whole number (cents) as source: the numerator when the denominator is 1, else the exact
   * quotient, or FALLBACK when it is not whole (denominators are not kept reduced). NaN passes.
   */
  private whole(v: NumVal): string {
    if (v.d === '1') return v.n;
    const x = this.t();
    this.emit(`const ${x} = ${v.n} / ${v.d};`);
    this.emit(`if (!Number.isInteger(${x}) && !Number.isNaN(${x})) throw FALLBACK;`);
    return x;
  }

  private sum(e: IrExpr & { k: 'sum' }): Val {
    const acc = this.t();
    this.emit(`let ${acc} = 0;`);
    const savedScope = this.sumScope;
    if (e.over === 'activity') {
      this.sumScope = { over: 'activity' };
      const body = this.block(() => {
        if (e.filter) {
          const f = this.bool(e.filter);
          this.emit(`if (!(${f})) continue;`);
        }
        this.emit(`${acc} += ${this.whole(this.num(e.body))};`);
        this.checked(acc);
      });
      this.emit('for (let SI = 0; SI < ACTS.length; SI++) {', ...body, '}');
    } else {
      this.emit('routes();');
      this.doc.routes.forEach((_, index) => {
        this.sumScope = { over: 'route', index };
        const body = this.block(() => {
          if (e.filter) {
            const f = this.bool(e.filter);
            this.emit(`if (${f}) {`);
          }
          this.emit(`${acc} += ${this.whole(this.num(e.body))};`);
          this.checked(acc);
          if (e.filter) this.emit('}');
        });
        this.emit('{', ...body, '}');
      });
    }
    this.sumScope = savedScope;
    return { k: 'num', n: acc, d: '1' };
  }

  /** Records a melding: template id, activity index, then the values of its parts. */
  private message(t: IrTemplate, soort: 'regel' | 'vereiste'): void {
    const kinds: Kind[] = [];
    const parts: string[] = [];
    for (const p of t) {
      if ('text' in p) continue;
      const v = this.settle(this.expr(p.x));
      kinds.push(v.k);
      if (v.k === 'num') parts.push(v.n, v.d);
      else if (v.k !== 'row') parts.push(v.v);
    }
    const id = this.templates.push({ template: t, kinds, soort }) - 1;
    this.emit(this.recordMessage(`[${id}, AI${parts.length ? ', ' + parts.join(', ') : ''}]`));
  }

  // ── the module ──────────────────────────────────────────────────────────────

  generate(): GeneratedPlan {
    const doc = this.doc;
    const kinds = Object.keys(activityKinds);
    // Valuations, one function per activity kind.
    const valuationFns: string[] = [];
    for (const kind of kinds) {
      const v = doc.valuations.find((x) => x.kind === kind);
      if (!v) {
        valuationFns.push('');
        continue;
      }
      const fn = this.t('val_');
      valuationFns.push(fn);
      this.activityKind = kind;
      const body = this.block(() => {
        // Every field this kind's rules read, converted once at the start.
        this.fieldCache = new Map();
        for (const name of this.activityFieldsOf(kind, v))
          this.fieldCache.set(`activity.${name}`, this.settle(this.readField('activity', name)));
        this.emit('let failed = false;');
        for (const r of v.requirements) {
          const test = this.block(() => {
            const c = this.bool(r.when);
            const fail = this.block(() => {
              this.emit('failed = true;');
              this.message(r.message, 'vereiste');
            });
            this.emit(`if (!(${c})) {`, ...fail, '}');
          });
          this.emit('{', ...test, '}');
        }
        this.emit('if (failed) return 0;');
        const value = this.num(v.expr);
        // Whole cents, or the reference evaluator decides (NaN, an unknown value, included).
        const cents = value.d === '1' ? value.n : `${value.n} / ${value.d}`;
        this.emit(
          `const value = ${cents};`,
          'if (!Number.isInteger(value)) throw FALLBACK;',
          'return value;',
        );
      });
      this.fieldCache = new Map();
      this.activityKind = undefined;
      this.top.push(`function ${fn}() {`, ...body, '}');
    }
    const routeOfKind = kinds.map((k) => doc.routes.findIndex((r) => r.kinds.includes(k)));
    // Route caps, computed once per contract after all valuations.
    const capLines = this.block(() => {
      doc.routes.forEach((r, i) => {
        if (!r.cap) {
          this.emit(`RG[${i}] = RT[${i}];`);
          return;
        }
        const capBody = this.block(() => {
          const c = this.num(r.cap!.expr);
          const cap = this.whole(c);
          this.emit(`if (Number.isNaN(${cap})) throw FALLBACK;`);
          this.emit(`RM[${i}] = ${cap};`);
          const bites = `RT[${i}] > RM[${i}]`;
          const m = this.recordMessage(`[${CAP_MESSAGE}, -1, ${i}, RT[${i}], RM[${i}]]`);
          this.emit(`if (${bites}) { RG[${i}] = RM[${i}]; ${m} } else RG[${i}] = RT[${i}];`);
        });
        this.emit('{', ...capBody, '}');
      });
    });
    this.top.push('function routes() {', 'if (ROUTES_DONE) return;', 'ROUTES_DONE = true;', ...capLines, '}');
    // Outcomes, in order.
    const outcomeReads = this.block(() => {
      doc.outcomes.forEach((o, i) => {
        const v = this.named(`outcome:${o.name}`);
        if (v.k === 'num') this.emit(`OUT[${2 * i}] = ${v.n}; OUT[${2 * i + 1}] = ${v.d};`);
        else if (v.k !== 'row') this.emit(`OX[${i}] = ${v.v};`);
      });
    });
    const activityFlags = this.activityScopedFlags;
    const resetActivityFlags = activityFlags.map((f) => `F${f} = false;`).join(' ');
    const flagNames = Array.from({ length: this.flags }, (_, f) => `F${f}`);
    // Per activity: its kind's valuation, then its route's total (one case per kind, no lookups).
    const dispatch = kinds.map((kind, i) => {
      const fn = valuationFns[i];
      const r = routeOfKind[i]!;
      const total = r >= 0 ? ` RT[${r}] += v; if (RT[${r}] > MAX) throw FALLBACK;` : '';
      const notValued = `MSG.push([${NOT_VALUED_MESSAGE}, i]);`;
      return fn
        ? `case ${this.k(kind)}: v = ${fn}();${total} break;`
        : `case ${this.k(kind)}: ${notValued}${total} break;`;
    });
    const routeIndexes = doc.routes.map((_, i) => i);
    const source = [
      '"use strict";',
      'const { roundDiv, roundHalf, gcd, fixedPoint, cents, day, FALLBACK, MAX } = H;',
      ...(this.K.length ? [`const ${this.K.map((_, i) => `K${i} = K[${i}]`).join(', ')};`] : []),
      `const NS = new Float64Array(${Math.max(2, this.numSlots)});`,
      `const XS = new Array(${Math.max(1, this.otherSlots)});`,
      ...(flagNames.length ? [`let ${flagNames.map((f) => `${f} = false`).join(', ')};`] : []),
      'let C, A, AI, ACTS, W, MSG, DAY, ROUTES_DONE, RT, RG, RM, OUT, OX;',
      ...(this.contractVars.length ? [`let ${this.contractVars.join(', ')};`] : []),
      ...this.top,
      'return function run(contract, refDay, out) {',
      'C = contract; DAY = refDay; ACTS = contract.activiteiten; AI = -1; ROUTES_DONE = false;',
      // Setting an array's length is a runtime call, measurable per contract: the valuations array
      // only grows, and messages of the last run are left behind in an array of their own.
      'MSG = out.messages; if (MSG.length !== 0) MSG = out.messages = []; W = out.valuations; if (W.length < ACTS.length) W.length = ACTS.length;',
      'RT = out.routeTotals; RG = out.routeRealised; RM = out.routeCaps; OUT = out.outcomes; OX = out.otherOutcomes;',
      // Unrolled resets: cheaper than fill() calls on arrays this small.
      flagNames.map((f) => `${f} = false;`).join(' '),
      routeIndexes.map((i) => `RT[${i}] = 0; RM[${i}] = NaN;`).join(' '),
      ...this.contractInit,
      ...this.paramInit,
      'for (let i = 0; i < ACTS.length; i++) {',
      `A = ACTS[i]; AI = i; ${resetActivityFlags}`,
      'let v = 0;',
      'switch (A.soort) {',
      ...dispatch,
      '}',
      'W[i] = v;',
      '}',
      'AI = -1;',
      ...outcomeReads,
      'routes();',
      '};',
    ].join('\n');
    return {
      source,
      constants: this.K,
      templates: this.templates,
      routes: doc.routes.length,
      outcomes: doc.outcomes.length,
    };
  }
}

type NumVal = Val & { k: 'num' };

/**
 * The common denominator of output column `j` when every row of every version gives a number
 * constant there and it stays small (each row's value then a safe integer over it); else undefined.
 */
function columnDenominator(t: IrDocument['tables'][number], j: number): number | undefined {
  const values: [numerator: bigint, denominator: string][] = [];
  for (const v of t.versions)
    for (const row of v.rows) {
      const x = row.then[j];
      if (x?.k !== 'const' || !('num' in x.v)) return undefined;
      const [n, d = '1'] = x.v.num.split('/');
      values.push([BigInt(n!), d]);
    }
  const common = sharedDenominator(values.map(([, d]) => d));
  if (common === undefined) return undefined;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  for (const [n, d] of values) {
    const scaled = n * BigInt(common / Number(d));
    if (scaled > max || scaled < -max) return undefined;
  }
  return common;
}

/** Whether a lookup can stop at its first hit: no two rows can both match, or the first wins. */
function firstHitOnly(t: IrDocument['tables'][number]): boolean {
  return t.hitPolicy === 'eerste' || (t.hitPolicy === 'uniek' && t.versions.every(rowsDisjoint));
}

/**
 * Whether no two rows of a table version can match the same arguments, proved from the IR
 * alone (not trusted from the compiler): some column where every row lists texts or truth
 * values and no value appears in two rows.
 */
function rowsDisjoint(version: IrDocument['tables'][number]['versions'][number]): boolean {
  const columns = version.rows[0]?.when.length ?? 0;
  for (let c = 0; c < columns; c++) {
    const seen = new Set<string>();
    const disjoint = version.rows.every((row) => {
      const values = cellConstants(row.when[c]!);
      if (!values) return false;
      for (const v of new Set(values)) {
        if (seen.has(v)) return false;
        seen.add(v);
      }
      return true;
    });
    if (disjoint) return true;
  }
  return version.rows.length <= 1;
}

/** The texts or truth values a cell matches exactly (as keys), or undefined for any other cell. */
function cellConstants(cell: IrCell): string[] | undefined {
  const key = (v: IrValue): string | undefined =>
    'text' in v ? `t:${v.text}` : 'bool' in v ? `b:${v.bool}` : undefined;
  const keys =
    'in' in cell
      ? cell.in.map(key)
      : 'cmp' in cell && cell.cmp.length === 1 && cell.cmp[0]![0] === '='
        ? [key(cell.cmp[0]![1])]
        : [undefined];
  return keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
}

/** The direct sub-expressions of an IR expression (template parts of a message included). */
function forEachChild(e: IrExpr, visit: (e: IrExpr) => void): void {
  switch (e.k) {
    case 'table':
      return e.args.forEach(visit);
    case 'member':
      return visit(e.of);
    case 'neg':
    case 'not':
    case 'known':
      return visit(e.x);
    case 'arith':
    case 'cmp':
    case 'and':
    case 'or':
      visit(e.l);
      return visit(e.r);
    case 'if':
      visit(e.c);
      visit(e.t);
      return visit(e.e);
    case 'in':
      visit(e.x);
      return e.options.forEach(visit);
    case 'min':
    case 'max':
      return e.args.forEach(visit);
    case 'default':
      visit(e.x);
      return visit(e.fallback);
    case 'round':
      visit(e.x);
      return visit(e.q);
    case 'sum':
      visit(e.body);
      if (e.filter) visit(e.filter);
      return;
    case 'message':
      visit(e.x);
      return e.text.forEach((p) => 'x' in p && visit(p.x));
    default:
      return;
  }
}

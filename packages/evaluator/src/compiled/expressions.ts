// IR expressions → statements and typed values (code.ts): arithmetic on exact fractions held in two
// JS numbers, checked against 2^53 after each step, comparisons, conditions, sums, field reads and
// meldingen. Tables and named rules are written by tables.ts and rules.ts, reached through `Lookups`.
import {
  activityKinds,
  contractFields,
  type IrDocument,
  type IrExpr,
  type IrTemplate,
  type IrValue,
} from '@sroi/core';
import {
  commonDenominator,
  computed,
  denJs,
  fixedPointScale,
  kindOfField,
  kindOfType,
  literal,
  local,
  NAN,
  num,
  safeInteger,
  sameDen,
  times,
  type Den,
  type Kind,
  type Num,
  type Val,
} from './code.js';
import type { ModuleWriter, ValueOrigin } from './module-writer.js';
import { slotNumber } from './value-slots.js';

/** A quotient whose denominator passes this is reduced by the gcd (see `arith`). */
const REDUCE_ABOVE = 2 ** 26;

/** Field names are written into the source (`ACTIVITY.fte`): only plain identifiers. */
const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

/** Ids of the meldingen the engine itself produces (cap bites, kind not valued). */
export const CAP_MESSAGE = -1;
export const NOT_VALUED_MESSAGE = -2;
/** `binnen`: [DURATION_MESSAGE, activity index, months n, d, contract months n, d]. */
export const DURATION_MESSAGE = -3;

/** The months of an activity, which `binnen` holds against the contract's duration. */
export const MAANDEN: IrExpr = { k: 'field', scope: 'activity', name: 'maanden' };

/** What expressions look up elsewhere: tables (tables.ts), definitions, outcomes and parameters (rules.ts). */
export interface Lookups {
  table(name: string, args: readonly IrExpr[]): Val;
  /** A definition (`def:key`) or an outcome (`outcome:name`). */
  named(key: string): Val;
  param(name: string): Val;
}

type Doc = IrDocument;

export class Expressions {
  private readonly params = new Map<string, Doc['parameters'][number]>();
  private readonly defs = new Map<string, Doc['definitions'][number]>();
  private readonly outcomes = new Map<string, Doc['outcomes'][number]>();
  private readonly tables = new Map<string, Doc['tables'][number]>();
  /** Set by the module assembly (codegen.ts) once tables and rules exist. */
  lookups!: Lookups;

  constructor(private readonly w: ModuleWriter) {
    const doc = w.doc;
    for (const p of doc.parameters) this.params.set(p.name, p);
    for (const d of doc.definitions) this.defs.set(d.key, d);
    for (const o of doc.outcomes) this.outcomes.set(o.name, o);
    for (const t of doc.tables) this.tables.set(t.name, t);
  }

  // ── values ──────────────────────────────────────────────────────────────────

  /** A number constant of the IR; one beyond 2^53 sends every contract to the reference evaluator. */
  private constNum(text: string): Num {
    const [n, d] = text.split('/');
    const nv = safeInteger(BigInt(n!));
    const dv = safeInteger(BigInt(d ?? '1'));
    if (nv === undefined || dv === undefined) {
      this.w.emit('throw FALLBACK;');
      return num(literal(0), 1);
    }
    return num(literal(nv), dv);
  }

  /** An IR constant as a value of `kind`; `onbekend` is NaN as a number, null otherwise. */
  constant(v: IrValue, kind: Kind): Val {
    if ('num' in v) return this.constNum(v.num);
    if ('bool' in v) return { k: 'bool', v: local(v.bool ? 'true' : 'false') };
    if ('text' in v) return { k: 'str', v: local(this.w.text(v.text)) };
    if (kind === 'num') return num(NAN, 1);
    return kind === 'bool' ? { k: 'bool', v: local('null') } : { k: 'str', v: local('null') };
  }

  /**
   * A value a scenario may change: a parameter's, or a table row's constant output (`origin`
   * says which). With value slots a number is read from `VALUES` (its denominator too: none is
   * known when generating), so plans that differ only in such numbers have the same source;
   * otherwise it is a constant.
   */
  setting(v: IrValue, kind: Kind, origin: ValueOrigin): Val {
    if (!this.w.slotted || kind !== 'num') return this.constant(v, kind);
    // One beyond 2^53 sends every contract to the reference evaluator, as a constant does.
    const slotted = slotNumber(v);
    return slotted ? this.w.value(slotted[0], slotted[1], origin) : this.constant(v, kind);
  }

  /** The kind an expression evaluates to. */
  kindOf(e: IrExpr): Kind {
    switch (e.k) {
      case 'const':
        return 'num' in e.v || 'unknown' in e.v ? 'num' : 'bool' in e.v ? 'bool' : 'str';
      case 'field':
        return kindOfField(
          e.scope === 'contract'
            ? contractFields[e.name]
            : activityKinds[this.w.place.activityKind ?? '']?.[e.name],
        );
      case 'attr':
        return e.name === 'soort' || e.name === 'naam' ? 'str' : 'num';
      case 'param':
        return kindOfType(this.params.get(e.name)!.type);
      case 'def':
        return kindOfType(this.defs.get(e.key)!.type);
      case 'outcome':
        return kindOfType(this.outcomes.get(e.name)!.type);
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
      case 'if':
        return e.t.k === 'const' && 'unknown' in e.t.v ? this.kindOf(e.e) : this.kindOf(e.t);
      case 'default':
        return this.kindOf(e.fallback);
      case 'message':
        return this.kindOf(e.x);
      default:
        return 'num';
    }
  }

  num(e: IrExpr): Num {
    const v = this.expr(e);
    if (v.k !== 'num') throw new Error(`Internal error: expected a number for ${e.k}`);
    return v;
  }

  /** A truth value as source. */
  bool(e: IrExpr): string {
    const v = this.expr(e);
    if (v.k !== 'bool') throw new Error(`Internal error: expected a truth value for ${e.k}`);
    return v.v.js;
  }

  /** Copies a value into fresh locals, so later code does not re-evaluate (or re-read) it. */
  settle<V extends Val>(v: V): V {
    const w = this.w;
    if (v.k === 'num') {
      const d = v.d;
      if (v.n.stable && (typeof d === 'number' || d.stable)) return v;
      const n = w.fresh();
      if (typeof d === 'number') {
        w.emit(`const ${n} = ${v.n.js};`);
        return num(local(n), d) as V;
      }
      const dn = w.fresh();
      w.emit(`const ${n} = ${v.n.js}, ${dn} = ${d.js};`);
      return num(local(n), local(dn)) as V;
    }
    if (v.k === 'row' || v.v.stable) return v;
    const x = w.fresh();
    w.emit(`const ${x} = ${v.v.js};`);
    return { ...v, v: local(x) };
  }

  /** A settled number. */
  private settledNum(e: IrExpr): Num {
    return this.settle(this.num(e));
  }

  // ── expressions ─────────────────────────────────────────────────────────────

  expr(e: IrExpr): Val {
    const w = this.w;
    switch (e.k) {
      case 'const':
        return this.constant(e.v, this.kindOf(e));
      case 'field':
        return this.field(e.scope, e.name);
      case 'attr':
        return this.attr(e.of, e.name);
      case 'param':
        return this.lookups.param(e.name);
      case 'def':
        return this.lookups.named(`def:${e.key}`);
      case 'outcome':
        return this.lookups.named(`outcome:${e.name}`);
      case 'refdate':
        return num(local('DAY'), 1);
      case 'table':
        return this.lookups.table(e.name, e.args);
      case 'member': {
        const row = this.expr(e.of);
        if (row.k !== 'row') throw new Error('Internal error: member of a non-row');
        const t = this.tables.get(row.table)!;
        return row.slots[t.outputs.findIndex((o) => o.name === e.field)]!;
      }
      case 'neg': {
        const x = this.settledNum(e.x);
        return num(computed(`(-${x.n.js})`), x.d);
      }
      case 'not':
        return { k: 'bool', v: computed(`!(${this.bool(e.x)})`) };
      case 'arith':
        return this.arith(e.op, this.settledNum(e.l), this.settledNum(e.r));
      case 'cmp':
        return this.compare(e.op, e.l, e.r);
      case 'and':
      case 'or': {
        const r = w.fresh('b_');
        w.emit(`let ${r} = ${this.bool(e.l)};`);
        const right = w.block(() => w.emit(`${r} = ${this.bool(e.r)};`));
        w.emit(`if (${e.k === 'and' ? '' : '!'}${r}) {`, ...right, '}');
        return { k: 'bool', v: local(r) };
      }
      case 'if':
        return this.conditional(e);
      case 'in':
        return this.member(e);
      case 'min':
      case 'max':
        return this.extreme(e.k, e.args);
      case 'default':
        return this.defaulted(e.x, e.fallback);
      case 'known': {
        const x = this.expr(e.x);
        if (x.k === 'num') return { k: 'bool', v: computed(`!Number.isNaN(${x.n.js})`) };
        if (x.k === 'row') return { k: 'bool', v: local('true') };
        return { k: 'bool', v: computed(`(${x.v.js} !== null)`) };
      }
      case 'months': {
        // Dates are whole day numbers; an unknown one is NaN, and so are the months.
        const a = this.settledNum(e.from);
        const b = this.settledNum(e.to);
        const day = (x: Num) => (x.d === 1 ? x.n.js : `(${x.n.js} / ${denJs(x.d)})`);
        return num(computed(`monthsBetween(${day(a)}, ${day(b)})`), 1);
      }
      case 'round':
        return this.round(e);
      case 'sum':
        return this.sum(e);
      case 'message': {
        const v = this.settle(this.expr(e.x));
        this.message(e.text, 'regel');
        return v;
      }
    }
  }

  /** `x in (a, b, ...)`: constant options in one expression, others one by one. */
  private member(e: IrExpr & { k: 'in' }): Val {
    const w = this.w;
    const x = this.settle(this.expr(e.x));
    if (e.options.every((o) => o.k === 'const')) {
      const tests = e.options.map((o) => this.equality(x, this.expr(o)));
      const any = tests.length ? `(${tests.join(' || ')})` : 'false';
      return { k: 'bool', v: computed(e.negated ? `!${any}` : any) };
    }
    const r = w.fresh('b_');
    w.emit(`let ${r} = false;`);
    for (const o of e.options) {
      const test = w.block(() => {
        const ov = this.settle(this.expr(o));
        w.emit(`${r} = ${this.equality(x, ov)};`);
      });
      w.emit(`if (!${r}) {`, ...test, '}');
    }
    return { k: 'bool', v: e.negated ? computed(`!${r}`) : local(r) };
  }

  /** `min(...)` or `max(...)`, pairwise, over a common denominator when both have a known one. */
  private extreme(k: 'min' | 'max', args: readonly IrExpr[]): Num {
    const w = this.w;
    let acc = this.settledNum(args[0]!);
    for (const a of args.slice(1)) {
      let b = this.settledNum(a);
      [acc, b] = this.onCommon(acc, b);
      const less = this.lessThan(b, acc);
      const n = w.fresh();
      const pickB = k === 'min' ? less : `!(${less}) && !(${this.equalNum(acc, b)})`;
      if (sameDen(acc.d, b.d)) {
        w.emit(`const ${n} = ${pickB} ? ${b.n.js} : ${acc.n.js};`);
        acc = num(local(n), acc.d);
        continue;
      }
      const d = w.fresh();
      w.emit(
        `const ${n} = ${pickB} ? ${b.n.js} : ${acc.n.js}, ${d} = ${pickB} ? ${denJs(b.d)} : ${denJs(acc.d)};`,
      );
      acc = num(local(n), local(d));
    }
    return acc;
  }

  /** `afronden(x, op q)`: x/q to a whole number of steps (half away from zero, down or up), times q. */
  private round(e: IrExpr & { k: 'round' }): Num {
    const w = this.w;
    const x = this.settledNum(e.x);
    const q = this.settledNum(e.q);
    const top = w.fresh();
    const bottom = w.fresh();
    const steps = w.fresh();
    w.emit(`const ${top} = ${times(x.n, q.d)}, ${bottom} = ${times(x.d, q.n)};`);
    w.checked(top, bottom);
    w.emit(`if (!(${bottom} > 0) || Number.isNaN(${top})) throw FALLBACK;`);
    const mode = e.mode === 'half' ? 0 : e.mode === 'floor' ? 1 : 2;
    const divide = mode === 0 ? `roundHalf(${top}, ${bottom})` : `roundDiv(${top}, ${bottom}, ${mode})`;
    w.emit(`const ${steps} = ${bottom} === 1 ? ${top} : ${divide};`);
    if (q.n.literal === 1) return num(local(steps), q.d);
    const n = w.fresh();
    w.emit(`const ${n} = ${times(local(steps), q.n)};`);
    w.checked(n);
    return num(local(n), q.d);
  }

  /** `a` over the known denominator `to` (a multiple of its own known denominator). */
  scaled(a: Num, to: number): Num {
    const from = a.d as number;
    if (from === to) return a;
    const factor = to / from;
    if (a.n.literal !== undefined) {
      const n = safeInteger(BigInt(a.n.literal) * BigInt(factor));
      if (n !== undefined) return num(literal(n), to);
    }
    const n = this.w.fresh();
    this.w.emit(`const ${n} = ${a.n.js} * ${factor};`);
    this.w.checked(n);
    return num(local(n), to);
  }

  /** Both values over one known denominator, when both have one (else as they are). */
  private onCommon(a: Num, b: Num): [Num, Num] {
    if (sameDen(a.d, b.d)) return [a, b];
    const l = commonDenominator(a.d, b.d);
    return l === undefined ? [a, b] : [this.scaled(a, l), this.scaled(b, l)];
  }

  arith(op: '+' | '-' | '*' | '/', a: Num, b: Num): Num {
    const w = this.w;
    const n = w.fresh();
    const d = w.fresh();
    if (op === '+' || op === '-') [a, b] = this.onCommon(a, b);
    switch (op) {
      case '+':
      case '-':
        if (sameDen(a.d, b.d)) {
          w.emit(`const ${n} = ${a.n.js} ${op} ${b.n.js};`);
          w.checked(n);
          return num(local(n), a.d);
        }
        // One side whole: the other's denominator stays (no new denominator, no reduction).
        if (b.d === 1 || a.d === 1) {
          w.emit(`const ${n} = ${times(a.n, b.d)} ${op} ${times(b.n, a.d)};`);
          w.checked(n);
          return num(local(n), b.d === 1 ? a.d : b.d);
        }
        w.emit(`let ${n} = ${times(a.n, b.d)} ${op} ${times(b.n, a.d)}, ${d} = ${times(a.d, b.d)};`);
        break;
      case '*':
        if (typeof a.d === 'number' && typeof b.d === 'number' && Number.isSafeInteger(a.d * b.d)) {
          // Both denominators known here: their product is known too.
          w.emit(`const ${n} = ${times(a.n, b.n)};`);
          w.checked(n);
          return num(local(n), a.d * b.d);
        }
        w.emit(`let ${n} = ${times(a.n, b.n)}, ${d} = ${times(a.d, b.d)};`);
        break;
      case '/':
        w.emit(`if (${b.n.js} === 0) throw FALLBACK;`);
        w.emit(`let ${n} = ${times(a.n, b.d)}, ${d} = ${times(a.d, b.n)};`);
        w.emit(`if (${d} < 0) { ${n} = -${n}; ${d} = -${d}; }`);
        break;
    }
    w.checked(n, d);
    // Keep denominators below 2^26, so that the product of two stays below 2^53 (a larger product
    // sends the contract to the reference evaluator). Not lower: Euclid's steps are divisions, and
    // a reduction costs about 150 ns, a tenth of a Rijnmond contract's results-only run, whose
    // percentage (realised / obligation, in cents) was reduced for every obligation above 2^20.
    w.emit(`if (${d} > ${REDUCE_ABOVE}) { const g = gcd(${n}, ${d}); ${n} /= g; ${d} /= g; }`);
    return num(local(n), local(d));
  }

  /** Both sides of a fraction comparison, cross-multiplied (checked only where a product was formed). */
  private crossed(a: Num, b: Num): [string, string] {
    const w = this.w;
    const ls = times(a.n, b.d);
    const rs = times(b.n, a.d);
    const l = ls === a.n.js ? ls : w.fresh();
    const r = rs === b.n.js ? rs : w.fresh();
    const products: string[] = [];
    if (l !== ls) {
      w.emit(`const ${l} = ${ls};`);
      products.push(l);
    }
    if (r !== rs) {
      w.emit(`const ${r} = ${rs};`);
      products.push(r);
    }
    if (products.length) w.checked(...products);
    return [l, r];
  }

  private lessThan(a: Num, b: Num): string {
    if (sameDen(a.d, b.d)) return `(${a.n.js} < ${b.n.js})`;
    const [l, r] = this.crossed(a, b);
    return `(${l} < ${r})`;
  }

  private equalNum(a: Num, b: Num): string {
    if (sameDen(a.d, b.d)) return `(${a.n.js} === ${b.n.js})`;
    const [l, r] = this.crossed(a, b);
    return `(${l} === ${r})`;
  }

  /** `a = b` as source: fractions exactly, other values by identity. */
  equality(a: Val, b: Val): string {
    if (a.k === 'num' && b.k === 'num') return this.equalNum(a, b);
    if (a.k === 'row' || b.k === 'row' || a.k === 'num' || b.k === 'num')
      throw new Error('Internal error: comparing rows or a number with another value');
    return `(${a.v.js} === ${b.v.js})`;
  }

  /** A number compared with a cell's constant: `<`, `<=`, `>`, `>=` as JS. */
  static readonly ordering: Record<string, string> = { '<': '<', '≤': '<=', '>': '>', '≥': '>=' };

  private compare(op: string, le: IrExpr, re: IrExpr): Val {
    const a = this.settle(this.expr(le));
    const b = this.settle(this.expr(re));
    if (op === '=' || op === '≠') {
      const eq = this.equality(a, b);
      return { k: 'bool', v: computed(op === '=' ? eq : `!${eq}`) };
    }
    if (a.k !== 'num' || b.k !== 'num') throw new Error('Internal error: ordering non-numbers');
    const [l, r] = sameDen(a.d, b.d) ? [a.n.js, b.n.js] : this.crossed(a, b);
    return { k: 'bool', v: computed(`(${l} ${Expressions.ordering[op]} ${r})`) };
  }

  /** `als c dan t anders e`: a number's branches over one known denominator when they allow it. */
  private conditional(e: IrExpr & { k: 'if' }): Val {
    const w = this.w;
    const kind = this.kindOf(e);
    const c = this.bool(e.c);
    if (kind === 'num') {
      const n = w.fresh();
      const d = w.fresh();
      const values: Num[] = [];
      const lines = [e.t, e.e].map((x) => w.block(() => values.push(this.settledNum(x))));
      const [t, f] = values as [Num, Num];
      const fixed = sameDen(t.d, f.d) && typeof t.d === 'number' ? t.d : commonDenominator(t.d, f.d);
      const assign = (v: Num, at: string[]) =>
        w.block(() => {
          w.emit(...at);
          const x = fixed === undefined ? v : this.scaled(v, fixed);
          w.emit(fixed === undefined ? `${n} = ${x.n.js}; ${d} = ${denJs(x.d)};` : `${n} = ${x.n.js};`);
        });
      const then = assign(t, lines[0]!);
      const otherwise = assign(f, lines[1]!);
      w.emit(fixed === undefined ? `let ${n}, ${d};` : `let ${n};`);
      w.emit(`if (${c}) {`, ...then, '} else {', ...otherwise, '}');
      return num(local(n), fixed ?? local(d));
    }
    if (kind === 'row') throw new Error('Internal error: a conditional row');
    const r = w.fresh();
    w.emit(`let ${r};`);
    const branch = (x: IrExpr) =>
      w.block(() => {
        const v = this.expr(x);
        if (v.k === 'num' || v.k === 'row') throw new Error('Internal error: branch kinds differ');
        w.emit(`${r} = ${v.v.js};`);
      });
    const then = branch(e.t);
    const otherwise = branch(e.e);
    w.emit(`if (${c}) {`, ...then, '} else {', ...otherwise, '}');
    return { k: kind, v: local(r) };
  }

  /** `x standaard fallback`: the fallback where x is unknown (NaN or null). */
  private defaulted(x: IrExpr, fallback: IrExpr): Val {
    const w = this.w;
    const v = this.settle(this.expr(x));
    if (v.k === 'num') {
      const n = w.fresh();
      const d = w.fresh();
      let fixed: number | undefined;
      const fb = w.block(() => {
        const f = this.settledNum(fallback);
        fixed = sameDen(f.d, v.d) && typeof f.d === 'number' ? f.d : commonDenominator(v.d, f.d);
        const x = fixed === undefined ? f : this.scaled(f, fixed);
        w.emit(fixed === undefined ? `${n} = ${x.n.js}; ${d} = ${denJs(x.d)};` : `${n} = ${x.n.js};`);
      });
      if (fixed === undefined) {
        w.emit(`let ${n} = ${v.n.js}, ${d} = ${denJs(v.d)};`);
        w.emit(`if (Number.isNaN(${n})) {`, ...fb, '}');
        return num(local(n), local(d));
      }
      // The value over the common denominator too (NaN, unknown, stays NaN).
      const own = this.scaled(v, fixed);
      w.emit(`let ${n} = ${own.n.js};`);
      w.emit(`if (Number.isNaN(${n})) {`, ...fb, '}');
      return num(local(n), fixed);
    }
    if (v.k === 'row') return v;
    const r = w.fresh();
    w.emit(`let ${r} = ${v.v.js};`);
    const fb = w.block(() => {
      const f = this.expr(fallback);
      if (f.k === 'num' || f.k === 'row') throw new Error('Internal error: fallback kinds differ');
      w.emit(`${r} = ${f.v.js};`);
    });
    w.emit(`if (${r} === null) {`, ...fb, '}');
    return { k: v.k, v: local(r) };
  }

  /**
   * A whole number (cents) as source: the numerator when the denominator is 1, else the exact
   * quotient, or FALLBACK when it is not whole (denominators are not kept reduced). NaN passes.
   */
  whole(v: Num): string {
    if (v.d === 1) return v.n.js;
    const x = this.w.fresh();
    this.w.emit(`const ${x} = ${v.n.js} / ${denJs(v.d)};`);
    this.w.emit(`if (!Number.isInteger(${x}) && !Number.isNaN(${x})) throw FALLBACK;`);
    return x;
  }

  /** `som over activiteiten/routes`: a loop over the activities, the routes unrolled. */
  private sum(e: IrExpr & { k: 'sum' }): Num {
    const w = this.w;
    const acc = w.fresh();
    w.emit(`let ${acc} = 0;`);
    if (e.over === 'activity') {
      const body = w.at({ sum: { over: 'activity' } }, () =>
        w.block(() => {
          if (e.filter) w.emit(`if (!(${this.bool(e.filter)})) continue;`);
          w.emit(`${acc} += ${this.whole(this.num(e.body))};`);
          w.checked(acc);
        }),
      );
      w.emit('for (let sumIndex = 0; sumIndex < ACTIVITIES.length; sumIndex++) {', ...body, '}');
    } else {
      w.emit('routes();');
      w.doc.routes.forEach((_, index) => {
        const body = w.at({ sum: { over: 'route', index } }, () =>
          w.block(() => {
            if (e.filter) w.emit(`if (${this.bool(e.filter)}) {`);
            w.emit(`${acc} += ${this.whole(this.num(e.body))};`);
            w.checked(acc);
            if (e.filter) w.emit('}');
          }),
        );
        w.emit('{', ...body, '}');
      });
    }
    return num(local(acc), 1);
  }

  /** Records a melding: template id, activity index, then the values of its parts. */
  /** `binnen limit`: records a melding when the activity's months exceed `limit` (when known). */
  within(limit: IrExpr): void {
    const w = this.w;
    const a = this.settledNum(MAANDEN);
    const b = this.settledNum(limit);
    const [l, r] = sameDen(a.d, b.d) ? [a.n.js, b.n.js] : this.crossed(a, b);
    const values = [a.n.js, denJs(a.d), b.n.js, denJs(b.d)].join(', ');
    w.records();
    w.emit(
      `if (!Number.isNaN(${b.n.js}) && ${l} > ${r}) MESSAGES.push([${DURATION_MESSAGE}, ACTIVITY_INDEX, ${values}]);`,
    );
  }

  message(t: IrTemplate, soort: 'regel' | 'vereiste'): void {
    const kinds: Kind[] = [];
    const parts: string[] = [];
    for (const p of t) {
      if ('text' in p) continue;
      const v = this.settle(this.expr(p.x));
      kinds.push(v.k);
      if (v.k === 'num') parts.push(v.n.js, denJs(v.d));
      else if (v.k !== 'row') parts.push(v.v.js);
    }
    const id = this.w.templates.push({ template: t, kinds, soort }) - 1;
    this.w.records();
    this.w.emit(`MESSAGES.push([${id}, ACTIVITY_INDEX${parts.length ? ', ' + parts.join(', ') : ''}]);`);
  }

  // ── fields and attributes ───────────────────────────────────────────────────

  private field(scope: 'contract' | 'activity', name: string): Val {
    if (scope === 'contract') return this.contractField(name);
    return this.w.place.fields.get(`activity.${name}`) ?? this.readField('activity', name);
  }

  /** Reads a field of the contract or of the current activity, converted to a value. */
  readField(scope: 'contract' | 'activity', name: string): Val {
    const w = this.w;
    if (!IDENT.test(name)) throw new Error(`Internal error: field name ${JSON.stringify(name)}`);
    const spec =
      scope === 'contract' ? contractFields[name] : activityKinds[w.place.activityKind ?? '']?.[name];
    if (!spec) throw new Error(`Internal error: unknown field ${name}`);
    const raw = w.fresh('raw_');
    w.emit(`const ${raw} = ${scope === 'contract' ? 'CONTRACT' : 'ACTIVITY'}.${name};`);
    // Validation guarantees required fields are present: no test for absence there.
    const required = spec.presence === 'required';
    const orNull = (x: string) => (required ? local(x) : computed(`(${x} === undefined ? null : ${x})`));
    switch (spec.type.kind) {
      case 'boolean':
        return {
          k: 'bool',
          v: spec.presence === 'default-false' ? computed(`(${raw} === true)`) : orNull(raw),
        };
      case 'text':
      case 'enum':
        return { k: 'str', v: orNull(raw) };
      case 'date':
      case 'money': {
        const n = w.fresh();
        const read = spec.type.kind === 'date' ? `day(${raw})` : `cents(${raw})`;
        w.emit(`const ${n} = ${required ? read : `${raw} === undefined ? NaN : ${read}`};`);
        return num(local(n), 1);
      }
      default: {
        // Read in fixed point: a whole number of 1/S (S from the field's bounds, see
        // `fixedPointScale`), so its denominator is known here and arithmetic on it needs no
        // run-time denominators. A value with more decimals than S holds goes to the BigInt path.
        const n = w.fresh();
        const scale = fixedPointScale(spec.type);
        const d = spec.type.kind === 'percentage' ? scale * 100 : scale;
        const value = `fixedPoint(${raw}, ${scale})`;
        if (required) w.emit(`const ${n} = ${value};`);
        else w.emit(`let ${n} = NaN;`, `if (${raw} !== undefined) ${n} = ${value};`);
        return num(local(n), d);
      }
    }
  }

  /** Contract fields, read and converted once per contract at the start of a run. */
  private readonly contractFields = new Map<string, Val>();

  private contractField(name: string): Val {
    const w = this.w;
    const known = this.contractFields.get(name);
    if (known) return known;
    let read: Val | undefined;
    const lines = w.block(() => (read = this.readField('contract', name)));
    const variable = w.fresh('contract_');
    let v: Val;
    if (read!.k === 'num') {
      // A known denominator (money: 1) stays known, so later arithmetic can fold it.
      const d: Den = typeof read!.d === 'number' ? read!.d : local(`${variable}d`);
      v = num(local(variable), d);
      lines.push(
        `${variable} = ${read!.n.js};${typeof d === 'number' ? '' : ` ${d.js} = ${denJs(read!.d)};`}`,
      );
      w.contractVars.push(variable, ...(typeof d === 'number' ? [] : [d.js]));
    } else if (read!.k === 'row') throw new Error('Internal error: a row-valued field');
    else {
      v = { k: read!.k, v: local(variable) };
      lines.push(`${variable} = ${read!.v.js};`);
      w.contractVars.push(variable);
    }
    w.contractInit.push('{', ...lines, '}');
    this.contractFields.set(name, v);
    return v;
  }

  /** `activiteit.soort`, `activiteit.waarde`, `route.naam`, `route.totaal` inside a sum. */
  private attr(of: 'activity' | 'route', name: string): Val {
    const sum = this.w.place.sum;
    if (of === 'activity') {
      if (sum?.over !== 'activity') throw new Error('Internal error: activity attribute outside a sum');
      if (name === 'soort') return { k: 'str', v: computed('ACTIVITIES[sumIndex].soort') };
      return num(computed('VALUATIONS[sumIndex]'), 1);
    }
    if (sum?.over !== 'route') throw new Error('Internal error: route attribute outside a sum');
    if (name === 'naam') return { k: 'str', v: local(this.w.text(this.w.doc.routes[sum.index]!.name)) };
    return num(computed(`${name === 'totaal' ? 'ROUTE_TOTAL' : 'ROUTE_REALISED'}[${sum.index}]`), 1);
  }
}

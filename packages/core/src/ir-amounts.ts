// Invariants of the amounts an IR pays out, which the JSON Schema cannot say: every valuation,
// money outcome and route cap is a number (never a text, an enumeration value, a yes/no or a date)
// and is provably whole cents — the compiler's precision check (SR3005) restated on the IR, so a
// hand-edited IR cannot make the evaluator produce fractions of cents or money from a word.
import type { IrDocument, IrExpr, IrType, IrValue } from './ir.js';
import { irNumber } from './ir-values.js';
import { activityKinds, contractFields, type FieldType } from './vocabulary.js';

/** What kind of value an expression gives; `any` when the IR does not say (a row, `onbekend`). */
type ValueClass = 'number' | 'text' | 'yes/no' | 'date' | 'any';

const classOfType = (t: IrType): ValueClass =>
  t.t === 'tekst' || t.t === 'opsomming'
    ? 'text'
    : t.t === 'janee'
      ? 'yes/no'
      : t.t === 'datum'
        ? 'date'
        : t.t === 'rij'
          ? 'any'
          : 'number';

const classOfField = (t: FieldType | undefined): ValueClass =>
  !t
    ? 'any'
    : t.kind === 'text' || t.kind === 'enum'
      ? 'text'
      : t.kind === 'boolean'
        ? 'yes/no'
        : t.kind === 'date'
          ? 'date'
          : 'number';

const isMoney = (t: IrType) => t.t === 'bedrag';

/** Amounts in the IR are in cents: a whole-cent amount is an integer. */
const wholeCentsValue = (v: IrValue) => irNumber(v)?.isInteger() ?? true;

/** Every violated amount invariant, as "path: message" (the format of `irInvariants`). */
export function irAmountProblems(doc: IrDocument): string[] {
  const problems: string[] = [];
  const params = new Map(doc.parameters.map((p) => [p.name, p]));
  const tables = new Map(doc.tables.map((t) => [t.name, t]));
  const defs = new Map(doc.definitions.map((d) => [d.key, d]));
  const outcomes = new Map(doc.outcomes.map((o) => [o.name, o]));
  const fieldType = (name: string): FieldType | undefined =>
    Object.hasOwn(contractFields, name)
      ? contractFields[name as keyof typeof contractFields]!.type
      : Object.values(activityKinds).find((k) => Object.hasOwn(k, name))?.[name]?.type;

  const outputType = (e: IrExpr): IrType | undefined => {
    if (e.k === 'table') {
      const t = tables.get(e.name);
      return t?.single ? t.outputs[0]?.type : undefined;
    }
    if (e.k === 'member' && e.of.k === 'table')
      return tables.get(e.of.name)?.outputs.find((o) => o.name === e.field)?.type;
    return undefined;
  };

  const classOf = (e: IrExpr): ValueClass => {
    switch (e.k) {
      case 'const':
        return 'num' in e.v ? 'number' : 'bool' in e.v ? 'yes/no' : 'text' in e.v ? 'text' : 'any';
      case 'field':
        return classOfField(fieldType(e.name));
      case 'attr':
        return e.name === 'soort' || e.name === 'naam' ? 'text' : 'number';
      case 'param': {
        const p = params.get(e.name);
        return p ? classOfType(p.type) : 'any';
      }
      case 'def': {
        const d = defs.get(e.key);
        return d ? classOfType(d.type) : 'any';
      }
      case 'outcome': {
        const o = outcomes.get(e.name);
        return o ? classOfType(o.type) : 'any';
      }
      case 'refdate':
        return 'date';
      case 'table':
      case 'member': {
        const t = outputType(e);
        return t ? classOfType(t) : 'any';
      }
      case 'not':
      case 'cmp':
      case 'and':
      case 'or':
      case 'in':
      case 'known':
        return 'yes/no';
      case 'if': {
        const t = classOf(e.t);
        const f = classOf(e.e);
        return t === f || f === 'any' ? t : t === 'any' ? f : 'any';
      }
      case 'default':
        return classOf(e.x);
      case 'message':
        return classOf(e.x);
      default:
        return 'number';
    }
  };

  // Whole cents, as check/precision.ts proves it on the syntax tree.
  const memo = new Map<string, boolean>();
  const columnWhole = (table: string, column: number): boolean => {
    const t = tables.get(table);
    if (!t || !t.outputs[column] || !isMoney(t.outputs[column]!.type)) return true;
    return t.versions.every((v) => v.rows.every((r) => !r.then[column] || whole(r.then[column]!)));
  };
  const whole = (e: IrExpr): boolean => {
    switch (e.k) {
      case 'const':
        return wholeCentsValue(e.v);
      case 'param': {
        const p = params.get(e.name);
        return !p || !isMoney(p.type) || p.versions.every((v) => wholeCentsValue(v.value));
      }
      case 'def': {
        const known = memo.get(e.key);
        if (known !== undefined) return known;
        memo.set(e.key, true); // a cycle is reported by irInvariants
        const d = defs.get(e.key);
        const result = !d || whole(d.expr);
        memo.set(e.key, result);
        return result;
      }
      case 'table': {
        const t = tables.get(e.name);
        return !t?.single || columnWhole(e.name, 0);
      }
      case 'member': {
        if (e.of.k !== 'table') return false;
        const t = tables.get(e.of.name);
        return columnWhole(e.of.name, t?.outputs.findIndex((o) => o.name === e.field) ?? -1);
      }
      case 'neg':
        return whole(e.x);
      case 'if':
        return whole(e.t) && whole(e.e);
      case 'min':
      case 'max':
        return e.args.every(whole);
      case 'default':
        return whole(e.x) && whole(e.fallback);
      case 'sum':
        return whole(e.body);
      case 'message':
        return whole(e.x);
      case 'round': {
        const q = e.q.k === 'const' ? irNumber(e.q.v) : undefined;
        return q !== undefined && q.sign() > 0 && q.isInteger();
      }
      case 'arith': {
        if (e.op === '+' || e.op === '-') return whole(e.l) && whole(e.r);
        if (e.op !== '*') return false;
        // Money times a whole number stays in cents.
        const integer = (x: IrExpr) => x.k === 'const' && (irNumber(x.v)?.isInteger() ?? false);
        return (integer(e.l) && whole(e.r)) || (integer(e.r) && whole(e.l));
      }
      default:
        return true;
    }
  };

  const amount = (path: string, e: IrExpr) => {
    const c = classOf(e);
    if (c !== 'number' && c !== 'any') problems.push(`${path}: an amount that is a ${c} value`);
    else if (!whole(e)) problems.push(`${path}: an amount that may have a fraction of a cent (no rounding)`);
  };
  doc.valuations.forEach((v, i) => amount(`valuations[${i}].expr`, v.expr));
  doc.outcomes.forEach((o, i) => {
    if (isMoney(o.type)) amount(`outcomes[${i}].expr`, o.expr);
  });
  doc.routes.forEach((r, i) => {
    if (r.cap) amount(`routes[${i}].cap.expr`, r.cap.expr);
  });
  return problems;
}

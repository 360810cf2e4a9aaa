// Explicit rounding: an amount that leaves the ruleset (a valuation, a money outcome, a route
// cap) must be provably whole cents, or the author is asked to round it (SR3005).
import { diagnostic, Rational, type Diagnostic } from '@sroi/core';
import type * as A from '../ast/ast.js';
import type { CallBinding, NameBinding } from '../checked/model.js';
import { constantValue } from './constants.js';

export class PrecisionChecker {
  private readonly memo = new Map<A.Expression, boolean>();
  private readonly inProgress = new Set<A.Expression>();

  constructor(
    private readonly names: ReadonlyMap<A.PathExpression, NameBinding>,
    private readonly calls: ReadonlyMap<A.CallExpression, CallBinding>,
    private readonly types: ReadonlyMap<A.Expression, { kind: string }>,
  ) {}

  /** Reports SR3005 when `e` may have a fraction of a cent (not when its type is already in error). */
  require(e: A.Expression, what: string, out: Diagnostic[]): void {
    if (this.types.get(e)?.kind === 'fout') return;
    if (!this.wholeCents(e)) out.push(diagnostic('SR3005', { what }, { span: e.span }));
  }

  /** Whether every value `e` can take is a whole number of cents. */
  wholeCents(e: A.Expression): boolean {
    const known = this.memo.get(e);
    if (known !== undefined) return known;
    if (this.inProgress.has(e)) return true; // a cycle is reported elsewhere
    this.inProgress.add(e);
    const result = this.compute(e);
    this.inProgress.delete(e);
    this.memo.set(e, result);
    return result;
  }

  private compute(e: A.Expression): boolean {
    switch (e.kind) {
      case 'money':
        return !e.per && e.cents.isInteger();
      case 'unknown':
      case 'error':
        return true;
      case 'parenthesized':
        return this.wholeCents(e.expression);
      case 'message':
        return this.wholeCents(e.value);
      case 'unary':
        return this.wholeCents(e.operand);
      case 'conditional':
        return this.wholeCents(e.then) && this.wholeCents(e.else);
      case 'binary':
        if (e.operator === '+' || e.operator === '-')
          return this.wholeCents(e.left) && this.wholeCents(e.right);
        // Money times a whole number stays in cents.
        if (e.operator === '×') {
          const l = constantValue(e.left);
          const r = constantValue(e.right);
          if (l instanceof Rational && l.isInteger()) return this.wholeCents(e.right);
          if (r instanceof Rational && r.isInteger()) return this.wholeCents(e.left);
        }
        return false;
      case 'rounding': {
        const q = constantValue(e.quantum);
        return q instanceof Rational && q.isInteger() && q.sign() > 0 && e.quantum.kind === 'money';
      }
      case 'aggregate':
        return this.wholeCents(e.body);
      case 'path': {
        const b = this.names.get(e);
        if (!b) return true;
        switch (b.kind) {
          case 'contract-field':
          case 'activity-field':
          case 'activity-attribute':
          case 'route-attribute':
            return true;
          case 'definition':
            return this.wholeCents(b.declaration.value);
          case 'outcome':
            // Money outcomes are each required to be whole cents, and reported where they are not.
            return true;
          case 'parameter':
            return b.declaration.versions.every((v) => this.wholeCents(v.value));
          default:
            return true;
        }
      }
      case 'call': {
        const c = this.calls.get(e);
        if (!c) return true;
        if (c.kind === 'builtin') return c.name === 'bekend' || e.args.every((a) => this.wholeCents(a));
        if (!c.declaration.singleOutput) return true;
        return this.columnWholeCents(c.declaration, 0);
      }
      case 'member': {
        if (e.object.kind !== 'call') return false;
        const c = this.calls.get(e.object);
        if (c?.kind !== 'table') return false;
        const column = c.declaration.outputs.findIndex((o) => o.name.name === e.field.name);
        return column >= 0 && this.columnWholeCents(c.declaration, column);
      }
      default:
        return true;
    }
  }

  private columnWholeCents(table: A.TableDeclaration, output: number): boolean {
    return table.versions.every((v) =>
      v.value.every((row) => {
        const cell = row.cells[table.inputs.length + output];
        return !cell || cell.kind !== 'values' || cell.values.every((x) => this.wholeCents(x));
      }),
    );
  }
}

// Formulas: resolves every name (with "did you mean"), infers every type with its unit, and
// records both in side tables. Enumeration values resolve against the type their context expects.
import {
  activityKinds,
  contractFields,
  diagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type MessageArgs,
  type Span,
} from '@sroi/core';
import { Rational } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { constantValue } from './constants.js';
import type { CallBinding, NameBinding } from '../checked/model.js';
import { definitionKey } from '../checked/model.js';
import { activityFieldNames, contractFieldNames, fieldType, suggestFor, type SymbolTable } from './names.js';
import {
  assignable,
  isError,
  isNumeric,
  isRatio,
  optional,
  required,
  sameShape,
  showType,
  T,
  typeOfReference,
  unify,
  type Type,
} from './types.js';
import { arithmeticType, comparable, isUnitError } from './units.js';

/** Where a formula stands: which activity (if any) and which aggregate it is inside. */
export interface FormulaScope {
  /** For messages: "waardering plaatsing", "definitie drempel". */
  readonly owner: string;
  readonly activityKind?: string;
  readonly aggregate?: 'activiteit' | 'route';
  /** Table cells and parameter values: only literals, parameters and enumeration values. */
  readonly constant?: boolean;
}

type Builtin = 'min' | 'max' | 'standaard' | 'bekend' | 'maanden_tussen';
/** The built-in functions by every spelling (Dutch and English). */
const builtinAliases: Record<string, Builtin> = {
  min: 'min',
  max: 'max',
  standaard: 'standaard',
  default: 'standaard',
  bekend: 'bekend',
  known: 'bekend',
  maanden_tussen: 'maanden_tussen',
  months_between: 'maanden_tussen',
};

/** The property functions: the target does not decrease (stijgend) or increase (dalend) with the field. */
export const monotoneNames: Readonly<Record<string, 'stijgend' | 'dalend'>> = {
  stijgend: 'stijgend',
  increasing: 'stijgend',
  dalend: 'dalend',
  decreasing: 'dalend',
};

/** Short source text of an expression, for messages. */
export type ExcerptOf = (node: A.Node) => string;

export class ExpressionChecker {
  readonly types = new Map<A.Expression, Type>();
  readonly names = new Map<A.PathExpression, NameBinding>();
  readonly calls = new Map<A.CallExpression, CallBinding>();
  readonly declaredTypes = new Map<A.Declaration | A.TableColumn, Type>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly symbols: SymbolTable,
    private readonly excerpt: ExcerptOf,
  ) {}

  report(code: DiagnosticCode, args: MessageArgs, span: Span, suggestions?: readonly string[]): void {
    this.diagnostics.push(diagnostic(code, args, { span }, suggestions ? { suggestions } : {}));
  }

  // ── declared types ────────────────────────────────────────────────────────

  /** The type a type reference denotes, reporting an unknown enumeration name. */
  resolveType(ref: A.TypeReference): Type {
    const t = typeOfReference(ref, this.symbols.enumExists);
    if (t) return t;
    if (ref.kind === 'named') {
      this.report(
        'SR2001',
        { name: `'${ref.name.name}'` },
        ref.name.span,
        suggestFor(ref.name.name, [...this.symbols.enumerations.keys()]),
      );
    }
    return T.fout;
  }

  /** Declared type of a parameter, definition or outcome; of a table: its (first) output. */
  declaredType(d: A.ParameterDeclaration | A.DefinitionDeclaration | A.OutcomeDeclaration): Type {
    const known = this.declaredTypes.get(d);
    if (known) return known;
    const t = this.resolveType(d.type);
    this.declaredTypes.set(d, t);
    return t;
  }

  columnType(c: A.TableColumn): Type {
    const known = this.declaredTypes.get(c);
    if (known) return known;
    const t = this.resolveType(c.type);
    this.declaredTypes.set(c, t);
    return t;
  }

  // ── expressions ───────────────────────────────────────────────────────────

  /** Checks `e` against an expected type and reports a mismatch (SR3002). */
  expect(e: A.Expression, scope: FormulaScope, expected: Type): Type {
    const t = this.check(e, scope, expected);
    if (!assignable(t, expected)) {
      if (t.optional && !expected.optional && sameShape(t, expected))
        this.report('SR3006', { name: this.excerpt(e) }, e.span);
      else this.report('SR3002', { expected: showType(expected), actual: showType(t) }, e.span);
      return T.fout;
    }
    return t;
  }

  /** Infers the type of `e`, recording it; `expected` guides enumeration values and `onbekend`. */
  check(e: A.Expression, scope: FormulaScope, expected?: Type): Type {
    const t = this.infer(e, scope, expected);
    this.types.set(e, t);
    return t;
  }

  /** A value that must be known here: optional is an error (SR3006). */
  private known(e: A.Expression, scope: FormulaScope, expected?: Type): Type {
    const t = this.check(e, scope, expected);
    if (t.optional && !isError(t)) {
      this.report(
        t.kind === 'onbekend' ? 'SR3012' : 'SR3006',
        { name: this.excerpt(e), context: scope.owner },
        e.span,
      );
      return T.fout;
    }
    return t;
  }

  private infer(e: A.Expression, scope: FormulaScope, expected?: Type): Type {
    switch (e.kind) {
      case 'money':
        return e.per ? { kind: 'tarief', per: e.per } : T.bedrag;
      case 'number':
        if (e.unit === 'percent') return T.percentage;
        if (e.unit) return { kind: 'duur', unit: e.unit };
        return T.getal;
      case 'date':
        return T.datum;
      case 'text':
        return T.tekst;
      case 'boolean':
        return T.janee;
      case 'unknown':
        return expected?.optional ? expected : T.onbekend;
      case 'error':
        return T.fout;
      case 'parenthesized':
        return this.check(e.expression, scope, expected);
      case 'path':
        return this.path(e, scope, expected);
      case 'member': {
        const object = this.check(e.object, scope);
        if (isError(object)) return T.fout;
        if (object.kind !== 'rij') {
          this.report(
            'SR2007',
            { record: showType(object), name: `'${e.field.name}'`, allowed: '(geen)' },
            e.field.span,
          );
          return T.fout;
        }
        const table = this.symbols.tables.get(object.table)!;
        const column = table.outputs.find((o) => o.name.name === e.field.name);
        if (!column) {
          const allowed = table.outputs.map((o) => o.name.name);
          this.report(
            'SR2007',
            { record: `tabel ${table.name.name}`, name: `'${e.field.name}'`, allowed: allowed.join(', ') },
            e.field.span,
            suggestFor(e.field.name, allowed),
          );
          return T.fout;
        }
        return this.columnType(column);
      }
      case 'call':
        return this.call(e, scope, expected);
      case 'unary': {
        if (e.operator === 'niet') {
          this.expectCondition(e.operand, scope);
          return T.janee;
        }
        const t = this.known(e.operand, scope);
        if (isError(t)) return T.fout;
        if (!isNumeric(t)) {
          this.report('SR3001', { left: '', op: '-', right: showType(t) }, e.span);
          return T.fout;
        }
        return t;
      }
      case 'binary':
        return this.binary(e, scope);
      case 'conditional': {
        this.expectCondition(e.condition, scope);
        // `als ja dan ...`: one branch can never be taken.
        const fixed = constantValue(e.condition);
        const never = fixed === true ? e.else : e.then;
        if (typeof fixed === 'boolean' && never.kind !== 'error')
          this.diagnostics.push(diagnostic('SR4107', { value: fixed ? 'ja' : 'nee' }, { span: never.span }));
        const then = this.check(e.then, scope, expected);
        const otherwise = this.check(
          e.else,
          scope,
          expected ?? (then.kind === 'onbekend' ? undefined : then),
        );
        const t = unify(then, otherwise);
        if (!t) {
          this.report('SR3004', { then: showType(then), else: showType(otherwise) }, e.else.span);
          return T.fout;
        }
        return t;
      }
      case 'membership': {
        const value = this.known(e.value, scope);
        for (const option of e.options) {
          const o = this.known(option, scope, value);
          if (!comparable(value, o, false))
            this.report('SR3007', { left: showType(value), right: showType(o) }, option.span);
        }
        return T.janee;
      }
      case 'rounding':
        return this.rounding(e, scope, expected);
      case 'aggregate':
        return this.aggregate(e, scope);
      case 'message': {
        const t = this.check(e.value, scope, expected);
        this.template(e.message, scope);
        return t;
      }
    }
  }

  expectCondition(e: A.Expression, scope: FormulaScope): void {
    const t = this.check(e, scope, T.janee);
    if (isError(t)) return;
    if (t.kind !== 'janee') this.report('SR3003', { actual: showType(t) }, e.span);
    else if (t.optional) this.report('SR3006', { name: this.excerpt(e) }, e.span);
  }

  template(t: A.Template, scope: FormulaScope): void {
    for (const part of t.parts) if (typeof part !== 'string') this.check(part, scope);
  }

  // ── names ─────────────────────────────────────────────────────────────────

  private bind(p: A.PathExpression, b: NameBinding): Type {
    this.names.set(p, b);
    return b.type;
  }

  private path(p: A.PathExpression, scope: FormulaScope, expected?: Type): Type {
    const [first, ...rest] = p.fields;
    const tooDeep = (record: string): Type => {
      const extra = first && rest[0] ? rest[0] : first;
      if (extra) this.report('SR2007', { record, name: `'${extra.name}'`, allowed: '(geen)' }, extra.span);
      return T.fout;
    };
    if (p.rootKeyword === 'contract') {
      if (scope.constant) return this.notConstant(p, scope);
      if (!first) {
        this.report('SR2017', { name: "''", allowed: contractFieldNames().join(', ') }, p.span);
        return T.fout;
      }
      const spec = contractFields[first.name];
      if (!spec || !Object.hasOwn(contractFields, first.name)) {
        const allowed = contractFieldNames();
        this.report(
          'SR2017',
          { name: `'${first.name}'`, allowed: allowed.join(', ') },
          first.span,
          suggestFor(first.name, allowed),
        );
        return T.fout;
      }
      if (rest.length > 0) return tooDeep(`contract.${first.name}`);
      return this.bind(p, {
        kind: 'contract-field',
        field: first.name,
        type: fieldType(spec, this.symbols.enumExists),
      });
    }
    if (p.rootKeyword === 'activiteit') {
      if (scope.aggregate === 'activiteit') {
        const attribute = first?.name;
        if (attribute === 'waardering' || attribute === 'soort') {
          if (rest.length > 0) return tooDeep(`activiteit.${attribute}`);
          return this.bind(p, {
            kind: 'activity-attribute',
            attribute,
            type: attribute === 'waardering' ? T.bedrag : T.tekst,
          });
        }
        this.report(
          'SR2007',
          { record: 'activiteit (in som)', name: `'${first?.name ?? ''}'`, allowed: 'waardering, soort' },
          first?.span ?? p.span,
        );
        return T.fout;
      }
      if (!scope.activityKind) {
        this.report('SR2014', { name: `'${p.root.name}'` }, p.root.span);
        return T.fout;
      }
      const fields = activityKinds[scope.activityKind];
      const allowed = activityFieldNames(scope.activityKind);
      if (!first || !fields || !Object.hasOwn(fields, first.name)) {
        this.report(
          'SR2007',
          {
            record: `Activiteit ${scope.activityKind}`,
            name: `'${first?.name ?? ''}'`,
            allowed: allowed.join(', '),
          },
          first?.span ?? p.span,
          first ? suggestFor(first.name, allowed) : [],
        );
        return T.fout;
      }
      if (rest.length > 0) return tooDeep(`activiteit.${first.name}`);
      return this.bind(p, {
        kind: 'activity-field',
        activityKind: scope.activityKind,
        field: first.name,
        type: fieldType(fields[first.name]!, this.symbols.enumExists),
      });
    }
    if (p.rootKeyword === 'route') {
      if (scope.aggregate !== 'route') {
        this.report('SR2014', { name: `'${p.root.name}'` }, p.root.span);
        return T.fout;
      }
      const attribute = first?.name;
      if (attribute === 'gerealiseerd' || attribute === 'totaal' || attribute === 'naam') {
        if (rest.length > 0) return tooDeep(`route.${attribute}`);
        return this.bind(p, {
          kind: 'route-attribute',
          attribute,
          type: attribute === 'naam' ? T.tekst : T.bedrag,
        });
      }
      this.report(
        'SR2007',
        { record: 'route', name: `'${attribute ?? ''}'`, allowed: 'gerealiseerd, totaal, naam' },
        first?.span ?? p.span,
      );
      return T.fout;
    }
    const t = this.bareName(p, scope, expected);
    if (p.fields.length > 0 && !isError(t)) {
      this.report(
        'SR2007',
        { record: `'${p.root.name}'`, name: `'${p.fields[0]!.name}'`, allowed: '(geen)' },
        p.fields[0]!.span,
      );
      return T.fout;
    }
    return t;
  }

  private notConstant(p: A.PathExpression, scope: FormulaScope): Type {
    this.report('SR3020', { name: this.excerpt(p), context: scope.owner }, p.span);
    return T.fout;
  }

  private bareName(p: A.PathExpression, scope: FormulaScope, expected?: Type): Type {
    const name = p.root.name;
    const s = this.symbols;
    // An expected enumeration decides first: `= onbepaald` means the contractvorm value.
    if (
      expected?.kind === 'opsomming' &&
      s.enumerations.get(expected.name)?.values.some((v) => v.name === name)
    )
      return this.bind(p, {
        kind: 'enum-value',
        enumeration: expected.name,
        value: name,
        type: required(expected),
      });
    if (!scope.constant) {
      const local = scope.activityKind ? s.definitions.get(`${scope.activityKind}.${name}`) : undefined;
      const definition = local ?? s.definitions.get(name);
      if (definition)
        return this.bind(p, {
          kind: 'definition',
          key: definitionKey(definition),
          declaration: definition,
          type: this.declaredType(definition),
        });
      const outcome = s.outcomes.get(name);
      if (outcome)
        return this.bind(p, { kind: 'outcome', declaration: outcome, type: this.declaredType(outcome) });
      if (name === 'peildatum' || name === 'reference-date')
        return this.bind(p, { kind: 'reference-date', type: T.datum });
    }
    const parameter = s.parameters.get(name);
    if (parameter)
      return this.bind(p, { kind: 'parameter', declaration: parameter, type: this.declaredType(parameter) });
    const enums = s.enumValues.get(name);
    if (enums && enums.length === 1)
      return this.bind(p, {
        kind: 'enum-value',
        enumeration: enums[0]!,
        value: name,
        type: { kind: 'opsomming', name: enums[0]! },
      });
    if (enums && enums.length > 1) {
      this.report('SR2021', { value: `'${name}'`, enums: enums.join(', ') }, p.span);
      return T.fout;
    }
    const table = s.tables.get(name);
    if (table) {
      this.report('SR2019', { name: `'${name}'`, kind: 'tabel', expected: 'waarde' }, p.span, [
        `${name}(...)`,
      ]);
      return T.fout;
    }
    if (scope.constant && (s.definitions.has(name) || s.outcomes.has(name)))
      return this.notConstant(p, scope);
    // A soort-scoped definition used elsewhere: say where it lives.
    const elsewhere = [...s.definitions.values()].find((d) => d.name.name === name && d.scope);
    if (elsewhere) {
      this.report('SR2014', { name: `'${name}' (bij ${elsewhere.scope!.name})` }, p.span);
      return T.fout;
    }
    this.report(
      'SR2001',
      { name: `'${name}'` },
      p.span,
      suggestFor(name, s.visibleNames(scope.activityKind)),
    );
    return T.fout;
  }

  // ── calls ─────────────────────────────────────────────────────────────────

  private call(e: A.CallExpression, scope: FormulaScope, expected?: Type): Type {
    const name = e.callee.name;
    const table = this.symbols.tables.get(name);
    if (table) {
      this.calls.set(e, { kind: 'table', declaration: table });
      if (e.args.length !== table.inputs.length) {
        this.report(
          'SR2013',
          { name: `'${name}'`, expected: table.inputs.length, actual: e.args.length },
          e.span,
        );
      }
      e.args.forEach((arg, i) => {
        const column = table.inputs[i];
        if (column) this.expect(arg, scope, required(this.columnType(column)));
        else this.check(arg, scope);
      });
      if (table.singleOutput) return table.outputs[0] ? this.columnType(table.outputs[0]) : T.fout;
      return { kind: 'rij', table: name };
    }
    if (Object.hasOwn(monotoneNames, name)) {
      for (const arg of e.args) this.check(arg, scope);
      this.report('SR3021', { name }, e.callee.span);
      return T.fout;
    }
    const builtin = builtinAliases[name];
    if (!builtin || !Object.hasOwn(builtinAliases, name)) {
      for (const arg of e.args) this.check(arg, scope);
      const candidates = [...this.symbols.tables.keys(), ...Object.keys(builtinAliases)];
      this.report('SR2001', { name: `'${name}'` }, e.callee.span, suggestFor(name, candidates));
      return T.fout;
    }
    this.calls.set(e, { kind: 'builtin', name: builtin });
    const arity = (n: number, max = n) => {
      if (e.args.length < n || e.args.length > max) {
        this.report(
          'SR2013',
          { name: `'${name}'`, expected: max === n ? n : `${n} of meer`, actual: e.args.length },
          e.span,
        );
        return false;
      }
      return true;
    };
    switch (builtin) {
      case 'min':
      case 'max': {
        if (!arity(2, Number.MAX_SAFE_INTEGER)) {
          e.args.forEach((a) => this.check(a, scope));
          return T.fout;
        }
        let acc: Type | undefined;
        for (const arg of e.args) {
          const t = this.known(arg, scope, acc ?? expected);
          if (isError(t)) continue;
          if (!isNumeric(t) && t.kind !== 'datum') {
            this.report(
              'SR3002',
              { expected: 'een bedrag, getal, percentage, duur of datum', actual: showType(t) },
              arg.span,
            );
            continue;
          }
          if (acc && !comparable(acc, t, true)) {
            this.report('SR3007', { left: showType(acc), right: showType(t) }, arg.span);
            continue;
          }
          acc = acc ? (unify(acc, t) ?? acc) : t;
        }
        return acc ?? T.fout;
      }
      case 'standaard': {
        if (!arity(2)) {
          e.args.forEach((a) => this.check(a, scope));
          return T.fout;
        }
        const value = this.check(e.args[0]!, scope, expected ? optional(expected) : undefined);
        const fallback = this.known(e.args[1]!, scope, required(value));
        if (isError(value) || isError(fallback)) return T.fout;
        const t = unify(required(value), fallback);
        if (!t) {
          this.report(
            'SR3002',
            { expected: showType(required(value)), actual: showType(fallback) },
            e.args[1]!.span,
          );
          return T.fout;
        }
        return required(t);
      }
      case 'bekend':
        if (!arity(1)) {
          e.args.forEach((a) => this.check(a, scope));
          return T.janee;
        }
        this.check(e.args[0]!, scope);
        return T.janee;
      case 'maanden_tussen': {
        // Dates that may be unknown are allowed: the months are then unknown too, so that
        // `maanden_tussen(contract.startdatum, contract.einddatum)` needs no `bekend` first.
        if (!arity(2)) {
          e.args.forEach((a) => this.check(a, scope));
          return T.fout;
        }
        let unknown = false;
        let failed = false;
        for (const arg of e.args) {
          const t = this.check(arg, scope, optional(T.datum));
          if (isError(t)) failed = true;
          else if (t.kind !== 'datum') {
            this.report('SR3002', { expected: showType(T.datum), actual: showType(t) }, arg.span);
            failed = true;
          } else if (t.optional) unknown = true;
        }
        if (failed) return T.fout;
        return unknown ? optional(T.maanden) : T.maanden;
      }
    }
  }

  // ── operators ─────────────────────────────────────────────────────────────

  private binary(e: A.BinaryExpression, scope: FormulaScope): Type {
    switch (e.operator) {
      case 'en':
      case 'of':
        this.expectCondition(e.left, scope);
        this.expectCondition(e.right, scope);
        return T.janee;
      case '=':
      case '≠':
      case '<':
      case '≤':
      case '>':
      case '≥': {
        const left = this.known(e.left, scope);
        const right = this.known(e.right, scope, left);
        const ordering = e.operator !== '=' && e.operator !== '≠';
        if (!comparable(left, right, ordering)) {
          this.report('SR3007', { left: showType(left), right: showType(right) }, e.operatorSpan);
        }
        return T.janee;
      }
      default: {
        const left = this.known(e.left, scope);
        const right = this.known(e.right, scope);
        const result = arithmeticType(e.operator, left, right);
        if (isUnitError(result)) {
          this.report(
            result.code,
            { left: showType(left), op: e.operator, right: showType(right) },
            e.operatorSpan,
          );
          return T.fout;
        }
        return result;
      }
    }
  }

  private rounding(e: A.RoundingExpression, scope: FormulaScope, expected?: Type): Type {
    const value = this.known(e.value, scope, expected);
    const quantum = this.known(e.quantum, scope);
    if (isError(value) || isError(quantum)) return T.fout;
    if (!isNumeric(value) || !sameShape(value, quantum)) {
      this.report('SR3008', { quantum: this.excerpt(e.quantum), actual: showType(value) }, e.quantum.span);
      return T.fout;
    }
    const q = constantValue(e.quantum, this.names);
    if (q instanceof Rational && q.sign() <= 0) {
      this.report('SR3009', {}, e.quantum.span);
      return T.fout;
    }
    // Rounding a ratio to 0,01% shows it as a percentage.
    return isRatio(value) && quantum.kind === 'percentage' ? T.percentage : value;
  }

  private aggregate(e: A.AggregateExpression, scope: FormulaScope): Type {
    if (scope.activityKind || scope.aggregate || scope.constant) {
      this.report('SR2014', { name: "'som'" }, e.span);
      return T.fout;
    }
    const inner: FormulaScope = { ...scope, aggregate: e.over };
    const body = this.known(e.body, inner);
    if (e.filter) this.expectCondition(e.filter, inner);
    if (isError(body)) return T.fout;
    if (!isNumeric(body)) {
      this.report('SR3002', { expected: 'een bedrag, getal of duur', actual: showType(body) }, e.body.span);
      return T.fout;
    }
    return body;
  }
}

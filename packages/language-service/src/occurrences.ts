// Every name written in one document, with the symbol it denotes: read off the document's AST
// and the bindings of its checked model (the compiler resolved every formula name already). The
// base of definition, references, rename, semantic tokens and hover.
import type { Ast, CheckedModel } from '@sroi/compiler';
import { activityKinds, contractFields, type FieldSpec } from '@sroi/core';
import type { TextRange } from './types.js';

/**
 * What a name denotes. Declared symbols share the identity a variant overrides by (a parameter
 * and a table share one namespace, `waarde`), so a base's declaration and its override are one
 * symbol; the others come from the vocabulary or the language.
 */
export type SymbolRef =
  | { readonly kind: 'enumeration'; readonly name: string }
  | { readonly kind: 'enum-value'; readonly enumeration: string; readonly name: string }
  /** A parameter, a table or a contract-level definition (one namespace). */
  | { readonly kind: 'value'; readonly name: string; readonly declared: 'parameter' | 'table' | 'definition' }
  | { readonly kind: 'scoped-definition'; readonly activityKind: string; readonly name: string }
  | { readonly kind: 'outcome'; readonly name: string }
  | { readonly kind: 'route'; readonly name: string }
  | { readonly kind: 'column'; readonly table: string; readonly name: string }
  | { readonly kind: 'activity-kind'; readonly name: string }
  | { readonly kind: 'contract-field'; readonly name: string }
  | { readonly kind: 'activity-field'; readonly activityKind: string; readonly name: string }
  | { readonly kind: 'attribute'; readonly of: 'activiteit' | 'route'; readonly name: string }
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'reference-date'; readonly name: string }
  /** A document the ruleset quotes (`document beleid "..."`, `bron beleid "..."`). */
  | { readonly kind: 'document'; readonly name: string };

/** A stable identity of a symbol, equal for a base's declaration and a variant's override. */
export function symbolId(s: SymbolRef): string {
  switch (s.kind) {
    case 'enum-value':
      return `enum-value:${s.enumeration}.${s.name}`;
    case 'value':
      return `value:${s.name}`;
    case 'scoped-definition':
      return `scoped-definition:${s.activityKind}.${s.name}`;
    case 'column':
      return `column:${s.table}.${s.name}`;
    case 'activity-field':
      return `activity-field:${s.activityKind}.${s.name}`;
    case 'attribute':
      return `attribute:${s.of}.${s.name}`;
    case 'reference-date':
      return 'reference-date';
    default:
      return `${s.kind}:${s.name}`;
  }
}

/** One written name. */
export interface Occurrence {
  readonly range: TextRange;
  readonly symbol: SymbolRef;
  readonly id: string;
  /** The name in its declaration (not a use). */
  readonly declaration: boolean;
}

/** The enumeration a vocabulary field holds, if any. */
const enumerationOf = (spec: FieldSpec | undefined): string | undefined =>
  spec?.type.kind === 'enum' ? spec.type.enumeration : undefined;

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** The names written in `ast` (one file), resolved with `model` (the file's compilation). */
export function collectOccurrences(ast: Ast.Ruleset, model: CheckedModel | undefined): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (node: Ast.Node, symbol: SymbolRef, declaration = false): void => {
    out.push({
      range: { start: node.span.start, end: node.span.end },
      symbol,
      id: symbolId(symbol),
      declaration,
    });
  };
  const isEnumeration = (name: string) => model?.enumerations.has(name) ?? false;

  const type = (t: Ast.TypeReference): void => {
    if (t.kind === 'named' && isEnumeration(t.name.name))
      add(t.name, { kind: 'enumeration', name: t.name.name });
  };

  const expression = (e: Ast.Expression, activityKind: string | undefined): void => {
    switch (e.kind) {
      case 'path':
        return path(e);
      case 'member': {
        expression(e.object, activityKind);
        const object = e.object.kind === 'parenthesized' ? e.object.expression : e.object;
        const binding = object.kind === 'call' ? model?.calls.get(object) : undefined;
        if (
          binding?.kind === 'table' &&
          binding.declaration.outputs.some((c) => c.name.name === e.field.name)
        )
          add(e.field, { kind: 'column', table: binding.declaration.name.name, name: e.field.name });
        return;
      }
      case 'call': {
        const binding = model?.calls.get(e);
        if (binding?.kind === 'table')
          add(e.callee, { kind: 'value', name: e.callee.name, declared: 'table' });
        else if (binding?.kind === 'builtin') add(e.callee, { kind: 'function', name: e.callee.name });
        else if (monotoneFunctions.includes(e.callee.name))
          add(e.callee, { kind: 'function', name: e.callee.name });
        for (const a of e.args) expression(a, activityKind);
        return;
      }
      case 'unary':
        return expression(e.operand, activityKind);
      case 'binary':
        expression(e.left, activityKind);
        return expression(e.right, activityKind);
      case 'conditional':
        expression(e.condition, activityKind);
        expression(e.then, activityKind);
        return expression(e.else, activityKind);
      case 'membership':
        expression(e.value, activityKind);
        for (const o of e.options) expression(o, activityKind);
        return;
      case 'rounding':
        expression(e.value, activityKind);
        return expression(e.quantum, activityKind);
      case 'aggregate':
        expression(e.body, activityKind);
        if (e.filter) expression(e.filter, activityKind);
        return;
      case 'message':
        expression(e.value, activityKind);
        return template(e.message, activityKind);
      case 'parenthesized':
        return expression(e.expression, activityKind);
      default:
        return;
    }
  };

  const path = (p: Ast.PathExpression): void => {
    const b = model?.names.get(p);
    const field = p.fields[0];
    if (!b) {
      // A monotone property names an outcome and a field without a binding: `stijgend(boete, ...)`.
      if (!p.rootKeyword && p.fields.length === 0 && model?.outcomes.has(p.root.name))
        add(p.root, { kind: 'outcome', name: p.root.name });
      return;
    }
    switch (b.kind) {
      case 'parameter':
        return add(p.root, { kind: 'value', name: b.declaration.name.name, declared: 'parameter' });
      case 'definition':
        return add(
          p.root,
          b.declaration.scope
            ? {
                kind: 'scoped-definition',
                activityKind: b.declaration.scope.name,
                name: b.declaration.name.name,
              }
            : { kind: 'value', name: b.declaration.name.name, declared: 'definition' },
        );
      case 'outcome':
        return add(p.root, { kind: 'outcome', name: b.declaration.name.name });
      case 'enum-value':
        return add(p.root, { kind: 'enum-value', enumeration: b.enumeration, name: b.value });
      case 'reference-date':
        return add(p.root, { kind: 'reference-date', name: p.root.name });
      case 'contract-field':
        if (field) add(field, { kind: 'contract-field', name: b.field });
        return;
      case 'activity-field':
        if (field) add(field, { kind: 'activity-field', activityKind: b.activityKind, name: b.field });
        return;
      case 'activity-attribute':
        if (field) add(field, { kind: 'attribute', of: 'activiteit', name: b.attribute });
        return;
      case 'route-attribute':
        if (field) add(field, { kind: 'attribute', of: 'route', name: b.attribute });
        return;
    }
  };

  const template = (t: Ast.Template, activityKind: string | undefined): void => {
    for (const part of t.parts) if (typeof part !== 'string') expression(part, activityKind);
  };

  const activityKind = (id: Ast.Identifier): void => {
    if (own(activityKinds, id.name)) add(id, { kind: 'activity-kind', name: id.name });
  };

  /** A bare word in an example: an enumeration value of the field it fills. */
  const exampleValue = (v: Ast.ExampleValue, enumeration: string | undefined): void => {
    if (v.kind !== 'word' || !enumeration) return;
    if (model?.enumerations.get(enumeration)?.values.some((x) => x.name === v.value))
      add(v, { kind: 'enum-value', enumeration, name: v.value });
  };

  const header = ast.header;
  if (header.referenceDate) path(header.referenceDate);
  for (const d of header.documents) add(d.name, { kind: 'document', name: d.name.name }, true);
  // The citations of this file that name a document (the checker collected them).
  for (const c of model?.citations ?? [])
    if (c.provenance.document && c.provenance.span.file === ast.file)
      add(c.provenance.document, { kind: 'document', name: c.provenance.document.name });

  for (const d of ast.declarations) {
    switch (d.kind) {
      case 'enumeration':
        add(d.name, { kind: 'enumeration', name: d.name.name }, true);
        for (const v of d.values)
          add(v, { kind: 'enum-value', enumeration: d.name.name, name: v.name }, true);
        break;
      case 'parameter':
        add(d.name, { kind: 'value', name: d.name.name, declared: 'parameter' }, true);
        type(d.type);
        for (const v of d.versions) expression(v.value, undefined);
        break;
      case 'table': {
        add(d.name, { kind: 'value', name: d.name.name, declared: 'table' }, true);
        const columns = [...d.inputs, ...(d.singleOutput ? [] : d.outputs)];
        for (const c of columns) add(c.name, { kind: 'column', table: d.name.name, name: c.name.name }, true);
        for (const c of [...d.inputs, ...d.outputs]) type(c.type);
        for (const v of d.versions)
          for (const row of v.value)
            for (const cell of row.cells) {
              if (cell.kind === 'compare') for (const b of cell.bounds) expression(b.value, undefined);
              else if (cell.kind === 'values') for (const x of cell.values) expression(x, undefined);
            }
        break;
      }
      case 'definition':
        add(
          d.name,
          d.scope
            ? { kind: 'scoped-definition', activityKind: d.scope.name, name: d.name.name }
            : { kind: 'value', name: d.name.name, declared: 'definition' },
          true,
        );
        if (d.scope) activityKind(d.scope);
        type(d.type);
        expression(d.value, d.scope?.name);
        break;
      case 'valuation':
        activityKind(d.activityKind);
        expression(d.value, d.activityKind.name);
        for (const r of d.requirements) {
          expression(r.condition, d.activityKind.name);
          template(r.message, d.activityKind.name);
        }
        if (d.within) expression(d.within.duration, d.activityKind.name);
        break;
      case 'route':
        add(d.name, { kind: 'route', name: d.name.name }, true);
        for (const k of d.activityKinds) activityKind(k);
        if (d.cap) expression(d.cap.value, undefined);
        break;
      case 'outcome':
        add(d.name, { kind: 'outcome', name: d.name.name }, true);
        type(d.type);
        expression(d.value, undefined);
        break;
      case 'example':
        for (const f of d.contract) {
          const spec = own(contractFields, f.field.name);
          if (spec) add(f.field, { kind: 'contract-field', name: f.field.name });
          exampleValue(f.value, enumerationOf(spec));
        }
        for (const a of d.activities) {
          activityKind(a.activityKind);
          const fields = own(activityKinds, a.activityKind.name);
          for (const f of a.fields) {
            const spec = fields && own(fields, f.field.name);
            if (spec)
              add(f.field, { kind: 'activity-field', activityKind: a.activityKind.name, name: f.field.name });
            exampleValue(f.value, enumerationOf(spec));
          }
        }
        for (const x of d.expectations)
          if (x.kind === 'outcome' && model?.outcomes.has(x.outcome.name))
            add(x.outcome, { kind: 'outcome', name: x.outcome.name });
        break;
      case 'property':
        expression(d.value, undefined);
        break;
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The functions of `eigenschap` (`stijgend(doel, veld)`), in both languages. */
export const monotoneFunctions: readonly string[] = ['stijgend', 'dalend', 'increasing', 'decreasing'];

/** The occurrence whose range holds `offset` (its end included: a cursor right after a word is on it). */
export function occurrenceAt(occurrences: readonly Occurrence[], offset: number): Occurrence | undefined {
  // The last occurrence starting at or before the offset (they do not overlap).
  let lo = 0;
  let hi = occurrences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (occurrences[mid]!.range.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const o = occurrences[lo];
  return o && o.range.start <= offset && offset <= o.range.end ? o : undefined;
}

// Names: the symbol tables of a merged ruleset and the vocabulary's record types, with
// "did you mean" suggestions drawn from every name visible at the point of use.
import { activityKinds, contractFields, suggestNames, type FieldSpec, type FieldType } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { definitionKey } from '../checked/model.js';
import { optional, T, type Type } from './types.js';

/** The type a vocabulary field has in formulas. */
export function fieldType(spec: FieldSpec, enumExists: (name: string) => boolean): Type {
  const t = ((): Type => {
    const ft: FieldType = spec.type;
    switch (ft.kind) {
      case 'money':
        return T.bedrag;
      case 'number':
        return T.getal;
      case 'percentage':
        return T.percentage;
      case 'date':
        return T.datum;
      case 'duration':
        return ft.unit === 'uren' ? T.uren : T.maanden;
      case 'text':
        return T.tekst;
      case 'boolean':
        return T.janee;
      case 'enum':
        return enumExists(ft.enumeration) ? { kind: 'opsomming', name: ft.enumeration } : T.fout;
    }
  })();
  return spec.presence === 'optional' ? optional(t) : t;
}

/** The declarations of a merged ruleset, indexed by name. */
export class SymbolTable {
  readonly enumerations = new Map<string, A.EnumerationDeclaration>();
  readonly parameters = new Map<string, A.ParameterDeclaration>();
  readonly tables = new Map<string, A.TableDeclaration>();
  /** Contract-level definitions by name; activity-level ones by `soort.naam`. */
  readonly definitions = new Map<string, A.DefinitionDeclaration>();
  readonly valuations = new Map<string, A.ValuationDeclaration>();
  readonly routes: A.RouteDeclaration[] = [];
  readonly outcomes = new Map<string, A.OutcomeDeclaration>();
  readonly examples: A.ExampleDeclaration[] = [];
  readonly properties: A.PropertyDeclaration[] = [];
  /** Enumeration values: value → enumerations that contain it. */
  readonly enumValues = new Map<string, string[]>();

  constructor(declarations: readonly A.Declaration[]) {
    for (const d of declarations) {
      switch (d.kind) {
        case 'enumeration':
          this.enumerations.set(d.name.name, d);
          for (const v of d.values) {
            const list = this.enumValues.get(v.name) ?? [];
            if (!list.includes(d.name.name)) list.push(d.name.name);
            this.enumValues.set(v.name, list);
          }
          break;
        case 'parameter':
          this.parameters.set(d.name.name, d);
          break;
        case 'table':
          this.tables.set(d.name.name, d);
          break;
        case 'definition':
          this.definitions.set(definitionKey(d), d);
          break;
        case 'valuation':
          this.valuations.set(d.activityKind.name, d);
          break;
        case 'route':
          this.routes.push(d);
          break;
        case 'outcome':
          this.outcomes.set(d.name.name, d);
          break;
        case 'example':
          this.examples.push(d);
          break;
        case 'property':
          this.properties.push(d);
          break;
      }
    }
  }

  enumExists = (name: string): boolean => this.enumerations.has(name);

  /** Names a formula in the given activity scope could mean (for suggestions). */
  visibleNames(activityKind: string | undefined): string[] {
    const names = [
      ...this.parameters.keys(),
      ...this.outcomes.keys(),
      ...this.enumValues.keys(),
      'peildatum',
    ];
    for (const d of this.definitions.values())
      if (!d.scope || d.scope.name === activityKind) names.push(d.name.name);
    return names;
  }
}

/** "Did you mean": close names, and `a - b` when a hyphenated name is two known names. */
export function suggestFor(name: string, candidates: readonly string[]): string[] {
  const close = suggestNames(name, candidates);
  if (name.includes('-')) {
    const parts = name.split('-');
    for (let i = 1; i < parts.length; i++) {
      const left = parts.slice(0, i).join('-');
      const right = parts.slice(i).join('-');
      if (candidates.includes(left) && candidates.includes(right)) close.unshift(`${left} - ${right}`);
    }
  }
  return close.slice(0, 3);
}

export const contractFieldNames = (): string[] => [...Object.keys(contractFields)];
export const activityFieldNames = (kind: string): string[] => Object.keys(activityKinds[kind] ?? {});

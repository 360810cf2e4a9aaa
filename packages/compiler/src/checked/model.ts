// The checked model: the merged declarations plus what the checker learned about them, kept in
// side tables keyed by AST node (the AST itself stays an immutable value). Types only.
import type { SourceFile } from '@sroi/core';
import type * as A from '../ast/ast.js';
import type { MergedRuleset } from '../resolve/merge.js';
import type { Type } from '../check/types.js';
import type { Citation } from '../check/citations.js';

/** What a name in a formula refers to. */
export type NameBinding =
  | { readonly kind: 'contract-field'; readonly field: string; readonly type: Type }
  | {
      readonly kind: 'activity-field';
      readonly activityKind: string;
      readonly field: string;
      readonly type: Type;
    }
  /** `activiteit.waardering` / `activiteit.soort` inside `som(... voor elke activiteit)`. */
  | { readonly kind: 'activity-attribute'; readonly attribute: 'waardering' | 'soort'; readonly type: Type }
  /** `route.gerealiseerd` etc. inside `som(... voor elke route)`. */
  | {
      readonly kind: 'route-attribute';
      readonly attribute: 'gerealiseerd' | 'totaal' | 'naam';
      readonly type: Type;
    }
  | {
      readonly kind: 'definition';
      readonly key: string;
      readonly declaration: A.DefinitionDeclaration;
      readonly type: Type;
    }
  | { readonly kind: 'parameter'; readonly declaration: A.ParameterDeclaration; readonly type: Type }
  | { readonly kind: 'outcome'; readonly declaration: A.OutcomeDeclaration; readonly type: Type }
  | { readonly kind: 'enum-value'; readonly enumeration: string; readonly value: string; readonly type: Type }
  | { readonly kind: 'reference-date'; readonly type: Type };

/** What a call refers to. */
export type CallBinding =
  | { readonly kind: 'table'; readonly declaration: A.TableDeclaration }
  | {
      readonly kind: 'builtin';
      readonly name: 'min' | 'max' | 'standaard' | 'bekend' | 'maanden_tussen';
    };

/** A table input cell as a condition on its column. */
export type CellCondition =
  | { readonly kind: 'any' }
  | { readonly kind: 'values'; readonly values: readonly A.Expression[] }
  | {
      readonly kind: 'compare';
      readonly bounds: readonly { operator: A.ComparisonOperator; value: A.Expression }[];
    };

/** The key of a definition: its name, or `soort.naam` for one `bij` an activity kind. */
export const definitionKey = (d: A.DefinitionDeclaration): string =>
  d.scope ? `${d.scope.name}.${d.name.name}` : d.name.name;

/** `eigenschap "...": stijgend(doel, veld)`: the target moves with a numeric input field. */
export interface MonotoneProperty {
  readonly direction: 'stijgend' | 'dalend';
  readonly target: { readonly outcome: string } | { readonly valuation: true };
  readonly field: { readonly scope: 'contract' | 'activity'; readonly kind?: string; readonly name: string };
}

/** Everything the later stages (lowering, formatting, analysis) need to know. */
export interface CheckedModel {
  readonly merged: MergedRuleset;
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly referenceDateField: string;
  readonly periods: readonly A.Period[];
  readonly enumerations: ReadonlyMap<string, A.EnumerationDeclaration>;
  readonly parameters: ReadonlyMap<string, A.ParameterDeclaration>;
  readonly tables: ReadonlyMap<string, A.TableDeclaration>;
  readonly definitions: ReadonlyMap<string, A.DefinitionDeclaration>;
  readonly valuations: ReadonlyMap<string, A.ValuationDeclaration>;
  readonly routes: readonly A.RouteDeclaration[];
  readonly outcomes: ReadonlyMap<string, A.OutcomeDeclaration>;
  readonly examples: readonly A.ExampleDeclaration[];
  readonly properties: readonly A.PropertyDeclaration[];
  /** Declared types of named values (parameters, tables' outputs, definitions, outcomes). */
  readonly declaredTypes: ReadonlyMap<A.Declaration | A.TableColumn, Type>;
  /** The type of every checked expression. */
  readonly types: ReadonlyMap<A.Expression, Type>;
  readonly names: ReadonlyMap<A.PathExpression, NameBinding>;
  readonly calls: ReadonlyMap<A.CallExpression, CallBinding>;
  /** Definitions in an order where each comes after everything it uses. */
  readonly definitionOrder: readonly string[];
  /** Outcomes in dependency order. */
  readonly outcomeOrder: readonly string[];
  /** Properties that state monotonicity (the others are conditions). */
  readonly monotone: ReadonlyMap<A.PropertyDeclaration, MonotoneProperty>;
  /** The documents the ruleset (with its bases) declares, by name. */
  readonly documents: ReadonlyMap<string, A.SourceDocument>;
  /** The root file's `bron` and `aanname` texts that name a document or quote one. */
  readonly citations: readonly Citation[];
}

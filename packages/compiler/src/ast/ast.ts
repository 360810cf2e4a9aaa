// The syntax tree: what the author wrote, as immutable values with spans. Types only.
// Checker results never live here; they go in side tables keyed by node (STYLE 6).
import type { Rational, Span } from '@sroi/core';

export interface Node {
  readonly span: Span;
}

export interface Identifier extends Node {
  readonly name: string;
}

export interface Text extends Node {
  readonly value: string;
}

/** `bron "..."` (a public source) or `aanname "..."` (a provisional value). */
export interface Provenance extends Node {
  readonly kind: 'bron' | 'aanname';
  readonly text: string;
  /** The declared document the text cites: `bron beleid "... '...'"`. */
  readonly document?: Identifier;
  /** The quotations in the text (`'...'`), each to be found verbatim in the document. */
  readonly quotes: readonly Quote[];
  /** An opening quotation mark that is never closed (reported as SR2303). */
  readonly unclosedQuote?: Node;
}

/** A quotation inside a `bron` or `aanname` text; its span is what lies between the quotation marks. */
export interface Quote extends Node {
  readonly text: string;
}

/** `document beleid "Titel" bestand "beleid.txt" vindplaats "https://..."`: a document the ruleset cites. */
export interface SourceDocument extends Node {
  readonly name: Identifier;
  readonly title: Text;
  /** File names to look for in the directory given to `sroi check --bronnen`. */
  readonly files: readonly Text[];
  /** Where a reader finds the document (a URL, a publication reference). */
  readonly locations: readonly Text[];
}

export interface DateLiteralNode extends Node {
  /** Days since 1970-01-01; NaN when the written date does not exist (reported as SR1009). */
  readonly day: number;
  readonly text: string;
}

export interface Ruleset extends Node {
  readonly file: string;
  readonly header: Header;
  readonly declarations: readonly Declaration[];
}

export interface Header extends Node {
  readonly name: Text;
  readonly version?: Text;
  readonly region?: Text;
  readonly municipality?: Text;
  readonly provenance: readonly Provenance[];
  readonly documents: readonly SourceDocument[];
  readonly extends?: Text;
  readonly referenceDate?: PathExpression;
  readonly periods: readonly Period[];
}

/** A policy period; both ends inclusive. */
export interface Period extends Node {
  readonly name: Text;
  readonly from: DateLiteralNode;
  readonly to: DateLiteralNode;
  readonly provenance: readonly Provenance[];
}

export type TimeUnit = 'jaar' | 'maand' | 'week' | 'dag' | 'uur';

export type TypeReference = Node & {
  readonly optional: boolean;
} & (
    | { readonly kind: 'bedrag'; readonly per?: TimeUnit }
    | { readonly kind: 'duur'; readonly unit?: TimeUnit }
    | { readonly kind: 'getal' | 'percentage' | 'datum' | 'tekst' | 'janee' }
    | { readonly kind: 'named'; readonly name: Identifier }
  );

export type Declaration =
  | EnumerationDeclaration
  | ParameterDeclaration
  | TableDeclaration
  | DefinitionDeclaration
  | ValuationDeclaration
  | RouteDeclaration
  | OutcomeDeclaration
  | ExampleDeclaration
  | PropertyDeclaration;

export interface EnumerationDeclaration extends Node {
  readonly kind: 'enumeration';
  readonly name: Identifier;
  readonly values: readonly Identifier[];
  readonly provenance: readonly Provenance[];
}

/** A value that holds from a date on; `from` is absent for a constant. */
export interface Versioned<T> extends Node {
  readonly from?: DateLiteralNode;
  readonly value: T;
  readonly provenance: readonly Provenance[];
}

export interface ParameterDeclaration extends Node {
  readonly kind: 'parameter';
  readonly name: Identifier;
  readonly type: TypeReference;
  /** `tussen low en high`: the values it may take, both included. */
  readonly range?: ParameterRange;
  readonly versions: readonly Versioned<Expression>[];
}

export interface ParameterRange extends Node {
  readonly low: Expression;
  readonly high: Expression;
}

export type HitPolicy = 'uniek' | 'eerste' | 'som';

export interface TableColumn extends Node {
  readonly name: Identifier;
  readonly type: TypeReference;
}

export interface TableDeclaration extends Node {
  readonly kind: 'table';
  readonly name: Identifier;
  readonly inputs: readonly TableColumn[];
  /** One unnamed output (`: bedrag`) is named after the table. */
  readonly outputs: readonly TableColumn[];
  readonly singleOutput: boolean;
  readonly hitPolicy: HitPolicy;
  readonly hitPolicyWritten: boolean;
  readonly provenance: readonly Provenance[];
  readonly versions: readonly Versioned<readonly TableRow[]>[];
}

export interface TableRow extends Node {
  readonly cells: readonly TableCell[];
  readonly provenance: readonly Provenance[];
}

export type ComparisonOperator = '=' | '≠' | '<' | '≤' | '>' | '≥';

export type TableCell = Node &
  (
    | { readonly kind: 'any' }
    | {
        readonly kind: 'compare';
        readonly bounds: readonly { operator: ComparisonOperator; value: Expression }[];
      }
    | { readonly kind: 'values'; readonly values: readonly Expression[] }
  );

export interface DefinitionDeclaration extends Node {
  readonly kind: 'definition';
  readonly name: Identifier;
  /** The activity kind after `bij`: then `activiteit` is in scope. */
  readonly scope?: Identifier;
  readonly type: TypeReference;
  readonly value: Expression;
  readonly provenance: readonly Provenance[];
}

export interface Requirement extends Node {
  readonly condition: Expression;
  readonly message: Template;
  readonly provenance: readonly Provenance[];
}

/** `binnen <duur>`: the contract's duration, which the activity's `maanden` should not exceed. */
export interface Within extends Node {
  readonly duration: Expression;
  readonly provenance: readonly Provenance[];
}

export interface ValuationDeclaration extends Node {
  readonly kind: 'valuation';
  readonly activityKind: Identifier;
  readonly value: Expression;
  readonly requirements: readonly Requirement[];
  readonly within?: Within;
  readonly provenance: readonly Provenance[];
}

export interface RouteDeclaration extends Node {
  readonly kind: 'route';
  readonly name: Identifier;
  readonly label?: Text;
  readonly activityKinds: readonly Identifier[];
  readonly provenance: readonly Provenance[];
  readonly cap?: {
    readonly value: Expression;
    readonly provenance: readonly Provenance[];
    readonly span: Span;
  };
}

export interface OutcomeDeclaration extends Node {
  readonly kind: 'outcome';
  readonly name: Identifier;
  readonly type: TypeReference;
  readonly value: Expression;
  readonly provenance: readonly Provenance[];
}

/** A literal in an example; `word` is an enumeration value or other bare word. */
export type ExampleValue = Node &
  (
    | { readonly kind: 'money'; readonly cents: Rational }
    | { readonly kind: 'number'; readonly value: Rational; readonly percent: boolean }
    | { readonly kind: 'date'; readonly day: number; readonly text: string }
    | { readonly kind: 'text'; readonly value: string }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'unknown' }
    | { readonly kind: 'word'; readonly value: string }
  );

export interface FieldValue extends Node {
  readonly field: Identifier;
  readonly value: ExampleValue;
}

export interface ExampleActivity extends Node {
  readonly activityKind: Identifier;
  readonly fields: readonly FieldValue[];
}

export type Expectation = Node &
  (
    | { readonly kind: 'outcome'; readonly outcome: Identifier; readonly value: ExampleValue }
    | {
        readonly kind: 'valuation';
        readonly index: number;
        readonly indexSpan: Span;
        readonly value: ExampleValue;
      }
    | { readonly kind: 'message'; readonly text: Text }
  );

export interface ExampleDeclaration extends Node {
  readonly kind: 'example';
  readonly title: Text;
  readonly provenance: readonly Provenance[];
  readonly contract: readonly FieldValue[];
  readonly activities: readonly ExampleActivity[];
  readonly expectations: readonly Expectation[];
}

export interface PropertyDeclaration extends Node {
  readonly kind: 'property';
  readonly title: Text;
  readonly value: Expression;
  readonly provenance: readonly Provenance[];
}

// ── expressions ─────────────────────────────────────────────────────────────

/** Text with `{path}` interpolations, as in `met melding "... {activiteit.maanden} ..."`. */
export interface Template extends Node {
  readonly parts: readonly (string | PathExpression)[];
}

export type Expression =
  | MoneyLiteral
  | NumberLiteral
  | DateExpression
  | TextLiteral
  | BooleanLiteral
  | UnknownLiteral
  | PathExpression
  | MemberExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | ConditionalExpression
  | MembershipExpression
  | RoundingExpression
  | AggregateExpression
  | MessageExpression
  | ParenthesizedExpression
  | ErrorExpression;

/** Every expression kind: typed by the union, so a new kind of expression must be listed here. */
const expressionKinds: Readonly<Record<Expression['kind'], true>> = {
  money: true,
  number: true,
  date: true,
  text: true,
  boolean: true,
  unknown: true,
  path: true,
  member: true,
  call: true,
  unary: true,
  binary: true,
  conditional: true,
  membership: true,
  rounding: true,
  aggregate: true,
  message: true,
  parenthesized: true,
  error: true,
};

/** Whether a syntax tree value is an expression (by its kind). */
export const isExpression = (v: unknown): v is Expression =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { kind?: unknown }).kind === 'string' &&
  Object.hasOwn(expressionKinds, (v as { kind: string }).kind);

export interface MoneyLiteral extends Node {
  readonly kind: 'money';
  /** Amount in cents as written (not yet converted for `per`). */
  readonly cents: Rational;
  readonly per?: TimeUnit;
}

export interface NumberLiteral extends Node {
  readonly kind: 'number';
  readonly value: Rational;
  /** `5%` is percent; `12 maanden` has a unit. */
  readonly unit?: TimeUnit | 'percent';
}

export interface DateExpression extends Node {
  readonly kind: 'date';
  readonly day: number;
  readonly text: string;
}

export interface TextLiteral extends Node {
  readonly kind: 'text';
  readonly value: string;
}

export interface BooleanLiteral extends Node {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface UnknownLiteral extends Node {
  readonly kind: 'unknown';
}

/** A name with optional fields: `drempel`, `contract.waarde`, `activiteit.doelgroep`. */
export interface PathExpression extends Node {
  readonly kind: 'path';
  readonly root: Identifier;
  /** Set when the root is the keyword contract, activiteit or route (in either language). */
  readonly rootKeyword?: 'contract' | 'activiteit' | 'route';
  readonly fields: readonly Identifier[];
}

/** A field of a computed value: `leerling_norm(x).jaarwaarde`. */
export interface MemberExpression extends Node {
  readonly kind: 'member';
  readonly object: Expression;
  readonly field: Identifier;
}

export interface CallExpression extends Node {
  readonly kind: 'call';
  readonly callee: Identifier;
  readonly args: readonly Expression[];
}

export interface UnaryExpression extends Node {
  readonly kind: 'unary';
  readonly operator: '-' | 'niet';
  readonly operand: Expression;
}

export type BinaryOperator = '+' | '-' | '×' | '/' | ComparisonOperator | 'en' | 'of';

export interface BinaryExpression extends Node {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly operatorSpan: Span;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ConditionalExpression extends Node {
  readonly kind: 'conditional';
  readonly condition: Expression;
  readonly then: Expression;
  readonly else: Expression;
}

export interface MembershipExpression extends Node {
  readonly kind: 'membership';
  readonly value: Expression;
  readonly negated: boolean;
  readonly options: readonly Expression[];
}

export type RoundingMode = 'half' | 'beneden' | 'boven';

export interface RoundingExpression extends Node {
  readonly kind: 'rounding';
  readonly value: Expression;
  readonly quantum: Expression;
  readonly mode: RoundingMode;
}

export interface AggregateExpression extends Node {
  readonly kind: 'aggregate';
  readonly body: Expression;
  readonly over: 'activiteit' | 'route';
  readonly filter?: Expression;
}

export interface MessageExpression extends Node {
  readonly kind: 'message';
  readonly value: Expression;
  readonly message: Template;
}

/** Kept so the formatter can keep the author's parentheses. */
export interface ParenthesizedExpression extends Node {
  readonly kind: 'parenthesized';
  readonly expression: Expression;
}

/** Stands in for a formula the parser could not read; checks skip it so errors do not cascade. */
export interface ErrorExpression extends Node {
  readonly kind: 'error';
}

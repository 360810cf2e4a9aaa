// The messages between the page and the engine worker: plain JSON-like values only, so that the
// page never holds compiler objects and the worker never touches the DOM.
import type { WhatIfReport } from '@sroi/analysis';
import type { EvaluationResult } from '@sroi/evaluator';
import type { FieldSpec, Language, Severity } from '@sroi/core';

/** A diagnostic rendered in the page's language, with its place as Monaco counts (1-based). */
export interface ViewDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  /** The file it is in; the edited ruleset's path or a base it extends. */
  readonly file?: string;
  readonly start?: number;
  readonly end?: number;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** JSON path into the contract (contract problems). */
  readonly path?: string;
  readonly suggestions?: readonly string[];
}

export interface ExampleView {
  readonly title: string;
  readonly passed: boolean;
  readonly problems: readonly ViewDiagnostic[];
}

export interface PropertyView {
  readonly title: string;
  readonly passed: boolean;
  readonly runs: number;
  readonly seed: number;
  readonly reason?: string;
  readonly voorbeeld?: string;
  readonly counterexample?: unknown;
}

/** What the contract form needs from the ruleset: the kinds it values and its enumerations. */
export interface FormShape {
  readonly kinds: readonly { readonly kind: string; readonly route: string; readonly label: string }[];
  readonly enumerations: Readonly<Record<string, readonly string[]>>;
  readonly periods: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly referenceDate: string;
  /** The contract's fields (`@sroi/core`'s vocabulary), sent so the page does not load the schemas. */
  readonly contractFields: Readonly<Record<string, FieldSpec>>;
  /** Each valued kind's fields, from the same vocabulary. */
  readonly activityFields: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>>;
}

/** One outline entry of the ruleset (parameters, tables, rules, routes, voorbeelden). */
export interface OutlineItem {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** A result without its `berekend`. */
export type ShownResult = Omit<EvaluationResult, 'berekend'>;

export interface EngineState {
  readonly kind: 'state';
  /** The edit this state answers (the page ignores states older than its last edit). */
  readonly version: number;
  readonly diagnostics: readonly ViewDiagnostic[];
  /** Present when the ruleset compiled and the contract is valid. */
  /**
   * The result as the page shows it: without `berekend`, the audit trail of an embedding app (its IR
   * hash would be computed on every keystroke for a draft nobody stores).
   */
  readonly result?: ShownResult;
  readonly contractDiagnostics: readonly ViewDiagnostic[];
  readonly shape?: FormShape;
  readonly outline: readonly OutlineItem[];
  readonly rulesetName?: string;
  /** Milliseconds the worker spent on this state (compile, evaluate). */
  readonly millis: number;
  /**
   * When the newest request this state answers reached the worker, and when the state was sent:
   * `performance.timeOrigin + performance.now()`, comparable across threads. For the benchmark's
   * account of where a keystroke's time goes (the first state, from the build, has none).
   */
  readonly timing?: { readonly arrivedAt: number; readonly sentAt: number };
}

/** Part of an edit: `text` replaces characters [start, end) of the text before the edit. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type EngineRequest =
  | {
      readonly kind: 'open';
      readonly path: string;
      readonly text: string;
      /** Every shipped file by path, for `breidt uit`. */
      readonly files: Readonly<Record<string, string>>;
      readonly version: number;
    }
  | { readonly kind: 'edit'; readonly text: string; readonly version: number }
  /**
   * A keystroke: only what changed (the whole text of a large ruleset took half a millisecond of
   * the page's keystroke to send), and the length of the text after it, which the worker checks.
   */
  | {
      readonly kind: 'change';
      readonly changes: readonly TextChange[];
      readonly length: number;
      readonly version: number;
    }
  | { readonly kind: 'contract'; readonly contract: unknown; readonly version: number }
  | { readonly kind: 'lang'; readonly lang: Language; readonly version: number }
  | { readonly kind: 'properties'; readonly id: number }
  | { readonly kind: 'compare'; readonly id: number; readonly other: string; readonly contract: unknown }
  | { readonly kind: 'diff'; readonly id: number; readonly other: string }
  /**
   * The IR of the ruleset as it is now and the base's rulesets, with a key that changes when they
   * do, for the what-if panel (unavailable while it has errors); only the key when it is `known`.
   */
  | {
      readonly kind: 'whatif-base';
      readonly id: number;
      readonly members?: readonly string[];
      readonly known?: string;
    }
  | {
      readonly kind: 'service';
      readonly id: number;
      readonly method: string;
      readonly args: readonly unknown[];
    };

/** The voorbeelden of the state with the same version, sent right after it. */
export interface EngineExamples {
  readonly kind: 'examples';
  readonly version: number;
  /** Absent while the ruleset has errors. */
  readonly examples?: readonly ExampleView[];
}

export type EngineReply =
  | EngineState
  | EngineExamples
  /** The worker's text no longer fits the changes it got: the page sends the whole text. */
  | { readonly kind: 'resync' }
  | { readonly kind: 'reply'; readonly id: number; readonly value: unknown; readonly error?: string };

// ── The what-if worker ───────────────────────────────────────────────────────

/** A value a scenario can change: a parameter or a table row (`tabel[rij]`), as `--set` names it. */
export interface WhatIfField {
  readonly name: string;
  /** `parameter`, or the table the row belongs to. */
  readonly group: string;
  readonly type: string;
  /** The current (latest) value, written as `--set` reads it ("€ 50.000", "5%", "12 maanden"). */
  readonly value: string;
  /** The value per period (`vanaf`; '' for always). */
  readonly periods: readonly { readonly from: string; readonly value: string }[];
  readonly provenance: readonly { readonly kind: 'bron' | 'aanname'; readonly text: string }[];
}

/** A portfolio: generated as `sroi portfolio generate --contracts N --seed S`, or an opened file. */
export type WhatIfPortfolio =
  | { readonly kind: 'generated'; readonly count: number; readonly seed: number; readonly name: string }
  | {
      readonly kind: 'file';
      readonly name: string;
      /** The file's text (JSON Lines, CSV); '' for a workbook. */
      readonly text: string;
      /** An XLSX workbook's bytes (read in the worker with exceljs, as `sroi whatif` reads it). */
      readonly bytes?: Uint8Array;
    };

/** A problem of a `--set` value or of a portfolio row, in the page's language. */
export interface WhatIfProblem {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** Did you mean: names or values that fit. */
  readonly suggestions?: readonly string[];
  /** The assignment (`sr_percentage=6 %`) or the file, row and column. */
  readonly where?: string;
}

export type WhatIfRequest =
  | { readonly kind: 'fields'; readonly id: number; readonly ir: unknown }
  | {
      readonly kind: 'run';
      readonly id: number;
      /**
       * The base: the open ruleset, or a region set's rulesets (each contract by its date), by a
       * key; its members when they are new to the worker (a run on the same base sends the key).
       */
      readonly base: {
        readonly key: string;
        readonly members?: readonly { readonly label: string; readonly ir: unknown }[];
      };
      readonly label: string;
      /** `NAME=VALUE`, as `sroi whatif --set` takes them. */
      readonly sets: readonly string[];
      readonly portfolio: WhatIfPortfolio;
      readonly lang: Language;
      /** The open ruleset's path (a member of the base): the one a copied scenario extends. */
      readonly open: string;
    };

export interface WhatIfRunReply {
  readonly kind: 'result';
  readonly id: number;
  readonly report?: WhatIfReport & {
    /** Rows skipped per diagnostic code. */
    readonly skippedByCode: Readonly<Record<string, number>>;
    /** The first skipped rows, with why and where. */
    readonly skippedExamples: readonly WhatIfProblem[];
    /** Contracts the scenario could not evaluate (the base could). */
    readonly failed: number;
  };
  /** The scenario as a ruleset text that extends the open ruleset ("Kopieer als scenario"). */
  readonly scenario?: string;
  /** Why the run did not start (a value that does not fit its parameter, an unknown name). */
  readonly problems?: readonly WhatIfProblem[];
  readonly millis: number;
}

export type WhatIfReply =
  | { readonly kind: 'fields'; readonly id: number; readonly fields: readonly WhatIfField[] }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | WhatIfRunReply;

// What a semantic diff reports: the changed declarations of two rulesets, each with both sides'
// value or formula, sources and place. Types only.
import type { IrValue } from '@sroi/core';
import type { Place } from '../ruleset.js';

/** Where a change belongs, in the order a reviewer reads them. */
export type DiffCategory =
  'header' | 'scope' | 'valuations' | 'routes' | 'outcomes' | 'enumerations' | 'properties' | 'other';
export const categoryOrder: readonly DiffCategory[] = [
  'header',
  'scope',
  'valuations',
  'routes',
  'outcomes',
  'enumerations',
  'properties',
  'other',
];

/** What kind of declaration (or part of one) changed. */
export type DiffSubject =
  | 'header'
  | 'periods'
  | 'enumeration'
  | 'parameter'
  | 'table'
  | 'table-row'
  | 'definition'
  | 'value'
  | 'valuation'
  | 'requirements'
  | 'route'
  | 'cap'
  | 'outcome'
  | 'property';

export type ChangeKind = 'added' | 'removed' | 'changed';

/**
 * What about it changed: its value, its formula, what it is (a parameter became a formula), whether
 * an activity kind is valued, its table's or route's structure, or only its sources.
 */
export type ChangeAspect = 'value' | 'formula' | 'kind' | 'valued' | 'structure' | 'provenance';

/** A `bron` or `aanname` line. */
export interface ProvenanceNote {
  readonly kind: 'bron' | 'aanname';
  readonly text: string;
  readonly place?: Place;
}

/** One value of a value history: from a date (absent: from the start of the periods). */
export interface DatedValue {
  readonly from?: string;
  /** As a person reads it; "-" for a row that is absent from this date. */
  readonly text: string;
  /** The IR values (empty when absent). */
  readonly raw: readonly IrValue[];
}

/** One side of a change. */
export interface DiffSide {
  /** What the declaration is on this side. */
  readonly declaration?:
    'parameter' | 'tabel' | 'definitie' | 'waardering' | 'route' | 'uitkomst' | 'opsomming';
  /** The value(s) or the formula as a person reads it. */
  readonly text: string;
  /** The formula as written, for rules. */
  readonly formula?: string;
  /** The value history of a parameter or a table row. */
  readonly values?: readonly DatedValue[];
  /** For a valuation: does it value the activity kind (not `€ 0 met melding`)? */
  readonly valued?: boolean;
  /** For an added or removed table: its rows. */
  readonly rows?: readonly { readonly key: string; readonly text: string }[];
  readonly provenance: readonly ProvenanceNote[];
  readonly place?: Place;
  /** This side's declaration replaces a base declaration (a variant's own statement), written here. */
  readonly replaces?: Place;
}

/** One change between ruleset A (old) and B (new). */
export interface DiffChange {
  /** Stable identity, e.g. `waarde drempel`, `rij jaarwaarde_plaatsing [nugger]`. */
  readonly key: string;
  readonly category: DiffCategory;
  readonly subject: DiffSubject;
  /** What a reviewer calls it: "drempel", "jaarwaarde_plaatsing: nugger". */
  readonly name: string;
  readonly change: ChangeKind;
  readonly aspects: readonly ChangeAspect[];
  readonly old?: DiffSide;
  readonly new?: DiffSide;
  /** The parts of the formula text that differ (old → new). */
  readonly fragments?: readonly { readonly old: string; readonly new: string }[];
  /** For an enumeration: the values only B has, and only A has. */
  readonly addedValues?: readonly string[];
  readonly removedValues?: readonly string[];
}

/** A ruleset as a diff names it. */
export interface DiffRuleset {
  readonly label: string;
  readonly name: string;
  readonly periods: string;
}

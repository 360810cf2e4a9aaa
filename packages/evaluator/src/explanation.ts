// The explanation tree of a result (`uitleg`): per rule the formula as written, the values that
// went in, the conditions that held or failed (the "why not"), the sources and the place.

/** A place in a ruleset file. */
export interface Plaats {
  readonly bestand: string;
  readonly regel: number;
  readonly kolom: number;
}

/** A name and the value it had. */
export interface Invoer {
  readonly naam: string;
  readonly waarde: string;
}

/**
 * A condition that was evaluated: why a branch was taken, or why a bonus did not apply. A place it
 * lacks is left out of its JSON (in the object it may be present as undefined, as in `Uitleg`).
 */
export interface Voorwaarde {
  readonly formule: string;
  readonly uitkomst: boolean;
  readonly waarden: readonly Invoer[];
  readonly plaats?: Plaats;
}

/**
 * One rule's part in a result. A part a rule lacks is left out of its JSON; in the object it may
 * be present as undefined (the tracer gives every node one shape: faster to build). Nodes are
 * read-only: one may appear in several places of a tree, and a node that is the same for every
 * contract (a parameter's, a table row's) is shared between results.
 */
export interface Uitleg {
  /** "waardering plaatsing", "definitie basiswaarde", "parameter drempel", "tabel ...", "route ...". */
  readonly regel: string;
  readonly waarde: string;
  readonly formule?: string;
  readonly bron?: readonly string[];
  readonly aanname?: readonly string[];
  readonly plaats?: Plaats;
  /** Contract and activity fields read by this rule. */
  readonly invoer?: readonly Invoer[];
  readonly voorwaarden?: readonly Voorwaarde[];
  /** The named rules this one used. */
  readonly onderdelen?: readonly Uitleg[];
  readonly meldingen?: readonly string[];
}

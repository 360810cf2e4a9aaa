// The result of evaluating a contract: the JSON of docs/contract-format.md.
import type { Berekend } from './audit.js';
import type { Plaats, Uitleg } from './explanation.js';

/** A warning that does not stop the evaluation. */
export interface Melding {
  readonly soort: 'maximum' | 'regel' | 'vereiste' | 'niet-gewaardeerd' | 'looptijd';
  readonly tekst: string;
  /** Index of the activity it concerns (0-based, input order). */
  readonly activiteit?: number;
  readonly route?: string;
  readonly plaats?: Plaats;
}

export interface Waardering {
  readonly index: number;
  readonly soort: string;
  /** Value before route caps, two decimals. */
  readonly bedrag: string;
  readonly route: string;
  readonly uitleg?: Uitleg;
}

export interface RouteResultaat {
  readonly naam: string;
  readonly label: string;
  readonly totaal: string;
  readonly gerealiseerd: string;
  readonly maximum?: string;
  readonly uitleg?: Uitleg;
}

export interface EvaluationResult {
  readonly regeling: string;
  readonly periode: string;
  readonly contract?: string;
  readonly verplichting: string;
  readonly waarderingen: readonly Waardering[];
  readonly gerealiseerd: string;
  readonly restant: string;
  /** What the contract realised beyond its obligation, to carry to a next contract. */
  readonly overschot: string;
  /** Absent when there is no obligation. */
  readonly percentage?: string;
  readonly boete: string;
  readonly routes: readonly RouteResultaat[];
  readonly meldingen: readonly Melding[];
  /** Further outcomes a ruleset defines, by name. */
  readonly overige?: Readonly<Record<string, string>>;
  /** What the result was computed with: ruleset, version, period and the IR's SHA-256. */
  readonly berekend: Berekend;
  /** Explanations of the outcomes, by name (with `explain`). */
  readonly uitleg?: Readonly<Record<string, Uitleg>>;
}

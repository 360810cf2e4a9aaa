// What one run of the generated code leaves behind: amounts in cents, fractions as numerator and
// denominator, meldingen as recorded values (compiled/result.ts makes the result JSON of it).

/** The outcome of one fast run, all amounts in cents and fractions as numerator/denominator. */
export interface FastResult {
  /**
   * Each activity's value in cents, in input order. A reused result's array only grows: read as
   * many entries as the contract has activities.
   */
  valuations: number[];
  /** Per route: total, realised after the cap, and the cap (NaN when none), in cents. */
  routeTotals: Float64Array;
  routeRealised: Float64Array;
  routeCaps: Float64Array;
  /** Per outcome (IR order): numerator at 2i and denominator at 2i+1; NaN numerator = unknown. */
  outcomes: Float64Array;
  /** Per outcome that is not a number: its value. */
  otherOutcomes: unknown[];
  /**
   * Meldingen as [template id, activity index, ...values]; negative ids are the engine's own. A
   * run that follows one with meldingen gets a new array: read it from the result after the run.
   */
  messages: unknown[][];
}

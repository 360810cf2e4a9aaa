// The what-if engine: every contract of a portfolio under the baseline and each scenario (and,
// for attribution, under every subset of a scenario's changes), one compiled plan per variant,
// results only. Browser-safe: no node:* here; file readers and worker threads are in ../node/.
import { diagnostic, parseIsoDate, type Diagnostic, type IrDocument } from '@sroi/core';
import { Plan, PlanSet, type EvaluationResult } from '@sroi/evaluator';
import { relevantMask, variantIr, type ScenarioSpec } from './changes.js';
import { MAX_EXACT_PLAYERS, scaledShapley } from './shapley.js';

/** The amounts compared, in this order everywhere (cents). */
export const quantities = ['verplichting', 'gerealiseerd', 'restant', 'overschot', 'boete'] as const;
export type Quantity = (typeof quantities)[number];

/** Whether a contract meets its obligation. */
export type Status = 'geen-verplichting' | 'voldaan' | 'niet-voldaan';

/** Everything a run needs, as plain JSON (it goes to worker threads as is). */
export interface WhatIfJob {
  /** The base: one ruleset, or a set's rulesets (each contract by its reference date). */
  readonly base: readonly { readonly label: string; readonly ir: IrDocument }[];
  readonly baseName: string;
  readonly scenarios: readonly ScenarioSpec[];
  /** Whether to attribute changes to parameters (2^k evaluations per contract and scenario). */
  readonly attribution: boolean;
}

/** One contract under one variant (baseline or scenario). */
export interface Evaluated {
  /** Cents, in the order of `quantities`. */
  readonly amounts: readonly number[];
  readonly status: Status;
  /** Realised per route after caps: [name, label, cents]. */
  readonly routes: readonly (readonly [string, string, number])[];
  /** Valued amounts before caps, per doelgroep of the activity ('' for activities without). */
  readonly doelgroepen: readonly (readonly [string, number])[];
}

/** One contract under the baseline and every scenario. */
export interface ContractOutcome {
  readonly id: string;
  readonly opdrachtsoort: string;
  /** Which ruleset of the base judged it. */
  readonly ruleset: string;
  readonly base: Evaluated;
  /** Per scenario: its result (undefined when the scenario cannot evaluate the contract). */
  readonly scenarios: readonly (ScenarioOutcome | undefined)[];
}

export interface ScenarioOutcome {
  readonly result: Evaluated;
  /**
   * Per quantity, per player: k!·φ, the exact Shapley value scaled to an integer (k = the number
   * of players); absent without attribution.
   */
  readonly scaled?: readonly (readonly bigint[])[];
}

const centsOf = (text: string | undefined): number => {
  if (text === undefined) return 0;
  const dot = text.indexOf('.');
  // Results carry exactly two decimals ("2500.00").
  return dot < 0
    ? Number(text) * 100
    : Number(
        text.slice(0, dot) +
          text
            .slice(dot + 1)
            .padEnd(2, '0')
            .slice(0, 2),
      );
};

const statusOf = (verplichting: number, restant: number): Status =>
  verplichting === 0 ? 'geen-verplichting' : restant === 0 ? 'voldaan' : 'niet-voldaan';

/** The what-if engine over a job: plans compiled on first use, one per variant. */
export class WhatIfEngine {
  private readonly baseSet: PlanSet;
  private readonly basePlans: Plan[];
  private readonly plans = new Map<string, Plan>();
  private readonly relevant: number[][];
  readonly overschot: boolean;

  constructor(readonly job: WhatIfJob) {
    this.basePlans = job.base.map((m) => planOf(m.ir, m.label));
    this.baseSet = new PlanSet(
      job.baseName,
      this.basePlans.map((plan, i) => ({ plan, label: job.base[i]!.label })),
    );
    this.relevant = job.scenarios.map((s) => s.members.map((v) => relevantMask(v, s.players.length)));
    this.overschot = job.base.some((m) => m.ir.outcomes.some((o) => o.name === 'overschot'));
  }

  /** Whether a scenario's changes are attributed to its players. */
  attributes(s: number): boolean {
    const spec = this.job.scenarios[s]!;
    return (
      this.job.attribution &&
      spec.noAttribution === undefined &&
      spec.players.length > 0 &&
      spec.players.length <= MAX_EXACT_PLAYERS
    );
  }

  /** The plan of scenario `s` on base member `m` with the players in `mask` applied. */
  private planFor(s: number, m: number, mask: number): Plan {
    const effective = mask & this.relevant[s]![m]!;
    if (effective === 0) return this.basePlans[m]!;
    const key = `${s}:${m}:${effective}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const spec = this.job.scenarios[s]!;
      plan = planOf(variantIr(this.job.base[m]!.ir, spec.members[m]!, effective), `${spec.name}`);
      this.plans.set(key, plan);
    }
    return plan;
  }

  /**
   * A contract under the baseline and every scenario; diagnostics (the contract's own problems,
   * with JSON paths) when the baseline cannot evaluate it.
   */
  evaluate(contract: unknown): {
    value?: ContractOutcome;
    diagnostics: readonly Diagnostic[];
    /** Scenarios that could not evaluate the contract, and why. */
    failures?: readonly { readonly scenario: number; readonly diagnostics: readonly Diagnostic[] }[];
  } {
    const member = this.memberOf(contract);
    if (typeof member !== 'number') return { diagnostics: [member] };
    const plan = this.basePlans[member]!;
    const valid = plan.validate(contract);
    if (!valid.value) return { diagnostics: valid.diagnostics };
    const base = plan.evaluateValid(valid.value);
    if (!base.value) return { diagnostics: base.diagnostics };
    const json = contract as { id?: unknown; opdrachtsoort?: unknown; activiteiten?: unknown };
    const activities = Array.isArray(json.activiteiten) ? (json.activiteiten as unknown[]) : [];
    const baseEvaluated = this.summarise(base.value, activities);
    const failures: { scenario: number; diagnostics: readonly Diagnostic[] }[] = [];
    const scenarios = this.job.scenarios.map((spec, s): ScenarioOutcome | undefined => {
      const k = spec.players.length;
      const full = (1 << k) - 1;
      const run = (mask: number): EvaluationResult | undefined => {
        if ((mask & this.relevant[s]![member]!) === 0) return base.value;
        const r = this.planFor(s, member, mask).evaluateValid(valid.value!);
        if (!r.value && !failures.some((f) => f.scenario === s))
          failures.push({ scenario: s, diagnostics: r.diagnostics });
        return r.value;
      };
      const result = run(full);
      if (!result) return undefined;
      const evaluated = this.summarise(result, activities);
      if (!this.attributes(s)) return { result: evaluated };
      const values: number[][] = quantities.map(() => new Array<number>(1 << k));
      for (let mask = 0; mask <= full; mask++) {
        const r = mask === 0 ? base.value! : mask === full ? result : run(mask);
        if (!r) return { result: evaluated };
        const a = mask === 0 ? baseEvaluated.amounts : mask === full ? evaluated.amounts : this.amountsOf(r);
        for (let q = 0; q < quantities.length; q++) values[q]![mask] = a[q]!;
      }
      return { result: evaluated, scaled: values.map((v) => scaledShapley(k, v)) };
    });
    return {
      value: {
        id: typeof json.id === 'string' ? json.id : '',
        opdrachtsoort: typeof json.opdrachtsoort === 'string' ? json.opdrachtsoort : '',
        ruleset: this.job.base[member]!.label,
        base: baseEvaluated,
        scenarios,
      },
      diagnostics: [],
      ...(failures.length > 0 ? { failures } : {}),
    };
  }

  /** The base member whose period holds the contract's reference date (a set: as `PlanSet` picks). */
  private memberOf(contract: unknown): number | Diagnostic {
    if (this.basePlans.length === 1) return 0;
    const field = this.baseSet.referenceDate;
    const raw =
      typeof contract === 'object' && contract !== null && Object.hasOwn(contract, field)
        ? (contract as Record<string, unknown>)[field]
        : undefined;
    const day = typeof raw === 'string' ? parseIsoDate(raw) : undefined;
    // Without a usable date, the first member reports the contract's problems with their paths.
    if (day === undefined) return 0;
    const m = this.baseSet.memberOn(day);
    if (m) return this.baseSet.members.indexOf(m);
    return diagnostic(
      'SR5020',
      {
        field,
        date: String(raw),
        set: `'${this.job.baseName}'`,
        periods: this.baseSet.describePeriods(),
      },
      { path: field },
    );
  }

  private amountsOf(r: EvaluationResult): number[] {
    const v = centsOf(r.verplichting);
    const g = centsOf(r.gerealiseerd);
    const over = (r as { overschot?: string }).overschot ?? r.overige?.['overschot'];
    return [v, g, centsOf(r.restant), over !== undefined ? centsOf(over) : 0, centsOf(r.boete)];
  }

  private summarise(r: EvaluationResult, activities: readonly unknown[]): Evaluated {
    const amounts = this.amountsOf(r);
    const doelgroepen = new Map<string, number>();
    for (const w of r.waarderingen) {
      const a = activities[w.index] as { doelgroep?: unknown } | undefined;
      const g = typeof a?.doelgroep === 'string' ? a.doelgroep : '';
      doelgroepen.set(g, (doelgroepen.get(g) ?? 0) + centsOf(w.bedrag));
    }
    return {
      amounts,
      status: statusOf(amounts[0]!, amounts[2]!),
      routes: r.routes.map((x) => [x.naam, x.label, centsOf(x.gerealiseerd)] as const),
      doelgroepen: [...doelgroepen],
    };
  }
}

function planOf(ir: IrDocument, label: string): Plan {
  const p = Plan.fromCompilerIr(ir);
  if (!p.value)
    throw new Error(
      `what-if: the IR of ${label} does not hold: ${JSON.stringify(p.diagnostics.slice(0, 3))}`,
    );
  return p.value;
}

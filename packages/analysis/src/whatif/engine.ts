// The what-if engine: every contract of a portfolio under the baseline and each scenario (and,
// for attribution, under every subset of a scenario's changes), one compiled plan per variant,
// results only. Browser-safe: no node:* here; file readers and worker threads are in ../node/.
import { diagnostic, parseIsoDate, type Diagnostic, type IrDocument, type ValidContract } from '@sroi/core';
import {
  Plan,
  PlanSet,
  SharedCode,
  type Engine,
  type EvaluationResult,
  type FastResult,
} from '@sroi/evaluator';
import { relevantMask, variantIr, type ScenarioSpec } from './changes.js';
import { MAX_EXACT_PLAYERS } from './shapley.js';

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

/**
 * How the engine reads a plan's results. `cents` (the default): the generated code's numbers,
 * cents as they are, no result object or text per contract; a contract the generated code cannot
 * answer exactly goes through `results`. `results`: the result object of every run, its amount
 * texts read back to cents (the path before `cents`; the tests hold both to the same outcomes),
 * computed by `engine` (`reference`: the BigInt evaluator).
 */
export interface WhatIfEngineOptions {
  readonly via?: 'cents' | 'results';
  readonly engine?: Engine;
}

/** One contract under one variant (baseline or scenario). */
export interface Evaluated {
  /** Cents, in the order of `quantities`. */
  readonly amounts: readonly number[];
  readonly status: Status;
  /** The routes: [name, label] (the plan's, shared by its results). */
  readonly routeNames: readonly (readonly [string, string])[];
  /** Realised per route after caps, in the order of `routeNames` (cents). */
  readonly routes: ArrayLike<number>;
  /** The doelgroepen of the activities ('' for activities without; the contract's, shared). */
  readonly doelgroepen: readonly string[];
  /** Valued amounts before caps, per doelgroep in the order of `doelgroepen` (cents). */
  readonly doelgroepCents: ArrayLike<number>;
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
   * Per subset of the players (a mask: bit i for player i), the amounts with those players'
   * changes applied, in the order of `quantities` (mask 0: the baseline's, all bits: `result`'s);
   * absent without attribution. Shapley values are linear in these, so the totals sum them over
   * the contracts and attribute once (`whatIfReport`); a contract's own split is
   * `contractAttribution`.
   */
  readonly subsets?: readonly (readonly number[])[];
}

/** Result text ("2500.00": always two decimals) as cents, for the `results` path. */
const centsOf = (text: string | undefined): number => {
  if (text === undefined) return 0;
  const dot = text.indexOf('.');
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

/** Why a variant could not evaluate a contract. */
interface Failure {
  readonly diagnostics: readonly Diagnostic[];
}

/** A contract as every variant reads it: validated once, its doelgroepen found once. */
interface ContractView {
  readonly valid: ValidContract;
  readonly activities: readonly unknown[];
  /** The activities' doelgroepen in order of first appearance ('' for an activity without). */
  readonly groups: readonly string[];
  /** Per activity: the index of its doelgroep in `groups`. */
  readonly groupOf: readonly number[];
}

function viewOf(valid: ValidContract): ContractView {
  const activities = valid.activiteiten;
  const groups: string[] = [];
  const groupOf = new Array<number>(activities.length);
  for (let i = 0; i < activities.length; i++) {
    const g = activities[i]!['doelgroep'];
    const key = typeof g === 'string' ? g : '';
    let j = groups.indexOf(key);
    if (j < 0) j = groups.push(key) - 1;
    groupOf[i] = j;
  }
  return { valid, activities, groups, groupOf };
}

/**
 * A contract's baseline kept between runs: a what-if panel runs scenario after scenario over one
 * portfolio and one base, and each contract's baseline (validation, member, amounts) is computed
 * once. Opaque to callers; `evaluate` fills it and reuses it while the base plans are the same
 * (engines made by `withScenarios` share them).
 */
export interface BaselineMemo {
  baseline?: unknown;
}

/** What a memo holds: the baseline of the contract under one set of base plans. */
type Baseline =
  | { readonly plans: object; readonly member: number; readonly view: ContractView; readonly base: Evaluated }
  | { readonly plans: object; readonly diagnostics: readonly Diagnostic[] };

/** A run read for its amounts only (the subsets of attribution): no routes or doelgroepen. */
const NONE: readonly never[] = [];

/**
 * An outcome. One literal for every kind of run, so each has the same hidden class: the code
 * adding outcomes up stays optimised whatever path made them.
 */
const evaluated = (
  amounts: readonly number[],
  status: Status,
  routeNames: readonly (readonly [string, string])[],
  routes: ArrayLike<number>,
  doelgroepen: readonly string[],
  doelgroepCents: ArrayLike<number>,
): Evaluated => ({ amounts, status, routeNames, routes, doelgroepen, doelgroepCents });

/**
 * A baseline as a memo keeps it: a copy made by a literal of its own. V8 decides per allocation
 * site whether new objects go straight to the old generation: when the kept baselines came from
 * the literal that makes every scenario's result, that literal's objects were all allocated old,
 * and a slider's every step filled the old generation with results that die at once (young
 * collections 5x slower, a full collection every few steps).
 */
const kept = (e: Evaluated): Evaluated => ({
  amounts: e.amounts.slice(),
  status: e.status,
  routeNames: e.routeNames,
  routes: e.routes,
  doelgroepen: e.doelgroepen,
  doelgroepCents: e.doelgroepCents,
});

/** Whether outcomes of this type are numbers (the fast result holds them as fractions). */
const isNumber = (type: IrDocument['outcomes'][number]['type']): boolean =>
  type.t !== 'janee' && type.t !== 'tekst' && type.t !== 'opsomming' && type.t !== 'rij';

/** The plan of one variant (the baseline, or a scenario with some of its changes) and how it is read. */
class VariantPlan {
  /** Per quantity: the index of its outcome (the last of that name, as a result shows it); -1: none. */
  private readonly outcome: readonly number[];
  /** Whether the quantities can be read from the generated code's numbers (all are numbers). */
  private readonly readsCents: boolean;
  private readonly routes: readonly (readonly [string, string])[];
  /** The fast result the generated code runs into, reused: read before the next run. */
  private scratch: FastResult | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly options: WhatIfEngineOptions,
  ) {
    const ir = plan.ir;
    this.outcome = quantities.map((q) => ir.outcomes.findLastIndex((o) => o.name === q));
    this.readsCents =
      options.via !== 'results' && this.outcome.every((i) => i < 0 || isNumber(ir.outcomes[i]!.type));
    this.routes = ir.routes.map((r) => [r.name, r.label] as const);
  }

  validate(contract: unknown) {
    return this.plan.validate(contract);
  }

  /**
   * A contract under this plan: its amounts, and with `detail` its routes and doelgroepen. From
   * the generated code's cents when it answers in whole cents (nearly always); otherwise from the
   * result object, as the `results` path reads it.
   */
  run(c: ContractView, detail: boolean): Evaluated | Failure {
    if (this.readsCents) {
      const f = this.plan.compute(c.valid, this.scratch);
      if (f) {
        this.scratch = f;
        const e = this.fromCents(f, c, detail);
        if (e) return e;
      }
    }
    const r = this.plan.evaluateValid(c.valid, this.options.engine ? { engine: this.options.engine } : {});
    if (!r.value) return { diagnostics: r.diagnostics };
    return summarise(r.value, c.activities, detail);
  }

  /**
   * The amounts of a fast run, or undefined when one is not in whole cents (the result text
   * would round it: the result object decides). An unknown outcome is 0, as in a result.
   */
  private fromCents(f: FastResult, c: ContractView, detail: boolean): Evaluated | undefined {
    const out = f.outcomes;
    const amounts = new Array<number>(quantities.length);
    for (let q = 0; q < quantities.length; q++) {
      const i = this.outcome[q]!;
      const n = i < 0 ? 0 : out[2 * i]!;
      if (Number.isNaN(n)) amounts[q] = 0;
      else if (out[2 * i + 1] === 1 && Number.isSafeInteger(n))
        amounts[q] = n + 0; // -0 reads as 0
      else return undefined;
    }
    const status = statusOf(amounts[0]!, amounts[2]!);
    if (!detail) return evaluated(amounts, status, NONE, NONE, NONE, NONE);
    // Route and activity amounts are always whole cents (the generated code rounds each valuation).
    // Typed arrays: one hidden class whatever the amounts (cents, exact below 2^53).
    const sums = new Float64Array(c.groups.length);
    for (let a = 0; a < c.activities.length; a++) sums[c.groupOf[a]!]! += f.valuations[a]!;
    return evaluated(amounts, status, this.routes, f.routeRealised.slice(), c.groups, sums);
  }
}

/** A result object's amounts (and routes, doelgroepen), its texts read back to cents. */
function summarise(r: EvaluationResult, activities: readonly unknown[], detail: boolean): Evaluated {
  const over = (r as { overschot?: string }).overschot ?? r.overige?.['overschot'];
  const amounts = [
    centsOf(r.verplichting),
    centsOf(r.gerealiseerd),
    centsOf(r.restant),
    over !== undefined ? centsOf(over) : 0,
    centsOf(r.boete),
  ];
  const status = statusOf(amounts[0]!, amounts[2]!);
  if (!detail) return evaluated(amounts, status, NONE, NONE, NONE, NONE);
  const doelgroepen = new Map<string, number>();
  for (const w of r.waarderingen) {
    const a = activities[w.index] as { doelgroep?: unknown } | undefined;
    const g = typeof a?.doelgroep === 'string' ? a.doelgroep : '';
    doelgroepen.set(g, (doelgroepen.get(g) ?? 0) + centsOf(w.bedrag));
  }
  return evaluated(
    amounts,
    status,
    r.routes.map((x) => [x.naam, x.label] as const),
    Float64Array.from(r.routes, (x) => centsOf(x.gerealiseerd)),
    [...doelgroepen.keys()],
    Float64Array.from(doelgroepen.values()),
  );
}

/** The what-if engine over a job: plans compiled on first use, one per variant. */
export class WhatIfEngine {
  private readonly baseSet: PlanSet;
  private readonly basePlans: VariantPlan[];
  /** Per scenario, per base member, per subset of players (as a mask): its plan, once made. */
  private readonly variants: (VariantPlan | undefined)[][][];
  private readonly relevant: number[][];
  /**
   * The compiled code of the plans of this base and its variants, shared by the engines of one
   * base (`withScenarios`): the plans differ only in values, which their code reads from a values
   * vector, so a new value (a slider's next step) runs code V8 has already optimised; fresh code
   * ran a few times slower until it was.
   */
  private readonly code: SharedCode;
  readonly overschot: boolean;

  constructor(
    readonly job: WhatIfJob,
    private readonly options: WhatIfEngineOptions = {},
    /** An engine on the same base whose plans this one uses (see `withScenarios`). */
    sameBase?: WhatIfEngine,
  ) {
    // Fields in one order either way: engines of both kinds then share one hidden class, and the
    // optimised code of a slider's first run is not thrown away ("wrong map") by its second.
    this.code = sameBase?.code ?? new SharedCode();
    if (sameBase) {
      this.basePlans = sameBase.basePlans;
      this.baseSet = sameBase.baseSet;
    } else {
      const plans = job.base.map((m) => planOf(m.ir, m.label, this.code));
      this.basePlans = plans.map((p) => new VariantPlan(p, options));
      this.baseSet = new PlanSet(
        job.baseName,
        plans.map((plan, i) => ({ plan, label: job.base[i]!.label })),
      );
    }
    this.relevant = job.scenarios.map((s) => s.members.map((v) => relevantMask(v, s.players.length)));
    // Every subset's slot present from the start: arrays of one kind for every engine (a fresh
    // `[]` filled later changes its hidden class, and the code reading it was deoptimised).
    this.variants = job.scenarios.map((spec) =>
      job.base.map(() => Array.from({ length: 1 << spec.players.length }, () => undefined)),
    );
    this.overschot = job.base.some((m) => m.ir.outcomes.some((o) => o.name === 'overschot'));
  }

  /**
   * An engine for other scenarios on this engine's base: the base plans (and the baselines in
   * `BaselineMemo`s) are shared, only the scenarios' plans are new.
   */
  withScenarios(scenarios: readonly ScenarioSpec[]): WhatIfEngine {
    // A literal in the order of `WhatIfJob`, not a spread: the job keeps one hidden class.
    const { base, baseName, attribution } = this.job;
    return new WhatIfEngine({ base, baseName, scenarios, attribution }, this.options, this);
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
  private planFor(s: number, m: number, mask: number): VariantPlan {
    const effective = mask & this.relevant[s]![m]!;
    if (effective === 0) return this.basePlans[m]!;
    const plans = this.variants[s]![m]!;
    let plan = plans[effective];
    if (!plan) {
      const spec = this.job.scenarios[s]!;
      const ir = variantIr(this.job.base[m]!.ir, spec.members[m]!, effective);
      plan = new VariantPlan(planOf(ir, spec.name, this.code), this.options);
      plans[effective] = plan;
    }
    return plan;
  }

  /**
   * A contract under the baseline and every scenario; diagnostics (the contract's own problems,
   * with JSON paths) when the baseline cannot evaluate it.
   */
  evaluate(
    contract: unknown,
    memo?: BaselineMemo,
  ): {
    value?: ContractOutcome;
    diagnostics: readonly Diagnostic[];
    /** Scenarios that could not evaluate the contract, and why. */
    failures?: readonly { readonly scenario: number; readonly diagnostics: readonly Diagnostic[] }[];
  } {
    let known = memo?.baseline as Baseline | undefined;
    if (known?.plans !== this.basePlans) {
      known = this.baselineOf(contract);
      if (memo) memo.baseline = known;
    }
    if ('diagnostics' in known) return { diagnostics: known.diagnostics };
    const { member, view, base } = known;
    // Plain loops, no callbacks: this runs for every contract and scenario (a slider's every step).
    let failures: { scenario: number; diagnostics: readonly Diagnostic[] }[] | undefined;
    const scenarios = new Array<ScenarioOutcome | undefined>(this.job.scenarios.length);
    for (let s = 0; s < scenarios.length; s++) {
      const outcome = this.scenarioOutcome(s, member, view, base);
      if (outcome.failure) (failures ??= []).push({ scenario: s, diagnostics: outcome.failure });
      scenarios[s] = outcome.outcome;
    }
    const json = contract as { id?: unknown; opdrachtsoort?: unknown };
    const value: ContractOutcome = {
      id: typeof json.id === 'string' ? json.id : '',
      opdrachtsoort: typeof json.opdrachtsoort === 'string' ? json.opdrachtsoort : '',
      ruleset: this.job.base[member]!.label,
      base,
      scenarios,
    };
    return failures ? { value, diagnostics: [], failures } : { value, diagnostics: [] };
  }

  /**
   * A contract under scenario `s` (with attribution: under every subset of its players); a
   * failure when the scenario, or a subset, cannot evaluate it (then no outcome, or no attribution).
   */
  private scenarioOutcome(
    s: number,
    member: number,
    view: ContractView,
    base: Evaluated,
  ): { readonly outcome: ScenarioOutcome | undefined; readonly failure?: readonly Diagnostic[] } {
    const full = (1 << this.job.scenarios[s]!.players.length) - 1;
    const result = this.subsetRun(s, member, full, view, base, true);
    if ('diagnostics' in result) return { outcome: undefined, failure: result.diagnostics };
    if (!this.attributes(s)) return { outcome: { result } };
    const subsets = new Array<readonly number[]>(full + 1);
    subsets[0] = base.amounts;
    subsets[full] = result.amounts;
    for (let mask = 1; mask < full; mask++) {
      const r = this.subsetRun(s, member, mask, view, base, false);
      if ('diagnostics' in r) return { outcome: { result }, failure: r.diagnostics };
      subsets[mask] = r.amounts;
    }
    return { outcome: { result, subsets } };
  }

  /** A contract under scenario `s` with the players in `mask` applied (none that matter: the baseline). */
  private subsetRun(
    s: number,
    member: number,
    mask: number,
    view: ContractView,
    base: Evaluated,
    detail: boolean,
  ): Evaluated | Failure {
    return (mask & this.relevant[s]![member]!) === 0 ? base : this.planFor(s, member, mask).run(view, detail);
  }

  /** A contract's baseline: its member of the base, validated, evaluated; or why it cannot be. */
  private baselineOf(contract: unknown): Baseline {
    const plans = this.basePlans;
    const member = this.memberOf(contract);
    if (typeof member !== 'number') return { plans, diagnostics: [member] };
    const valid = plans[member]!.validate(contract);
    if (!valid.value) return { plans, diagnostics: valid.diagnostics };
    const view = viewOf(valid.value);
    const base = plans[member]!.run(view, true);
    if ('diagnostics' in base) return { plans, diagnostics: base.diagnostics };
    return { plans, member, view, base: kept(base) };
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
}

function planOf(ir: IrDocument, label: string, sharedCode: SharedCode): Plan {
  const p = Plan.fromCompilerIr(ir, { sharedCode });
  if (!p.value)
    throw new Error(
      `what-if: the IR of ${label} does not hold: ${JSON.stringify(p.diagnostics.slice(0, 3))}`,
    );
  return p.value;
}

// Totals of a what-if run, built contract by contract and merged across worker threads. Every
// total is a sum of whole cents (exact: JS numbers while safe, BigInt beyond), so the totals do
// not depend on the order of the contracts or on how they were split between workers.
import { factorial } from './shapley.js';
import { quantities, type ContractOutcome, type Evaluated, type Status } from './engine.js';

/** An exact sum of whole cents: a JS number while it is safe, carried into a bigint beyond. */
export interface ExactSum {
  n: number;
  big: bigint;
}
const sum0 = (): ExactSum => ({ n: 0, big: 0n });
function add(s: ExactSum, x: number): void {
  if (x === 0) return; // most routes and doelgroepen of most contracts
  const t = s.n + x;
  if (Number.isSafeInteger(t)) s.n = t;
  else {
    s.big += BigInt(s.n) + BigInt(x);
    s.n = 0;
  }
}
const merge = (a: ExactSum, b: ExactSum): void => {
  a.big += b.big + BigInt(b.n);
};
export const total = (s: ExactSum): bigint => s.big + BigInt(s.n);

/** Fulfilment buckets (realised / obligation) of contracts with an obligation. */
export const fulfilmentBuckets = [
  '0%',
  '0-25%',
  '25-50%',
  '50-75%',
  '75-100%',
  '100-150%',
  '≥ 150%',
] as const;
const bucketOf = (v: number, g: number): number => {
  if (g <= 0) return 0;
  // g/v against 1/4, 1/2, 3/4, 1, 3/2, in integers: 4g < v, ...
  if (4 * g < v) return 1;
  if (2 * g < v) return 2;
  if (4 * g < 3 * v) return 3;
  if (g < v) return 4;
  if (2 * g < 3 * v) return 5;
  return 6;
};

/** A status change of one contract, with its amounts before and after. */
export interface StatusChange {
  readonly id: string;
  readonly opdrachtsoort: string;
  readonly from: Status;
  readonly to: Status;
  /** Cents in the order of `quantities`: baseline, scenario. */
  readonly base: readonly number[];
  readonly scenario: readonly number[];
}

/** The totals of one variant (baseline or scenario). */
export interface VariantTotals {
  contracts: number;
  amounts: ExactSum[];
  status: Record<Status, number>;
  fulfilment: number[];
  routes: Map<string, { label: string; sum: ExactSum }>;
  doelgroepen: Map<string, ExactSum>;
  opdrachtsoorten: Map<string, { contracts: number; amounts: ExactSum[] }>;
}

/** A scenario's totals and its comparison with the baseline. */
export interface ScenarioTotals extends VariantTotals {
  /** Contracts the scenario could not evaluate (the baseline could). */
  failed: number;
  /** Contracts with any amount different from the baseline. */
  changed: number;
  metToNotMet: number;
  notMetToMet: number;
  /** The largest status changes (by boete, then realised, then id): at most `keep`. */
  statusChanges: StatusChange[];
  /**
   * With attribution: per subset of the players (a mask), per quantity, the sum of the attributed
   * contracts' amounts with those players' changes applied. Shapley values are linear, so the
   * attribution of the totals is that of these sums (see `whatIfReport`).
   */
  subsets?: ExactSum[][];
  /** Per quantity: the sum of the changes, in cents (equal to scenario − baseline over the contracts evaluated by both). */
  delta: ExactSum[];
  /** Per quantity: the part of `delta` over contracts whose change was attributed. */
  attributedDelta: ExactSum[];
}

export interface WhatIfTotals {
  /** Contracts the baseline evaluated. */
  evaluated: number;
  baseline: VariantTotals;
  scenarios: ScenarioTotals[];
  /** The most status changes kept per scenario. */
  keep: number;
}

const variant0 = (): VariantTotals => ({
  contracts: 0,
  amounts: quantities.map(sum0),
  status: { 'geen-verplichting': 0, voldaan: 0, 'niet-voldaan': 0 },
  fulfilment: fulfilmentBuckets.map(() => 0),
  routes: new Map(),
  doelgroepen: new Map(),
  opdrachtsoorten: new Map(),
});

export function emptyTotals(scenarios: number, players: readonly number[], keep = 500): WhatIfTotals {
  return {
    evaluated: 0,
    baseline: variant0(),
    scenarios: Array.from({ length: scenarios }, (_, s) => ({
      ...variant0(),
      failed: 0,
      changed: 0,
      metToNotMet: 0,
      notMetToMet: 0,
      statusChanges: [],
      delta: quantities.map(sum0),
      attributedDelta: quantities.map(sum0),
      ...(players[s]! > 0
        ? { subsets: Array.from({ length: 1 << players[s]! }, () => quantities.map(sum0)) }
        : {}),
    })),
    keep,
  };
}

function addVariant(t: VariantTotals, e: Evaluated, opdrachtsoort: string): void {
  // Plain loops, no callbacks: this runs for every contract and variant.
  t.contracts++;
  const amounts = e.amounts;
  for (let q = 0; q < amounts.length; q++) add(t.amounts[q]!, amounts[q]!);
  t.status[e.status]++;
  if (e.status !== 'geen-verplichting') t.fulfilment[bucketOf(amounts[0]!, amounts[1]!)]!++;
  for (let i = 0; i < e.routes.length; i++) {
    const name = e.routeNames[i]![0];
    let r = t.routes.get(name);
    if (!r) t.routes.set(name, (r = { label: e.routeNames[i]![1], sum: sum0() }));
    add(r.sum, e.routes[i]!);
  }
  for (let i = 0; i < e.doelgroepen.length; i++) {
    const g = e.doelgroepen[i]!;
    let d = t.doelgroepen.get(g);
    if (!d) t.doelgroepen.set(g, (d = sum0()));
    add(d, e.doelgroepCents[i]!);
  }
  let o = t.opdrachtsoorten.get(opdrachtsoort);
  if (!o) t.opdrachtsoorten.set(opdrachtsoort, (o = { contracts: 0, amounts: quantities.map(sum0) }));
  o.contracts++;
  for (let q = 0; q < amounts.length; q++) add(o.amounts[q]!, amounts[q]!);
}

/** The order of status changes in reports: largest boete change first, then realised, then id. */
export function compareChanges(a: StatusChange, b: StatusChange): number {
  const db = Math.abs(b.scenario[4]! - b.base[4]!) - Math.abs(a.scenario[4]! - a.base[4]!);
  if (db !== 0) return db;
  const dg = Math.abs(b.scenario[1]! - b.base[1]!) - Math.abs(a.scenario[1]! - a.base[1]!);
  if (dg !== 0) return dg;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ka = JSON.stringify(a);
  const kb = JSON.stringify(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Adds one contract's outcome to the totals; without `baseline`, its scenarios only (the caller
 * has the baseline's totals from an earlier run over the same contracts: see `addBaseline`).
 */
export function addOutcome(t: WhatIfTotals, o: ContractOutcome, baseline = true): void {
  // Plain loops, no callbacks: this runs for every contract (a slider's every step).
  t.evaluated++;
  if (baseline) addVariant(t.baseline, o.base, o.opdrachtsoort);
  const base = o.base.amounts;
  for (let i = 0; i < o.scenarios.length; i++) {
    const s = o.scenarios[i];
    const st = t.scenarios[i]!;
    if (!s) {
      st.failed++;
      continue;
    }
    addVariant(st, s.result, o.opdrachtsoort);
    const amounts = s.result.amounts;
    let changed = false;
    for (let q = 0; q < amounts.length; q++) {
      const d = amounts[q]! - base[q]!;
      if (d !== 0) changed = true;
      add(st.delta[q]!, d);
    }
    if (changed) st.changed++;
    const from = o.base.status;
    const to = s.result.status;
    if (from !== to && from !== 'geen-verplichting' && to !== 'geen-verplichting') {
      if (from === 'voldaan') st.metToNotMet++;
      else st.notMetToMet++;
    }
    if (from !== to) {
      st.statusChanges.push({
        id: o.id,
        opdrachtsoort: o.opdrachtsoort,
        from,
        to,
        base,
        scenario: amounts,
      });
      if (st.statusChanges.length > 2 * t.keep) trim(st, t.keep);
    }
    if (s.subsets && st.subsets) {
      for (let m = 0; m < s.subsets.length; m++) {
        const subset = s.subsets[m]!;
        const sums = st.subsets[m]!;
        for (let q = 0; q < subset.length; q++) add(sums[q]!, subset[q]!);
      }
      for (let q = 0; q < amounts.length; q++) add(st.attributedDelta[q]!, amounts[q]! - base[q]!);
    }
  }
}

function trim(st: ScenarioTotals, keep: number): void {
  st.statusChanges.sort(compareChanges);
  st.statusChanges.length = Math.min(st.statusChanges.length, keep);
}

function mergeVariant(a: VariantTotals, b: VariantTotals): void {
  a.contracts += b.contracts;
  b.amounts.forEach((s, q) => merge(a.amounts[q]!, s));
  for (const k of Object.keys(b.status) as Status[]) a.status[k] += b.status[k];
  b.fulfilment.forEach((n, i) => (a.fulfilment[i]! += n));
  for (const [name, r] of b.routes) {
    const x = a.routes.get(name);
    if (x) merge(x.sum, r.sum);
    else a.routes.set(name, { label: r.label, sum: { n: 0, big: total(r.sum) } });
  }
  for (const [g, s] of b.doelgroepen) {
    const x = a.doelgroepen.get(g);
    if (x) merge(x, s);
    else a.doelgroepen.set(g, { n: 0, big: total(s) });
  }
  for (const [k, o] of b.opdrachtsoorten) {
    const x = a.opdrachtsoorten.get(k);
    if (x) {
      x.contracts += o.contracts;
      o.amounts.forEach((s, q) => merge(x.amounts[q]!, s));
    } else
      a.opdrachtsoorten.set(k, {
        contracts: o.contracts,
        amounts: o.amounts.map((s) => ({ n: 0, big: total(s) })),
      });
  }
}

/** Adds a baseline's totals kept from an earlier run into totals made without them. */
export function addBaseline(t: WhatIfTotals, baseline: VariantTotals): void {
  mergeVariant(t.baseline, baseline);
}

/** Adds totals `b` (another worker's, plain data after a postMessage) into `a`. */
export function mergeTotals(a: WhatIfTotals, b: WhatIfTotals): void {
  a.evaluated += b.evaluated;
  mergeVariant(a.baseline, b.baseline);
  b.scenarios.forEach((s, i) => {
    const x = a.scenarios[i]!;
    mergeVariant(x, s);
    x.failed += s.failed;
    x.changed += s.changed;
    x.metToNotMet += s.metToNotMet;
    x.notMetToMet += s.notMetToMet;
    s.delta.forEach((d, q) => merge(x.delta[q]!, d));
    s.attributedDelta.forEach((d, q) => merge(x.attributedDelta[q]!, d));
    x.statusChanges.push(...s.statusChanges);
    // Trimmed when twice the kept number (as `addOutcome` does), not at every merge: sorting them
    // for each batch of a run was a tenth of a slider's step. `finishTotals` trims at the end.
    if (x.statusChanges.length > 2 * a.keep) trim(x, a.keep);
    if (s.subsets && x.subsets)
      s.subsets.forEach((perQuantity, m) => perQuantity.forEach((v, q) => merge(x.subsets![m]![q]!, v)));
  });
}

/** Sorts and trims the kept status changes: call once, after the last contract or merge. */
export function finishTotals(t: WhatIfTotals): void {
  for (const s of t.scenarios) trim(s, t.keep);
}

/** k! for attribution of k players. */
export const scaleOf = (k: number): bigint => factorial(k);

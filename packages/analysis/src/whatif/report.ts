// The what-if report: the totals of a run as plain JSON (amounts as "1234.56" strings), the same
// object the JSON output, the CSV and the HTML page are written from.
import { plainCents } from '@sroi/core';
import {
  fulfilmentBuckets,
  scaleOf,
  total,
  type ExactSum,
  type StatusChange,
  type VariantTotals,
  type WhatIfTotals,
} from './aggregate.js';
import { quantities, type Quantity, type Status } from './engine.js';
import type { Player, ScenarioSpec } from './changes.js';
import { distributeCents, scaledShapley } from './shapley.js';

/** Amounts by quantity, "1234.56". */
export type Amounts = Readonly<Partial<Record<Quantity, string>>>;

export interface VariantReport {
  readonly contracts: number;
  readonly totals: Amounts;
  readonly status: Readonly<Record<Status, number>>;
  /** Contracts with an obligation per fulfilment bucket (`fulfilmentBuckets`). */
  readonly fulfilment: readonly { readonly bucket: string; readonly contracts: number }[];
  readonly routes: readonly {
    readonly name: string;
    readonly label: string;
    readonly gerealiseerd: string;
  }[];
  /** Valued amounts before route caps per doelgroep ('' = activities without a doelgroep). */
  readonly doelgroepen: readonly { readonly doelgroep: string; readonly gewaardeerd: string }[];
  readonly opdrachtsoorten: readonly {
    readonly opdrachtsoort: string;
    readonly contracts: number;
    readonly totals: Amounts;
  }[];
}

export interface ScenarioReport extends VariantReport {
  readonly name: string;
  readonly players: readonly Player[];
  /** Scenario − baseline per quantity. */
  readonly difference: Amounts;
  readonly failed: number;
  readonly changed: number;
  readonly metToNotMet: number;
  readonly notMetToMet: number;
  readonly statusChangesShown: number;
  readonly statusChanges: readonly {
    readonly id: string;
    readonly opdrachtsoort: string;
    readonly from: Status;
    readonly to: Status;
    readonly baseline: Amounts;
    readonly scenario: Amounts;
  }[];
  /**
   * Per quantity: the change split over the players (Shapley values of the totals, to the cent by
   * largest remainder), in the order of `players`; absent without attribution.
   */
  readonly attribution?: Readonly<Partial<Record<Quantity, readonly string[]>>>;
  /** The change the attribution splits (equal to `difference` unless some contract's subsets could not be evaluated). */
  readonly attributed?: Amounts;
  /** Why there is no attribution. */
  readonly noAttribution?: string;
}

export interface WhatIfReport {
  readonly base: string;
  readonly portfolio: string;
  /** Rows read, contracts evaluated, rows skipped (invalid or not evaluable under the baseline). */
  readonly read: {
    readonly contracts: number;
    readonly evaluated: number;
    readonly skipped: number;
    readonly skippedRows: number;
  };
  readonly quantities: readonly Quantity[];
  readonly baseline: VariantReport;
  readonly scenarios: readonly ScenarioReport[];
}

const text = (s: ExactSum | bigint): string => {
  const c = typeof s === 'bigint' ? s : total(s);
  const n = Number(c);
  return Number.isSafeInteger(n) && n >= 0 ? plainCents(n) : bigCents(c);
};
function bigCents(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
const amountsText = (xs: readonly (ExactSum | bigint | number)[], shown: readonly Quantity[]): Amounts =>
  Object.fromEntries(
    quantities.flatMap((q, i) =>
      shown.includes(q)
        ? [[q, typeof xs[i] === 'number' ? text(BigInt(xs[i])) : text(xs[i] as ExactSum | bigint)]]
        : [],
    ),
  );

function variantReport(t: VariantTotals, shown: readonly Quantity[]): VariantReport {
  const byName = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    contracts: t.contracts,
    totals: amountsText(t.amounts, shown),
    status: { ...t.status },
    fulfilment: fulfilmentBuckets.map((bucket, i) => ({ bucket, contracts: t.fulfilment[i]! })),
    routes: byName(t.routes).map(([name, r]) => ({ name, label: r.label, gerealiseerd: text(r.sum) })),
    doelgroepen: byName(t.doelgroepen).map(([doelgroep, s]) => ({ doelgroep, gewaardeerd: text(s) })),
    opdrachtsoorten: byName(t.opdrachtsoorten).map(([opdrachtsoort, o]) => ({
      opdrachtsoort,
      contracts: o.contracts,
      totals: amountsText(o.amounts, shown),
    })),
  };
}

const changeReport = (c: StatusChange, shown: readonly Quantity[]) => ({
  id: c.id,
  opdrachtsoort: c.opdrachtsoort,
  from: c.from,
  to: c.to,
  baseline: amountsText(c.base, shown),
  scenario: amountsText(c.scenario, shown),
});

/** The report of a finished run (`finishTotals` called). */
export function whatIfReport(
  t: WhatIfTotals,
  specs: readonly ScenarioSpec[],
  info: {
    base: string;
    portfolio: string;
    contracts: number;
    skipped: number;
    skippedRows: number;
    overschot: boolean;
    attribution: readonly boolean[];
  },
): WhatIfReport {
  const shown = quantities.filter((q) => q !== 'overschot' || info.overschot);
  return {
    base: info.base,
    portfolio: info.portfolio,
    read: {
      contracts: info.contracts,
      evaluated: t.evaluated,
      skipped: info.skipped,
      skippedRows: info.skippedRows,
    },
    quantities: shown,
    baseline: variantReport(t.baseline, shown),
    scenarios: t.scenarios.map((s, i): ScenarioReport => {
      const spec = specs[i]!;
      const k = spec.players.length;
      // Shapley values are linear: the attribution of the totals is that of the summed subsets.
      const subsets = info.attribution[i] ? s.subsets : undefined;
      const attribution =
        subsets &&
        Object.fromEntries(
          quantities.flatMap((q, qi) => {
            if (!shown.includes(q)) return [];
            const scaled = scaledShapley(
              k,
              subsets.map((perQuantity) => total(perQuantity[qi]!)),
            );
            return [[q, distributeCents(scaled, scaleOf(k), total(s.attributedDelta[qi]!)).map(text)]];
          }),
        );
      return {
        name: spec.name,
        players: spec.players,
        ...variantReport(s, shown),
        difference: amountsText(s.delta, shown),
        failed: s.failed,
        changed: s.changed,
        metToNotMet: s.metToNotMet,
        notMetToMet: s.notMetToMet,
        statusChangesShown: s.statusChanges.length,
        statusChanges: s.statusChanges.map((c) => changeReport(c, shown)),
        ...(attribution ? { attribution, attributed: amountsText(s.attributedDelta, shown) } : {}),
        ...(spec.noAttribution !== undefined ? { noAttribution: spec.noAttribution } : {}),
      };
    }),
  };
}

/**
 * A contract's change split over the players, to the cent, per quantity (for per-contract output):
 * from its amounts under every subset of the players (`ScenarioOutcome.subsets`).
 */
export function contractAttribution(
  subsets: readonly (readonly number[])[],
  deltas: readonly number[],
): bigint[][] {
  const k = Math.log2(subsets.length);
  return deltas.map((delta, q) =>
    distributeCents(
      scaledShapley(
        k,
        subsets.map((amounts) => BigInt(amounts[q]!)),
      ),
      scaleOf(k),
      BigInt(delta),
    ),
  );
}

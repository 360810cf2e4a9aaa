// Contracts to ask two rulesets about: the standard form of every activity kind, every enumeration
// value, and the fields just below, at and just above every constant a rule compares them with.
import {
  activityKinds,
  contractFields,
  enumerationNames,
  sharedEnumerationValues,
  type EnumerationName,
  type FieldSpec,
  type IrDocument,
  type Rational,
} from '@sroi/core';
import type { Probe, ProbeOrigin } from './probes.js';
import { allowed, isNumeric, stepOf, toJson } from './values.js';

/** A contract as JSON (docs/contract-format.md), without its reference date. */
export type ContractJson = Record<string, unknown> & { activiteiten: Record<string, unknown>[] };

/** The enumeration values of one or more rulesets, in their order, the first ruleset's first. */
export type Enumerations = Readonly<Record<EnumerationName, readonly string[]>>;

export function enumerationsOf(irs: readonly IrDocument[]): Enumerations {
  const out = {} as Record<EnumerationName, string[]>;
  for (const name of enumerationNames) {
    const values = irs.flatMap((ir) => ir.enumerations.find((e) => e.name === name)?.values ?? []);
    out[name] = [...new Set(values.length ? values : sharedEnumerationValues[name])];
  }
  return out;
}

/** Where a probe candidate lies relative to its constant. */
export type ProbePosition = 'below' | 'at' | 'above';

/** A candidate contract of the boundary search. */
export interface Candidate {
  /** "scope" for contracts without activities, an activity kind, or "caps". */
  readonly group: string;
  /** Candidates of one family differ only in `variant` (an opdrachtsoort, a doelgroep, ...). */
  readonly family: string;
  readonly variant?: string;
  /** The field that holds `variant`: the contract's opdrachtsoort, or the activity's field. */
  readonly variantField?: string;
  readonly contract: ContractJson;
  /** Sort key: simplest first. */
  readonly rank: readonly number[];
  readonly probe?: {
    readonly scope: 'contract' | 'activity';
    readonly field: string;
    /** The constant, in the contract's JSON notation. */
    readonly value: string | number;
    readonly position: ProbePosition;
    readonly origins: readonly ProbeOrigin[];
  };
}

const STANDARD_MONTHS = 12;
const STANDARD_HOURS = 10;
const STANDARD_AMOUNT = '1000.00';

/** The enumeration field a kind is mostly about: doelgroep for a plaatsing, opleiding for a leerling. */
export function primaryField(kind: string): [string, EnumerationName] | undefined {
  for (const [name, spec] of Object.entries(activityKinds[kind] ?? {}))
    if (spec.type.kind === 'enum') return [name, spec.type.enumeration];
  return undefined;
}

/** The sizes of a standard activity: its amounts, hours and months. */
export interface ActivitySizes {
  readonly amount: string;
  readonly hours: number;
  readonly months: number;
}

const STANDARD_SIZES: ActivitySizes = {
  amount: STANDARD_AMOUNT,
  hours: STANDARD_HOURS,
  months: STANDARD_MONTHS,
};

/**
 * An activity of `kind` in its standard form: the required fields only, enumerations at their
 * first value, 1 fte, and `sizes` (by default 12 months, 10 hours, € 1.000).
 */
export function standardActivity(
  kind: string,
  enums: Enumerations,
  sizes: ActivitySizes = STANDARD_SIZES,
): Record<string, unknown> {
  const out: Record<string, unknown> = { soort: kind };
  for (const [name, spec] of Object.entries(activityKinds[kind] ?? {})) {
    if (spec.presence !== 'required') continue;
    const t = spec.type;
    if (t.kind === 'enum') out[name] = enums[t.enumeration][0];
    else if (t.kind === 'money') out[name] = sizes.amount;
    else if (t.kind === 'duration') out[name] = t.unit === 'uren' ? sizes.hours : sizes.months;
    else if (t.kind === 'number') out[name] = 1;
  }
  return out;
}

/** The contract every activity candidate sits in: no activities of its own. */
export const baseContract = (waarde: string, opdrachtsoort: string): ContractJson => ({
  id: 'KANDIDAAT',
  opdrachtsoort,
  waarde,
  activiteiten: [],
});

/** The values just below, at and just above `value` that a field of this type allows. */
function around(spec: FieldSpec, value: Rational): { position: ProbePosition; json: string | number }[] {
  const t = spec.type;
  if (!isNumeric(t)) return [];
  const step = stepOf(t);
  const out: { position: ProbePosition; json: string | number }[] = [];
  for (const [position, v] of [
    ['below', value.sub(step)],
    ['at', value],
    ['above', value.add(step)],
  ] as const)
    if (allowed(t, v)) out.push({ position, json: toJson(t, v) });
  return out;
}

/** Probes with the same field and value, merged: one candidate, every rule that compares it. */
function groupProbes(probes: readonly Probe[]): { probe: Probe; origins: ProbeOrigin[] }[] {
  const groups = new Map<string, { probe: Probe; origins: ProbeOrigin[] }>();
  for (const p of probes) {
    const key = `${p.scope}:${(p.kinds ?? []).join(',')}:${p.field}:${p.value.toString()}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { probe: p, origins: [p.origin] });
    else if (
      !g.origins.some((o) => o.side === p.origin.side && o.rule === p.origin.rule && o.op === p.origin.op)
    )
      g.origins.push(p.origin);
  }
  return [...groups.values()];
}

const numeric = (x: string | number) => (typeof x === 'number' ? x : Number(x));

/**
 * The candidates for two rulesets: contracts without activities around every contract-level
 * constant, per opdrachtsoort; and per activity kind its standard form, every enumeration value
 * and every fact, and its fields around every constant — each in a base contract that both
 * rulesets hold in scope.
 */
export function buildCandidates(
  probes: readonly Probe[],
  enums: Enumerations,
  base: ContractJson,
): Candidate[] {
  const out: Candidate[] = [];
  const grouped = groupProbes(probes);
  const waarde = numeric(base['waarde'] as string);

  // Contracts without activities: the scope and the obligation.
  for (const soort of enums.opdrachtsoort)
    out.push({
      group: 'scope',
      family: 'scope:opdrachtsoort',
      variant: soort,
      variantField: 'opdrachtsoort',
      contract: { ...base, opdrachtsoort: soort },
      rank: [0, 0, waarde],
    });
  for (const { probe, origins } of grouped.filter((g) => g.probe.scope === 'contract')) {
    const spec = numericContractField(probe.field);
    if (!spec) continue;
    const at = toJsonOf(spec, probe.value);
    for (const { position, json } of around(spec, probe.value)) {
      const variants = probe.field === 'waarde' ? enums.opdrachtsoort : [base['opdrachtsoort'] as string];
      for (const soort of variants)
        out.push({
          group: 'scope',
          family: `scope:${probe.field}=${probe.value.toString()}:${position}`,
          variant: soort,
          variantField: 'opdrachtsoort',
          contract: { ...base, opdrachtsoort: soort, [probe.field]: json },
          rank: [0, 1, probe.field === 'waarde' ? numeric(json) : waarde, numeric(json)],
          probe: { scope: 'contract', field: probe.field, value: at, position, origins },
        });
    }
  }
  for (const [name, spec] of Object.entries(contractFields))
    if (spec.presence === 'default-false')
      out.push({
        group: 'scope',
        family: `scope:${name}`,
        contract: { ...base, [name]: true },
        rank: [0, 2, waarde],
      });

  // One activity at a time.
  for (const kind of Object.keys(activityKinds)) {
    const standard = standardActivity(kind, enums);
    const primary = primaryField(kind);
    const primaryValues = primary ? enums[primary[1]] : [undefined];
    const withActivity = (activity: Record<string, unknown>): ContractJson => ({
      ...base,
      activiteiten: [activity],
    });
    const variantOf = (value: string | undefined) =>
      value === undefined || !primary ? {} : { variant: value, variantField: primary[0] };
    for (const [i, value] of primaryValues.entries())
      out.push({
        group: kind,
        family: `${kind}:standaard`,
        ...variantOf(value),
        contract: withActivity(primary && value ? { ...standard, [primary[0]]: value } : standard),
        rank: [1, 0, i],
      });
    for (const [name, spec] of Object.entries(activityKinds[kind]!)) {
      const t = spec.type;
      if (primary && name === primary[0]) continue;
      if (t.kind === 'enum')
        for (const [i, value] of enums[t.enumeration].entries())
          if (value !== standard[name])
            out.push({
              group: kind,
              family: `${kind}:${name}=${value}`,
              contract: withActivity({ ...standard, [name]: value }),
              rank: [1, 1, i],
            });
      if (t.kind === 'boolean') {
        const facts = spec.presence === 'optional' ? [true, false] : [true];
        for (const fact of facts)
          for (const [i, value] of primaryValues.entries())
            out.push({
              group: kind,
              family: `${kind}:${name}=${String(fact)}`,
              ...variantOf(value),
              contract: withActivity({
                ...standard,
                ...(primary && value ? { [primary[0]]: value } : {}),
                [name]: fact,
              }),
              rank: [1, 2, i],
            });
      }
    }
    for (const { probe, origins } of grouped.filter(
      (g) => g.probe.scope === 'activity' && (!g.probe.kinds || g.probe.kinds.includes(kind)),
    )) {
      const spec = activityKinds[kind]![probe.field];
      if (!spec) continue;
      const at = toJsonOf(spec, probe.value);
      for (const { position, json } of around(spec, probe.value))
        for (const [i, value] of primaryValues.entries())
          out.push({
            group: kind,
            family: `${kind}:${probe.field}=${probe.value.toString()}:${position}`,
            ...variantOf(value),
            contract: withActivity({
              ...standard,
              ...(primary && value ? { [primary[0]]: value } : {}),
              [probe.field]: json,
            }),
            rank: [1, 3, numeric(json), i],
            probe: { scope: 'activity', field: probe.field, value: at, position, origins },
          });
    }
  }
  return dedupe(out);
}

/** Two candidates with the same contract are one; the first (simplest) stays. */
function dedupe(list: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = JSON.stringify(c.contract);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A numeric contract field a boundary search may move (the value, the labour share). */
function numericContractField(field: string): FieldSpec | undefined {
  const spec = contractFields[field];
  return spec && isNumeric(spec.type) ? spec : undefined;
}

function toJsonOf(spec: FieldSpec, value: Rational): string | number {
  return isNumeric(spec.type) ? toJson(spec.type, value) : value.toString();
}

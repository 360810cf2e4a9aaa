// The computed rows of the harmonisation matrix: complete probe contracts (a standard activity of
// each kind and value, completed with what the rulesets read of it), evaluated under every
// ruleset, so a row compares like with like whatever each ruleset calls its tables; and the
// thresholds, percentages, caps and penalty the same way. Each value carries the `bron` or
// `aanname` it rests on, and a probe a ruleset does not value says why.
import {
  activityKinds,
  contractFields,
  formatValue,
  Rational,
  type IrDocument,
  type Language,
} from '@sroi/core';
import type { EvaluationResult } from '@sroi/evaluator';
import {
  baseContract,
  primaryField,
  standardActivity,
  type ContractJson,
  type Enumerations,
} from './candidates.js';
import { evaluateOn, firstProblem } from './evaluate.js';
import { walk } from './ir-walk.js';
import { probesOf } from './probes.js';
import type { ReviewedRuleset } from './ruleset.js';
import { allowed, fieldText, isNumeric, showJson, showMoney, stepOf, toJson } from './values.js';

/** What a value rests on: a cited source, or at least one provisional assumption (`aanname`). */
export interface Provenance {
  /** `aanname` when any rule the value rests on is an assumption; `bron` when all are cited. */
  readonly kind: 'bron' | 'aanname' | 'geen';
  /** The rules that are assumptions ("parameter sr_percentage"). */
  readonly assumptions: readonly string[];
  /** The cited sources. */
  readonly sources: readonly string[];
}

/** Which way a higher value of a row moves the policy: against the contractor (stricter) or for. */
export type Direction = 'higher-stricter' | 'higher-looser';

/** A computed cell: its text, its exact meaning, its number for a spreadsheet, and its footing. */
export interface ProbeCell {
  readonly text: string;
  /** Equal for equal values (a rational), or a word ("geen"); absent when the ruleset refused. */
  readonly meaning?: string;
  /** For a spreadsheet: a decimal in the unit, "1234.56" euro or "5" percent. */
  readonly number?: string;
  readonly unit?: 'euro' | 'procent';
  readonly provenance?: Provenance;
  /** Why the ruleset values the probe at € 0 or refuses it (its melding or error). */
  readonly note?: string;
}

export type ProbeSection = 'activities' | 'obligation' | 'caps' | 'penalty';

export interface ProbeRow {
  readonly section: ProbeSection;
  readonly key: string;
  readonly label: string;
  readonly direction: Direction;
  /** What the row is about, for the summary and charts: a doelgroep, an opdrachtsoort, a route. */
  readonly topic?: { readonly kind: string; readonly value?: string };
  readonly cells: readonly ProbeCell[];
}

const words = {
  nl: {
    refused: 'geweigerd',
    none: 'geen',
    noCap: 'geen maximum',
    notFound: (max: string) => `geen (tot ${max})`,
    smallest: (o: string) => `Drempel ${o}: kleinste contractwaarde met verplichting`,
    share: (o: string, waarde: string) => `Verplichting ${o} in % van ${waarde}`,
    shareAt: (f: string, v: string, waarde: string, o: string) =>
      `Verplichting in % bij ${f} ${v} (${o}, ${waarde})`,
    cap: (label: string) => `Maximum route ${label} (% van de verplichting)`,
    penalty: 'Boete zonder realisatie (% van de verplichting)',
    penaltyEffort: 'Boete zonder realisatie, inspanning aangetoond (% van de verplichting)',
    per: { fte: 'fte', maanden: 'maanden', uren: 'uur' },
    range: (field: string, a: string, b: string) => (a === b ? `${field} ${a}` : `${field} ${a}-${b}`),
    with: (field: string) => `met ${field}`,
  },
  en: {
    refused: 'refused',
    none: 'none',
    noCap: 'no cap',
    notFound: (max: string) => `none (up to ${max})`,
    smallest: (o: string) => `Threshold ${o}: smallest contract value with an obligation`,
    share: (o: string, waarde: string) => `Obligation ${o} as % of ${waarde}`,
    shareAt: (f: string, v: string, waarde: string, o: string) =>
      `Obligation in % at ${f} ${v} (${o}, ${waarde})`,
    cap: (label: string) => `Cap of route ${label} (% of the obligation)`,
    penalty: 'Penalty with nothing realised (% of the obligation)',
    penaltyEffort: 'Penalty with nothing realised, effort shown (% of the obligation)',
    per: { fte: 'fte', maanden: 'months', uren: 'hour' },
    range: (field: string, a: string, b: string) => (a === b ? `${field} ${a}` : `${field} ${a}-${b}`),
    with: (field: string) => `with ${field}`,
  },
} as const;

/** The value of a probe contract: € 10.000 for amounts, one hour, 1 fte for 12 months. */
const PROBE_AMOUNT = '10000.00';
const PROBE_MONTHS = 12;
const PROBE_HOURS = 1;
/** A contract large enough that every ruleset holds it in scope. */
const LARGE = '10000000.00';
const SEARCH_LIMIT = Rational.of(100_000_000_000n); // € 1 mld in cents
/** Integer fields with at most this many values are tried value by value (mbo `niveau` 1-4). */
const SMALL_DOMAIN = 10;

/** A node of a result's explanation tree (`uitleg`), as far as its footing goes. */
interface ExplanationNode {
  readonly regel: string;
  readonly bron?: readonly string[] | undefined;
  readonly aanname?: readonly string[] | undefined;
  readonly onderdelen?: readonly ExplanationNode[] | undefined;
}

/** Every rule in a ruleset's explanation tree: the `bron` and `aanname` it rests on. */
export function provenanceOf(node: ExplanationNode | undefined): Provenance {
  const assumptions = new Set<string>();
  const sources = new Set<string>();
  const visit = (n: ExplanationNode) => {
    if (n.aanname?.length) assumptions.add(n.regel);
    for (const b of n.bron ?? []) sources.add(b);
    for (const c of n.onderdelen ?? []) visit(c);
  };
  if (node) visit(node);
  return {
    kind: assumptions.size > 0 ? 'aanname' : sources.size > 0 ? 'bron' : 'geen',
    assumptions: [...assumptions],
    sources: [...sources],
  };
}

/** The probe form of an activity kind: € 10.000 for amounts, one hour, 1 fte for 12 months. */
const probeActivity = (kind: string, enums: Enumerations) =>
  standardActivity(kind, enums, { amount: PROBE_AMOUNT, hours: PROBE_HOURS, months: PROBE_MONTHS });

/** The activity fields a ruleset's rules for `kind` read (its valuation, requirements, definitions). */
function fieldsRead(ir: IrDocument, kind: string): Set<string> {
  const exprs = [
    ...ir.valuations
      .filter((v) => v.kind === kind)
      .flatMap((v) => [v.expr, ...v.requirements.map((r) => r.when)]),
    ...ir.definitions.filter((d) => d.scope === kind).map((d) => d.expr),
  ];
  const out = new Set<string>();
  for (const e of exprs)
    for (const x of walk(e)) if (x.k === 'field' && x.scope === 'activity') out.add(x.name);
  return out;
}

interface Probe {
  readonly activity: Record<string, unknown>;
  /** What the probe adds to the kind and its primary value ("niveau 1-2", "met stage"). */
  readonly extras: readonly string[];
}

type Outcome = ReturnType<ReviewedRuleset['plan']['evaluate']>;

/** The obligation of each ruleset at a contract value, for the chart per opdrachtsoort. */
export interface ObligationCurve {
  readonly opdrachtsoort: string;
  readonly points: readonly {
    readonly waarde: string;
    /** Per ruleset, "1234.56"; absent where the ruleset refused the contract. */
    readonly verplichting: readonly (string | undefined)[];
  }[];
}

/** Contract values the obligation charts are drawn through (besides each threshold, just below and at). */
const CURVE_VALUES = [
  10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 250_000, 300_000, 400_000, 500_000, 750_000,
  1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 8_000_000, 10_000_000,
];

/**
 * Computes the rows. `dates[i]` is the reference date for ruleset i; evaluations are cached by
 * contract so a probe asked twice is evaluated once.
 */
export function probeRows(
  rulesets: readonly ReviewedRuleset[],
  enums: Enumerations,
  dates: readonly string[],
  lang: Language,
): { rows: ProbeRow[]; curves: ObligationCurve[] } {
  const w = words[lang];
  const cache = new Map<string, Outcome>();
  const evaluate = (i: number, contract: ContractJson): Outcome => {
    const key = `${i} ${JSON.stringify(contract)}`;
    let r = cache.get(key);
    if (!r) {
      r = evaluateOn(rulesets[i]!, contract, dates[i]!, { explain: true, lang });
      cache.set(key, r);
    }
    return r;
  };
  const all = (contract: ContractJson) => rulesets.map((_, i) => evaluate(i, contract));
  const soort = enums.opdrachtsoort.includes('diensten') ? 'diensten' : enums.opdrachtsoort[0]!;
  const large = baseContract(LARGE, soort);
  const rows: ProbeRow[] = [];
  const percent = (ratio: Rational): ProbeCell => ({
    text: formatValue(ratio, { t: 'percentage' }, lang),
    meaning: ratio.toString(),
    number: ratio
      .mul(Rational.of(100))
      .toFixed(4)
      .replace(/\.?0+$/, ''),
    unit: 'procent',
  });
  const money = (amount: string): Pick<ProbeCell, 'text' | 'meaning' | 'number' | 'unit'> => ({
    text: showMoney(amount, lang),
    meaning: Rational.parse(amount)!.toString(),
    number: amount,
    unit: 'euro',
  });
  const refused = (o: Outcome): ProbeCell => ({ text: w.refused, note: firstProblem(o.diagnostics, lang) });

  // ── standard activities ──────────────────────────────────────────────────
  const activityCell = (o: Outcome): ProbeCell => {
    const v = o.value;
    if (!v) return refused(o);
    const valued = v.waarderingen[0];
    if (!valued) return refused(o);
    const notes = v.meldingen.filter((m) => m.activiteit === 0 && m.soort !== 'maximum').map((m) => m.tekst);
    return {
      ...money(valued.bedrag),
      provenance: provenanceOf(valued.uitleg),
      ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    };
  };
  const vector = (activity: Record<string, unknown>) =>
    all({ ...large, activiteiten: [activity] })
      .map((o) => o.value?.waarderingen[0]?.bedrag ?? 'x')
      .join('|');
  const unmet = (o: Outcome) =>
    (o.value?.meldingen ?? []).some((m) => m.activiteit === 0 && m.soort === 'vereiste');
  for (const kind of Object.keys(activityKinds)) {
    const spec = activityKinds[kind]!;
    const read = new Set(rulesets.flatMap((r) => [...fieldsRead(r.ir, kind)]));
    const primary = primaryField(kind);
    for (const value of primary ? enums[primary[1]] : [undefined]) {
      let probes: Probe[] = [
        {
          activity: { ...probeActivity(kind, enums), ...(primary && value ? { [primary[0]]: value } : {}) },
          extras: [],
        },
      ];
      // Optional numbers with a few values that some ruleset reads (mbo `niveau`): a complete
      // probe gives them, one row per run of values that every ruleset values alike.
      for (const [field, fs] of Object.entries(spec)) {
        const t = fs.type;
        if (fs.presence !== 'optional' || !read.has(field) || t.kind !== 'number' || !t.integer) continue;
        if (t.min === undefined || t.max === undefined || t.max - t.min > SMALL_DOMAIN) continue;
        probes = probes.flatMap((p) => {
          const runs: { from: number; to: number; v: string }[] = [];
          for (let n = t.min!; n <= t.max!; n++) {
            const v = vector({ ...p.activity, [field]: n });
            const last = runs[runs.length - 1];
            if (last && last.v === v) last.to = n;
            else runs.push({ from: n, to: n, v });
          }
          if (runs.length === 1 && runs[0]!.v === vector(p.activity)) return [p];
          return runs.map((run) => ({
            activity: { ...p.activity, [field]: run.from },
            extras: [...p.extras, w.range(field, String(run.from), String(run.to))],
          }));
        });
      }
      // What a ruleset requires of it (`vereist`): a fact set to "ja" that meets the requirement
      // gives a second row beside the probe without it, so both readings are on the screen.
      probes = probes.flatMap((p) => {
        const contract = { ...large, activiteiten: [p.activity] };
        const failing = rulesets.flatMap((_, i) => (unmet(evaluate(i, contract)) ? [i] : []));
        if (failing.length === 0) return [p];
        for (const [field, fs] of Object.entries(spec)) {
          if (fs.presence !== 'default-false' || !read.has(field) || p.activity[field] === true) continue;
          const completed = { ...p.activity, [field]: true };
          const c2 = { ...large, activiteiten: [completed] };
          if (failing.some((i) => !unmet(evaluate(i, c2))))
            return [p, { activity: completed, extras: [...p.extras, w.with(field)] }];
        }
        return [p];
      });
      for (const p of probes) {
        const contract = { ...large, activiteiten: [p.activity] };
        rows.push({
          section: 'activities',
          key: `berekend ${kind}${value ? ` ${value}` : ''}${p.extras.length ? ` ${p.extras.join(' ')}` : ''}`,
          label: activityLabel(kind, value, p, lang),
          direction: 'higher-looser',
          topic: { kind, ...(value ? { value } : {}) },
          cells: all(contract).map(activityCell),
        });
      }
    }
  }

  // ── thresholds and percentages ─────────────────────────────────────────
  const obligationOf = (o: Outcome) => o.value?.verplichting;
  const thresholds = new Map<string, Rational[]>();
  for (const o of enums.opdrachtsoort) {
    rows.push({
      section: 'obligation',
      key: `berekend drempel ${o}`,
      label: w.smallest(o),
      direction: 'higher-looser',
      topic: { kind: 'drempel', value: o },
      cells: rulesets.map((_, i) => {
        const obliged = (cents: Rational) => {
          const v = obligationOf(evaluate(i, baseContract(cents.div(Rational.of(100)).toFixed(2), o)));
          return v !== undefined && Rational.parse(v)!.sign() > 0;
        };
        if (!obliged(SEARCH_LIMIT))
          return {
            text: w.notFound(showMoney(SEARCH_LIMIT.div(Rational.of(100)).toFixed(2), lang)),
            meaning: 'geen',
          };
        let lo = Rational.ZERO; // assumed: a contract of € 0 has no obligation
        let hi = SEARCH_LIMIT;
        while (hi.sub(lo).gt(Rational.ONE)) {
          const mid = Rational.of(lo.add(hi).div(Rational.of(2)).roundToInteger('floor'));
          if (obliged(mid)) hi = mid;
          else lo = mid;
        }
        thresholds.set(o, [...(thresholds.get(o) ?? []), hi]);
        const amount = hi.div(Rational.of(100)).toFixed(2);
        const at = evaluate(i, baseContract(amount, o));
        return { ...money(amount), provenance: provenanceOf(at.value?.uitleg?.['verplichting']) };
      }),
    });
  }
  const shareCell = (o: Outcome, waarde: string): ProbeCell => {
    const v = o.value;
    if (!v) return refused(o);
    return {
      ...percent(Rational.parse(v.verplichting)!.div(Rational.parse(waarde)!)),
      provenance: provenanceOf(v.uitleg?.['verplichting']),
    };
  };
  const largeText = showMoney(LARGE, lang);
  for (const o of enums.opdrachtsoort)
    rows.push({
      section: 'obligation',
      key: `berekend percentage ${o}`,
      label: w.share(o, largeText),
      direction: 'higher-stricter',
      topic: { kind: 'percentage', value: o },
      cells: all(baseContract(LARGE, o)).map((x) => shareCell(x, LARGE)),
    });
  // Contract fields other rules compare with (the labour share of Leidschendam-Voorburg): just below each constant.
  const seen = new Set<string>();
  for (const p of rulesets.flatMap((r, i) => probesOf(r, i))) {
    if (p.scope !== 'contract' || p.field === 'waarde') continue;
    const spec = contractFields[p.field];
    if (!spec || !isNumeric(spec.type)) continue;
    const below = p.value.sub(stepOf(spec.type));
    if (!allowed(spec.type, below)) continue;
    const json = toJson(spec.type, below);
    const key = `${p.field}=${json}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      section: 'obligation',
      key: `berekend percentage ${key}`,
      label: w.shareAt(p.field, showJson(spec.type, json, lang), largeText, soort),
      direction: 'higher-stricter',
      cells: all({ ...large, [p.field]: json }).map((x) => shareCell(x, LARGE)),
    });
  }

  // ── caps ───────────────────────────────────────────────────────────────
  const largeResults = all(large);
  const routeNames = [...new Set(rulesets.flatMap((r) => r.ir.routes.map((x) => x.name)))];
  for (const name of routeNames) {
    const label = rulesets.flatMap((r) => r.ir.routes.filter((x) => x.name === name))[0]?.label ?? name;
    rows.push({
      section: 'caps',
      key: `berekend maximum ${name}`,
      label: w.cap(label),
      direction: 'higher-looser',
      topic: { kind: 'route', value: name },
      cells: largeResults.map((o, i): ProbeCell => {
        if (!rulesets[i]!.ir.routes.some((x) => x.name === name)) return { text: '—' };
        const v = o.value;
        if (!v) return refused(o);
        const route = v.routes.find((x) => x.naam === name);
        if (route?.maximum === undefined) return { text: w.noCap, meaning: 'geen' };
        const capNode = route.uitleg?.onderdelen?.find((n) => n.regel.startsWith('maximum'));
        return {
          ...percent(Rational.parse(route.maximum)!.div(Rational.parse(v.verplichting)!)),
          provenance: provenanceOf(capNode ?? route.uitleg),
        };
      }),
    });
  }

  // ── penalty ────────────────────────────────────────────────────────────
  const penaltyCell = (o: Outcome): ProbeCell => {
    const v: EvaluationResult | undefined = o.value;
    if (!v) return refused(o);
    const obligation = Rational.parse(v.verplichting)!;
    if (obligation.isZero()) return { text: w.none, meaning: 'geen' };
    return {
      ...percent(Rational.parse(v.boete)!.div(obligation)),
      provenance: provenanceOf(v.uitleg?.['boete']),
    };
  };
  rows.push({
    section: 'penalty',
    key: 'berekend boete',
    label: w.penalty,
    direction: 'higher-stricter',
    cells: largeResults.map(penaltyCell),
  });
  rows.push({
    section: 'penalty',
    key: 'berekend boete inspanning',
    label: w.penaltyEffort,
    direction: 'higher-stricter',
    cells: all({ ...large, inspanningAangetoond: true }).map(penaltyCell),
  });

  // ── obligation against contract value ──────────────────────────────────
  const curves = enums.opdrachtsoort.map((o): ObligationCurve => {
    const cents = new Map<string, Rational>();
    for (const v of CURVE_VALUES) cents.set(String(v * 100), Rational.of(BigInt(v) * 100n));
    for (const t of thresholds.get(o) ?? [])
      for (const c of [t.sub(Rational.ONE), t]) cents.set(c.toString(), c);
    const sorted = [...cents.values()].sort((a, b) => (a.lt(b) ? -1 : a.gt(b) ? 1 : 0));
    return {
      opdrachtsoort: o,
      points: sorted.map((c) => {
        const waarde = c.div(Rational.of(100)).toFixed(2);
        return { waarde, verplichting: all(baseContract(waarde, o)).map(obligationOf) };
      }),
    };
  });
  return { rows, curves };
}

/** "Plaatsing participatiewet (1 fte, 12 maanden, bepaald)", "Leerling mbo-bbl niveau 1-2 (...)". */
function activityLabel(kind: string, value: string | undefined, p: Probe, lang: Language): string {
  const primary = primaryField(kind)?.[0];
  const rest = Object.entries(p.activity)
    .filter(
      ([k, v]) =>
        k !== 'soort' &&
        k !== primary &&
        !(typeof v === 'boolean') &&
        !p.extras.some((x) => x.startsWith(`${k} `)),
    )
    .map(([k, v]) => fieldText(k, v, activityKinds[kind]?.[k]?.type, lang));
  const name = kind.charAt(0).toUpperCase() + kind.slice(1);
  return `${[name, value, ...p.extras].filter(Boolean).join(' ')}${rest.length ? ` (${rest.join(', ')})` : ''}`;
}

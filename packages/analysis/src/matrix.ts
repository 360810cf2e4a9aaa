// `sroi matrix`: the harmonisation matrix over N rulesets. Structural rows compare what has the
// same name; computed rows compare like with like by evaluation (a standard placement per
// doelgroep, the smallest contract with an obligation, a route's cap as a share of the obligation),
// whatever each ruleset calls its tables; portfolio rows compare totals over sample contracts.
import {
  activityKinds,
  contractFields,
  formatIsoDate,
  formatValue,
  parseIsoDate,
  Rational,
  type Language,
} from '@sroi/core';
import {
  baseContract,
  enumerationsOf,
  primaryField,
  standardActivity,
  type ContractJson,
  type Enumerations,
} from './candidates.js';
import { categorizer, flatten } from './diff/declarations.js';
import type { DiffCategory } from './diff/model.js';
import { evaluateOn } from './evaluate.js';
import { describePeriods, epochs, moveIntoPeriods } from './periods.js';
import { portfolioTotals, type PortfolioTotals } from './portfolio.js';
import { probesOf } from './probes.js';
import type { Place, ReviewedRuleset } from './ruleset.js';
import { allowed, fieldText, isNumeric, showJson, showMoney, signedMoney, stepOf, toJson } from './values.js';

export type MatrixSection = DiffCategory | 'computed' | 'portfolio';
export const sectionOrder: readonly MatrixSection[] = [
  'header',
  'scope',
  'valuations',
  'routes',
  'outcomes',
  'enumerations',
  'properties',
  'other',
  'computed',
  'portfolio',
];

export interface MatrixCell {
  /** "—" where the ruleset has no such item (`absent`). */
  readonly text: string;
  readonly absent?: boolean;
  readonly place?: Place;
  /** Differs from the base (the first ruleset's cell). */
  readonly divergent: boolean;
}

export interface MatrixRow {
  readonly section: MatrixSection;
  readonly key: string;
  readonly label: string;
  /** One per ruleset. */
  readonly cells: readonly MatrixCell[];
  /** Some cell differs from the base. */
  readonly divergent: boolean;
}

export interface MatrixRuleset {
  readonly label: string;
  readonly name: string;
  readonly periods: string;
  /** The reference date of the computed rows for this ruleset. */
  readonly date: string;
  /** The common date fell outside this ruleset's periods and was moved into them. */
  readonly moved: boolean;
}

export interface Matrix {
  readonly rulesets: readonly MatrixRuleset[];
  /** The common reference date asked for (each ruleset moves it into its periods). */
  readonly date: string;
  readonly rows: readonly MatrixRow[];
  readonly portfolio?: readonly PortfolioTotals[];
  /** Where the sample portfolio came from. */
  readonly portfolioFile?: string;
}

export interface MatrixOptions {
  readonly lang?: Language;
  /** The reference date of the computed rows (default: the latest date any ruleset's values change). */
  readonly date?: string;
  /** Sample contracts for the portfolio rows. */
  readonly portfolio?: readonly unknown[];
  /** How to name the portfolio's file in the report. */
  readonly portfolioFile?: string;
}

const words = {
  nl: {
    placement: (d: string) => `Plaatsing ${d} (1 fte, 12 maanden, bepaald)`,
    standard: (k: string, what: string) => `${k} standaard (${what})`,
    smallest: (o: string) => `Kleinste contractwaarde met verplichting: ${o}`,
    share: (o: string, waarde: string) => `Verplichting in % van ${waarde}: ${o}`,
    shareAt: (f: string, v: string, waarde: string, o: string) =>
      `Verplichting in % bij ${f} ${v} (${waarde}, ${o})`,
    cap: (label: string) => `Maximum route ${label} (% van de verplichting)`,
    none: 'geen',
    noCap: 'geen maximum',
    refused: 'geweigerd',
    notFound: (max: string) => `geen (tot ${max})`,
    contracts: 'Contracten in de portefeuille',
    obliged: 'Contracten met een verplichting',
    moved: 'Contracten met verplaatste gunningsdatum',
    refusedRow: 'Contracten geweigerd',
    total: (what: string) => `Totaal ${what}`,
    versus: (what: string) => `Verschil ${what} tegenover de basis`,
  },
  en: {
    placement: (d: string) => `Placement ${d} (1 fte, 12 months, fixed term)`,
    standard: (k: string, what: string) => `${k} standard (${what})`,
    smallest: (o: string) => `Smallest contract value with an obligation: ${o}`,
    share: (o: string, waarde: string) => `Obligation as % of ${waarde}: ${o}`,
    shareAt: (f: string, v: string, waarde: string, o: string) =>
      `Obligation in % at ${f} ${v} (${waarde}, ${o})`,
    cap: (label: string) => `Cap of route ${label} (% of the obligation)`,
    none: 'none',
    noCap: 'no cap',
    refused: 'refused',
    notFound: (max: string) => `none (up to ${max})`,
    contracts: 'Contracts in the portfolio',
    obliged: 'Contracts with an obligation',
    moved: 'Contracts with a moved award date',
    refusedRow: 'Contracts refused',
    total: (what: string) => `Total ${what}`,
    versus: (what: string) => `Difference in ${what} against the base`,
  },
} as const;

/** Marks each cell that differs from the base cell (by meaning where known, else by text). */
function row(
  section: MatrixSection,
  key: string,
  label: string,
  cells: readonly ({ text: string; meaning?: string; place?: Place } | undefined)[],
): MatrixRow {
  const meaning = (c: (typeof cells)[number]) => (c ? (c.meaning ?? c.text) : undefined);
  const base = meaning(cells[0]);
  const marked = cells.map((c): MatrixCell =>
    c === undefined
      ? { text: '—', absent: true, divergent: base !== undefined }
      : { text: c.text, ...(c.place ? { place: c.place } : {}), divergent: meaning(c) !== base },
  );
  const divergent = cells.some((c) => meaning(c) !== base);
  return { section, key, label, cells: marked, divergent };
}

const LARGE = '10000000.00';
const SEARCH_LIMIT = Rational.of(100_000_000_000n); // € 1 mld in cents

/** The smallest contract value (in cents) with an obligation, by bisection; undefined when there is none. */
function smallestInScope(r: ReviewedRuleset, soort: string, date: string): Rational | undefined {
  const obliged = (cents: Rational) => {
    const v = evaluateOn(r, baseContract(cents.div(Rational.of(100)).toFixed(2), soort), date).value;
    return v !== undefined && Rational.parse(v.verplichting)!.sign() > 0;
  };
  if (!obliged(SEARCH_LIMIT)) return undefined;
  let lo = Rational.ZERO; // no obligation (assumed: a contract of € 0 has none)
  let hi = SEARCH_LIMIT;
  while (hi.sub(lo).gt(Rational.ONE)) {
    const mid = Rational.of(lo.add(hi).div(Rational.of(2)).roundToInteger('floor'));
    if (obliged(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The harmonisation matrix; the first ruleset is the regional base the others are marked against. */
export function buildMatrix(rulesets: readonly ReviewedRuleset[], options: MatrixOptions = {}): Matrix {
  const lang = options.lang ?? 'nl';
  const w = words[lang];
  const latest = Math.max(...rulesets.flatMap((r) => epochs(r.ir)));
  const common = options.date ? parseIsoDate(options.date)! : latest;
  const dates = rulesets.map((r) => formatIsoDate(moveIntoPeriods(r.ir, common)));
  const rows: MatrixRow[] = [];

  // Structural rows: what has the same name.
  const flat = rulesets.map((r) => flatten(r, lang));
  const category = categorizer(rulesets);
  const keys: { key: string; id: string; name: string; subject: string }[] = [];
  for (const items of flat)
    for (const item of items)
      if (!keys.some((k) => k.key === item.key))
        keys.push({ key: item.key, id: item.id, name: item.name, subject: item.subject });
  const subjectWord: Record<string, string> =
    lang === 'nl'
      ? {
          definition: 'definitie',
          valuation: 'waardering',
          requirements: 'vereisten',
          route: 'route',
          cap: 'maximum',
          outcome: 'uitkomst',
          enumeration: 'opsomming',
          parameter: 'waarde',
        }
      : {
          definition: 'definition',
          valuation: 'valuation',
          requirements: 'requirements',
          route: 'route',
          cap: 'cap',
          outcome: 'outcome',
          enumeration: 'enumeration',
          parameter: 'value',
        };
  for (const k of keys) {
    const section: MatrixSection = k.key.startsWith('kop ') ? 'header' : category(k.id);
    const label =
      k.subject === 'table-row' || k.subject === 'header' || k.subject === 'periods'
        ? k.name
        : `${subjectWord[k.subject] ?? ''} ${k.name}`.trim();
    rows.push(
      row(
        section,
        k.key,
        label,
        flat.map((items) => items.find((i) => i.key === k.key)),
      ),
    );
  }
  rows.sort((x, y) => sectionOrder.indexOf(x.section) - sectionOrder.indexOf(y.section));

  // Computed rows: like with like, by evaluation.
  const enums: Enumerations = enumerationsOf(rulesets.map((r) => r.ir));
  const soort = enums.opdrachtsoort.includes('diensten') ? 'diensten' : enums.opdrachtsoort[0]!;
  const large = baseContract(LARGE, soort);
  const evaluate = (contract: ContractJson) =>
    rulesets.map((r, i) => evaluateOn(r, contract, dates[i]!).value);
  const money = (text: string | undefined) =>
    text === undefined ? { text: w.refused } : { text: showMoney(text, lang), meaning: text };
  const computed = (key: string, label: string, cells: ({ text: string; meaning?: string } | undefined)[]) =>
    rows.push(row('computed', key, label, cells));
  const describe = (activity: Record<string, unknown>) =>
    Object.entries(activity)
      .filter(([k]) => k !== 'soort')
      .map(([k, v]) => fieldText(k, v, activityKinds[String(activity['soort'])]?.[k]?.type, lang))
      .join(', ');

  for (const doelgroep of enums.doelgroep) {
    const activity = { ...standardActivity('plaatsing', enums), doelgroep };
    const results = evaluate({ ...large, activiteiten: [activity] });
    computed(
      `berekend plaatsing ${doelgroep}`,
      w.placement(doelgroep),
      results.map((v) => money(v?.waarderingen[0]?.bedrag)),
    );
  }
  for (const kind of Object.keys(activityKinds)) {
    if (kind === 'plaatsing') continue;
    const primary = primaryField(kind);
    for (const value of primary ? enums[primary[1]] : [undefined]) {
      const activity = {
        ...standardActivity(kind, enums),
        ...(primary && value ? { [primary[0]]: value } : {}),
      };
      const results = evaluate({ ...large, activiteiten: [activity] });
      computed(
        `berekend ${kind} ${value ?? ''}`.trim(),
        w.standard(kind, describe(activity)),
        results.map((v) => money(v?.waarderingen[0]?.bedrag)),
      );
    }
  }
  for (const o of enums.opdrachtsoort) {
    const found = rulesets.map((r, i) => smallestInScope(r, o, dates[i]!));
    computed(
      `berekend drempel ${o}`,
      w.smallest(o),
      found.map((c) =>
        c === undefined
          ? { text: w.notFound(showMoney(SEARCH_LIMIT.div(Rational.of(100)).toFixed(2), lang)) }
          : { text: showMoney(c.div(Rational.of(100)).toFixed(2), lang), meaning: c.toString() },
      ),
    );
  }
  const share = (verplichting: string | undefined, waarde: string) =>
    verplichting === undefined
      ? { text: w.refused }
      : (() => {
          const ratio = Rational.parse(verplichting)!.div(Rational.parse(waarde)!);
          return { text: formatValue(ratio, { t: 'percentage' }, lang), meaning: ratio.toString() };
        })();
  const largeText = showMoney(LARGE, lang);
  for (const o of enums.opdrachtsoort) {
    const results = evaluate(baseContract(LARGE, o));
    computed(
      `berekend percentage ${o}`,
      w.share(o, largeText),
      results.map((v) => share(v?.verplichting, LARGE)),
    );
  }
  // Contract fields other rules compare with (the labour share of Leidschendam-Voorburg): just below each constant.
  const contractProbes = rulesets
    .flatMap((r, i) => probesOf(r, i))
    .filter((p) => p.scope === 'contract' && p.field !== 'waarde');
  const seen = new Set<string>();
  for (const p of contractProbes) {
    const spec = contractFields[p.field];
    if (!spec || !isNumeric(spec.type)) continue;
    const below = p.value.sub(stepOf(spec.type));
    if (!allowed(spec.type, below)) continue;
    const json = toJson(spec.type, below);
    const key = `${p.field}=${json}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const results = evaluate({ ...large, [p.field]: json });
    computed(
      `berekend percentage ${key}`,
      w.shareAt(p.field, showJson(spec.type, json, lang), largeText, soort),
      results.map((v) => share(v?.verplichting, LARGE)),
    );
  }
  const largeResults = evaluate(large);
  const routeNames = [...new Set(rulesets.flatMap((r) => r.ir.routes.map((x) => x.name)))];
  for (const name of routeNames) {
    const label = rulesets.flatMap((r) => r.ir.routes.filter((x) => x.name === name))[0]?.label ?? name;
    computed(
      `berekend maximum ${name}`,
      w.cap(label),
      largeResults.map((v, i) => {
        if (!rulesets[i]!.ir.routes.some((x) => x.name === name)) return undefined;
        const route = v?.routes.find((x) => x.naam === name);
        if (!v) return { text: w.refused };
        if (route?.maximum === undefined) return { text: w.noCap, meaning: 'geen' };
        return share(route.maximum, v.verplichting);
      }),
    );
  }

  // Portfolio rows: totals over sample contracts.
  let portfolio: PortfolioTotals[] | undefined;
  if (options.portfolio) {
    portfolio = portfolioTotals(rulesets, options.portfolio);
    const p = portfolio;
    const count = (n: number) => ({ text: String(n) });
    const pct = (x: string | undefined) =>
      x === undefined
        ? ''
        : ` (${x.startsWith('-') ? '−' : Rational.parse(x)!.isZero() ? '' : '+'}${formatValue(Rational.parse(x.replace('-', ''))!.div(Rational.of(100)), { t: 'percentage' }, lang)})`;
    const signed = (x: string) => signedMoney(x, lang);
    const prow = (key: string, label: string, cells: { text: string; meaning?: string }[]) =>
      rows.push(row('portfolio', key, label, cells));
    prow(
      'portefeuille contracten',
      w.contracts,
      p.map((t) => count(t.contracts)),
    );
    prow(
      'portefeuille verplichting',
      w.obliged,
      p.map((t) => count(t.withObligation)),
    );
    prow(
      'portefeuille totaal verplichting',
      w.total('verplichting'),
      p.map((t) => money(t.verplichting)),
    );
    prow(
      'portefeuille totaal gerealiseerd',
      w.total('gerealiseerd'),
      p.map((t) => money(t.gerealiseerd)),
    );
    prow(
      'portefeuille totaal boete',
      w.total('boete'),
      p.map((t) => money(t.boete)),
    );
    prow(
      'portefeuille verschil verplichting',
      w.versus('verplichting'),
      p.map((t) => ({
        text: signed(t.versusBase.verplichting) + pct(t.versusBase.verplichtingPct),
        meaning: t.versusBase.verplichting,
      })),
    );
    prow(
      'portefeuille verschil gerealiseerd',
      w.versus('gerealiseerd'),
      p.map((t) => ({
        text: signed(t.versusBase.gerealiseerd) + pct(t.versusBase.gerealiseerdPct),
        meaning: t.versusBase.gerealiseerd,
      })),
    );
    prow(
      'portefeuille verplaatst',
      w.moved,
      p.map((t) => count(t.moved)),
    );
    prow(
      'portefeuille geweigerd',
      w.refusedRow,
      p.map((t) => count(t.refused)),
    );
  }

  return {
    rulesets: rulesets.map((r, i) => ({
      label: r.label,
      name: r.ir.ruleset.name,
      periods: describePeriods(r.ir, lang === 'nl' ? 't/m' : 'to'),
      date: dates[i]!,
      moved: dates[i] !== formatIsoDate(common),
    })),
    date: formatIsoDate(common),
    rows,
    ...(portfolio ? { portfolio } : {}),
    ...(portfolio && options.portfolioFile ? { portfolioFile: options.portfolioFile } : {}),
  };
}

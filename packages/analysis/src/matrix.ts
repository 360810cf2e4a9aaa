// `sroi matrix`: the harmonisation matrix over N rulesets. Structural rows compare what has the
// same name; computed rows compare like with like by evaluation (a standard placement per
// doelgroep, the smallest contract with an obligation, a route's cap as a share of the obligation),
// whatever each ruleset calls its tables; portfolio rows compare totals over sample contracts.
import { formatIsoDate, formatValue, parseIsoDate, Rational, type Language } from '@sroi/core';
import { enumerationsOf, type Enumerations } from './candidates.js';
import { categorizer, flatten } from './diff/declarations.js';
import type { DiffCategory, ProvenanceNote } from './diff/model.js';
import {
  probeRows,
  type Direction,
  type ObligationCurve,
  type ProbeCell,
  type ProbeSection,
  type Provenance,
} from './matrix-probes.js';
import { describePeriods, epochs, moveIntoPeriods } from './periods.js';
import { portfolioTotals, type PortfolioTotals } from './portfolio.js';
import type { Place, ReviewedRuleset } from './ruleset.js';
import { showMoney, signedMoney } from './values.js';

export type { Direction, ObligationCurve, Provenance } from './matrix-probes.js';

/** A declaration's own notes as the footing of its cell. */
function provenanceOfNotes(notes: readonly ProvenanceNote[]): Provenance {
  const assumptions = notes.filter((n) => n.kind === 'aanname').map((n) => n.text);
  const sources = notes.filter((n) => n.kind === 'bron').map((n) => n.text);
  return {
    kind: assumptions.length > 0 ? 'aanname' : sources.length > 0 ? 'bron' : 'geen',
    assumptions,
    sources,
  };
}

export type MatrixSection = DiffCategory | ProbeSection | 'portfolio';
/** Computed rows first (what a reviewer compares), then the sample portfolio, then the declarations. */
export const sectionOrder: readonly MatrixSection[] = [
  'activities',
  'obligation',
  'caps',
  'penalty',
  'portfolio',
  'header',
  'scope',
  'valuations',
  'routes',
  'outcomes',
  'enumerations',
  'properties',
  'other',
];

export interface MatrixCell {
  /** "—" where the ruleset has no such item (`absent`). */
  readonly text: string;
  readonly absent?: boolean;
  readonly place?: Place;
  /** Differs from the base (the first ruleset's cell). */
  readonly divergent: boolean;
  /** The value as a decimal in its unit, for a spreadsheet ("1234.56" euro, "5" percent). */
  readonly number?: string;
  readonly unit?: 'euro' | 'procent' | 'aantal';
  /** Whether the value is cited (`bron`) or rests on an `aanname` (provisional). */
  readonly provenance?: Provenance;
  /** Why a computed probe is valued at € 0 or refused: the ruleset's melding or error. */
  readonly note?: string;
}

export interface MatrixRow {
  readonly section: MatrixSection;
  readonly key: string;
  readonly label: string;
  /** One per ruleset. */
  readonly cells: readonly MatrixCell[];
  /** Some cell differs from the base. */
  readonly divergent: boolean;
  /** Computed rows: whether a higher value is stricter or looser for the contractor. */
  readonly direction?: Direction;
  /** Computed rows: what the row is about (a doelgroep's placement, an opdrachtsoort). */
  readonly topic?: { readonly kind: string; readonly value?: string };
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
  /** Per ruleset after the base: where its computed values are stricter or looser than the base's. */
  readonly summary: readonly MatrixSummary[];
  /** The obligation against the contract value, per opdrachtsoort, for the chart. */
  readonly curves: readonly ObligationCurve[];
}

/** One point where a ruleset differs from the base, with both values as shown. */
export interface SummaryPoint {
  readonly key: string;
  readonly label: string;
  readonly base: string;
  readonly value: string;
}

export interface MatrixSummary {
  /** Index of the ruleset in `rulesets` (1 and up; 0 is the base). */
  readonly ruleset: number;
  readonly stricter: readonly SummaryPoint[];
  readonly looser: readonly SummaryPoint[];
  /** Computed rows with the same value as the base. */
  readonly same: number;
  /** Computed values of this ruleset resting on an aanname. */
  readonly provisional: number;
}

/** Compares two computed meanings ("geen": no cap, no threshold — unbounded); undefined when not comparable. */
function order(a: string | undefined, b: string | undefined): -1 | 0 | 1 | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === 'geen' || b === 'geen') return a === b ? 0 : a === 'geen' ? 1 : -1;
  const x = Rational.parse(a);
  const y = Rational.parse(b);
  if (!x || !y) return undefined;
  return x.lt(y) ? -1 : x.gt(y) ? 1 : 0;
}

/** For each ruleset after the base: each computed row where it is stricter or looser than the base. */
function summarise(
  rows: readonly MatrixRow[],
  meanings: ReadonlyMap<MatrixRow, readonly (string | undefined)[]>,
  n: number,
): MatrixSummary[] {
  const out: MatrixSummary[] = [];
  for (let i = 1; i < n; i++) {
    const stricter: SummaryPoint[] = [];
    const looser: SummaryPoint[] = [];
    let same = 0;
    let provisional = 0;
    for (const r of rows) {
      const m = meanings.get(r);
      if (!m || !r.direction) continue;
      if (r.cells[i]?.provenance?.kind === 'aanname') provisional++;
      const c = order(m[i], m[0]);
      if (c === undefined) continue;
      if (c === 0) {
        same++;
        continue;
      }
      const point = { key: r.key, label: r.label, base: r.cells[0]!.text, value: r.cells[i]!.text };
      const higherStricter = r.direction === 'higher-stricter';
      (c > 0 === higherStricter ? stricter : looser).push(point);
    }
    out.push({ ruleset: i, stricter, looser, same, provisional });
  }
  return out;
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
    contracts: 'Contracten in de portefeuille',
    obliged: 'Contracten met een verplichting',
    moved: 'Contracten met verplaatste gunningsdatum',
    refusedRow: 'Contracten geweigerd',
    refused: 'geweigerd',
    total: (what: string) => `Totaal ${what}`,
    versus: (what: string) => `Verschil ${what} tegenover de basis`,
  },
  en: {
    contracts: 'Contracts in the portfolio',
    obliged: 'Contracts with an obligation',
    moved: 'Contracts with a moved award date',
    refusedRow: 'Contracts refused',
    refused: 'refused',
    total: (what: string) => `Total ${what}`,
    versus: (what: string) => `Difference in ${what} against the base`,
  },
} as const;

/** Marks each cell that differs from the base cell (by meaning where known, else by text). */
function row(
  section: MatrixSection,
  key: string,
  label: string,
  cells: readonly (
    | {
        text: string;
        meaning?: string;
        place?: Place;
        provenance?: Provenance;
        number?: string;
        unit?: MatrixCell['unit'];
      }
    | undefined
  )[],
): MatrixRow {
  const meaning = (c: (typeof cells)[number]) => (c ? (c.meaning ?? c.text) : undefined);
  const base = meaning(cells[0]);
  const marked = cells.map((c): MatrixCell =>
    c === undefined
      ? { text: '—', absent: true, divergent: base !== undefined }
      : {
          text: c.text,
          ...(c.place ? { place: c.place } : {}),
          ...(c.provenance ? { provenance: c.provenance } : {}),
          ...(c.number !== undefined ? { number: c.number, unit: c.unit! } : {}),
          divergent: meaning(c) !== base,
        },
  );
  const divergent = cells.some((c) => meaning(c) !== base);
  return { section, key, label, cells: marked, divergent };
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
  // By key, through maps: a table row is an item, and a search per item was quadratic.
  const keys: { key: string; id: string; name: string; subject: string }[] = [];
  const seen = new Set<string>();
  for (const items of flat)
    for (const item of items)
      if (!seen.has(item.key)) {
        seen.add(item.key);
        keys.push({ key: item.key, id: item.id, name: item.name, subject: item.subject });
      }
  const byKey = flat.map((items) => {
    const m = new Map<string, (typeof items)[number]>();
    for (const item of items) if (!m.has(item.key)) m.set(item.key, item);
    return m;
  });
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
        byKey.map((items) => {
          const item = items.get(k.key);
          if (!item) return undefined;
          const cited = !['header', 'periods', 'enumeration'].includes(item.subject);
          return {
            text: item.text,
            meaning: item.meaning,
            ...(item.place ? { place: item.place } : {}),
            ...(cited ? { provenance: provenanceOfNotes(item.provenance ?? []) } : {}),
          };
        }),
      ),
    );
  }
  rows.sort((x, y) => sectionOrder.indexOf(x.section) - sectionOrder.indexOf(y.section));

  // Computed rows: like with like, by evaluating complete probe contracts (matrix-probes.ts).
  const enums: Enumerations = enumerationsOf(rulesets.map((r) => r.ir));
  const probed = probeRows(rulesets, enums, dates, lang);
  const meanings = new Map<MatrixRow, readonly (string | undefined)[]>();
  for (const p of probed.rows) {
    const base = p.cells[0]!;
    const same = (c: ProbeCell) => c.meaning !== undefined && c.meaning === base.meaning;
    const cells = p.cells.map((c, i): MatrixCell => ({
      text: c.text,
      ...(c.text === '—' ? { absent: true } : {}),
      ...(c.number !== undefined ? { number: c.number, unit: c.unit! } : {}),
      ...(c.provenance ? { provenance: c.provenance } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
      divergent: i > 0 && !same(c) && !(c.meaning === undefined && c.text === base.text),
    }));
    const computedRow: MatrixRow = {
      section: p.section,
      key: p.key,
      label: p.label,
      cells,
      divergent: cells.some((c) => c.divergent),
      direction: p.direction,
      ...(p.topic ? { topic: p.topic } : {}),
    };
    meanings.set(
      computedRow,
      p.cells.map((c) => c.meaning),
    );
    rows.push(computedRow);
  }

  // Portfolio rows: totals over sample contracts.
  let portfolio: PortfolioTotals[] | undefined;
  if (options.portfolio) {
    portfolio = portfolioTotals(rulesets, options.portfolio);
    const p = portfolio;
    const count = (n: number) => ({ text: String(n), number: String(n), unit: 'aantal' as const });
    const money = (text: string | undefined) =>
      text === undefined
        ? { text: w.refused }
        : { text: showMoney(text, lang), meaning: text, number: text, unit: 'euro' as const };
    const pct = (x: string | undefined) =>
      x === undefined
        ? ''
        : ` (${x.startsWith('-') ? '−' : Rational.parse(x)!.isZero() ? '' : '+'}${formatValue(Rational.parse(x.replace('-', ''))!.div(Rational.of(100)), { t: 'percentage' }, lang)})`;
    const signed = (x: string) => signedMoney(x, lang);
    const prow = (key: string, label: string, cells: Parameters<typeof row>[3]) =>
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
        number: t.versusBase.verplichting,
        unit: 'euro' as const,
      })),
    );
    prow(
      'portefeuille verschil gerealiseerd',
      w.versus('gerealiseerd'),
      p.map((t) => ({
        text: signed(t.versusBase.gerealiseerd) + pct(t.versusBase.gerealiseerdPct),
        meaning: t.versusBase.gerealiseerd,
        number: t.versusBase.gerealiseerd,
        unit: 'euro' as const,
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

  rows.sort((x, y) => sectionOrder.indexOf(x.section) - sectionOrder.indexOf(y.section));
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
    summary: summarise(rows, meanings, rulesets.length),
    curves: probed.curves,
  };
}

// The what-if panel's engine: the named parameters and table rows of the open ruleset as fields,
// and runs of `@sroi/analysis`'s what-if engine over a portfolio (generated as `sroi portfolio
// generate` does, or read from an opened file as `sroi whatif` reads it), with the same semantics
// as `sroi whatif RULESET PORTFOLIO --set NAME=VALUE`. No DOM here: it runs in its own worker.
import {
  MAX_EXACT_PLAYERS,
  WhatIfEngine,
  addBaseline,
  contractGenerator,
  emptyTotals,
  evaluateBatch,
  finishTotals,
  mergeTotals,
  portfolioFromText,
  parseAssignment,
  rowKey,
  scenarioFromAssignments,
  scenarioText,
  showIrValue,
  whatIfReport,
  type BaselineMemo,
  type PortfolioItem,
  type ScenarioSpec,
  type VariantTotals,
  type WhatIfJob,
} from '@sroi/analysis';
import {
  renderHint,
  renderMessage,
  type Diagnostic,
  type IrDocument,
  type IrValue,
  type Language,
} from '@sroi/core';
import type { WhatIfField, WhatIfPortfolio, WhatIfProblem, WhatIfRunReply } from '../protocol.js';

/** The types a `--set` value can be written for (see `valueFor` in @sroi/analysis). */
const settable = new Set(['bedrag', 'tarief', 'percentage', 'duur', 'getal', 'janee', 'opsomming', 'tekst']);

/** A value `--set` can write back: a number, yes/no or a text (not an unknown, `-` in a table). */
const writable = (v: IrValue) => 'num' in v || 'bool' in v || 'text' in v;

const typeText = (t: IrDocument['parameters'][number]['type']): string =>
  t.t === 'tarief'
    ? `tarief per ${t.per}`
    : t.t === 'duur'
      ? `duur in ${t.unit}`
      : t.t === 'opsomming'
        ? t.name
        : t.t;

/**
 * Every value a scenario can change: the parameters (their latest value; a new value applies to
 * every period, as `--set` does) and the rows of tables whose output is a constant.
 */
export function whatIfFields(ir: IrDocument): WhatIfField[] {
  const fields: WhatIfField[] = [];
  for (const p of ir.parameters) {
    const latest = p.versions[p.versions.length - 1]!;
    if (!settable.has(p.type.t) || !p.versions.every((v) => writable(v.value))) continue;
    fields.push({
      name: p.name,
      group: 'parameter',
      type: typeText(p.type),
      value: showIrValue(latest.value, p.type),
      periods: p.versions.map((v) => ({ from: v.from ?? '', value: showIrValue(v.value, p.type) })),
      provenance: p.versions.flatMap((v) => v.provenance.map((x) => ({ kind: x.kind, text: x.text }))),
    });
  }
  for (const t of ir.tables) {
    const seen = new Map<string, WhatIfField>();
    for (const version of t.versions)
      for (const row of version.rows)
        t.outputs.forEach((out, column) => {
          const cell = row.then[column];
          if (!cell || cell.k !== 'const' || !writable(cell.v) || !settable.has(out.type.t)) return;
          const key = rowKey(row);
          const name = `${t.name}[${key}]${t.outputs.length > 1 ? `.${out.name}` : ''}`;
          // A row `--set` cannot name (its key holds a bracket or a comparison it cannot write) is left out.
          const parsed = parseAssignment(`${name}=0`);
          if (parsed?.name !== t.name || parsed.row?.join(',') !== key) return;
          const value = showIrValue(cell.v, out.type);
          const known = seen.get(name);
          const period = { from: version.from ?? '', value };
          const provenance = [...t.provenance, ...row.provenance].map((x) => ({
            kind: x.kind,
            text: x.text,
          }));
          if (known) {
            // A later version of the table: its value is the one shown, every period listed.
            seen.set(name, {
              ...known,
              value,
              periods: [...known.periods, period],
              provenance: [...known.provenance, ...provenance],
            });
          } else
            seen.set(name, {
              name,
              group: t.name,
              type: typeText(out.type),
              value,
              periods: [period],
              provenance,
            });
        });
    fields.push(...seen.values());
  }
  // The same bron quoted by several versions is shown once.
  return fields.map((f) => ({
    ...f,
    provenance: f.provenance.filter(
      (p, i) => f.provenance.findIndex((q) => q.kind === p.kind && q.text === p.text) === i,
    ),
  }));
}

const problemOf = (d: Diagnostic, lang: Language, where?: string): WhatIfProblem => {
  const hint = renderHint(d, lang);
  return {
    code: d.code,
    message: renderMessage(d.code, d.args, lang),
    ...(hint ? { hint } : {}),
    ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
    ...(where !== undefined ? { where } : d.path !== undefined ? { where: d.path } : {}),
  };
};

/** The scenario of the assignments, as `sroi whatif --set` makes it (attribution up to 10 changes). */
export function scenarioOf(
  base: readonly IrDocument[],
  sets: readonly string[],
  lang: Language,
): { spec: ScenarioSpec } | { problems: WhatIfProblem[] } {
  const s = scenarioFromAssignments('scenario', base, sets);
  if (!s.value) return { problems: s.diagnostics.map((d) => problemOf(d, lang)) };
  const spec = s.value;
  if (spec.players.length > MAX_EXACT_PLAYERS)
    return {
      spec: {
        ...spec,
        noAttribution:
          lang === 'nl'
            ? `${spec.players.length} waarden gewijzigd; exacte toerekening kan tot ${MAX_EXACT_PLAYERS}`
            : `${spec.players.length} values changed; exact attribution goes up to ${MAX_EXACT_PLAYERS}`,
      },
    };
  return { spec };
}

/**
 * The scenario as a ruleset text ("Kopieer als scenario"): a ruleset that extends the open one
 * (`open`, its path) and restates the changed values, for `sroi whatif --scenario`. Saved beside
 * the open ruleset it runs as the panel ran; with a region set as base, it changes the open
 * ruleset only (a scenario extends one ruleset), which a comment says. Undefined without changes.
 */
export function scenarioRuleset(
  members: readonly { readonly label: string; readonly ir: IrDocument }[],
  spec: ScenarioSpec,
  open: string,
  lang: Language,
): string | undefined {
  const m = Math.max(
    0,
    members.findIndex((x) => x.label === open),
  );
  const member = members[m]!;
  const variant = spec.members[m];
  const edits = variant && 'edits' in variant ? variant.edits.flat() : [];
  if (edits.length === 0) return undefined;
  const file = open.slice(open.lastIndexOf('/') + 1);
  const nl = lang === 'nl';
  const comments = [
    nl
      ? `Scenario uit het wat-als-paneel van de sroi-playground; bewaar naast ${file}.`
      : `Scenario from the what-if panel of the sroi playground; save it beside ${file}.`,
    nl
      ? `sroi whatif ${file} PORTEFEUILLE --scenario scenario.sroi`
      : `sroi whatif ${file} PORTFOLIO --scenario scenario.sroi`,
    ...(members.length > 1
      ? [
          nl
            ? `Met een regioset als basis wijzigt dit scenario alleen ${file}.`
            : `With a region set as base this scenario changes ${file} only.`,
        ]
      : []),
  ];
  return scenarioText(member.ir, edits, spec.players, {
    name: `${member.ir.ruleset.name} – scenario`,
    extends: file,
    comments,
  });
}

/** The contracts of a portfolio, in order: generated from a seed, or read from a file's text. */
export function portfolioItems(portfolio: WhatIfPortfolio): Iterable<PortfolioItem> {
  if (portfolio.kind === 'file') return portfolioFromText(portfolio.text, portfolio.name);
  const next = contractGenerator(portfolio.seed);
  const name = portfolio.name;
  return (function* () {
    for (let i = 0; i < portfolio.count; i++)
      yield {
        contract: next(i),
        where: { file: name, row: i + 1, rows: 1, locate: (path) => ({ row: i + 1, column: path ?? '' }) },
      };
  })();
}

export interface RunHooks {
  /** Contracts done so far; return false to stop (a newer run replaced this one). */
  progress(done: number, total: number): Promise<boolean>;
  /** Work this long (ms) between progress reports (default 40: a run of 10,000 contracts is one or two). */
  readonly slice?: number;
}

/**
 * What a run leaves for the next one on the same base and portfolio: the engine (its base plans),
 * each item's baseline and the baseline's totals, so a changed value evaluates and adds up only
 * the scenario (a slider's next step).
 */
export interface KeptBase {
  engine?: WhatIfEngine;
  readonly memos: BaselineMemo[];
  /** The baseline's totals over the portfolio, from the first run that finished. */
  baseline?: VariantTotals;
}

/** The most skipped rows listed by example (the count covers all of them). */
const EXAMPLES = 20;
/** Portfolio items per step: after each, a progress report when a slice of time has passed. */
const BATCH = 250;

/**
 * Runs the base (one ruleset, or a region set's rulesets: each contract by its reference date)
 * and the scenario over the portfolio with the what-if engine of `@sroi/analysis`, in batches with
 * progress in between. Undefined when a newer run replaced it.
 */
export async function runWhatIfInWorker(
  base: readonly { readonly label: string; readonly ir: IrDocument }[],
  label: string,
  spec: ScenarioSpec,
  items: readonly PortfolioItem[],
  portfolioName: string,
  lang: Language,
  hooks: RunHooks,
  kept: KeptBase = { memos: [] },
): Promise<WhatIfRunReply['report'] | undefined> {
  const job: WhatIfJob = { base, baseName: label, scenarios: [spec], attribution: true };
  const engine = kept.engine?.withScenarios([spec]) ?? new WhatIfEngine(job);
  kept.engine ??= engine;
  const slice = hooks.slice ?? 40;
  let sliceStart = performance.now();
  const keep = 200;
  const totals = emptyTotals(1, [engine.attributes(0) ? spec.players.length : 0], keep);
  const baseline = kept.baseline;
  let contracts = 0;
  let skipped = 0;
  let skippedRows = 0;
  let failed = 0;
  const skippedByCode = new Map<string, number>();
  const examples: WhatIfProblem[] = [];
  const skip = (d: Diagnostic, where: string, rows: number) => {
    skipped++;
    skippedRows += rows;
    skippedByCode.set(d.code, (skippedByCode.get(d.code) ?? 0) + 1);
    if (examples.length < EXAMPLES) examples.push(problemOf(d, lang, where));
  };
  const locate = (item: Extract<PortfolioItem, { where: unknown }>, path: string | undefined) => {
    const at = item.where.locate(path);
    return `${item.where.file}, ${lang === 'nl' ? 'rij' : 'row'} ${at.row}${at.column ? `, ${at.column}` : ''}`;
  };
  /**
   * The items from `from` to `to` through the engine. A function of its own, not the body of the
   * loop below: the loop over every contract inside this async function was compiled on the stack
   * (OSR) with the engine inlined into it, more than 100 ms of V8's compiling for each of a
   * slider's first values, again after a rarely taken call (a progress report) deoptimised it.
   */
  const step = (from: number, to: number) => {
    const batch: unknown[] = [];
    const memos: BaselineMemo[] = [];
    const indexes: number[] = [];
    for (let i = from; i < to; i++) {
      const item = items[i]!;
      if ('problem' in item) {
        skip(item.problem, '', item.rows);
        continue;
      }
      contracts++;
      batch.push(item.contract);
      memos.push((kept.memos[i] ??= {}));
      indexes.push(i);
    }
    const a = evaluateBatch(engine, batch, undefined, keep, memos, baseline === undefined);
    mergeTotals(totals, a.totals);
    for (const s of a.skipped) {
      const item = items[indexes[s.index]!]!;
      const d = s.diagnostics[0];
      if (d && 'where' in item) skip(d, locate(item, d.path), 1);
    }
    failed += a.failed.length;
  };
  for (let from = 0; from < items.length; from += BATCH) {
    const to = Math.min(items.length, from + BATCH);
    step(from, to);
    if (to < items.length && performance.now() - sliceStart >= slice) {
      if (!(await hooks.progress(contracts, items.length))) return undefined;
      sliceStart = performance.now();
    }
  }
  if (baseline) addBaseline(totals, baseline);
  else kept.baseline = totals.baseline;
  finishTotals(totals);
  const report = whatIfReport(totals, job.scenarios, {
    base: label,
    portfolio: portfolioName,
    contracts,
    skipped,
    skippedRows,
    overschot: engine.overschot,
    attribution: [engine.attributes(0)],
  });
  return {
    ...report,
    skippedByCode: Object.fromEntries(skippedByCode),
    skippedExamples: examples,
    failed,
  };
}

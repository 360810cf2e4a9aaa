// `sroi compare`: one contract under several rulesets side by side — per activity, per route and
// in total — with the differences explained by the rules that made them: the explanation trees of
// the evaluator compared node by node, by rule name.
import { standardOutcomes, type Diagnostic, type Language } from '@sroi/core';
import type { EvaluationResult, Uitleg } from '@sroi/evaluator';
import { dateFor, evaluateOn, type DateUsed } from './evaluate.js';
import { provenanceOf, type Provenance } from './matrix-probes.js';
import { describePeriods } from './periods.js';
import type { ReviewedRuleset } from './ruleset.js';

/** One ruleset's column. */
export interface ComparedRuleset {
  readonly label: string;
  readonly name: string;
  readonly periods: string;
  /** The reference date used; `moved` when the contract's own fell outside the ruleset's periods. */
  readonly date?: DateUsed;
  readonly result?: EvaluationResult;
  /** Why there is no result (the contract is invalid for this ruleset). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A rule whose value differs between the base ruleset and another. */
export interface RuleDifference {
  /** "tabel jaarwaarde_plaatsing", "definitie bonus_duurzaam". */
  readonly regel: string;
  readonly base?: RuleState;
  readonly other?: RuleState;
}

export interface RuleState {
  readonly waarde: string;
  readonly formule?: string;
  readonly plaats?: { readonly bestand: string; readonly regel: number; readonly kolom: number };
}

/** Why one ruleset's value differs from the base's: the rules with different values. */
export interface Explanation {
  /** Index of the ruleset compared with the base (index 0). */
  readonly against: number;
  readonly rules: readonly RuleDifference[];
}

/** One line of the comparison: an outcome, an activity or a route, per ruleset. */
export interface ComparedLine {
  readonly key: string;
  /** Values in the result format ("2500.00"), per ruleset; undefined where there is none. */
  readonly values: readonly (string | undefined)[];
  readonly differs: boolean;
  readonly explanations: readonly Explanation[];
  /** Per ruleset: whether the value is cited (`bron`) or rests on an `aanname` (provisional). */
  readonly provenance: readonly (Provenance | undefined)[];
}

export interface ComparedActivity extends ComparedLine {
  readonly index: number;
  readonly soort: string;
  readonly activity: Readonly<Record<string, unknown>>;
  /** The route the activity counts in, per ruleset. */
  readonly routes: readonly (string | undefined)[];
}

export interface Comparison {
  readonly contract: { readonly id?: string; readonly omschrijving?: string };
  readonly rulesets: readonly ComparedRuleset[];
  readonly outcomes: readonly ComparedLine[];
  readonly activities: readonly ComparedActivity[];
  readonly routes: readonly (ComparedLine & {
    readonly label: string;
    readonly maxima: readonly (string | undefined)[];
  })[];
}

export interface CompareOptions {
  readonly lang?: Language;
  /** At most this many differing rules per explanation (default 12). */
  readonly maxRules?: number;
}

/** The named rules of an explanation tree, depth first, the first node of each name. */
function rulesOf(node: Uitleg | undefined): Map<string, Uitleg> {
  const out = new Map<string, Uitleg>();
  const visit = (n: Uitleg) => {
    if (!out.has(n.regel)) out.set(n.regel, n);
    for (const c of n.onderdelen ?? []) visit(c);
  };
  if (node) visit(node);
  return out;
}

/** How a file of the ruleset is named to the reviewer (`rulesets/x.sroi`, not an absolute path). */
type DisplayFile = (file: string) => string;
const asIs: DisplayFile = (file) => file;

function displayFileOf(r: ReviewedRuleset): DisplayFile {
  const shown = new Map(r.ir.files.map((file, i) => [file, r.files[i] ?? file]));
  return (file) => shown.get(file) ?? file;
}

const state = (n: Uitleg, display: DisplayFile): RuleState => ({
  waarde: n.waarde,
  ...(n.formule !== undefined ? { formule: n.formule } : {}),
  ...(n.plaats ? { plaats: { ...n.plaats, bestand: display(n.plaats.bestand) } } : {}),
});

/** The rules whose value differs between two explanation trees (or that only one has). */
export function explainDifference(
  base: Uitleg | undefined,
  other: Uitleg | undefined,
  max = 12,
  display: readonly [DisplayFile, DisplayFile] = [asIs, asIs],
): RuleDifference[] {
  const a = rulesOf(base);
  const b = rulesOf(other);
  const out: RuleDifference[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (x && y && x.waarde === y.waarde) continue;
    out.push({
      regel: name,
      ...(x ? { base: state(x, display[0]) } : {}),
      ...(y ? { other: state(y, display[1]) } : {}),
    });
  }
  return out.slice(0, max);
}

/** Evaluates one contract under every ruleset; the first is the base the others are explained against. */
export function compareContract(
  rulesets: readonly ReviewedRuleset[],
  contract: unknown,
  options: CompareOptions = {},
): Comparison {
  const lang = options.lang ?? 'nl';
  const max = options.maxRules ?? 12;
  const columns: ComparedRuleset[] = rulesets.map((r) => {
    const date = dateFor(r, contract);
    const described = {
      label: r.label,
      name: r.ir.ruleset.name,
      periods: describePeriods(r.ir, lang === 'nl' ? 't/m' : 'to'),
    };
    if (!date || typeof contract !== 'object' || contract === null) {
      const direct = r.plan.evaluate(contract, { lang });
      return { ...described, diagnostics: direct.diagnostics };
    }
    const evaluated = evaluateOn(r, contract, date.used, { explain: true, lang });
    return {
      ...described,
      date,
      ...(evaluated.value ? { result: evaluated.value } : {}),
      diagnostics: evaluated.diagnostics,
    };
  });
  const results = columns.map((c) => c.result);
  const base = results[0];
  const displays = rulesets.map(displayFileOf);
  const explain = (
    pick: (r: EvaluationResult) => Uitleg | undefined,
    values: readonly (string | undefined)[],
  ) =>
    results.flatMap((r, i): Explanation[] =>
      i === 0 || !r || !base || values[i] === values[0]
        ? []
        : [
            {
              against: i,
              rules: explainDifference(pick(base), pick(r), max, [displays[0] ?? asIs, displays[i] ?? asIs]),
            },
          ],
    );
  const line = (
    key: string,
    values: (string | undefined)[],
    pick: (r: EvaluationResult) => Uitleg | undefined,
  ): ComparedLine => {
    const differs = new Set(values).size > 1;
    const provenance = results.map((r) => {
      const node = r ? pick(r) : undefined;
      return node ? provenanceOf(node) : undefined;
    });
    return { key, values, differs, explanations: differs ? explain(pick, values) : [], provenance };
  };

  const outcomes = standardOutcomes.map((name) =>
    line(
      name,
      results.map((r) => (r ? (r[name] ?? (name === 'percentage' ? '-' : undefined)) : undefined)),
      (r) => r.uitleg?.[name],
    ),
  );
  const activityList =
    typeof contract === 'object' &&
    contract !== null &&
    Array.isArray((contract as { activiteiten?: unknown }).activiteiten)
      ? ((contract as { activiteiten: Record<string, unknown>[] }).activiteiten ?? [])
      : [];
  const activities: ComparedActivity[] = activityList.map((activity, index) => {
    const values = results.map((r) => r?.waarderingen[index]?.bedrag);
    return {
      ...line(`activiteit ${index + 1}`, values, (r) => r.waarderingen[index]?.uitleg),
      index,
      soort: String(activity['soort'] ?? '?'),
      activity,
      routes: results.map((r) => r?.waarderingen[index]?.route),
    };
  });
  const routeNames = [...new Set(results.flatMap((r) => r?.routes.map((x) => x.naam) ?? []))];
  const routes = routeNames.map((name) => {
    const found = results.map((r) => r?.routes.find((x) => x.naam === name));
    return {
      ...line(
        `route ${name}`,
        found.map((x) => x?.gerealiseerd),
        (r) => r.routes.find((x) => x.naam === name)?.uitleg,
      ),
      label: found.find((x) => x)?.label ?? name,
      maxima: found.map((x) => x?.maximum),
    };
  });
  const c = (typeof contract === 'object' && contract !== null ? contract : {}) as Record<string, unknown>;
  return {
    contract: {
      ...(typeof c['id'] === 'string' ? { id: c['id'] } : {}),
      ...(typeof c['omschrijving'] === 'string' ? { omschrijving: c['omschrijving'] } : {}),
    },
    rulesets: columns,
    outcomes,
    activities,
    routes,
  };
}

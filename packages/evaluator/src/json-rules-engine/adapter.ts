// The adapter that runs an export of `toJsonRulesEngine` on stock json-rules-engine 7: it computes
// the model's formulas in exact rationals (what rules cannot: arithmetic, sums over activities,
// dated versions) and asks json-rules-engine for every decision, running the decision's rule with
// the facts of the place it is decided in (the contract, an activity, a route, a table's inputs).
// json-rules-engine itself is passed in (`Engine`), so this package does not depend on it.
import {
  isStandardOutcome,
  moneyText,
  parseIsoDate,
  percentText,
  monthsBetween,
  Rational,
  toContractInput,
  validateContract,
  type ActivityInput,
  type ContractInput,
  type Diagnostic,
  type Result,
} from '@sroi/core';
import { constant, resultText, type Value } from '../values.js';
import { JRE_FORMAT, type Formula, type JreDocument, type JreRule } from './export.js';

/** What the adapter needs of json-rules-engine's `Engine` (version 7). */
export interface JreEngineClass {
  new (
    rules?: JreRule[],
    options?: { allowUndefinedFacts?: boolean },
  ): {
    addFact(id: string, fn: (params: { formula: Formula }, almanac: JreAlmanac) => unknown): unknown;
    run(facts: Record<string, unknown>): Promise<{ events: unknown[] }>;
  };
}
interface JreAlmanac {
  factValue(id: string): Promise<unknown>;
}

/** The amounts of a result, as the evaluator's result gives them (no meldingen, no explanation). */
export interface JreResult {
  regeling: string;
  periode: string;
  contract?: string;
  verplichting: string;
  waarderingen: { index: number; soort: string; bedrag: string; route: string }[];
  gerealiseerd: string;
  restant: string;
  overschot: string;
  percentage?: string;
  boete: string;
  routes: { naam: string; label: string; totaal: string; gerealiseerd: string; maximum?: string }[];
  overige?: Record<string, string>;
  berekend: { regeling: string; versie?: string; periode: string; irSha256: string };
}

/** A contract the formulas cannot evaluate (division by zero, no table row, no period). */
export class JreEvaluationError extends Error {}

/** Where a formula is computed: the place its decisions are taken in. */
interface Frame {
  readonly activity?: ActivityInput;
  readonly sumActivity?: ActivityInput;
  readonly sumRoute?: JreDocument['model']['routes'][number];
  readonly args?: readonly Value[];
  readonly locals?: { totaal: Rational; maximum: Rational };
}

/** The exact sign of l − r for numbers; for other values 0 when equal, else 1. */
const sign = (l: Value, r: Value): number =>
  l instanceof Rational && r instanceof Rational ? l.cmp(r) : l === r ? 0 : 1;

/** The version of `versions` valid on `day`: the last whose `from` is on or before it. */
function versionOn<T extends { from?: string }>(versions: readonly T[], day: number): T | undefined {
  let chosen: T | undefined;
  for (const v of versions) {
    if (v.from === undefined) chosen ??= v;
    else if (parseIsoDate(v.from)! <= day) chosen = v;
  }
  return chosen;
}

/** An export loaded once: one json-rules-engine per rule, reused for every contract. */
export class JreRunner {
  private readonly engines = new Map<string, InstanceType<JreEngineClass>>();
  /** The formulas of the export: what the rules cannot compute. */
  readonly m: JreDocument['model'];

  constructor(
    readonly doc: JreDocument,
    Engine: JreEngineClass,
  ) {
    if (doc.format !== JRE_FORMAT) throw new Error(`not an export in ${JRE_FORMAT}`);
    this.m = doc.model;
    for (const rule of doc.rules) {
      const engine = new Engine([rule], { allowUndefinedFacts: false });
      // One fact, computed by the adapter: a formula's value in the place the rule decides in.
      engine.addFact('sroi', async (params, almanac) => {
        const value = await this.compute(params.formula, (await almanac.factValue('frame')) as Run);
        // A sign is compared with 0 by the rule: as a JS number (it is -1, 0 or 1).
        return params.formula.k === 'sign' ? Number((value as Rational).n) : value;
      });
      this.engines.set(rule.name, engine);
    }
  }

  /** Evaluates contract JSON: the amounts, or the contract's diagnostics. */
  async evaluate(contract: unknown, enumerations = {}): Promise<Result<JreResult | undefined>> {
    const valid = validateContract(contract, enumerations);
    if (!valid.value) return { value: undefined, diagnostics: valid.diagnostics as Diagnostic[] };
    return { value: await new Run(this, toContractInput(valid.value)).result(), diagnostics: [] };
  }

  /** Whether a rule's conditions hold in a place: json-rules-engine decides. */
  async decide(name: string, run: Run): Promise<boolean> {
    const { events } = await this.engines.get(name)!.run({ frame: run });
    return events.length > 0;
  }

  compute(f: Formula, run: Run): Promise<Value> {
    return run.compute(f);
  }
}

/** One contract's evaluation, with its caches; `frame` is the place being computed. */
class Run {
  private readonly params = new Map<string, Value>();
  private readonly defs = new Map<string, Promise<Value>>();
  private readonly activityDefs = new Map<ActivityInput, Map<string, Promise<Value>>>();
  private readonly outcomes = new Map<string, Promise<Value>>();
  private readonly valuations = new Map<ActivityInput, Promise<Rational>>();
  private readonly routeResults = new Map<
    string,
    Promise<{ totaal: Rational; gerealiseerd: Rational; maximum?: Rational }>
  >();
  readonly day: number;

  constructor(
    private readonly runner: JreRunner,
    readonly input: ContractInput,
    readonly frame: Frame = {},
    shared?: Run,
  ) {
    const ref = input.fields.get(runner.m.referenceDate);
    this.day = ref instanceof Rational ? Number(ref.n) : Number.NaN;
    if (shared) {
      this.params = shared.params;
      this.defs = shared.defs;
      this.activityDefs = shared.activityDefs;
      this.outcomes = shared.outcomes;
      this.valuations = shared.valuations;
      this.routeResults = shared.routeResults;
    }
  }

  /** The same contract in another place (caches shared). */
  at(frame: Frame): Run {
    return new Run(this.runner, this.input, frame, this);
  }

  private fail(what: string): never {
    throw new JreEvaluationError(what);
  }

  private num(v: Value): Rational {
    return v instanceof Rational ? v : this.fail('not a number');
  }

  async compute(f: Formula): Promise<Value> {
    switch (f.k) {
      case 'const':
        return constant(f.v);
      case 'field':
        if (f.scope === 'contract') return this.input.fields.get(f.name) ?? null;
        return (this.frame.activity ?? this.fail('no activity')).fields.get(f.name) ?? null;
      case 'attr':
        if (f.of === 'activity') {
          const a = this.frame.sumActivity!;
          return f.name === 'soort' ? a.soort : this.valuation(a);
        } else {
          const r = this.frame.sumRoute!;
          if (f.name === 'naam') return r.name;
          const res = await this.route(r);
          return f.name === 'totaal' ? res.totaal : res.gerealiseerd;
        }
      case 'param':
        return this.parameter(f.name);
      case 'def':
        return this.definition(f.key);
      case 'outcome':
        return this.outcome(f.name);
      case 'refdate':
        return Rational.of(this.day);
      case 'rule':
        return this.runner.decide(f.name, this);
      case 'if':
        return (await this.runner.decide(f.rule, this)) ? this.compute(f.t) : this.compute(f.e);
      case 'sign':
        return Rational.of(sign(await this.compute(f.l), await this.compute(f.r)));
      case 'arg':
        return this.frame.args![f.i] ?? null;
      case 'local':
        return this.frame.locals![f.name];
      case 'table':
        return this.table(f.name, await Promise.all(f.args.map((a) => this.compute(a))));
      case 'member': {
        const table =
          f.of.k === 'table'
            ? this.runner.m.tables.find((t) => t.name === (f.of as { name: string }).name)
            : undefined;
        const column = table?.outputs.indexOf(f.field) ?? -1;
        return ((await this.compute(f.of as Formula)) as readonly Value[])[column] ?? null;
      }
      case 'neg':
        return this.num(await this.compute(f.x as Formula)).neg();
      case 'arith': {
        const l = this.num(await this.compute(f.l as Formula));
        const r = this.num(await this.compute(f.r as Formula));
        if (f.op === '+') return l.add(r);
        if (f.op === '-') return l.sub(r);
        if (f.op === '*') return l.mul(r);
        return r.isZero() ? this.fail('division by zero') : l.div(r);
      }
      case 'min':
      case 'max': {
        const values = await Promise.all(f.args.map(async (a) => this.num(await this.compute(a as Formula))));
        return values.reduce((a, b) => (f.k === 'min' ? a.min(b) : a.max(b)));
      }
      case 'default': {
        const v = await this.compute(f.x as Formula);
        return v === null ? this.compute(f.fallback as Formula) : v;
      }
      case 'months': {
        const from = (await this.compute(f.from as Formula)) as Rational | null;
        const to = (await this.compute(f.to as Formula)) as Rational | null;
        if (from === null || to === null) return null;
        return Rational.of(monthsBetween(Number(from.n / from.d), Number(to.n / to.d)));
      }
      case 'round': {
        const q = this.num(await this.compute(f.q as Formula));
        if (q.sign() <= 0) this.fail('rounding to a quantum of zero or less');
        const mode = f.mode === 'half' ? 'half-away-from-zero' : f.mode;
        return this.num(await this.compute(f.x as Formula)).roundTo(q, mode);
      }
      case 'sum': {
        let total = Rational.ZERO;
        if (f.over === 'activity')
          for (const a of this.input.activities) {
            const inner = this.at({ sumActivity: a });
            if (f.filter && !(await this.runner.decide(f.filter, inner))) continue;
            total = total.add(this.num(await inner.compute(f.body)));
          }
        else
          for (const r of this.runner.m.routes) {
            const inner = this.at({ sumRoute: r });
            if (f.filter && !(await this.runner.decide(f.filter, inner))) continue;
            total = total.add(this.num(await inner.compute(f.body)));
          }
        return total;
      }
    }
    return this.fail(`unknown formula ${(f as { k: string }).k}`);
  }

  private parameter(name: string): Value {
    if (this.params.has(name)) return this.params.get(name)!;
    const p = this.runner.m.parameters.find((x) => x.name === name)!;
    const version = versionOn(p.versions, this.day) ?? this.fail(`no version of ${name}`);
    const value = constant(version.value);
    this.params.set(name, value);
    return value;
  }

  private definition(key: string): Promise<Value> {
    const d = this.runner.m.definitions.find((x) => x.key === key)!;
    let cache = this.defs;
    let frame: Frame = {};
    if (d.scope) {
      const a = this.frame.activity ?? this.fail('no activity');
      cache = this.activityDefs.get(a) ?? new Map();
      this.activityDefs.set(a, cache);
      frame = { activity: a };
    }
    let v = cache.get(key);
    if (!v) cache.set(key, (v = this.at(frame).compute(d.expr)));
    return v;
  }

  private outcome(name: string): Promise<Value> {
    let v = this.outcomes.get(name);
    if (!v) {
      const o = this.runner.m.outcomes.find((x) => x.name === name)!;
      this.outcomes.set(name, (v = this.at({}).compute(o.expr)));
    }
    return v;
  }

  private async table(name: string, args: Value[]): Promise<Value> {
    const t = this.runner.m.tables.find((x) => x.name === name)!;
    const version = versionOn(t.versions, this.day) ?? this.fail(`no version of table ${name}`);
    const inRow = this.at({ args });
    const hits = [];
    for (const row of version.rows) if (await this.runner.decide(row.rule, inRow)) hits.push(row);
    if (hits.length === 0 && t.hitPolicy !== 'som') this.fail(`no row of ${name}`);
    if (hits.length > 1 && t.hitPolicy === 'uniek') this.fail(`several rows of ${name}`);
    const chosen = t.hitPolicy === 'som' ? hits : [hits[0]!];
    const top = this.at({});
    const outputs: Value[] = [];
    for (let j = 0; j < t.outputs.length; j++) {
      let acc: Value = t.hitPolicy === 'som' ? Rational.ZERO : null;
      for (const row of chosen) {
        const v = await top.compute(row.then[j]!);
        acc = t.hitPolicy === 'som' ? this.num(acc).add(this.num(v)) : v;
      }
      outputs.push(acc);
    }
    return t.single ? outputs[0]! : outputs;
  }

  valuation(a: ActivityInput): Promise<Rational> {
    let v = this.valuations.get(a);
    if (!v) {
      v = (async () => {
        const valuation = this.runner.m.valuations.find((x) => x.kind === a.soort);
        if (!valuation) return Rational.ZERO;
        const here = this.at({ activity: a });
        let failed = false;
        for (const r of valuation.requirements) if (!(await this.runner.decide(r, here))) failed = true;
        return failed ? Rational.ZERO : this.num(await here.compute(valuation.expr));
      })();
      this.valuations.set(a, v);
    }
    return v;
  }

  route(r: JreDocument['model']['routes'][number]) {
    let v = this.routeResults.get(r.name);
    if (!v) {
      v = (async () => {
        let totaal = Rational.ZERO;
        for (const a of this.input.activities)
          if (r.kinds.includes(a.soort)) totaal = totaal.add(await this.valuation(a));
        if (!r.cap) return { totaal, gerealiseerd: totaal };
        const maximum = this.num(await this.at({}).compute(r.cap.expr));
        const bites = await this.runner.decide(r.cap.bites, this.at({ locals: { totaal, maximum } }));
        return { totaal, gerealiseerd: bites ? maximum : totaal, maximum };
      })();
      this.routeResults.set(r.name, v);
    }
    return v;
  }

  async result(): Promise<JreResult> {
    const m = this.runner.m;
    const period =
      m.periods.find((p) => parseIsoDate(p.from)! <= this.day && this.day <= parseIsoDate(p.to)!) ??
      this.fail('no period holds the reference date');
    const kindRoute = (soort: string) => m.routes.find((r) => r.kinds.includes(soort))?.name ?? '';
    const waarderingen = [];
    for (const a of this.input.activities)
      waarderingen.push({
        index: a.index,
        soort: a.soort,
        bedrag: moneyText(await this.valuation(a)),
        route: kindRoute(a.soort),
      });
    const values = new Map<string, Value>();
    for (const o of m.outcomes) values.set(o.name, await this.outcome(o.name));
    const routes = [];
    for (const r of m.routes) {
      const res = await this.route(r);
      routes.push({
        naam: r.name,
        label: r.label,
        totaal: moneyText(res.totaal),
        gerealiseerd: moneyText(res.gerealiseerd),
        ...(res.maximum ? { maximum: moneyText(res.maximum) } : {}),
      });
    }
    const money = (name: string) => {
      const v = values.get(name);
      return v instanceof Rational ? moneyText(v) : '0.00';
    };
    const percentage = values.get('percentage');
    const id = this.input.fields.get('id');
    return {
      regeling: this.runner.doc.regeling,
      periode: period.name,
      ...(typeof id === 'string' ? { contract: id } : {}),
      verplichting: money('verplichting'),
      waarderingen,
      gerealiseerd: money('gerealiseerd'),
      restant: money('restant'),
      overschot: money('overschot'),
      ...(percentage instanceof Rational ? { percentage: percentText(percentage) } : {}),
      boete: money('boete'),
      routes,
      ...(m.outcomes.some((o) => !isStandardOutcome(o.name))
        ? {
            overige: Object.fromEntries(
              m.outcomes
                .filter((o) => !isStandardOutcome(o.name))
                .map((o) => [o.name, resultText(values.get(o.name) ?? null, o.type)]),
            ),
          }
        : {}),
      berekend: {
        regeling: this.runner.doc.regeling,
        ...(this.runner.doc.versie !== undefined ? { versie: this.runner.doc.versie } : {}),
        periode: period.name,
        irSha256: this.runner.doc.irSha256,
      },
    };
  }
}

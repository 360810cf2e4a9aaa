// The reference evaluator: IR expressions compiled once into closures over exact BigInt
// rationals, run per contract, optionally recording the explanation of every euro.
import {
  activityKinds,
  contractFields,
  diagnostic,
  formatIsoDate,
  formatValue,
  isStandardOutcome,
  moneyText,
  monthsBetween,
  parseIsoDate,
  percentText,
  Rational,
  type ActivityInput,
  type ContractInput,
  type Diagnostic,
  type DiagnosticCode,
  type FieldSpec,
  type IrCell,
  type IrDocument,
  type IrExpr,
  type IrSpan,
  type IrTemplate,
  type IrType,
  type IrValue,
  type Language,
  type MessageArgs,
} from '@sroi/core';
import { capMelding, durationMelding, notValuedMelding } from './engine-messages.js';
import type { Uitleg } from './explanation.js';
import type { EvaluationResult, Melding, RouteResultaat, Waardering } from './result.js';
import { ParameterNodes, RowNodes, ruleHeads, TraceStatics, Tracer } from './trace.js';
import { assembleResult, isOutcomeKey, resultKeys, type ResultParts } from './result-shape.js';
import { constant, resultText, type Value } from './values.js';
import { berekendOf } from './audit.js';

/** An evaluation stopped by a problem of this contract (reported, never a crash). */
export class EvaluationError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}

type Doc = IrDocument;
type Definition = Doc['definitions'][number];
type Outcome = Doc['outcomes'][number];
type Table = Doc['tables'][number];
type Parameter = Doc['parameters'][number];
type Route = Doc['routes'][number];
type Valuation = Doc['valuations'][number];

/** The months of an activity, which `binnen` holds against the contract's duration. */
const MAANDEN: IrExpr = { k: 'field', scope: 'activity', name: 'maanden' };

/** The IR type of a vocabulary field, for showing its value. */
export function fieldIrType(spec: FieldSpec | undefined): IrType {
  const t = spec?.type;
  switch (t?.kind) {
    case 'money':
      return { t: 'bedrag' };
    case 'percentage':
      return { t: 'percentage' };
    case 'date':
      return { t: 'datum' };
    case 'duration':
      return { t: 'duur', unit: t.unit === 'uren' ? 'uur' : 'maand' };
    case 'text':
      return { t: 'tekst' };
    case 'boolean':
      return { t: 'janee' };
    case 'enum':
      return { t: 'opsomming', name: t.enumeration };
    default:
      return { t: 'getal' };
  }
}

const equal = (a: Value, b: Value): boolean =>
  a instanceof Rational && b instanceof Rational ? a.eq(b) : a === b;

function compare(op: string, a: Value, b: Value): boolean {
  if (op === '=') return equal(a, b);
  if (op === '≠') return !equal(a, b);
  const c = (a as Rational).cmp(b as Rational);
  return op === '<' ? c < 0 : op === '≤' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

function cellMatches(cell: IrCell, v: Value, constant: (c: IrValue) => Value): boolean {
  if ('any' in cell) return true;
  if ('in' in cell) return cell.in.some((c) => equal(constant(c), v));
  return cell.cmp.every(([op, c]) => compare(op, v, constant(c)));
}

/** Picks the version valid on `day`: the last whose `from` is on or before it (or the only one). */
function versionOn<T extends { from?: string }>(versions: readonly T[], day: number): T | undefined {
  let chosen: T | undefined;
  for (const v of versions) {
    if (v.from === undefined) chosen ??= v;
    else if (dayOf(v.from) <= day) chosen = v;
  }
  return chosen;
}

/** Day numbers of the IR's ISO dates, parsed once (the IR validated them). */
const days = new Map<string, number>();
const dayOf = (iso: string): number => {
  let d = days.get(iso);
  if (d === undefined) days.set(iso, (d = parseIsoDate(iso)!));
  return d;
};

// ── per-contract state ──────────────────────────────────────────────────────

interface Cached {
  readonly value: Value;
  readonly node?: Uitleg;
}

class ActivityState {
  readonly defs = new Map<string, Cached>();
  valuation?: { value: Rational; node?: Uitleg };
  constructor(
    readonly input: ActivityInput,
    readonly route: Route | undefined,
  ) {}
}

class RouteState {
  result?: { totaal: Rational; gerealiseerd: Rational; maximum?: Rational; node?: Uitleg };
  constructor(readonly route: Route) {}
}

class Run {
  readonly params = new Map<string, Cached>();
  readonly defs = new Map<string, Cached>();
  readonly outcomes = new Map<string, Cached>();
  readonly meldingen: Melding[] = [];
  readonly activities: ActivityState[];
  readonly routes: RouteState[];

  constructor(
    readonly input: ContractInput,
    readonly day: number,
    readonly tracer: Tracer | undefined,
    routes: readonly Route[],
    kindRoute: ReadonlyMap<string, Route>,
    readonly coverage?: CoverageRecorder,
    /** The language of the engine's own meldingen. */
    readonly lang: Language = 'nl',
  ) {
    this.activities = input.activities.map((a) => new ActivityState(a, kindRoute.get(a.soort)));
    this.routes = routes.map((r) => new RouteState(r));
  }
}

/** Where an expression is evaluated. */
interface Frame {
  readonly run: Run;
  readonly activity?: ActivityState;
  readonly sumActivity?: ActivityState;
  readonly sumRoute?: RouteState;
}

type Fn = (f: Frame) => Value;

export interface EvaluateOptions {
  /** Build the explanation tree (`uitleg`). */
  readonly explain?: boolean;
  readonly lang?: Language;
  /** Records which rules, rows, branches and caps this evaluation reached (`sroi test --coverage`). */
  readonly coverage?: CoverageRecorder;
}

/** Collects what evaluations reached: per IR node, the facets seen ('dan', 'anders', 'voldaan' ...). */
export class CoverageRecorder {
  private readonly seen = new Map<object, Set<string>>();

  hit(node: object, facet: string): void {
    let facets = this.seen.get(node);
    if (!facets) this.seen.set(node, (facets = new Set()));
    facets.add(facet);
  }

  has(node: object, facet: string): boolean {
    return this.seen.get(node)?.has(facet) ?? false;
  }
}

/** A compiled ruleset: IR closures ready to evaluate contracts. */
export class Interpreter {
  private readonly params: Map<string, Parameter>;
  private readonly tables: Map<string, Table>;
  private readonly defs: Map<string, Definition>;
  private readonly outcomes: Map<string, Outcome>;
  private readonly valuations: Map<string, Valuation>;
  private readonly kindRoute = new Map<string, Route>();
  private readonly compiled = new Map<IrExpr, Fn>();
  private readonly constants = new Map<IrValue, Value>();
  private readonly statics: TraceStatics;
  /** Per language: a parameter's node is the same for every contract. */
  private readonly parameterNodes = new ParameterNodes();
  private readonly rowNodes = new RowNodes();

  constructor(readonly doc: Doc) {
    this.statics = new TraceStatics(doc.files);
    this.params = new Map(doc.parameters.map((p) => [p.name, p]));
    this.tables = new Map(doc.tables.map((t) => [t.name, t]));
    this.defs = new Map(doc.definitions.map((d) => [d.key, d]));
    this.outcomes = new Map(doc.outcomes.map((o) => [o.name, o]));
    this.valuations = new Map(doc.valuations.map((v) => [v.kind, v]));
    for (const r of doc.routes) for (const k of r.kinds) this.kindRoute.set(k, r);
    // Expressions become closures on first use (`fn`), once per plan: a plan made for a single
    // contract (an editor, after every keystroke) compiles only the rules that contract reaches.
  }

  private readonly constantOf = (v: IrValue): Value => this.constant(v);

  private constant(v: IrValue): Value {
    let c = this.constants.get(v);
    if (c === undefined && !this.constants.has(v)) {
      c = constant(v);
      this.constants.set(v, c);
    }
    return c!;
  }

  // ── errors ────────────────────────────────────────────────────────────────

  private fail(code: DiagnosticCode, args: MessageArgs, at?: IrSpan): never {
    const span = at ? { file: this.doc.files[at.file] ?? '?', start: at.start, end: at.end } : undefined;
    throw new EvaluationError(diagnostic(code, args, span ? { span } : {}));
  }

  // ── compiling expressions to closures ─────────────────────────────────────

  fn(e: IrExpr): Fn {
    let f = this.compiled.get(e);
    if (!f) {
      f = this.build(e);
      this.compiled.set(e, f);
    }
    return f;
  }

  private num(e: IrExpr): (f: Frame) => Rational {
    const inner = this.fn(e);
    return (f) => {
      const v = inner(f);
      if (v instanceof Rational) return v;
      return this.fail('SR5009', { name: describe(e), rule: 'formule' });
    };
  }

  private build(e: IrExpr): Fn {
    switch (e.k) {
      case 'const': {
        const v = this.constant(e.v);
        return () => v;
      }
      case 'field':
        return e.scope === 'contract' ? this.contractField(e.name) : this.activityField(e.name);
      case 'attr':
        return this.attribute(e.of, e.name);
      case 'param':
        return (f) => this.parameter(f, e.name);
      case 'def':
        return (f) => this.definition(f, e.key);
      case 'outcome':
        return (f) => this.outcome(f.run, e.name);
      case 'refdate':
        return (f) => {
          const v = Rational.of(f.run.day);
          f.run.tracer?.field('peildatum', formatIsoDate(f.run.day));
          return v;
        };
      case 'table': {
        const args = e.args.map((a) => this.fn(a));
        return (f) =>
          this.table(
            f,
            e.name,
            args.map((a) => a(f)),
          );
      }
      case 'member': {
        const of = this.fn(e.of);
        const table = e.of.k === 'table' ? this.tables.get(e.of.name) : undefined;
        const column = table?.outputs.findIndex((o) => o.name === e.field) ?? -1;
        return (f) => (of(f) as readonly Value[])[column] ?? null;
      }
      case 'neg': {
        const x = this.num(e.x);
        return (f) => x(f).neg();
      }
      case 'not': {
        const x = this.fn(e.x);
        return (f) => !x(f);
      }
      case 'arith': {
        const l = this.num(e.l);
        const r = this.num(e.r);
        switch (e.op) {
          case '+':
            return (f) => l(f).add(r(f));
          case '-':
            return (f) => l(f).sub(r(f));
          case '*':
            return (f) => l(f).mul(r(f));
          case '/':
            return (f) => {
              const a = l(f);
              const b = r(f);
              if (b.isZero()) this.fail('SR5005', { rule: 'deling' }, e.at);
              return a.div(b);
            };
        }
        break;
      }
      case 'cmp': {
        const l = this.fn(e.l);
        const r = this.fn(e.r);
        return (f) => compare(e.op, l(f), r(f));
      }
      case 'and': {
        const l = this.fn(e.l);
        const r = this.fn(e.r);
        return (f) => (l(f) as boolean) && (r(f) as boolean);
      }
      case 'or': {
        const l = this.fn(e.l);
        const r = this.fn(e.r);
        return (f) => (l(f) as boolean) || (r(f) as boolean);
      }
      case 'if': {
        const c = this.fn(e.c);
        const t = this.fn(e.t);
        const otherwise = this.fn(e.e);
        return (f) => {
          const tracer = f.run.tracer;
          const mark = tracer?.mark() ?? 0;
          const holds = c(f) as boolean;
          tracer?.condition(e.src, holds, mark, tracer.place(e.at));
          f.run.coverage?.hit(e, holds ? 'dan' : 'anders');
          return holds ? t(f) : otherwise(f);
        };
      }
      case 'in': {
        const x = this.fn(e.x);
        const options = e.options.map((o) => this.fn(o));
        return (f) => {
          const v = x(f);
          const found = options.some((o) => equal(o(f), v));
          return e.negated ? !found : found;
        };
      }
      case 'min':
      case 'max': {
        const args = e.args.map((a) => this.num(a));
        const pick =
          e.k === 'min' ? (a: Rational, b: Rational) => a.min(b) : (a: Rational, b: Rational) => a.max(b);
        return (f) => args.map((a) => a(f)).reduce(pick);
      }
      case 'default': {
        const x = this.fn(e.x);
        const fallback = this.fn(e.fallback);
        return (f) => {
          const v = x(f);
          return v === null ? fallback(f) : v;
        };
      }
      case 'known': {
        const x = this.fn(e.x);
        return (f) => x(f) !== null;
      }
      case 'months': {
        const from = this.fn(e.from);
        const to = this.fn(e.to);
        return (f) => {
          const a = from(f) as Rational | null;
          const b = to(f) as Rational | null;
          if (a === null || b === null) return null;
          return Rational.of(monthsBetween(Number(a.n / a.d), Number(b.n / b.d)));
        };
      }
      case 'round': {
        const x = this.num(e.x);
        const q = this.num(e.q);
        const mode = e.mode === 'half' ? 'half-away-from-zero' : e.mode;
        return (f) => {
          const quantum = q(f);
          // The checker refuses a fixed quantum of zero or less; a computed one is checked here.
          if (quantum.sign() <= 0) this.fail('SR3009', {});
          return x(f).roundTo(quantum, mode);
        };
      }
      case 'sum': {
        const body = this.num(e.body);
        const filter = e.filter ? this.fn(e.filter) : undefined;
        if (e.over === 'activity')
          return (f) => {
            let total = Rational.ZERO;
            for (const a of f.run.activities) {
              const inner: Frame = { run: f.run, sumActivity: a };
              if (filter && !filter(inner)) continue;
              total = total.add(body(inner));
            }
            return total;
          };
        return (f) => {
          let total = Rational.ZERO;
          for (const r of f.run.routes) {
            const inner: Frame = { run: f.run, sumRoute: r };
            if (filter && !filter(inner)) continue;
            total = total.add(body(inner));
          }
          return total;
        };
      }
      case 'message': {
        const x = this.fn(e.x);
        return (f) => {
          const v = x(f);
          f.run.coverage?.hit(e, 'melding');
          const tekst = this.template(f, e.text);
          const plaats = f.run.tracer?.place(e.at);
          f.run.meldingen.push({
            soort: 'regel',
            tekst,
            ...(f.activity ? { activiteit: f.activity.input.index } : {}),
            ...(plaats ? { plaats } : {}),
          });
          f.run.tracer?.melding(tekst);
          return v;
        };
      }
    }
    throw new Error(`Internal error: unknown IR node ${(e as { k: string }).k}`);
  }

  template(f: Frame, t: IrTemplate): string {
    return t
      .map((p) =>
        'text' in p ? p.text : formatValue(this.fn(p.x)(f) as Rational | boolean | string | null, p.type),
      )
      .join('');
  }

  // ── names ─────────────────────────────────────────────────────────────────

  private contractField(name: string): Fn {
    const type = fieldIrType(contractFields[name]);
    return (f) => {
      const v = f.run.input.fields.get(name) ?? null;
      const tracer = f.run.tracer;
      tracer?.field(`contract.${name}`, formatValue(v, type, tracer.lang));
      return v;
    };
  }

  private activityField(name: string): Fn {
    return (f) => {
      const a = f.activity;
      if (!a) return this.fail('SR5009', { name: `activiteit.${name}`, rule: 'formule' });
      const v = a.input.fields.get(name) ?? null;
      if (f.run.tracer)
        f.run.tracer.field(
          `activiteit.${name}`,
          formatValue(v, fieldIrType(activityKinds[a.input.soort]?.[name]), f.run.tracer.lang),
        );
      return v;
    };
  }

  private attribute(of: 'activity' | 'route', name: string): Fn {
    if (of === 'activity')
      return (f) => {
        const a = f.sumActivity!;
        if (name === 'soort') return a.input.soort;
        const value = this.valuation(f.run, a);
        if (a.valuation?.node) f.run.tracer?.child(`activiteit ${a.input.index + 1}`, a.valuation.node);
        return value;
      };
    return (f) => {
      const route = f.sumRoute!;
      if (name === 'naam') return route.route.name;
      const r = this.routeResult(f.run, route);
      if (r.node) f.run.tracer?.child(`route ${route.route.name}`, r.node);
      return name === 'totaal' ? r.totaal : r.gerealiseerd;
    };
  }

  private parameter(f: Frame, name: string): Value {
    const run = f.run;
    let cached = run.params.get(name);
    if (!cached) {
      const p = this.params.get(name)!;
      const version = versionOn(p.versions, run.day);
      if (!version) this.fail('SR5007', { name: `'${name}'`, date: formatIsoDate(run.day) }, p.at);
      const value = this.constant(version.value);
      run.coverage?.hit(version, 'gebruikt');
      const node = run.tracer && this.parameterNodes.node(run.tracer, p, version, this.constantOf);
      cached = node ? { value, node } : { value };
      run.params.set(name, cached);
    }
    if (cached.node) run.tracer?.child(name, cached.node);
    return cached.value;
  }

  private definition(f: Frame, key: string): Value {
    const d = this.defs.get(key)!;
    const cache = d.scope ? f.activity!.defs : f.run.defs;
    let cached = cache.get(key);
    if (!cached) {
      const scoped: Frame = d.scope ? { run: f.run, activity: f.activity! } : { run: f.run };
      cached = this.named(f.run, d, `definitie ${d.name}`, () => this.fn(d.expr)(scoped), d.type);
      cache.set(key, cached);
      f.run.coverage?.hit(d, 'berekend');
    }
    if (cached.node) f.run.tracer?.child(d.name, cached.node);
    return cached.value;
  }

  outcome(run: Run, name: string): Value {
    let cached = run.outcomes.get(name);
    if (!cached) {
      const o = this.outcomes.get(name)!;
      cached = this.named(run, o, `uitkomst ${name}`, () => this.fn(o.expr)({ run }), o.type);
      run.outcomes.set(name, cached);
    }
    if (cached.node) run.tracer?.child(name, cached.node);
    return cached.value;
  }

  /** Evaluates a named rule, inside its own explanation node when tracing. */
  private named(
    run: Run,
    rule: { src: string; provenance: IrDocument['outcomes'][number]['provenance']; at: IrSpan },
    regel: string,
    evaluate: () => Value,
    type: IrType,
  ): Cached {
    if (!run.tracer) return { value: evaluate() };
    run.tracer.begin(ruleHeads.named(this.statics, rule, regel));
    let value: Value;
    try {
      value = evaluate();
    } catch (e) {
      run.tracer.abandon();
      throw e;
    }
    return {
      value,
      node: run.tracer.end(formatValue(value as Rational | boolean | string | null, type, run.tracer.lang)),
    };
  }

  private table(f: Frame, name: string, args: Value[]): Value {
    const t = this.tables.get(name)!;
    const version = versionOn(t.versions, f.run.day);
    const example = () =>
      t.inputs
        .map((c, i) => `${c.name} = ${formatValue(args[i] as Rational | boolean | string | null, c.type)}`)
        .join(', ');
    if (!version) return this.fail('SR5007', { name: `'${name}'`, date: formatIsoDate(f.run.day) }, t.at);
    const hits = version.rows.filter((row) =>
      row.when.every((c, i) => cellMatches(c, args[i]!, this.constantOf)),
    );
    if (hits.length === 0 && t.hitPolicy !== 'som')
      return this.fail('SR5008', { name: `'${name}'`, example: example() }, version.at);
    if (hits.length > 1 && t.hitPolicy === 'uniek') {
      const rows = hits.map((h) => version.rows.indexOf(h) + 1).join(', ');
      return this.fail('SR5010', { name: `'${name}'`, example: example(), rows }, hits[1]!.at);
    }
    const chosen = t.hitPolicy === 'som' ? hits : [hits[0]!];
    for (const row of chosen) f.run.coverage?.hit(row, 'gekozen');
    const frame: Frame = { run: f.run };
    const outputs = t.outputs.map((_, j) =>
      chosen.reduce<Value>(
        (acc, row) => {
          const v = this.fn(row.then[j]!)(frame);
          return t.hitPolicy === 'som' ? (acc as Rational).add(v as Rational) : v;
        },
        t.hitPolicy === 'som' ? Rational.ZERO : null,
      ),
    );
    const value: Value = t.single ? outputs[0]! : outputs;
    const tracer = f.run.tracer;
    if (tracer) {
      const kept = this.rowNodes.kept(chosen, tracer.lang);
      if (kept) tracer.child(name, kept);
      else {
        tracer.begin(ruleHeads.table(this.statics, t, version, chosen));
        t.inputs.forEach((c, i) =>
          tracer.field(
            c.name,
            formatValue(args[i] as Rational | boolean | string | null, c.type, tracer.lang),
          ),
        );
        const shown = t.outputs
          .map((o, j) => formatValue(outputs[j] as Rational | boolean | string | null, o.type, tracer.lang))
          .join(', ');
        tracer.child(name, this.rowNodes.keep(t, chosen, tracer.lang, tracer.end(shown)));
      }
    }
    return value;
  }

  // ── activities and routes ─────────────────────────────────────────────────

  valuation(run: Run, a: ActivityState): Rational {
    if (a.valuation) return a.valuation.value;
    const v = this.valuations.get(a.input.soort);
    const tracer = run.tracer;
    if (!v) {
      const tekst = notValuedMelding(a.input.soort, this.doc.ruleset.name, run.lang);
      run.meldingen.push({ soort: 'niet-gewaardeerd', tekst, activiteit: a.input.index });
      a.valuation = {
        value: Rational.ZERO,
        ...(tracer
          ? {
              node: {
                regel: `waardering ${a.input.soort}`,
                waarde: formatValue(Rational.ZERO, { t: 'bedrag' }, tracer.lang),
                meldingen: [tekst],
              },
            }
          : {}),
      };
      return Rational.ZERO;
    }
    const frame: Frame = { run, activity: a };
    run.coverage?.hit(v, 'gewaardeerd');
    tracer?.begin(ruleHeads.valuation(this.statics, v));
    try {
      let failed = false;
      for (const r of v.requirements) {
        const mark = tracer?.mark() ?? 0;
        const holds = this.fn(r.when)(frame) as boolean;
        tracer?.condition(`vereist ${r.src}`, holds, mark, tracer.place(r.at));
        run.coverage?.hit(r, holds ? 'voldaan' : 'niet voldaan');
        if (!holds) {
          failed = true;
          const tekst = this.template(frame, r.message);
          const plaats = tracer?.place(r.at);
          run.meldingen.push({
            soort: 'vereiste',
            tekst,
            activiteit: a.input.index,
            ...(plaats ? { plaats } : {}),
          });
          tracer?.melding(tekst);
        }
      }
      if (v.within) this.within(frame, v.within, a);
      const value = failed ? Rational.ZERO : (this.fn(v.expr)(frame) as Rational | null);
      if (!(value instanceof Rational))
        this.fail('SR5009', { name: `waardering ${a.input.soort}`, rule: v.src }, v.at);
      const node = tracer?.end(formatValue(value, { t: 'bedrag' }, tracer.lang));
      a.valuation = node ? { value, node } : { value };
      return value;
    } catch (e) {
      tracer?.abandon();
      throw e;
    }
  }

  /**
   * `binnen`: a melding when the activity's months exceed the contract's duration (when known);
   * the value is unchanged. Explained only when it reports: its own node, kept only then, so the
   * explanation of an activity within the contract is what it was without the clause.
   */
  private within(frame: Frame, within: NonNullable<Valuation['within']>, a: ActivityState): void {
    const run = frame.run;
    const tracer = run.tracer;
    tracer?.begin(ruleHeads.within(this.statics, within));
    let node: Uitleg | undefined;
    let contract: Rational | null;
    let maanden: Rational;
    try {
      const mark = tracer?.mark() ?? 0;
      maanden = this.fn(MAANDEN)(frame) as Rational;
      contract = this.fn(within.expr)(frame) as Rational | null;
      const over = contract !== null && maanden.gt(contract);
      tracer?.condition(`activiteit.maanden > ${within.src}`, over, mark, tracer.place(within.at));
      run.coverage?.hit(within, over ? 'buiten' : 'binnen');
      node = tracer?.end(formatValue(contract, { t: 'duur', unit: 'maand' }, tracer.lang));
      if (!over) return;
    } catch (e) {
      tracer?.abandon();
      throw e;
    }
    const omschrijving = a.input.fields.get('omschrijving');
    const tekst = durationMelding(
      a.input.soort,
      typeof omschrijving === 'string' ? omschrijving : undefined,
      maanden,
      contract!,
      run.lang,
    );
    const plaats = tracer?.place(within.at);
    run.meldingen.push({
      soort: 'looptijd',
      tekst,
      activiteit: a.input.index,
      ...(plaats ? { plaats } : {}),
    });
    if (node) tracer?.part(node);
    tracer?.melding(tekst);
  }

  routeResult(run: Run, r: RouteState): NonNullable<RouteState['result']> {
    if (r.result) return r.result;
    const route = r.route;
    const tracer = run.tracer;
    tracer?.begin(ruleHeads.route(this.statics, route));
    let totaal = Rational.ZERO;
    for (const a of run.activities) {
      if (a.route !== route) continue;
      totaal = totaal.add(this.valuation(run, a));
      // Each activity's node is its own: no search among the parts (see `newPart`).
      if (a.valuation?.node) tracer?.newPart(a.valuation.node);
    }
    let gerealiseerd = totaal;
    let maximum: Rational | undefined;
    if (route.cap) {
      const cap = route.cap;
      const mark = tracer?.mark() ?? 0;
      const capped = this.named(run, cap, `maximum ${route.name}`, () => this.fn(cap.expr)({ run }), {
        t: 'bedrag',
      });
      if (capped.node) tracer?.child('maximum', capped.node);
      maximum = capped.value as Rational;
      if (tracer) tracer.field('totaal', formatValue(totaal, { t: 'bedrag' }, tracer.lang));
      const bites = totaal.gt(maximum);
      tracer?.condition('totaal > maximum', bites, mark, tracer.place(cap.at));
      run.coverage?.hit(cap, bites ? 'begrenst' : 'begrenst niet');
      if (bites) {
        gerealiseerd = maximum;
        const tekst = capMelding(route.label, maximum, totaal, run.lang);
        const plaats = tracer?.place(cap.at);
        run.meldingen.push({ soort: 'maximum', tekst, route: route.name, ...(plaats ? { plaats } : {}) });
        tracer?.melding(tekst);
      }
    }
    const node = tracer?.end(formatValue(gerealiseerd, { t: 'bedrag' }, tracer.lang));
    r.result = { totaal, gerealiseerd, ...(maximum ? { maximum } : {}), ...(node ? { node } : {}) };
    return r.result;
  }

  // ── one contract ──────────────────────────────────────────────────────────

  /** Whether a condition property (`eigenschap`) holds for a contract; throws EvaluationError. */
  holds(input: ContractInput, property: number): boolean {
    const doc = this.doc;
    const expr = doc.properties[property]?.expr;
    if (!expr) throw new Error(`Internal error: property ${property} is not a condition`);
    this.periodOf(input);
    const refValue = input.fields.get(doc.referenceDate) as Rational;
    const run = new Run(input, Number(refValue.n), undefined, doc.routes, this.kindRoute);
    for (const a of run.activities) this.valuation(run, a);
    return this.fn(expr)({ run }) === true;
  }

  /** The period holding a contract's reference date, or an SR5001 error naming the periods. */
  private periodOf(input: ContractInput): IrDocument['periods'][number] {
    const doc = this.doc;
    const refValue = input.fields.get(doc.referenceDate);
    const day = refValue instanceof Rational ? Number(refValue.n) : Number.NaN;
    const period = doc.periods.find((p) => dayOf(p.from) <= day && day <= dayOf(p.to));
    if (period) return period;
    // A problem of the contract's reference date: located at its JSON path, like other input errors.
    throw new EvaluationError(
      diagnostic(
        'SR5001',
        {
          field: doc.referenceDate,
          date: Number.isNaN(day) ? '?' : formatIsoDate(day),
          ruleset: `'${doc.ruleset.name}'`,
          periods: doc.periods.map((p) => `${p.name} (${p.from} t/m ${p.to})`).join(', '),
        },
        { path: doc.referenceDate },
      ),
    );
  }

  /** Evaluates a validated contract; throws EvaluationError for problems of this contract. */
  run(input: ContractInput, options: EvaluateOptions = {}): EvaluationResult {
    const doc = this.doc;
    const period = this.periodOf(input);
    const day = Number((input.fields.get(doc.referenceDate) as Rational).n);
    const tracer = options.explain ? new Tracer(this.statics, options.lang ?? 'nl') : undefined;
    const lang = options.lang ?? 'nl';
    const run = new Run(input, day, tracer, doc.routes, this.kindRoute, options.coverage, lang);

    const waarderingen: Waardering[] = run.activities.map((a) => {
      const value = this.valuation(run, a);
      return {
        index: a.input.index,
        soort: a.input.soort,
        bedrag: moneyText(value),
        route: a.route?.name ?? '',
        ...(a.valuation?.node ? { uitleg: a.valuation.node } : {}),
      };
    });
    // Keyed by outcome names, which may be `__proto__`: built with fromEntries, never by assignment.
    const explained: [string, Uitleg][] = [];
    const values = new Map<string, Value>();
    for (const o of doc.outcomes) {
      values.set(o.name, this.outcome(run, o.name));
      const node = run.outcomes.get(o.name)?.node;
      if (node) explained.push([o.name, node]);
    }
    const uitleg: Record<string, Uitleg> = Object.fromEntries(explained);
    const routes: RouteResultaat[] = run.routes.map((r) => {
      const res = this.routeResult(run, r);
      return {
        naam: r.route.name,
        label: r.route.label,
        totaal: moneyText(res.totaal),
        gerealiseerd: moneyText(res.gerealiseerd),
        ...(res.maximum ? { maximum: moneyText(res.maximum) } : {}),
        ...(res.node ? { uitleg: res.node } : {}),
      };
    });
    const overige: Record<string, string> = Object.fromEntries(
      doc.outcomes
        .filter((o) => !isStandardOutcome(o.name))
        .map((o) => [o.name, resultText(values.get(o.name) ?? null, o.type)]),
    );
    const id = input.fields.get('id');
    const parts: ResultParts = {
      regeling: doc.ruleset.name,
      periode: period.name,
      contract: typeof id === 'string' ? id : undefined,
      waarderingen,
      routes,
      meldingen: run.meldingen,
      overige: Object.keys(overige).length ? overige : undefined,
      berekend: berekendOf(doc, period.name),
      uitleg: tracer ? uitleg : undefined,
    };
    // The standard outcomes: amounts ('0.00' when the ruleset has none), the percentage when known.
    for (const key of resultKeys) {
      if (!isOutcomeKey(key)) continue;
      const v = values.get(key);
      if (key === 'percentage') parts.percentage = v instanceof Rational ? percentText(v) : undefined;
      else parts[key] = v instanceof Rational ? moneyText(v) : '0.00';
    }
    return assembleResult(parts);
  }
}

const describe = (e: IrExpr): string => {
  switch (e.k) {
    case 'field':
      return `${e.scope === 'contract' ? 'contract' : 'activiteit'}.${e.name}`;
    case 'param':
      return e.name;
    case 'def':
      return e.key;
    case 'outcome':
      return e.name;
    default:
      return e.k;
  }
};

// Recording an explanation while evaluating: a stack of rule nodes, each collecting the fields
// it read, the rules it used and the conditions it tested. Only built when asked for (`explain`).
// What never changes between contracts (a rule's name, formula, sources, place) is prepared once
// per plan as a `RuleHead`; a run only adds the values.
import {
  formatValue,
  type IrDocument,
  type IrProvenance,
  type IrSpan,
  type IrValue,
  type Language,
} from '@sroi/core';
import type { Invoer, Plaats, Uitleg, Voorwaarde } from './explanation.js';

/** The fixed part of a rule's node. */
export interface RuleHead {
  readonly regel: string;
  readonly formule: string | undefined;
  readonly bron: readonly string[] | undefined;
  readonly aanname: readonly string[] | undefined;
  readonly plaats: Plaats | undefined;
}

/** Places and rule heads of one document, computed on first use and kept. */
export class TraceStatics {
  private readonly places = new Map<IrSpan, Plaats>();
  private readonly heads = new Map<object, RuleHead>();

  constructor(private readonly files: readonly string[]) {}

  place(at: IrSpan | undefined): Plaats | undefined {
    if (!at) return undefined;
    let p = this.places.get(at);
    if (!p)
      this.places.set(at, (p = { bestand: this.files[at.file] ?? '?', regel: at.line, kolom: at.column }));
    return p;
  }

  /** The head of the rule identified by `key` (an IR object); built by `make` the first time (each time without a key). */
  head(
    key: object | undefined,
    make: () => {
      regel: string;
      formule: string | undefined;
      provenance: readonly IrProvenance[];
      at: IrSpan | undefined;
    },
  ): RuleHead {
    let h = key && this.heads.get(key);
    if (!h) {
      const { regel, formule, provenance, at } = make();
      const bron = provenance.filter((p) => p.kind === 'bron').map((p) => p.text);
      const aanname = provenance.filter((p) => p.kind === 'aanname').map((p) => p.text);
      h = {
        regel,
        formule,
        bron: bron.length ? bron : undefined,
        aanname: aanname.length ? aanname : undefined,
        plaats: this.place(at),
      };
      if (key) this.heads.set(key, h);
    }
    return h;
  }
}

type Doc = IrDocument;

/**
 * The heads of the rules an evaluation explains, worded once for both engines (the reference
 * interpreter and the generated code), so that their explanations agree to the letter.
 */
export const ruleHeads = {
  parameter(statics: TraceStatics, name: string, version: Doc['parameters'][number]['versions'][number]) {
    return statics.head(version, () => ({
      regel: `parameter ${name}`,
      formule: version.from ? `vanaf ${version.from}: ${version.src}` : version.src,
      provenance: version.provenance,
      at: version.at,
    }));
  },

  /** A definition (`definitie x`), an outcome (`uitkomst x`) or a route's cap (`maximum r`). */
  named(
    statics: TraceStatics,
    rule: { src: string; provenance: readonly IrProvenance[]; at: IrSpan },
    regel: string,
  ): RuleHead {
    return statics.head(rule, () => ({ regel, formule: rule.src, provenance: rule.provenance, at: rule.at }));
  },

  /** A table lookup: one chosen row (or none) identifies the head; a summing table's rows vary. */
  table(
    statics: TraceStatics,
    t: Table,
    version: Table['versions'][number],
    chosen: readonly Table['versions'][number]['rows'][number][],
  ): RuleHead {
    return statics.head(chosen.length === 1 ? chosen[0]! : chosen.length === 0 ? version : undefined, () => ({
      regel: `tabel ${t.name}`,
      formule: chosen.map((r) => r.src).join(' + ') || '(geen rij)',
      provenance: [...t.provenance, ...version.provenance, ...chosen.flatMap((r) => r.provenance)],
      at: chosen[0]?.at ?? version.at,
    }));
  },

  valuation(statics: TraceStatics, v: Doc['valuations'][number]): RuleHead {
    return statics.head(v, () => ({
      regel: `waardering ${v.kind}`,
      formule: v.src,
      provenance: v.provenance,
      at: v.at,
    }));
  },

  /** `binnen`: the contract's duration, against which an activity's months are held. */
  within(statics: TraceStatics, w: NonNullable<Doc['valuations'][number]['within']>): RuleHead {
    return statics.head(w, () => ({
      regel: 'binnen de looptijd van het contract',
      formule: w.src,
      provenance: w.provenance,
      at: w.at,
    }));
  },

  route(statics: TraceStatics, route: Doc['routes'][number]): RuleHead {
    return statics.head(route, () => ({
      regel: `route ${route.name}`,
      formule: route.cap ? 'min(totaal, maximum)' : 'som van de waarderingen',
      provenance: route.provenance,
      at: route.at,
    }));
  },
};

/** Nodes that are the same for every contract, kept per language and per IR object. */
class KeptNodes<K extends object> {
  private readonly byLanguage: Record<Language, Map<K, Uitleg>> = { nl: new Map(), en: new Map() };

  get(lang: Language, key: K): Uitleg | undefined {
    return this.byLanguage[lang].get(key);
  }

  set(lang: Language, key: K, node: Uitleg): void {
    this.byLanguage[lang].set(key, node);
  }
}

type Parameter = Doc['parameters'][number];

/**
 * Each parameter version's node, per language: the same for every contract, so made once (by the
 * first tracer that needs it) and kept. One per plan, for both engines.
 */
export class ParameterNodes {
  private readonly kept = new KeptNodes<Parameter['versions'][number]>();

  /** The node of parameter `p`'s `version`; `valueOf` gives the version's value (only when made). */
  node(
    tracer: Tracer,
    p: Parameter,
    version: Parameter['versions'][number],
    valueOf: (v: IrValue) => unknown,
  ): Uitleg {
    let node = this.kept.get(tracer.lang, version);
    if (!node) {
      tracer.begin(ruleHeads.parameter(tracer.statics, p.name, version));
      const value = valueOf(version.value) as Parameters<typeof formatValue>[0];
      node = tracer.end(formatValue(value, p.type, tracer.lang));
      this.kept.set(tracer.lang, version, node);
    }
    return node;
  }
}

type Table = Doc['tables'][number];
type Row = Table['versions'][number]['rows'][number];

/**
 * Whether a lookup's node depends on the row it chose alone: every row gives constants, and every
 * input is text matched against exactly one value, so the arguments it shows are the row's own.
 * Numbers are left out: a range shows the contract's number.
 */
function rowNodesConstant(t: Table): boolean {
  return (
    t.inputs.every((c) => c.type.t === 'tekst' || c.type.t === 'opsomming' || c.type.t === 'janee') &&
    t.versions.every((v) =>
      v.rows.every(
        (r) =>
          r.when.every((cell) => 'in' in cell && cell.in.length === 1) &&
          r.then.every((x) => x.k === 'const'),
      ),
    )
  );
}

/**
 * The node of each table row whose node is the same for every contract that finds it (see
 * `rowNodesConstant`), per language: made by the first lookup that finds the row, then kept, as
 * parameter nodes are. A rule that looks the row up twice shows it once, in both engines.
 */
export class RowNodes {
  private readonly nodes = new KeptNodes<Row>();
  private readonly constant = new Map<Table, boolean>();

  /** The kept node of a lookup that chose `chosen`, if there is one. */
  kept(chosen: readonly Row[], lang: Language): Uitleg | undefined {
    return chosen.length === 1 ? this.nodes.get(lang, chosen[0]!) : undefined;
  }

  /** Keeps the node of a lookup of `t` that chose `chosen`, when it is its row's alone. */
  keep(t: Table, chosen: readonly Row[], lang: Language, node: Uitleg): Uitleg {
    if (chosen.length === 1 && this.constantNodes(t)) this.nodes.set(lang, chosen[0]!, node);
    return node;
  }

  private constantNodes(t: Table): boolean {
    let c = this.constant.get(t);
    if (c === undefined) this.constant.set(t, (c = rowNodesConstant(t)));
    return c;
  }
}

/**
 * A rule node while it is recorded. Builders are reused (one per depth of the stack): what a
 * node keeps (its invoer, voorwaarden, onderdelen, meldingen) is made fresh for each.
 */
class NodeBuilder {
  head: RuleHead;
  invoer: Invoer[] | undefined;
  voorwaarden: Voorwaarde[] | undefined;
  onderdelen: Uitleg[] | undefined;
  meldingen: string[] | undefined;
  /**
   * Everything read at this level, in order, as names and shown values: the values a condition is
   * explained with. Kept as two arrays, not objects: most reads are never part of a condition.
   */
  readonly readNames: string[] = [];
  readonly readValues: string[] = [];
  reads = 0;

  constructor(head: RuleHead) {
    this.head = head;
  }

  reset(head: RuleHead): void {
    this.head = head;
    this.invoer = this.voorwaarden = this.onderdelen = this.meldingen = undefined;
    this.reads = 0;
  }

  read(naam: string, waarde: string): void {
    this.readNames[this.reads] = naam;
    this.readValues[this.reads] = waarde;
    this.reads++;
  }
}

export class Tracer {
  /** Builders by depth; those above `depth` are kept for reuse. */
  private readonly stack: NodeBuilder[] = [];
  private depth = 0;
  private top: NodeBuilder | undefined;

  /** `lang`: the notation of the values shown (€ 1.234,56 or € 1,234.56). */
  constructor(
    readonly statics: TraceStatics,
    readonly lang: Language,
  ) {}

  place(at: IrSpan | undefined): Plaats | undefined {
    return this.statics.place(at);
  }

  begin(head: RuleHead): void {
    let b = this.stack[this.depth];
    if (b) b.reset(head);
    else this.stack.push((b = new NodeBuilder(head)));
    this.depth++;
    this.top = b;
  }

  /** Closes the current rule with its value and returns its node. */
  end(waarde: string): Uitleg {
    if (this.depth === 0) throw new Error('Internal error: unbalanced explanation trace');
    const b = this.stack[--this.depth]!;
    this.top = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
    const h = b.head;
    // Every key, in a fixed order, those a rule lacks undefined (JSON leaves them out): one
    // shape for every node, made by one literal, where adding keys one by one took twice as long.
    return {
      regel: h.regel,
      waarde,
      formule: h.formule,
      bron: h.bron,
      aanname: h.aanname,
      plaats: h.plaats,
      invoer: b.invoer,
      voorwaarden: b.voorwaarden,
      onderdelen: b.onderdelen,
      meldingen: b.meldingen,
    };
  }

  /** Drops an unfinished rule (after a runtime error). */
  abandon(): void {
    if (this.depth > 0) this.depth--;
    this.top = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
  }

  /** A contract or activity field was read (also kept as a read, for conditions; see `mark`). */
  field(naam: string, waarde: string): void {
    this.input(naam, waarde);
    this.top?.read(naam, waarde);
  }

  /** A field read outside every condition: an input of the current rule, not kept as a read. */
  input(naam: string, waarde: string): void {
    const b = this.top;
    if (!b) return;
    if (!b.invoer) b.invoer = [{ naam, waarde }];
    else if (!hasName(b.invoer, naam)) b.invoer.push({ naam, waarde });
  }

  /** A named rule used outside every condition: a part of the current rule, not kept as a read. */
  part(node: Uitleg): void {
    const b = this.top;
    if (!b) return;
    if (!b.onderdelen) b.onderdelen = [node];
    else if (!b.onderdelen.includes(node)) b.onderdelen.push(node);
  }

  /**
   * A part that cannot be among the current rule's parts yet: an activity's valuation node under
   * its route (each activity has its own). Added without `part`'s search, so that a route of n
   * activities takes n steps, not n²/2.
   */
  newPart(node: Uitleg): void {
    const b = this.top;
    if (!b) return;
    if (!b.onderdelen) b.onderdelen = [node];
    else b.onderdelen.push(node);
  }

  /** A named rule was used; its node becomes a part of the current rule. */
  child(naam: string, node: Uitleg): void {
    this.part(node);
    this.top?.read(naam, node.waarde);
  }

  /** How many reads the current rule has: mark before a condition, to know which values it used. */
  mark(): number {
    return this.top?.reads ?? 0;
  }

  /** A condition was tested, on the reads since `from` (see `mark`), written at `plaats`. */
  condition(formule: string, uitkomst: boolean, from: number, plaats: Plaats | undefined): void {
    const b = this.top;
    if (!b) return;
    // Most conditions read one or two values: their lists are made at their size (a list grown by
    // push from empty makes room for seventeen), and so is a rule's first condition's list.
    const names = b.readNames;
    const values = b.readValues;
    const count = b.reads - from;
    let waarden: Invoer[];
    if (count === 1) waarden = [{ naam: names[from]!, waarde: values[from]! }];
    else if (count === 2 && names[from] !== names[from + 1])
      waarden = [
        { naam: names[from]!, waarde: values[from]! },
        { naam: names[from + 1]!, waarde: values[from + 1]! },
      ];
    else {
      waarden = [];
      for (let i = from; i < b.reads; i++) {
        const naam = names[i]!;
        if (!hasName(waarden, naam)) waarden.push({ naam, waarde: values[i]! });
      }
    }
    // One shape for every condition, as for nodes: a place it lacks is undefined (JSON leaves it out).
    const v: Voorwaarde = { formule, uitkomst, waarden, plaats };
    if (!b.voorwaarden) b.voorwaarden = [v];
    else b.voorwaarden.push(v);
  }

  melding(tekst: string): void {
    const b = this.top;
    if (b) (b.meldingen ??= []).push(tekst);
  }
}

/** Whether a list of values has one of this name (lists of a few: a loop, no closure). */
function hasName(list: readonly Invoer[], naam: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.naam === naam) return true;
  return false;
}

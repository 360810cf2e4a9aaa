// The tracer the explaining variant of the generated code records into (Codegen with `explain`):
// the reference interpreter's Tracer (trace.ts), so the nodes are built by the same code, fed
// with the generated code's exact JS numbers. Rule heads come from `ruleHeads`, as there.
import {
  formatCents,
  formatFraction,
  formatIsoDate,
  formatValue,
  type IrDocument,
  type IrType,
  type Language,
} from '@sroi/core';
import { notValuedMelding } from '../engine-messages.js';
import type { Uitleg } from '../explanation.js';
import { constant } from '../interpret.js';
import type { Melding } from '../result.js';
import { ParameterNodes, RowNodes, ruleHeads, Tracer, type TraceStatics } from '../trace.js';
import type { GeneratedPlan } from './codegen.js';
import { recordedMelding } from './result.js';

type Doc = IrDocument;
type Table = Doc['tables'][number];

/** What explaining runs of one plan share: its heads and places, and each parameter's node. */
export class ExplainStatics {
  readonly parameterNodes = new ParameterNodes();
  readonly rowNodes = new RowNodes();
  /** "activiteit 1", "activiteit 2", ...: the part names of valuations, made once. */
  private readonly activityNames: string[] = [];

  constructor(
    readonly doc: Doc,
    readonly statics: TraceStatics,
    readonly generated: GeneratedPlan,
  ) {}

  activityName(index: number): string {
    return (this.activityNames[index] ??= `activiteit ${index + 1}`);
  }
}

/** One explaining run: the rule nodes, and what the result needs of them. */
export class GeneratedTracer extends Tracer {
  /** Per activity (input order), per route and per outcome (IR order): its node. */
  readonly valuationNodes: Uitleg[] = [];
  readonly routeNodes: Uitleg[] = [];
  readonly outcomeNodes: Uitleg[] = [];
  /** The meldingen of the run, with their places (as the explaining interpreter gives them). */
  readonly meldingen: Melding[] = [];

  constructor(
    private readonly shared: ExplainStatics,
    lang: Language,
  ) {
    super(shared.statics, lang);
  }

  /** A number value as shown: n/d, NaN for unknown. */
  num(n: number, d: number, type: IrType): string {
    return formatFraction(n, d, type, this.lang);
  }

  /** A truth value, text or option (null: unknown) as shown. */
  val(v: boolean | string | null, type: IrType): string {
    return formatValue(v, type, this.lang);
  }

  /** Whole cents (NaN for unknown) as shown. */
  cents(c: number): string {
    return Number.isNaN(c) ? this.unknown : formatCents(c, this.lang);
  }

  /** How an unknown value shows ("onbekend"). */
  get unknown(): string {
    return this.lang === 'nl' ? 'onbekend' : 'unknown';
  }

  date(day: number): string {
    return formatIsoDate(day);
  }

  activityName(index: number): string {
    return this.shared.activityName(index);
  }

  /** A parameter's node: the same for every contract, made once per version and language. */
  parameter(p: Doc['parameters'][number], version: Doc['parameters'][number]['versions'][number]): Uitleg {
    return this.shared.parameterNodes.node(this, p, version, constant);
  }

  /** Opens a table lookup's node: the rows the generated lookup chose, in the version it used. */
  table(
    t: Table,
    version: Table['versions'][number],
    chosen: readonly Table['versions'][number]['rows'][number][],
  ) {
    this.begin(ruleHeads.table(this.statics, t, version, chosen));
  }

  /** The kept node of a lookup that chose the rows `chosen`, if any (see `RowNodes`). */
  rowNode(chosen: readonly Table['versions'][number]['rows'][number][]): Uitleg | undefined {
    return this.shared.rowNodes.kept(chosen, this.lang);
  }

  /** Keeps the node of a lookup of `t` that chose `chosen`, when it is its row's alone. */
  keepRowNode(t: Table, chosen: readonly Table['versions'][number]['rows'][number][], node: Uitleg): Uitleg {
    return this.shared.rowNodes.keep(t, chosen, this.lang, node);
  }

  /**
   * A melding of the ruleset ([template id, activity index, ...values]) or a route cap that bites
   * ([CAP_MESSAGE, -1, route index, total, cap]): into the result, with its place, and the node.
   */
  message(m: readonly unknown[]): void {
    const melding = recordedMelding(this.shared.doc, this.shared.generated, m, this.lang, this.statics);
    this.meldingen.push(melding);
    this.melding(melding.tekst);
  }

  /** An activity of a kind the ruleset does not value: its melding, and its node. */
  notValued(index: number, soort: string): Uitleg {
    const tekst = notValuedMelding(soort, this.shared.doc.ruleset.name, this.lang);
    this.meldingen.push({ soort: 'niet-gewaardeerd', tekst, activiteit: index });
    return { regel: `waardering ${soort}`, waarde: this.cents(0), meldingen: [tekst] };
  }
}

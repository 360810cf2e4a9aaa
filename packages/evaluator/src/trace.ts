// Recording an explanation while evaluating: a stack of rule nodes, each collecting the fields
// it read, the rules it used and the conditions it tested. Only built when asked for (`explain`).
import type { IrProvenance, IrSpan } from '@sroi/core';
import type { Invoer, Plaats, Uitleg, Voorwaarde } from './explanation.js';

class NodeBuilder {
  readonly invoer: Invoer[] = [];
  /** Everything read at this level, in order: the values a condition is explained with. */
  readonly reads: Invoer[] = [];
  readonly voorwaarden: Voorwaarde[] = [];
  readonly onderdelen: Uitleg[] = [];
  readonly meldingen: string[] = [];

  constructor(
    readonly regel: string,
    readonly formule: string | undefined,
    readonly provenance: readonly IrProvenance[],
    readonly plaats: Plaats | undefined,
  ) {}
}

export class Tracer {
  private readonly stack: NodeBuilder[] = [];

  constructor(private readonly files: readonly string[]) {}

  place(at: IrSpan | undefined): Plaats | undefined {
    return at ? { bestand: this.files[at.file] ?? '?', regel: at.line, kolom: at.column } : undefined;
  }

  begin(
    regel: string,
    formule: string | undefined,
    provenance: readonly IrProvenance[],
    at: IrSpan | undefined,
  ): void {
    this.stack.push(new NodeBuilder(regel, formule, provenance, this.place(at)));
  }

  /** Closes the current rule with its value and returns its node. */
  end(waarde: string): Uitleg {
    const b = this.stack.pop();
    if (!b) throw new Error('Internal error: unbalanced explanation trace');
    const bron = b.provenance.filter((p) => p.kind === 'bron').map((p) => p.text);
    const aanname = b.provenance.filter((p) => p.kind === 'aanname').map((p) => p.text);
    return {
      regel: b.regel,
      waarde,
      ...(b.formule !== undefined ? { formule: b.formule } : {}),
      ...(bron.length ? { bron } : {}),
      ...(aanname.length ? { aanname } : {}),
      ...(b.plaats ? { plaats: b.plaats } : {}),
      ...(b.invoer.length ? { invoer: b.invoer } : {}),
      ...(b.voorwaarden.length ? { voorwaarden: b.voorwaarden } : {}),
      ...(b.onderdelen.length ? { onderdelen: b.onderdelen } : {}),
      ...(b.meldingen.length ? { meldingen: b.meldingen } : {}),
    };
  }

  /** Drops an unfinished rule (after a runtime error). */
  abandon(): void {
    this.stack.pop();
  }

  private get top(): NodeBuilder | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** A contract or activity field was read. */
  field(naam: string, waarde: string): void {
    const b = this.top;
    if (!b) return;
    if (!b.invoer.some((i) => i.naam === naam)) b.invoer.push({ naam, waarde });
    b.reads.push({ naam, waarde });
  }

  /** A named rule was used; its node becomes a part of the current rule. */
  child(naam: string, node: Uitleg): void {
    const b = this.top;
    if (!b) return;
    if (!b.onderdelen.includes(node)) b.onderdelen.push(node);
    b.reads.push({ naam, waarde: node.waarde });
  }

  /** How many reads the current rule has: mark before a condition, to know which values it used. */
  mark(): number {
    return this.top?.reads.length ?? 0;
  }

  condition(formule: string, uitkomst: boolean, from: number, at: IrSpan | undefined): void {
    const b = this.top;
    if (!b) return;
    const seen = new Set<string>();
    const waarden = b.reads.slice(from).filter((r) => !seen.has(r.naam) && seen.add(r.naam));
    const plaats = this.place(at);
    b.voorwaarden.push({ formule, uitkomst, waarden, ...(plaats ? { plaats } : {}) });
  }

  melding(tekst: string): void {
    this.top?.meldingen.push(tekst);
  }
}

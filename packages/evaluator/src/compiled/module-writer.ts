// What the parts of the generator share while they write one module: its texts (passed in as
// constants, never written into the source), its slots and flags, the statements written so far,
// the module-level functions, and where the code being written stands (an activity, a sum, a table).
import type { IrDocument, IrExpr, IrTemplate } from '@sroi/core';
import { num, slot, type Kind, type Num, type Val } from './code.js';

/**
 * Where the number of a value slot comes from in the IR: a parameter's version, or a constant
 * output of a table row (indexes into the IR's arrays). With them the values of a ruleset that
 * differs only in such numbers are read without generating its code again (see `value-slots.ts`).
 */
export type ValueOrigin =
  | { readonly parameter: string; readonly version: number }
  | { readonly table: string; readonly version: number; readonly row: number; readonly column: number };

/** A melding template of the ruleset, by id, for formatting meldingen after the run. */
export interface MessageTemplate {
  readonly template: IrTemplate;
  readonly kinds: readonly Kind[];
  readonly soort: 'regel' | 'vereiste';
}

/** Where the code being written stands. */
export interface Place {
  /** The activity kind whose fields the code may read (its valuation or its definitions). */
  readonly activityKind: string | undefined;
  /** Inside a sum: over the activities, or over the routes at route `index`. */
  readonly sum:
    { readonly over: 'activity' } | { readonly over: 'route'; readonly index: number } | undefined;
  /** Inside a table's function (its rows' outputs). */
  readonly inTable: boolean;
  /** Fields already read at the start of the function being written (`activity.fte` → value). */
  readonly fields: Map<string, Val>;
}

export class ModuleWriter {
  /** The texts of the ruleset the module uses: `TEXT_i` is `CONSTANTS[i]`. */
  readonly constants: string[] = [];
  /**
   * With value slots: the numbers a scenario may change (numerator, denominator), which the run
   * reads from `VALUES` (see `Codegen`).
   */
  readonly values: number[] = [];
  /** Per value slot (a numerator, denominator pair of `values`): where its number comes from. */
  readonly valueOrigins: ValueOrigin[] = [];
  private readonly constantIndex = new Map<string, number>();
  private counter = 0;
  private lines: string[] = [];
  /** Whether the statements written since the innermost `block` began may record a melding. */
  private recording = false;
  /** Module-level functions (valuations, rules, tables, routes), in the order they were written. */
  readonly functions: string[] = [];
  /** Slots of rules and parameters: `NUM_SLOTS` (numerator, denominator) and `OTHER_SLOTS`. */
  numSlots = 0;
  otherSlots = 0;
  /** `DONE_i` flags of memoised rules; those of activity rules are reset per activity. */
  flags = 0;
  readonly activityFlags: number[] = [];
  /** Contract fields, read once per contract at the start of a run, and their variables. */
  readonly contractInit: string[] = [];
  readonly contractVars: string[] = [];
  /** Dated parameters, chosen once per contract at the start of a run. */
  readonly paramInit: string[] = [];
  readonly templates: MessageTemplate[] = [];
  place: Place = { activityKind: undefined, sum: undefined, inTable: false, fields: new Map() };

  constructor(
    readonly doc: IrDocument,
    /** Whether parameter values and table constants are read from `VALUES` (see `Codegen`). */
    readonly slotted = false,
  ) {}

  /** A number read from `VALUES` at run time: its numerator and denominator are data, not source. */
  value(n: number, d: number, origin: ValueOrigin): Num {
    this.valueOrigins.push(origin);
    const i = this.values.push(n, d) - 2;
    return num(slot(`VALUES[${i}]`), slot(`VALUES[${i + 1}]`));
  }

  /** A text of the ruleset as source: the module constant `TEXT_i`, never the text itself. */
  text(value: string): string {
    let i = this.constantIndex.get(value);
    if (i === undefined) {
      i = this.constants.push(value) - 1;
      this.constantIndex.set(value, i);
    }
    return `TEXT_${i}`;
  }

  /** A fresh name for a local or a function (`t_12`, `table_3`). */
  fresh(prefix = 't_'): string {
    return `${prefix}${++this.counter}`;
  }

  emit(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Writes a block's statements, however many: spread into a call, a table of 10,000 rows overflowed the stack. */
  emitAll(lines: readonly string[]): void {
    appendAll(this.lines, lines);
  }

  /** Marks the code being written as one that may record a melding (see `recorded`). */
  records(): void {
    this.recording = true;
  }

  /** Writes statements into a fresh block and returns them. */
  block(body: () => void): string[] {
    return this.recorded(body).lines;
  }

  /**
   * Writes statements into a fresh block: them, and whether they may record a melding. `apart`:
   * the block is a function of its own (a rule, a table), whose meldingen are not the caller's.
   */
  recorded(body: () => void, apart = false): { lines: string[]; records: boolean } {
    const saved = this.lines;
    const savedRecording = this.recording;
    this.lines = [];
    this.recording = false;
    body();
    const out = { lines: this.lines, records: this.recording };
    this.lines = saved;
    this.recording = savedRecording || (!apart && out.records);
    return out;
  }

  /** Runs `body` at another place (a rule's or a table's own function), then returns here. */
  at<T>(place: Partial<Place>, body: () => T): T {
    const saved = this.place;
    this.place = { ...saved, ...place };
    try {
      return body();
    } finally {
      this.place = saved;
    }
  }

  /** Hands the contract to the reference evaluator when any of these locals left 2^53. */
  checked(...names: string[]): void {
    this.emit(`if (${names.map((n) => `${n} > MAX || ${n} < -MAX`).join(' || ')}) throw FALLBACK;`);
  }

  /** Two number slots (numerator, denominator); returns the first. */
  allocNum(): number {
    const i = this.numSlots;
    this.numSlots += 2;
    return i;
  }

  allocOther(): number {
    return this.otherSlots++;
  }
}

/** The direct sub-expressions of an IR expression (template parts of a message included). */
export function forEachChild(e: IrExpr, visit: (e: IrExpr) => void): void {
  switch (e.k) {
    case 'table':
      return e.args.forEach(visit);
    case 'member':
      return visit(e.of);
    case 'neg':
    case 'not':
    case 'known':
      return visit(e.x);
    case 'arith':
    case 'cmp':
    case 'and':
    case 'or':
      visit(e.l);
      return visit(e.r);
    case 'if':
      visit(e.c);
      visit(e.t);
      return visit(e.e);
    case 'in':
      visit(e.x);
      return e.options.forEach(visit);
    case 'min':
    case 'max':
      return e.args.forEach(visit);
    case 'default':
      visit(e.x);
      return visit(e.fallback);
    case 'months':
      visit(e.from);
      return visit(e.to);
    case 'round':
      visit(e.x);
      return visit(e.q);
    case 'sum':
      visit(e.body);
      if (e.filter) visit(e.filter);
      return;
    case 'message':
      visit(e.x);
      return e.text.forEach((p) => 'x' in p && visit(p.x));
    default:
      return;
  }
}

/** Appends `lines` to `target` one by one (a spread `push(...lines)` overflows the stack when long). */
export function appendAll(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

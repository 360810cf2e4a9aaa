// Named rules → module code: a definition or an outcome becomes a memoised function
// (`definition_4()`, flag `DONE_2`, value in slots), or is written out where it is used when it is
// used once in its own scope; a parameter is a constant, or chosen once per contract by date.
import { parseIsoDate, type IrDocument, type IrExpr } from '@sroi/core';
import { kindOfType, num, sharedDenominator, slot, type Den, type Kind, type Val } from './code.js';
import type { Expressions } from './expressions.js';
import { forEachChild, type ModuleWriter } from './module-writer.js';

type Doc = IrDocument;

/** A rule's generated reader: the function to call (none for a parameter) and where its value lands. */
interface Reader {
  readonly fn: string;
  readonly kind: Kind;
  slots: Val;
}

export class Rules {
  private readonly readers = new Map<string, Reader>();
  private readonly defs: Map<string, Doc['definitions'][number]>;
  private readonly outcomes: Map<string, Doc['outcomes'][number]>;
  private readonly params: Map<string, Doc['parameters'][number]>;
  /** How often each definition is referenced in the whole document. */
  private readonly references = new Map<string, number>();

  constructor(
    private readonly w: ModuleWriter,
    private readonly x: Expressions,
  ) {
    const doc = w.doc;
    this.defs = new Map(doc.definitions.map((d) => [d.key, d]));
    this.outcomes = new Map(doc.outcomes.map((o) => [o.name, o]));
    this.params = new Map(doc.parameters.map((p) => [p.name, p]));
    const count = (e: IrExpr): void => {
      if (e.k === 'def') this.references.set(e.key, (this.references.get(e.key) ?? 0) + 1);
      forEachChild(e, count);
    };
    for (const d of doc.definitions) count(d.expr);
    for (const v of doc.valuations) {
      count(v.expr);
      for (const r of v.requirements) {
        count(r.when);
        r.message.forEach((p) => 'x' in p && count(p.x));
      }
      if (v.within) count(v.within.expr);
    }
    for (const r of doc.routes) if (r.cap) count(r.cap.expr);
    for (const o of doc.outcomes) count(o.expr);
    for (const t of doc.tables) for (const v of t.versions) for (const row of v.rows) row.then.forEach(count);
  }

  /** A parameter: its constant, or the slots its dated value is chosen into per contract. */
  param(name: string): Val {
    const w = this.w;
    const key = `param:${name}`;
    const known = this.readers.get(key);
    if (known) return known.slots;
    const p = this.params.get(name)!;
    const kind = kindOfType(p.type);
    // A parameter with one value is a constant; one with dated values is chosen per contract.
    if (p.versions.length === 1 && p.versions[0]!.from === undefined) {
      const c = this.x.setting(p.versions[0]!.value, kind, { parameter: name, version: 0 });
      this.readers.set(key, { fn: '', kind, slots: c });
      return c;
    }
    const base = kind === 'num' ? w.allocNum() : w.allocOther();
    // Number versions over one denominator, known here (as for a table's column of constants).
    let common: number | undefined;
    if (kind === 'num' && !w.slotted) {
      const dens: Den[] = [];
      const emitted = w.block(() =>
        p.versions.forEach((v) => dens.push((this.x.constant(v.value, kind) as Val & { k: 'num' }).d)),
      );
      common = emitted.length === 0 ? sharedDenominator(dens) : undefined;
    }
    const assign = (version: Doc['parameters'][number]['versions'][number]) =>
      w.block(() => {
        const c = this.x.setting(version.value, kind, {
          parameter: name,
          version: p.versions.indexOf(version),
        });
        if (c.k === 'num' && common !== undefined)
          w.emit(`NUM_SLOTS[${base}] = ${this.x.scaled(c, common).n.js};`);
        else if (c.k === 'num')
          w.emit(
            `NUM_SLOTS[${base}] = ${c.n.js}; NUM_SLOTS[${base + 1}] = ${typeof c.d === 'number' ? c.d : c.d.js};`,
          );
        else if (c.k !== 'row') w.emit(`OTHER_SLOTS[${base}] = ${c.v.js};`);
      });
    const dated = p.versions.filter((v) => v.from !== undefined).sort((a, b) => (a.from! < b.from! ? 1 : -1));
    const undated = p.versions.find((v) => v.from === undefined);
    for (const v of dated) w.paramInit.push(`if (DAY >= ${parseIsoDate(v.from!)}) {`, ...assign(v), '} else');
    w.paramInit.push('{', ...(undated ? assign(undated) : ['throw FALLBACK;']), '}');
    const slots: Val =
      kind === 'num'
        ? num(slot(`NUM_SLOTS[${base}]`), common ?? slot(`NUM_SLOTS[${base + 1}]`))
        : kind === 'row'
          ? (() => {
              throw new Error('Internal error: a row-valued parameter');
            })()
          : { k: kind, v: slot(`OTHER_SLOTS[${base}]`) };
    this.readers.set(key, { fn: '', kind, slots });
    return slots;
  }

  /** A definition (`def:key`) or outcome (`outcome:name`): its function called, its value read. */
  named(key: string): Val {
    if (this.inlinable(key)) return this.x.settle(this.x.expr(this.defs.get(key.slice(4))!.expr));
    const reader = this.readers.get(key) ?? this.define(key);
    this.w.emit(`${reader.fn}();`);
    return this.x.settle(reader.slots);
  }

  /** Whether a definition can be written out where it is used: used once, in its own scope. */
  private inlinable(key: string): boolean {
    const place = this.w.place;
    if (!key.startsWith('def:') || this.references.get(key.slice(4)) !== 1 || place.inTable) return false;
    const d = this.defs.get(key.slice(4))!;
    // An activity rule inside its own kind's code; a contract rule outside any activity or sum.
    return d.scope ? d.scope === place.activityKind && !place.sum : !place.activityKind && !place.sum;
  }

  private define(key: string): Reader {
    const w = this.w;
    const isDef = key.startsWith('def:');
    const rule = isDef ? this.defs.get(key.slice(4))! : this.outcomes.get(key.slice(8))!;
    const kind = kindOfType(rule.type);
    const fn = w.fresh(isDef ? 'definition_' : 'outcome_');
    const flag = w.flags++;
    const scope = isDef ? (rule as Doc['definitions'][number]).scope : undefined;
    if (scope) w.activityFlags.push(flag);
    let slots: Val;
    if (kind === 'num') {
      const base = w.allocNum();
      slots = num(slot(`NUM_SLOTS[${base}]`), slot(`NUM_SLOTS[${base + 1}]`));
    } else if (kind === 'row') throw new Error('Internal error: a row-valued definition');
    else slots = { k: kind, v: slot(`OTHER_SLOTS[${w.allocOther()}]`) };
    const reader: Reader = { fn, kind, slots };
    this.readers.set(key, reader);
    let knownDenominator: number | undefined;
    // A rule of its own is a function of its own: it cannot see the caller's fields read ahead.
    const { lines, records } = w.at({ activityKind: scope, sum: undefined, fields: new Map() }, () =>
      w.recorded(() => {
        const v = this.x.expr(rule.expr);
        if (v.k === 'num' && slots.k === 'num') {
          w.emit(
            `${slots.n.js} = ${v.n.js}; ${(slots.d as { js: string }).js} = ${typeof v.d === 'number' ? v.d : v.d.js};`,
          );
          if (typeof v.d === 'number') knownDenominator = v.d;
        } else if (v.k !== 'num' && v.k !== 'row' && slots.k !== 'num' && slots.k !== 'row')
          w.emit(`${slots.v.js} = ${v.v.js};`);
        else throw new Error('Internal error: kind mismatch in a rule');
      }, true),
    );
    // Its denominator known here: every use reads the number (the rule still stores it).
    if (knownDenominator !== undefined && slots.k === 'num') reader.slots = num(slots.n, knownDenominator);
    // A contract-level rule belongs to no activity, even when an activity's valuation asks for it:
    // meldingen it records (itself, or through a table it reads) name no activity. A rule that
    // records none leaves the activity index alone (saving it cost per contract, measured).
    const own = !scope && records;
    w.functions.push(
      `function ${fn}() {`,
      `if (DONE_${flag}) return;`,
      ...(own ? ['const savedActivityIndex = ACTIVITY_INDEX;', 'ACTIVITY_INDEX = -1;'] : []),
      ...lines,
      ...(own ? ['ACTIVITY_INDEX = savedActivityIndex;'] : []),
      `DONE_${flag} = true;`,
      '}',
    );
    return reader;
  }
}

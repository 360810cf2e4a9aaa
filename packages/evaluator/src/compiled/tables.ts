// Decision tables → one module function per table (`table_3(arg0, arg0d, ...)`), which picks the
// version for the contract's date, tests the rows and leaves its outputs in slots; a lookup calls
// it and reads the slots. A `uniek` table whose rows provably cannot both match stops at its first hit.
import { parseIsoDate, type IrCell, type IrDocument, type IrExpr, type IrValue } from '@sroi/core';
import { denJs, kindOfType, local, num, sharedDenominator, slot, type Val } from './code.js';
import { Expressions } from './expressions.js';
import { appendAll, type ModuleWriter } from './module-writer.js';

type Table = IrDocument['tables'][number];
type Version = Table['versions'][number];

export class Tables {
  private readonly written = new Map<string, { fn: string; outputs: Val[] }>();
  private readonly byName: Map<string, Table>;

  constructor(
    private readonly w: ModuleWriter,
    private readonly x: Expressions,
  ) {
    this.byName = new Map(w.doc.tables.map((t) => [t.name, t]));
  }

  /** A lookup: the table's function called with the arguments, its outputs copied out. */
  lookup(name: string, args: readonly IrExpr[]): Val {
    const t = this.byName.get(name)!;
    const fns = this.written.get(name) ?? this.define(t);
    const argVals = args.map((a) => this.x.settle(this.x.expr(a)));
    const list = argVals.flatMap((v) =>
      v.k === 'num' ? [v.n.js, denJs(v.d)] : v.k === 'row' ? [] : [v.v.js],
    );
    // A row's output may record a melding (with the caller's activity).
    this.w.records();
    this.w.emit(`${fns.fn}(${list.join(', ')});`);
    const outs = fns.outputs.map((o) => this.x.settle(o));
    return t.single ? outs[0]! : { k: 'row', table: name, slots: outs };
  }

  private define(t: Table): { fn: string; outputs: Val[] } {
    const w = this.w;
    const fn = w.fresh('table_');
    const outputs = t.outputs.map((o, j): Val => {
      const kind = kindOfType(o.type);
      if (kind === 'num') {
        const base = w.allocNum();
        // A column of constants has one denominator for all its rows, known here.
        // With value slots the rows' values are read at run time, their denominators too.
        const common = t.hitPolicy === 'som' || w.slotted ? undefined : columnDenominator(t, j);
        return num(slot(`NUM_SLOTS[${base}]`), common ?? slot(`NUM_SLOTS[${base + 1}]`));
      }
      if (kind === 'row') throw new Error('Internal error: a row-valued table output');
      return { k: kind, v: slot(`OTHER_SLOTS[${w.allocOther()}]`) };
    });
    const entry = { fn, outputs };
    this.written.set(t.name, entry);
    const params: Val[] = t.inputs.map((c, i): Val => {
      const kind = kindOfType(c.type);
      if (kind === 'num') return num(local(`arg_${i}`), local(`arg_${i}d`));
      if (kind === 'row') throw new Error('Internal error: a row-valued table input');
      return { k: kind, v: local(`arg_${i}`) };
    });
    const paramList = params.flatMap((p) =>
      p.k === 'num' ? [p.n.js, denJs(p.d)] : p.k === 'row' ? [] : [p.v.js],
    );
    const { lines } = w.at({ activityKind: undefined, inTable: true, fields: new Map() }, () =>
      w.recorded(() => this.body(t, outputs, params), true),
    );
    w.functions.push(`function ${fn}(${paramList.join(', ')}) {`);
    appendAll(w.functions, lines);
    w.functions.push('}');
    return entry;
  }

  private body(t: Table, outputs: Val[], params: Val[]): void {
    const w = this.w;
    const sums = t.hitPolicy === 'som';
    const firstHit = firstHitOnly(t);
    if (sums) for (const o of outputs) if (o.k === 'num') w.emit(`${o.n.js} = 0; ${denJs(o.d)} = 1;`);
    if (!firstHit) w.emit('let hits = 0;');
    const versionCode = (v: Version) =>
      w.block(() => {
        const version = t.versions.indexOf(v);
        v.rows.forEach((row, rowIndex) => {
          const test = w.block(() => {
            const conds = row.when.map((cell, i) => this.cell(cell, params[i]!));
            const hit = w.block(() => {
              if (!firstHit) w.emit('hits++;');
              if (!firstHit && t.hitPolicy === 'uniek') w.emit('if (hits > 1) throw FALLBACK;');
              row.then.forEach((x, j) =>
                this.output(
                  outputs[j]!,
                  x.k === 'const'
                    ? this.x.setting(x.v, this.x.kindOf(x), {
                        table: t.name,
                        version,
                        row: rowIndex,
                        column: j,
                      })
                    : this.x.expr(x),
                  sums,
                ),
              );
              if (firstHit) w.emit('return;');
            });
            w.emit(`if (${conds.length ? conds.join(' && ') : 'true'}) {`, ...hit, '}');
          });
          w.emit('{', ...test, '}');
        });
      });
    const versions = [...t.versions].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1));
    // A version has a block per row: emitted without spreading them into a call (emitAll).
    for (const v of versions.filter((v) => v.from !== undefined)) {
      w.emit(`if (DAY >= ${parseIsoDate(v.from!)}) {`);
      w.emitAll(versionCode(v));
      w.emit('} else');
    }
    const undated = versions.find((v) => v.from === undefined);
    w.emit('{');
    w.emitAll(undated ? versionCode(undated) : ['throw FALLBACK;']);
    w.emit('}');
    // No row, or (uniek) two rows: a located diagnostic, which only the reference evaluator gives.
    if (firstHit) w.emit('throw FALLBACK;');
    else if (!sums) w.emit('if (hits === 0) throw FALLBACK;');
  }

  /** A row's value into an output slot: added (som), or over the column's known denominator. */
  private output(o: Val, v: Val, sums: boolean): void {
    const w = this.w;
    if (o.k === 'num' && v.k === 'num') {
      if (sums) {
        const s = this.x.arith('+', o, this.x.settle(v));
        w.emit(`${o.n.js} = ${s.n.js}; ${denJs(o.d)} = ${denJs(s.d)};`);
      } else if (typeof o.d === 'number') w.emit(`${o.n.js} = ${this.x.scaled(v, o.d).n.js};`);
      else w.emit(`${o.n.js} = ${v.n.js}; ${o.d.js} = ${denJs(v.d)};`);
    } else if (o.k !== 'num' && o.k !== 'row' && v.k !== 'num' && v.k !== 'row')
      w.emit(`${o.v.js} = ${v.v.js};`);
    else throw new Error('Internal error: table output kind');
  }

  /** The condition of one input cell on its column value. */
  private cell(cell: IrCell, x: Val): string {
    if ('any' in cell) return 'true';
    const kind = x.k === 'row' ? 'num' : x.k;
    if ('in' in cell)
      return `(${cell.in.map((v) => this.x.equality(x, this.x.constant(v, kind))).join(' || ')})`;
    return cell.cmp
      .map(([op, v]) => {
        const c = this.x.constant(v, kind);
        if (op === '=' || op === '≠') return op === '=' ? this.x.equality(x, c) : `!${this.x.equality(x, c)}`;
        if (x.k !== 'num' || c.k !== 'num') throw new Error('Internal error: ordering a non-number cell');
        // x.n / x.d against c.n / c.d, cross-multiplied (a constant's denominator is known here).
        const js = Expressions.ordering[op];
        if (c.d === 1) return `(${x.n.js} ${js} ${c.n.js} * ${denJs(x.d)})`;
        return `(${x.n.js} * ${denJs(c.d)} ${js} ${c.n.js} * ${denJs(x.d)})`;
      })
      .join(' && ');
  }
}

/**
 * The common denominator of output column `j` when every row of every version gives a number
 * constant there and it stays small (each row's value then a safe integer over it); else undefined.
 */
function columnDenominator(t: Table, j: number): number | undefined {
  const values: [numerator: bigint, denominator: number][] = [];
  for (const v of t.versions)
    for (const row of v.rows) {
      const x = row.then[j];
      if (x?.k !== 'const' || !('num' in x.v)) return undefined;
      const [n, d = '1'] = x.v.num.split('/');
      const den = Number(d);
      if (!Number.isSafeInteger(den)) return undefined;
      values.push([BigInt(n!), den]);
    }
  const common = sharedDenominator(values.map(([, d]) => d));
  if (common === undefined) return undefined;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  for (const [n, d] of values) {
    const scaled = n * BigInt(common / d);
    if (scaled > max || scaled < -max) return undefined;
  }
  return common;
}

/** Whether a lookup can stop at its first hit: no two rows can both match, or the first wins. */
function firstHitOnly(t: Table): boolean {
  return t.hitPolicy === 'eerste' || (t.hitPolicy === 'uniek' && t.versions.every(rowsDisjoint));
}

/**
 * Whether no two rows of a table version can match the same arguments, proved from the IR
 * alone (not trusted from the compiler): some column where every row lists texts or truth
 * values and no value appears in two rows.
 */
function rowsDisjoint(version: Version): boolean {
  const columns = version.rows[0]?.when.length ?? 0;
  for (let c = 0; c < columns; c++) {
    const seen = new Set<string>();
    const disjoint = version.rows.every((row) => {
      const values = cellConstants(row.when[c]!);
      if (!values) return false;
      for (const v of new Set(values)) {
        if (seen.has(v)) return false;
        seen.add(v);
      }
      return true;
    });
    if (disjoint) return true;
  }
  return version.rows.length <= 1;
}

/** The texts or truth values a cell matches exactly (as keys), or undefined for any other cell. */
function cellConstants(cell: IrCell): string[] | undefined {
  const key = (v: IrValue): string | undefined =>
    'text' in v ? `t:${v.text}` : 'bool' in v ? `b:${v.bool}` : undefined;
  const keys =
    'in' in cell
      ? cell.in.map(key)
      : 'cmp' in cell && cell.cmp.length === 1 && cell.cmp[0]![0] === '='
        ? [key(cell.cmp[0]![1])]
        : [undefined];
  return keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
}

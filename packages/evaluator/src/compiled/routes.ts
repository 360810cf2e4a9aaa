// Activities, routes and caps → module code: one valuation function per activity kind, the
// `switch` that values each activity and adds it to its route's total, and `routes()`, which caps
// the routes once per contract after all valuations.
import { activityKinds, type IrDocument, type IrExpr } from '@sroi/core';
import { CAP_MESSAGE, MAANDEN, NOT_VALUED_MESSAGE, type Expressions } from './expressions.js';
import { forEachChild, type ModuleWriter } from './module-writer.js';

type Doc = IrDocument;

export class Routes {
  /** The activity kinds of the vocabulary, in its order: the cases of the dispatch. */
  private readonly kinds = Object.keys(activityKinds);
  /** The route index of each kind (-1: none). */
  private readonly routeOfKind: readonly number[];

  constructor(
    private readonly w: ModuleWriter,
    private readonly x: Expressions,
  ) {
    this.routeOfKind = this.kinds.map((k) => w.doc.routes.findIndex((r) => r.kinds.includes(k)));
  }

  /**
   * Writes each kind's valuation function and returns the dispatch: per activity, its kind's
   * valuation, then its route's total (one case per kind, no lookups).
   */
  dispatch(): string[] {
    const w = this.w;
    return this.kinds.map((kind, i) => {
      const v = w.doc.valuations.find((x) => x.kind === kind);
      const r = this.routeOfKind[i]!;
      const total = r >= 0 ? ` ROUTE_TOTAL[${r}] += v; if (ROUTE_TOTAL[${r}] > MAX) throw FALLBACK;` : '';
      if (!v) return `case ${w.text(kind)}: MESSAGES.push([${NOT_VALUED_MESSAGE}, i]);${total} break;`;
      return `case ${w.text(kind)}: v = ${this.valuation(kind, v)}();${total} break;`;
    });
  }

  /** A kind's valuation as a module function (its name returned): requirements, then the amount. */
  private valuation(kind: string, v: Doc['valuations'][number]): string {
    const w = this.w;
    const fn = w.fresh('valuation_');
    const { lines } = w.at({ activityKind: kind, sum: undefined, fields: new Map() }, () =>
      w.recorded(() => {
        // Every field this kind's rules read, converted once at the start.
        for (const name of this.activityFieldsOf(kind, v))
          w.place.fields.set(`activity.${name}`, this.x.settle(this.x.readField('activity', name)));
        w.emit('let failed = false;');
        for (const r of v.requirements) {
          const test = w.block(() => {
            const c = this.x.bool(r.when);
            const fail = w.block(() => {
              w.emit('failed = true;');
              this.x.message(r.message, 'vereiste');
            });
            w.emit(`if (!(${c})) {`, ...fail, '}');
          });
          w.emit('{', ...test, '}');
        }
        // `binnen`: a melding, whether or not a requirement failed; the value is unchanged.
        const within = v.within;
        if (within) w.emit('{', ...w.block(() => this.x.within(within.expr)), '}');
        w.emit('if (failed) return 0;');
        const value = this.x.num(v.expr);
        // Whole cents, or the reference evaluator decides (NaN, an unknown value, included).
        const cents =
          value.d === 1
            ? value.n.js
            : `${value.n.js} / ${typeof value.d === 'number' ? value.d : value.d.js}`;
        w.emit(`const value = ${cents};`, 'if (!Number.isInteger(value)) throw FALLBACK;', 'return value;');
      }, true),
    );
    w.functions.push(`function ${fn}() {`, ...lines, '}');
    return fn;
  }

  /** `routes()`: each route's realised amount, its cap applied (a melding when the cap bites). */
  caps(): void {
    const w = this.w;
    const lines = w.block(() =>
      w.doc.routes.forEach((r, i) => {
        if (!r.cap) {
          w.emit(`ROUTE_REALISED[${i}] = ROUTE_TOTAL[${i}];`);
          return;
        }
        const cap = r.cap;
        const body = w.block(() => {
          const c = this.x.whole(this.x.num(cap.expr));
          w.emit(`if (Number.isNaN(${c})) throw FALLBACK;`, `ROUTE_CAP[${i}] = ${c};`);
          const melding = `MESSAGES.push([${CAP_MESSAGE}, -1, ${i}, ROUTE_TOTAL[${i}], ROUTE_CAP[${i}]]);`;
          w.emit(
            `if (ROUTE_TOTAL[${i}] > ROUTE_CAP[${i}]) { ROUTE_REALISED[${i}] = ROUTE_CAP[${i}]; ${melding} }`,
            `else ROUTE_REALISED[${i}] = ROUTE_TOTAL[${i}];`,
          );
        });
        w.emit('{', ...body, '}');
      }),
    );
    w.functions.push('function routes() {', 'if (ROUTES_DONE) return;', 'ROUTES_DONE = true;', ...lines, '}');
  }

  /** The activity fields a valuation reads, directly or through its kind's definitions. */
  private activityFieldsOf(kind: string, v: Doc['valuations'][number]): string[] {
    const defs = new Map(this.w.doc.definitions.map((d) => [d.key, d]));
    const names = new Set<string>();
    const seen = new Set<string>();
    const walk = (e: IrExpr): void => {
      if (e.k === 'field' && e.scope === 'activity') names.add(e.name);
      if (e.k === 'def' && !seen.has(e.key)) {
        seen.add(e.key);
        const d = defs.get(e.key);
        if (d?.scope === kind) walk(d.expr);
      }
      forEachChild(e, walk);
    };
    walk(v.expr);
    for (const r of v.requirements) {
      walk(r.when);
      r.message.forEach((p) => 'x' in p && walk(p.x));
    }
    if (v.within) {
      walk(MAANDEN);
      walk(v.within.expr);
    }
    return [...names].sort();
  }
}

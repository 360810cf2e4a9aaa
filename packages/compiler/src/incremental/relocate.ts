// Moving unchanged syntax: after an edit, the declarations that follow it keep their tree and
// their diagnostics, with every span shifted by the length the edit added or removed.
import type { Span } from '@sroi/core';

const isSpan = (v: object): v is Span => {
  const s = v as Partial<Span>;
  return (
    typeof s.file === 'string' &&
    typeof s.start === 'number' &&
    typeof s.end === 'number' &&
    Object.keys(v).length === 3
  );
};

/**
 * A copy of `value` (a syntax tree, a diagnostic: plain objects and arrays) with every span moved
 * by `delta`. Other values are shared: strings, numbers and class instances such as `Rational`,
 * which are immutable. Sharing inside `value` is kept (a node used twice is copied once), and
 * `copies` receives every copied object, old → new, so side tables keyed by node can follow.
 */
export function relocated<T>(value: T, delta: number, copies: Map<object, object> = new Map()): T {
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done) return done;
    let out: object;
    if (Array.isArray(v)) {
      const list: unknown[] = [];
      copies.set(v, list);
      for (const x of v) list.push(copy(x));
      return list;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    if (isSpan(v)) out = { file: v.file, start: v.start + delta, end: v.end + delta };
    else {
      const o: Record<string, unknown> = {};
      copies.set(v, o);
      for (const k of Object.keys(v)) o[k] = copy((v as Record<string, unknown>)[k]);
      return o;
    }
    copies.set(v, out);
    return out;
  };
  return (delta === 0 ? value : copy(value)) as T;
}

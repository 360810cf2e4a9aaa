// Moving unchanged syntax: after an edit, the declarations that follow it keep their tree and
// their diagnostics, with every span shifted by the length the edit added or removed.
import type { Span } from '@sroi/core';

/**
 * A copy of `value` (a syntax tree, a diagnostic: plain objects and arrays) with every span moved
 * by `delta`. A span is a plain object with a string `file` and numeric `start` and `end` (no
 * syntax node has those fields). Other values are shared: strings, numbers and class instances
 * such as `Rational`, which are immutable.
 *
 * An editor moves most of a file's tree after each keystroke, so this is a plain recursive copy:
 * an object the tree holds twice (the syntax builder shares a few identifiers and spans) is
 * copied twice, into equal values. Nothing keys side tables by identifiers or spans.
 */
export function relocated<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T);
}

function shift(value: unknown, delta: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) list[i] = shift(value[i], delta);
    return list;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const o = value as Record<string, unknown>;
  if (typeof o['start'] === 'number' && typeof o['end'] === 'number' && typeof o['file'] === 'string') {
    const span: Span = { file: o['file'], start: o['start'] + delta, end: o['end'] + delta };
    return span;
  }
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = shift(o[k], delta);
    // A key read from the source (never in the tree today) must stay an own property.
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

// Where a JSON path points in a JSON text, so contract errors show file:line:col and the line.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** Splits `activiteiten[0].fte` into ['activiteiten', 0, 'fte']. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The offset range of the value (or, for a missing key, of the enclosing object) at `path`. */
export function locateJsonPath(text: string, path: string): { start: number; end: number } | undefined {
  let root: Node | undefined;
  try {
    root = parseTree(text);
  } catch {
    return undefined;
  }
  if (!root || path === '(contract)' || path === '(document)')
    return root ? { start: root.offset, end: root.offset + 1 } : undefined;
  const segments = parsePath(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (!node) continue;
    // A found key's value: point at the property (key included) when it is the last segment.
    const target = n === segments.length && node.parent?.type === 'property' ? node.parent : node;
    const end = n === segments.length ? target.offset + target.length : target.offset + 1;
    return { start: target.offset, end };
  }
  return undefined;
}

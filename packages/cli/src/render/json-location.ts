// Where a JSON path points in a JSON text, so contract errors show file:line:col and the line.
// The text is parsed once per file, however many diagnostics it has (8,000 unknown keys took
// minutes when each one parsed the text again).
import { parseTree, type Node } from 'jsonc-parser';

/** Splits `activiteiten[0].fte` into ['activiteiten', 0, 'fte']. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** An offset range in the text. */
export type JsonRange = { start: number; end: number };

/** Finds JSON paths in one text, parsed once; `undefined` when the text has no JSON value. */
export type JsonLocator = (path: string) => JsonRange | undefined;

/** The properties of an object node by key, built the first time a path goes through it. */
const keyIndex = new WeakMap<Node, Map<string, Node>>();

function propertiesOf(object: Node): Map<string, Node> {
  let index = keyIndex.get(object);
  if (!index) {
    index = new Map();
    for (const p of object.children ?? []) {
      const key = p.children?.[0]?.value;
      // The first of a repeated key, as the error about the repetition points there too.
      if (typeof key === 'string' && !index.has(key)) index.set(key, p);
    }
    keyIndex.set(object, index);
  }
  return index;
}

/**
 * The node a path leads to as far as it exists, and whether it got all the way. Keys are matched
 * against the text of the path, so a key holding `.` or `[` (an unknown key a contract made up)
 * is found too: at each object the longest key that the rest of the path starts with wins.
 */
function walk(root: Node, path: string): { node: Node; complete: boolean } {
  let node = root;
  let rest = path;
  while (rest !== '') {
    if (node.type === 'array') {
      const m = /^\[(\d+)\]/.exec(rest);
      const child = m ? node.children?.[Number(m[1])] : undefined;
      if (!m || !child) return { node, complete: false };
      node = child;
      rest = rest.slice(m[0].length);
    } else if (node.type === 'object') {
      const keyText = rest.startsWith('.') && node !== root ? rest.slice(1) : rest;
      const properties = propertiesOf(node);
      let found: Node | undefined;
      let used = 0;
      // Candidate keys end where the path has a separator, or at its end: try the longest first.
      for (let end = keyText.length; end > 0 && !found; end--) {
        if (end < keyText.length && keyText[end] !== '.' && keyText[end] !== '[') continue;
        found = properties.get(keyText.slice(0, end));
        used = end;
      }
      const value = found?.children?.[1];
      if (!found || !value) return { node, complete: false };
      node = value;
      rest = keyText.slice(used);
    } else return { node, complete: false };
  }
  return { node, complete: true };
}

/** A locator for `text`: its tree is parsed now, once. */
export function jsonLocator(text: string): JsonLocator {
  let root: Node | undefined;
  try {
    root = parseTree(text);
  } catch {
    root = undefined;
  }
  return (path) => {
    if (!root) return undefined;
    if (path === '(contract)' || path === '(document)') return { start: root.offset, end: root.offset + 1 };
    const { node, complete } = walk(root, path);
    if (!complete) return { start: node.offset, end: node.offset + 1 };
    // A found key's value: point at the property, key included.
    const target = node.parent?.type === 'property' ? node.parent : node;
    return { start: target.offset, end: target.offset + target.length };
  };
}

/** The offset range of the value (or, for a missing key, of the enclosing value) at `path`. */
export function locateJsonPath(text: string, path: string): JsonRange | undefined {
  return jsonLocator(text)(path);
}

// The documents a language service knows, as a `SourceHost` in memory: `breidt uit "x.sroi"`
// resolves among them (e.g. the shipped rulesets), relative to the extending document's folder.
import type { SourceHost } from '@sroi/compiler';

/** Normalises a slash-separated path: `a/./b/../c.sroi` → `a/c.sroi`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '')
      out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Document texts by normalised path, with a version that grows on every change. */
export class DocumentStore implements SourceHost {
  private readonly texts = new Map<string, string>();
  private changes = 0;

  /** Grows whenever a document is added, changed or removed (a base's change affects its variants). */
  get version(): number {
    return this.changes;
  }

  set(path: string, text: string): boolean {
    const key = normalizePath(path);
    if (this.texts.get(key) === text) return false;
    this.texts.set(key, text);
    this.changes++;
    return true;
  }

  delete(path: string): boolean {
    const removed = this.texts.delete(normalizePath(path));
    if (removed) this.changes++;
    return removed;
  }

  get(path: string): string | undefined {
    return this.texts.get(normalizePath(path));
  }

  paths(): string[] {
    return [...this.texts.keys()];
  }

  readFile(path: string): { text: string } | { error: string; errorEn: string } {
    const text = this.texts.get(normalizePath(path));
    return text === undefined ? { error: 'bestand bestaat niet', errorEn: 'file does not exist' } : { text };
  }

  resolve(fromFile: string, relative: string): string {
    if (relative.startsWith('/')) return normalizePath(relative);
    const slash = fromFile.lastIndexOf('/');
    return normalizePath(slash < 0 ? relative : `${fromFile.slice(0, slash)}/${relative}`);
  }
}

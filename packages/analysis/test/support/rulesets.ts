// The shipped rulesets, compiled once per test file for review.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SourceHost } from '@sroi/compiler';
import { reviewSource, type ReviewedRuleset } from '../../src/index.js';

export const rulesetsDir = resolve(import.meta.dirname, '../../../../rulesets');
const root = resolve(rulesetsDir, '..');

export const diskHost: SourceHost = {
  readFile(path) {
    try {
      return { text: readFileSync(path, 'utf8') };
    } catch (e) {
      return { error: (e as Error).message };
    }
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};

export const shipped = [
  'rijnmond-2019-2023.sroi',
  'rijnmond-2023-2027.sroi',
  'haaglanden-zhc-2023.sroi',
  'leidschendam-voorburg-2025.sroi',
  'schiedam-legacy.sroi',
] as const;
export type Shipped = (typeof shipped)[number];

const cache = new Map<string, ReviewedRuleset>();

/** A ruleset of rulesets/ under review, named `rulesets/<file>` as a reviewer types it. */
export function review(file: Shipped | string): ReviewedRuleset {
  const hit = cache.get(file);
  if (hit) return hit;
  const path = join(rulesetsDir, file);
  const label = relative(root, path);
  const r = reviewSource(path, readFileSync(path, 'utf8'), diskHost, {
    displayFile: (p) => relative(root, resolve(p)),
  }).value;
  if (!r) throw new Error(`${file} does not compile`);
  const named = { ...r, label };
  cache.set(file, named);
  return named;
}

/** Compiles a ruleset text placed (virtually) in rulesets/, so `breidt uit` finds the real bases. */
export function reviewText(name: string, text: string): ReviewedRuleset {
  const path = join(rulesetsDir, name);
  const host: SourceHost = {
    readFile: (p) => (p === path ? { text } : diskHost.readFile(p)),
    resolve: diskHost.resolve,
  };
  const r = reviewSource(path, text, host, { displayFile: (p) => relative(root, resolve(p)) });
  if (!r.value) throw new Error(`${name} does not compile: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  return r.value;
}

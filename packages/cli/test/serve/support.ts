// The served rulesets of the serve tests, loaded once per file: the Rijnmond set, Rijnmond
// 2023-2027 and Haaglanden as `.sroi` files, as `sroi serve` loads them.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadRuleset } from '../../src/load.js';
import { buildApp, type AppOptions } from '../../src/serve/app.js';
import { servedPlan, servedSet, type ServedRuleset } from '../../src/serve/rulesets.js';

const fromCwd = (path: string) => relative(process.cwd(), fileURLToPath(new URL(path, import.meta.url)));
export const rulesetsDir = fromCwd('../../../../rulesets/');
export const rijnmondSet = `${rulesetsDir}/rijnmond.set.json`;
export const rijnmond2023 = `${rulesetsDir}/rijnmond-2023-2027.sroi`;
export const haaglanden = `${rulesetsDir}/haaglanden-zhc-2023.sroi`;
export const sampleContract = `${rulesetsDir}/examples/schoonmaak-stadskantoor.json`;

export const R2023 = 'social-return-rijnmond-2023-2027';
export const SET = 'social-return-rijnmond';
export const HAAGLANDEN = 'social-return-haaglanden-en-zuid-holland-centraal-2023';

export async function loadServed(paths: readonly string[]): Promise<ServedRuleset[]> {
  const out: ServedRuleset[] = [];
  for (const path of paths) {
    const loaded = await loadRuleset(path);
    if (loaded.set) out.push(servedSet(path, loaded.set));
    else if (loaded.plan) out.push(servedPlan(path, loaded.plan));
    else throw new Error(`${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  }
  return out;
}

let served: Promise<ServedRuleset[]> | undefined;
/** The three rulesets, compiled once per test file. */
export const shippedRulesets = () => (served ??= loadServed([rijnmondSet, rijnmond2023, haaglanden]));

export async function app(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp(await shippedRulesets(), { version: 'test', ...options });
}

export const jsonHeaders = { 'content-type': 'application/json' };
export const jsonLinesHeaders = { 'content-type': 'application/x-ndjson' };

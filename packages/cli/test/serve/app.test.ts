import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activityKinds, contractFields } from '@sroi/core';
import { canonicalJson } from '@sroi/evaluator';
import { scratch, sroi } from '../support/run.js';
import {
  app,
  HAAGLANDEN,
  haaglanden,
  jsonHeaders,
  R2023,
  rijnmond2023,
  rijnmondSet,
  sampleContract,
  SET,
  shippedRulesets,
} from './support.js';

const tmp = scratch('serve');
let server: FastifyInstance;
beforeAll(async () => {
  server = await app();
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

const sample = JSON.parse(readFileSync(sampleContract, 'utf8')) as Record<string, unknown>;
/** The sample with its own id, value and award date (both periods of the Rijnmond set). */
const variant = (i: number) => ({
  ...sample,
  id: `S-${i}`,
  waarde: `${80_000 + i * 13_331}.${String(i % 100).padStart(2, '0')}`,
  gunningsdatum: ['2020-03-01', '2023-09-01', '2024-05-01', '2026-12-31'][i % 4],
});

const evaluate = (name: string, body: unknown, query = '', headers: Record<string, string> = jsonHeaders) =>
  server.inject({
    method: 'POST',
    url: `/v1/rulesets/${name}/evaluate${query}`,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GET /v1/rulesets', () => {
  test('lists every ruleset under its slug, with versions, periods and the sha256 of its IR', async () => {
    const r = await server.inject({ method: 'GET', url: '/v1/rulesets' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const { rulesets } = r.json<{
      rulesets: {
        name: string;
        kind: string;
        members: { name: string; version: string; periods: { from: string }[]; irSha256: string }[];
      }[];
    }>();
    expect(rulesets.map((x) => [x.name, x.kind])).toEqual([
      [SET, 'set'],
      [R2023, 'regeling'],
      [HAAGLANDEN, 'regeling'],
    ]);
    expect(rulesets[0]!.members.map((m) => [m.name, m.version, m.periods[0]!.from])).toEqual([
      ['social-return-rijnmond-2019-2023', '2019-2023', '2019-10-01'],
      [R2023, '2023-2027', '2023-07-01'],
    ]);
    const served = await shippedRulesets();
    const hashes = served.flatMap((s) =>
      s.members.map((m) => createHash('sha256').update(canonicalJson(m.plan.ir)).digest('hex')),
    );
    expect(rulesets.flatMap((x) => x.members.map((m) => m.irSha256))).toEqual(hashes);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  test('the IR hash does not depend on the order of keys in the document', () => {
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: true })).toBe(
      canonicalJson({ a: true, b: [1, { c: null, d: 'x' }] }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('POST /v1/rulesets/{name}/evaluate', () => {
  test('gives the amounts of sroi eval --json for the same contract, under a ruleset and under a set', async () => {
    for (const [name, path] of [
      [R2023, rijnmond2023],
      [SET, rijnmondSet],
      [HAAGLANDEN, haaglanden],
    ] as const)
      for (const i of [0, 1, 2, 3]) {
        const contract = variant(i);
        const cli = await sroi(
          'eval',
          '--json',
          '--no-explain',
          path,
          tmp.write(`c${i}.json`, JSON.stringify(contract)),
        );
        const r = await evaluate(name, contract);
        if (cli.code === 0) {
          expect(r.statusCode).toBe(200);
          expect(r.json()).toEqual(JSON.parse(cli.out));
        } else {
          // A contract outside the ruleset's periods: refused by both, with the same code.
          expect(r.statusCode).toBe(422);
          expect(cli.err).toContain(r.json<{ code: string }>().code);
        }
      }
  });

  test('?uitleg=true adds the explanation: the JSON of sroi eval --json, explanation included', async () => {
    const cli = await sroi('eval', '--json', rijnmond2023, sampleContract);
    const r = await evaluate(R2023, sample, '?uitleg=true');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(JSON.parse(cli.out));
    expect(Object.keys(r.json<{ uitleg: object }>().uitleg)).toContain('verplichting');
    const plain = await evaluate(R2023, sample, '?uitleg=false');
    expect(plain.json()).not.toHaveProperty('uitleg');
  });

  test('explains in English with ?lang=en or Accept-Language: en, in Dutch by default', async () => {
    const bad = { ...sample, opdrachtsoort: 'bouwwerk' };
    const nl = await evaluate(R2023, bad);
    const en = await evaluate(R2023, bad, '?lang=en');
    const header = await evaluate(R2023, bad, '', {
      ...jsonHeaders,
      'accept-language': 'de, en-GB;q=0.8, nl;q=0.5',
    });
    expect(nl.json<{ detail: string }>().detail).toContain('is geen toegestane waarde');
    expect(en.json<{ detail: string }>().detail).toContain('is not an allowed value');
    expect(header.json()).toEqual(en.json());
  });

  test('an invalid contract: 422 problem+json with the code, the JSON path and the allowed values', async () => {
    const activities = sample['activiteiten'] as Record<string, unknown>[];
    const bad = { ...sample, activiteiten: [{ ...activities[0], doelgroep: 'participatiewett' }] };
    const r = await evaluate(R2023, bad);
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = r.json<{
      status: number;
      code: string;
      errors: { path: string; allowed: string[]; suggestions: string[] }[];
    }>();
    expect(body).toMatchObject({ type: 'https://sroi.dev/problems/SR5004', status: 422, code: 'SR5004' });
    expect(body.errors[0]!.path).toBe('activiteiten[0].doelgroep');
    expect(body.errors[0]!.allowed).toContain('participatiewet');
    expect(body.errors[0]!.suggestions).toEqual(['participatiewet']);
  });
});

describe('POST /v1/rulesets/{name}/compare/{other}', () => {
  test('one contract under two rulesets: the JSON of sroi compare, each column the amounts of sroi eval', async () => {
    const r = await server.inject({
      method: 'POST',
      url: `/v1/rulesets/${R2023}/compare/${HAAGLANDEN}`,
      headers: jsonHeaders,
      payload: JSON.stringify(sample),
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      rulesets: { name: string; result: { verplichting: string; gerealiseerd: string } }[];
      outcomes: { key: string; values: string[]; differs: boolean }[];
    }>();
    const cli = await sroi('compare', '--json', rijnmond2023, haaglanden, '--contract', sampleContract);
    const expected = JSON.parse(cli.out) as typeof body;
    expect(body.outcomes).toEqual(expected.outcomes);
    expect(body.rulesets.map((c) => c.result.verplichting)).toEqual(
      expected.rulesets.map((c) => c.result.verplichting),
    );
  });

  test('a set is compared through the member that holds the contract date', async () => {
    const r = await server.inject({
      method: 'POST',
      url: `/v1/rulesets/${SET}/compare/${R2023}?lang=en`,
      headers: jsonHeaders,
      payload: JSON.stringify({ ...sample, gunningsdatum: '2021-01-01' }),
    });
    expect(r.statusCode).toBe(200);
    const names = r.json<{ rulesets: { name: string }[] }>().rulesets.map((c) => c.name);
    expect(names).toEqual(['Social Return Rijnmond 2019-2023', 'Social Return Rijnmond 2023-2027']);
  });

  test('an unknown other ruleset: 404 naming the parameter', async () => {
    const r = await server.inject({
      method: 'POST',
      url: `/v1/rulesets/${R2023}/compare/rijnmond`,
      headers: jsonHeaders,
      payload: JSON.stringify(sample),
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'SR5250', errors: [{ path: 'other' }] });
  });
});

describe('GET /healthz, /openapi.json, /metrics', () => {
  test('/healthz says ok', async () => {
    const r = await server.inject({ method: 'GET', url: '/healthz' });
    expect([r.statusCode, r.json()]).toEqual([200, { status: 'ok', rulesets: 3 }]);
  });

  test('/openapi.json is an OpenAPI 3.1 document of every /v1 route, with the contract schema and problems', async () => {
    const r = await server.inject({ method: 'GET', url: '/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/rulesets',
      '/v1/rulesets/{name}/compare/{other}',
      '/v1/rulesets/{name}/evaluate',
      '/v1/rulesets/{name}/evaluate-batch',
    ]);
    const evaluateDoc = doc.paths['/v1/rulesets/{name}/evaluate']!['post']!;
    expect(JSON.stringify(evaluateDoc.requestBody)).toContain('activiteiten');
    expect(JSON.stringify(evaluateDoc.responses['422'])).toContain('application/problem+json');
  });

  test('/openapi.json is in English (summaries, descriptions and the contract schema), its field names Dutch', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<{
      info: { description: string };
      paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>>;
    }>();
    const texts: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === 'object' && node !== null)
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'summary' || k === 'description') && typeof v === 'string') texts.push(v);
          else collect(v);
        }
    };
    collect(doc);
    expect(texts.length).toBeGreaterThan(50);
    // Words that Dutch sentences cannot do without and English ones never use.
    const dutch = /\b(de|het|een|van|en|met|voor|niet|regeling|bedrag|uitleg van)\b/i;
    expect(texts.filter((t) => dutch.test(t.replace(/\?uitleg=true|"regel"|"fouten"/g, '')))).toEqual([]);
    expect(doc.paths['/v1/rulesets/{name}/evaluate']!['post']!.summary).toBe(
      'Evaluate one contract; ?uitleg=true adds the explanation of every amount',
    );
    // Every field of the contract is described by its English doc, under its Dutch name.
    const body = JSON.stringify(doc.paths['/v1/rulesets/{name}/evaluate']!['post']!.requestBody);
    for (const [name, spec] of Object.entries(contractFields)) {
      expect(body).toContain(`"${name}":`);
      expect(texts).toContain(spec.docEn);
      expect(texts).not.toContain(spec.doc);
    }
    for (const fields of Object.values(activityKinds))
      for (const spec of Object.values(fields)) {
        expect(texts).toContain(spec.docEn);
        expect(texts).not.toContain(spec.doc);
      }
  });

  test('/metrics counts requests and evaluations in the Prometheus text format', async () => {
    const local = await app();
    await local.inject({
      method: 'POST',
      url: `/v1/rulesets/${R2023}/evaluate`,
      headers: jsonHeaders,
      payload: JSON.stringify(sample),
    });
    await local.inject({
      method: 'POST',
      url: `/v1/rulesets/${R2023}/evaluate`,
      headers: jsonHeaders,
      payload: '{',
    });
    const r = await local.inject({ method: 'GET', url: '/metrics' });
    await local.close();
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.body).toContain(
      `sroi_http_requests_total{method="POST",route="/v1/rulesets/:name/evaluate",status="200"} 1`,
    );
    expect(r.body).toContain(
      `sroi_http_requests_total{method="POST",route="/v1/rulesets/:name/evaluate",status="400"} 1`,
    );
    expect(r.body).toContain(`sroi_evaluations_total{ruleset="${R2023}",outcome="ok"} 1`);
    expect(r.body).toContain('sroi_http_request_duration_seconds_bucket');
  });
});

describe('no state shared between requests', () => {
  test('interleaved requests with and without explanation, in both languages, give each its own answer', async () => {
    const contracts = [0, 1, 2, 3, 4, 5, 6, 7].map(variant);
    const alone = await Promise.all(contracts.map((c) => evaluate(SET, c).then((r) => r.body)));
    const mixed = await Promise.all(
      contracts.flatMap((c, i) => [
        evaluate(SET, c).then((r) => r.body),
        evaluate(SET, c, i % 2 ? '?uitleg=true&lang=en' : '?lang=en').then(() => ''),
      ]),
    );
    expect(mixed.filter((b) => b !== '')).toEqual(alone);
  });
});

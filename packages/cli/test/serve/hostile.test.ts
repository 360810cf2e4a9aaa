// Hostile and malformed requests: every one gets a 4xx problem+json with a code of the catalogue,
// never a 500 or a stack trace, and the server answers the next good request as before.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseJsonInput } from '../../src/json-input.js';
import { app, jsonHeaders, R2023, sampleContract } from './support.js';

let server: FastifyInstance;
beforeAll(async () => {
  server = await app();
});
afterAll(() => server.close());

const sample = JSON.parse(readFileSync(sampleContract, 'utf8')) as Record<string, unknown>;
const activity = (sample['activiteiten'] as unknown[])[0];
const url = `/v1/rulesets/${R2023}/evaluate`;

interface ProblemBody {
  type: string;
  status: number;
  code: string;
  detail: string;
  errors: { code: string; path?: string; allowed?: string[]; line?: number; column?: number }[];
}

async function refused(
  request: InjectOptions,
  status: number,
  code: string,
  on = server,
): Promise<ProblemBody> {
  const r = await on.inject(request);
  expect(r.statusCode).toBe(status);
  expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = r.json<ProblemBody>();
  expect(body).toMatchObject({ status, code, type: `https://sroi.dev/problems/${code}` });
  expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  return body;
}

describe('malformed JSON', () => {
  test('a syntax error: 400 SR5002 with its line and column', async () => {
    const body = await refused(
      { method: 'POST', url, headers: jsonHeaders, payload: '{\n  "waarde": 10,\n  kapot\n}' },
      400,
      'SR5002',
    );
    expect(body.errors[0]).toMatchObject({ line: 3, column: 3 });
  });

  test('truncated JSON: 400 SR5021 naming what is missing', async () => {
    const body = await refused(
      { method: 'POST', url, headers: jsonHeaders, payload: '{"activiteiten": [' },
      400,
      'SR5021',
    );
    expect(body.detail).toContain('] }');
  });

  test('an empty body: 400 SR5022', async () => {
    await refused({ method: 'POST', url, headers: jsonHeaders, payload: '' }, 400, 'SR5022');
  });

  test('JSON that is not a contract (an array, a number, null): 422', async () => {
    for (const payload of ['[]', '42', 'null', '"x"'])
      await refused({ method: 'POST', url, headers: jsonHeaders, payload }, 422, 'SR5011');
  });

  test('duplicate keys: refused as the CLI refuses them in a contract file (SR5101)', async () => {
    const payload = JSON.stringify(sample).replace('{', '{"waarde": "1.00", ');
    const r = await server.inject({ method: 'POST', url, headers: jsonHeaders, payload });
    const cli = parseJsonInput('body', payload);
    expect('diagnostics' in cli && cli.diagnostics.map((d) => d.code)).toEqual(['SR5101']);
    expect(r.statusCode).toBe(400);
    expect(r.json<ProblemBody>().code).toBe('SR5101');
  });

  test('__proto__ and constructor keys are refused as unknown fields, and pollute nothing', async () => {
    const payload = JSON.stringify(sample).replace(
      '{',
      '{"__proto__": {"polluted": true}, "constructor": 1, ',
    );
    const body = await refused({ method: 'POST', url, headers: jsonHeaders, payload }, 422, 'SR5006');
    expect(body.errors.map((e) => e.path)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('content type', () => {
  test('text/plain: 415 SR5251 with the allowed types', async () => {
    const body = await refused(
      { method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(sample) },
      415,
      'SR5251',
    );
    expect(body.errors[0]).toMatchObject({ path: 'content-type', allowed: ['application/json'] });
  });

  test('no content type: 415', async () => {
    await refused({ method: 'POST', url, payload: Buffer.from(JSON.stringify(sample)) }, 415, 'SR5251');
  });

  test('JSON Lines to the single evaluation, JSON to the batch: 415', async () => {
    await refused(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-ndjson' },
        payload: JSON.stringify(sample),
      },
      415,
      'SR5251',
    );
    const body = await refused(
      { method: 'POST', url: `${url}-batch`, headers: jsonHeaders, payload: JSON.stringify(sample) },
      415,
      'SR5251',
    );
    expect(body.errors[0]!.allowed).toContain('application/x-ndjson');
  });

  test('charset parameter and upper case are accepted', async () => {
    const r = await server.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'Application/JSON; charset=UTF-8' },
      payload: JSON.stringify(sample),
    });
    expect(r.statusCode).toBe(200);
  });
});

describe('limits', () => {
  test('a body over --max-body: 413 SR5252 naming the limit and the option', async () => {
    const payload = JSON.stringify({ ...sample, omschrijving: 'x'.repeat(2 * 1024 * 1024) });
    const body = await refused({ method: 'POST', url, headers: jsonHeaders, payload }, 413, 'SR5252');
    expect(body.detail).toContain('1048576');
    expect(JSON.stringify(body.errors)).toContain('--max-body');
  });

  test('10^5 activities: 413, by the body limit, and by --max-activities when the body limit allows it', async () => {
    const payload = JSON.stringify({
      ...sample,
      activiteiten: Array.from({ length: 100_000 }, () => activity),
    });
    await refused({ method: 'POST', url, headers: jsonHeaders, payload }, 413, 'SR5252');
    const roomy = await app({ limits: { bodyBytes: 64 * 1024 * 1024 } });
    const body = await refused({ method: 'POST', url, headers: jsonHeaders, payload }, 413, 'SR5254', roomy);
    await roomy.close();
    expect(body.errors[0]).toMatchObject({ path: 'activiteiten' });
    expect(body.detail).toContain('100000 activiteiten');
  });

  test('a body trickled slower than --timeout: 408 SR5255, and the connection is closed', async () => {
    const slow = await app({ limits: { requestMs: 300 } });
    const address = await slow.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"waarde"`,
      );
    });
    await slow.close();
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"SR5255"');
  });

  test('a connection on which nothing is sent is closed after --timeout (plus a second)', async () => {
    const slow = await app({ limits: { requestMs: 300 } });
    const address = await slow.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const started = Date.now();
    const outcome = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(`closed after ${Date.now() - started} ms: '${text}'`));
      socket.on('error', reject);
      // Long enough to tell "closed by the server" from "held open for ever".
      setTimeout(() => {
        resolve('still open');
        socket.destroy();
      }, 5000);
    });
    await slow.close();
    expect(outcome).toMatch(/^closed after \d+ ms: ''$/);
    expect(Number(/\d+/.exec(outcome)![0])).toBeGreaterThanOrEqual(1300);
  });
});

describe('names and routes', () => {
  test('an unknown ruleset: 404 SR5250 with the served names and a suggestion', async () => {
    const body = await refused(
      {
        method: 'POST',
        url: '/v1/rulesets/social-return-rijnmond-2023-2028/evaluate',
        headers: jsonHeaders,
        payload: '{}',
      },
      404,
      'SR5250',
    );
    expect(body.errors[0]!.allowed).toContain(R2023);
    expect(JSON.stringify(body.errors[0])).toContain(R2023);
  });

  test('an unknown route or method: 404 SR5257 listing the routes', async () => {
    const body = await refused({ method: 'GET', url: '/v1/rulesets/x/evaluate' }, 404, 'SR5257');
    expect(body.detail).toContain('GET /v1/rulesets/x/evaluate');
    await refused({ method: 'DELETE', url: '/v1/rulesets' }, 404, 'SR5257');
  });

  test("a URL that is not valid percent-encoding: 400 SR5259 as problem+json, not fastify's own shape", async () => {
    const body = await refused(
      { method: 'POST', url: '/v1/rulesets/%E0%A4%A/evaluate', headers: jsonHeaders, payload: '{}' },
      400,
      'SR5259',
    );
    expect(body.detail).toContain('%E0%A4%A');
  });

  test('a query parameter outside its values: 400 SR5256 with the allowed values', async () => {
    const lang = await refused(
      { method: 'POST', url: `${url}?lang=fr`, headers: jsonHeaders, payload: JSON.stringify(sample) },
      400,
      'SR5256',
    );
    expect(lang.errors[0]).toMatchObject({ path: 'lang', allowed: ['nl', 'en'] });
    const uitleg = await refused(
      {
        method: 'POST',
        url: `${url}?uitleg=misschien`,
        headers: jsonHeaders,
        payload: JSON.stringify(sample),
      },
      400,
      'SR5256',
    );
    expect(uitleg.errors[0]).toMatchObject({ path: 'uitleg', allowed: ['true', 'false'] });
  });
});

test('after all of that, a good request is answered as before', async () => {
  const r = await server.inject({
    method: 'POST',
    url,
    headers: jsonHeaders,
    payload: JSON.stringify(sample),
  });
  expect(r.statusCode).toBe(200);
  expect(r.json<{ verplichting: string }>().verplichting).toBe('62500.00');
});

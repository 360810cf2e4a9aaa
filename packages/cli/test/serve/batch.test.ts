// `POST /v1/rulesets/{name}/evaluate-batch`: JSON Lines in and out, line for line what
// `sroi eval --batch` writes; bad lines and limits give error lines, never a broken stream.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/main.js';
import { scratch } from '../support/run.js';
import { app, jsonLinesHeaders, R2023, rijnmond2023, rijnmondSet, sampleContract, SET } from './support.js';

const tmp = scratch('serve-batch');
let server: FastifyInstance;
beforeAll(async () => {
  server = await app();
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

const sample = JSON.parse(readFileSync(sampleContract, 'utf8')) as Record<string, unknown>;
const variant = (i: number) => ({
  ...sample,
  id: `B-${i}`,
  waarde: `${100_000 + i * 7_919}.${String(i % 100).padStart(2, '0')}`,
  gunningsdatum: ['2021-02-01', '2024-02-01', '2025-08-15'][i % 3],
});
const batch = (name: string, payload: string | Readable, headers = jsonLinesHeaders, query = '') =>
  server.inject({ method: 'POST', url: `/v1/rulesets/${name}/evaluate-batch${query}`, headers, payload });
const lines = (body: string) =>
  body
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** `sroi eval RULESET --batch FILE` in-process: its stdout. */
async function cliBatch(ruleset: string, input: string): Promise<string> {
  let out = '';
  const decoder = new TextDecoder();
  await main(['eval', ruleset, '--batch', tmp.write('in.jsonl', input), '--workers', '1'], {
    out: (t) => (out += t),
    err: () => {},
    outBytes: (b) => (out += decoder.decode(b)),
  });
  return out;
}

describe('evaluate-batch', () => {
  test('answers byte for byte what sroi eval --batch writes, good and bad lines alike', async () => {
    const input =
      [
        ...[0, 1, 2, 3].map((i) => JSON.stringify(variant(i))),
        '{ kapot',
        '',
        JSON.stringify({ ...variant(4), waarde: '-5' }),
        JSON.stringify(variant(5)),
      ].join('\n') + '\n';
    for (const [name, path] of [
      [R2023, rijnmond2023],
      [SET, rijnmondSet],
    ] as const) {
      const r = await batch(name, input);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(r.body).toBe(await cliBatch(path, input));
    }
    const out = lines((await batch(R2023, input)).body);
    expect(out.map((l) => l['contract'] ?? l['regel'])).toEqual([1, 'B-1', 'B-2', 4, 5, 7, 'B-5']);
  });

  test('streams: a body sent in small pieces, lines split across them, a last line without a break, CRLF', async () => {
    const text = [0, 1, 2, 3, 4, 5].map((i) => JSON.stringify(variant(i))).join('\r\n');
    const pieces = text.match(/[\s\S]{1,37}/g)!.map((p) => Buffer.from(p));
    const r = await batch(R2023, Readable.from(pieces));
    expect(r.body).toBe(await cliBatch(rijnmond2023, text));
    expect(lines(r.body)).toHaveLength(6);
  });

  test('English error lines with ?lang=en', async () => {
    const r = await batch(R2023, '{ kapot\n', jsonLinesHeaders, '?lang=en');
    expect(lines(r.body)[0]).toEqual({
      regel: 1,
      fouten: [{ code: 'SR5002', melding: "Not valid JSON: unexpected 'kapot'" }],
    });
  });

  test('a contract over --max-activities, or a line over --max-body, gets an error line; the rest goes on', async () => {
    const activities = sample['activiteiten'] as unknown[];
    const small = await app({ limits: { activities: activities.length, bodyBytes: 4096 } });
    const input = [
      JSON.stringify(variant(1)),
      JSON.stringify({ ...variant(2), activiteiten: [...activities, ...activities] }),
      JSON.stringify({ ...variant(3), omschrijving: 'x'.repeat(5000) }),
      JSON.stringify(variant(4)),
    ].join('\n');
    const r = await small.inject({
      method: 'POST',
      url: `/v1/rulesets/${R2023}/evaluate-batch`,
      headers: jsonLinesHeaders,
      payload: input,
    });
    await small.close();
    const out = lines(r.body);
    expect(out.map((l) => l['contract'] ?? (l['fouten'] as { code: string }[])[0]!.code)).toEqual([
      'B-1',
      'SR5254',
      'SR5252',
      'B-4',
    ]);
    expect(out[1]).toMatchObject({ regel: 2, fouten: [{ path: 'activiteiten' }] });
  });

  test('more lines than --max-lines, or a body over --max-batch-body: the lines before it, then one error line', async () => {
    const small = await app({ limits: { batchLines: 3, batchBytes: 64 * 1024 } });
    const input = [0, 1, 2, 3, 4].map((i) => JSON.stringify(variant(i))).join('\n') + '\n';
    const inject = (payload: string) =>
      small.inject({
        method: 'POST',
        url: `/v1/rulesets/${R2023}/evaluate-batch`,
        headers: jsonLinesHeaders,
        payload,
      });
    const tooMany = lines((await inject(input)).body);
    expect(tooMany.map((l) => l['contract'] ?? l['regel'])).toEqual([1, 'B-1', 'B-2', 4]);
    expect(tooMany[3]).toMatchObject({ fouten: [{ code: 'SR5253' }] });
    const big = (await inject(JSON.stringify(variant(0)) + '\n' + ' '.repeat(100 * 1024))).body;
    await small.close();
    expect(lines(big).map((l) => (l['fouten'] as { code: string }[])[0]!.code)).toEqual(['SR5001', 'SR5252']);
  });

  test('an empty body gives an empty answer', async () => {
    const r = await batch(R2023, '');
    expect([r.statusCode, r.body]).toEqual([200, '']);
  });
});

// Golden answers (STYLE 14) of every code of the HTTP API, SR5250-SR5258, exactly as a client
// gets them. Regenerate with `npx vitest run packages/cli/test/serve/problems.test.ts -u`.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { InjectOptions } from 'fastify';
import { expect, test } from 'vitest';
import { app, jsonHeaders, jsonLinesHeaders, R2023, sampleContract } from './support.js';

const golden = fileURLToPath(
  new URL('../../../../test/fixtures/serve/problems.expected.json', import.meta.url),
);
const sample = JSON.parse(readFileSync(sampleContract, 'utf8')) as Record<string, unknown>;
const evaluateUrl = `/v1/rulesets/${R2023}/evaluate`;

/** A raw HTTP exchange on 127.0.0.1 that sends `head` and a part of a body, then waits. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(text);
  });
}

test('every code of the HTTP API, as problem+json or as a batch error line', async () => {
  const server = await app({
    limits: { bodyBytes: 4096, activities: 2, batchLines: 1, requestMs: 300 },
  });
  const answers: Record<string, unknown> = {};
  const put = async (label: string, request: InjectOptions) => {
    const r = await server.inject(request);
    answers[label] = {
      status: r.statusCode,
      contentType: r.headers['content-type'],
      body: String(r.headers['content-type']).includes('ndjson')
        ? r.body
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l))
        : r.json(),
    };
  };
  await put('SR5250 unknown ruleset', {
    method: 'POST',
    url: '/v1/rulesets/social-return-rijnmond-2023/evaluate',
    headers: jsonHeaders,
    payload: '{}',
  });
  await put('SR5251 content type', {
    method: 'POST',
    url: evaluateUrl,
    headers: { 'content-type': 'text/csv' },
    payload: 'waarde\n1',
  });
  await put('SR5252 body too large', {
    method: 'POST',
    url: evaluateUrl,
    headers: jsonHeaders,
    payload: JSON.stringify({ ...sample, omschrijving: 'x'.repeat(5000) }),
  });
  await put('SR5253 too many lines (batch, in English)', {
    method: 'POST',
    url: `${evaluateUrl}-batch?lang=en`,
    headers: jsonLinesHeaders,
    payload: '{ kapot\n{ kapot\n',
  });
  await put('SR5254 too many activities', {
    method: 'POST',
    url: evaluateUrl,
    headers: jsonHeaders,
    payload: JSON.stringify(sample),
  });
  await put('SR5256 query parameter', {
    method: 'POST',
    url: `${evaluateUrl}?uitleg=ja`,
    headers: jsonHeaders,
    payload: JSON.stringify(sample),
  });
  await put('SR5257 no route', { method: 'GET', url: '/v2/rulesets' });

  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const raw = await rawExchange(
    Number(new URL(address).port),
    `POST ${evaluateUrl} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{`,
  );
  answers['SR5255 request time'] = {
    status: Number(/^HTTP\/1\.1 (\d+)/.exec(raw)?.[1]),
    body: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown,
  };

  // A request in flight keeps the server open; a request after it on the same connection
  // (pipelined), received while the server stops, is refused.
  const stopping = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(address).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(
      `POST ${evaluateUrl} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{`,
    );
    setTimeout(() => {
      void server.close();
      setTimeout(() => socket.write('}GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), 20);
    }, 50);
  });
  const second = stopping.slice(stopping.indexOf('HTTP/1.1', 10));
  answers['SR5258 stopping'] = {
    first: Number(/^HTTP\/1\.1 (\d+)/.exec(stopping)?.[1]),
    status: Number(/^HTTP\/1\.1 (\d+)/.exec(second)?.[1]),
    body: JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4)) as unknown,
  };

  await expect(JSON.stringify(answers, null, 2) + '\n').toMatchFileSnapshot(golden);
});

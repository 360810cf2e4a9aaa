// `sroi serve` as a real process on an ephemeral port of 127.0.0.1: it says where it listens,
// finishes a request in flight on SIGTERM before it exits 0, and times out a trickling batch.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { scratch, sroi } from '../support/run.js';
import { R2023, rijnmond2023, sampleContract } from './support.js';

const tmp = scratch('serve-process');
let ir: string;
beforeAll(async () => {
  const exported = await sroi('export', '--ir', rijnmond2023);
  ir = tmp.write('rijnmond.ir.json', exported.out);
});
afterAll(() => tmp.remove());

/** Node running the TypeScript sources: one process (tsx's CLI would put a parent in between). */
const node = ['--import', 'tsx', '--conditions', 'source'];
const bin = new URL('../../src/bin.ts', import.meta.url).pathname;
const sample = readFileSync(sampleContract, 'utf8');

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

/** Starts `sroi serve --port 0 ...` from the sources and waits for its "listening" line. */
function start(...args: string[]): Promise<Server> {
  const child = spawn(process.execPath, [...node, bin, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const port = /luistert op http:\/\/127\.0\.0\.1:(\d+)/.exec(err)?.[1];
      if (port) resolve({ child, port: Number(port), stderr: () => err, exit });
    });
    void exit.then((code) => reject(new Error(`sroi serve stopped (${code}): ${err}`)));
  });
}

/**
 * A POST whose body is written in `pieces`, `gapMs` apart; resolves with status and body.
 * `onAnswer` runs when the answer's headers arrive: the request is then in flight on the server.
 */
function slowPost(
  port: number,
  path: string,
  type: string,
  pieces: readonly string[],
  gapMs: number,
  onAnswer?: () => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': type } },
      (res) => {
        let body = '';
        onAnswer?.();
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    let i = 0;
    const next = () => {
      if (i === pieces.length) return req.end();
      req.write(pieces[i++]);
      setTimeout(next, gapMs);
    };
    next();
  });
}

describe('sroi serve as a process', () => {
  test('SIGTERM with a batch in flight: the batch is answered in full, then the process exits 0', async () => {
    const server = await start(ir);
    const lines = Array.from({ length: 6 }, () => `${JSON.stringify(JSON.parse(sample))}\n`);
    const answer = slowPost(
      server.port,
      `/v1/rulesets/${R2023}/evaluate-batch`,
      'application/x-ndjson',
      lines,
      150,
      () => server.child.kill('SIGTERM'),
    );
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(
      body
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { verplichting: string }).verplichting),
    ).toEqual(Array(6).fill('62500.00'));
    expect(await server.exit).toBe(0);
    // The access log: one JSON line per request on stderr.
    const log = server
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.find((l) => l['msg'] === 'request')).toMatchObject({
      method: 'POST',
      route: '/v1/rulesets/:name/evaluate-batch',
      status: 200,
    });
    expect(server.stderr()).toContain('gestopt');
  });

  test('a batch body trickled past --timeout: the lines so far, then an SR5255 line; --quiet logs nothing', async () => {
    const server = await start('--timeout', '400', '--quiet', ir);
    const contract = JSON.stringify(JSON.parse(sample));
    const { status, body } = await slowPost(
      server.port,
      `/v1/rulesets/${R2023}/evaluate-batch`,
      'application/x-ndjson',
      [`${contract}\n`, contract.slice(0, 20), contract.slice(20, 40), contract.slice(40, 60)],
      200,
    ).catch((e: Error) => ({ status: -1, body: e.message }));
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(status).toBe(200);
    const out = body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ verplichting: '62500.00' });
    expect(out[1]).toMatchObject({ regel: 2, fouten: [{ code: 'SR5255' }] });
    expect(server.stderr()).not.toContain('"msg":"request"');
  });

  test('a port in use: exit 2 with a clear message', async () => {
    const server = await start('--quiet', ir);
    const second = spawn(process.execPath, [...node, bin, 'serve', '--port', String(server.port), ir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    second.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    server.child.kill('SIGTERM');
    await server.exit;
    expect(code).toBe(2);
    expect(err).toContain(`poort ${server.port} op 127.0.0.1 is al in gebruik`);
  });
});

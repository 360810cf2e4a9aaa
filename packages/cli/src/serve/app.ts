// The HTTP API of `sroi serve` as a fastify app built from loaded rulesets: testable with
// `app.inject` (no port), listened on by commands/serve.ts. Every refusal is a 4xx problem+json
// with the CLI's codes and messages; no request leaves state behind for another.
import { Readable } from 'node:stream';
import type { ReviewedRuleset } from '@sroi/analysis';
import { SourceFile, suggestNames, type Diagnostic, type Language } from '@sroi/core';
import { JsonBytes, Plan } from '@sroi/evaluator';
import { Ajv } from 'ajv';
import fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import swagger from '@fastify/swagger';
import type { DestinationStream } from 'pino';
import { parseJsonInput } from '../json-input.js';
import { batchResults, type BatchCounts } from './batch.js';
import { activityLimit, defaultLimits, type ServeLimits } from './limits.js';
import { createMetrics } from './metrics.js';
import { languageOf, problem, ProblemError, PROBLEM_TYPE } from './problem.js';
import type { ServedRuleset } from './rulesets.js';
import {
  commonProblems,
  compareParams,
  contractBody,
  evaluateQuery,
  langQuery,
  nameParams,
  resultSchema,
  rulesetsSchema,
} from './schemas.js';

export interface AppOptions {
  readonly limits?: Partial<ServeLimits>;
  /** Where the access log goes (JSON lines); none when absent. */
  readonly log?: DestinationStream;
  /** Process metrics (memory, CPU, event loop) in /metrics: for the server's own process. */
  readonly processMetrics?: boolean;
  readonly version: string;
}

const JSON_TYPE = 'application/json';
/** Content types of a JSON Lines body: the registered ndjson type and the common alternatives. */
const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];

declare module 'fastify' {
  interface FastifyRequest {
    /** Language of this request's messages. */
    lang: Language;
    /** The body text, kept to locate a JSON syntax error by line and column. */
    bodyText?: string;
  }
}

/** The routes, for SR5257 ("no route") and the tests. */
export const ROUTES = [
  'GET /v1/rulesets',
  'POST /v1/rulesets/{name}/evaluate',
  'POST /v1/rulesets/{name}/evaluate-batch',
  'POST /v1/rulesets/{name}/compare/{other}',
  'GET /openapi.json',
  'GET /healthz',
  'GET /metrics',
] as const;

export async function buildApp(
  rulesets: readonly ServedRuleset[],
  options: AppOptions,
): Promise<FastifyInstance> {
  const limits: ServeLimits = { ...defaultLimits, ...options.limits };
  const byName = new Map(rulesets.map((r) => [r.name, r]));
  const names = rulesets.map((r) => r.name);
  const metrics = createMetrics({ process: options.processMetrics ?? false });

  const app = fastify({
    logger: options.log ? { level: 'info', stream: options.log } : false,
    // One access-log line per request (onResponse below) instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.bodyBytes,
    // The backstop for a client that trickles its headers; the body's time is watched below.
    requestTimeout: limits.requestMs + 1000,
    // A connection on which nothing arrives (no request yet, or a request that stalled) is closed
    // after this long. node's request and header time-outs only watch a connection once a request
    // has begun, so without it a client that connects and sends nothing (or a load generator that
    // reconnects after a refusal and never uses the new connection) holds a socket for ever.
    // Between keep-alive requests node's keepAliveTimeout applies instead.
    connectionTimeout: limits.requestMs + 1000,
    // New requests while stopping get a problem+json 503 from the onRequest hook below.
    return503OnClosing: false,
    // Query and path parameters are checked with ajv against the route schemas (coercing
    // "true" to true); the contract body is checked by the evaluator, see the validator below.
    ajv: { customOptions: { coerceTypes: true, allErrors: false } },
    // Requests fastify refuses before any hook runs (a URL that is not valid percent-encoding):
    // problem+json like every other refusal, never fastify's own error shape.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
      const lang = languageOf({}, request.headers['accept-language']);
      const body = problem(
        status,
        ProblemError.of(status, 'SR5259', { message: error.message }).diagnostics,
        lang,
      );
      // This reply is typed before any route: its status and body types are not the routes'.
      void reply
        .code(status as never)
        .type(PROBLEM_TYPE)
        .send(body as never);
    },
  });
  const paramsAjv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false, strict: false });
  // A body is documented by its schema but checked by the evaluator (zod): that check knows the
  // ruleset's own enumerations and gives the CLI's codes, JSON paths and allowed values.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? () => true : paramsAjv.compile(schema),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'sroi',
        version: options.version,
        // Docs for engineers are in English; the JSON field names are the contract format's (Dutch).
        description:
          'Social return (SROI) rules as code: evaluates contracts against the loaded rulesets. JSON field names are Dutch, as in the contract format (docs/contract-format.md). Errors are application/problem+json (RFC 9457) with the codes and messages of the CLI, in the language of ?lang or Accept-Language (Dutch by default).',
      },
    },
  });

  app.decorateRequest('lang', 'nl');
  app.decorateRequest('bodyText', undefined);

  // ── parsing ────────────────────────────────────────────────────────────────
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    const parsed = parseJsonInput('body', text);
    if ('diagnostics' in parsed) {
      request.bodyText = text;
      done(new ProblemError(400, parsed.diagnostics), undefined);
    } else done(null, parsed.json);
  });
  // JSON Lines are read as a stream by the batch route itself.
  app.addContentTypeParser(JSON_LINES_TYPES, (_request, payload, done) => done(null, payload));

  // ── per request: language, time limit, metrics and access log ────────────
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    request.lang = languageOf(request.query, request.headers['accept-language']);
    if (closing) throw ProblemError.of(503, 'SR5258', {});
    const timer = setTimeout(() => timeUp(request, reply), limits.requestMs);
    reply.raw.once('close', () => clearTimeout(timer));
  });
  const timeUp = (request: FastifyRequest, reply: FastifyReply) => {
    // A streamed batch answers its own time-out on its last line (its headers are out).
    if (reply.raw.headersSent) return;
    sendProblem(
      request,
      reply,
      ProblemError.of(408, 'SR5255', { limit: limits.requestMs, option: '--timeout' }),
    );
    // The rest of the body is not read: close the connection once the answer is out.
    reply.raw.once('finish', () => request.raw.socket?.destroy());
  };
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    metrics.request(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (options.log)
      request.log.info(
        {
          method: request.method,
          url: request.url,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 100) / 100,
          bytesIn: Number(request.headers['content-length'] ?? 0) || undefined,
          remote: request.ip,
        },
        'request',
      );
  });

  // ── errors: always problem+json, never a stack trace ──────────────────────
  const sendProblem = (request: FastifyRequest, reply: FastifyReply, e: ProblemError) => {
    const body = problem(e.status, e.diagnostics, request.lang, request.url.split('?')[0]);
    if (request.bodyText !== undefined) {
      const source = new SourceFile('body', request.bodyText);
      body.errors.forEach((item, i) => {
        const span = e.diagnostics[i]?.span;
        if (span) Object.assign(item, source.position(span.start));
      });
    }
    if (e.status === 503 || e.status === 408) reply.header('connection', 'close');
    return reply.code(e.status).type(`${PROBLEM_TYPE}; charset=utf-8`).send(JSON.stringify(body));
  };

  app.setErrorHandler((error, request, reply) => {
    if (reply.raw.headersSent) return;
    if (error instanceof ProblemError) return sendProblem(request, reply, error);
    const e = error as Error & { code?: string; statusCode?: number; validation?: ValidationIssue[] };
    if (e.validation) return sendProblem(request, reply, validationProblem(e.validation, request));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413)
      return sendProblem(
        request,
        reply,
        ProblemError.of(413, 'SR5252', { limit: limits.bodyBytes, option: '--max-body' }),
      );
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415)
      return sendProblem(request, reply, mediaTypeProblem(request, [JSON_TYPE]));
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
      // Fastify's own refusals of malformed requests (e.g. a Content-Length that does not match).
      return sendProblem(request, reply, ProblemError.of(e.statusCode, 'SR5259', { message: e.message }));
    request.log.error({ err: e }, 'internal error');
    return sendProblem(request, reply, ProblemError.of(500, 'SR5023', { message: e.message }));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      ProblemError.of(404, 'SR5257', {
        method: request.method,
        url: request.url.split('?')[0]!.slice(0, 200),
        allowed: ROUTES.join(', '),
      }),
    ),
  );

  const rulesetOf = (name: string, param: string): ServedRuleset => {
    const served = byName.get(name);
    if (served) return served;
    const close = suggestNames(name, names);
    throw new ProblemError(404, [
      {
        code: 'SR5250',
        severity: 'error',
        args: { name: `'${name.slice(0, 200)}'`, allowed: names.join(', ') },
        path: param,
        ...(close.length > 0 ? { suggestions: close } : {}),
      },
    ]);
  };

  /**
   * A route hook, before the body is read: the rulesets named in `params` must be served (404
   * otherwise) and the content type must be one of `allowed` (415 otherwise).
   */
  const accepts =
    (allowed: readonly string[], params: readonly ('name' | 'other')[] = ['name']) =>
    async (request: FastifyRequest): Promise<void> => {
      for (const param of params) rulesetOf((request.params as Record<string, string>)[param] ?? '', param);
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!allowed.includes(type)) throw mediaTypeProblem(request, allowed);
    };

  const json = (reply: FastifyReply, body: string | Uint8Array) =>
    reply
      .type('application/json; charset=utf-8')
      .send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));

  // Where a result is written before it is sent: emptied within the same synchronous call (the
  // bytes are copied out), so no request sees another's.
  const resultBytes = new JsonBytes(16 * 1024);
  /** A plan's result of a contract (no explanation) as UTF-8 bytes, or its diagnostics. */
  const writeResult = (plan: Plan, contract: unknown, lang: Language): Uint8Array | readonly Diagnostic[] => {
    try {
      const diagnostics = plan.writeJson(contract, resultBytes, { lang });
      return diagnostics.length > 0 ? diagnostics : resultBytes.take();
    } finally {
      resultBytes.truncate(0);
    }
  };

  // ── routes ─────────────────────────────────────────────────────────────────
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) =>
    json(reply, JSON.stringify({ status: 'ok', rulesets: names.length })),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    json(reply, JSON.stringify(app.swagger())),
  );

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });

  const listing = JSON.stringify({
    rulesets: rulesets.map((r) => ({
      name: r.name,
      title: r.title,
      kind: r.kind,
      members: r.members.map(({ plan: _plan, ...m }) => m),
    })),
  });
  app.get(
    '/v1/rulesets',
    {
      schema: {
        summary: 'The loaded rulesets: URL name, name, version, periods and sha256 of the IR',
        response: { 200: rulesetsSchema },
      },
    },
    async (_request, reply) => json(reply, listing),
  );

  app.post<{ Params: { name: string }; Querystring: { uitleg?: boolean; lang?: Language } }>(
    '/v1/rulesets/:name/evaluate',
    {
      onRequest: accepts([JSON_TYPE]),
      schema: {
        summary: 'Evaluate one contract; ?uitleg=true adds the explanation of every amount',
        params: nameParams,
        querystring: evaluateQuery,
        body: contractBody,
        response: { 200: resultSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const served = rulesetOf(request.params.name, 'name');
      const contract = request.body;
      const lang = request.lang;
      const tooMany = activityLimit(contract, limits.activities);
      if (tooMany) throw new ProblemError(413, [tooMany]);
      const evaluator = served.evaluator;
      if (!request.query.uitleg && evaluator instanceof Plan) {
        // The result's UTF-8 bytes as the evaluator writes them, sent as they are (a string
        // would be decoded here and encoded again by the socket).
        const written = writeResult(evaluator, contract, lang);
        if (written instanceof Uint8Array) {
          metrics.evaluations(served.name, 'ok');
          return json(reply, written);
        }
        metrics.evaluations(served.name, 'error');
        throw new ProblemError(422, written);
      }
      const r = stringified(evaluator.evaluate(contract, { explain: Boolean(request.query.uitleg), lang }));
      if (r.value === undefined) {
        metrics.evaluations(served.name, 'error');
        throw new ProblemError(422, r.diagnostics);
      }
      metrics.evaluations(served.name, 'ok');
      return json(reply, r.value);
    },
  );

  app.post<{ Params: { name: string }; Querystring: { lang?: Language } }>(
    '/v1/rulesets/:name/evaluate-batch',
    {
      onRequest: accepts(JSON_LINES_TYPES),
      // The batch reads its body itself and counts its bytes against --max-batch-body.
      bodyLimit: limits.batchBytes,
      schema: {
        summary:
          'Many contracts: JSON Lines in (one contract per line), JSON Lines out in the same order, streamed',
        description:
          'Each line of the answer is what sroi eval --batch writes for the same line: the result, or {"regel": n, "fouten": [...]} for a line that cannot be evaluated; the other lines go on.',
        params: nameParams,
        querystring: langQuery,
        response: { ...commonProblems },
      },
    },
    async (request, reply) => {
      const served = rulesetOf(request.params.name, 'name');
      const body = request.body as Readable;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(limits.requestMs), limits.requestMs);
      reply.raw.once('close', () => clearTimeout(timer));
      const counts: BatchCounts = { ok: 0, failed: 0 };
      const results = batchResults(
        body,
        served.evaluator,
        request.lang,
        {
          bytes: limits.batchBytes,
          lineBytes: limits.bodyBytes,
          lines: limits.batchLines,
          activities: limits.activities,
        },
        counts,
        controller.signal,
      );
      const out = Readable.from(results, { objectMode: false });
      out.once('end', () => {
        metrics.evaluations(served.name, 'ok', counts.ok);
        metrics.evaluations(served.name, 'error', counts.failed);
        // A body that was cut off (a limit, the time) is not read further: close the connection.
        if (!body.readableEnded) reply.raw.once('finish', () => request.raw.socket?.destroy());
      });
      return reply.type('application/x-ndjson; charset=utf-8').send(out);
    },
  );

  let reviewed: Map<string, ReviewedRuleset> | undefined;
  const reviewedOf = (served: ServedRuleset, contract: unknown): ReviewedRuleset => {
    reviewed ??= new Map(
      rulesets.flatMap((r) =>
        r.members.map((m) => [
          m.irSha256 + r.name,
          {
            label: m.name,
            ir: m.plan.ir,
            plan: m.plan,
            files: m.plan.ir.files,
            headerPlaces: {},
            overrides: new Map(),
          },
        ]),
      ),
    );
    // A set is compared through the member whose period holds the contract's reference date.
    const on = memberOnDate(served, contract);
    const member = served.members.find((m) => m.plan === on) ?? served.members[0]!;
    return reviewed.get(member.irSha256 + served.name)!;
  };

  app.post<{ Params: { name: string; other: string }; Querystring: { lang?: Language } }>(
    '/v1/rulesets/:name/compare/:other',
    {
      onRequest: accepts([JSON_TYPE], ['name', 'other']),
      schema: {
        summary: 'One contract under two rulesets side by side, with the rules that make the differences',
        description:
          "The answer is the JSON of sroi compare --json. A set is compared through its ruleset whose period holds the contract's reference date.",
        params: compareParams,
        querystring: langQuery,
        body: contractBody,
        response: { 200: { type: 'object', additionalProperties: true }, ...commonProblems },
      },
    },
    async (request, reply) => {
      const base = rulesetOf(request.params.name, 'name');
      const other = rulesetOf(request.params.other, 'other');
      const contract = request.body;
      const tooMany = activityLimit(contract, limits.activities);
      if (tooMany) throw new ProblemError(413, [tooMany]);
      // The analysis package (and the compiler it brings) loads on the first comparison only.
      const { compareContract } = await import('@sroi/analysis');
      const comparison = compareContract(
        [reviewedOf(base, contract), reviewedOf(other, contract)],
        contract,
        {
          lang: request.lang,
        },
      );
      const refused = comparison.rulesets.find((c) => !c.result);
      if (refused && comparison.rulesets.every((c) => !c.result))
        throw new ProblemError(422, refused.diagnostics);
      return json(reply, JSON.stringify(comparison));
    },
  );

  return app;
}

/** The member of a set whose period holds the contract's reference date. */
function memberOnDate(served: ServedRuleset, contract: unknown): Plan | undefined {
  if (served.evaluator instanceof Plan) return served.evaluator;
  const set = served.evaluator;
  const raw =
    typeof contract === 'object' && contract !== null && Object.hasOwn(contract, set.referenceDate)
      ? (contract as Record<string, unknown>)[set.referenceDate]
      : undefined;
  if (typeof raw !== 'string') return undefined;
  return served.members.find((m) => m.plan.ir.periods.some((p) => p.from <= raw && raw <= p.to))?.plan;
}

const stringified = (r: {
  value?: unknown;
  diagnostics: readonly Diagnostic[];
}): { value?: string; diagnostics: readonly Diagnostic[] } =>
  r.value === undefined
    ? { diagnostics: r.diagnostics }
    : { value: JSON.stringify(r.value), diagnostics: [] };

interface ValidationIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

/** A query or path parameter ajv refused: SR5256 with the parameter and its allowed values. */
function validationProblem(issues: readonly ValidationIssue[], request: FastifyRequest): ProblemError {
  const issue = issues[0]!;
  const name = issue.instancePath.replace(/^\//, '') || String(issue.params['missingProperty'] ?? '?');
  const query = request.query as Record<string, unknown> | undefined;
  const value = query && Object.hasOwn(query, name) ? String(query[name]).slice(0, 100) : '';
  const allowed = Array.isArray(issue.params['allowedValues'])
    ? (issue.params['allowedValues'] as unknown[]).join(', ')
    : issue.params['type'] === 'boolean'
      ? 'true, false'
      : String(issue.params['type'] ?? '?');
  return ProblemError.of(400, 'SR5256', { name, value: `'${value}'`, allowed }, name);
}

function mediaTypeProblem(request: FastifyRequest, allowed: readonly string[]): ProblemError {
  const found = (request.headers['content-type'] ?? '').split(';')[0]!.trim().slice(0, 100);
  return ProblemError.of(
    415,
    'SR5251',
    { found: found ? `'${found}'` : '(geen)', allowed: allowed.join(', ') },
    'content-type',
  );
}

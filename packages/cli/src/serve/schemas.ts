// JSON Schemas of the HTTP API's parameters and answers: fastify validates the parameters with
// them (ajv) and @fastify/swagger publishes all of them as the OpenAPI document. Their
// descriptions are in English (docs for engineers); field and parameter names stay Dutch.
import { contractJsonSchema } from '@sroi/core';

export const nameParams = {
  type: 'object',
  properties: { name: { type: 'string', description: 'URL name of the ruleset or set (GET /v1/rulesets)' } },
  required: ['name'],
} as const;

export const compareParams = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'the base ruleset' },
    other: { type: 'string', description: 'the ruleset to compare it with' },
  },
  required: ['name', 'other'],
} as const;

const lang = {
  type: 'string',
  enum: ['nl', 'en'],
  description: 'language of messages and explanations; otherwise Accept-Language, otherwise nl',
} as const;

export const evaluateQuery = {
  type: 'object',
  properties: {
    uitleg: { type: 'boolean', default: false, description: 'with the explanation of every amount' },
    lang,
  },
} as const;

export const langQuery = { type: 'object', properties: { lang } } as const;

/**
 * The contract format (contract-format.md), published for clients, with English descriptions.
 * The server validates a contract with the evaluator itself, not with this schema: that check
 * knows each ruleset's enumerations and gives the CLI's codes, paths and allowed values (see app.ts).
 */
export const contractBody = (() => {
  const { $schema: _dialect, ...schema } = contractJsonSchema(undefined, 'en');
  return schema;
})();

/** RFC 9457 problem details with the diagnostics of the request. */
export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', pattern: '^SR\\d{4}$' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          path: { type: 'string', description: 'JSON path in the request, or the parameter' },
          hint: { type: 'string' },
          allowed: { type: 'array', items: { type: 'string' } },
          suggestions: { type: 'array', items: { type: 'string' } },
          line: { type: 'integer' },
          column: { type: 'integer' },
        },
        required: ['code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
} as const;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const resultSchema = {
  type: 'object',
  description: 'The result (contract-format.md): outcomes as amounts in text, "1234.56"',
  properties: {
    regelingenset: { type: 'string' },
    regeling: { type: 'string' },
    periode: { type: 'string' },
    contract: { type: 'string' },
    verplichting: { type: 'string' },
    waarderingen: { type: 'array', items: { type: 'object', additionalProperties: true } },
    gerealiseerd: { type: 'string' },
    restant: { type: 'string' },
    percentage: { type: 'string' },
    boete: { type: 'string' },
    routes: { type: 'array', items: { type: 'object', additionalProperties: true } },
    meldingen: { type: 'array', items: { type: 'object', additionalProperties: true } },
    overige: { type: 'object', additionalProperties: { type: 'string' } },
    uitleg: { type: 'object', additionalProperties: true },
  },
  required: ['regeling', 'periode', 'verplichting', 'gerealiseerd', 'restant', 'boete'],
  additionalProperties: true,
} as const;

export const rulesetsSchema = {
  type: 'object',
  properties: {
    rulesets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          kind: { type: 'string', enum: ['regeling', 'set'] },
          members: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                title: { type: 'string' },
                version: { type: 'string' },
                periods: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      name: { type: 'string' },
                      from: { type: 'string', format: 'date' },
                      to: { type: 'string', format: 'date' },
                    },
                  },
                },
                irSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** The answers every route can give besides its own. */
export const commonProblems = {
  400: problemResponse('invalid request (JSON, parameter)'),
  404: problemResponse('unknown ruleset or route'),
  408: problemResponse('the request took too long'),
  413: problemResponse('request, number of lines or number of activities over the limit'),
  415: problemResponse('content type not supported'),
  422: problemResponse('the contract cannot be evaluated (see errors)'),
} as const;

// Errors of the HTTP API as RFC 9457 problem details (application/problem+json): the CLI's
// diagnostic codes and messages, with the JSON path and the allowed values of each problem.
import {
  diagnostic,
  renderHint,
  renderMessage,
  type Diagnostic,
  type Language,
  type MessageArgs,
} from '@sroi/core';

export const PROBLEM_TYPE = 'application/problem+json';

/** A problem's `type`: one URI per diagnostic code, in the namespace of the project's schemas. */
const typeBase = 'https://sroi.dev/problems/';

/** One problem of a request, as a client reads it. */
export interface ProblemItem {
  readonly code: string;
  readonly message: string;
  /** JSON path into the request body (`activiteiten[0].fte`), or the query parameter or header. */
  readonly path?: string;
  readonly hint?: string;
  /** The values that would have been accepted, when the problem is a value outside a list. */
  readonly allowed?: readonly string[];
  readonly suggestions?: readonly string[];
}

/** RFC 9457 problem details, extended with the diagnostics (`errors`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors: readonly ProblemItem[];
}

/** A request that is refused: thrown in a route or hook, answered by the app's error handler. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(diagnostics[0]?.code ?? 'problem');
  }

  static of(status: number, code: Diagnostic['code'], args: MessageArgs, path?: string): ProblemError {
    return new ProblemError(status, [diagnostic(code, args, path !== undefined ? { path } : {})]);
  }
}

const titles: Record<number, { nl: string; en: string }> = {
  400: { nl: 'Ongeldige aanvraag', en: 'Bad request' },
  404: { nl: 'Niet gevonden', en: 'Not found' },
  408: { nl: 'Aanvraag duurde te lang', en: 'Request timeout' },
  413: { nl: 'Aanvraag te groot', en: 'Content too large' },
  415: { nl: 'Inhoudstype niet ondersteund', en: 'Unsupported media type' },
  422: { nl: 'Contract niet te berekenen', en: 'Unprocessable contract' },
  500: { nl: 'Interne fout', en: 'Internal server error' },
  503: { nl: 'Server stopt', en: 'Service unavailable' },
};

export function problemItem(d: Diagnostic, lang: Language): ProblemItem {
  const hint = renderHint(d, lang);
  const allowed = typeof d.args['allowed'] === 'string' ? d.args['allowed'].split(', ') : undefined;
  return {
    code: d.code,
    message: renderMessage(d.code, d.args, lang),
    ...(d.path !== undefined ? { path: d.path } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...(allowed ? { allowed } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  };
}

export function problem(
  status: number,
  diagnostics: readonly Diagnostic[],
  lang: Language,
  instance?: string,
): Problem {
  const errors = diagnostics.map((d) => problemItem(d, lang));
  const first = errors[0];
  const code = first?.code ?? 'SR5023';
  const more = errors.length - 1;
  const detail = first
    ? `${first.path !== undefined ? `${first.path}: ` : ''}${first.message}${
        more > 0 ? (lang === 'nl' ? ` (en ${more} andere)` : ` (and ${more} more)`) : ''
      }`
    : '';
  return {
    type: `${typeBase}${code}`,
    title: (titles[status] ?? titles[400]!)[lang],
    status,
    detail,
    ...(instance !== undefined ? { instance } : {}),
    code,
    errors,
  };
}

/**
 * The language of the answer: `?lang=` if given, else the first of nl and en in the client's
 * Accept-Language (by quality, then order), else Dutch.
 */
export function languageOf(query: unknown, acceptLanguage: string | undefined): Language {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'nl') return asked;
  if (!acceptLanguage) return 'nl';
  let best: { lang: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',').slice(0, 32)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'nl' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'nl';
}

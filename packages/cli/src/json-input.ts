// JSON as a user typed it (a contract, an IR document, a set manifest): JSON.parse decides, and when
// it refuses, the first problem is located (jsonc-parser's scanner knows where) and worded without
// V8's English. What JSON.parse would change silently — a key written twice, a number a double
// cannot hold — is refused too, located: money is never changed without a word.
import { diagnostic, jsonTextProblems, type Diagnostic, type JsonTextProblem } from '@sroi/core';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Parses JSON text; a syntax error, a duplicate key or an inexact number becomes a located diagnostic. */
export function parseJsonInput(
  path: string,
  text: string,
): { json: unknown } | { diagnostics: readonly Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [jsonSyntaxDiagnostic(path, text, (e as Error).message)] };
  }
  const problems = jsonTextDiagnostics(path, text);
  return problems.length > 0 ? { diagnostics: problems } : { json };
}

/**
 * Why JSON.parse refused lines of a JSON Lines text (1-based numbers): each line's problem as
 * `parseJsonInput` words it, located in the whole text.
 */
export function jsonLineDiagnostics(path: string, text: string, lines: ReadonlySet<number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  let start = 0;
  let n = 1;
  for (const m of text.matchAll(/\r?\n|$/g)) {
    if (lines.has(n)) {
      const parsed = parseJsonInput(path, text.slice(start, m.index));
      if ('diagnostics' in parsed) out.push(...parsed.diagnostics.map((d) => moved(d, start)));
    }
    if (m[0] === '') break;
    start = m.index + m[0].length;
    n++;
  }
  return out;
}

const moved = (d: Diagnostic, by: number): Diagnostic => ({
  ...d,
  ...(d.span ? { span: { ...d.span, start: d.span.start + by, end: d.span.end + by } } : {}),
  ...(d.related
    ? {
        related: d.related.map((r) => ({
          ...r,
          span: { ...r.span, start: r.span.start + by, end: r.span.end + by },
        })),
      }
    : {}),
});

/** The duplicate keys and inexact numbers of a text JSON.parse accepted, located. */
export function jsonTextDiagnostics(path: string, text: string): Diagnostic[] {
  return jsonTextProblems(text).map((p) => problemDiagnostic(path, p));
}

function problemDiagnostic(path: string, p: JsonTextProblem): Diagnostic {
  const span = { file: path, start: p.start, end: p.end };
  if (p.kind === 'inexact-number') return diagnostic('SR5100', { text: p.text, read: p.read }, { span });
  const first = { file: path, start: p.first, end: p.first + (p.end - p.start) };
  return diagnostic(
    'SR5101',
    { key: `'${p.key}'` },
    { span },
    { related: [{ span: first, code: 'SR5101' }] },
  );
}

function jsonSyntaxDiagnostic(path: string, text: string, engineMessage: string): Diagnostic {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first ? first.offset : Number(/position (\d+)/.exec(engineMessage)?.[1] ?? 0);
  const end = text.trimEnd().length;
  if (end === 0) return diagnostic('SR5022', {}, { span: { file: path, start: 0, end: 0 } });
  const openString =
    first !== undefined &&
    printParseErrorCode(first.error) === 'UnexpectedEndOfString' &&
    first.offset + first.length >= end;
  if (offset >= end || openString) {
    // The text stops before the JSON is complete: point at its last character, say what is open.
    const at = Math.max(0, end - 1);
    return diagnostic('SR5021', { missing: unclosed(text) }, { span: { file: path, start: at, end: end } });
  }
  return diagnostic(
    'SR5002',
    { found: tokenAt(text, offset) },
    { span: { file: path, start: offset, end: offset + 1 } },
  );
}

/** The token that starts at `offset`, quoted: a word or number, or one character. */
function tokenAt(text: string, offset: number): string {
  const word = /^[\p{L}\p{N}_.+-]{1,24}/u.exec(text.slice(offset))?.[0];
  return `'${word ?? String.fromCodePoint(text.codePointAt(offset)!)}'`;
}

/** The closing characters a truncated JSON text lacks, innermost first: `" ] }`. */
function unclosed(text: string): string {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') open.push('}');
    else if (c === '[') open.push(']');
    else if ((c === '}' || c === ']') && open[open.length - 1] === c) open.pop();
  }
  const missing = [...(inString ? ['"'] : []), ...open.reverse()];
  return missing.length > 0 ? missing.join(' ') : '…';
}

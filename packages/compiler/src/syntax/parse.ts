// The grammar boundary: source text in, CST and Diagnostics out. Chevrotain's errors become
// catalogue diagnostics here (STYLE 7), and hostile input is stopped before it can hurt.
import {
  diagnostic,
  isBidiControl,
  isC1Control,
  MAX_FORMULA_DEPTH,
  SourceFile,
  suggestNames,
  type Diagnostic,
  type Span,
} from '@sroi/core';
import {
  declarationKeywords,
  lexAndParse,
  MAX_OPERATOR_RUN,
  MAX_PARENTHESES_DEPTH,
  type IToken,
  type RulesetCstNode,
  type SyntaxErrorPayload,
} from '@sroi/grammar';

/** Larger files are refused: a real ruleset is tens of kilobytes. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Past this many syntax errors a file is not a ruleset; the rest would be noise. */
export const MAX_SYNTAX_ERRORS = 50;

export interface ParsedSource {
  readonly source: SourceFile;
  readonly cst: RulesetCstNode | undefined;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

const ruleDescriptions: Record<string, string> = {
  header: 'de kop van de regeling',
  headerClause: 'de kop van de regeling',
  period: 'een periode',
  parameter: 'een parameter',
  versionedValue: 'een parameterwaarde',
  table: 'een tabel',
  tableRow: 'een tabelrij',
  tableCell: 'een tabelcel',
  definition: 'een definitie',
  valuation: 'een waardering',
  requirement: 'een vereiste',
  within: 'een binnen-regel',
  route: 'een route',
  outcome: 'een uitkomst',
  example: 'een voorbeeld',
  enumeration: 'een opsomming',
  typeReference: 'een type',
  expression: 'een formule',
  conditional: 'als ... dan ... anders',
  comparison: 'een formule',
  additive: 'een formule',
  multiplicative: 'een formule',
  unary: 'een formule',
  primary: 'een formule',
  literal: 'een waarde',
  call: 'een aanroep',
  rounding: 'afronden(...)',
  aggregate: 'som(...)',
};

/** The declaration keywords a name at the start of a line was probably meant to be. */
function misspeltDeclaration(t: IToken): string[] {
  if (t.startColumn !== 1 || t.tokenType.name !== 'Identifier') return [];
  return suggestNames(t.image, declarationKeywords, 1);
}

function describeToken(t: IToken | undefined): string {
  if (!t || t.tokenType.name === 'EOF') return 'einde van het bestand';
  const image = t.image.length > 30 ? `${t.image.slice(0, 27)}...` : t.image;
  return `'${image}'`;
}

/** Finds the first byte that cannot be in a text file: NUL or another C0 control. */
export function firstBinaryCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) return i;
  }
  return -1;
}

/** At most this many "Trojan Source" warnings per file: one per line, the first lines only. */
const MAX_INVISIBLE_CONTROL_WARNINGS = 20;

/**
 * Warnings for bidi controls and C1 controls (the "Trojan Source" class): in a string, a comment
 * or a name they make an editor show text in another order than the compiler reads it.
 */
function invisibleControls(source: SourceFile): Diagnostic[] {
  const text = source.text;
  const out: Diagnostic[] = [];
  let lastLine = 0;
  for (let i = 0; i < text.length && out.length < MAX_INVISIBLE_CONTROL_WARNINGS; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || !(isBidiControl(c) || isC1Control(c))) continue;
    const line = source.position(i).line;
    if (line === lastLine) continue;
    lastLine = line;
    const char = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(diagnostic('SR1100', { char }, { span: source.span(i, i + 1) }));
  }
  return out;
}

/** Parses one file. Never throws on any text. */
export function parseSource(path: string, text: string): ParsedSource {
  const source = new SourceFile(path, text);
  const at = (start: number, end: number): Span => source.span(start, end);
  if (text.length > MAX_SOURCE_BYTES) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    return {
      source,
      cst: undefined,
      tokens: [],
      comments: [],
      diagnostics: [
        diagnostic('SR1012', { size, limit: `${MAX_SOURCE_BYTES / 1024 / 1024} MB` }, { span: at(0, 0) }),
      ],
    };
  }
  const binary = firstBinaryCharacter(text);
  if (binary >= 0) {
    const code = `U+${text.charCodeAt(binary).toString(16).padStart(4, '0')}`;
    const nul = text.charCodeAt(binary) === 0;
    const what = nul ? 'NUL-teken' : `stuurteken ${code}`;
    const whatEn = nul ? 'NUL character' : `control character ${code}`;
    return {
      source,
      cst: undefined,
      tokens: [],
      comments: [],
      diagnostics: [
        diagnostic('SR1006', { what, 'what@en': whatEn, offset: binary }, { span: at(binary, binary + 1) }),
      ],
    };
  }

  const raw = lexAndParse(text);
  const diagnostics: Diagnostic[] = invisibleControls(source);
  for (const e of raw.lexErrors) {
    const image = text.slice(e.offset, e.offset + (e.length || 1));
    diagnostics.push(
      diagnostic(
        'SR1001',
        { text: `'${image.length > 20 ? image.slice(0, 17) + '...' : image}'` },
        { span: at(e.offset, e.offset + (e.length || 1)) },
      ),
    );
  }
  for (const t of raw.tokens) {
    if (t.tokenType.name === 'UnterminatedString')
      diagnostics.push(diagnostic('SR1007', {}, { span: at(t.startOffset, t.startOffset + t.image.length) }));
  }
  for (const t of raw.tooDeep)
    diagnostics.push(
      diagnostic('SR1005', { limit: MAX_PARENTHESES_DEPTH }, { span: at(t.startOffset, t.startOffset + 1) }),
    );
  for (const r of raw.longRuns)
    diagnostics.push(
      diagnostic(
        'SR2400',
        { count: r.count, operator: r.operator, run: MAX_OPERATOR_RUN, limit: MAX_FORMULA_DEPTH },
        { span: at(r.start.startOffset, r.end.startOffset + r.end.image.length) },
      ),
    );
  if (raw.stackExhausted) {
    // Parentheses and prefix runs are cut off before parsing, so what still exhausts the parser is
    // nesting of als ... anders als: named, at the declaration with the most of them.
    const deepest = deepestConditional(raw.tokens);
    diagnostics.push(
      deepest
        ? diagnostic(
            'SR2352',
            { count: deepest.count, limit: MAX_FORMULA_DEPTH },
            { span: at(deepest.at.startOffset, deepest.at.endOffset! + 1) },
          )
        : diagnostic('SR1005', { limit: MAX_PARENTHESES_DEPTH }, { span: at(0, Math.min(text.length, 1)) }),
    );
  }

  for (const e of raw.parseErrors) {
    let payload: SyntaxErrorPayload;
    try {
      payload = JSON.parse(e.message) as SyntaxErrorPayload;
    } catch {
      payload = { kind: 'mismatch', expected: [], rule: '' };
    }
    const token = e.token;
    const isEof = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
    const previous = (e as { previousToken?: IToken }).previousToken;
    const start = isEof
      ? previous?.endOffset !== undefined && !Number.isNaN(previous.endOffset)
        ? previous.endOffset + 1
        : text.length
      : token.startOffset;
    // Underline the offending token and what recovery skipped after it, within its line.
    let end = isEof ? start : token.startOffset + token.image.length;
    for (const r of e.resyncedTokens ?? [])
      if (r.startLine === token.startLine && r.endOffset !== undefined && !Number.isNaN(r.endOffset))
        end = Math.max(end, r.endOffset + 1);
    const found = describeToken(isEof ? undefined : token);
    // A misspelt keyword at the start of a line (`parmeter`, `Tabel`) is a declaration that did
    // not start: say which keyword was meant, here and for each one recovery skipped after it.
    const meant = isEof ? [] : misspeltDeclaration(token);
    for (const r of e.resyncedTokens ?? []) {
      if (r === token || r.startLine === token.startLine) continue;
      const also = misspeltDeclaration(r);
      if (also.length > 0)
        diagnostics.push(
          diagnostic(
            'SR1004',
            { found: describeToken(r) },
            { span: at(r.startOffset, r.startOffset + r.image.length) },
            { suggestions: also },
          ),
        );
    }
    const expected = payload.expected.slice(0, 8).join(', ') + (payload.expected.length > 8 ? ', ...' : '');
    const context = ruleDescriptions[payload.rule];
    if (payload.kind === 'redundant' || meant.length > 0)
      diagnostics.push(diagnostic('SR1004', { found }, { span: at(start, end) }, { suggestions: meant }));
    // A period line is written the same way everywhere: show it whole rather than its next token.
    else if (payload.rule === 'period' || payload.rule === 'throughKeyword')
      diagnostics.push(
        diagnostic('SR1051', { found, expected: expected || 'iets anders' }, { span: at(start, end) }),
      );
    else
      diagnostics.push(
        diagnostic(
          'SR1002',
          { found, expected: (expected || 'iets anders') + (context ? ` (in ${context})` : '') },
          { span: at(start, end) },
        ),
      );
  }
  let limited = diagnostics;
  if (diagnostics.length > MAX_SYNTAX_ERRORS) {
    limited = diagnostics.slice(0, MAX_SYNTAX_ERRORS);
    limited.push(
      diagnostic(
        'SR1010',
        { limit: MAX_SYNTAX_ERRORS },
        { span: diagnostics[MAX_SYNTAX_ERRORS]!.span ?? at(0, 0) },
      ),
    );
  }
  return { source, cst: raw.cst, tokens: raw.tokens, comments: raw.comments, diagnostics: limited };
}

const declarationStarts = new Set(declarationKeywords);
const conditionalWords = new Set(['als', 'if']);

/** The declaration with the most `als`: its first `als` and how many it has. */
function deepestConditional(tokens: readonly IToken[]): { at: IToken; count: number } | undefined {
  let best: { at: IToken; count: number } | undefined;
  let first: IToken | undefined;
  let count = 0;
  const close = () => {
    if (first && (!best || count > best.count)) best = { at: first, count };
    first = undefined;
    count = 0;
  };
  for (const t of tokens) {
    if (declarationStarts.has(t.image)) close();
    else if (conditionalWords.has(t.image)) {
      first ??= t;
      count++;
    }
  }
  close();
  return best;
}

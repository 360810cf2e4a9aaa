// One call from text to CST: lexing and parsing with recovery, errors left raw for the
// compiler to turn into Diagnostics (the grammar knows nothing of our diagnostic types).
import {
  createTokenInstance,
  tokenMatcher,
  type ILexingError,
  type IRecognitionException,
  type IToken,
} from 'chevrotain';
import { sroiParser } from './parser.js';
import { Kw, LParen, Minus, NumberLiteral, RParen, sroiLexer, UnterminatedString } from './tokens.js';
import type { SyntaxErrorPayload } from './parser.js';
import type { DeclarationCstNode, RulesetCstNode } from './cst.generated.js';

export interface RawParse {
  readonly cst: RulesetCstNode | undefined;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly lexErrors: readonly ILexingError[];
  readonly parseErrors: readonly IRecognitionException[];
  /** Opening parentheses beyond the nesting limit; their contents were replaced by `0`. */
  readonly tooDeep: readonly IToken[];
  /** The parser ran out of stack despite the guard; the CST is absent. */
  readonly stackExhausted: boolean;
}

/** Deeper parentheses than this are refused before parsing: recursion must stay bounded. */
export const MAX_PARENTHESES_DEPTH = 48;

/** Longer runs of prefix operators (`niet niet ...`, `- - ...`) are refused for the same reason. */
const MAX_PREFIX_RUN = 48;

/**
 * Replaces every parenthesised group that opens beyond the depth limit by a single `0`,
 * so the rest of the file still parses and each such group is reported once.
 */
function guardNesting(tokens: IToken[]): { tokens: IToken[]; tooDeep: IToken[] } {
  const out: IToken[] = [];
  const tooDeep: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === LParen) {
      depth++;
      if (depth > MAX_PARENTHESES_DEPTH) {
        tooDeep.push(t);
        let inner = 1;
        let j = i + 1;
        for (; j < tokens.length && inner > 0; j++) {
          if (tokens[j]!.tokenType === LParen) inner++;
          else if (tokens[j]!.tokenType === RParen) inner--;
        }
        const last = tokens[j - 1] ?? t;
        out.push(
          createTokenInstance(
            NumberLiteral,
            '0',
            t.startOffset,
            last.endOffset ?? t.startOffset,
            t.startLine ?? 1,
            last.endLine ?? 1,
            t.startColumn ?? 1,
            last.endColumn ?? 1,
          ),
        );
        depth--;
        i = j - 1;
        continue;
      }
    } else if (t.tokenType === RParen) depth = Math.max(0, depth - 1);
    else if (isPrefix(t)) {
      let j = i;
      while (j < tokens.length && isPrefix(tokens[j]!)) j++;
      if (j - i > MAX_PREFIX_RUN) {
        tooDeep.push(t);
        i = j - 1;
        continue;
      }
    }
    out.push(t);
  }
  return { tokens: out, tooDeep };
}

const isPrefix = (t: IToken): boolean => t.tokenType === Minus || tokenMatcher(t, Kw.Niet);

/** Whether an error means "the declarations stopped here, but the text goes on". */
function stoppedEarly(e: IRecognitionException): boolean {
  try {
    const p = JSON.parse(e.message) as SyntaxErrorPayload;
    return p.rule === 'ruleset' && (p.kind === 'redundant' || p.expected.includes('EOF'));
  } catch {
    return false;
  }
}

const redundant: SyntaxErrorPayload = { kind: 'redundant', expected: [], rule: 'ruleset' };

/** Lexes and parses a whole ruleset. Never throws on user text. */
export function lexAndParse(text: string): RawParse {
  const lexed = sroiLexer.tokenize(text);
  const { tokens, tooDeep } = guardNesting(lexed.tokens);
  let cst: RulesetCstNode | undefined;
  let stackExhausted = false;
  const parseErrors: IRecognitionException[] = [];
  try {
    sroiParser.input = tokens;
    cst = sroiParser.ruleset() as RulesetCstNode;
    // Chevrotain resynchronises after text that starts no declaration and reads on; such a
    // stop is reported as "unexpected after the end", not as "expected end of file".
    for (const e of sroiParser.errors)
      parseErrors.push(stoppedEarly(e) ? Object.assign(e, { message: JSON.stringify(redundant) }) : e);
  } catch (e) {
    // Other deep recursion ends here rather than in a crash.
    if (!(e instanceof RangeError)) throw e;
    stackExhausted = true;
    cst = undefined;
  }
  return {
    cst,
    tokens: lexed.tokens,
    comments: lexed.groups['comments'] ?? [],
    lexErrors: lexed.errors,
    parseErrors: stackExhausted ? [] : parseErrors,
    tooDeep,
    stackExhausted,
  };
}

/** One declaration parsed on its own by `parseDeclarationAt`. */
export interface DeclarationParse {
  readonly cst: DeclarationCstNode;
  /** Its tokens (comments apart), with offsets, lines and columns in the whole text. */
  readonly tokens: readonly IToken[];
}

/**
 * How many tokens after a declaration its parse may look at: `maxLookahead` (2) of the parser;
 * `declarationAhead` looks at the second token, and `cellValueAhead` at most four tokens past the
 * first token of a value.
 */
export const DECLARATION_LOOKAHEAD = 4;

/**
 * Lexes `text.slice(start, end)` and parses it as exactly one declaration, for an editor that
 * changed only that part of a file. `following` are the tokens after `end` (only their types and
 * images matter): the parser looks ahead into them as it would in the whole text, but must stop
 * before them. `at` is the line and column of `start`.
 *
 * The result is what `lexAndParse` of the whole text gives for this part when the caller ensures
 * that the whole-text lexer starts a token at `start` and at `end`, and that the parse of what
 * precedes `start` is unchanged. Undefined when the part does not lex and parse cleanly as one
 * declaration ending at `end` (a syntax error, two declarations, none): then parse the whole text.
 */
export function parseDeclarationAt(
  text: string,
  start: number,
  end: number,
  following: readonly IToken[],
  at: { readonly line: number; readonly column: number },
): DeclarationParse | undefined {
  const lexed = sroiLexer.tokenize(text.slice(start, end));
  const tokens = lexed.tokens;
  if (lexed.errors.length > 0 || tokens.length === 0) return undefined;
  for (const t of tokens) if (t.tokenType === UnterminatedString) return undefined;
  if (guardNesting(tokens).tooDeep.length > 0) return undefined;
  for (const t of tokens) relocate(t, start, at);
  let cst: DeclarationCstNode;
  // The parse ends in a NotAllInputParsedException at the first following token, by design; an
  // editor does this after every keystroke, and the exception's stack trace is most of its cost.
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    sroiParser.input = [...tokens, ...following.slice(0, DECLARATION_LOOKAHEAD)];
    cst = sroiParser.declaration() as DeclarationCstNode;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const errors = sroiParser.errors;
  const stoppedAtEnd =
    following.length === 0
      ? errors.length === 0
      : errors.length === 1 &&
        errors[0]!.name === 'NotAllInputParsedException' &&
        errors[0]!.token === following[0];
  return stoppedAtEnd ? { cst, tokens } : undefined;
}

/** Moves a token lexed from a slice starting at `offset` (line and column `at`) into the whole text. */
function relocate(t: IToken, offset: number, at: { readonly line: number; readonly column: number }): void {
  if (t.startLine === 1 && t.startColumn !== undefined) t.startColumn += at.column - 1;
  if (t.endLine === 1 && t.endColumn !== undefined) t.endColumn += at.column - 1;
  if (t.startLine !== undefined) t.startLine += at.line - 1;
  if (t.endLine !== undefined) t.endLine += at.line - 1;
  t.startOffset += offset;
  if (t.endOffset !== undefined) t.endOffset += offset;
}

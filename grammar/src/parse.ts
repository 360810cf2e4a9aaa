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
import {
  AdditiveOperator,
  Comma,
  ComparisonOperator,
  Equals,
  Kw,
  LParen,
  Minus,
  MultiplicativeOperator,
  NumberLiteral,
  Pipe,
  RParen,
  sroiLexer,
  UnterminatedString,
} from './tokens.js';
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
  /** Runs of one binary operator longer than MAX_OPERATOR_RUN; all but their first operand were cut. */
  readonly longRuns: readonly OperatorRun[];
}

/** A run of one binary operator (`a + b + ...`, `a en b en ...`): where it starts, and how long it is. */
export interface OperatorRun {
  /** The first token of the run's first operand. */
  readonly start: IToken;
  /** The last token of the run. */
  readonly end: IToken;
  /** The operator as first written in the run (`en`, `+`, `×`). */
  readonly operator: string;
  /** How many times the operator occurs in the run. */
  readonly count: number;
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

/**
 * Longer runs of one binary operator are cut before parsing. Each operator of a run is a level of the
 * formula (`a + b + c` is 3 deep), so such a formula is far past MAX_FORMULA_DEPTH (200) in any case;
 * the cut spares the parser and the checker a tree of millions of nodes (500,000 `en` took 28 s and
 * 2.2 GB before it was refused).
 */
export const MAX_OPERATOR_RUN = 2_000;

/** The binding strength of a binary operator, weakest first; 0 for any other token. */
function operatorRank(t: IToken, previous: IToken | undefined): number {
  if (tokenMatcher(t, Kw.Of)) return 1;
  if (tokenMatcher(t, Kw.En)) return 2;
  if (tokenMatcher(t, ComparisonOperator)) return 3;
  if (tokenMatcher(t, AdditiveOperator)) {
    // A minus after an operator, `(`, `,` or at the start is a sign, not a subtraction.
    if (t.tokenType !== Minus) return 4;
    return previous && !isOperatorOrOpening(previous) ? 4 : 0;
  }
  if (tokenMatcher(t, MultiplicativeOperator)) return 5;
  return 0;
}

const isOperatorOrOpening = (t: IToken): boolean =>
  t.tokenType === LParen ||
  t.tokenType === Comma ||
  tokenMatcher(t, AdditiveOperator) ||
  tokenMatcher(t, MultiplicativeOperator) ||
  tokenMatcher(t, ComparisonOperator) ||
  tokenMatcher(t, Kw.En) ||
  tokenMatcher(t, Kw.Of) ||
  tokenMatcher(t, Kw.Niet);

/**
 * Tokens after which no binary operator continues a run of the same formula: a new declaration (at
 * the start of a line), the parts of a conditional, a separator. Ending runs too often only
 * undercounts them, and a run is cut only when it is certainly too long.
 */
const endsRuns = (t: IToken): boolean =>
  t.startColumn === 1 ||
  t.tokenType === Comma ||
  t.tokenType === Pipe ||
  t.tokenType === Equals ||
  tokenMatcher(t, Kw.Als) ||
  tokenMatcher(t, Kw.Dan) ||
  tokenMatcher(t, Kw.Anders) ||
  tokenMatcher(t, Kw.Met);

/** One parenthesis level of `guardOperatorRuns`: per rank, the current run. */
interface RunState {
  /** Index (in the tokens) of the first token of the run's first operand, per rank. */
  start: number[];
  /** Index of the run's first operator, per rank (-1: no operator yet). */
  first: number[];
  count: number[];
}

const newLevel = (at: number): RunState => ({
  start: [at, at, at, at, at, at],
  first: [-1, -1, -1, -1, -1, -1],
  count: [0, 0, 0, 0, 0, 0],
});

/**
 * Finds every run of one binary operator (at one parenthesis level, not interrupted by a weaker
 * operator or by the end of the formula) longer than MAX_OPERATOR_RUN, and drops the run's operators
 * and operands after its first operand, so the formula parses as that operand alone.
 */
function guardOperatorRuns(tokens: IToken[]): { tokens: IToken[]; longRuns: OperatorRun[] } {
  const cuts: { from: number; to: number; run: OperatorRun }[] = [];
  const levels: RunState[] = [newLevel(0)];
  const finish = (level: RunState, rank: number, end: number) => {
    if (level.count[rank]! > MAX_OPERATOR_RUN) {
      const first = level.first[rank]!;
      cuts.push({
        from: first,
        to: end,
        run: {
          start: tokens[level.start[rank]!]!,
          end: tokens[end - 1]!,
          operator: tokens[first]!.image,
          count: level.count[rank]!,
        },
      });
    }
    level.count[rank] = 0;
    level.first[rank] = -1;
    level.start[rank] = end;
  };
  /** Ends the runs of `rank` and every stronger rank at token `i` (exclusive); they restart after it. */
  const endFrom = (level: RunState, rank: number, i: number, restart: number) => {
    for (let r = rank; r <= 5; r++) {
      finish(level, r, i);
      level.start[r] = restart;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let level = levels[levels.length - 1]!;
    if (t.startColumn === 1 && levels.length > 1) {
      // A declaration starts: unbalanced parentheses of the one before do not carry over.
      while (levels.length > 1) endFrom(levels.pop()!, 1, i, i);
      level = levels[0]!;
    }
    if (t.tokenType === LParen) {
      levels.push(newLevel(i + 1));
      continue;
    }
    if (t.tokenType === RParen) {
      if (levels.length > 1) endFrom(levels.pop()!, 1, i, i + 1);
      continue;
    }
    const rank = endsRuns(t) ? 0 : operatorRank(t, tokens[i - 1]);
    if (rank === 3) {
      // A comparison ends the sums and products on its left; `=` also ends a declaration's head.
      endFrom(level, 4, i, i + 1);
      continue;
    }
    if (rank > 0) {
      if (level.first[rank] === -1) level.first[rank] = i;
      level.count[rank]!++;
      endFrom(level, rank + 1, i, i + 1);
      continue;
    }
    if (endsRuns(t)) endFrom(level, 1, i, i + 1);
  }
  while (levels.length > 0) endFrom(levels.pop()!, 1, tokens.length, tokens.length);
  if (cuts.length === 0) return { tokens, longRuns: [] };
  cuts.sort((a, b) => a.from - b.from);
  const out: IToken[] = [];
  let next = 0;
  const longRuns: OperatorRun[] = [];
  for (const cut of cuts) {
    // A run inside a run already cut went with it.
    if (cut.from < next) continue;
    for (let i = next; i < cut.from; i++) out.push(tokens[i]!);
    next = cut.to;
    longRuns.push(cut.run);
  }
  for (let i = next; i < tokens.length; i++) out.push(tokens[i]!);
  return { tokens: out, longRuns };
}

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
  const nested = guardNesting(lexed.tokens);
  const { tokens, longRuns } = guardOperatorRuns(nested.tokens);
  const tooDeep = nested.tooDeep;
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
    longRuns,
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
  if (guardOperatorRuns(tokens).longRuns.length > 0) return undefined;
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

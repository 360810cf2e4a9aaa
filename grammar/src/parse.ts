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
import { Kw, LParen, Minus, NumberLiteral, RParen, sroiLexer } from './tokens.js';
import type { SyntaxErrorPayload } from './parser.js';
import type { RulesetCstNode } from './cst.generated.js';

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

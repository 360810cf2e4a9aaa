// An editor's compiler: every new text of one ruleset compiles to exactly what `compileSource`
// gives, reusing what the edit did not touch — the syntax of the other declarations (moved to
// their new place), the parsed bases, and the checks of unchanged examples.
import { SourceFile, type Diagnostic } from '@sroi/core';
import { DECLARATION_LOOKAHEAD, parseDeclarationAt, sroiLexer, type IToken } from '@sroi/grammar';
import type * as A from '../ast/ast.js';
import {
  astPartsFromCst,
  declarationFromCst,
  rulesetFromParts,
  type DeclarationPart,
} from '../ast/from-cst.js';
import type { CheckReuse, ExampleCheck } from '../check/index.js';
import type { ExampleCase } from '../check/examples.js';
import { compileModule, type CompileResult } from '../compile.js';
import { parseModule, type ParsedModule, type SourceHost } from '../resolve/load.js';
import { firstBinaryCharacter, MAX_SOURCE_BYTES, parseSource } from '../syntax/parse.js';
import { relocated } from './relocate.js';

/** What the last `update` could reuse. */
export interface SessionUpdate {
  /**
   * `incremental`: only the declaration holding the edit was lexed and parsed again;
   * `unchanged`: the text was the same; `full`: the whole text was parsed.
   */
  readonly parse: 'incremental' | 'unchanged' | 'full';
  /** Examples whose check was reused (their `voorbeeld` and what they read did not change). */
  readonly examplesReused: number;
}

/** A declaration with its tokens; only their types and images are read, so stale offsets do not matter. */
interface Part extends DeclarationPart {
  readonly tokens: readonly IToken[];
}

/** The syntax of a text that parsed without syntax errors, kept to reparse the next text in part. */
interface Syntax {
  readonly text: string;
  readonly source: SourceFile;
  readonly header: A.Header;
  readonly headerDiagnostics: readonly Diagnostic[];
  readonly declarations: readonly Part[];
  readonly module: ParsedModule;
}

/**
 * Compiles successive texts of one ruleset, as an editor sends them after each keystroke. Each
 * `update` gives what `compileSource(path, text, host)` gives (the same diagnostics, AST, checked
 * model and IR), but an edit inside one declaration of a file without syntax errors lexes and
 * parses only that declaration, and examples that did not change are not checked again.
 */
export class CompilerSession {
  private syntax: Syntax | undefined;
  private readonly bases = new Map<string, ParsedModule>();
  private readonly examples = new ExampleChecks();
  private last: SessionUpdate = { parse: 'full', examplesReused: 0 };

  constructor(
    readonly path: string,
    private readonly host?: SourceHost,
  ) {}

  /** What the last update reused. */
  get lastUpdate(): SessionUpdate {
    return this.last;
  }

  /** Compiles the current text of the file. */
  update(text: string): CompileResult {
    this.examples.startUpdate();
    const old = this.syntax;
    let parse: SessionUpdate['parse'] = 'full';
    let module: ParsedModule;
    if (old && old.text === text) {
      parse = 'unchanged';
      module = old.module;
    } else {
      const syntax = old && this.reparse(old, text);
      if (syntax) {
        parse = 'incremental';
        this.syntax = syntax;
        module = syntax.module;
      } else module = this.parseFully(text);
    }
    const result = compileModule(module, this.host, { parseBase: this.parseBase, check: this.examples });
    this.examples.endUpdate(module.ast);
    this.last = { parse, examplesReused: this.examples.reused };
    return result;
  }

  private readonly parseBase = (path: string, text: string): ParsedModule => {
    const known = this.bases.get(path);
    if (known && known.source.text === text) return known;
    const parsed = parseModule(path, text);
    this.bases.set(path, parsed);
    return parsed;
  };

  /** Parses the whole text, as `parseModule` does, and keeps its syntax when it has no syntax errors. */
  private parseFully(text: string): ParsedModule {
    this.syntax = undefined;
    const parsed = parseSource(this.path, text);
    if (!parsed.cst) return { ...parsed, ast: undefined };
    const parts = astPartsFromCst(parsed.cst, parsed.source);
    const module: ParsedModule = {
      ...parsed,
      ast: rulesetFromParts(parts, parsed.source),
      diagnostics: [
        ...parsed.diagnostics,
        ...parts.headerDiagnostics,
        ...parts.declarations.flatMap((d) => d.diagnostics),
      ],
    };
    if (parsed.diagnostics.length === 0) {
      // Every token after the header belongs to the declaration it follows.
      const tokens = parsed.tokens;
      let k = 0;
      const declarations = parts.declarations.map((d, i) => {
        const end = parts.declarations[i + 1]?.node.span.start ?? Infinity;
        while (k < tokens.length && tokens[k]!.startOffset < d.node.span.start) k++;
        const from = k;
        while (k < tokens.length && tokens[k]!.startOffset < end) k++;
        return { ...d, tokens: tokens.slice(from, k) };
      });
      this.syntax = { text, source: parsed.source, ...parts, declarations, module };
    }
    return module;
  }

  /**
   * Lexes and parses again only the declaration that holds the edit from `old.text` to `text`, and
   * moves the declarations after it; undefined when that would not give what parsing the whole
   * text gives (see `parseDeclarationAt`): then the caller parses the whole text.
   */
  private reparse(old: Syntax, text: string): Syntax | undefined {
    const declarations = old.declarations;
    if (declarations.length === 0 || text.length > MAX_SOURCE_BYTES) return undefined;
    const before = old.text;
    // The edit: before[p, before.length - s) became text[p, text.length - s).
    const { p, s } = editBounds(before, text);
    const delta = text.length - before.length;
    // The declaration whose first character precedes the edit, from its first token up to the
    // next declaration's: the edit must lie within, leaving that next first character alone.
    let i = declarations.length - 1;
    while (i >= 0 && declarations[i]!.node.span.start >= p) i--;
    if (i < 0) return undefined;
    const start = declarations[i]!.node.span.start;
    const next = declarations[i + 1];
    const oldEnd = next ? next.node.span.start : before.length;
    if (before.length - s > oldEnd) return undefined;
    const end = oldEnd + delta;
    // Both ends first on their line: the whole-text lexer starts a token there (no token but
    // white space crosses a line break), whatever the edit did between them.
    if (!firstOnLine(text, start) || (next && !firstOnLine(text, end))) return undefined;
    if (firstBinaryCharacter(text.slice(p, text.length - s)) >= 0) return undefined;

    const source = new SourceFile(this.path, text);
    const following = tokensFrom(declarations, i + 1);
    const parsed = parseDeclarationAt(text, start, end, following, source.position(start));
    if (!parsed) return undefined;
    // What precedes the declaration was parsed looking ahead into its first tokens: they must be
    // tokens of the same types as before for that parse to stay the same.
    if (!sameTokens([...parsed.tokens, ...following], [...declarations[i]!.tokens, ...following]))
      return undefined;
    const part = declarationFromCst(parsed.cst, source);
    if (!part || part.node.span.start !== start) return undefined;

    const moved: Part[] = declarations.slice(i + 1).map((d) => {
      if (delta === 0) return d;
      const node = relocated(d.node, delta);
      if (node.kind === 'example' && d.node.kind === 'example') this.examples.moved(node, d.node, delta);
      return { node, diagnostics: relocated(d.diagnostics, delta), tokens: d.tokens };
    });
    const updated: Part[] = [...declarations.slice(0, i), { ...part, tokens: parsed.tokens }, ...moved];
    const syntax = { text, source, header: old.header, headerDiagnostics: old.headerDiagnostics };
    return { ...syntax, declarations: updated, module: moduleOf({ ...syntax, declarations: updated }) };
  }
}

/** The parsed module of a syntax: tokens and comments are lexed again only when asked for. */
function moduleOf(syntax: Omit<Syntax, 'module'>): ParsedModule {
  return new LexedOnDemand(syntax.source, rulesetFromParts(syntax, syntax.source), [
    ...syntax.headerDiagnostics,
    ...syntax.declarations.flatMap((d) => d.diagnostics),
  ]);
}

/**
 * A parsed module whose tokens are lexed from its text on first use. A class, not an object
 * literal with getters: every such literal gets its own closures and hidden class, and V8 keeps a
 * new hidden class (and through its getters the whole compilation) alive until the next full
 * collection. In an editor that was every keystroke's syntax, AST and IR, copied by each young
 * collection: 1.8 MB after eight keystrokes where one keystroke's state is 0.2 MB.
 */
class LexedOnDemand implements ParsedModule {
  private lexed: { tokens: IToken[]; groups: Record<string, IToken[]> } | undefined;

  constructor(
    readonly source: SourceFile,
    readonly ast: A.Ruleset,
    readonly diagnostics: readonly Diagnostic[],
  ) {}

  get tokens(): readonly IToken[] {
    return this.lex().tokens;
  }

  get comments(): readonly IToken[] {
    return this.lex().groups['comments'] ?? [];
  }

  private lex() {
    return (this.lexed ??= sroiLexer.tokenize(this.source.text));
  }
}

/** Compared a block at a time (one string comparison) before character by character. */
const BLOCK = 256;

/**
 * Where two texts differ: they share their first `p` and their last `s` characters, and
 * `p + s` fits in both. A keystroke changes a few characters of a text of tens of thousands.
 */
function editBounds(before: string, text: string): { p: number; s: number } {
  const common = Math.min(before.length, text.length);
  let p = 0;
  while (p + BLOCK <= common && before.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
  while (p < common && before.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  const b = before.length;
  const t = text.length;
  while (s + BLOCK <= common - p && before.slice(b - s - BLOCK, b - s) === text.slice(t - s - BLOCK, t - s))
    s += BLOCK;
  while (s < common - p && before.charCodeAt(b - 1 - s) === text.charCodeAt(t - 1 - s)) s++;
  return { p, s };
}

/** Whether only spaces and tabs stand between the start of its line and `offset`. */
function firstOnLine(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && (text[i] === '\n' || text[i] === '\r');
}

/** The first tokens from declaration `from` on, as many as a parse may look ahead. */
function tokensFrom(declarations: readonly Part[], from: number): IToken[] {
  const out: IToken[] = [];
  for (let i = from; i < declarations.length && out.length < DECLARATION_LOOKAHEAD; i++)
    out.push(...declarations[i]!.tokens.slice(0, DECLARATION_LOOKAHEAD - out.length));
  return out;
}

/**
 * Whether two token sequences start with `DECLARATION_LOOKAHEAD` tokens of the same types. The
 * parser decides by token types alone (no gate reads a token's text), so renaming a declaration
 * or retitling an example leaves the parse of what precedes it as it was.
 */
function sameTokens(a: readonly IToken[], b: readonly IToken[]): boolean {
  for (let i = 0; i < DECLARATION_LOOKAHEAD; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return x === y;
    if (x.tokenType !== y.tokenType) return false;
  }
  return true;
}

/**
 * Checks of examples across updates. An example before the edit is the same node as before; one
 * after it is a moved copy, whose earlier check is moved along (spans shifted, nodes followed).
 */
class ExampleChecks implements CheckReuse {
  /**
   * The checks of the examples in the current text, by node. A Map replaced after each update
   * (`endUpdate`) rather than a WeakMap: V8's young collections kept a long-lived WeakMap's entries
   * until the next full collection, and with them every keystroke's moved copies (measured: 1 MB
   * copied by each young collection while typing, 50 KB without).
   */
  private checks = new Map<A.ExampleDeclaration, { environment: string; check: ExampleCheck }>();
  /**
   * The examples moved by this update. A new Map each update rather than `clear()`: V8 leaves a
   * cleared Map's old table pointing at its new one, so a long-lived Map cleared every keystroke
   * chained every keystroke's moved copies together until the next full collection.
   */
  private moves = new Map<A.ExampleDeclaration, { from: A.ExampleDeclaration; delta: number }>();
  reused = 0;

  startUpdate(): void {
    this.moves = new Map();
    this.reused = 0;
  }

  /** Keeps the checks of the examples in the current text only (see `checks`). */
  endUpdate(ast: A.Ruleset | undefined): void {
    const kept = new Map<A.ExampleDeclaration, { environment: string; check: ExampleCheck }>();
    for (const d of ast?.declarations ?? []) {
      if (d.kind !== 'example') continue;
      const known = this.checks.get(d);
      if (known) kept.set(d, known);
    }
    this.checks = kept;
  }

  moved(to: A.ExampleDeclaration, from: A.ExampleDeclaration, delta: number): void {
    this.moves.set(to, { from, delta });
  }

  example(e: A.ExampleDeclaration, environment: string): ExampleCheck | undefined {
    const known = this.checks.get(e) ?? this.follow(e);
    if (!known || known.environment !== environment) return undefined;
    this.reused++;
    return known.check;
  }

  remember(e: A.ExampleDeclaration, environment: string, check: ExampleCheck): void {
    // The contract goes into the IR of every later compilation that reuses this check: frozen, so
    // that one holder cannot change what the others read.
    deepFreeze(check.lowered.contract);
    this.checks.set(e, { environment, check });
  }

  private follow(e: A.ExampleDeclaration): { environment: string; check: ExampleCheck } | undefined {
    const move = this.moves.get(e);
    const known = move && this.checks.get(move.from);
    if (!move || !known) return undefined;
    // The lowered example points at its expectations: the moved copy's, at the same index.
    const copies = new Map<A.Expectation, A.Expectation>(
      move.from.expectations.map((x, k) => [x, e.expectations[k]!]),
    );
    const node = (n: A.Expectation): A.Expectation => copies.get(n) ?? n;
    const lowered: ExampleCase = {
      contract: known.check.lowered.contract,
      outcomes: known.check.lowered.outcomes.map((o) => ({ ...o, node: node(o.node) })),
      valuations: known.check.lowered.valuations.map((v) => ({ ...v, node: node(v.node) })),
      messages: known.check.lowered.messages.map((m) => ({ ...m, node: node(m.node) })),
    };
    const entry = {
      environment: known.environment,
      check: { diagnostics: relocated(known.check.diagnostics, move.delta), lowered },
    };
    this.checks.set(e, entry);
    return entry;
  }
}

/** Freezes a JSON value and everything in it. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

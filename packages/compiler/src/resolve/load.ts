// Loading: a ruleset and the chain of base rulesets it extends (`breidt uit`), each parsed to an
// AST. Files come from a host, so the CLI reads the disk and the playground an in-memory map.
import { diagnostic, type Diagnostic, type SourceFile } from '@sroi/core';
import { Kw, type IToken } from '@sroi/grammar';
import type { Ruleset } from '../ast/ast.js';
import { astFromCst } from '../ast/from-cst.js';
import { parseSource } from '../syntax/parse.js';

/** Where rulesets come from. */
export interface SourceHost {
  /**
   * The text of a file, or why it cannot be read (in Dutch; `errorEn` the same in English, for
   * diagnostics in English).
   */
  readFile(path: string): { text: string } | { error: string; errorEn?: string };
  /** The path of `relative` as written in `fromFile` (for `breidt uit "..."`). */
  resolve(fromFile: string, relative: string): string;
}

/** One parsed file. `ast` is absent only when the file could not be parsed at all. */
export interface ParsedModule {
  readonly source: SourceFile;
  readonly ast: Ruleset | undefined;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses one file's text into an AST with all syntax diagnostics. */
export function parseModule(path: string, text: string): ParsedModule {
  const parsed = parseSource(path, text);
  if (!parsed.cst) return { ...parsed, ast: undefined };
  const { ast, diagnostics } = astFromCst(parsed.cst, parsed.source);
  return { ...parsed, ast, diagnostics: [...parsed.diagnostics, ...diagnostics] };
}

/** A ruleset with its bases: `chain[0]` is the root, then the ruleset it extends, and so on. */
export interface LoadedChain {
  readonly chain: readonly ParsedModule[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every base file asked of the host, with the text it gave (undefined: it could not be read). */
  readonly reads: ReadonlyMap<string, string | undefined>;
}

/** Bases deeper than this are surely a mistake: reported as a chain too long (SR2100). */
export const MAX_EXTENDS_DEPTH = 16;

/**
 * Loads a root module and, following `breidt uit`, its bases; reports unreadable bases and cycles.
 * `parse` parses a base (an editor session passes one that reuses unchanged bases).
 */
export function loadChain(
  root: ParsedModule,
  host: SourceHost | undefined,
  parse: (path: string, text: string) => ParsedModule = parseModule,
): LoadedChain {
  const chain: ParsedModule[] = [root];
  const diagnostics: Diagnostic[] = [];
  const reads = new Map<string, string | undefined>();
  let current = root;
  while (current.ast?.header.extends) {
    const ref = current.ast.header.extends;
    if (!host) {
      diagnostics.push(
        diagnostic(
          'SR2009',
          { path: ref.value, reason: 'geen bestanden beschikbaar', 'reason@en': 'no files available' },
          { span: ref.span },
        ),
      );
      break;
    }
    const path = host.resolve(current.source.path, ref.value);
    const seen = chain.find((m) => m.source.path === path);
    if (!seen && chain.length > MAX_EXTENDS_DEPTH) {
      diagnostics.push(diagnostic('SR2100', { limit: MAX_EXTENDS_DEPTH }, { span: ref.span }));
      break;
    }
    if (seen) {
      const cycle = [
        ...chain.map((m) => m.ast?.header.name.value ?? m.source.path),
        seen?.ast?.header.name.value ?? path,
      ].join(' → ');
      diagnostics.push(diagnostic('SR2015', { cycle }, { span: ref.span }));
      break;
    }
    const read = host.readFile(path);
    reads.set(path, 'error' in read ? undefined : read.text);
    if ('error' in read) {
      diagnostics.push(
        diagnostic(
          'SR2009',
          { path: ref.value, reason: read.error, ...(read.errorEn ? { 'reason@en': read.errorEn } : {}) },
          { span: ref.span },
        ),
      );
      break;
    }
    const base = parse(path, read.text);
    if (!base.tokens[0]?.tokenType.CATEGORIES?.includes(Kw.Regeling)) {
      // Not a ruleset (a text file, a binary): its lines are never shown in diagnostics.
      diagnostics.push(diagnostic('SR2101', { path: ref.value }, { span: ref.span }));
      break;
    }
    diagnostics.push(...base.diagnostics);
    chain.push(base);
    current = base;
  }
  return { chain, diagnostics, reads };
}

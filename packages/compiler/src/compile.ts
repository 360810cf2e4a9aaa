// The compiler's entry: source text → AST → merged with bases → checked model → IR, with every
// diagnostic along the way. A stage never throws on user input (STYLE 9).
import {
  diagnostic,
  hasErrors,
  irDepthProblems,
  MAX_FORMULA_DEPTH,
  sortDiagnostics,
  type Diagnostic,
  type IrDocument,
  type IrSpan,
  type SourceFile,
} from '@sroi/core';
import type { Ruleset } from './ast/ast.js';
import type { CheckedModel } from './checked/model.js';
import { checkRuleset, type CheckReuse } from './check/index.js';
import { irFromChecked } from './ir/from-checked.js';
import { loadChain, parseModule, type ParsedModule, type SourceHost } from './resolve/load.js';
import { checkFormulaDepth } from './check/depth.js';
import { mergeChain } from './resolve/merge.js';

export interface CompileResult {
  /** The root file, parsed (also when it has errors, for formatting and editors). */
  readonly module: ParsedModule;
  readonly ast?: Ruleset;
  readonly model?: CheckedModel;
  /** Present only when there are no errors (warnings allowed). */
  readonly ir?: IrDocument;
  readonly sources: ReadonlyMap<string, SourceFile>;
  /**
   * Every file this compilation read, the root included, with the text it read (undefined: the
   * host could not read it). The same texts give the same result: an editor's cache compares these.
   */
  readonly reads: ReadonlyMap<string, string | undefined>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Compiles a ruleset given as text; `host` reads the bases it extends. */
export function compileSource(path: string, text: string, host?: SourceHost): CompileResult {
  return compileModule(parseModule(path, text), host);
}

/** What an editor session reuses from earlier compilations (see `CompilerSession`). */
export interface CompileReuse {
  /** Parses a base ruleset, or gives the earlier parse of the same text. */
  readonly parseBase?: (path: string, text: string) => ParsedModule;
  readonly check?: CheckReuse;
}

/** Compiles a parsed root file: loads its bases, merges, checks and lowers. */
export function compileModule(
  module: ParsedModule,
  host?: SourceHost,
  reuse: CompileReuse = {},
): CompileResult {
  const path = module.source.path;
  const sources = new Map<string, SourceFile>([[path, module.source]]);
  const reads = new Map<string, string | undefined>([[path, module.source.text]]);
  if (!module.ast) return { module, sources, reads, diagnostics: sortDiagnostics(module.diagnostics) };
  const loaded = loadChain(module, host, reuse.parseBase);
  for (const m of loaded.chain) sources.set(m.source.path, m.source);
  for (const [file, text] of loaded.reads) reads.set(file, text);
  const asts = loaded.chain.map((m) => m.ast).filter((a): a is Ruleset => a !== undefined);
  const syntax = [...module.diagnostics, ...loaded.diagnostics];
  if (asts.length !== loaded.chain.length)
    return { module, ast: module.ast, sources, reads, diagnostics: sortDiagnostics(syntax) };
  const merged = mergeChain(asts);
  // Too deep a formula is reported alone: the checks and the lowering walk formulas recursively.
  const deep = checkFormulaDepth(merged.declarations);
  if (deep.length > 0)
    return { module, ast: module.ast, sources, reads, diagnostics: sortDiagnostics([...syntax, ...deep]) };
  const damaged = syntax.filter((d) => d.code.startsWith('SR1') && d.span).map((d) => d.span!);
  const checked = checkRuleset(merged, sources, damaged, reuse.check);
  const diagnostics = sortDiagnostics([...syntax, ...checked.diagnostics]);
  const lowered = hasErrors(diagnostics) ? undefined : irFromChecked(checked.model, checked.examples);
  // The evaluator measures the IR (SR6601); lowering may add levels, so the IR is measured here
  // too, with the same function, and a deeper formula is reported at its rule.
  const deeper = lowered ? irDepthProblems(lowered) : [];
  for (const p of deeper) {
    const at = irRuleAt(lowered!, p.path);
    diagnostics.push(
      diagnostic(
        'SR2351',
        { depth: p.depth, limit: MAX_FORMULA_DEPTH },
        at ? { span: { file: lowered!.files[at.file] ?? path, start: at.start, end: at.end } } : {},
      ),
    );
  }
  const ir = deeper.length > 0 ? undefined : lowered;
  const all = deeper.length > 0 ? sortDiagnostics(diagnostics) : diagnostics;
  return {
    module,
    ast: module.ast,
    model: checked.model,
    ...(ir ? { ir } : {}),
    sources,
    reads,
    diagnostics: all,
  };
}

/** The place of the rule an IR path (`outcomes[6]`, `valuations[2].within`) starts in. */
function irRuleAt(ir: IrDocument, path: string): IrSpan | undefined {
  const m = /^(definitions|valuations|routes|outcomes|properties)\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const i = Number(m[2]);
  switch (m[1]) {
    case 'definitions':
      return ir.definitions[i]?.at;
    case 'valuations':
      return ir.valuations[i]?.at;
    case 'routes':
      return ir.routes[i]?.cap?.at;
    case 'outcomes':
      return ir.outcomes[i]?.at;
    default:
      return ir.properties[i]?.at;
  }
}

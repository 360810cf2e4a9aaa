// What the page sees of a compilation: diagnostics placed as Monaco counts, the outline, the form's
// shape. Light on purpose (no compiler at run time): the first state of a shipped ruleset is built
// from its precompiled IR before the compiler has loaded.
import type { Ast, CompileResult } from '@sroi/compiler';
import {
  activityKinds,
  contractFields,
  renderHint,
  renderMessage,
  type Diagnostic,
  type IrDocument,
  type Language,
  type SourceFile,
} from '@sroi/core';
import type { Plan } from '@sroi/evaluator';
import type { EngineState, FormShape, OutlineItem, ShownResult, ViewDiagnostic } from '../protocol.js';

/** A diagnostic in a language, placed as Monaco counts (1-based lines and columns). */
export function viewDiagnostic(
  d: Diagnostic,
  lang: Language,
  sources: ReadonlyMap<string, SourceFile>,
): ViewDiagnostic {
  const hint = renderHint(d, lang);
  const base = {
    code: d.code,
    severity: d.severity,
    message: renderMessage(d.code, d.args, lang),
    ...(hint ? { hint } : {}),
    ...(d.path !== undefined ? { path: d.path } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  };
  const source = d.span && sources.get(d.span.file);
  if (!d.span || !source) return base;
  const from = source.position(d.span.start);
  const to = source.position(Math.max(d.span.end, d.span.start));
  return {
    ...base,
    file: d.span.file,
    start: d.span.start,
    end: d.span.end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
}

const declarationName = (d: Ast.Declaration): string => {
  switch (d.kind) {
    case 'valuation':
      return d.activityKind.name;
    case 'example':
    case 'property':
      return d.title.value;
    default:
      return d.name.name;
  }
};

/** The declarations of the edited file, in order, for the outline panel. */
export function outlineOf(compiled: CompileResult): OutlineItem[] {
  const ast = compiled.module.ast;
  if (!ast) return [];
  return ast.declarations.map((d) => {
    const p = compiled.module.source.position(d.span.start);
    return { kind: d.kind, name: declarationName(d), line: p.line, column: p.column };
  });
}

export function shapeOf(ir: IrDocument): FormShape {
  const kinds = ir.routes.flatMap((r) => r.kinds.map((kind) => ({ kind, route: r.name, label: r.label })));
  return {
    kinds,
    enumerations: Object.fromEntries(ir.enumerations.map((e) => [e.name, e.values])),
    periods: ir.periods.map((p) => ({ name: p.name, from: p.from, to: p.to })),
    referenceDate: ir.referenceDate,
    contractFields,
    activityFields: Object.fromEntries(kinds.map((k) => [k.kind, activityKinds[k.kind] ?? {}])),
  };
}

/** What a state is made of, however the ruleset was compiled (now, or when the site was built). */
export interface StateParts {
  readonly version: number;
  /** `performance.now()` when the work for this state began. */
  readonly started: number;
  readonly lang: Language;
  readonly diagnostics: readonly Diagnostic[];
  /** The files the diagnostics' spans are in. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** The plan of the ruleset as it is now; none while it has errors. */
  readonly plan: Plan | undefined;
  readonly contract: unknown;
  readonly shape: FormShape | undefined;
  readonly outline: readonly OutlineItem[];
  readonly rulesetName: string | undefined;
}

/** The page's state: markers, the contract evaluated with its explanation, the form, the outline. */
export function stateOf(p: StateParts): EngineState {
  let result: ShownResult | undefined;
  let contractDiagnostics: ViewDiagnostic[] = [];
  if (p.plan && p.contract !== undefined) {
    // The reference evaluator: one explained contract per change, no code generation needed.
    const evaluated = p.plan.evaluate(p.contract, { explain: true, lang: p.lang, engine: 'reference' });
    if (evaluated.value) {
      // Left out unread, so its IR hash is never computed (audit.ts, berekendOf).
      const { berekend: _audit, ...shown } = evaluated.value;
      result = shown;
    }
    contractDiagnostics = evaluated.diagnostics.map((d) => viewDiagnostic(d, p.lang, p.sources));
  }
  return {
    kind: 'state',
    version: p.version,
    diagnostics: p.diagnostics.map((d) => viewDiagnostic(d, p.lang, p.sources)),
    ...(result ? { result } : {}),
    contractDiagnostics,
    ...(p.shape ? { shape: p.shape } : {}),
    outline: p.outline,
    ...(p.rulesetName !== undefined ? { rulesetName: p.rulesetName } : {}),
    millis: performance.now() - p.started,
  };
}

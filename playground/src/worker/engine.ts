// The engine behind the page: the incremental compiler, the evaluator with explanations, the
// voorbeelden, and the reviews (compare, diff), answering from the latest checked ruleset.
import type { Ast, CompileResult, SourceHost } from '@sroi/compiler';
import { LanguageService } from '@sroi/language-service';
import {
  activityKinds,
  contractFields,
  renderHint,
  renderMessage,
  type SourceFile,
  type Diagnostic,
  type IrDocument,
  type Language,
} from '@sroi/core';
import { Plan, runExamples, type EvaluationResult } from '@sroi/evaluator';
import type { EngineState, ExampleView, FormShape, OutlineItem, ViewDiagnostic } from '../protocol.js';

/** Reads shipped files by path; `breidt uit "x.sroi"` is relative to the file that says it. */
export function bundleHost(files: Readonly<Record<string, string>>): SourceHost {
  return {
    readFile: (path) => {
      const text = Object.hasOwn(files, path) ? files[path] : undefined;
      return text === undefined ? { error: `niet gevonden: ${path}` } : { text };
    },
    resolve: (from, relative) => {
      const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
      const parts: string[] = [];
      for (const p of (dir + relative).split('/')) {
        if (p === '..') parts.pop();
        else if (p !== '.' && p !== '') parts.push(p);
      }
      return parts.join('/');
    },
  };
}

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

/** The engine's state between messages. */
export class Engine {
  /** The language service holds the documents and compiles them (its `CompilerSession`s). */
  service: LanguageService | undefined;
  private openPath: string | undefined;
  private host: SourceHost = bundleHost({});
  private files: Readonly<Record<string, string>> = {};
  private text = '';
  private contract: unknown = undefined;
  lang: Language = 'nl';

  setLang(lang: Language): void {
    this.lang = lang;
    if (this.service) this.service.language = lang;
  }
  /** The last ruleset that compiled: the form, compare and properties keep working while typing. */
  private plan: Plan | undefined;
  private lastShape: FormShape | undefined;
  compiled: CompileResult | undefined;
  private dirty = true;

  open(path: string, text: string, files: Readonly<Record<string, string>>): void {
    this.files = files;
    this.host = bundleHost(files);
    this.service = new LanguageService({ documents: files, language: this.lang });
    this.service.setDocument(path, text);
    this.openPath = path;
    this.text = text;
    this.plan = undefined;
    this.lastShape = undefined;
    this.dirty = true;
  }

  edit(text: string): void {
    if (text !== this.text) {
      this.dirty = true;
      this.service?.setDocument(this.openPath!, text);
    }
    this.text = text;
  }

  setContract(contract: unknown): void {
    this.contract = contract;
  }

  get path(): string | undefined {
    return this.openPath;
  }

  get sourceHost(): SourceHost {
    return this.host;
  }

  get shippedFiles(): Readonly<Record<string, string>> {
    return this.files;
  }

  get currentPlan(): Plan | undefined {
    return this.plan;
  }

  /** Compiles the latest text when it changed (the service's requests read `compiled`). */
  refresh(): void {
    if (!this.service || !this.openPath) return;
    if (this.dirty || !this.compiled) {
      this.compiled = this.service.compile(this.openPath)!;
      this.dirty = false;
      const ir = this.compiled.ir;
      if (ir) {
        const plan = Plan.fromCompilerIr(ir);
        if (plan.value) {
          this.plan = plan.value;
          this.lastShape = shapeOf(ir);
        }
      }
    }
  }

  /**
   * The voorbeelden of the ruleset as it is now (none while it has errors). Sent after the state,
   * so markers and the result do not wait for them.
   */
  examples(): ExampleView[] | undefined {
    const compiled = this.compiled;
    if (!compiled?.ir || !this.plan) return undefined;
    return runExamples(this.plan).map((o) => ({
      title: o.title,
      passed: o.passed,
      problems: o.diagnostics.map((d) => viewDiagnostic(d, this.lang, compiled.sources)),
    }));
  }

  /** Compiles (when the text changed) and evaluates the contract. */
  state(version: number): EngineState {
    const started = performance.now();
    this.refresh();
    const compiled = this.compiled;
    if (!compiled) throw new Error('engine: state before open');
    const sources = compiled.sources;
    const diagnostics = compiled.diagnostics.map((d) => viewDiagnostic(d, this.lang, sources));
    // Evaluate only with the ruleset as it is now: a stale plan would show amounts the text no longer says.
    const current = compiled.ir ? this.plan : undefined;
    let result: EvaluationResult | undefined;
    let contractDiagnostics: ViewDiagnostic[] = [];
    if (current) {
      if (this.contract !== undefined) {
        // The reference evaluator: one explained contract per change, no code generation needed.
        const evaluated = current.evaluate(this.contract, {
          explain: true,
          lang: this.lang,
          engine: 'reference',
        });
        result = evaluated.value;
        contractDiagnostics = evaluated.diagnostics.map((d) => viewDiagnostic(d, this.lang, sources));
      }
    }
    return {
      kind: 'state',
      version,
      diagnostics,
      ...(result ? { result } : {}),
      contractDiagnostics,
      ...(this.lastShape ? { shape: this.lastShape } : {}),
      outline: outlineOf(compiled),
      ...(compiled.model ? { rulesetName: compiled.model.merged.header.name.value } : {}),
      millis: performance.now() - started,
    };
  }
}

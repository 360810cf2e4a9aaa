// The engine behind the page: the incremental compiler, the evaluator with explanations, the
// voorbeelden, and the reviews (compare, diff), answering from the latest checked ruleset.
import type { CompileResult, SourceHost } from '@sroi/compiler';
import { LanguageService } from '@sroi/language-service';
import type { Language } from '@sroi/core';
import { Plan, runExample } from '@sroi/evaluator';
import type { EngineState, ExampleView, FormShape, TextChange } from '../protocol.js';
import { outlineOf, shapeOf, stateOf, viewDiagnostic } from './views.js';

/** Reads shipped files by path; `breidt uit "x.sroi"` is relative to the file that says it. */
export function bundleHost(files: Readonly<Record<string, string>>): SourceHost {
  return {
    readFile: (path) => {
      const text = Object.hasOwn(files, path) ? files[path] : undefined;
      return text === undefined
        ? { error: `niet gevonden: ${path}`, errorEn: `not found: ${path}` }
        : { text };
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
  /** `fastPlan`'s last plan. */
  private fast: Plan | undefined;
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

  /**
   * Applies an edit's changes (offsets into the text before it, not overlapping, in any order).
   * False, and nothing changed, when they do not fit the text or do not give a text of `length`
   * characters: then the worker's text is not the editor's, and the page is asked for all of it.
   */
  change(changes: readonly TextChange[], length: number): boolean {
    let next = this.text;
    let bound = Infinity;
    for (const c of [...changes].sort((a, b) => b.start - a.start)) {
      if (!(c.start >= 0 && c.start <= c.end && c.end <= Math.min(next.length, bound))) return false;
      next = next.slice(0, c.start) + c.text + next.slice(c.end);
      bound = c.start;
    }
    if (next.length !== length) return false;
    this.edit(next);
    return true;
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

  /** Compiles the latest text when it changed (the service's requests read `compiled`). */
  refresh(): void {
    if (!this.service || !this.openPath) return;
    if (this.dirty || !this.compiled) {
      this.compiled = this.service.compile(this.openPath)!;
      this.dirty = false;
      const ir = this.compiled.ir;
      if (ir) {
        // The reference evaluator: a keystroke's plan evaluates one explained contract and the
        // voorbeelden, too few to repay generating and warming up code for each new text.
        const plan = Plan.fromCompilerIr(ir, { engine: 'reference' });
        if (plan.value) {
          this.plan = plan.value;
          this.lastShape = shapeOf(ir);
        }
      }
    }
  }

  /** How many voorbeelden the ruleset as it is now has (none while it has errors). */
  get exampleCount(): number | undefined {
    return this.compiled?.ir && this.plan ? this.plan.ir.examples.length : undefined;
  }

  /**
   * Voorbeeld number `index` of the ruleset as it is now, run. One at a time and after the state,
   * so that markers and the result never wait for them (loop.ts).
   */
  example(index: number): ExampleView {
    const o = runExample(this.plan!, index);
    return {
      title: o.title,
      passed: o.passed,
      problems: o.diagnostics.map((d) => viewDiagnostic(d, this.lang, this.compiled!.sources)),
    };
  }

  /** A plan of the ruleset as it is now that runs generated code: for many contracts at once. */
  fastPlan(): Plan | undefined {
    const ir = this.compiled?.ir;
    if (!ir || !this.plan) return undefined;
    if (this.fast?.ir !== ir) this.fast = Plan.fromCompilerIr(ir).value;
    return this.fast;
  }

  /** Compiles (when the text changed) and evaluates the contract. */
  state(version: number): EngineState {
    const started = performance.now();
    this.refresh();
    const compiled = this.compiled;
    if (!compiled) throw new Error('engine: state before open');
    return stateOf({
      version,
      started,
      lang: this.lang,
      diagnostics: compiled.diagnostics,
      sources: compiled.sources,
      // Evaluate only with the ruleset as it is now: a stale plan would show amounts the text no longer says.
      plan: compiled.ir ? this.plan : undefined,
      contract: this.contract,
      shape: this.lastShape,
      outline: outlineOf(compiled),
      rulesetName: compiled.model?.merged.header.name.value,
    });
  }
}

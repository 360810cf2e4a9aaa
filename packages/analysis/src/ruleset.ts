// The rulesets a review looks at: each one's IR and plan, with the places of its header items and
// of the base declarations its own file replaces (a variant's own statements), loaded once.
import { compileSource, declarationKey, type CompileResult, type SourceHost } from '@sroi/compiler';
import type { Diagnostic, IrDocument, IrSpan, Result, SourceFile, Span } from '@sroi/core';
import { Plan } from '@sroi/evaluator';

/** A place in a ruleset file, as a reviewer reads it: file:line:column. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The header items a review compares. */
export type HeaderItem = 'naam' | 'versie' | 'regio' | 'gemeente' | 'bron' | 'basis' | 'peildatum';

/** One ruleset under review. */
export interface ReviewedRuleset {
  /** How the reviewer named it (the path as given). */
  readonly label: string;
  readonly ir: IrDocument;
  readonly plan: Plan;
  /** Display names of `ir.files`, index for index. */
  readonly files: readonly string[];
  /** Where each header item is written (absent for a ruleset given as IR). */
  readonly headerPlaces: Readonly<Partial<Record<HeaderItem, Place>>>;
  /** Declaration identity → the base declaration this ruleset's own file replaces. */
  readonly overrides: ReadonlyMap<string, Place>;
}

export interface ReviewOptions {
  /** How to show a file path (the CLI shows paths relative to the working directory). */
  readonly displayFile?: (path: string) => string;
}

/** The place of an IR span in a reviewed ruleset. */
export const placeOf = (r: ReviewedRuleset, at: IrSpan | undefined): Place | undefined =>
  at ? { file: r.files[at.file] ?? '?', line: at.line, column: at.column } : undefined;

/** `file:line:col`. */
export const showPlace = (p: Place): string => `${p.file}:${p.line}:${p.column}`;

const spanPlace = (
  span: Span | undefined,
  sources: ReadonlyMap<string, SourceFile>,
  display: (path: string) => string,
): Place | undefined => {
  if (!span) return undefined;
  const pos = sources.get(span.file)?.position(span.start);
  return pos ? { file: display(span.file), line: pos.line, column: pos.column } : undefined;
};

/** A compiled ruleset under review; undefined (with the diagnostics) when it has errors. */
export function reviewCompiled(
  label: string,
  compiled: CompileResult,
  options: ReviewOptions = {},
): Result<ReviewedRuleset | undefined> {
  if (!compiled.ir || !compiled.model) return { value: undefined, diagnostics: compiled.diagnostics };
  const plan = Plan.fromCompilerIr(compiled.ir);
  if (!plan.value) return { value: undefined, diagnostics: [...compiled.diagnostics, ...plan.diagnostics] };
  const display = options.displayFile ?? ((p: string) => p);
  const { merged } = compiled.model;
  const at = (span: Span | undefined) => spanPlace(span, compiled.sources, display);
  const h = merged.header;
  const headerPlaces: Partial<Record<HeaderItem, Place>> = {};
  const put = (item: HeaderItem, place: Place | undefined) => {
    if (place) headerPlaces[item] = place;
  };
  put('naam', at(h.name.span));
  put('versie', at(h.version?.span));
  put('regio', at(h.region?.span));
  put('gemeente', at(h.municipality?.span));
  put('bron', at(h.provenance[0]?.span));
  put('basis', at(merged.root.header.extends?.span));
  put('peildatum', at(h.referenceDate?.span));
  const overrides = new Map<string, Place>();
  for (const { base, by } of merged.overrides) {
    const key = declarationKey(by);
    const place = at(base.span);
    if (key && place) overrides.set(key, place);
  }
  return {
    value: {
      label,
      ir: compiled.ir,
      plan: plan.value,
      files: compiled.ir.files.map(display),
      headerPlaces,
      overrides,
    },
    diagnostics: compiled.diagnostics,
  };
}

/** Compiles a ruleset's text for review; `host` reads the bases it extends. */
export function reviewSource(
  path: string,
  text: string,
  host: SourceHost | undefined,
  options: ReviewOptions = {},
): Result<ReviewedRuleset | undefined> & { readonly sources: ReadonlyMap<string, SourceFile> } {
  const compiled = compileSource(path, text, host);
  const label = options.displayFile?.(path) ?? path;
  return { ...reviewCompiled(label, compiled, options), sources: compiled.sources };
}

/** A ruleset given as IR (`sroi export --ir`): no header places, no knowledge of overrides. */
export function reviewIr(
  label: string,
  json: unknown,
  options: ReviewOptions = {},
): Result<ReviewedRuleset | undefined> {
  const plan = Plan.fromIr(json);
  if (!plan.value) return { value: undefined, diagnostics: plan.diagnostics as Diagnostic[] };
  const display = options.displayFile ?? ((p: string) => p);
  return {
    value: {
      label,
      ir: plan.value.ir,
      plan: plan.value,
      files: plan.value.ir.files.map(display),
      headerPlaces: {},
      overrides: new Map(),
    },
    diagnostics: [],
  };
}

// The checker: from a merged ruleset to the checked model. Runs every static check and
// collects their diagnostics; each check lives in its own module beside this one.
import {
  activityKinds,
  contractFields,
  diagnostic,
  kindsWithMonths,
  type Diagnostic,
  type FieldSpec,
  type SourceFile,
  type Span,
} from '@sroi/core';
import type * as A from '../ast/ast.js';
import type { CheckedModel, MonotoneProperty } from '../checked/model.js';
import type { MergedRuleset } from '../resolve/merge.js';
import { checkCitations } from './citations.js';
import { isLiteral } from './constants.js';
import { analyseDependencies } from './dependencies.js';
import { checkExample, type ExampleCase } from './examples.js';
import { ExpressionChecker, monotoneNames, type FormulaScope } from './expressions.js';
import { SymbolTable } from './names.js';
import { checkPeriods, checkVersions } from './periods.js';
import { PrecisionChecker } from './precision.js';
import { checkNamedValues } from './literals.js';
import { checkProvenance } from './provenance.js';
import { checkStructure } from './structure.js';
import { checkParameterRange } from './ranges.js';
import { TableChecker } from './tables.js';
import { optional, T, type Type } from './types.js';

export interface CheckResult {
  readonly model: CheckedModel;
  readonly examples: ReadonlyMap<A.ExampleDeclaration, ExampleCase>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The check of one example: its diagnostics and the example lowered for the IR. */
export interface ExampleCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly lowered: ExampleCase;
}

/**
 * Checks an earlier compilation already did, offered again by an editor session. An example's
 * check depends only on the example and on `environment` (the enumerations and the outcomes with
 * their types), so the session may return an earlier check of the same example under the same
 * environment.
 */
export interface CheckReuse {
  example(e: A.ExampleDeclaration, environment: string): ExampleCheck | undefined;
  remember(e: A.ExampleDeclaration, environment: string, check: ExampleCheck): void;
}

/** A short excerpt of source for messages: whitespace collapsed, at most 40 characters. */
export function excerpter(sources: ReadonlyMap<string, SourceFile>) {
  return (node: A.Node): string => {
    const text = sources.get(node.span.file)?.text.slice(node.span.start, node.span.end) ?? '';
    const flat = text.replace(/\s+/g, ' ').trim();
    return `'${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}'`;
  };
}

/**
 * Checks a merged ruleset. `damaged` are the spans of syntax errors: declarations that contain
 * one are checked for what they say, but not reported as unused, unsourced or incomplete — those
 * would be echoes of the syntax error.
 */
export function checkRuleset(
  merged: MergedRuleset,
  sources: ReadonlyMap<string, SourceFile>,
  damaged: readonly Span[] = [],
  reuse?: CheckReuse,
): CheckResult {
  const symbols = new SymbolTable(merged.declarations);
  const excerpt = excerpter(sources);
  const checker = new ExpressionChecker(symbols, excerpt);
  const diagnostics: Diagnostic[] = [...merged.diagnostics];

  const structure = checkStructure(merged, symbols, checker);
  diagnostics.push(...structure.diagnostics);
  diagnostics.push(...checkPeriods(merged.header.periods, merged.header.name.span));

  const contractScope = (owner: string): FormulaScope => ({ owner });
  for (const p of symbols.parameters.values()) {
    const type = checker.declaredType(p);
    const scope: FormulaScope = { owner: `parameter ${p.name.name}`, constant: true };
    for (const v of p.versions) {
      if (!isLiteral(v.value)) {
        checker.report('SR3020', { name: excerpt(v.value), context: scope.owner }, v.value.span);
        continue;
      }
      checker.expect(v.value, scope, type);
      // A bare name in a parameter can only be an enumeration value, never another parameter.
      const named = v.value.kind === 'path' ? checker.names.get(v.value) : undefined;
      if (named && named.kind !== 'enum-value')
        checker.report('SR3020', { name: excerpt(v.value), context: scope.owner }, v.value.span);
    }
    checkParameterRange(p, type, checker);
    diagnostics.push(...checkVersions(p.name.name, p.versions, merged.header.periods));
  }
  // A syntax error inside a declaration, or right after it (only blanks between: the parser
  // noticed the declaration was unfinished when it met the next one), damages it.
  const isDamaged = (d: A.Node) =>
    damaged.some(
      (s) =>
        s.file === d.span.file &&
        s.end >= d.span.start &&
        (s.start < d.span.end || /^\s*$/.test(sources.get(s.file)?.text.slice(d.span.end, s.start) ?? 'x')),
    );
  const tables = new TableChecker(
    checker,
    (name) => symbols.enumerations.get(name)?.values.map((v) => v.name),
    'nl',
    isDamaged,
  );
  for (const t of symbols.tables.values()) {
    tables.check(t);
    diagnostics.push(...checkVersions(t.name.name, t.versions, merged.header.periods));
  }
  for (const d of symbols.definitions.values()) {
    const scope: FormulaScope = d.scope
      ? { owner: `definitie ${d.name.name}`, activityKind: d.scope.name }
      : contractScope(`definitie ${d.name.name}`);
    checker.expect(d.value, scope, checker.declaredType(d));
  }
  for (const v of symbols.valuations.values()) {
    const scope: FormulaScope = {
      owner: `waardering ${v.activityKind.name}`,
      activityKind: v.activityKind.name,
    };
    checker.expect(v.value, scope, T.bedrag);
    for (const r of v.requirements) {
      checker.expectCondition(r.condition, scope);
      checker.template(r.message, scope);
    }
    if (v.within) {
      // `binnen`: the contract's duration in months, unknown when the contract does not say.
      checker.expect(v.within.duration, scope, optional(T.maanden));
      if (Object.hasOwn(activityKinds, v.activityKind.name) && !kindsWithMonths.includes(v.activityKind.name))
        diagnostics.push(
          diagnostic(
            'SR2350',
            { kind: `'${v.activityKind.name}'`, kinds: kindsWithMonths.join(', ') },
            { span: v.within.span },
          ),
        );
    }
  }
  for (const r of symbols.routes)
    if (r.cap) checker.expect(r.cap.value, contractScope(`maximum van route ${r.name.name}`), T.bedrag);
  for (const o of symbols.outcomes.values())
    checker.expect(o.value, contractScope(`uitkomst ${o.name.name}`), checker.declaredType(o));
  const monotone = new Map<A.PropertyDeclaration, MonotoneProperty>();
  for (const p of symbols.properties) {
    const m = monotoneProperty(p, symbols, checker);
    if (m === 'not-monotone')
      checker.expectCondition(p.value, contractScope(`eigenschap "${p.title.value}"`));
    else if (m) monotone.set(p, m);
  }

  const examples = new Map<A.ExampleDeclaration, ExampleCase>();
  const environment = reuse ? exampleEnvironment(symbols, checker) : '';
  for (const e of symbols.examples) {
    let r = reuse?.example(e, environment);
    if (!r) {
      r = checkExample(e, symbols, checker);
      reuse?.remember(e, environment, r);
    }
    diagnostics.push(...r.diagnostics);
    examples.set(e, r.lowered);
  }

  diagnostics.push(...checker.diagnostics, ...tables.diagnostics);

  const precision = new PrecisionChecker(checker.names, checker.calls, checker.types);
  for (const v of symbols.valuations.values())
    precision.require(v.value, `Waardering ${v.activityKind.name}`, diagnostics);
  for (const o of symbols.outcomes.values()) {
    const t: Type | undefined = checker.declaredTypes.get(o);
    if (t?.kind === 'bedrag') precision.require(o.value, `Uitkomst ${o.name.name}`, diagnostics);
  }
  for (const r of symbols.routes)
    if (r.cap) precision.require(r.cap.value, `Het maximum van route ${r.name.name}`, diagnostics);

  diagnostics.push(
    ...checkProvenance(
      merged.declarations.filter((d) => !isDamaged(d)),
      merged.root.file,
    ),
  );
  diagnostics.push(
    ...checkNamedValues(
      merged.declarations.filter((d) => !isDamaged(d)),
      merged.root.file,
      excerpt,
    ),
  );

  const citations = checkCitations(merged);
  diagnostics.push(...citations.diagnostics);

  const deps = analyseDependencies(symbols, checker.names, checker.calls, merged.root.file, isDamaged);
  diagnostics.push(...deps.diagnostics);

  const model: CheckedModel = {
    merged,
    sources,
    referenceDateField: structure.referenceDateField,
    periods: merged.header.periods,
    enumerations: symbols.enumerations,
    parameters: symbols.parameters,
    tables: symbols.tables,
    definitions: symbols.definitions,
    valuations: symbols.valuations,
    routes: symbols.routes,
    outcomes: symbols.outcomes,
    examples: symbols.examples,
    properties: symbols.properties,
    declaredTypes: checker.declaredTypes,
    types: checker.types,
    names: checker.names,
    calls: checker.calls,
    definitionOrder: deps.definitionOrder,
    outcomeOrder: deps.outcomeOrder,
    monotone,
    documents: citations.documents,
    citations: citations.citations,
  };
  return { model, examples, diagnostics };
}

/** All that `checkExample` reads besides the example: enumeration values, outcomes and their types. */
function exampleEnvironment(symbols: SymbolTable, checker: ExpressionChecker): string {
  return JSON.stringify([
    [...symbols.enumerations].map(([name, e]) => [name, e.values.map((v) => v.name)]),
    [...symbols.outcomes].map(([name, o]) => [name, checker.declaredType(o)]),
  ]);
}

/**
 * `stijgend(doel, veld)` / `dalend(doel, veld)`: checks the target (an outcome, or `waardering`
 * of the varied activity) and the field (`contract.waarde`, `plaatsing.maanden`: a number).
 * Returns 'not-monotone' for an ordinary condition, undefined after reporting an error.
 */
function monotoneProperty(
  p: A.PropertyDeclaration,
  symbols: SymbolTable,
  checker: ExpressionChecker,
): MonotoneProperty | 'not-monotone' | undefined {
  const e = p.value;
  if (e.kind !== 'call' || !Object.hasOwn(monotoneNames, e.callee.name)) return 'not-monotone';
  const name = e.callee.name;
  const fail = () => {
    checker.report('SR3022', { name }, e.span);
    return undefined;
  };
  const [target, field] = e.args;
  if (e.args.length !== 2 || target?.kind !== 'path' || field?.kind !== 'path' || target.fields.length > 0)
    return fail();
  const outcome = symbols.outcomes.get(target.root.name);
  const targetSpec =
    target.root.name === 'waardering'
      ? ({ valuation: true } as const)
      : outcome
        ? { outcome: outcome.name.name }
        : undefined;
  if (!targetSpec || field.fields.length !== 1) return fail();
  const fieldName = field.fields[0]!.name;
  const numeric = (spec: FieldSpec | undefined) =>
    spec !== undefined && ['number', 'duration', 'money', 'percentage'].includes(spec.type.kind);
  if (field.rootKeyword === 'contract') {
    if (
      'valuation' in targetSpec ||
      !Object.hasOwn(contractFields, fieldName) ||
      !numeric(contractFields[fieldName])
    )
      return fail();
    return {
      direction: monotoneNames[name]!,
      target: targetSpec,
      field: { scope: 'contract', name: fieldName },
    };
  }
  const kind = field.root.name;
  const fields = Object.hasOwn(activityKinds, kind) ? activityKinds[kind]! : undefined;
  if (!fields || !Object.hasOwn(fields, fieldName) || !numeric(fields[fieldName])) return fail();
  return {
    direction: monotoneNames[name]!,
    target: targetSpec,
    field: { scope: 'activity', kind, name: fieldName },
  };
}

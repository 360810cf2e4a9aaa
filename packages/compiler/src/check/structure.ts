// The shape every ruleset must have: the outcomes of the result format, the enumerations the
// contract vocabulary uses, a valuation per activity kind, and each kind in exactly one route.
import {
  activityKindNames,
  activityKinds,
  contractFields,
  dateFieldNames,
  diagnostic,
  enumerationNames,
  sharedEnumerationValues,
  type Diagnostic,
} from '@sroi/core';
import type { MergedRuleset } from '../resolve/merge.js';
import type { ExpressionChecker } from './expressions.js';
import { suggestFor, type SymbolTable } from './names.js';
import { assignable, isError, showType, T, type Type } from './types.js';

/** Outcomes the result format names, with the type each must have. */
export const requiredOutcomes: readonly { name: string; type: Type }[] = [
  { name: 'verplichting', type: T.bedrag },
  { name: 'gerealiseerd', type: T.bedrag },
  { name: 'restant', type: T.bedrag },
  { name: 'overschot', type: T.bedrag },
  { name: 'percentage', type: { kind: 'percentage', optional: true } },
  { name: 'boete', type: T.bedrag },
];

export function checkStructure(
  merged: MergedRuleset,
  symbols: SymbolTable,
  checker: ExpressionChecker,
): { diagnostics: Diagnostic[]; referenceDateField: string } {
  const out: Diagnostic[] = [];
  const header = merged.header;
  if (header.provenance.length === 0 && merged.bases.length === 0)
    out.push(diagnostic('SR2023', { name: `'${header.name.value}'` }, { span: header.name.span }));

  let referenceDateField = 'gunningsdatum';
  const ref = header.referenceDate;
  if (ref) {
    const field =
      ref.rootKeyword === 'contract'
        ? ref.fields[0]?.name
        : ref.fields.length === 0
          ? ref.root.name
          : undefined;
    if (!field || !dateFieldNames.includes(field) || contractFields[field]?.presence !== 'required') {
      const allowed = dateFieldNames.filter((f) => contractFields[f]?.presence === 'required');
      out.push(
        diagnostic(
          'SR2022',
          { name: `'${field ?? ref.root.name}'`, allowed: allowed.join(', ') },
          { span: ref.span },
          { suggestions: suggestFor(field ?? '', allowed) },
        ),
      );
    } else referenceDateField = field;
  }

  for (const { name, type } of requiredOutcomes) {
    const outcome = symbols.outcomes.get(name);
    if (!outcome) {
      out.push(diagnostic('SR2005', { name: `'${name}'` }, { span: header.name.span }));
      continue;
    }
    const declared = checker.declaredType(outcome);
    if (!isError(declared) && !assignable(type, declared) && !assignable(declared, type))
      out.push(
        diagnostic(
          'SR3011',
          { name: `'${name}'`, expected: showType(type), actual: showType(declared) },
          { span: outcome.type.span },
        ),
      );
    else if (!isError(declared) && declared.optional && !type.optional)
      out.push(
        diagnostic(
          'SR3011',
          { name: `'${name}'`, expected: showType(type), actual: showType(declared) },
          { span: outcome.type.span },
        ),
      );
  }

  // Enumerations the vocabulary's fields use must be declared (their values are the ruleset's choice).
  const usedBy = new Map<string, string>();
  for (const [field, spec] of Object.entries(contractFields))
    if (spec.type.kind === 'enum') usedBy.set(spec.type.enumeration, `contract.${field}`);
  for (const kind of activityKindNames)
    for (const [field, spec] of Object.entries(activityKinds[kind] ?? {}))
      if (spec.type.kind === 'enum' && !usedBy.has(spec.type.enumeration))
        usedBy.set(spec.type.enumeration, `${kind}.${field}`);
  for (const name of enumerationNames) {
    if (symbols.enumerations.has(name)) continue;
    out.push(
      diagnostic(
        'SR2010',
        { name, field: usedBy.get(name) ?? name, allowed: sharedEnumerationValues[name].join(', ') },
        { span: header.name.span },
      ),
    );
  }

  for (const [kind, v] of symbols.valuations)
    if (!activityKindNames.includes(kind))
      out.push(
        diagnostic(
          'SR2006',
          { name: `'${kind}'`, allowed: activityKindNames.join(', ') },
          { span: v.activityKind.span },
          { suggestions: suggestFor(kind, activityKindNames) },
        ),
      );
  for (const d of symbols.definitions.values())
    if (d.scope && !activityKindNames.includes(d.scope.name))
      out.push(
        diagnostic(
          'SR2006',
          { name: `'${d.scope.name}'`, allowed: activityKindNames.join(', ') },
          { span: d.scope.span },
          { suggestions: suggestFor(d.scope.name, activityKindNames) },
        ),
      );
  for (const kind of activityKindNames)
    if (!symbols.valuations.has(kind))
      out.push(diagnostic('SR2011', { name: kind }, { span: header.name.span }));

  const routeCount = new Map<string, number>();
  const seenRoutes = new Set<string>();
  for (const r of symbols.routes) {
    if (seenRoutes.has(r.name.name))
      out.push(diagnostic('SR2002', { kind: 'Route', name: `'${r.name.name}'` }, { span: r.name.span }));
    seenRoutes.add(r.name.name);
    for (const k of r.activityKinds) {
      if (!activityKindNames.includes(k.name)) {
        out.push(
          diagnostic(
            'SR2006',
            { name: `'${k.name}'`, allowed: activityKindNames.join(', ') },
            { span: k.span },
            { suggestions: suggestFor(k.name, activityKindNames) },
          ),
        );
        continue;
      }
      routeCount.set(k.name, (routeCount.get(k.name) ?? 0) + 1);
    }
  }
  for (const kind of activityKindNames) {
    const n = routeCount.get(kind) ?? 0;
    if (n !== 1) {
      const span =
        n > 1
          ? symbols.routes.flatMap((r) => r.activityKinds).filter((k) => k.name === kind)[1]!.span
          : header.name.span;
      out.push(diagnostic('SR2012', { name: kind, count: n }, { span }));
    }
  }
  return { diagnostics: out, referenceDateField };
}

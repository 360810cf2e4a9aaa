// Worked examples (`voorbeeld`): their contract must be a valid contract of the vocabulary with
// this ruleset's enumeration values, and their expectations must name real outcomes.
// Also turns an example into contract JSON and expected result text, the form the IR carries.
import {
  activityKinds,
  contractFields,
  diagnostic,
  formatIsoDate,
  moneyText,
  percentText,
  Rational,
  type Diagnostic,
  type FieldSpec,
} from '@sroi/core';
import type * as A from '../ast/ast.js';
import { activityFieldNames, contractFieldNames, suggestFor, type SymbolTable } from './names.js';
import type { ExpressionChecker } from './expressions.js';
import { isError, showType, type Type } from './types.js';

/** The JSON a contract field gets from an example value, or a reason it does not fit. */
function jsonValue(v: A.ExampleValue, spec: FieldSpec): { json: unknown } | { expected: string } {
  const t = spec.type;
  switch (t.kind) {
    case 'money':
      return v.kind === 'money' ? { json: moneyText(v.cents) } : { expected: 'een bedrag (€ ...)' };
    case 'number':
    case 'duration':
      return v.kind === 'number' && !v.percent ? { json: v.value.toNumber() } : { expected: 'een getal' };
    case 'percentage':
      return v.kind === 'number' ? { json: v.value.toNumber() } : { expected: 'een percentage (20%)' };
    case 'date':
      return v.kind === 'date' && !Number.isNaN(v.day)
        ? { json: formatIsoDate(v.day) }
        : { expected: 'een datum' };
    case 'text':
      return v.kind === 'text'
        ? { json: v.value }
        : v.kind === 'word'
          ? { json: v.value }
          : { expected: 'tekst' };
    case 'boolean':
      return v.kind === 'boolean' ? { json: v.value } : { expected: 'ja of nee' };
    case 'enum':
      return v.kind === 'word' ? { json: v.value } : { expected: `een waarde van ${t.enumeration}` };
  }
}

/** The result-format text of an expected outcome value of the given type. */
function expectedText(v: A.ExampleValue, type: Type): { text: string } | { expected: string } {
  if (v.kind === 'unknown') return type.optional ? { text: 'onbekend' } : { expected: showType(type) };
  switch (type.kind) {
    case 'bedrag':
      return v.kind === 'money' ? { text: moneyText(v.cents) } : { expected: 'een bedrag (€ ...)' };
    case 'percentage':
      return v.kind === 'number' && v.percent
        ? { text: percentText(v.value.div(Rational.of(100))) }
        : { expected: 'een percentage (12,5%)' };
    case 'getal':
    case 'duur':
      return v.kind === 'number' && !v.percent ? { text: v.value.toString() } : { expected: showType(type) };
    case 'janee':
      return v.kind === 'boolean' ? { text: v.value ? 'ja' : 'nee' } : { expected: 'ja of nee' };
    case 'datum':
      return v.kind === 'date' && !Number.isNaN(v.day)
        ? { text: formatIsoDate(v.day) }
        : { expected: 'een datum' };
    case 'tekst':
    case 'opsomming':
      return v.kind === 'word' || v.kind === 'text' ? { text: v.value } : { expected: showType(type) };
    default:
      return { expected: showType(type) };
  }
}

/** An example lowered to what the evaluator can run: contract JSON and expected texts. */
export interface ExampleCase {
  readonly contract: Record<string, unknown>;
  readonly outcomes: { name: string; value: string; node: A.Expectation }[];
  readonly valuations: { index: number; value: string; node: A.Expectation }[];
  readonly messages: { text: string; node: A.Expectation }[];
}

export function checkExample(
  example: A.ExampleDeclaration,
  symbols: SymbolTable,
  checker: ExpressionChecker,
): { diagnostics: Diagnostic[]; lowered: ExampleCase } {
  const out: Diagnostic[] = [];
  const fill = (
    values: readonly A.FieldValue[],
    fields: Readonly<Record<string, FieldSpec>>,
    record: string,
    allowed: string[],
    unknownCode: 'SR2017' | 'SR2007',
    target: Record<string, unknown>,
  ) => {
    for (const fv of values) {
      const name = fv.field.name;
      const spec = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!spec) {
        out.push(
          diagnostic(
            unknownCode,
            { record, name: `'${name}'`, allowed: allowed.join(', ') },
            { span: fv.field.span },
            { suggestions: suggestFor(name, allowed) },
          ),
        );
        continue;
      }
      const r = jsonValue(fv.value, spec);
      if ('expected' in r) {
        out.push(
          diagnostic('SR3002', { expected: r.expected, actual: fv.value.kind }, { span: fv.value.span }),
        );
        continue;
      }
      if (spec.type.kind === 'enum') {
        const e = symbols.enumerations.get(spec.type.enumeration);
        if (e && !e.values.some((v) => v.name === r.json)) {
          const values = e.values.map((v) => v.name);
          out.push(
            diagnostic(
              'SR2008',
              { value: `'${String(r.json)}'`, enum: spec.type.enumeration, allowed: values.join(', ') },
              { span: fv.value.span },
              {
                suggestions: suggestFor(String(r.json), values),
              },
            ),
          );
          continue;
        }
      }
      // `name` is a field of the vocabulary (checked above), never `__proto__`: plain assignment
      // is safe, and much faster than defineProperty.
      target[name] = r.json;
    }
    for (const [name, spec] of Object.entries(fields))
      if (
        spec.presence === 'required' &&
        !Object.hasOwn(target, name) &&
        !values.some((v) => v.field.name === name)
      )
        out.push(diagnostic('SR2020', { name: `'${name}'`, record }, { span: example.title.span }));
  };

  const contract: Record<string, unknown> = { id: example.title.value };
  fill(example.contract, contractFields, 'het contract', contractFieldNames(), 'SR2017', contract);
  const activities: Record<string, unknown>[] = [];
  for (const a of example.activities) {
    const kind = a.activityKind.name;
    const fields = Object.hasOwn(activityKinds, kind) ? activityKinds[kind] : undefined;
    if (!fields) {
      const kinds = Object.keys(activityKinds);
      out.push(
        diagnostic(
          'SR2006',
          { name: `'${kind}'`, allowed: kinds.join(', ') },
          { span: a.activityKind.span },
          { suggestions: suggestFor(kind, kinds) },
        ),
      );
      continue;
    }
    const activity: Record<string, unknown> = { soort: kind };
    fill(a.fields, fields, `activiteit ${kind}`, activityFieldNames(kind), 'SR2007', activity);
    activities.push(activity);
  }
  contract['activiteiten'] = activities;

  const lowered: ExampleCase = { contract, outcomes: [], valuations: [], messages: [] };
  for (const e of example.expectations) {
    if (e.kind === 'message') {
      lowered.messages.push({ text: e.text.value, node: e });
      continue;
    }
    if (e.kind === 'valuation') {
      if (!Number.isInteger(e.index) || e.index < 1 || e.index > example.activities.length) {
        out.push(
          diagnostic(
            'SR6104',
            { example: `'${example.title.value}'`, index: e.index },
            { span: e.indexSpan },
          ),
        );
        continue;
      }
      const r = expectedText(e.value, { kind: 'bedrag' });
      if ('expected' in r)
        out.push(
          diagnostic('SR3002', { expected: r.expected, actual: e.value.kind }, { span: e.value.span }),
        );
      else lowered.valuations.push({ index: e.index - 1, value: r.text, node: e });
      continue;
    }
    const outcome = symbols.outcomes.get(e.outcome.name);
    if (!outcome) {
      const names = [...symbols.outcomes.keys()];
      out.push(
        diagnostic(
          'SR2016',
          { name: `'${e.outcome.name}'`, allowed: names.join(', ') },
          { span: e.outcome.span },
          { suggestions: suggestFor(e.outcome.name, names) },
        ),
      );
      continue;
    }
    const type = checker.declaredType(outcome);
    if (isError(type)) continue;
    const r = expectedText(e.value, type);
    if ('expected' in r)
      out.push(diagnostic('SR3002', { expected: r.expected, actual: e.value.kind }, { span: e.value.span }));
    else lowered.outcomes.push({ name: e.outcome.name, value: r.text, node: e });
  }
  return { diagnostics: out, lowered };
}

// Checked model → IR: the single translation into the plain JSON the evaluator runs. Names become
// explicit references, literals exact rationals in normalised units, and every rule keeps its
// formula text, sources and position for explanations.
import {
  isWhiteSpace,
  IR_VERSION,
  type IrDocument,
  type IrExpr,
  type IrProvenance,
  type IrSpan,
  type IrTemplate,
  type IrValue,
  type Span,
} from '@sroi/core';
import type * as A from '../ast/ast.js';
import { definitionKey, type CheckedModel } from '../checked/model.js';
import { constantValue, type ConstantValue } from '../check/constants.js';
import type { ExampleCase } from '../check/examples.js';
import { irTypeOf, T } from '../check/types.js';

export const GENERATOR = 'sroi 0.1.0';

const value = (v: ConstantValue): IrValue => {
  if (v === null) return { unknown: true };
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'string') return { text: v };
  return { num: v.d === 1n ? `${v.n}` : `${v.n}/${v.d}` };
};

/**
 * `text[start, end)` as a formula is shown: white space collapsed to one space, none after `(` or
 * before `)`, none at the ends. One pass: the regular expressions that say the same
 * (`formulaText` is property-tested against them) were a twentieth of an editor's keystroke.
 */
export function formulaText(text: string, start = 0, end = text.length): string {
  let out = '';
  let from = start; // the start of the run of non-space text not yet copied
  let last = -1; // the last character written, -1 before any
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpace(c)) {
      last = c;
      i++;
      continue;
    }
    out += text.slice(from, i);
    while (i < end && isWhiteSpace(text.charCodeAt(i))) i++;
    from = i;
    if (i < end && last !== -1 && last !== 40 /* ( */ && text.charCodeAt(i) !== 41 /* ) */) out += ' ';
  }
  return out + text.slice(from, end);
}

class Lowering {
  private readonly files: string[] = [];

  constructor(private readonly model: CheckedModel) {}

  fileList(): string[] {
    return this.files;
  }

  span(s: Span): IrSpan {
    let file = this.files.indexOf(s.file);
    if (file < 0) file = this.files.push(s.file) - 1;
    const pos = this.model.sources.get(s.file)?.position(s.start) ?? { line: 1, column: 1 };
    return { file, start: s.start, end: s.end, line: pos.line, column: pos.column };
  }

  /** The source text of a node with whitespace collapsed: the formula "as written". */
  src(node: A.Node): string {
    const text = this.model.sources.get(node.span.file)?.text;
    return text === undefined ? '' : formulaText(text, node.span.start, node.span.end);
  }

  /** A table row as written, up to its closing `|` (its bron/aanname are kept apart). */
  rowSrc(row: A.TableRow): string {
    const text = this.model.sources.get(row.span.file)?.text ?? '';
    const last = row.cells.at(-1);
    const close = last ? text.indexOf('|', last.span.end) : -1;
    const end = close >= 0 && close < row.span.end ? close + 1 : row.span.end;
    return this.src({ span: { ...row.span, end } });
  }

  provenance(list: readonly A.Provenance[]): IrProvenance[] {
    return list.map((p) => ({ kind: p.kind, text: p.text, at: this.span(p.span) }));
  }

  expr(e: A.Expression): IrExpr {
    switch (e.kind) {
      case 'money':
      case 'number':
      case 'date':
      case 'text':
      case 'boolean':
      case 'unknown':
        return { k: 'const', v: value(constantValue(e) ?? null) };
      case 'error':
        throw new Error('Internal error: lowering a ruleset with syntax errors');
      case 'parenthesized':
        return this.expr(e.expression);
      case 'path':
        return this.path(e);
      case 'member':
        return { k: 'member', of: this.expr(e.object), field: e.field.name };
      case 'call':
        return this.call(e);
      case 'unary':
        return e.operator === '-'
          ? { k: 'neg', x: this.expr(e.operand) }
          : { k: 'not', x: this.expr(e.operand) };
      case 'binary': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        switch (e.operator) {
          case 'en':
            return { k: 'and', l, r };
          case 'of':
            return { k: 'or', l, r };
          case '+':
          case '-':
            return { k: 'arith', op: e.operator, l, r };
          case '×':
            return { k: 'arith', op: '*', l, r };
          case '/':
            // Division keeps its place: a zero divisor is reported at this span.
            return { k: 'arith', op: '/', l, r, at: this.span(e.operatorSpan) };
          default:
            return { k: 'cmp', op: e.operator, l, r };
        }
      }
      case 'conditional':
        return {
          k: 'if',
          c: this.expr(e.condition),
          t: this.expr(e.then),
          e: this.expr(e.else),
          src: this.src(e.condition),
          at: this.span(e.condition.span),
        };
      case 'membership':
        return {
          k: 'in',
          x: this.expr(e.value),
          options: e.options.map((o) => this.expr(o)),
          negated: e.negated,
        };
      case 'rounding':
        return {
          k: 'round',
          x: this.expr(e.value),
          q: this.expr(e.quantum),
          mode: e.mode === 'half' ? 'half' : e.mode === 'beneden' ? 'floor' : 'ceiling',
        };
      case 'aggregate':
        return {
          k: 'sum',
          over: e.over === 'activiteit' ? 'activity' : 'route',
          body: this.expr(e.body),
          ...(e.filter ? { filter: this.expr(e.filter) } : {}),
        };
      case 'message':
        return {
          k: 'message',
          x: this.expr(e.value),
          text: this.template(e.message),
          at: this.span(e.message.span),
        };
    }
  }

  private call(e: A.CallExpression): IrExpr {
    const c = this.model.calls.get(e)!;
    const args = e.args.map((a) => this.expr(a));
    if (c.kind === 'table') return { k: 'table', name: c.declaration.name.name, args };
    switch (c.name) {
      case 'min':
      case 'max':
        return { k: c.name, args };
      case 'standaard':
        return { k: 'default', x: args[0]!, fallback: args[1]! };
      case 'bekend':
        return { k: 'known', x: args[0]! };
      case 'maanden_tussen':
        return { k: 'months', from: args[0]!, to: args[1]! };
    }
  }

  template(t: A.Template): IrTemplate {
    return t.parts.map((p) =>
      typeof p === 'string'
        ? { text: p }
        : { x: this.path(p), type: irTypeOf(this.model.types.get(p) ?? T.getal) },
    );
  }

  private path(p: A.PathExpression): IrExpr {
    const b = this.model.names.get(p);
    if (!b) throw new Error(`Internal error: unresolved name ${p.root.name}`);
    switch (b.kind) {
      case 'contract-field':
        return { k: 'field', scope: 'contract', name: b.field };
      case 'activity-field':
        return { k: 'field', scope: 'activity', name: b.field };
      case 'activity-attribute':
        return { k: 'attr', of: 'activity', name: b.attribute };
      case 'route-attribute':
        return { k: 'attr', of: 'route', name: b.attribute };
      case 'definition':
        return { k: 'def', key: b.key };
      case 'parameter':
        return { k: 'param', name: b.declaration.name.name };
      case 'outcome':
        return { k: 'outcome', name: b.declaration.name.name };
      case 'enum-value':
        return { k: 'const', v: { text: b.value } };
      case 'reference-date':
        return { k: 'refdate' };
    }
  }

  cell(c: A.TableCell): IrDocument['tables'][number]['versions'][number]['rows'][number]['when'][number] {
    const v = (e: A.Expression): IrValue => value(constantValue(e, this.model.names) ?? null);
    if (c.kind === 'any') return { any: true };
    if (c.kind === 'values') return { in: c.values.map(v) };
    return { cmp: c.bounds.map((b) => [b.operator, v(b.value)]) };
  }
}

const iso = (d: A.DateLiteralNode | undefined): { from?: string } => (d ? { from: d.text } : {});

/** Lowers a checked model (without errors) to the IR document. */
export function irFromChecked(
  model: CheckedModel,
  examples: ReadonlyMap<A.ExampleDeclaration, ExampleCase>,
): IrDocument {
  const l = new Lowering(model);
  const header = model.merged.header;
  const typeOf = (d: A.Declaration | A.TableColumn) => irTypeOf(model.declaredTypes.get(d) ?? T.getal);
  const doc: Omit<IrDocument, 'files'> = {
    irVersion: IR_VERSION,
    generator: GENERATOR,
    ruleset: {
      name: header.name.value,
      ...(header.version ? { version: header.version.value } : {}),
      ...(header.region ? { region: header.region.value } : {}),
      ...(header.municipality ? { municipality: header.municipality.value } : {}),
      provenance: l.provenance(header.provenance),
      bases: model.merged.bases.map((b) => b.name),
    },
    referenceDate: model.referenceDateField,
    periods: model.periods.map((p) => ({
      name: p.name.value,
      from: p.from.text,
      to: p.to.text,
      provenance: l.provenance(p.provenance),
      at: l.span(p.span),
    })),
    enumerations: [...model.enumerations.values()].map((e) => ({
      name: e.name.name,
      values: e.values.map((v) => v.name),
      provenance: l.provenance(e.provenance),
      at: l.span(e.span),
    })),
    parameters: [...model.parameters.values()].map((p) => ({
      name: p.name.name,
      type: typeOf(p),
      ...(p.range
        ? {
            range: {
              min: value(constantValue(p.range.low) ?? null),
              max: value(constantValue(p.range.high) ?? null),
            },
          }
        : {}),
      versions: p.versions.map((v) => ({
        ...iso(v.from),
        value: value(constantValue(v.value, model.names) ?? null),
        src: l.src(v.value),
        provenance: l.provenance(v.provenance),
        at: l.span(v.span),
      })),
      at: l.span(p.span),
    })),
    tables: [...model.tables.values()].map((t) => ({
      name: t.name.name,
      hitPolicy: t.hitPolicy,
      inputs: t.inputs.map((c) => ({ name: c.name.name, type: typeOf(c) })),
      outputs: t.outputs.map((c) => ({ name: c.name.name, type: typeOf(c) })),
      single: t.singleOutput,
      versions: t.versions.map((v) => ({
        ...iso(v.from),
        rows: v.value.map((row) => ({
          when: row.cells.slice(0, t.inputs.length).map((c) => l.cell(c)),
          then: row.cells
            .slice(t.inputs.length)
            .map((c) =>
              c.kind === 'values' ? l.expr(c.values[0]!) : ({ k: 'const', v: { unknown: true } } as IrExpr),
            ),
          src: l.rowSrc(row),
          provenance: l.provenance(row.provenance),
          at: l.span(row.span),
        })),
        provenance: l.provenance(v.provenance),
        at: l.span(v.span),
      })),
      provenance: l.provenance(t.provenance),
      at: l.span(t.span),
    })),
    definitions: model.definitionOrder.map((key) => {
      const d = model.definitions.get(key)!;
      return {
        key: definitionKey(d),
        name: d.name.name,
        ...(d.scope ? { scope: d.scope.name } : {}),
        type: typeOf(d),
        expr: l.expr(d.value),
        src: l.src(d.value),
        provenance: l.provenance(d.provenance),
        at: l.span(d.span),
      };
    }),
    valuations: [...model.valuations.values()].map((v) => ({
      kind: v.activityKind.name,
      expr: l.expr(v.value),
      requirements: v.requirements.map((r) => ({
        when: l.expr(r.condition),
        message: l.template(r.message),
        src: l.src(r.condition),
        provenance: l.provenance(r.provenance),
        at: l.span(r.span),
      })),
      ...(v.within
        ? {
            within: {
              expr: l.expr(v.within.duration),
              src: l.src(v.within.duration),
              provenance: l.provenance(v.within.provenance),
              at: l.span(v.within.span),
            },
          }
        : {}),
      src: l.src(v.value),
      provenance: l.provenance(v.provenance),
      at: l.span(v.span),
    })),
    routes: model.routes.map((r) => ({
      name: r.name.name,
      label: r.label?.value ?? r.name.name,
      kinds: r.activityKinds.map((k) => k.name),
      ...(r.cap
        ? {
            cap: {
              expr: l.expr(r.cap.value),
              src: l.src(r.cap.value),
              provenance: l.provenance(r.cap.provenance),
              at: l.span(r.cap.span),
            },
          }
        : {}),
      provenance: l.provenance(r.provenance),
      at: l.span(r.span),
    })),
    outcomes: model.outcomeOrder.map((name) => {
      const o = model.outcomes.get(name)!;
      return {
        name,
        type: typeOf(o),
        expr: l.expr(o.value),
        src: l.src(o.value),
        provenance: l.provenance(o.provenance),
        at: l.span(o.span),
      };
    }),
    examples: model.examples.map((e) => {
      const c = examples.get(e)!;
      return {
        title: e.title.value,
        contract: c.contract,
        expect: {
          outcomes: c.outcomes.map((o) => ({ name: o.name, value: o.value, at: l.span(o.node.span) })),
          valuations: c.valuations.map((v) => ({ index: v.index, value: v.value, at: l.span(v.node.span) })),
          messages: c.messages.map((m) => ({ text: m.text, at: l.span(m.node.span) })),
        },
        provenance: l.provenance(e.provenance),
        at: l.span(e.span),
      };
    }),
    properties: model.properties.map((p) => ({
      title: p.title.value,
      ...(model.monotone.has(p) ? { monotone: model.monotone.get(p)! } : { expr: l.expr(p.value) }),
      src: l.src(p.value),
      provenance: l.provenance(p.provenance),
      at: l.span(p.span),
    })),
  };
  // Files are collected while lowering; list them last so every span's index is known.
  return { ...doc, files: l.fileList() } as IrDocument;
}

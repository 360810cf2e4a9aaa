// CST → AST: the single translation into the syntax tree. Reads literals in Dutch notation
// (€ 50.000, 1,5, 5%), builds spans, and tolerates the holes that parser recovery leaves.
import { diagnostic, parseIsoDate, Rational, type Diagnostic, type SourceFile, type Span } from '@sroi/core';
import {
  Kw,
  tokenIs,
  type AdditiveCstNode,
  type CstNode,
  type ComparisonCstNode,
  type ConjunctionCstNode,
  type DeclarationCstChildren,
  type DeclarationCstNode,
  type DocumentClauseCstNode,
  type HeaderCstNode,
  type DisjunctionCstNode,
  type ExampleCstNode,
  type FieldValueCstNode,
  type NegationCstNode,
  type PostfixCstNode,
  type PrimaryCstNode,
  type TableColumnCstNode,
  type UnaryCstNode,
  type ExampleValueCstNode,
  type ExpressionCstNode,
  type IToken,
  type LiteralCstNode,
  type PathCstNode,
  type ProvenanceCstNode,
  type RulesetCstNode,
  type TableCellCstNode,
  type CellValueCstNode,
  type TableRowCstNode,
  type TimeUnitCstNode,
  type TypeReferenceCstNode,
} from '@sroi/grammar';
import type * as A from './ast.js';
import { findQuotes } from './quotes.js';

/** Reads Dutch number notation: groups of three after dots, one decimal comma. */
export function parseDutchNumber(text: string): { value: Rational } | { fixed: string } {
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (m) {
    const int = m[1]!.replace(/\./g, '');
    return { value: Rational.parse(m[2] ? `${int}.${m[2]}` : int)! };
  }
  // Most likely an English decimal point (1.5) or English grouping (1,500.25): suggest the Dutch form.
  const english = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  const parts = english.split('.');
  const fixed = parts.length === 2 ? `${parts[0]},${parts[1]}` : english.replace(/\./g, '');
  return { fixed };
}

/** The text between the double quotes of a string literal's image, escapes as written. */
const stringBody = (image: string): string => {
  // Closed when the last quote is not escaped itself: an even run of backslashes before it ("a\\").
  const end = /(\\*)"$/.exec(image.slice(1));
  const closed = end !== null && end[1]!.length % 2 === 0;
  return image.slice(1, closed ? -1 : undefined);
};
const unescape = (body: string): string => body.replace(/\\(["\\])/g, '$1');
const unescapeString = (image: string): string => unescape(stringBody(image));

class Builder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly source: SourceFile) {}

  // ── spans ─────────────────────────────────────────────────────────────────

  span(start: number, end: number): Span {
    return this.source.span(start, end);
  }

  /**
   * From the start of `first` to the furthest end of all. A part that recovery left out has the
   * empty span 0..0, so its end must not end the whole before it starts.
   */
  cover(first: Span, ...rest: Span[]): Span {
    return this.span(first.start, Math.max(first.end, ...rest.map((r) => r.end)));
  }

  tokenSpan(t: IToken | undefined): Span {
    if (!t || Number.isNaN(t.startOffset)) return this.span(0, 0);
    return this.span(t.startOffset, t.startOffset + t.image.length);
  }

  nodeSpan(n: CstNode | undefined): Span {
    const loc = n?.location;
    if (!loc || Number.isNaN(loc.startOffset)) return this.span(0, 0);
    const end = Number.isNaN(loc.endOffset ?? NaN) ? loc.startOffset : (loc.endOffset ?? loc.startOffset) + 1;
    return this.span(loc.startOffset, end);
  }

  identifier(t: IToken | undefined): A.Identifier {
    return { name: t && !Number.isNaN(t.startOffset) ? t.image : '', span: this.tokenSpan(t) };
  }

  text(t: IToken | undefined): A.Text {
    return {
      value: t && !Number.isNaN(t.startOffset) ? unescapeString(t.image) : '',
      span: this.tokenSpan(t),
    };
  }

  date(t: IToken | undefined): A.DateLiteralNode {
    const text = t?.image ?? '';
    const day = parseIsoDate(text);
    if (t && !Number.isNaN(t.startOffset) && day === undefined)
      this.diagnostics.push(diagnostic('SR1009', { text }, { span: this.tokenSpan(t) }));
    return { day: day ?? Number.NaN, text, span: this.tokenSpan(t) };
  }

  number(t: IToken | undefined): Rational {
    if (!t || Number.isNaN(t.startOffset)) return Rational.ZERO;
    const r = parseDutchNumber(t.image);
    if ('value' in r) return r.value;
    this.diagnostics.push(
      diagnostic('SR1008', { text: t.image, fixed: r.fixed }, { span: this.tokenSpan(t) }),
    );
    return Rational.ZERO;
  }

  /**
   * An amount in cents. Three decimals after the comma (`€ 47,250`) are almost always a thousands
   * group written with a comma, as English does: refused with the Dutch form, never read as € 47,25.
   */
  moneyCents(t: IToken | undefined): Rational {
    // Below one euro (`€ 0,125`) three decimals are a fraction of a cent, never a thousands group.
    const thousands = t && /^([1-9]\d{0,2}(?:\.\d{3})*),(\d{3})$/.exec(t.image);
    if (thousands) {
      this.diagnostics.push(
        diagnostic(
          'SR1050',
          { text: `'€ ${t.image}'`, fixed: `€ ${thousands[1]}.${thousands[2]}` },
          { span: this.tokenSpan(t) },
          { suggestions: [`${thousands[1]}.${thousands[2]}`] },
        ),
      );
      return Rational.ZERO;
    }
    return this.number(t).mul(Rational.of(100));
  }

  provenance(nodes: readonly ProvenanceCstNode[] | undefined): A.Provenance[] {
    return (nodes ?? []).map((n) => {
      const document = n.children.document?.[0];
      return {
        kind: n.children.kind?.[0] && tokenIs(n.children.kind[0], Kw.Aanname) ? 'aanname' : 'bron',
        text: this.text(n.children.text?.[0]).value,
        ...(document && !Number.isNaN(document.startOffset) ? { document: this.identifier(document) } : {}),
        ...this.quotes(n.children.text?.[0]),
        span: this.nodeSpan(n),
      };
    });
  }

  /** The quotations in a text literal, found in its source so that their spans point into it. */
  private quotes(t: IToken | undefined): Pick<A.Provenance, 'quotes' | 'unclosedQuote'> {
    if (!t || Number.isNaN(t.startOffset)) return { quotes: [] };
    // Escapes stay as written in the body, so offsets in it are offsets in the source.
    const body = stringBody(t.image);
    const at = t.startOffset + 1;
    const found = findQuotes(body);
    return {
      quotes: found.quotes.map((q) => ({
        text: unescape(body.slice(q.start + 1, q.end - 1)),
        span: this.span(at + q.start + 1, at + q.end - 1),
      })),
      ...(found.unclosed !== undefined
        ? { unclosedQuote: { span: this.span(at + found.unclosed, at + found.unclosed + 1) } }
        : {}),
    };
  }

  /** `document naam "Titel" bestand "..." vindplaats "..."` in the header. */
  private document(n: DocumentClauseCstNode): A.SourceDocument {
    const c = n.children;
    return {
      name: this.identifier(c.name?.[0]),
      title: this.text(c.title?.[0]),
      files: (c.file ?? []).filter((t) => !Number.isNaN(t.startOffset)).map((t) => this.text(t)),
      locations: (c.location ?? []).filter((t) => !Number.isNaN(t.startOffset)).map((t) => this.text(t)),
      span: this.nodeSpan(n),
    };
  }

  // ── ruleset and header ────────────────────────────────────────────────────

  /** Takes the diagnostics reported so far (those of the part just built). */
  take(): Diagnostic[] {
    return this.diagnostics.splice(0);
  }

  header(h: HeaderCstNode | undefined): A.Header {
    const hc = h?.children;
    const clauses = (hc?.headerClause ?? []).map((c) => c.children);
    return {
      name: this.text(hc?.name?.[0]),
      version: this.optionalText(
        clauses.find((c) => c.versionClause)?.versionClause?.[0]?.children.StringLiteral?.[0],
      ),
      region: this.optionalText(
        clauses.find((c) => c.regionClause)?.regionClause?.[0]?.children.StringLiteral?.[0],
      ),
      municipality: this.optionalText(
        clauses.find((c) => c.municipalityClause)?.municipalityClause?.[0]?.children.StringLiteral?.[0],
      ),
      provenance: this.provenance(clauses.flatMap((c) => c.provenance ?? [])),
      documents: clauses.flatMap((c) => c.documentClause ?? []).map((d) => this.document(d)),
      extends: this.optionalText(
        clauses.find((c) => c.extendsClause)?.extendsClause?.[0]?.children.path?.[0],
      ),
      referenceDate: (() => {
        const p = clauses.find((c) => c.referenceDateClause)?.referenceDateClause?.[0]?.children.path?.[0];
        return p ? this.pathClause(p) : undefined;
      })(),
      periods: clauses
        .flatMap((c) => c.period ?? [])
        .map((p) => ({
          name: this.text(p.children.name?.[0]),
          from: this.date(p.children.from?.[0]),
          to: this.date(p.children.to?.[0]),
          provenance: this.provenance(p.children.provenance),
          span: this.nodeSpan(p),
        })),
      span: this.nodeSpan(h),
    };
  }

  private optionalText(t: IToken | undefined): A.Text | undefined {
    return t && !Number.isNaN(t.startOffset) ? this.text(t) : undefined;
  }

  private pathClause(p: PathCstNode): A.PathExpression {
    const root = p.children.root?.[0];
    return {
      kind: 'path',
      root: this.identifier(root),
      ...this.rootKeyword(root),
      fields: (p.children.fields ?? []).map((f) => this.identifier(f)),
      span: this.nodeSpan(p),
    };
  }

  private rootKeyword(t: IToken | undefined): { rootKeyword?: 'contract' | 'activiteit' | 'route' } {
    if (!t) return {};
    if (tokenIs(t, Kw.Contract)) return { rootKeyword: 'contract' };
    if (tokenIs(t, Kw.Activiteit)) return { rootKeyword: 'activiteit' };
    if (tokenIs(t, Kw.Route)) return { rootKeyword: 'route' };
    return {};
  }

  // ── declarations ──────────────────────────────────────────────────────────

  declaration(c: DeclarationCstChildren): A.Declaration | undefined {
    if (c.enumeration) {
      const n = c.enumeration[0]!;
      return {
        kind: 'enumeration',
        name: this.identifier(n.children.name?.[0]),
        values: (n.children.values ?? []).map((v) => this.identifier(v)),
        provenance: this.provenance(n.children.provenance),
        span: this.nodeSpan(n),
      };
    }
    if (c.parameter) {
      const n = c.parameter[0]!;
      const versions: A.Versioned<A.Expression>[] = n.children.value
        ? [
            {
              value: this.expression(n.children.value[0]),
              provenance: this.provenance(n.children.provenance),
              span: this.nodeSpan(n.children.value[0]),
            },
          ]
        : (n.children.versionedValue ?? []).map((v) => ({
            from: this.date(v.children.from?.[0]),
            value: this.expression(v.children.value?.[0]),
            provenance: this.provenance(v.children.provenance),
            span: this.nodeSpan(v),
          }));
      const range = n.children.range?.[0];
      const bound = (minus: IToken | undefined, literal: LiteralCstNode | undefined): A.Expression => {
        const value = literal ? this.literal(literal) : this.error(this.nodeSpan(range));
        if (!minus) return value;
        const span = { ...value.span, start: minus.startOffset };
        return { kind: 'unary', operator: '-', operand: value, span };
      };
      return {
        kind: 'parameter',
        name: this.identifier(n.children.name?.[0]),
        type: this.typeReference(n.children.typeReference?.[0]),
        ...(range
          ? {
              range: {
                low: bound(range.children.lowNegative?.[0], range.children.low?.[0]),
                high: bound(range.children.highNegative?.[0], range.children.high?.[0]),
                span: this.nodeSpan(range),
              },
            }
          : {}),
        versions,
        span: this.nodeSpan(n),
      };
    }
    if (c.table) {
      const n = c.table[0]!.children;
      const column = (col: TableColumnCstNode): A.TableColumn => ({
        name: this.identifier(col.children.name?.[0]),
        type: this.typeReference(col.children.typeReference?.[0]),
        span: this.nodeSpan(col),
      });
      const name = this.identifier(n.name?.[0]);
      const singleOutput = !n.outputs;
      const outputs: A.TableColumn[] = n.outputs
        ? n.outputs.map(column)
        : [{ name, type: this.typeReference(n.output?.[0]), span: this.nodeSpan(n.output?.[0]) }];
      const policyToken = n.hitPolicy?.[0]?.children.policy?.[0];
      const hitPolicy: A.HitPolicy = !policyToken
        ? 'uniek'
        : tokenIs(policyToken, Kw.Eerste)
          ? 'eerste'
          : tokenIs(policyToken, Kw.Som)
            ? 'som'
            : 'uniek';
      const versions: A.Versioned<readonly A.TableRow[]>[] = n.rows
        ? [{ value: n.rows.map((r) => this.tableRow(r)), provenance: [], span: this.nodeSpan(c.table[0]) }]
        : (n.tableVersion ?? []).map((v) => ({
            from: this.date(v.children.from?.[0]),
            value: (v.children.rows ?? []).map((r) => this.tableRow(r)),
            provenance: this.provenance(v.children.provenance),
            span: this.nodeSpan(v),
          }));
      return {
        kind: 'table',
        name,
        inputs: (n.inputs ?? []).map(column),
        outputs,
        singleOutput,
        hitPolicy,
        hitPolicyWritten: policyToken !== undefined,
        provenance: this.provenance(n.provenance),
        versions,
        span: this.nodeSpan(c.table[0]),
      };
    }
    if (c.definition) {
      const n = c.definition[0]!;
      const scope = n.children.scope?.[0];
      return {
        kind: 'definition',
        name: this.identifier(n.children.name?.[0]),
        ...(scope ? { scope: this.identifier(scope) } : {}),
        type: this.typeReference(n.children.typeReference?.[0]),
        value: this.expression(n.children.value?.[0]),
        provenance: this.provenance(n.children.provenance),
        span: this.nodeSpan(n),
      };
    }
    if (c.valuation) {
      const n = c.valuation[0]!;
      const within = n.children.within?.[0];
      return {
        kind: 'valuation',
        activityKind: this.identifier(n.children.kind?.[0]),
        value: this.expression(n.children.value?.[0]),
        provenance: this.provenance(n.children.provenance),
        requirements: (n.children.requirement ?? []).map((r) => ({
          condition: this.expression(r.children.condition?.[0]),
          message: this.template(r.children.message?.[0]),
          provenance: this.provenance(r.children.provenance),
          span: this.nodeSpan(r),
        })),
        ...(within
          ? {
              within: {
                duration: this.expression(within.children.duration?.[0]),
                provenance: this.provenance(within.children.provenance),
                span: this.nodeSpan(within),
              },
            }
          : {}),
        span: this.nodeSpan(n),
      };
    }
    if (c.route) {
      const n = c.route[0]!;
      const cap = n.children.routeCap?.[0];
      const label = this.optionalText(n.children.label?.[0]);
      return {
        kind: 'route',
        name: this.identifier(n.children.name?.[0]),
        ...(label ? { label } : {}),
        activityKinds: (n.children.kinds ?? []).map((k) => this.identifier(k)),
        provenance: this.provenance(n.children.provenance),
        ...(cap
          ? {
              cap: {
                value: this.expression(cap.children.value?.[0]),
                provenance: this.provenance(cap.children.provenance),
                span: this.nodeSpan(cap),
              },
            }
          : {}),
        span: this.nodeSpan(n),
      };
    }
    if (c.outcome) {
      const n = c.outcome[0]!;
      return {
        kind: 'outcome',
        name: this.identifier(n.children.name?.[0]),
        type: this.typeReference(n.children.typeReference?.[0]),
        value: this.expression(n.children.value?.[0]),
        provenance: this.provenance(n.children.provenance),
        span: this.nodeSpan(n),
      };
    }
    if (c.example) return this.example(c.example[0]!);
    if (c.property) {
      const n = c.property[0]!;
      return {
        kind: 'property',
        title: this.text(n.children.title?.[0]),
        value: this.expression(n.children.value?.[0]),
        provenance: this.provenance(n.children.provenance),
        span: this.nodeSpan(n),
      };
    }
    return undefined;
  }

  private timeUnit(n: TimeUnitCstNode | undefined): A.TimeUnit | undefined {
    const c = n?.children;
    if (!c) return undefined;
    if (c.KwJaar) return 'jaar';
    if (c.KwMaand) return 'maand';
    if (c.KwWeek) return 'week';
    if (c.KwDag) return 'dag';
    if (c.KwUur) return 'uur';
    return undefined;
  }

  typeReference(n: TypeReferenceCstNode | undefined): A.TypeReference {
    const span = this.nodeSpan(n);
    const c = n?.children;
    const optional = c?.KwOptioneel !== undefined;
    const base = c?.base?.[0];
    if (c?.named?.[0]) return { kind: 'named', name: this.identifier(c.named[0]), optional, span };
    if (!base) return { kind: 'getal', optional, span };
    if (tokenIs(base, Kw.Bedrag)) {
      const per = this.timeUnit(c?.per?.[0]);
      return per ? { kind: 'bedrag', per, optional, span } : { kind: 'bedrag', optional, span };
    }
    if (tokenIs(base, Kw.Duur)) {
      const unit = this.timeUnit(c?.unit?.[0]);
      return unit ? { kind: 'duur', unit, optional, span } : { kind: 'duur', optional, span };
    }
    const kind = tokenIs(base, Kw.Percentage)
      ? 'percentage'
      : tokenIs(base, Kw.Datum)
        ? 'datum'
        : tokenIs(base, Kw.Tekst)
          ? 'tekst'
          : tokenIs(base, Kw.JaNee)
            ? 'janee'
            : 'getal';
    return { kind, optional, span };
  }

  private tableRow(r: TableRowCstNode): A.TableRow {
    return {
      cells: (r.children.cells ?? []).map((c) => this.tableCell(c)),
      provenance: this.provenance(r.children.provenance),
      span: this.nodeSpan(r),
    };
  }

  private tableCell(n: TableCellCstNode): A.TableCell {
    const c = n.children;
    const span = this.nodeSpan(n);
    if (c.any) return { kind: 'any', span };
    if (c.operator) {
      const bounds = c.operator.map((op, i) => {
        const bound = c.bound?.[i];
        return {
          operator: this.comparisonOperator(op),
          value:
            bound?.name === 'cellValue'
              ? this.cellValue(bound as CellValueCstNode)
              : this.additive(bound as AdditiveCstNode | undefined),
        };
      });
      return { kind: 'compare', bounds, span };
    }
    return {
      kind: 'values',
      values: (c.values ?? []).map((v) =>
        v.name === 'cellValue'
          ? this.cellValue(v as CellValueCstNode)
          : this.expression(v as ExpressionCstNode),
      ),
      span,
    };
  }

  /** A cell value parsed on its own (a literal or a name): the AST `expression` gives for it. */
  private cellValue(n: CellValueCstNode): A.Expression {
    const c = n.children;
    const literal = c.literal?.[0];
    if (literal) return this.literal(literal);
    const nameToken = c.name?.[0];
    if (!nameToken) return this.error(this.nodeSpan(n));
    return {
      kind: 'path',
      root: this.identifier(nameToken),
      ...this.rootKeyword(nameToken),
      fields: [],
      span: this.nodeSpan(n),
    };
  }

  private comparisonOperator(t: IToken): A.ComparisonOperator {
    switch (t.tokenType.name) {
      case 'NotEquals':
        return '≠';
      case 'LessEquals':
        return '≤';
      case 'GreaterEquals':
        return '≥';
      case 'Less':
        return '<';
      case 'Greater':
        return '>';
      default:
        return '=';
    }
  }

  private example(n: ExampleCstNode): A.ExampleDeclaration {
    const c = n.children;
    const fields = (list: FieldValueCstNode[] | undefined): A.FieldValue[] =>
      (list ?? []).map((f) => ({
        field: this.identifier(f.children.field?.[0]),
        value: this.exampleValue(f.children.value?.[0]),
        span: this.nodeSpan(f),
      }));
    const expectations: A.Expectation[] = [];
    for (const group of c.exampleExpectations ?? []) {
      for (const e of group.children.expectation ?? []) {
        const ec = e.children;
        const span = this.nodeSpan(e);
        if (ec.KwWaardering) {
          const indexToken = ec.index?.[0];
          const index = indexToken ? Number(indexToken.image) : Number.NaN;
          expectations.push({
            kind: 'valuation',
            index,
            indexSpan: this.tokenSpan(indexToken),
            value: this.exampleValue(ec.value?.[0]),
            span,
          });
        } else if (ec.KwMelding)
          expectations.push({ kind: 'message', text: this.text(ec.message?.[0]), span });
        else
          expectations.push({
            kind: 'outcome',
            outcome: this.identifier(ec.outcome?.[0]),
            value: this.exampleValue(ec.value?.[0]),
            span,
          });
      }
    }
    return {
      kind: 'example',
      title: this.text(c.title?.[0]),
      provenance: this.provenance(c.provenance),
      contract: (c.exampleContract ?? []).flatMap((x) => fields(x.children.fieldValue)),
      activities: (c.exampleActivity ?? []).map((a) => ({
        activityKind: this.identifier(a.children.kind?.[0]),
        fields: fields(a.children.fieldValue),
        span: this.nodeSpan(a),
      })),
      expectations,
      span: this.nodeSpan(n),
    };
  }

  private exampleValue(n: ExampleValueCstNode | undefined): A.ExampleValue {
    const span = this.nodeSpan(n);
    const c = n?.children;
    if (!c) return { kind: 'unknown', span };
    if (c.amount) return { kind: 'money', cents: this.moneyCents(c.amount[0]), span };
    if (c.number)
      return { kind: 'number', value: this.number(c.number[0]), percent: c.percent !== undefined, span };
    if (c.date) {
      const d = this.date(c.date[0]);
      return { kind: 'date', day: d.day, text: d.text, span };
    }
    if (c.text) return { kind: 'text', value: this.text(c.text[0]).value, span };
    if (c.boolean) return { kind: 'boolean', value: tokenIs(c.boolean[0]!, Kw.Ja), span };
    if (c.word) return { kind: 'word', value: c.word[0]!.image, span };
    return { kind: 'unknown', span };
  }

  // ── expressions ───────────────────────────────────────────────────────────

  private error(span: Span): A.ErrorExpression {
    return { kind: 'error', span };
  }

  expression(n: ExpressionCstNode | undefined): A.Expression {
    if (!n) return this.error(this.span(0, 0));
    const c = n.children;
    const span = this.nodeSpan(n);
    let value: A.Expression;
    if (c.conditional) {
      const k = c.conditional[0]!.children;
      value = {
        kind: 'conditional',
        condition: this.expression(k.condition?.[0]),
        then: this.expression(k.then?.[0]),
        else: this.expression(k.else?.[0]),
        span: this.nodeSpan(c.conditional[0]),
      };
    } else if (c.disjunction) value = this.logical(c.disjunction[0]!, 'of');
    else return this.error(span);
    if (c.message) return { kind: 'message', value, message: this.template(c.message[0]), span };
    return value;
  }

  private logical(n: DisjunctionCstNode | ConjunctionCstNode, operator: 'en' | 'of'): A.Expression {
    const operands = (n.children.operands as CstNode[]).map((o) =>
      operator === 'of' ? this.logical(o as ConjunctionCstNode, 'en') : this.negation(o as NegationCstNode),
    );
    const tokens =
      operator === 'of' ? (n.children as { KwOf?: IToken[] }).KwOf : (n.children as { KwEn?: IToken[] }).KwEn;
    return this.foldLeft(
      operands,
      (tokens ?? []).map((t) => ({ operator, span: this.tokenSpan(t) })),
      this.nodeSpan(n),
    );
  }

  private foldLeft(
    operands: A.Expression[],
    operators: { operator: A.BinaryOperator; span: Span }[],
    fallback: Span,
  ): A.Expression {
    let acc = operands[0] ?? this.error(fallback);
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i]!;
      const op = operators[i - 1] ?? { operator: '+', span: fallback };
      acc = {
        kind: 'binary',
        operator: op.operator,
        operatorSpan: op.span,
        left: acc,
        right,
        span: this.cover(acc.span, op.span, right.span),
      };
    }
    return acc;
  }

  private negation(n: NegationCstNode): A.Expression {
    const c = n.children;
    const operand = c.operand?.[0];
    if (c.KwNiet) {
      return {
        kind: 'unary',
        operator: 'niet',
        operand: operand ? this.negation(operand as NegationCstNode) : this.error(this.nodeSpan(n)),
        span: this.nodeSpan(n),
      };
    }
    return operand ? this.comparison(operand as ComparisonCstNode) : this.error(this.nodeSpan(n));
  }

  private comparison(n: ComparisonCstNode): A.Expression {
    const c = n.children;
    if (c.chained) this.diagnostics.push(diagnostic('SR1013', {}, { span: this.tokenSpan(c.chained[0]) }));
    const left = this.additive(c.lhs?.[0]);
    if (c.operator && c.rhs) {
      const right = this.additive(c.rhs[0]);
      return {
        kind: 'binary',
        operator: this.comparisonOperator(c.operator[0]!),
        operatorSpan: this.tokenSpan(c.operator[0]),
        left,
        right,
        span: this.nodeSpan(n),
      };
    }
    if (c.KwIn) {
      return {
        kind: 'membership',
        value: left,
        negated: c.negated !== undefined,
        options: (c.options ?? []).map((o) => this.expression(o)),
        span: this.nodeSpan(n),
      };
    }
    return left;
  }

  additive(n: AdditiveCstNode | undefined): A.Expression {
    if (!n) return this.error(this.span(0, 0));
    const operands = (n.children.operands ?? []).map((m) => {
      const terms = (m.children.operands ?? []).map((u) => this.unary(u));
      const ops = (m.children.operators ?? []).map((t) => ({
        operator: (t.tokenType.name === 'Divide' ? '/' : '×') as A.BinaryOperator,
        span: this.tokenSpan(t),
      }));
      return this.foldLeft(terms, ops, this.nodeSpan(m));
    });
    const ops = (n.children.operators ?? []).map((t) => ({
      operator: (t.tokenType.name === 'Plus' ? '+' : '-') as A.BinaryOperator,
      span: this.tokenSpan(t),
    }));
    return this.foldLeft(operands, ops, this.nodeSpan(n));
  }

  private unary(n: UnaryCstNode): A.Expression {
    const c = n.children;
    const operand = c.operand?.[0];
    if (c.Minus) {
      return {
        kind: 'unary',
        operator: '-',
        operand: operand ? this.unary(operand as UnaryCstNode) : this.error(this.nodeSpan(n)),
        span: this.nodeSpan(n),
      };
    }
    return operand ? this.postfix(operand as PostfixCstNode) : this.error(this.nodeSpan(n));
  }

  private postfix(n: PostfixCstNode): A.Expression {
    const c = n.children;
    const primary = c.primary?.[0];
    const fields = (c.fields ?? []).map((f) => this.identifier(f));
    const pc = primary?.children;
    const nameToken = pc?.name?.[0];
    if (nameToken) {
      return {
        kind: 'path',
        root: this.identifier(nameToken),
        ...this.rootKeyword(nameToken),
        fields,
        span: this.nodeSpan(n),
      };
    }
    let acc = this.primary(primary);
    for (const field of fields)
      acc = { kind: 'member', object: acc, field, span: this.cover(acc.span, field.span) };
    return acc;
  }

  private primary(n: PrimaryCstNode | undefined): A.Expression {
    const c = n?.children;
    const span = this.nodeSpan(n);
    if (!c) return this.error(span);
    if (c.literal) return this.literal(c.literal[0]!);
    if (c.parenthesized) {
      return {
        kind: 'parenthesized',
        expression: this.expression(c.parenthesized[0]!.children.expression?.[0]),
        span,
      };
    }
    if (c.call) {
      const k = c.call[0]!.children;
      return {
        kind: 'call',
        callee: this.identifier(k.callee?.[0]),
        args: (k.arguments ?? []).map((a) => this.expression(a)),
        span,
      };
    }
    if (c.rounding) {
      const k = c.rounding[0]!.children;
      const mode = k.mode?.[0];
      return {
        kind: 'rounding',
        value: this.expression(k.value?.[0]),
        quantum: this.expression(k.quantum?.[0]),
        mode: !mode ? 'half' : tokenIs(mode, Kw.Beneden) ? 'beneden' : 'boven',
        span,
      };
    }
    if (c.aggregate) {
      const k = c.aggregate[0]!.children;
      const over = k.over?.[0];
      const filter = k.filter?.[0];
      return {
        kind: 'aggregate',
        body: this.expression(k.body?.[0]),
        over: over && tokenIs(over, Kw.Route) ? 'route' : 'activiteit',
        ...(filter ? { filter: this.expression(filter) } : {}),
        span,
      };
    }
    return this.error(span);
  }

  private literal(n: LiteralCstNode): A.Expression {
    const c = n.children;
    const span = this.nodeSpan(n);
    if (c.amount) {
      const per = this.timeUnit(c.per?.[0]);
      const cents = this.moneyCents(c.amount[0]);
      return per ? { kind: 'money', cents, per, span } : { kind: 'money', cents, span };
    }
    if (c.number) {
      const value = this.number(c.number[0]);
      const unit = c.percent ? 'percent' : this.timeUnit(c.unit?.[0]);
      return unit ? { kind: 'number', value, unit, span } : { kind: 'number', value, span };
    }
    if (c.date) {
      const d = this.date(c.date[0]);
      return { kind: 'date', day: d.day, text: d.text, span };
    }
    if (c.text) return { kind: 'text', value: this.text(c.text[0]).value, span };
    if (c.boolean) return { kind: 'boolean', value: tokenIs(c.boolean[0]!, Kw.Ja), span };
    if (c.unknown) return { kind: 'unknown', span };
    return this.error(span);
  }

  /** Splits `"... {activiteit.maanden} ..."` into text and paths; `{{` and `}}` are literal braces. */
  template(t: IToken | undefined): A.Template {
    const span = this.tokenSpan(t);
    const raw = t && !Number.isNaN(t.startOffset) ? t.image : '""';
    const value = unescapeString(raw);
    const parts: (string | A.PathExpression)[] = [];
    // Offsets inside the token: +1 for the opening quote (escapes are rare in messages).
    const base = span.start + 1;
    let text = '';
    let i = 0;
    while (i < value.length) {
      const ch = value[i]!;
      if ((ch === '{' || ch === '}') && value[i + 1] === ch) {
        text += ch;
        i += 2;
        continue;
      }
      if (ch === '{') {
        const close = value.indexOf('}', i);
        const inner = close < 0 ? value.slice(i + 1) : value.slice(i + 1, close);
        const m = /^\s*([\p{L}_][\p{L}\p{N}_-]*)((?:\.[\p{L}_][\p{L}\p{N}_]*)*)\s*$/u.exec(inner);
        const end = close < 0 ? value.length : close + 1;
        if (!m) {
          this.diagnostics.push(
            diagnostic('SR1011', { text: `{${inner}}` }, { span: this.span(base + i, base + end) }),
          );
        } else {
          if (text) parts.push(text);
          text = '';
          const rootName = m[1]!;
          const fieldNames = (m[2] ?? '').split('.').filter(Boolean);
          const rootKeyword =
            rootName === 'contract'
              ? 'contract'
              : rootName === 'activiteit' || rootName === 'activity'
                ? 'activiteit'
                : undefined;
          const at = this.span(base + i, base + end);
          parts.push({
            kind: 'path',
            root: { name: rootName, span: at },
            ...(rootKeyword ? { rootKeyword } : {}),
            fields: fieldNames.map((name) => ({ name, span: at })),
            span: at,
          });
        }
        i = end;
        continue;
      }
      text += ch;
      i++;
    }
    if (text) parts.push(text);
    return { parts, span };
  }
}

/** A file's syntax tree in parts, each with the diagnostics of its literals (what an editor reuses). */
export interface AstParts {
  readonly header: A.Header;
  readonly headerDiagnostics: readonly Diagnostic[];
  /** In file order; a declaration that recovery left without content has no entry. */
  readonly declarations: readonly DeclarationPart[];
}

/** One declaration with the diagnostics of its literals (dates, numbers, message templates). */
export interface DeclarationPart {
  readonly node: A.Declaration;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds the syntax tree of one file in parts. */
export function astPartsFromCst(cst: RulesetCstNode, source: SourceFile): AstParts {
  const b = new Builder(source);
  const header = b.header(cst.children.header?.[0]);
  const headerDiagnostics = b.take();
  const declarations: DeclarationPart[] = [];
  for (const d of cst.children.declaration ?? []) {
    const node = b.declaration(d.children);
    const diagnostics = b.take();
    if (node) declarations.push({ node, diagnostics });
  }
  return { header, headerDiagnostics, declarations };
}

/** Builds the syntax tree of one declaration, e.g. the one an editor changed. */
export function declarationFromCst(cst: DeclarationCstNode, source: SourceFile): DeclarationPart | undefined {
  const b = new Builder(source);
  const node = b.declaration(cst.children);
  return node ? { node, diagnostics: b.take() } : undefined;
}

/** The ruleset node of a file from its parts. */
export function rulesetFromParts(parts: AstParts, source: SourceFile): A.Ruleset {
  return {
    file: source.path,
    header: parts.header,
    declarations: parts.declarations.map((d) => d.node),
    span: source.span(0, source.text.length),
  };
}

/** Builds the syntax tree of one file; diagnostics are those of literals (dates, numbers, texts). */
export function astFromCst(
  cst: RulesetCstNode,
  source: SourceFile,
): { ast: A.Ruleset; diagnostics: Diagnostic[] } {
  const parts = astPartsFromCst(cst, source);
  return {
    ast: rulesetFromParts(parts, source),
    diagnostics: [...parts.headerDiagnostics, ...parts.declarations.flatMap((d) => d.diagnostics)],
  };
}

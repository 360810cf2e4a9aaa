// The formatter: prints the AST in canonical layout and puts every comment back — before the
// line it preceded, or after the line it ended. Idempotent: formatting its own output changes nothing.
import { hasErrors, type Result, type SourceFile } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { parseModule } from '../resolve/load.js';
import { word, type Spelling } from './keywords.js';
import { dutchMoney, dutchNumber, ExpressionPrinter, quote } from './print-expression.js';

/** Lines longer than this are broken where the layout allows. */
export const LINE_WIDTH = 100;

/** A printed line and the source range it stands for (where comments are anchored). */
interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Comment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

class Layout {
  private readonly p: ExpressionPrinter;

  /** `codeEndBefore(offset)`: where the last token before offset ends, across blanks and comments. */
  constructor(
    private readonly lang: Spelling,
    private readonly codeEndBefore: (offset: number) => number,
  ) {
    this.p = new ExpressionPrinter(lang);
  }

  private w = (x: Parameters<typeof word>[0]) => word(x, this.lang);

  private line(text: string, node: { span: { start: number; end: number } }, indent = 0): Line {
    return { text: ' '.repeat(indent) + text, start: node.span.start, end: node.span.end };
  }

  private provenanceText(p: A.Provenance): string {
    return `${this.w(p.kind)} ${p.document ? `${p.document.name} ` : ''}${quote(p.text)}`;
  }

  private provenance(list: readonly A.Provenance[], indent: number): Line[] {
    return list.map((p) => this.line(this.provenanceText(p), p, indent));
  }

  /** `head formula` on one line if it fits, else the formula below the head, broken as needed. */
  private formula(head: string, e: A.Expression, node: { span: { start: number } }, indent: number): Line[] {
    const inline = `${head} ${this.p.print(e)}`;
    if (inline.length + indent <= LINE_WIDTH)
      return [{ text: ' '.repeat(indent) + inline, start: node.span.start, end: e.span.end }];
    const first = { text: ' '.repeat(indent) + head, start: node.span.start, end: e.span.start };
    const body = this.p.block(e, LINE_WIDTH - indent - 2);
    return [
      first,
      ...body.map((l) => ({ text: ' '.repeat(indent + 2) + l.text, start: l.start, end: l.end })),
    ];
  }

  header(h: A.Header): Line[] {
    const out = [this.line(`${this.w('regeling')} ${quote(h.name.value)}`, h.name)];
    if (h.version) out.push(this.line(`${this.w('versie')} ${quote(h.version.value)}`, h.version, 2));
    if (h.region) out.push(this.line(`${this.w('regio')} ${quote(h.region.value)}`, h.region, 2));
    if (h.municipality)
      out.push(this.line(`${this.w('gemeente')} ${quote(h.municipality.value)}`, h.municipality, 2));
    out.push(...this.provenance(h.provenance, 2));
    for (const d of h.documents) {
      out.push(
        this.line(
          `${this.w('document')} ${d.name.name} ${quote(d.title.value)}`,
          { span: { start: d.span.start, end: d.title.span.end } },
          2,
        ),
      );
      for (const f of d.files) out.push(this.line(`${this.w('bestand')} ${quote(f.value)}`, f, 4));
      for (const l of d.locations) out.push(this.line(`${this.w('vindplaats')} ${quote(l.value)}`, l, 4));
    }
    if (h.extends) out.push(this.line(`${this.w('breidtUit')} ${quote(h.extends.value)}`, h.extends, 2));
    if (h.referenceDate)
      out.push(this.line(`${this.w('peildatum')} ${this.p.print(h.referenceDate)}`, h.referenceDate, 2));
    for (const period of h.periods) {
      out.push(
        this.line(
          `${this.w('periode')} ${quote(period.name.value)} ${this.w('van')} ${period.from.text} ${this.w('totEnMet')} ${period.to.text}`,
          { span: { start: period.span.start, end: period.to.span.end } },
          2,
        ),
      );
      out.push(...this.provenance(period.provenance, 4));
    }
    return out;
  }

  declaration(d: A.Declaration): Line[] {
    switch (d.kind) {
      case 'enumeration': {
        const head = `${this.w('opsomming')} ${d.name.name}:`;
        const values = d.values.map((v) => v.name);
        const one = `${head} ${values.join(', ')}`;
        const lines: Line[] = [];
        if (one.length <= LINE_WIDTH)
          lines.push(
            this.line(one, { span: { start: d.span.start, end: d.values.at(-1)?.span.end ?? d.span.end } }),
          );
        else {
          lines.push(this.line(head, d.name));
          let current = '';
          for (const [i, v] of values.entries()) {
            const piece = `${v}${i < values.length - 1 ? ',' : ''}`;
            if (current && current.length + 1 + piece.length + 2 > LINE_WIDTH) {
              lines.push(this.line(current, d.values[i - 1]!, 2));
              current = piece;
            } else current = current ? `${current} ${piece}` : piece;
          }
          lines.push(this.line(current, d.values.at(-1)!, 2));
        }
        return [...lines, ...this.provenance(d.provenance, 2)];
      }
      case 'parameter': {
        const range = d.range
          ? ` ${this.w('tussen')} ${this.p.print(d.range.low)} ${this.w('en')} ${this.p.print(d.range.high)}`
          : '';
        const head = `${this.w('parameter')} ${d.name.name}: ${this.p.type(d.type)}${range}`;
        const [only] = d.versions;
        if (d.versions.length === 1 && only && !only.from)
          return [...this.formula(`${head} =`, only.value, d, 0), ...this.provenance(only.provenance, 2)];
        const out = [this.line(head, { span: { start: d.span.start, end: (d.range ?? d.type).span.end } })];
        for (const v of d.versions) {
          out.push(
            this.line(
              `${this.w('vanaf')} ${v.from?.text ?? ''}: ${this.p.print(v.value)}`,
              { span: { start: v.span.start, end: v.value.span.end } },
              2,
            ),
          );
          out.push(...this.provenance(v.provenance, 4));
        }
        return out;
      }
      case 'table':
        return this.table(d);
      case 'definition': {
        const scope = d.scope ? ` ${this.w('bij')} ${d.scope.name}` : '';
        const head = `${this.w('definitie')} ${d.name.name}${scope}: ${this.p.type(d.type)} =`;
        return [...this.formula(head, d.value, d, 0), ...this.provenance(d.provenance, 2)];
      }
      case 'valuation': {
        const out = [
          ...this.formula(`${this.w('waardering')} ${d.activityKind.name} =`, d.value, d, 0),
          ...this.provenance(d.provenance, 2),
        ];
        for (const r of d.requirements) {
          out.push(...this.formula(this.w('vereist'), r.condition, r, 2));
          out.push(this.line(`${this.w('anders')} ${this.p.template(r.message)}`, r.message, 4));
          out.push(...this.provenance(r.provenance, 4));
        }
        if (d.within) {
          out.push(...this.formula(this.w('binnen'), d.within.duration, d.within, 2));
          out.push(...this.provenance(d.within.provenance, 4));
        }
        return out;
      }
      case 'route': {
        const label = d.label ? ` ${quote(d.label.value)}` : '';
        const out = [
          this.line(
            `${this.w('route')} ${d.name.name}${label}: ${d.activityKinds.map((k) => k.name).join(', ')}`,
            {
              span: { start: d.span.start, end: d.activityKinds.at(-1)?.span.end ?? d.span.end },
            },
          ),
          ...this.provenance(d.provenance, 2),
        ];
        if (d.cap)
          out.push(
            ...this.formula(this.w('maximum'), d.cap.value, d.cap, 2),
            ...this.provenance(d.cap.provenance, 4),
          );
        return out;
      }
      case 'outcome': {
        const head = `${this.w('uitkomst')} ${d.name.name}: ${this.p.type(d.type)} =`;
        return [...this.formula(head, d.value, d, 0), ...this.provenance(d.provenance, 2)];
      }
      case 'example':
        return this.example(d);
      case 'property':
        return [
          ...this.formula(`${this.w('eigenschap')} ${quote(d.title.value)}:`, d.value, d, 0),
          ...this.provenance(d.provenance, 2),
        ];
    }
  }

  private cell(c: A.TableCell): string {
    if (c.kind === 'any') return '-';
    if (c.kind === 'values') return c.values.map((v) => this.p.print(v)).join(', ');
    return c.bounds.map((b) => `${b.operator} ${this.p.print(b.value, 6)}`).join(` ${this.w('en')} `);
  }

  private table(t: A.TableDeclaration): Line[] {
    const column = (c: A.TableColumn) => `${c.name.name}: ${this.p.type(c.type)}`;
    const outputs = t.singleOutput
      ? this.p.type(t.outputs[0]!.type)
      : `(${t.outputs.map(column).join(', ')})`;
    const policy = t.hitPolicyWritten ? ` [${this.w(t.hitPolicy)}]` : '';
    const out = [
      this.line(
        `${this.w('tabel')} ${t.name.name}(${t.inputs.map(column).join(', ')}): ${outputs}${policy}`,
        t.name,
      ),
    ];
    out.push(...this.provenance(t.provenance, 2));
    const versioned = t.versions.some((v) => v.from);
    for (const v of t.versions) {
      const indent = versioned ? 4 : 2;
      if (versioned) {
        out.push(this.line(`${this.w('vanaf')} ${v.from?.text ?? ''}:`, v.from ?? v, 2));
        out.push(...this.provenance(v.provenance, 4));
      }
      const cells = v.value.map((row) => row.cells.map((c) => this.cell(c)));
      const widths: number[] = [];
      for (const row of cells) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
      v.value.forEach((row, r) => {
        const text = `| ${cells[r]!.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
        const prov = row.provenance.map((p) => this.provenanceText(p)).join(' ');
        out.push({
          text: ' '.repeat(indent) + (prov ? `${text}  ${prov}` : text),
          start: row.span.start,
          // The whole row, closing `|` included: a comment after it stays on the row's line.
          end: row.span.end,
        });
      });
    }
    return out;
  }

  private exampleValue(v: A.ExampleValue): string {
    switch (v.kind) {
      case 'money':
        return `€ ${dutchMoney(v.cents)}`;
      case 'number':
        return `${dutchNumber(v.value)}${v.percent ? '%' : ''}`;
      case 'date':
        return v.text;
      case 'text':
        return quote(v.value);
      case 'boolean':
        return this.w(v.value ? 'ja' : 'nee');
      case 'unknown':
        return this.w('onbekend');
      case 'word':
        return v.value;
    }
  }

  /** `keyword f v f v ...`, continued on indented lines when too long. */
  private fields(head: string, values: readonly A.FieldValue[], node: A.Node, indent: number): Line[] {
    const pairs = values.map((f) => `${f.field.name} ${this.exampleValue(f.value)}`);
    const out: Line[] = [];
    let current = head;
    let start = node.span.start;
    for (const [i, pair] of pairs.entries()) {
      if (current.length + 1 + pair.length + indent > LINE_WIDTH && current !== head) {
        out.push({
          text: ' '.repeat(out.length ? indent + 2 : indent) + current,
          start,
          end: values[i - 1]!.span.end,
        });
        current = pair;
        start = values[i]!.span.start;
      } else current = `${current} ${pair}`;
    }
    out.push({
      text: ' '.repeat(out.length ? indent + 2 : indent) + current,
      start,
      end: values.at(-1)?.span.end ?? node.span.end,
    });
    return out;
  }

  private example(e: A.ExampleDeclaration): Line[] {
    const out = [
      this.line(`${this.w('voorbeeld')} ${quote(e.title.value)}`, e.title),
      ...this.provenance(e.provenance, 2),
    ];
    if (e.contract.length) out.push(...this.fields(this.w('contract'), e.contract, e.contract[0]!, 2));
    for (const a of e.activities)
      out.push(...this.fields(`${this.w('activiteit')} ${a.activityKind.name}`, a.fields, a, 2));
    if (e.expectations.length) {
      // Anchored at the keyword itself, so a comment after `verwacht` stays on its line.
      const keyword = this.codeEndBefore(e.expectations[0]!.span.start);
      out.push({ text: `  ${this.w('verwacht')}`, start: keyword, end: keyword });
      for (const x of e.expectations) {
        const text =
          x.kind === 'message'
            ? `${this.w('melding')} ${quote(x.text.value)}`
            : x.kind === 'valuation'
              ? `${this.w('waardering')} ${x.index} ${this.exampleValue(x.value)}`
              : `${x.outcome.name} ${this.exampleValue(x.value)}`;
        out.push(this.line(text, x, 4));
      }
    }
    return out;
  }
}

/** Puts comments into a declaration's lines: after the line they end, or before the line they precede. */
function weave(
  lines: Line[],
  comments: readonly Comment[],
  source: SourceFile,
  codeEndBefore: (offset: number) => number,
): string[] {
  const after = new Map<number, string[]>();
  const before = new Map<number, string[]>();
  const lineOf = (o: number) => source.position(o).line;
  // A line may end where the next one's code starts (a formula's head, `+ som(`): its code ends
  // at its last token, and a comment after that token belongs to it, in any layout.
  const codeEnds = lines.map((l) => Math.max(l.start, codeEndBefore(l.end)));
  for (const c of comments) {
    const cl = lineOf(c.start);
    // Trailing: some printed line's source ends on the comment's line, before it.
    let owner = -1;
    lines.forEach((l, i) => {
      const end = codeEnds[i]!;
      if (end <= c.start && lineOf(Math.max(l.start, end - 1)) === cl) owner = i;
    });
    if (owner >= 0) {
      after.set(owner, [...(after.get(owner) ?? []), c.text]);
      continue;
    }
    const next = lines.findIndex((l) => l.start > c.start);
    if (next < 0 && lines.length > 0) {
      // Inside the last line's code (a table row or formula over several lines), or after every
      // printed line (a keyword with nothing after it, like an empty `contract`): after that line.
      // Below it, the comment would lie outside the declaration and move again on the next format.
      const inside = lines.findLastIndex((l) => l.start <= c.start && c.start < l.end);
      const owner = inside >= 0 ? inside : lines.length - 1;
      after.set(owner, [...(after.get(owner) ?? []), c.text]);
      continue;
    }
    const at = next < 0 ? lines.length : next;
    before.set(at, [...(before.get(at) ?? []), c.text]);
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    const indent = /^ */.exec(l.text)![0];
    for (const c of before.get(i) ?? []) out.push(indent + c);
    out.push(
      l.text +
        (after
          .get(i)
          ?.map((c) => `  ${c}`)
          .join('') ?? ''),
    );
  });
  const trailing = before.get(lines.length) ?? [];
  const lastIndent = /^ */.exec(lines.at(-1)?.text ?? '')![0];
  for (const c of trailing) out.push(lastIndent + c);
  return out;
}

/** Formats a ruleset's text. Refuses (returns the diagnostics) when the text has syntax errors. */
export function formatSource(path: string, text: string, lang: Spelling = 'nl'): Result<string | undefined> {
  const module = parseModule(path, text);
  if (!module.ast || hasErrors(module.diagnostics))
    return { value: undefined, diagnostics: module.diagnostics };
  const source = module.source;
  const comments: Comment[] = module.comments.map((c) => ({
    text: c.image.trimEnd(),
    start: c.startOffset,
    end: c.startOffset + c.image.length,
  }));
  const commentEnding = new Map(comments.map((c) => [c.start + c.text.length, c]));
  const codeEndBefore = (offset: number) => {
    let end = offset;
    for (;;) {
      while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
      const comment = commentEnding.get(end);
      if (!comment) return end;
      end = comment.start;
    }
  };
  const layout = new Layout(lang, codeEndBefore);
  const items: { start: number; end: number; lines: Line[] }[] = [
    {
      start: module.ast.header.span.start,
      end: module.ast.header.span.end,
      lines: layout.header(module.ast.header),
    },
    ...module.ast.declarations.map((d) => ({
      start: d.span.start,
      end: d.span.end,
      lines: layout.declaration(d),
    })),
  ];
  const out: string[] = [];
  let ci = 0;
  let previousEnd = 0;
  const blankBetween = (a: number, b: number) => /\n[ \t]*\r?\n/.test(text.slice(a, b));
  for (const [index, item] of items.entries()) {
    // Comments before this item that are not on the previous item's last line lead it.
    const leading: Comment[] = [];
    while (ci < comments.length && comments[ci]!.start < item.start) {
      const c = comments[ci]!;
      const onPreviousLine =
        index > 0 && source.position(c.start).line === source.position(Math.max(previousEnd - 1, 0)).line;
      if (onPreviousLine) out[out.length - 1] += `  ${c.text}`;
      else leading.push(c);
      ci++;
    }
    let cursor = previousEnd;
    for (const c of leading) {
      if (out.length > 0 && blankBetween(cursor, c.start) && out[out.length - 1] !== '') out.push('');
      out.push(c.text);
      cursor = c.end;
    }
    if (out.length > 0 && blankBetween(cursor, item.start) && out[out.length - 1] !== '') out.push('');
    const inner: Comment[] = [];
    // Comments inside the item, and one right after its end on the same line.
    while (ci < comments.length && comments[ci]!.start < item.end) inner.push(comments[ci++]!);
    const next = items[index + 1]?.start ?? text.length;
    while (
      ci < comments.length &&
      comments[ci]!.start < next &&
      source.position(comments[ci]!.start).line === source.position(Math.max(item.end - 1, item.start)).line
    )
      inner.push(comments[ci++]!);
    out.push(...weave(item.lines, inner, source, codeEndBefore));
    previousEnd = Math.max(item.end, inner.at(-1)?.end ?? 0);
  }
  const rest = comments.slice(ci);
  let cursor = previousEnd;
  for (const c of rest) {
    if (blankBetween(cursor, c.start) && out[out.length - 1] !== '') out.push('');
    out.push(c.text);
    cursor = c.end;
  }
  return { value: out.join('\n').replace(/[ \t]+$/gm, '') + '\n', diagnostics: module.diagnostics };
}

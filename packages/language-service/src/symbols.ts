// The outline of a ruleset (document symbols) and the rule (declaration) at an offset or behind an
// explanation node, all read off the document's AST.
import type { Ast } from '@sroi/compiler';
import type { DocumentSymbol, RuleRef, SymbolKind, TextRange } from './types.js';

const range = (n: Ast.Node): TextRange => ({ start: n.span.start, end: n.span.end });

/** A type as written, on one line (`bedrag per jaar`). */
const written = (text: string, n: Ast.Node): string =>
  text.slice(n.span.start, n.span.end).replace(/\s+/g, ' ').trim();

const symbol = (
  name: string,
  kind: SymbolKind,
  whole: Ast.Node,
  selection: Ast.Node | TextRange,
  detail?: string,
  children: DocumentSymbol[] = [],
): DocumentSymbol => ({
  name,
  kind,
  ...(detail ? { detail } : {}),
  range: range(whole),
  selectionRange: 'span' in selection ? range(selection) : selection,
  children,
});

/** The outline entry of one declaration. */
function declarationSymbol(text: string, d: Ast.Declaration): DocumentSymbol {
  switch (d.kind) {
    case 'enumeration':
      return symbol(d.name.name, 'enumeration', d, d.name, d.values.map((v) => v.name).join(', '));
    case 'parameter':
      return symbol(d.name.name, 'parameter', d, d.name, written(text, d.type));
    case 'table': {
      const columns = [...d.inputs, ...(d.singleOutput ? [] : d.outputs)].map((c) =>
        symbol(c.name.name, 'parameter', c, c.name, written(text, c.type)),
      );
      const output = d.singleOutput && d.outputs[0] ? `: ${written(text, d.outputs[0].type)} ` : ' ';
      return symbol(d.name.name, 'table', d, d.name, `${output}[${d.hitPolicy}]`.trim(), columns);
    }
    case 'definition':
      return symbol(
        d.name.name,
        'definition',
        d,
        d.name,
        `${written(text, d.type)}${d.scope ? ` (bij ${d.scope.name})` : ''}`,
      );
    case 'valuation':
      return symbol(d.activityKind.name, 'valuation', d, d.activityKind);
    case 'route':
      return symbol(d.name.name, 'route', d, d.name, d.label?.value);
    case 'outcome':
      return symbol(d.name.name, 'outcome', d, d.name, written(text, d.type));
    case 'example':
      return symbol(d.title.value, 'example', d, d.title);
    case 'property':
      return symbol(d.title.value, 'property', d, d.title);
  }
}

/** The outline: the `regeling` with its periods, then every declaration in text order. */
export function documentSymbols(text: string, ast: Ast.Ruleset): DocumentSymbol[] {
  const h = ast.header;
  const periods = h.periods.map((p) =>
    symbol(p.name.value, 'period', p, p.name, `${p.from.text} – ${p.to.text}`),
  );
  return [
    symbol(h.name.value, 'ruleset', h, h.name, h.version?.value, periods),
    ...ast.declarations.map((d) => declarationSymbol(text, d)),
  ];
}

/** How an explanation heads a declaration's rule (`definitie basiswaarde`, `waardering plaatsing`). */
export function ruleHeading(d: Ast.Declaration): string {
  switch (d.kind) {
    case 'enumeration':
      return `opsomming ${d.name.name}`;
    case 'parameter':
      return `parameter ${d.name.name}`;
    case 'table':
      return `tabel ${d.name.name}`;
    case 'definition':
      return `definitie ${d.name.name}`;
    case 'valuation':
      return `waardering ${d.activityKind.name}`;
    case 'route':
      return `route ${d.name.name}`;
    case 'outcome':
      return `uitkomst ${d.name.name}`;
    case 'example':
      return `voorbeeld "${d.title.value}"`;
    case 'property':
      return `eigenschap "${d.title.value}"`;
  }
}

/** The rule of a declaration in a document. */
export function ruleOf(path: string, text: string, d: Ast.Declaration): RuleRef {
  const s = declarationSymbol(text, d);
  return {
    rule: ruleHeading(d),
    kind: s.kind,
    name: s.name,
    path,
    range: s.range,
    selectionRange: s.selectionRange,
  };
}

/** The declaration whose text holds an offset (its last character included). */
export function declarationAt(ast: Ast.Ruleset, offset: number): Ast.Declaration | undefined {
  return ast.declarations.find((d) => d.span.start <= offset && offset <= d.span.end);
}

/** The rule the header stands for: the `regeling` itself. */
export function headerRule(path: string, ast: Ast.Ruleset): RuleRef {
  const h = ast.header;
  return {
    rule: 'regeling',
    kind: 'ruleset',
    name: h.name.value,
    path,
    range: range(h),
    selectionRange: range(h.name),
  };
}

/**
 * The declaration an explanation heading names: `maximum r` is route r's cap; the first word is
 * the kind, the rest the name.
 */
export function declarationByHeading(ast: Ast.Ruleset, heading: string): Ast.Declaration | undefined {
  const [word, ...rest] = heading.trim().split(/\s+/);
  const name = rest.join(' ');
  const wanted = word === 'maximum' ? `route ${name}` : `${word} ${name}`;
  return ast.declarations.find((d) => ruleHeading(d) === wanted);
}

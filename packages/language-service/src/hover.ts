// Hover: what a name is (type and unit, its value per `vanaf` date, its `bron` and `aanname`), in a
// variant also the base value it overrides; what a keyword means. Plain text lines, never HTML.
import { declarationKey, showType, type Ast, type CheckedModel } from '@sroi/compiler';
import { activityKinds, contractFields, fieldDoc, type FieldSpec, type Language } from '@sroi/core';
import { Kw, sroiLexer, tokenIs, type KeywordName } from '@sroi/grammar';
import { fieldTypeWord } from './field-types.js';
import type { DocumentAnalysis, Workspace } from './analysis.js';
import { builtinFunctions } from './builtins.js';
import { keywordDescription } from './keyword-docs.js';
import { occurrenceAt, type SymbolRef } from './occurrences.js';
import { lineEnd, lineStart } from './text.js';
import { say } from './texts.js';
import type { Hover } from './types.js';

/** Source text of a node, on one line. */
type Excerpt = (n: Ast.Node) => string;

const words = {
  nl: {
    provisional: 'voorlopig: aanname',
    value: 'waarde van opsomming',
    column: 'kolom van tabel',
    kind: 'activiteitsoort',
    fields: 'velden',
    required: 'verplicht',
    optional: 'optioneel',
    unlessStated: 'nee tenzij vermeld',
    keyword: 'sleutelwoord',
    rows: 'rijen',
    function: 'functie',
    referenceDate: 'de peildatum van het contract',
    attribute: 'in een som over',
  },
  en: {
    provisional: 'provisional: assumption',
    value: 'value of enumeration',
    column: 'column of table',
    kind: 'activity kind',
    fields: 'fields',
    required: 'required',
    optional: 'optional',
    unlessStated: 'no unless stated',
    keyword: 'keyword',
    rows: 'rows',
    function: 'function',
    referenceDate: "the contract's reference date",
    attribute: 'in a sum over',
  },
} as const;

const provenanceLines = (ps: readonly Ast.Provenance[], language: Language): string[] =>
  ps.map((p) => {
    const document = p.document ? `${p.document.name} ` : '';
    return p.kind === 'bron'
      ? `bron ${document}"${p.text}"`
      : `aanname ${document}"${p.text}" (${words[language].provisional})`;
  });

/** The lines that describe a declaration's value: per version, with its sources. */
function valueLines(d: Ast.Declaration, excerpt: Excerpt, language: Language): string[] {
  const out: string[] = [];
  switch (d.kind) {
    case 'parameter':
      for (const v of d.versions) {
        out.push(v.from ? `vanaf ${v.from.text}: ${excerpt(v.value)}` : excerpt(v.value));
        out.push(...provenanceLines(v.provenance, language).map((l) => `  ${l}`));
      }
      break;
    case 'table':
      out.push(...provenanceLines(d.provenance, language));
      for (const v of d.versions) {
        const rows = `${v.value.length} ${words[language].rows}`;
        out.push(v.from ? `vanaf ${v.from.text}: ${rows}` : rows);
        out.push(...provenanceLines(v.provenance, language).map((l) => `  ${l}`));
      }
      break;
    case 'definition':
    case 'outcome':
      out.push(`= ${excerpt(d.value)}`, ...provenanceLines(d.provenance, language));
      break;
    case 'route':
      if (d.cap) out.push(`maximum ${excerpt(d.cap.value)}`, ...provenanceLines(d.cap.provenance, language));
      out.push(...provenanceLines(d.provenance, language));
      break;
    case 'enumeration':
      out.push(...provenanceLines(d.provenance, language));
      break;
    default:
      break;
  }
  return out;
}

/** The first line: what the declaration is, as written (`parameter drempel: bedrag`). */
function headLine(d: Ast.Declaration, model: CheckedModel | undefined, excerpt: Excerpt): string {
  const type = (n: Ast.Declaration | Ast.TableColumn, ref: Ast.TypeReference) => {
    const t = model?.declaredTypes.get(n);
    return t ? showType(t) : excerpt(ref);
  };
  switch (d.kind) {
    case 'parameter':
      return `parameter ${d.name.name}: ${type(d, d.type)}`;
    case 'table': {
      const inputs = d.inputs.map((c) => `${c.name.name}: ${type(c, c.type)}`).join(', ');
      const outputs = d.singleOutput
        ? d.outputs[0]
          ? type(d.outputs[0], d.outputs[0].type)
          : ''
        : `(${d.outputs.map((c) => `${c.name.name}: ${type(c, c.type)}`).join(', ')})`;
      return `tabel ${d.name.name}(${inputs}): ${outputs} [${d.hitPolicy}]`;
    }
    case 'definition':
      return `definitie ${d.name.name}${d.scope ? ` bij ${d.scope.name}` : ''}: ${type(d, d.type)}`;
    case 'outcome':
      return `uitkomst ${d.name.name}: ${type(d, d.type)}`;
    case 'route':
      return `route ${d.name.name}${d.label ? ` "${d.label.value}"` : ''}: ${d.activityKinds.map((k) => k.name).join(', ')}`;
    case 'enumeration':
      return `opsomming ${d.name.name}: ${d.values.map((v) => v.name).join(', ')}`;
    case 'valuation':
      return `waardering ${d.activityKind.name}`;
    case 'example':
      return `voorbeeld "${d.title.value}"`;
    case 'property':
      return `eigenschap "${d.title.value}"`;
  }
}

/** The declaration in effect for a declared symbol, in the merged ruleset. */
function effective(model: CheckedModel, s: SymbolRef): Ast.Declaration | undefined {
  switch (s.kind) {
    case 'value':
      return model.parameters.get(s.name) ?? model.tables.get(s.name) ?? model.definitions.get(s.name);
    case 'scoped-definition':
      return model.definitions.get(`${s.activityKind}.${s.name}`);
    case 'outcome':
      return model.outcomes.get(s.name);
    case 'route':
      return model.routes.find((r) => r.name.name === s.name);
    case 'enumeration':
    case 'enum-value':
      return model.enumerations.get(s.kind === 'enumeration' ? s.name : s.enumeration);
    case 'column':
      return model.tables.get(s.table);
    default:
      return undefined;
  }
}

const fieldLine = (name: string, spec: FieldSpec, language: Language): string[] => {
  const type = fieldTypeWord(spec);
  const presence =
    spec.presence === 'required'
      ? words[language].required
      : spec.presence === 'optional'
        ? words[language].optional
        : words[language].unlessStated;
  return [`${name}: ${type} (${presence})`, fieldDoc(spec, language)];
};

/** The hover at an offset of a document. */
export function hover(ws: Workspace, doc: DocumentAnalysis, offset: number): Hover | undefined {
  const language = ws.language;
  const o = occurrenceAt(doc.occurrences, offset);
  if (!o) return keywordHover(doc.text, offset, language);
  const model = doc.result.model;
  const sources = doc.result.sources;
  const excerpt: Excerpt = (n) =>
    (sources.get(n.span.file)?.text.slice(n.span.start, n.span.end) ?? '').replace(/\s+/g, ' ').trim();
  const s = o.symbol;
  const lines = ((): string[] | undefined => {
    switch (s.kind) {
      case 'contract-field': {
        const spec = Object.hasOwn(contractFields, s.name) ? contractFields[s.name] : undefined;
        return spec ? fieldLine(`contract.${s.name}`, spec, language) : undefined;
      }
      case 'activity-field': {
        const fields = Object.hasOwn(activityKinds, s.activityKind)
          ? activityKinds[s.activityKind]
          : undefined;
        const spec = fields && Object.hasOwn(fields, s.name) ? fields[s.name] : undefined;
        return spec ? fieldLine(`activiteit.${s.name} (${s.activityKind})`, spec, language) : undefined;
      }
      case 'activity-kind': {
        const fields = Object.hasOwn(activityKinds, s.name) ? activityKinds[s.name]! : {};
        return [
          `${words[language].kind} ${s.name}`,
          `${words[language].fields}: ${Object.keys(fields).join(', ')}`,
        ];
      }
      case 'attribute':
        return [
          `${s.of}.${s.name}`,
          `${words[language].attribute} ${s.of === 'activiteit' ? 'activiteiten' : 'routes'}`,
        ];
      case 'function': {
        const f = builtinFunctions.find((b) => b.name === s.name);
        return [`${words[language].function} ${f?.signature ?? s.name}`];
      }
      case 'document': {
        const d = model?.documents.get(s.name);
        if (!d) return undefined;
        return [
          `document ${d.name.name} "${d.title.value}"`,
          ...d.files.map((f) => `bestand "${f.value}"`),
          ...d.locations.map((l) => `vindplaats "${l.value}"`),
          ...(d.span.file !== doc.path ? [say('declaredIn', language, { path: d.span.file })] : []),
        ];
      }
      case 'reference-date':
        return [
          `${s.name}: datum`,
          `${words[language].referenceDate} (contract.${model?.referenceDateField ?? '?'})`,
        ];
      default: {
        const d = model && effective(model, s);
        if (!d) return undefined;
        if (s.kind === 'enum-value')
          return [`${s.name}: ${words[language].value} ${s.enumeration}`, headLine(d, model, excerpt)];
        if (s.kind === 'column') {
          const table = d as Ast.TableDeclaration;
          const c = [...table.inputs, ...table.outputs].find((x) => x.name.name === s.name);
          const t = c && model.declaredTypes.get(c);
          return [
            `${s.name}: ${t ? showType(t) : ''} (${words[language].column} ${s.table})`,
            headLine(d, model, excerpt),
          ];
        }
        const out = [headLine(d, model, excerpt), ...valueLines(d, excerpt, language)];
        if (d.span.file !== doc.path) out.push(say('declaredIn', language, { path: d.span.file }));
        out.push(...overridden(ws, doc, d, language));
        return out;
      }
    }
  })();
  return lines ? { range: o.range, contents: lines } : undefined;
}

/** In a variant: what the declaration in effect replaces in the bases (their value and sources). */
function overridden(ws: Workspace, doc: DocumentAnalysis, d: Ast.Declaration, language: Language): string[] {
  const key = declarationKey(d);
  if (!key) return [];
  const out: string[] = [];
  const chain = doc.chain;
  for (const path of chain.slice(chain.indexOf(d.span.file) + 1)) {
    const base = ws.analyze(path);
    const replaced = base?.result.ast?.declarations.find((x) => declarationKey(x) === key);
    if (!base || !replaced) continue;
    const excerpt: Excerpt = (n) => base.text.slice(n.span.start, n.span.end).replace(/\s+/g, ' ').trim();
    out.push(
      say('overrides', language, { path }),
      ...[headLine(replaced, base.result.model, excerpt), ...valueLines(replaced, excerpt, language)].map(
        (l) => `  ${l}`,
      ),
    );
    break;
  }
  return out;
}

/** A keyword's meaning, from the token under the cursor. */
function keywordHover(text: string, offset: number, language: Language): Hover | undefined {
  const start = lineStart(text, offset);
  const line = text.slice(start, lineEnd(text, offset));
  const token = sroiLexer
    .tokenize(line)
    .tokens.find((t) => start + t.startOffset <= offset && offset <= start + t.startOffset + t.image.length);
  if (!token) return undefined;
  const concepts = (Object.keys(Kw) as KeywordName[]).filter((c) => tokenIs(token, Kw[c]));
  // A word with one spelling for two concepts (`for`: bij and voor) gets both meanings.
  const meanings = concepts.map((c) => keywordDescription(c, language)).filter((m): m is string => !!m);
  if (meanings.length === 0 || token.tokenType.name === 'Identifier') return undefined;
  return {
    range: { start: start + token.startOffset, end: start + token.startOffset + token.image.length },
    contents: [`${words[language].keyword} '${token.image}'`, ...meanings],
  };
}

// Completion from the grammar and the checked model: Chevrotain's content assist says which
// tokens the grammar allows at the cursor (and in which rule), the checked model which names fill
// a name slot there. Keywords are the grammar's spellings; English ones only when typed.
import { showType, type Ast, type CheckedModel } from '@sroi/compiler';
import {
  activityKinds,
  contractFields,
  fieldDoc,
  isStandardOutcome,
  standardOutcomes,
  type FieldSpec,
  type Language,
} from '@sroi/core';
import {
  Dot,
  Identifier,
  Kw,
  keywordList,
  NotEquals,
  RParen,
  sroiLexer,
  sroiParser,
  tokenIs,
  type IToken,
} from '@sroi/grammar';
import { fieldTypeWord } from './field-types.js';
import type { DocumentAnalysis } from './analysis.js';
import { builtinFunctions } from './builtins.js';
import { keywordDescription } from './keyword-docs.js';
import { declarationAt } from './symbols.js';
import { lineStart } from './text.js';
import type { CompletionItem, CompletionKind, CompletionList } from './types.js';

/** Characters of a name (the grammar's Identifier: letters, digits, `_` and inner `-`). */
const NAME_CHAR = /[A-Za-zÀ-ÖØ-öø-ÿ_0-9-]/;

/** Content assist runs over the tokens of one declaration; beyond this many it is too slow per keystroke. */
const MAX_ASSIST_TOKENS = 400;

type Item = Omit<CompletionItem, 'sortText'> & { readonly rank: number };

/** Keyword concepts by name (`Als`), with their spellings from the grammar's keyword list. */
const spellings = new Map<string, { spelling: string; language: 'nl' | 'en' | 'both' }[]>();
for (const k of keywordList)
  for (const c of k.concepts) {
    const list = spellings.get(c) ?? [];
    list.push({ spelling: k.spelling, language: k.language });
    spellings.set(c, list);
  }

const typeConcepts = new Set(['Bedrag', 'Getal', 'Percentage', 'Datum', 'Duur', 'Tekst', 'JaNee']);
const unitConcepts = new Set(['Jaar', 'Maand', 'Week', 'Dag', 'Uur']);

/**
 * The start of the declaration (or header) holding `offset`: the last line at or before it that
 * starts in the first column with something other than a comment. Declarations start there
 * (continuation lines are indented), which is also what the incremental parser relies on.
 */
function declarationStart(text: string, offset: number): number {
  let start = lineStart(text, offset);
  for (;;) {
    const c = text[start];
    if (c !== undefined && c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r' && start < offset)
      return start;
    if (start === 0) return 0;
    const previous = lineStart(text, start - 1);
    if (previous >= start) return 0;
    start = previous;
  }
}

/** The field spec of a vocabulary record, own properties only. */
const fieldOf = (
  record: Readonly<Record<string, FieldSpec>> | undefined,
  name: string,
): FieldSpec | undefined => (record && Object.hasOwn(record, name) ? record[name] : undefined);

const kindsOf = (name: string) => (Object.hasOwn(activityKinds, name) ? activityKinds[name] : undefined);

const describeField = (spec: FieldSpec): string =>
  spec.presence === 'optional' ? `${fieldTypeWord(spec)} optioneel` : fieldTypeWord(spec);

/** Completion at an offset of a document. */
export function complete(doc: DocumentAnalysis, offset: number, language: Language): CompletionList {
  const text = doc.text;
  let wordStart = offset;
  while (wordStart > 0 && NAME_CHAR.test(text[wordStart - 1]!)) wordStart--;
  const prefix = text.slice(wordStart, offset);
  const range = { start: wordStart, end: offset };
  const none: CompletionList = { range, items: [] };

  const declStart = declarationStart(text, wordStart);
  const lexed = sroiLexer.tokenize(text.slice(declStart, wordStart));
  // Nothing inside a comment or a text.
  const lineHead = text.slice(lineStart(text, offset), wordStart);
  if (/#/.test(lineHead.replace(/"(?:[^"\\]|\\.)*"/g, '')) || (lineHead.split('"').length - 1) % 2 === 1)
    return none;

  const tokens = lexed.tokens;
  const last = tokens.at(-1);
  const model = doc.result.model;
  const ast = doc.result.ast;
  const declaration = ast && declarationAt(ast, Math.max(declStart, Math.min(offset, text.length - 1)));
  const scopeKind =
    declaration?.kind === 'valuation'
      ? declaration.activityKind.name
      : declaration?.kind === 'definition'
        ? declaration.scope?.name
        : undefined;

  const items: Item[] = [];
  const add = (item: Item) => items.push(item);

  // A field after a dot: of the contract, the activity, the route, or a table's row.
  if (last && tokenIs(last, Dot)) {
    const before = tokens.at(-2);
    if (before && tokenIs(before, Kw.Contract))
      for (const [name, spec] of Object.entries(contractFields))
        add({
          label: name,
          kind: 'field',
          detail: describeField(spec),
          documentation: fieldDoc(spec, language),
          insertText: name,
          rank: 1,
        });
    else if (before && tokenIs(before, Kw.Activiteit)) {
      const fields = scopeKind ? kindsOf(scopeKind) : undefined;
      if (fields)
        for (const [name, spec] of Object.entries(fields))
          add({
            label: name,
            kind: 'field',
            detail: describeField(spec),
            documentation: fieldDoc(spec, language),
            insertText: name,
            rank: 1,
          });
      for (const name of ['waardering', 'soort'])
        add({
          label: name,
          kind: 'field',
          detail: 'som(... voor elke activiteit)',
          insertText: name,
          rank: 2,
        });
    } else if (before && tokenIs(before, Kw.Route))
      for (const name of ['gerealiseerd', 'totaal', 'naam'])
        add({ label: name, kind: 'field', detail: 'som(... voor elke route)', insertText: name, rank: 1 });
    else if (before && tokenIs(before, RParen) && model) {
      const table = calledTable(tokens.slice(0, -1), model);
      if (table)
        for (const c of table.outputs)
          add({
            label: c.name.name,
            kind: 'column',
            detail: showColumn(c, model),
            insertText: c.name.name,
            rank: 1,
          });
    }
    return finish(range, items);
  }

  const headerFirst = tokens[0] && tokenIs(tokens[0], Kw.Regeling);
  const atLineStart = lineStart(text, wordStart) === wordStart;
  const rule = headerFirst ? 'ruleset' : 'declaration';
  const paths =
    tokens.length > MAX_ASSIST_TOKENS || lexed.errors.length > 0 || (atLineStart && !headerFirst)
      ? []
      : sroiParser.computeContentAssist(rule, tokens);
  // A new declaration may start in the first column (or anywhere after the header's first line).
  if (atLineStart || tokens.length === 0)
    for (const p of sroiParser.computeContentAssist('declaration', [])) paths.push(p);
  if (paths.length === 0 && tokens.length > MAX_ASSIST_TOKENS)
    return finish(range, namesInScope(model, scopeKind));

  const seen = new Set<string>();
  for (const p of paths) {
    const type = p.nextTokenType;
    const context = p.ruleStack.at(-1) ?? '';
    const key = `${type.name}@${context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (type.name.startsWith('Kw')) {
      const concept = type.name.slice(2);
      if (concept === 'Euro') {
        add({
          label: '€',
          kind: 'unit',
          detail: language === 'nl' ? 'bedrag' : 'amount',
          documentation: keywordDescription(concept, language),
          insertText: '€ ',
          rank: 3,
        });
        continue;
      }
      for (const { spelling, language: lang } of spellings.get(concept) ?? []) {
        // English spellings only when the author is typing one.
        if (lang === 'en' && !(prefix.length > 0 && spelling.startsWith(prefix))) continue;
        const kind: CompletionKind = typeConcepts.has(concept)
          ? 'type'
          : unitConcepts.has(concept)
            ? 'unit'
            : 'keyword';
        add({
          label: spelling,
          kind,
          detail:
            kind === 'keyword'
              ? language === 'nl'
                ? 'sleutelwoord'
                : 'keyword'
              : kind === 'type'
                ? 'type'
                : language === 'nl'
                  ? 'eenheid'
                  : 'unit',
          documentation: keywordDescription(concept, language),
          insertText: spelling,
          rank: lang === 'en' ? 6 : kind === 'keyword' ? 5 : 3,
        });
      }
      continue;
    }
    if (type.name !== 'Identifier' && type.name !== 'NameWord' && type.name !== 'AnyWord') continue;
    for (const item of nameSlot(context, tokens, text, declStart, wordStart, model, scopeKind, language))
      add(item);
  }
  return finish(range, items);
}

/** The items of a name slot, by the grammar rule the slot is in. */
function nameSlot(
  context: string,
  tokens: readonly IToken[],
  text: string,
  declStart: number,
  wordStart: number,
  model: CheckedModel | undefined,
  scopeKind: string | undefined,
  language: Language,
): Item[] {
  const last = tokens.at(-1);
  const kinds = (): Item[] =>
    Object.keys(activityKinds).map((k) => ({
      label: k,
      kind: 'activity-kind',
      detail: 'activiteitsoort',
      insertText: k,
      rank: 1,
    }));
  switch (context) {
    case 'typeReference':
    case 'tableColumn':
      return [...(model?.enumerations.values() ?? [])].map((e) => ({
        label: e.name.name,
        kind: 'enumeration',
        detail: `opsomming: ${e.values.map((v) => v.name).join(', ')}`,
        insertText: e.name.name,
        rank: 1,
      }));
    case 'valuation':
    case 'route':
      return last && (tokenIs(last, Kw.Waardering) || !tokenIs(last, Kw.Route)) ? kinds() : [];
    case 'definition':
      return last && tokenIs(last, Kw.Bij) ? kinds() : [];
    case 'exampleActivity':
      return last && tokenIs(last, Kw.Activiteit) ? kinds() : [];
    case 'fieldValue':
      return fieldsOf(activityFields(tokens), language);
    case 'exampleValue': {
      // The slot after a field name: the values of that field's enumeration.
      const field = last?.image ?? '';
      const kind = activityFields(tokens);
      const spec = kind ? fieldOf(kindsOf(kind), field) : fieldOf(contractFields, field);
      return enumValues(model, spec?.type.kind === 'enum' ? spec.type.enumeration : undefined, true);
    }
    case 'exampleContract':
      return fieldsOf(undefined, language);
    case 'expectation':
      return [...(model?.outcomes.values() ?? [])].map((o) => ({
        label: o.name.name,
        kind: 'outcome',
        detail: typeOf(model, o),
        insertText: o.name.name,
        rank: 1,
      }));
    case 'outcome':
      // Naming an outcome: the standard outcomes not yet declared.
      return standardOutcomes
        .filter((name) => !model?.outcomes.has(name))
        .map((name) => ({
          label: name,
          kind: 'outcome',
          detail: 'standaarduitkomst',
          insertText: name,
          rank: 1,
        }));
    case 'cellValue':
    case 'tableCell': {
      const column = columnAt(text, declStart, wordStart, model);
      return [...enumValues(model, column, true), ...namesInScope(model, undefined)];
    }
    case 'primary':
    case 'postfix':
    case 'call':
      return [
        ...enumValues(model, expectedEnumeration(tokens, model, scopeKind), true),
        ...namesInScope(model, scopeKind),
      ];
    default:
      return [];
  }
}

/**
 * The enumeration a formula slot expects, from what precedes it: `x = `, `x ≠ `, `x in (a, `,
 * where `x` is a contract or activity field or a named value of an enumeration type.
 */
function expectedEnumeration(
  tokens: readonly IToken[],
  model: CheckedModel | undefined,
  scopeKind: string | undefined,
): string | undefined {
  let i = tokens.length - 1;
  // Inside `in (a, b, `: skip the options written so far.
  while (
    i >= 0 &&
    (tokens[i]!.image === ',' || tokens[i]!.image === '(' || tokenIs(tokens[i]!, Identifier))
  ) {
    if (tokens[i]!.image === '(') {
      i--;
      break;
    }
    i--;
  }
  const operator = tokens[i];
  if (!operator || !(tokenIs(operator, Kw.In) || operator.image === '=' || tokenIs(operator, NotEquals)))
    return undefined;
  const name = tokens[i - 1];
  const dot = tokens[i - 2];
  const root = tokens[i - 3];
  let spec: FieldSpec | undefined;
  if (name && dot && root && tokenIs(dot, Dot)) {
    if (tokenIs(root, Kw.Contract)) spec = fieldOf(contractFields, name.image);
    else if (tokenIs(root, Kw.Activiteit) && scopeKind) spec = fieldOf(kindsOf(scopeKind), name.image);
    return spec?.type.kind === 'enum' ? spec.type.enumeration : undefined;
  }
  if (!name || !model) return undefined;
  const d =
    model.parameters.get(name.image) ??
    (scopeKind ? model.definitions.get(`${scopeKind}.${name.image}`) : undefined) ??
    model.definitions.get(name.image) ??
    model.outcomes.get(name.image);
  const t = d && model.declaredTypes.get(d);
  return t?.kind === 'opsomming' ? t.name : undefined;
}

/** The activity kind of the `activiteit KIND ...` line the tokens end in, if they do. */
function activityFields(tokens: readonly IToken[]): string | undefined {
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i - 1]!;
    if (tokenIs(t, Kw.Contract)) return undefined;
    if (tokenIs(t, Kw.Activiteit)) return tokens[i]!.image;
  }
  return undefined;
}

function fieldsOf(kind: string | undefined, language: Language): Item[] {
  const record = kind ? kindsOf(kind) : contractFields;
  return Object.entries(record ?? {}).map(([name, spec]) => ({
    label: name,
    kind: 'field',
    detail: describeField(spec),
    documentation: fieldDoc(spec, language),
    insertText: name,
    rank: spec.presence === 'required' ? 1 : 2,
  }));
}

function enumValues(
  model: CheckedModel | undefined,
  enumeration: string | undefined,
  expected: boolean,
): Item[] {
  if (!model || !enumeration) return [];
  return (model.enumerations.get(enumeration)?.values ?? []).map((v) => ({
    label: v.name,
    kind: 'enum-value',
    detail: enumeration,
    insertText: v.name,
    rank: expected ? 0 : 4,
  }));
}

/** The enumeration of the table input column a cell at `offset` is in (cells counted by `|`). */
function columnAt(
  text: string,
  declStart: number,
  offset: number,
  model: CheckedModel | undefined,
): string | undefined {
  const name = /^\s*(?:tabel|table)\s+([^\s(]+)/.exec(text.slice(declStart, offset))?.[1];
  const table = name ? model?.tables.get(name) : undefined;
  if (!table) return undefined;
  const line = text.slice(lineStart(text, offset), offset);
  const index = line.split('|').length - 2;
  const column = table.inputs[index];
  return column?.type.kind === 'named' ? column.type.name.name : undefined;
}

function typeOf(model: CheckedModel | undefined, d: Ast.Declaration): string | undefined {
  const t = model?.declaredTypes.get(d);
  return t ? showType(t) : undefined;
}

function showColumn(c: Ast.TableColumn, model: CheckedModel): string {
  const t = model.declaredTypes.get(c);
  return t ? showType(t) : '';
}

/** The table called by the parenthesised call the tokens end in (`naam(...)`). */
function calledTable(tokens: readonly IToken[], model: CheckedModel): Ast.TableDeclaration | undefined {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (tokenIs(t, RParen)) depth++;
    else if (t.image === '(' && --depth === 0) return model.tables.get(tokens[i - 1]?.image ?? '');
  }
  return undefined;
}

/** The first `bron` or `aanname` text of a declaration, for completion documentation. */
function provenanceText(d: { readonly provenance?: readonly Ast.Provenance[] }): string | undefined {
  const p = d.provenance?.[0];
  return p ? `${p.kind} "${p.text}"` : undefined;
}

/** Every name a formula may use: parameters, tables, definitions, outcomes, enumeration values, functions. */
function namesInScope(model: CheckedModel | undefined, scopeKind: string | undefined): Item[] {
  if (!model) return [];
  const out: Item[] = [];
  const doc = (d: { readonly provenance?: readonly Ast.Provenance[] }) => {
    const text = provenanceText(d);
    return text ? { documentation: text } : {};
  };
  for (const p of model.parameters.values())
    out.push({
      label: p.name.name,
      kind: 'parameter',
      detail: typeOf(model, p),
      ...doc(p.versions[0] ?? {}),
      insertText: p.name.name,
      rank: 1,
    });
  for (const t of model.tables.values())
    out.push({
      label: t.name.name,
      kind: 'table',
      detail: `tabel(${t.inputs.map((c) => c.name.name).join(', ')})`,
      ...doc(t),
      insertText: t.name.name,
      rank: 1,
    });
  for (const d of model.definitions.values())
    if (!d.scope || d.scope.name === scopeKind)
      out.push({
        label: d.name.name,
        kind: 'definition',
        detail: typeOf(model, d),
        ...doc(d),
        insertText: d.name.name,
        rank: 1,
      });
  for (const o of model.outcomes.values())
    out.push({
      label: o.name.name,
      kind: 'outcome',
      detail: typeOf(model, o),
      ...doc(o),
      insertText: o.name.name,
      rank: isStandardOutcome(o.name.name) ? 2 : 1,
    });
  for (const e of model.enumerations.values()) out.push(...enumValues(model, e.name.name, false));
  for (const f of builtinFunctions)
    out.push({ label: f.name, kind: 'function', detail: f.signature, insertText: f.name, rank: 4 });
  return out;
}

/** Sorted, one item per label and kind. */
function finish(range: CompletionList['range'], items: readonly Item[]): CompletionList {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const { rank, ...item } of [...items].sort(
    (a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  )) {
    const key = `${item.kind}:${item.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...item, sortText: `${rank}${item.label}` });
  }
  return { range, items: out };
}

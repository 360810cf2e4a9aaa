// The ruleset editor: Monaco, loaded lazily (the form and result show first), fed by
// `@sroi/language-service` in the worker. Markers are a pure mapping of the worker's diagnostics;
// highlighting comes from the grammar's words (`highlightWords`) and the checked model's names.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import './monaco-contributions.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FormatResult,
  HighlightWords,
  Hover,
  Location,
  PrepareRename,
  RenameResult,
  SemanticToken,
  TextEdit,
} from '@sroi/language-service';
import type { TextChange, ViewDiagnostic } from './protocol.js';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export type ServiceCall = (method: string, args: readonly unknown[]) => Promise<unknown>;

const LANGUAGE = 'sroi';
const semanticKinds = [
  'parameter',
  'table',
  'definition',
  'outcome',
  'enumeration',
  'enum-value',
  'field',
  'column',
  'activity-kind',
  'route',
  'function',
] as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Monarch tokenizer from the grammar's words and patterns (all from `@sroi/grammar`). */
function monarch(words: HighlightWords): monaco.languages.IMonarchLanguage {
  const alt = (list: readonly string[]) =>
    list.length === 0
      ? '(?!)'
      : [...list]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|');
  const p = words.patterns;
  const rule = (source: string, token: string): monaco.languages.IMonarchLanguageRule | undefined =>
    source ? [new RegExp(source), token] : undefined;
  const word = (list: readonly string[], token: string): monaco.languages.IMonarchLanguageRule => [
    new RegExp(`(?:${alt(list)})(?![\\p{L}\\p{N}_-])`, 'u'),
    token,
  ];
  const rules = [
    rule(p.comment || '#.*', 'comment'),
    rule(p.string || '"[^"\\n]*"', 'string'),
    rule(p.date, 'number.date'),
    word(words.keywords, 'keyword'),
    word(words.types, 'type'),
    word(words.units, 'type.unit'),
    word(words.constants, 'constant'),
    rule(p.number || '\\d+(?:[.,]\\d+)?', 'number'),
    rule(p.identifier || '[\\p{L}_][\\p{L}\\p{N}_-]*', 'identifier'),
    rule(p.operator, 'operator'),
  ].filter((r): r is monaco.languages.IMonarchLanguageRule => r !== undefined);
  return { defaultToken: '', unicode: true, tokenizer: { root: [[/\s+/, 'white'], ...rules] } };
}

const severity = (s: ViewDiagnostic['severity']) =>
  s === 'error'
    ? monaco.MarkerSeverity.Error
    : s === 'warning'
      ? monaco.MarkerSeverity.Warning
      : monaco.MarkerSeverity.Info;

export interface RulesetEditor {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  setText(text: string, path: string): void;
  text(): string;
  setMarkers(diagnostics: readonly ViewDiagnostic[]): void;
  /** Selects a 1-based line (and the declaration name's span, when given) and focuses the editor. */
  reveal(line: number, column?: number): void;
  revealRange(start: number, end: number): void;
  format(): Promise<void>;
  /** Applies edits of the language service (offsets) as one undoable step. */
  applyEdits(edits: readonly TextEdit[]): void;
  /** Each edit's changes (offsets into the text before it) and the length of the text after it. */
  onChange(listener: (changes: readonly TextChange[], length: number) => void): void;
  setLabel(label: string): void;
}

export async function createEditor(
  host: HTMLElement,
  call: ServiceCall,
  label: string,
): Promise<RulesetEditor> {
  monaco.languages.register({ id: LANGUAGE, extensions: ['.sroi'] });
  const words = (await call('highlightWords', [])) as HighlightWords | undefined;
  if (words) monaco.languages.setMonarchTokensProvider(LANGUAGE, monarch(words));
  monaco.languages.setLanguageConfiguration(LANGUAGE, {
    comments: { lineComment: '#' },
    brackets: [
      ['(', ')'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
    wordPattern: /[\p{L}_][\p{L}\p{N}_-]*|\d+(?:[.,]\d+)?/u,
  });
  monaco.editor.defineTheme('sroi', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7a1fa2', fontStyle: 'bold' },
      { token: 'type', foreground: '00607a' },
      { token: 'type.unit', foreground: '00607a' },
      { token: 'constant', foreground: '8a4b00' },
      { token: 'string', foreground: '1a6b1a' },
      { token: 'number', foreground: '9c2b00' },
      { token: 'number.date', foreground: '9c2b00' },
      { token: 'comment', foreground: '5f6b73', fontStyle: 'italic' },
      { token: 'parameter', foreground: '0b4f9c' },
      { token: 'table', foreground: '0b4f9c', fontStyle: 'bold' },
      { token: 'definition', foreground: '0b4f9c' },
      { token: 'enum-value', foreground: '8a4b00' },
      { token: 'field', foreground: '5b3a00' },
    ],
    colors: {},
  });

  let path = 'regeling.sroi';
  const model = monaco.editor.createModel('', LANGUAGE, monaco.Uri.parse('inmemory://sroi/regeling.sroi'));
  const editor = monaco.editor.create(host, {
    model,
    theme: 'sroi',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    wordWrap: 'off',
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    ariaLabel: label,
    'semanticHighlighting.enabled': true,
    fixedOverflowWidgets: true,
  });

  const pos = (offset: number) => model.getPositionAt(offset);
  const range = (start: number, end: number): monaco.IRange => {
    const a = pos(start);
    const b = pos(end);
    return {
      startLineNumber: a.lineNumber,
      startColumn: a.column,
      endLineNumber: b.lineNumber,
      endColumn: b.column,
    };
  };
  const offset = (p: monaco.IPosition) => model.getOffsetAt(p);
  const edits = (list: readonly TextEdit[]): monaco.languages.TextEdit[] =>
    list.map((e) => ({ range: range(e.range.start, e.range.end), text: e.newText }));
  const workspaceEdit = (
    edit: Readonly<Record<string, readonly TextEdit[]>>,
  ): monaco.languages.WorkspaceEdit => ({
    edits: (edit[path] ?? []).map((e) => ({
      resource: model.uri,
      textEdit: { range: range(e.range.start, e.range.end), text: e.newText },
      versionId: undefined,
    })),
  });
  const locations = (list: readonly Location[] | undefined): monaco.languages.Location[] =>
    (list ?? [])
      .filter((l) => l.path === path)
      .map((l) => ({ uri: model.uri, range: range(l.range.start, l.range.end) }));

  const completionKinds: Record<string, monaco.languages.CompletionItemKind> = {
    keyword: monaco.languages.CompletionItemKind.Keyword,
    parameter: monaco.languages.CompletionItemKind.Constant,
    table: monaco.languages.CompletionItemKind.Struct,
    definition: monaco.languages.CompletionItemKind.Variable,
    outcome: monaco.languages.CompletionItemKind.Value,
    valuation: monaco.languages.CompletionItemKind.Function,
    enumeration: monaco.languages.CompletionItemKind.Enum,
    'enum-value': monaco.languages.CompletionItemKind.EnumMember,
    field: monaco.languages.CompletionItemKind.Field,
    column: monaco.languages.CompletionItemKind.Field,
    unit: monaco.languages.CompletionItemKind.Unit,
    type: monaco.languages.CompletionItemKind.TypeParameter,
    'activity-kind': monaco.languages.CompletionItemKind.Class,
    route: monaco.languages.CompletionItemKind.Module,
    function: monaco.languages.CompletionItemKind.Function,
  };
  monaco.languages.registerCompletionItemProvider(LANGUAGE, {
    triggerCharacters: ['.', ' '],
    provideCompletionItems: async (_m, position) => {
      const list = (await call('getCompletions', [path, offset(position)])) as CompletionList | undefined;
      if (!list) return { suggestions: [] };
      const r = range(list.range.start, list.range.end);
      return {
        suggestions: list.items.map((i) => ({
          label: i.label,
          kind: completionKinds[i.kind] ?? monaco.languages.CompletionItemKind.Text,
          ...(i.detail ? { detail: i.detail } : {}),
          ...(i.documentation ? { documentation: i.documentation } : {}),
          insertText: i.insertText,
          sortText: i.sortText,
          range: r,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(LANGUAGE, {
    provideHover: async (_m, position) => {
      const hover = (await call('getHover', [path, offset(position)])) as Hover | undefined;
      if (!hover || hover.contents.length === 0) return null;
      // Plain text from the service: shown as code/text, never as trusted markdown or HTML.
      return {
        range: range(hover.range.start, hover.range.end),
        contents: hover.contents.map((c, i) =>
          i === 0
            ? { value: '```\n' + c.replace(/`/g, "'") + '\n```' }
            : { value: c.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, '\\$&') },
        ),
      };
    },
  });
  monaco.languages.registerCodeActionProvider(LANGUAGE, {
    provideCodeActions: async (_m, r) => {
      const start = offset({ lineNumber: r.startLineNumber, column: r.startColumn });
      const end = offset({ lineNumber: r.endLineNumber, column: r.endColumn });
      const actions =
        ((await call('getCodeActions', [path, { start, end }])) as CodeAction[] | undefined) ?? [];
      const markers = monaco.editor.getModelMarkers({ resource: model.uri });
      return {
        actions: actions.map((a) => ({
          title: a.title,
          kind: a.kind,
          edit: workspaceEdit(a.edit),
          isPreferred: a.isPreferred ?? false,
          diagnostics: a.diagnostic
            ? markers.filter(
                (mk) =>
                  mk.code === a.diagnostic!.code &&
                  offset({ lineNumber: mk.startLineNumber, column: mk.startColumn }) ===
                    a.diagnostic!.range.start,
              )
            : [],
        })),
        dispose: () => {},
      };
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE, {
    provideDocumentFormattingEdits: async () => {
      const r = (await call('formatDocument', [path])) as FormatResult | undefined;
      return r && r.ok ? edits(r.edits) : [];
    },
  });
  monaco.languages.registerDefinitionProvider(LANGUAGE, {
    provideDefinition: async (_m, position) =>
      locations((await call('getDefinition', [path, offset(position)])) as Location[] | undefined),
  });
  monaco.languages.registerReferenceProvider(LANGUAGE, {
    provideReferences: async (_m, position, context) =>
      locations(
        (await call('getReferences', [path, offset(position), context.includeDeclaration])) as
          Location[] | undefined,
      ),
  });
  monaco.languages.registerRenameProvider(LANGUAGE, {
    resolveRenameLocation: async (_m, position) => {
      const r = (await call('prepareRename', [path, offset(position)])) as PrepareRename | undefined;
      if (!r || !r.ok)
        return {
          range: range(offset(position), offset(position)),
          text: '',
          rejectReason: r && !r.ok ? r.reason : '',
        };
      return { range: range(r.range.start, r.range.end), text: r.placeholder };
    },
    provideRenameEdits: async (_m, position, newName) => {
      const r = (await call('rename', [path, offset(position), newName])) as RenameResult | undefined;
      if (!r) return { edits: [] };
      if (!r.ok) return { edits: [], rejectReason: r.reason };
      return workspaceEdit(r.edit);
    },
  });
  monaco.languages.registerDocumentSymbolProvider(LANGUAGE, {
    provideDocumentSymbols: async () => {
      const symbols = ((await call('getDocumentSymbols', [path])) as DocumentSymbol[] | undefined) ?? [];
      const kinds: Record<string, monaco.languages.SymbolKind> = {
        ruleset: monaco.languages.SymbolKind.Module,
        period: monaco.languages.SymbolKind.Event,
        enumeration: monaco.languages.SymbolKind.Enum,
        parameter: monaco.languages.SymbolKind.Constant,
        table: monaco.languages.SymbolKind.Struct,
        definition: monaco.languages.SymbolKind.Variable,
        valuation: monaco.languages.SymbolKind.Function,
        route: monaco.languages.SymbolKind.Namespace,
        outcome: monaco.languages.SymbolKind.Property,
        example: monaco.languages.SymbolKind.Object,
        property: monaco.languages.SymbolKind.Boolean,
      };
      const convert = (s: DocumentSymbol): monaco.languages.DocumentSymbol => ({
        name: s.name,
        detail: s.detail ?? '',
        kind: kinds[s.kind] ?? monaco.languages.SymbolKind.Object,
        tags: [],
        range: range(s.range.start, s.range.end),
        selectionRange: range(s.selectionRange.start, s.selectionRange.end),
        children: s.children.map(convert),
      });
      return symbols.map(convert);
    },
  });
  const legend = { tokenTypes: [...semanticKinds], tokenModifiers: ['declaration'] };
  monaco.languages.registerDocumentSemanticTokensProvider(LANGUAGE, {
    getLegend: () => legend,
    provideDocumentSemanticTokens: async () => {
      const version = model.getVersionId();
      const tokens = ((await call('getSemanticTokens', [path])) as SemanticToken[] | undefined) ?? [];
      // Offsets of the text the worker had: after another keystroke they no longer fit the model,
      // and Monaco asks again for the new text.
      if (model.getVersionId() !== version) return null;
      const data: number[] = [];
      let line = 0;
      let char = 0;
      for (const tk of [...tokens].sort((a, b) => a.start - b.start)) {
        const p = pos(tk.start);
        const l = p.lineNumber - 1;
        const c = p.column - 1;
        const length = tk.end - tk.start;
        if (length <= 0 || pos(tk.end).lineNumber - 1 !== l || c + length > model.getLineLength(l + 1))
          continue;
        data.push(
          l - line,
          l === line ? c - char : c,
          length,
          semanticKinds.indexOf(tk.kind),
          tk.declaration ? 1 : 0,
        );
        line = l;
        char = c;
      }
      return { data: new Uint32Array(data) };
    },
    releaseDocumentSemanticTokens: () => {},
  });

  const listeners: ((changes: readonly TextChange[], length: number) => void)[] = [];
  let silent = false;
  model.onDidChangeContent((event) => {
    if (silent) return;
    const changes = event.changes.map((c) => ({
      start: c.rangeOffset,
      end: c.rangeOffset + c.rangeLength,
      text: c.text,
    }));
    for (const l of listeners) l(changes, model.getValueLength());
  });

  return {
    editor,
    setText(text, newPath) {
      path = newPath;
      silent = true;
      try {
        model.setValue(text);
      } finally {
        silent = false;
      }
    },
    text: () => model.getValue(),
    setMarkers(diagnostics) {
      monaco.editor.setModelMarkers(
        model,
        'sroi',
        diagnostics
          .filter((d) => d.file === path && d.line !== undefined)
          .map((d) => ({
            severity: severity(d.severity),
            message: d.hint ? `${d.message}\n${d.hint}` : d.message,
            code: d.code,
            source: 'sroi',
            startLineNumber: d.line!,
            startColumn: d.column!,
            endLineNumber: d.endLine!,
            endColumn: d.endLine === d.line && d.endColumn === d.column ? d.column! + 1 : d.endColumn!,
          })),
      );
    },
    reveal(line, column = 1) {
      const max = model.getLineMaxColumn(line);
      editor.setSelection({
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: max,
      });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    revealRange(start, end) {
      const r = range(start, end);
      editor.setSelection(r);
      editor.revealRangeInCenter(r);
      editor.focus();
    },
    applyEdits(list) {
      editor.pushUndoStop();
      editor.executeEdits('sroi', edits(list));
      editor.pushUndoStop();
      editor.focus();
    },
    async format() {
      await editor.getAction('editor.action.formatDocument')?.run();
    },
    onChange(listener) {
      listeners.push(listener);
    },
    setLabel(label) {
      editor.updateOptions({ ariaLabel: label });
    },
  };
}

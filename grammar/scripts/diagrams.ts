// Generates the grammar's part of the docs: one standalone SVG syntax diagram per rule (drawn with
// railroad-diagrams, no network needed, so GitHub shows them in docs/language.md), Chevrotain's
// interactive page docs/diagrams.html, and the keyword table in docs/language.md (from the token
// table, so the docs never list a keyword the lexer does not know). Deterministic; with --check,
// fails when a file is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode, type ISerializedGast } from 'chevrotain';
import { format, resolveConfig } from 'prettier';
import { serializedGrammar } from '../src/productions.js';
import { allTokens, EuroSign, keywordList, keywordTokens, Kw } from '../src/tokens.js';

/** The part of railroad-diagrams 1.0.0 used here (the package is CommonJS and ships no types). */
interface RailroadItem {
  toString(): string;
}
interface RailroadDiagram extends RailroadItem {
  readonly attrs: Record<string, string | number>;
  readonly children: (RailroadItem | string)[];
  format(): RailroadDiagram;
}
interface Railroad {
  Diagram(...items: RailroadItem[]): RailroadDiagram;
  Sequence(...items: RailroadItem[]): RailroadItem;
  Choice(normal: number, ...items: RailroadItem[]): RailroadItem;
  Optional(item: RailroadItem): RailroadItem;
  OneOrMore(item: RailroadItem, separator?: RailroadItem): RailroadItem;
  ZeroOrMore(item: RailroadItem, separator?: RailroadItem): RailroadItem;
  Terminal(text: string): RailroadItem;
  NonTerminal(text: string): RailroadItem;
  Skip(): RailroadItem;
}
const railroad = createRequire(import.meta.url)('railroad-diagrams') as Railroad;

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const svgDir = join(docs, 'diagrams');
const htmlFile = join(docs, 'diagrams.html');
const languageFile = join(docs, 'language.md');

/**
 * Labels shown instead of a token's own. The money concept (Kw.Euro) is labelled by its first
 * spelling, `EUR`, but authors write the sign: show what they write.
 */
const labelOverrides: Readonly<Record<string, string>> = { [Kw.Euro.name]: EuroSign.LABEL! };

/** A serialized production with the fields this script reads (Chevrotain's type is a union). */
type Gast = ISerializedGast & {
  name?: string;
  label?: string;
  definition?: Gast[];
  separator?: Gast;
};

/** The serialized grammar with the label overrides applied (a copy; the parser's stays as it is). */
function grammarForDiagrams(): Gast[] {
  const relabel = (node: Gast): Gast => {
    const copy: Gast = { ...node };
    if (copy.type === 'Terminal' && copy.name && Object.hasOwn(labelOverrides, copy.name))
      copy.label = labelOverrides[copy.name];
    if (copy.definition) copy.definition = copy.definition.map(relabel);
    if (copy.separator) copy.separator = relabel(copy.separator);
    return copy;
  };
  return (serializedGrammar() as Gast[]).map(relabel);
}

/** One railroad item per production, following Chevrotain's own diagram builder. */
function toRailroad(node: Gast): RailroadItem {
  const parts = (node.definition ?? []).map(toRailroad);
  const sequence = (): RailroadItem =>
    parts.length === 1 ? parts[0]! : parts.length === 0 ? railroad.Skip() : railroad.Sequence(...parts);
  switch (node.type) {
    case 'Terminal':
      return railroad.Terminal(node.label ?? node.name ?? '?');
    case 'NonTerminal':
      return railroad.NonTerminal(node.name ?? '?');
    case 'Alternative':
      return sequence();
    case 'Alternation':
      return railroad.Choice(0, ...parts);
    case 'Option':
      return railroad.Optional(sequence());
    case 'Repetition':
      return railroad.ZeroOrMore(sequence());
    case 'RepetitionMandatory':
      return railroad.OneOrMore(sequence());
    // With a separator, the separator is drawn on the way back: `a (, a)*`.
    case 'RepetitionWithSeparator':
      return railroad.ZeroOrMore(sequence(), toRailroad(node.separator!));
    case 'RepetitionMandatoryWithSeparator':
      return railroad.OneOrMore(sequence(), toRailroad(node.separator!));
    default:
      throw new Error(`Internal error: unexpected production ${node.type}`);
  }
}

/** Drawn as an image on its own, an SVG carries its style and a background (GitHub's dark theme). */
const style = `<style>
path { stroke-width: 2; stroke: #222; fill: none; }
text { font: bold 14px monospace; text-anchor: middle; fill: #111; }
rect { stroke-width: 2; stroke: #222; fill: hsl(223, 100%, 88%); }
rect[rx] { fill: hsl(190, 100%, 86%); }
rect.background { stroke: none; fill: hsl(30, 20%, 97%); }
</style>
`;

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ruleSvg(rule: Gast): string {
  const diagram = railroad.Diagram(...(rule.definition ?? []).map(toRailroad)).format();
  diagram.attrs['xmlns'] = 'http://www.w3.org/2000/svg';
  diagram.attrs['role'] = 'img';
  diagram.attrs['aria-label'] = `Syntaxdiagram van ${rule.name ?? ''}`;
  diagram.children.unshift(
    `<title>${escapeXml(rule.name ?? '')}</title>\n`,
    style,
    '<rect class="background" x="0" y="0" width="100%" height="100%"></rect>\n',
  );
  return diagram.toString();
}

async function htmlPage(grammar: readonly Gast[]): Promise<string> {
  const html =
    '<!-- Generated by grammar/scripts/diagrams.ts from the parser: do not edit. Run `pnpm generate`. -->\n' +
    createSyntaxDiagramsCode([...grammar])
      .replace('<!-- This is a generated file -->\n', '')
      .replace(/[ \t]+$/gm, '');
  // Formatted as the repository formats HTML, so `prettier --check` and this generator agree.
  const options = (await resolveConfig(htmlFile)) ?? {};
  return format(html, { ...options, filepath: htmlFile });
}

/** The comments around the generated keyword table in docs/language.md. */
const tableStart =
  '<!-- BEGIN keywords: generated by grammar/scripts/diagrams.ts from grammar/src/tokens.ts; run `pnpm generate` -->';
const tableEnd = '<!-- END keywords -->';

/** One row per keyword concept, in the token table's order: its Dutch and its English spellings. */
function keywordTable(): string {
  const code = (words: readonly string[]) => words.map((w) => `\`${w}\``).join(', ') || '—';
  const rows = (Object.keys(Kw) as (keyof typeof Kw)[]).map((concept) => {
    const words = keywordList.filter((k) => k.concepts.includes(concept));
    // Signs in the concept's category (`€` for EUR) are written in either language.
    const signs = allTokens
      .filter((t) => !keywordTokens.includes(t) && t.CATEGORIES?.includes(Kw[concept]))
      .map((t) => (t.LABEL ?? t.name).replace(/^'(.*)'$/, '$1'));
    const spelled = (lang: 'nl' | 'en') => [
      ...signs,
      // Shortest first, so the singular comes before the plural (uur, uren).
      ...words
        .filter((k) => k.language === lang || k.language === 'both')
        .map((k) => k.spelling)
        .sort((a, b) => a.length - b.length || a.localeCompare(b)),
    ];
    return `| ${code(spelled('nl'))} | ${code(spelled('en'))} |`;
  });
  return ['| Nederlands | English |', '| --- | --- |', ...rows].join('\n');
}

/** docs/language.md with its keyword table regenerated, formatted as the repository formats Markdown. */
async function languageDoc(): Promise<string> {
  const text = readFileSync(languageFile, 'utf8');
  const start = text.indexOf(tableStart);
  const end = text.indexOf(tableEnd);
  if (start < 0 || end < start)
    throw new Error(`${languageFile} needs the lines ${tableStart} and ${tableEnd} around the keyword table`);
  const doc = `${text.slice(0, start + tableStart.length)}\n\n${keywordTable()}\n\n${text.slice(end)}`;
  const options = (await resolveConfig(languageFile)) ?? {};
  return format(doc, { ...options, filepath: languageFile });
}

/** Every generated file by path, in a stable order. */
async function generate(grammar: readonly Gast[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rule of grammar) files.set(join(svgDir, `${rule.name}.svg`), ruleSvg(rule));
  files.set(htmlFile, await htmlPage(grammar));
  files.set(languageFile, await languageDoc());
  return files;
}

const grammar = grammarForDiagrams();
const files = await generate(grammar);
const stale = existsSync(svgDir)
  ? readdirSync(svgDir)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => join(svgDir, f))
      .filter((f) => !files.has(f))
      .sort()
  : [];

if (process.argv.includes('--check')) {
  const outdated = [...files]
    .filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text)
    .map(([path]) => path);
  const problems = [...outdated, ...stale.map((f) => `${f} (no such rule)`)];
  if (problems.length > 0) {
    console.error(
      `Syntax diagrams or the keyword table are out of date with the grammar; run \`pnpm generate\`:\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`Syntax diagrams and the keyword table are up to date (${grammar.length} rules).`);
} else {
  mkdirSync(svgDir, { recursive: true });
  for (const f of stale) rmSync(f);
  for (const [path, text] of files) writeFileSync(path, text);
  console.log(
    `wrote ${grammar.length} diagrams to ${svgDir}, ${htmlFile} and the keyword table of ${languageFile}`,
  );
}

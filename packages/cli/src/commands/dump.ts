// `sroi dump tokens|cst|ast|ir|plan FILE`: each stage of the pipeline, for debugging a ruleset.
import { compileSource, parseSource, parseModule } from '@sroi/compiler';
import { EXIT, UsageError } from '../errors.js';
import { rulesetHost } from '../host.js';
import { loadRuleset, readInput } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';

const stages = ['tokens', 'cst', 'ast', 'ir', 'plan'] as const;

/** JSON without spans' noise: spans become "line:col-line:col", bigints strings. */
function replacer(source: { position(o: number): { line: number; column: number } }) {
  return (key: string, value: unknown) => {
    if (typeof value === 'bigint') return String(value);
    if (key === 'span' || key === 'operatorSpan' || key === 'indexSpan') {
      const s = value as { start: number; end: number };
      const a = source.position(s.start);
      const b = source.position(s.end);
      return `${a.line}:${a.column}-${b.line}:${b.column}`;
    }
    if (
      value &&
      typeof value === 'object' &&
      'n' in value &&
      'd' in value &&
      Object.keys(value).length === 2
    ) {
      const r = value as { n: bigint; d: bigint };
      return r.d === 1n ? String(r.n) : `${r.n}/${r.d}`;
    }
    return value;
  };
}

export async function dumpCommand(args: readonly string[], options: CommonOptions, io: Io): Promise<number> {
  const [stage, file] = args;
  if (!stage || !file || !(stages as readonly string[]).includes(stage))
    throw new UsageError('dumpArguments', { stages: stages.join('|') });
  if (stage === 'plan') return dumpPlan(file, options, io);
  const { text } = readInput(file);
  const showSyntax = (parsed: ReturnType<typeof parseSource>): number => {
    if (parsed.diagnostics.length === 0) return EXIT.ok;
    const lookup = { files: new Map([[file, parsed.source]]) };
    io.err(renderDiagnostics(options.format, parsed.diagnostics, lookup, options.lang) + '\n');
    return EXIT.failures;
  };
  if (stage === 'tokens') {
    const parsed = parseSource(file, text);
    for (const t of parsed.tokens) {
      const p = parsed.source.position(t.startOffset);
      io.out(`${p.line}:${p.column}\t${t.tokenType.name}\t${JSON.stringify(t.image)}\n`);
    }
    for (const c of parsed.comments) {
      const p = parsed.source.position(c.startOffset);
      io.out(`${p.line}:${p.column}\tComment\t${JSON.stringify(c.image)}\n`);
    }
    return showSyntax(parsed);
  }
  if (stage === 'cst') {
    const parsed = parseSource(file, text);
    const strip = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(strip);
      if (node && typeof node === 'object') {
        const n = node as {
          name?: string;
          children?: Record<string, unknown>;
          image?: string;
          tokenType?: { name: string };
        };
        if (n.tokenType) return `${n.tokenType.name} ${JSON.stringify(n.image)}`;
        if (n.children)
          return {
            [n.name ?? '?']: Object.fromEntries(Object.entries(n.children).map(([k, v]) => [k, strip(v)])),
          };
      }
      return node;
    };
    io.out(JSON.stringify(strip(parsed.cst), null, 1) + '\n');
    return showSyntax(parsed);
  }
  if (stage === 'ast') {
    const module = parseModule(file, text);
    io.out(JSON.stringify(module.ast, replacer(module.source), 1) + '\n');
    if (module.diagnostics.length)
      io.err(
        renderDiagnostics(
          options.format,
          module.diagnostics,
          { files: new Map([[file, module.source]]) },
          options.lang,
        ) + '\n',
      );
    return module.diagnostics.length ? EXIT.failures : EXIT.ok;
  }
  const compiled = compileSource(file, text, rulesetHost(file));
  if (!compiled.ir) {
    io.err(
      renderDiagnostics(options.format, compiled.diagnostics, { files: compiled.sources }, options.lang) +
        '\n',
    );
    return EXIT.failures;
  }
  io.out(JSON.stringify(compiled.ir, null, 1) + '\n');
  return EXIT.ok;
}

/**
 * The JavaScript a plan generates for its results (a `.sroi` file or its IR), followed by the texts
 * it receives as constants (`TEXT_i`), which the source never holds.
 */
async function dumpPlan(file: string, options: CommonOptions, io: Io): Promise<number> {
  const loaded = await loadRuleset(file);
  if (!loaded.plan) {
    if (loaded.set) throw new UsageError('dumpSet', { path: file });
    io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
    return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  }
  const { source, constants } = loaded.plan.compiled.generated;
  io.out(source + '\n');
  // JSON text: control characters escaped, so a text of the ruleset cannot act on the terminal.
  constants.forEach((c, i) => io.out(`// TEXT_${i} = ${JSON.stringify(c)}\n`));
  return EXIT.ok;
}

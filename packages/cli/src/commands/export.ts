// `sroi export`: the JSON Schema of the contract (optionally with a ruleset's enumeration values),
// of the result or of the IR, a ruleset's IR for fast loading (`sroi eval regeling.ir.json ...`),
// or its translation for json-rules-engine (`--to json-rules-engine`).
import { writeFileSync } from 'node:fs';
import { contractJsonSchema, irJsonSchema, resultJsonSchema, type EnumerationValues } from '@sroi/core';
import { toJsonRulesEngine } from '@sroi/evaluator';
import { EXIT, OutputError, UsageError, writeReasons } from '../errors.js';
import { loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';

/** What `--schema` can describe. */
const schemaKinds = new Set(['contract', 'result', 'ir']);

export async function exportCommand(
  args: readonly string[],
  options: CommonOptions & {
    schema: boolean;
    irSchema: boolean;
    ir: boolean;
    output?: string;
    to?: string;
  },
  terminal: Io,
): Promise<number> {
  const io = options.output === undefined ? terminal : toFile(options.output, terminal);
  const chosen = [options.schema, options.irSchema, options.ir, options.to !== undefined].filter(
    Boolean,
  ).length;
  if (options.to !== undefined && options.to !== 'json-rules-engine')
    throw new UsageError('exportTo', { value: options.to });
  if (chosen !== 1) throw new UsageError('exportChoice');
  // `--schema contract|result|ir [REGELING]`; `--schema REGELING` and `--schema` alone are the contract's.
  const kind = options.schema && schemaKinds.has(args[0] ?? '') ? args[0] : undefined;
  const rest = kind === undefined ? args : args.slice(1);
  if (options.irSchema || kind === 'ir' || kind === 'result') {
    if (rest.length > 0)
      throw new UsageError('exportNoRuleset', { what: kind ? `--schema ${kind}` : '--ir-schema' });
    // The IR schema has no descriptions; the others follow --lang.
    io.out(
      JSON.stringify(kind === 'result' ? resultJsonSchema(options.lang) : irJsonSchema(), null, 2) + '\n',
    );
    return EXIT.ok;
  }
  const [file] = rest;
  if (options.ir && !file) throw new UsageError('exportIrRuleset');
  if (options.to && !file) throw new UsageError('exportToRuleset');
  let enums: EnumerationValues | undefined;
  if (file) {
    const loaded = await loadRuleset(file);
    if (!loaded.ir) {
      io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
      return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
    }
    if (options.ir) {
      io.out(JSON.stringify(loaded.ir) + '\n');
      return EXIT.ok;
    }
    if (options.to) {
      io.out(JSON.stringify(toJsonRulesEngine(loaded.ir), null, 1) + '\n');
      return EXIT.ok;
    }
    enums = Object.fromEntries(loaded.ir.enumerations.map((e) => [e.name, e.values]));
  }
  io.out(JSON.stringify(contractJsonSchema(enums, options.lang), null, 2) + '\n');
  return EXIT.ok;
}

/** An Io whose `out` writes the file (created or replaced); errors still go to the terminal. */
function toFile(path: string, terminal: Io): Io {
  return {
    out(text) {
      try {
        writeFileSync(path, text);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        throw new OutputError('exportWrite', {
          path,
          reason: writeReasons[code] ?? (e as Error).message,
          code: code ? ` (${code})` : '',
        });
      }
    },
    err: (text) => terminal.err(text),
  };
}

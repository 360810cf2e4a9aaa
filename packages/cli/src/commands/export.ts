// `sroi export`: the contract JSON Schema (optionally with a ruleset's enumeration values), the
// IR JSON Schema, or a ruleset's IR for fast loading (`sroi eval regeling.ir.json ...`).
import { contractJsonSchema, irJsonSchema, type EnumerationValues } from '@sroi/core';
import { EXIT, UsageError } from '../errors.js';
import { loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';

export async function exportCommand(
  args: readonly string[],
  options: CommonOptions & { schema: boolean; irSchema: boolean; ir: boolean },
  io: Io,
): Promise<number> {
  const chosen = [options.schema, options.irSchema, options.ir].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('export: kies --schema [REGELING], --ir-schema of --ir REGELING');
  if (options.irSchema) {
    io.out(JSON.stringify(irJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  }
  const [file] = args;
  if (options.ir && !file) throw new UsageError('export --ir: geef een regeling');
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
    enums = Object.fromEntries(loaded.ir.enumerations.map((e) => [e.name, e.values]));
  }
  io.out(JSON.stringify(contractJsonSchema(enums), null, 2) + '\n');
  return EXIT.ok;
}

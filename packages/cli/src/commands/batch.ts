// `sroi eval REGELING --batch CONTRACTEN.jsonl`: one JSON line per contract in, one result line
// out, streamed so memory stays bounded however long the file is.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { renderMessage } from '@sroi/core';
import { EXIT, UsageError } from '../errors.js';
import { loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { Io } from '../options.js';
import type { EvalOptions } from '../options.js';

export async function batchCommand(args: readonly string[], options: EvalOptions, io: Io): Promise<number> {
  const [rulesetPath, ...rest] = args;
  if (!rulesetPath || rest.length > 0 || !options.batch)
    throw new UsageError('eval --batch: sroi eval REGELING --batch CONTRACTEN.jsonl');
  const loaded = await loadRuleset(rulesetPath);
  if (!loaded.plan) {
    io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
    return loaded.failure === 'input' ? EXIT.input : EXIT.failures;
  }
  const plan = loaded.plan;
  const stream = options.batch === '-' ? process.stdin : createReadStream(options.batch);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let failed = 0;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) io.out(buffer.join(''));
    buffer = [];
  };
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let out: unknown;
      try {
        const result = plan.evaluate(JSON.parse(text), {
          explain: options.explain && !options.brief && false,
        });
        out = result.value ?? {
          regel: line,
          fouten: result.diagnostics.map((d) => ({
            code: d.code,
            path: d.path,
            melding: renderMessage(d.code, d.args, options.lang),
          })),
        };
        if (!result.value) failed++;
      } catch (e) {
        failed++;
        out = { regel: line, fouten: [{ code: 'SR5002', melding: (e as Error).message }] };
      }
      buffer.push(JSON.stringify(out) + '\n');
      if (buffer.length >= 256) flush();
    }
  } catch (e) {
    throw new UsageError(`${options.batch}: ${(e as Error).message}`);
  }
  flush();
  io.err(
    options.lang === 'nl'
      ? `${line} regels, ${failed} met fouten\n`
      : `${line} lines, ${failed} with errors\n`,
  );
  return failed > 0 ? EXIT.input : EXIT.ok;
}

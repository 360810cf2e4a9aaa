// `sroi test FILE...`: runs every `voorbeeld` and reports each failure with the expected and
// the actual value at the expectation's place.
import { runExamples } from '@sroi/evaluator';
import { EXIT, UsageError } from '../errors.js';
import { loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import type { CommonOptions, Io } from '../options.js';

export interface TestOptions extends CommonOptions {
  readonly coverage: boolean;
  readonly runs?: string;
  readonly seed?: string;
}

export async function testCommand(files: readonly string[], options: TestOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('test: geef een of meer .sroi-bestanden');
  const nl = options.lang === 'nl';
  let worst: number = EXIT.ok;
  for (const file of files) {
    const loaded = await loadRuleset(file);
    const plans = loaded.set ? loaded.set.members.map((m) => m.plan) : loaded.plan ? [loaded.plan] : [];
    if (plans.length === 0) {
      io.err(renderDiagnostics(options.format, loaded.diagnostics, loaded.lookup, options.lang) + '\n');
      worst = Math.max(worst, loaded.failure === 'input' ? EXIT.input : EXIT.failures);
      continue;
    }
    // A set runs the examples of each of its rulesets.
    const outcomes = plans.flatMap((plan) =>
      runExamples(plan).map((o) =>
        plans.length > 1 ? { ...o, title: `${plan.ir.ruleset.name}: ${o.title}` } : o,
      ),
    );
    const failed = outcomes.filter((o) => !o.passed);
    if (options.format === 'json') {
      io.out(
        JSON.stringify(
          { file, examples: outcomes.map((o) => ({ title: o.title, passed: o.passed })) },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.out(`${file}\n`);
      for (const o of outcomes) io.out(`  ${o.passed ? '✓' : '✗'} ${o.title}\n`);
    }
    if (failed.length > 0) {
      io.err(
        '\n' +
          renderDiagnostics(
            options.format,
            failed.flatMap((o) => o.diagnostics),
            loaded.lookup,
            options.lang,
          ) +
          '\n',
      );
      worst = Math.max(worst, EXIT.failures);
    }
    if (options.format !== 'json') {
      const passed = outcomes.length - failed.length;
      io.out(
        nl
          ? `  ${passed} van ${outcomes.length} voorbeelden kloppen\n`
          : `  ${passed} of ${outcomes.length} examples pass\n`,
      );
    }
  }
  return worst;
}

// `sroi test FILE...`: runs every `voorbeeld` and reports each failure with the expected and
// the actual value at the expectation's place.
import { CoverageRecorder, coverageItems, runExamples, type Plan } from '@sroi/evaluator';
import { runProperties } from '@sroi/analysis';
import { EXIT, UsageError } from '../errors.js';
import { loadRuleset } from '../load.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { wholeNumberOption, type CommonOptions, type Io } from '../options.js';

export interface TestOptions extends CommonOptions {
  readonly coverage: boolean;
  readonly runs?: string;
  readonly seed?: string;
}

export async function testCommand(files: readonly string[], options: TestOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('testFiles');
  // Options are checked before any work, so a typo is not reported after the examples ran.
  const runs = wholeNumberOption(options.runs, 'test: --runs', { min: 1, max: 1e9 }, 200);
  const seed = wholeNumberOption(options.seed, 'test: --seed', { min: -(2 ** 31), max: 2 ** 31 - 1 });
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
    const recorders = plans.map(() => new CoverageRecorder());
    const outcomes = plans.flatMap((plan, i) =>
      runExamples(plan, options.coverage ? { coverage: recorders[i]! } : {}).map((o) =>
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
    if (options.coverage) reportCoverage(plans, recorders, options, io);
    worst = Math.max(worst, checkProperties(file, plans, { runs, seed }, options, io));
  }
  return worst;
}

/** Properties: each checked against generated contracts (fast-check), with a shrunk counterexample. */
function checkProperties(
  file: string,
  plans: readonly Plan[],
  { runs, seed }: { readonly runs: number; readonly seed: number | undefined },
  options: TestOptions,
  io: Io,
): number {
  const nl = options.lang === 'nl';
  let worst: number = EXIT.ok;
  for (const plan of plans) {
    const properties = runProperties(plan, {
      runs,
      ...(seed !== undefined ? { seed } : {}),
      lang: options.lang,
    });
    for (const p of properties) {
      if (options.format === 'json') io.out(JSON.stringify({ file, property: p }) + '\n');
      else {
        const label = nl ? 'eigenschap' : 'property';
        const count = p.passed
          ? `${p.runs} ${nl ? 'contracten' : 'contracts'}`
          : `${nl ? 'faalt bij contract' : 'fails at contract'} ${p.runs}`;
        io.out(`  ${p.passed ? '✓' : '✗'} ${label} "${p.title}" (${count})\n`);
        if (!p.passed) {
          if (p.reason) io.out(`      ${p.reason}\n`);
          const again = nl ? 'herhaal met' : 'repeat with';
          io.out(`      seed ${p.seed}${p.path ? `, path ${p.path}` : ''} (${again} --seed ${p.seed})\n`);
          io.out(`      ${nl ? 'tegenvoorbeeld' : 'counterexample'}: ${JSON.stringify(p.counterexample)}\n`);
          if (p.voorbeeld) io.out(`\n${p.voorbeeld.replace(/^/gm, '      ')}\n\n`);
        }
      }
      if (!p.passed) worst = EXIT.failures;
    }
  }
  return worst;
}

/**
 * Which rules, rows, branches, requirements and caps the examples reach, and the unreached, listed.
 * A variant is measured on its own statements: what it inherits is its base's to exemplify.
 */
function reportCoverage(
  plans: readonly Plan[],
  recorders: readonly CoverageRecorder[],
  options: TestOptions,
  io: Io,
): void {
  const nl = options.lang === 'nl';
  plans.forEach((plan, i) => {
    const all = coverageItems(plan.ir, recorders[i]!);
    // File 0 is the ruleset itself; the others are the rulesets it extends.
    const items = all.filter((x) => x.at.file === 0);
    const inherited = all.length - items.length;
    const covered = items.filter((x) => x.covered).length;
    if (options.format === 'json') {
      io.out(
        JSON.stringify({
          ruleset: plan.ir.ruleset.name,
          coverage: { covered, total: items.length, inherited, items },
        }) + '\n',
      );
      return;
    }
    const byKind = new Map<string, { total: number; covered: number }>();
    for (const item of items) {
      const k = byKind.get(item.kind) ?? { total: 0, covered: 0 };
      k.total++;
      if (item.covered) k.covered++;
      byKind.set(item.kind, k);
    }
    const percent = items.length ? Math.floor((covered / items.length) * 1000) / 10 : 100;
    const shown = nl ? String(percent).replace('.', ',') : String(percent);
    io.out(
      `  ${nl ? 'dekking' : 'coverage'} ${plan.ir.ruleset.name}: ${covered}/${items.length} (${shown}%)\n`,
    );
    if (inherited > 0)
      io.out(
        nl
          ? `    (${inherited} overgenomen onderdelen niet meegeteld: die dekken de voorbeelden van de basisregeling)\n`
          : `    (${inherited} inherited items not counted: the base ruleset's examples cover them)\n`,
      );
    for (const [kind, k] of byKind) io.out(`    ${kind.padEnd(11)} ${k.covered}/${k.total}\n`);
    const missed = items.filter((x) => !x.covered);
    if (missed.length) io.out(`    ${nl ? 'nooit bereikt' : 'never reached'}:\n`);
    for (const m of missed)
      io.out(`      ${plan.ir.files[m.at.file]}:${m.at.line}:${m.at.column}  ${m.label} (${m.facet})\n`);
  });
}

// The editor loop, measured in a process of its own: `run.ts` starts this script and reads the
// tinybench results it prints (JSON on stdout). The editor's page holds its own compilation and
// little else; the benchmark process holds every other section's contracts, plans and engines.
// Beside 64 MB of such unrelated live objects, a major collection's marking steps fell into the
// keystrokes and doubled the p95 (2.3 -> 5.0 ms for a tariff digit, same code), which measured the
// benchmark's own heap rather than the editor.
import { readFileSync } from 'node:fs';
import { Bench, type Task } from 'tinybench';
import { compileSource, CompilerSession } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { LanguageService } from '@sroi/language-service';
import { root } from './spawn.js';
import { benchTiming } from './timing.js';

const RULESET = 'rulesets/rijnmond-2023-2027.sroi';
const SAMPLE_CONTRACT = 'rulesets/examples/schoonmaak-stadskantoor.json';

const editorTasks = {
  loop: 'keystroke (tariff digit) → session.update + plan + evaluate',
  explain: 'keystroke (tariff digit) → the same, with the explanation',
  typing: 'keystroke (typing a digit; the rest of the file moves) → session.update + plan + evaluate',
  whole: 'keystroke (tariff digit) → compileSource + Plan.fromIr + evaluate (whole text, no session)',
  service: 'keystroke (tariff digit) → language service: setDocument + getDiagnostics (markers)',
};

/** What this script prints: per task (by key) its name and tinybench's result, samples included. */
export type EditorResults = Record<keyof typeof editorTasks, Pick<Task, 'name' | 'result'>>;

/**
 * The editor's loop after each keystroke, as the playground is to run it: the session compiles
 * the new text (reparsing only the edited declaration, reusing unchanged examples' checks), the
 * IR becomes a plan without the JSON Schema check (it came from this compiler), and the contract
 * is evaluated by the reference evaluator (one contract does not pay for generating code), with
 * the explanation when asked.
 */
function editorLoop(session: CompilerSession, text: string, contract: unknown, explain = false): number {
  const compiled = session.update(text);
  const plan = Plan.fromCompilerIr(compiled.ir!).value!;
  const options = explain ? { explain: true } : { engine: 'reference' as const };
  return plan.evaluate(contract, options).value!.waarderingen.length;
}

async function measure(quick: boolean): Promise<EditorResults> {
  const text = readFileSync(`${root}${RULESET}`, 'utf8');
  const sample = JSON.parse(readFileSync(`${root}${SAMPLE_CONTRACT}`, 'utf8')) as unknown;
  let sink = 0;
  let keystroke = 0;
  /** The ruleset after a keystroke: the last digit of the participatiewet tariff, 0-9 in turn. */
  const edited = () => text.replace('€ 40.000 per jaar', `€ 40.00${keystroke++ % 10} per jaar`);
  /** Typing and deleting one digit of a duration early in the file: what follows moves each time. */
  const typingAt = text.indexOf('= 36 maanden') + 2;
  let typed = 0;
  const typing = () =>
    text.slice(0, typingAt) + ['3', '36', '365', '36'][typed++ % 4]! + text.slice(typingAt + 2);
  const sessions = [0, 1, 2].map(() => new CompilerSession(RULESET));
  for (const s of sessions) s.update(text);
  // The editor's markers through the language service: its session compiles, its diagnostics
  // are rendered in Dutch as the playground shows them.
  const service = new LanguageService({ documents: { [RULESET]: text } });
  service.getDiagnostics(RULESET);
  const keystrokes = {
    loop: () => editorLoop(sessions[0]!, edited(), sample),
    explain: () => editorLoop(sessions[1]!, edited(), sample, true),
    typing: () => editorLoop(sessions[2]!, typing(), sample),
    service: () => {
      service.setDocument(RULESET, edited());
      return service.getDiagnostics(RULESET).length;
    },
  };
  // Warm up: an editor in use has compiled its hot code long before. tinybench's own warm-up
  // (300 ms of the first task) left the first task measuring the JIT on a fresh process: p95
  // 7-9 ms against 2.5-2.9 ms after 300 keystrokes of each loop (probe, same minutes).
  for (let i = 0; i < (quick ? 3 : 300); i++)
    sink += keystrokes.loop() + keystrokes.explain() + keystrokes.typing() + keystrokes.service();
  const bench = new Bench({ ...benchTiming(quick), retainSamples: true })
    .add(editorTasks.loop, () => {
      sink += keystrokes.loop();
    })
    .add(editorTasks.explain, () => {
      sink += keystrokes.explain();
    })
    .add(editorTasks.typing, () => {
      sink += keystrokes.typing();
    })
    .add(editorTasks.service, () => {
      sink += keystrokes.service();
    })
    .add(editorTasks.whole, () => {
      const p = Plan.fromIr(compileSource(RULESET, edited()).ir).value!;
      sink += p.evaluate(sample).value!.waarderingen.length;
    });
  await bench.run();
  if (sink < 0) throw new Error('unreachable');
  const result = (name: string) => ({ name, result: bench.getTask(name)!.result });
  return {
    loop: result(editorTasks.loop),
    explain: result(editorTasks.explain),
    typing: result(editorTasks.typing),
    whole: result(editorTasks.whole),
    service: result(editorTasks.service),
  };
}

process.stdout.write(JSON.stringify(await measure(process.argv.includes('--quick'))));

// The engine's message loop: typing never waits for the compiler. Messages that arrive while the
// engine works are coalesced, so the page always gets the state of its latest edit and contract.
// Loaded by the worker's entry (engine.worker.ts) after the first state of a shipped ruleset.
import { compareContract, diffRulesets, reviewCompiled, reviewSource } from '@sroi/analysis';
import type { EngineReply, EngineRequest, ExampleView } from '../protocol.js';
import { Engine } from './engine.js';
import { viewDiagnostic } from './views.js';
import { checkProperties } from './properties.js';
import { serviceCall } from './service-calls.js';

const engine = new Engine();
let latest = -1;
let scheduled = false;
/** The version whose voorbeelden the page has. */
let examplesSent = -1;
/**
 * The voorbeelden of a version run so far: a request that does not change the text (a hover, the
 * editor's tokens) pauses them, and they go on where they were.
 */
let examplesDone: { version: number; views: ExampleView[] } = { version: -1, views: [] };
/** Whether the next voorbeeld is scheduled (one step at a time). */
let examplesScheduled = false;
const queue: EngineRequest[] = [];
/** Whether a change did not fit the text: later changes wait for the page's whole text. */
let needsText = false;
/** When the newest edit, contract or language reached the worker (see `EngineState.timing`). */
let arrivedAt = 0;
const epochNow = () => performance.timeOrigin + performance.now();

const post = (message: EngineReply) => (self as unknown as Worker).postMessage(message);

/** A number per compiled IR of the open ruleset: it names a what-if base until the text changes. */
const irIds = new WeakMap<object, number>();
let irCount = 0;
function irId(ir: object): number {
  let id = irIds.get(ir);
  if (id === undefined) irIds.set(ir, (id = ++irCount));
  return id;
}

/** A ruleset to compare with: the edited one (`own`) or a shipped file. */
function reviewed(path: string) {
  const files = engine.shippedFiles;
  const text = files[path];
  if (text === undefined) return undefined;
  return reviewSource(path, text, engine.sourceHost).value;
}

function own() {
  if (!engine.compiled) return undefined;
  return reviewCompiled(engine.path ?? 'regeling', engine.compiled).value;
}

function answer(request: EngineRequest): unknown {
  switch (request.kind) {
    case 'properties': {
      // Hundreds of generated contracts per eigenschap: worth generating code for.
      const plan = engine.fastPlan();
      if (!plan) return { unavailable: true };
      return checkProperties(plan, engine.lang);
    }
    case 'compare': {
      const a = own();
      const b = reviewed(request.other);
      if (!a || !b) return { unavailable: true };
      const c = compareContract([a, b], request.contract, { lang: engine.lang });
      const sources = new Map([...(engine.compiled?.sources ?? [])]);
      return {
        ...c,
        rulesets: c.rulesets.map((r) => ({
          ...r,
          diagnostics: r.diagnostics.map((d) => viewDiagnostic(d, engine.lang, sources)),
        })),
      };
    }
    case 'diff': {
      const a = reviewed(request.other);
      const b = own();
      if (!a || !b) return { unavailable: true };
      return diffRulesets(a, b, { lang: engine.lang });
    }
    case 'whatif-base': {
      // The open ruleset as it is now; the other rulesets of a region set as shipped. A base the
      // page already sent to the what-if worker (`known`) is answered by its key alone.
      engine.refresh();
      const ir = engine.compiled?.ir;
      if (!ir) return { unavailable: true };
      const paths = request.members ?? [engine.path ?? ''];
      const key = paths.map((path) => (path === engine.path ? `${path}#${irId(ir)}` : path)).join('\n');
      if (request.known === key) return { key, name: ir.ruleset.name };
      const members: { label: string; ir: unknown }[] = [];
      for (const path of paths) {
        const member = path === engine.path ? ir : reviewed(path)?.ir;
        if (!member) return { unavailable: true };
        members.push({ label: path, ir: member });
      }
      return { key, ir, members, name: ir.ruleset.name };
    }
    case 'service':
      return serviceCall(engine, request.method, request.args);
    default:
      return undefined;
  }
}

function run() {
  scheduled = false;
  let changed = false;
  const requests = queue.splice(0);
  for (const r of requests) {
    switch (r.kind) {
      case 'open':
        engine.open(r.path, r.text, r.files);
        needsText = false;
        break;
      case 'edit':
        engine.edit(r.text);
        needsText = false;
        break;
      case 'change':
        if (needsText || !engine.change(r.changes, r.length)) {
          if (!needsText) post({ kind: 'resync' });
          needsText = true;
          continue;
        }
        break;
      case 'contract':
        engine.setContract(r.contract);
        break;
      case 'lang':
        engine.setLang(r.lang);
        break;
      default:
        continue;
    }
    latest = Math.max(latest, r.version);
    changed = true;
  }
  if (changed) post({ ...engine.state(latest), timing: { arrivedAt, sentAt: epochNow() } });
  for (const r of requests) {
    if (!('id' in r)) continue;
    try {
      post({ kind: 'reply', id: r.id, value: answer(r) });
    } catch (e) {
      // An internal error of ours, not the user's: the page shows it as such.
      post({ kind: 'reply', id: r.id, value: undefined, error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (examplesSent !== latest) scheduleExample();
}

function scheduleExample(): void {
  if (examplesScheduled) return;
  examplesScheduled = true;
  setTimeout(runNextExample, 0);
}

/**
 * One voorbeeld of the latest text, after its markers and result: one per task, so that a request
 * arriving meanwhile waits for one voorbeeld at most. A request pauses them (its run schedules
 * them again); an edit, contract or language makes those done so far stale.
 */
function runNextExample(): void {
  examplesScheduled = false;
  if (queue.length > 0 || examplesSent === latest) return;
  if (examplesDone.version !== latest) examplesDone = { version: latest, views: [] };
  const done = examplesDone.views;
  const count = engine.exampleCount;
  if (count !== undefined && done.length < count) {
    done.push(engine.example(done.length));
    scheduleExample();
    return;
  }
  examplesSent = latest;
  post({ kind: 'examples', version: latest, ...(count !== undefined ? { examples: done } : {}) });
}

/** Takes a request of the page (in the order the page sent them). */
export function receive(request: EngineRequest): void {
  if ('version' in request) arrivedAt = epochNow();
  queue.push(request);
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
}

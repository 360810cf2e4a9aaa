// The Web Worker entry. A shipped ruleset that the page opens unedited gets its first state from
// the IR compiled when the site was built (first-state.ts), before the compiler has loaded; then
// the message loop (loop.ts, with the compiler) takes over every request, those already received
// included, and answers from a compilation of its own.
import precompiled from 'virtual:sroi-precompiled';
import type { EngineReply, EngineRequest } from '../protocol.js';
import { firstState } from './first-state.js';
import type * as LoopModule from './loop.js';

type Loop = typeof LoopModule;

let loop: Loop | undefined;
const early: EngineRequest[] = [];

const post = (message: EngineReply) => (self as unknown as Worker).postMessage(message);

function startLoop(): void {
  void import('./loop.js').then((loaded) => {
    loop = loaded;
    for (const request of early.splice(0)) loaded.receive(request);
  });
}

/** The first state, when the page opened a shipped ruleset as it was shipped; then the loop. */
async function answerEarly(): Promise<void> {
  const openAt = early.findLastIndex((r) => r.kind === 'open');
  const open = early[openAt];
  const later = early.slice(openAt + 1);
  const load = open?.kind === 'open' ? precompiled[open.path] : undefined;
  if (open?.kind !== 'open' || !load || later.some((r) => r.kind === 'edit' || r.kind === 'change'))
    return startLoop();
  const entry = await load().catch(() => undefined);
  if (entry && entry.text === open.text) {
    let contract: unknown;
    for (const r of later) if (r.kind === 'contract') contract = r.contract;
    const lang = early.findLast((r) => r.kind === 'lang');
    const version = Math.max(...early.map((r) => ('version' in r ? r.version : -1)));
    const state = firstState(entry, open.files, contract, lang?.kind === 'lang' ? lang.lang : 'nl', version);
    // Only while nothing changed meanwhile: the loop answers a later edit or contract itself.
    if (state && !loop && version === Math.max(...early.map((r) => ('version' in r ? r.version : -1))))
      post(state);
  }
  startLoop();
}

self.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  if (loop) return loop.receive(event.data);
  early.push(event.data);
  // The page sends its first requests together (language, ruleset, contract): read them all.
  if (early.length === 1) setTimeout(() => void answerEarly(), 0);
});

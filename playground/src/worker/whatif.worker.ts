// The what-if worker: runs apart from the engine worker, so a run over a large portfolio never
// delays the markers and the result of a keystroke. A newer run replaces the one in progress.
import type { PortfolioItem } from '@sroi/analysis';
import type { IrDocument } from '@sroi/core';
import type { WhatIfPortfolio, WhatIfReply, WhatIfRequest } from '../protocol.js';
import {
  portfolioItems,
  runWhatIfInWorker,
  scenarioOf,
  scenarioRuleset,
  whatIfFields,
  type KeptBase,
} from './whatif.js';

const post = (message: WhatIfReply) => (self as unknown as Worker).postMessage(message);

/** The last portfolio read, by what it was read from: a run with other values reuses it. */
let cached: { key: string; items: readonly PortfolioItem[] } | undefined;
const keyOf = (p: WhatIfPortfolio) =>
  p.kind === 'generated'
    ? `generated:${p.count}:${p.seed}`
    : `file:${p.name}:${p.text.length}:${p.text}:${p.bytes ? bytesKey(p.bytes) : ''}`;
/** A workbook's bytes as a key: its length and an FNV-1a hash of every byte. */
function bytesKey(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}
async function itemsOf(p: WhatIfPortfolio): Promise<readonly PortfolioItem[]> {
  const key = keyOf(p);
  if (cached?.key !== key)
    cached = {
      key,
      items:
        p.kind === 'file' && p.bytes
          ? await (await import('./whatif-xlsx.js')).workbookPortfolio(p.bytes, p.name)
          : [...portfolioItems(p)],
    };
  return cached.items;
}

/** The base of the last run, by its key: the page sends the rulesets only when the key is new. */
let base: { key: string; members: readonly { label: string; ir: IrDocument }[] } | undefined;

/** The base plans and baselines of the last run, for the base and portfolio they were made on. */
let kept: { key: string; value: KeptBase } | undefined;
function keptFor(baseKey: string, portfolio: WhatIfPortfolio): KeptBase {
  const key = `${baseKey}\u0000${keyOf(portfolio)}`;
  if (kept?.key !== key) kept = { key, value: { memos: [] } };
  return kept.value;
}

let latest = 0;
/** Lets waiting messages in (a newer run) between batches. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(request: Extract<WhatIfRequest, { kind: 'run' }>): Promise<void> {
  const started = performance.now();
  if (request.base.members)
    base = { key: request.base.key, members: request.base.members as { label: string; ir: IrDocument }[] };
  if (base?.key !== request.base.key) throw new Error(`what-if: base ${request.base.key} was not sent`);
  const members = base.members;
  const scenario = scenarioOf(
    members.map((m) => m.ir),
    request.sets,
    request.lang,
  );
  if ('problems' in scenario) {
    post({ kind: 'result', id: request.id, problems: scenario.problems, millis: 0 });
    return;
  }
  const items = await itemsOf(request.portfolio);
  // The size of the run first: a long one shows its progress from the start.
  post({ kind: 'progress', id: request.id, done: 0, total: items.length });
  let lastShown = performance.now();
  const report = await runWhatIfInWorker(
    members,
    request.label,
    scenario.spec,
    items,
    request.portfolio.name,
    request.lang,
    {
      progress: async (done, total) => {
        const now = performance.now();
        if (now - lastShown > 100) {
          lastShown = now;
          post({ kind: 'progress', id: request.id, done, total });
        }
        await breathe();
        return latest === request.id;
      },
    },
    keptFor(base.key, request.portfolio),
  );
  if (!report) return;
  const text = scenarioRuleset(members, scenario.spec, request.open, request.lang);
  post({
    kind: 'result',
    id: request.id,
    report,
    millis: performance.now() - started,
    ...(text ? { scenario: text } : {}),
  });
}

self.addEventListener('message', (event: MessageEvent<WhatIfRequest>) => {
  const m = event.data;
  if (m.kind === 'fields') post({ kind: 'fields', id: m.id, fields: whatIfFields(m.ir as IrDocument) });
  else {
    latest = m.id;
    run(m).catch((e: unknown) =>
      post({
        kind: 'result',
        id: m.id,
        problems: [{ code: 'intern', message: e instanceof Error ? e.message : String(e) }],
        millis: 0,
      }),
    );
  }
});

// @ts-check
// A page embedding the sroi evaluator: it fetches a ruleset's IR (`sroi export --ir`) and a
// contract, evaluates it in the browser and shows the amounts and what they were computed with.
// Text from the IR or the contract is only ever set as text, never as HTML.
import { renderMessage } from '@sroi/core';
import { Plan } from '@sroi/evaluator';

const params = new URLSearchParams(location.search);
const [ir, contract] = await Promise.all(
  [params.get('ir') ?? 'ruleset.ir.json', params.get('contract') ?? 'contract.json'].map((url) =>
    fetch(url).then((r) => r.json()),
  ),
);

/** @param {string} id @param {string} text */
const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

// Under a Content-Security-Policy without 'unsafe-eval' the plan cannot compile the ruleset to
// JavaScript; it notices once and evaluates with the reference evaluator: the same amounts.
const plan = Plan.fromIr(ir);
const result = plan.value?.evaluate(contract);
const problems = plan.value ? (result?.diagnostics ?? []) : plan.diagnostics;
if (!plan.value || !result?.value) {
  show(
    'berekend',
    problems.map((d) => `${d.code} ${d.path ?? ''}: ${renderMessage(d.code, d.args)}`).join('\n'),
  );
  globalThis.sroi = { diagnostics: problems };
} else {
  const { regeling, versie, irSha256 } = plan.value.metadata;
  const r = result.value;
  show(
    'berekend',
    `Berekend met ${regeling}${versie ? `, versie ${versie}` : ''}, periode ${r.periode}, IR sha256 ${irSha256}`,
  );
  const rows = /** @type {[string, string | undefined][]} */ ([
    ['verplichting', r.verplichting],
    ['gerealiseerd', r.gerealiseerd],
    ['restant', r.restant],
    ['percentage', r.percentage],
    ['boete', r.boete],
  ]);
  const body = document.getElementById('bedragen');
  for (const [name, value] of rows) {
    const tr = body.insertRow();
    tr.insertCell().textContent = name;
    tr.insertCell().textContent = value ?? '—';
  }
  show('meldingen', r.meldingen.map((m) => m.tekst).join('\n'));
  // The same in a web worker (Vite bundles worker.js with its own copy of the evaluator).
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const inWorker = await new Promise((resolve) => {
    worker.addEventListener('message', (event) => resolve(event.data), { once: true });
    worker.postMessage({ ir, contract });
  });
  worker.terminate();
  globalThis.sroi = { engine: plan.value.engine, metadata: plan.value.metadata, result: r, worker: inWorker };
}

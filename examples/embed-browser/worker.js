// @ts-check
// The same evaluation in a web worker: the page posts the IR and a contract, the worker answers
// with the result (or the diagnostics) and the engine it used.
import { Plan } from '@sroi/evaluator';

globalThis.addEventListener('message', (/** @type {MessageEvent} */ event) => {
  const { ir, contract } = event.data;
  const plan = Plan.fromIr(ir);
  if (!plan.value) return globalThis.postMessage({ diagnostics: plan.diagnostics });
  const result = plan.value.evaluate(contract);
  globalThis.postMessage(
    result.value
      ? { engine: plan.value.engine, irSha256: plan.value.irSha256, result: result.value }
      : { diagnostics: result.diagnostics },
  );
});

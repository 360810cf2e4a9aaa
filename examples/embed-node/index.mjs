// @ts-check
// A tiny app embedding the sroi evaluator: `node index.mjs RULESET.ir.json CONTRACT.json [nl|en]`.
// It loads an IR exported with `sroi export --ir`, evaluates one contract and prints what an
// embedding app stores: the result, and what it was computed with (ruleset, period, IR hash).
import { readFileSync } from 'node:fs';
import { renderHint, renderMessage } from '@sroi/core';
import { Plan } from '@sroi/evaluator';

const [irFile, contractFile, language = 'nl'] = process.argv.slice(2);
if (!irFile || !contractFile || (language !== 'nl' && language !== 'en')) {
  console.error('usage: node index.mjs RULESET.ir.json CONTRACT.json [nl|en]');
  process.exit(2);
}
/** @type {import('@sroi/core').Language} */
const lang = language;

/** Diagnostics as one line each: code, JSON path, message and hint, in the chosen language. */
function report(/** @type {readonly import('@sroi/core').Diagnostic[]} */ diagnostics) {
  for (const d of diagnostics) {
    const hint = renderHint(d, lang);
    console.error(
      `${d.code} ${d.path ?? ''}: ${renderMessage(d.code, d.args, lang)}${hint ? ` (${hint})` : ''}`,
    );
  }
}

// The plan validates the IR (schema, version, invariants) and compiles it once; reuse it for
// every contract. Under a CSP (or node --disallow-code-generation-from-strings) it falls back
// to the reference evaluator by itself.
const plan = Plan.fromIr(JSON.parse(readFileSync(irFile, 'utf8')));
if (!plan.value) {
  report(plan.diagnostics);
  process.exit(2);
}
const result = plan.value.evaluate(JSON.parse(readFileSync(contractFile, 'utf8')), { lang });
if (!result.value) {
  report(result.diagnostics);
  process.exit(2);
}
console.log(
  JSON.stringify(
    {
      // What it was computed with, for the audit trail: ruleset, version, period, IR hash.
      berekend: result.value.berekend,
      engine: plan.value.engine,
      resultaat: result.value,
    },
    null,
    2,
  ),
);

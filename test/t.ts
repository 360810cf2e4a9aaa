import { readFileSync, readdirSync } from 'node:fs';
import { compileSource } from '@sroi/compiler';
import { Plan, runExamples } from '@sroi/evaluator';
const f = 'rulesets/rijnmond-2023-2027.sroi';
const r = compileSource(f, readFileSync(f, 'utf8'));
const t0 = performance.now();
const plan = Plan.fromIr(JSON.parse(JSON.stringify(r.ir)));
console.log('plan', (performance.now()-t0).toFixed(1), plan.diagnostics);
for (const e of runExamples(plan.value!)) console.log(e.title, e.passed, e.diagnostics.map(d => JSON.stringify(d.args)));
const dir = '../shared/domain/examples';
for (const file of readdirSync(dir)) {
  const ex = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  if (ex.ruleset !== 'rijnmond-2023-2027') continue;
  const res = plan.value!.evaluate(ex.contract, { explain: file.startsWith('onbepaald') });
  if (!res.value) { console.log(file, res.diagnostics); continue; }
  const v = res.value;
  const got = { verplichting: v.verplichting, waarderingen: v.waarderingen.map(w => w.bedrag), gerealiseerd: v.gerealiseerd, restant: v.restant, boete: v.boete, percentage: v.percentage };
  const ok = JSON.stringify(got) === JSON.stringify({ verplichting: ex.verwacht.verplichting, waarderingen: ex.verwacht.waarderingen, gerealiseerd: ex.verwacht.gerealiseerd, restant: ex.verwacht.restant, boete: ex.verwacht.boete, percentage: ex.verwacht.percentage });
  console.log(ok ? 'OK  ' : 'FAIL', file, ok ? '' : JSON.stringify(got), v.meldingen.map(m => m.tekst));
  if (v.waarderingen[0]?.uitleg) console.log(JSON.stringify(v.waarderingen[0].uitleg, null, 1));
}

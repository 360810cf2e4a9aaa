// Differential check of the generated evaluator against the reference one, over every ruleset.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
const host = {
  readFile: (p: string) => ({ text: readFileSync(p, 'utf8') }),
  resolve: (f: string, r: string) => resolve(dirname(f), r),
};
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
for (const file of readdirSync('rulesets').filter((f) => f.endsWith('.sroi'))) {
  const path = `rulesets/${file}`;
  const plan = Plan.fromIr(compileSource(path, readFileSync(path, 'utf8'), host).ir).value!;
  const e = plan.enumerations as Record<string, string[]>;
  const from = plan.ir.periods[0]!.from;
  let diffs = 0,
    fallbacks = 0;
  for (let i = 0; i < 3000; i++) {
    const c = {
      id: `c${i}`,
      opdrachtsoort: pick(e.opdrachtsoort!),
      waarde: `${Math.floor(rnd() * 3_000_000)}.${pick(['00', '5', '99'])}`,
      gunningsdatum: pick([
        from,
        plan.ir.periods[0]!.to,
        '2024-03-01',
        '2025-07-01',
        '2022-06-30',
        '2021-01-01',
      ]).replace(/^20(19|2\d)/, (m) => m),
      ...(rnd() < 0.3 ? { inspanningAangetoond: true } : {}),
      ...(rnd() < 0.5 ? { arbeidsaandeel: Math.floor(rnd() * 100) } : {}),
      activiteiten: Array.from({ length: Math.floor(rnd() * 8) }, () =>
        pick([
          () => ({
            soort: 'plaatsing',
            doelgroep: pick(e.doelgroep!),
            contractvorm: pick(e.contractvorm!),
            fte: pick([0.25, 0.5, 0.8, 1, 1.2]),
            maanden: pick([1, 5.5, 6, 12, 13, 24, 30, 40, 120]),
            ...(rnd() < 0.5 ? { leeftijd: Math.floor(rnd() * 70) } : {}),
            ...(rnd() < 0.3 ? { arbeidsbeperking: true } : {}),
            ...(rnd() < 0.3 ? { naStageVsoPro: true } : {}),
          }),
          () => ({
            soort: 'leerling',
            opleiding: pick(e.opleiding!),
            ...(rnd() < 0.7 ? { niveau: 1 + Math.floor(rnd() * 4) } : {}),
            ...(rnd() < 0.5 ? { stage: true } : {}),
            ...(rnd() < 0.5 ? { arbeidsovereenkomst: true } : {}),
            fte: pick([0.5, 1]),
            maanden: pick([3, 12, 30, 40]),
          }),
          () => ({
            soort: 'arbeidsontwikkeling',
            vorm: pick(e.vorm!),
            ...(rnd() < 0.5 ? { startkwalificatie: rnd() < 0.5 } : {}),
            maanden: pick([2, 12, 18]),
          }),
          () => ({ soort: 'scholing', kosten: `${Math.floor(rnd() * 5000)}.50` }),
          () => ({
            soort: 'inkoop',
            leverancier: pick(e.leverancier!),
            factuurbedrag: `${Math.floor(rnd() * 50000)}.01`,
            ...(rnd() < 0.5 ? { aandeelDoelgroep: Math.floor(rnd() * 60) } : {}),
            ...(rnd() < 0.5 ? { missieVoorop: rnd() < 0.7 } : {}),
            ...(rnd() < 0.5 ? { aandeelCommercieel: Math.floor(rnd() * 100) } : {}),
          }),
          () => ({ soort: 'maatschappelijk', uren: pick([0, 10, 33.5, 500]) }),
          () => ({
            soort: pick(['investering', 'maatwerk', 'overdracht']),
            bedrag: `${Math.floor(rnd() * 20000)}.00`,
          }),
        ])(),
      ),
    };
    const fast = plan.evaluate(c);
    const ref = plan.evaluate(c, { engine: 'reference' });
    const valid = plan.validate(c).value;
    if (valid && fast.value && plan.compute(valid) === undefined) {
      fallbacks++;
      if (fallbacks < 3) console.log('FALLBACK', JSON.stringify(c).slice(0, 400));
    }
    if (JSON.stringify(fast) !== JSON.stringify(ref)) {
      if (diffs++ < 2)
        console.log(file, '\n', JSON.stringify(fast).slice(0, 600), '\n', JSON.stringify(ref).slice(0, 600));
    }
  }
  console.log(file, 'diffs', diffs, 'fallbacks', fallbacks);
}

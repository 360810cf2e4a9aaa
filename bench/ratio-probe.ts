import { readFileSync } from 'node:fs';
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
const f = 'rulesets/rijnmond-2023-2027.sroi';
const plan = Plan.fromIr(compileSource(f, readFileSync(f, 'utf8')).ir!).value!;
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
const doelgroepen = [
  'participatiewet',
  'loonkostensubsidie',
  'banenafspraak',
  'ww',
  'wia',
  'nugger',
  'jongere-zonder-startkwalificatie',
];
const contracts = Array.from({ length: 1000 }, () => ({
  opdrachtsoort: 'diensten',
  waarde: `${Math.floor(rnd() * 5_000_000)}.00`,
  gunningsdatum: pick(['2024-03-01', '2025-08-01']),
  activiteiten: Array.from({ length: 10 }, () =>
    pick([
      () => ({
        soort: 'plaatsing',
        doelgroep: pick(doelgroepen),
        contractvorm: pick(['bepaald', 'onbepaald']),
        fte: pick([0.5, 0.8, 1]),
        maanden: 1 + Math.floor(rnd() * 48),
      }),
      () => ({
        soort: 'inkoop',
        leverancier: 'sw-bedrijf',
        factuurbedrag: `${Math.floor(rnd() * 50000)}.00`,
      }),
      () => ({ soort: 'maatschappelijk', uren: Math.floor(rnd() * 100) }),
      () => ({ soort: 'arbeidsontwikkeling', vorm: 'werk-fit', maanden: 1 + Math.floor(rnd() * 18) }),
    ])(),
  ),
}));
const T23: Record<string, number> = {
  participatiewet: 4000000,
  loonkostensubsidie: 4500000,
  banenafspraak: 4500000,
  ww: 1500000,
  wia: 2500000,
  nugger: 1000000,
  'jongere-zonder-startkwalificatie': 1000000,
};
const T25: Record<string, number> = {
  participatiewet: 4200000,
  loonkostensubsidie: 4725000,
  banenafspraak: 4725000,
  ww: 1575000,
  wia: 2625000,
  nugger: 1050000,
  'jongere-zonder-startkwalificatie': 1050000,
};
const half = (n: number, d: number) => {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return 2 * r >= d ? q + 1 : q;
};
const cents = (s: string) => Math.round(Number(s) * 100);
interface ProbeActivity {
  soort: string;
  doelgroep: string;
  contractvorm: string;
  fte: number;
  maanden: number;
  uren: number;
  factuurbedrag: string;
}
function hand(c: { waarde: string; gunningsdatum: string; activiteiten: ProbeActivity[] }) {
  const waarde = cents(c.waarde);
  const verpl = waarde > 5000000 ? half(waarde * 5, 100) : 0;
  const T = c.gunningsdatum >= '2025-07-01' ? T25 : T23;
  let werken = 0,
    leren = 0,
    inkopen = 0,
    maats = 0;
  const vals: number[] = [];
  for (const a of c.activiteiten) {
    let v = 0;
    switch (a.soort) {
      case 'plaatsing': {
        const fte = Math.round(Math.min(a.fte, 1) * 100);
        const m =
          a.doelgroep === 'banenafspraak' || a.doelgroep === 'loonkostensubsidie'
            ? a.maanden
            : Math.min(a.maanden, 36);
        v =
          half(T[a.doelgroep]! * fte * m, 1200) +
          (a.contractvorm === 'onbepaald' ? 750000 : 0) +
          (a.maanden > 12 ? 500000 : 0);
        werken += v;
        break;
      }
      case 'inkoop':
        v = half(cents(a.factuurbedrag) * 30, 100);
        inkopen += v;
        break;
      case 'maatschappelijk':
        v = 10000 * a.uren;
        maats += v;
        break;
      case 'arbeidsontwikkeling':
        v = 50000 * Math.min(a.maanden, 12);
        leren += v;
        break;
    }
    vals.push(v);
  }
  const cap = half(verpl * 10, 100);
  const real = werken + leren + inkopen + Math.min(maats, cap);
  const restant = Math.max(0, verpl - real);
  return { verpl, real, restant, boete: restant, vals };
}
// agreement
let bad = 0;
const valid = contracts.map((c) => plan.validate(c).value!);
const out = plan.compiled.newResult();
valid.forEach((v, i) => {
  const r = plan.compute(v, out)!;
  const h = hand(contracts[i] as unknown as Parameters<typeof hand>[0]);
  if (r.outcomes[0] !== h.verpl || r.outcomes[2] !== h.real || r.valuations.some((x, j) => x !== h.vals[j]))
    bad++;
});
console.log('disagreements', bad);
for (let round = 0; round < 5; round++) {
  let t0 = performance.now();
  for (let k = 0; k < 100; k++) for (const c of contracts) hand(c as unknown as Parameters<typeof hand>[0]);
  const th = (performance.now() - t0) / 100000;
  t0 = performance.now();
  for (let k = 0; k < 100; k++) for (const v of valid) plan.compute(v, out);
  const tc = (performance.now() - t0) / 100000;
  console.log(
    `hand ${(th * 1000).toFixed(2)} µs  compiled ${(tc * 1000).toFixed(2)} µs  ratio ${(tc / th).toFixed(2)}`,
  );
}

// Growth: a ruleset k times the size of Rijnmond 2023-2027, as text. Every table, parameter and
// per-activity definition is repeated k times under renamed identifiers (k× the rules and k× the
// table rows), and each valuation averages its k copies, so every copy is used — lowered, compiled
// and evaluated — and the results stay exactly those of Rijnmond (the average of k equal values).

const HEADER = `regeling "Groei"
  versie "synthetisch"
  bron "bench/growth.ts: Rijnmond 2023-2027, herhaald"
  peildatum contract.gunningsdatum
  periode "2023-2027" van 2023-07-01 tot en met 2027-12-31
    aanname "Als Rijnmond 2023-2027"

opsomming opdrachtsoort: diensten, werken, leveringen
  bron "docs/contract-format.md"
opsomming doelgroep:
  participatiewet, loonkostensubsidie, banenafspraak, ww, wia, nugger,
  jongere-zonder-startkwalificatie
  bron "docs/contract-format.md"
opsomming contractvorm: bepaald, onbepaald
  bron "docs/contract-format.md"
opsomming opleiding: mbo-bbl, mbo-bol, hbo, vso, pro
  bron "docs/contract-format.md"
opsomming vorm: werk-fit, voorschakelen, leren-en-werken, inwerken, doorstromen
  bron "docs/contract-format.md"
opsomming leverancier: sw-bedrijf, sociaal-ondernemer
  bron "docs/contract-format.md"

parameter drempel: bedrag
  vanaf 2023-07-01: € 50.000
    bron "Beleid 2023-2027"

parameter sr_percentage: percentage
  vanaf 2023-07-01: 5%
    aanname "Ongewijzigd sinds 2019"

definitie binnen_bereik: janee = contract.waarde > drempel
  bron "Beleid 2023-2027"

uitkomst verplichting: bedrag =
  als binnen_bereik dan afronden(contract.waarde × sr_percentage, op € 0,01) anders € 0
  bron "docs/domain.md"
`;

/** The tables, parameters and definitions of one copy; `s` is its suffix. */
const copy = (s: string) => `
tabel jaarwaarde_plaatsing${s}(doelgroep: doelgroep): bedrag per jaar [uniek]
  aanname "Niet openbaar"
  vanaf 2023-07-01:
    | participatiewet                  | € 40.000 per jaar |
    | loonkostensubsidie               | € 45.000 per jaar |
    | banenafspraak                    | € 45.000 per jaar |
    | ww                               | € 15.000 per jaar |
    | wia                              | € 25.000 per jaar |
    | nugger                           | € 10.000 per jaar |
    | jongere-zonder-startkwalificatie | € 10.000 per jaar |
  vanaf 2025-07-01:
    | participatiewet                  | € 42.000 per jaar |
    | loonkostensubsidie               | € 47.250 per jaar |
    | banenafspraak                    | € 47.250 per jaar |
    | ww                               | € 15.750 per jaar |
    | wia                              | € 26.250 per jaar |
    | nugger                           | € 10.500 per jaar |
    | jongere-zonder-startkwalificatie | € 10.500 per jaar |

parameter max_maanden_plaatsing${s}: duur in maanden = 36 maanden
  aanname "Duurzaamheid"

definitie geteld${s} bij plaatsing: duur in maanden =
  als activiteit.doelgroep in (banenafspraak, loonkostensubsidie) dan activiteit.maanden
  anders min(activiteit.maanden, max_maanden_plaatsing${s})
  aanname "Zonder maximum voor banenafspraak en loonkostensubsidie"

definitie basiswaarde${s} bij plaatsing: bedrag =
  jaarwaarde_plaatsing${s}(activiteit.doelgroep) × min(activiteit.fte, 1) × geteld${s}
  bron "docs/domain.md"

definitie bonus_onbepaald${s} bij plaatsing: bedrag =
  als activiteit.contractvorm = onbepaald dan € 7.500 anders € 0
  aanname "Eenmalig"

definitie bonus_duurzaam${s} bij plaatsing: bedrag =
  als activiteit.maanden > 12 maanden dan € 5.000 anders € 0
  aanname "Eenmalig"

definitie waarde_plaatsing${s} bij plaatsing: bedrag = basiswaarde${s} + bonus_onbepaald${s} + bonus_duurzaam${s}
  bron "docs/domain.md"

tabel jaarwaarde_leerling${s}(opleiding: opleiding): bedrag per jaar [uniek]
  aanname "Geen openbare tabel"
  | mbo-bbl | € 15.000 per jaar |
  | mbo-bol | € 5.000 per jaar  |
  | hbo     | € 5.000 per jaar  |
  | vso     | € 7.500 per jaar  |
  | pro     | € 7.500 per jaar  |

parameter max_maanden_leerling${s}: duur in maanden = 24 maanden
  aanname "Hoogstens twee jaar"

definitie bonus_arbeidsovereenkomst${s} bij leerling: bedrag =
  als activiteit.arbeidsovereenkomst en activiteit.opleiding ≠ hbo dan € 5.000 anders € 0
  aanname "Eenmalig"

definitie waarde_leerling${s} bij leerling: bedrag =
  jaarwaarde_leerling${s}(activiteit.opleiding)
    × min(activiteit.fte, 1)
    × min(activiteit.maanden, max_maanden_leerling${s})
    + bonus_arbeidsovereenkomst${s}
  aanname "Zelfde opbouw als een plaatsing"

tabel maandwaarde_ontwikkeling${s}(vorm: vorm): bedrag per maand [uniek]
  aanname "Passend tarief"
  | werk-fit        | € 500 per maand   |
  | voorschakelen   | € 750 per maand   |
  | leren-en-werken | € 1.000 per maand |
  | inwerken        | € 500 per maand   |
  | doorstromen     | € 1.250 per maand |

parameter max_maanden_ontwikkeling${s}: duur in maanden = 12 maanden
  aanname "Hoogstens een jaar"

definitie waarde_ontwikkeling${s} bij arbeidsontwikkeling: bedrag =
  maandwaarde_ontwikkeling${s}(activiteit.vorm) × min(activiteit.maanden, max_maanden_ontwikkeling${s})
  bron "Beleid 2023-2027"

parameter inkoop_percentage${s}: percentage = 30%
  aanname "Deel van het factuurbedrag"

parameter uurtarief_maatschappelijk${s}: bedrag per uur = € 100 per uur
  aanname "Utrecht en Hilversum"
`;

const FOOTER = `
waardering scholing = activiteit.kosten
  aanname "Werkelijke kosten"

waardering investering = activiteit.bedrag
  aanname "Volledig"

waardering maatwerk = activiteit.bedrag
  aanname "Goedgekeurd bedrag"

waardering overdracht = activiteit.bedrag
  aanname "Overgedragen bedrag"

route werken "Werken": plaatsing
route leren "Leren": leerling, arbeidsontwikkeling, scholing
route inkopen "Sociaal inkopen": inkoop
route maatschappelijk "Maatschappelijke activiteiten": maatschappelijk
  maximum afronden(10% × verplichting, op € 0,01)
    aanname "10%"
route investeren "Sociaal investeren": investering
route open "Open sociale impact invulling": maatwerk
  maximum afronden(20% × verplichting, op € 0,01)
    aanname "20%"
route overdracht "Overdracht naar een volgend contract": overdracht
  maximum afronden(10% × verplichting, op € 0,01)
    aanname "10%"

uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route)
  bron "docs/domain.md"

uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)
  bron "docs/domain.md"

uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)
  bron "docs/domain.md"

uitkomst percentage: percentage optioneel =
  als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)
  bron "docs/domain.md"

parameter boetepercentage: percentage = 100%
  aanname "Volledig"

uitkomst boete: bedrag =
  als contract.inspanningAangetoond en restant > € 0 dan
    € 0
      met melding "Geen boete: inspanning aangetoond"
  anders afronden(restant × boetepercentage, op € 0,01)
  bron "Harlingen"
`;

/** Rijnmond 2023-2027 (without its examples) with k copies of every table and per-activity rule. */
export function synthesizeRuleset(k: number): string {
  const suffixes = Array.from({ length: k }, (_, i) => (i === 0 ? '' : `_${i}`));
  /** The average of the k copies of a name: "(a + a_1 + a_2) / 3", or just "a". */
  const mean = (name: string) =>
    k === 1 ? name : `(${suffixes.map((s) => `${name}${s}`).join(' + ')}) / ${k}`;
  const valuations = `
waardering plaatsing = afronden(${mean('waarde_plaatsing')}, op € 0,01)
  bron "docs/domain.md"

waardering leerling = afronden(${mean('waarde_leerling')}, op € 0,01)
  aanname "Zelfde opbouw als een plaatsing"

waardering arbeidsontwikkeling = afronden(${mean('waarde_ontwikkeling')}, op € 0,01)
  bron "Beleid 2023-2027"
  vereist activiteit.vorm ≠ voorschakelen of niet activiteit.startkwalificatie
    anders "Voorschakelen is voor mensen zonder startkwalificatie"
  vereist activiteit.vorm ≠ leren-en-werken of activiteit.startkwalificatie
    anders "Leren en werken vraagt een startkwalificatie"

waardering inkoop = afronden(activiteit.factuurbedrag × ${mean('inkoop_percentage')}, op € 0,01)
  bron "Beleid 2023-2027"
  vereist activiteit.leverancier = sw-bedrijf of standaard(activiteit.aandeelDoelgroep, 30%) ≥ 30%
    anders "Geen erkend sociaal ondernemer: {activiteit.aandeelDoelgroep} uit de doelgroep"
  vereist activiteit.leverancier = sw-bedrijf of standaard(activiteit.missieVoorop, ja)
    anders "Geen erkend sociaal ondernemer: de missie staat niet voorop"
  vereist activiteit.leverancier = sw-bedrijf of standaard(activiteit.aandeelCommercieel, 50%) ≥ 50%
    anders "Geen erkend sociaal ondernemer: {activiteit.aandeelCommercieel} commercieel"

waardering maatschappelijk = afronden(${mean('uurtarief_maatschappelijk')} × activiteit.uren, op € 0,01)
  aanname "€ 100 per uur"
`;
  return HEADER + suffixes.map(copy).join('') + valuations + FOOTER;
}

/**
 * A ruleset whose one `[uniek]` table has `n` interval rows (`≥ 10i en < 10(i+1)`) and a last
 * open row: complete and free of overlap, so the checker must analyse every row to prove it.
 */
export function synthesizeTable(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(`  | ≥ ${i * 10} en < ${(i + 1) * 10} | € ${i} |`);
  return `regeling "Tabelgroei"
  peildatum contract.gunningsdatum
  periode "p" van 2020-01-01 tot en met 2030-12-31

tabel t(n: getal): bedrag [uniek]
  aanname "Gegenereerd"
${rows.join('\n')}
  | ≥ ${n * 10} | € 0 |
`;
}

/**
 * The slope of the least-squares line through (log x, log y): 1 means y grows linearly with x,
 * below 1 that a fixed cost still dominates, above 1 faster than linear.
 */
export function logLogSlope(points: readonly (readonly [number, number])[]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

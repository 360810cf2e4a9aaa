// Size-aware generators of deep formulas (issue 15 item 1): long sums, chains of en/of and ×,
// `anders als` chains, chains of definitions and nested parentheses and negations, each as a
// complete ruleset around one outcome `diep`, so the whole pipeline can be run on them.

/** The kinds of depth a ruleset can be built with. */
export const deepKinds = ['plus', 'en', 'of', 'maal', 'anders-als', 'definities', 'haakjes', 'min'] as const;
export type DeepKind = (typeof deepKinds)[number];

const header = `regeling "Diep"
  bron "test"
  periode "p" van 2024-01-01 tot en met 2024-12-31

opsomming opdrachtsoort: diensten, werken, leveringen
opsomming doelgroep: ww
opsomming contractvorm: bepaald, onbepaald
opsomming opleiding: hbo
opsomming vorm: werk-fit
opsomming leverancier: sw-bedrijf

parameter een: bedrag = € 1
  aanname "test"
parameter factor: getal = 1
  aanname "test"

waardering plaatsing = € 0 met melding "niet gewaardeerd"
waardering leerling = € 0 met melding "niet gewaardeerd"
waardering arbeidsontwikkeling = € 0 met melding "niet gewaardeerd"
waardering scholing = activiteit.kosten
  aanname "test"
waardering inkoop = € 0 met melding "niet gewaardeerd"
waardering maatschappelijk = € 0 met melding "niet gewaardeerd"
waardering investering = € 0 met melding "niet gewaardeerd"
waardering maatwerk = € 0 met melding "niet gewaardeerd"
waardering overdracht = € 0 met melding "niet gewaardeerd"

route alles "Alles": plaatsing, leerling, arbeidsontwikkeling, scholing, inkoop, maatschappelijk, investering,
  maatwerk, overdracht

uitkomst verplichting: bedrag = een
  aanname "test"
uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route)
uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)
uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)
uitkomst percentage: percentage optioneel =
  als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)
uitkomst boete: bedrag = restant
  aanname "test"
`;

/** A ruleset whose outcome `diep` is a formula of `size` steps of one kind. */
export function deepRuleset(kind: DeepKind, size: number): string {
  const n = Math.max(1, size);
  const outcome = (type: string, formula: string) =>
    `uitkomst diep: ${type} =\n  ${formula}\n  aanname "test"\n`;
  switch (kind) {
    case 'plus':
      return header + outcome('bedrag', Array(n).fill('een').join(' + '));
    case 'en':
      return header + outcome('janee', Array(n).fill('een > € 0').join(' en '));
    case 'of':
      return header + outcome('janee', Array(n).fill('een = € 0').join(' of '));
    case 'maal':
      return header + outcome('getal', Array(n).fill('factor').join(' × '));
    case 'anders-als':
      return (
        header +
        outcome(
          'bedrag',
          `${Array.from({ length: n }, (_, i) => `als contract.waarde = € ${i + 1} dan een`).join(' anders ')} anders € 0`,
        )
      );
    case 'definities': {
      const defs = ['definitie d0: bedrag = een\n  aanname "test"\n'];
      for (let i = 1; i < n; i++) defs.push(`definitie d${i}: bedrag = d${i - 1}\n  aanname "test"\n`);
      return header + defs.join('') + outcome('bedrag', `d${n - 1}`);
    }
    case 'haakjes':
      return header + outcome('bedrag', `${'('.repeat(n)}een${')'.repeat(n)}`);
    case 'min':
      return header + outcome('bedrag', `${'-'.repeat(n)}een`);
  }
}

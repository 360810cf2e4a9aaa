// Arbitrary municipal variants of the shipped rulesets: a header with `breidt uit` and any subset of
// a handful of overriding statements (a percentage, a threshold, "vanaf" or "boven", an hourly rate,
// a cap, a valued or unvalued activity kind, a table row). Each compiles.
import { fc } from '@fast-check/vitest';

/** One overriding statement, keyed by the declaration it replaces (so a variant states each once). */
const statements: Record<string, fc.Arbitrary<string>> = {
  percentage: fc
    .integer({ min: 1, max: 10 })
    .map((p) => `parameter sr_percentage: percentage = ${p}%\n  aanname "Variant: percentage"`),
  threshold: fc
    .integer({ min: 1, max: 30 })
    .map((k) => `parameter drempel: bedrag = € ${k * 10}.000\n  aanname "Variant: drempel"`),
  scope: fc
    .constantFrom('≥', '>')
    .map(
      (op) =>
        `definitie binnen_bereik: janee = contract.waarde ${op} drempel\n  aanname "Variant: vanaf of boven"`,
    ),
  rate: fc
    .integer({ min: 50, max: 150 })
    .map(
      (n) =>
        `parameter uurtarief_maatschappelijk: bedrag per uur = € ${n} per uur\n  aanname "Variant: uurtarief"`,
    ),
  cap: fc
    .integer({ min: 5, max: 30 })
    .map(
      (p) =>
        `route maatschappelijk "Maatschappelijke activiteiten": maatschappelijk\n  maximum afronden(${p}% × verplichting, op € 0,01)\n    aanname "Variant: maximum"`,
    ),
  investment: fc
    .boolean()
    .map((valued) =>
      valued
        ? `waardering investering = activiteit.bedrag\n  aanname "Variant: investering telt"`
        : `waardering investering =\n  € 0 met melding "Sociaal investeren telt in deze variant niet"\n  aanname "Variant: investering telt niet"`,
    ),
  placement: fc
    .record({
      participatiewet: fc.integer({ min: 20, max: 60 }),
      nugger: fc.integer({ min: 2, max: 20 }),
    })
    .map(
      ({
        participatiewet,
        nugger,
      }) => `tabel jaarwaarde_plaatsing(doelgroep: doelgroep): bedrag per jaar [uniek]
  aanname "Variant: eigen jaarwaarden"
  | participatiewet                  | € ${participatiewet}.000 per jaar |
  | loonkostensubsidie               | € 35.000 per jaar |
  | banenafspraak                    | € 35.000 per jaar |
  | ww                               | € 15.000 per jaar |
  | wia                              | € 25.000 per jaar |
  | nugger                           | € ${nugger}.000 per jaar |
  | jongere-zonder-startkwalificatie | € 7.500 per jaar |`,
    ),
};

/** The bases the variants extend: both Rijnmond rulesets have every declaration the statements replace. */
export const variantBases = ['rijnmond-2019-2023.sroi', 'rijnmond-2023-2027.sroi'] as const;

export interface Variant {
  readonly base: (typeof variantBases)[number];
  readonly statements: readonly string[];
  readonly text: string;
}

export const variantText = (base: string, body: readonly string[], name = 'Variant'): string =>
  [
    `regeling "${name}"\n  gemeente "Proefgemeente"\n  bron "Testvariant"\n  breidt uit "${base}"`,
    ...body,
  ].join('\n\n') + '\n';

export const variantArbitrary: fc.Arbitrary<Variant> = fc
  .record({
    base: fc.constantFrom(...variantBases),
    picked: fc.subarray(Object.keys(statements)),
  })
  .chain(({ base, picked }) =>
    fc.tuple(...picked.map((k) => statements[k]!)).map((body) => ({
      base,
      statements: picked,
      text: variantText(base, body),
    })),
  );

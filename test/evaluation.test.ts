// Compiling tiny rulesets and evaluating contracts against them: the explanations, meldingen and
// evaluation errors point back into the source text the rules were written in.
import { compileSource } from '@sroi/compiler';
import { Plan } from '@sroi/evaluator';
import { describe, expect, test } from 'vitest';

/** A small but complete ruleset; `{percentage}` is the formula of the percentage outcome. */
const ruleset = (
  percentage = 'als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)',
) =>
  `regeling "Klein"
  bron "Test"
  periode "2024" van 2024-01-01 tot en met 2024-12-31
    bron "Test"
  periode "2025" van 2025-01-01 tot en met 2025-12-31
    bron "Test"

opsomming opdrachtsoort: diensten, werken, leveringen
  bron "Test"
opsomming doelgroep: participatiewet, ww
  bron "Test"
opsomming contractvorm: bepaald, onbepaald
  bron "Test"
opsomming opleiding: hbo
  bron "Test"
opsomming vorm: werk-fit
  bron "Test"
opsomming leverancier: sw-bedrijf
  bron "Test"

uitkomst verplichting: bedrag = afronden(contract.waarde × 5%, op € 0,01)
  bron "Test"

definitie bonus_onbepaald bij plaatsing: bedrag =
  als activiteit.contractvorm = onbepaald dan € 1.000 anders € 0
  bron "Bonus voor onbepaalde tijd"

waardering plaatsing = afronden(€ 10.000 per jaar × activiteit.maanden + bonus_onbepaald, op € 0,01)
  bron "Test"
waardering maatschappelijk = € 100 per uur × activiteit.uren
  bron "Test"

route werken "Werken": plaatsing, leerling, arbeidsontwikkeling, scholing
  bron "Test"
route overig "Overig": inkoop, maatschappelijk, investering, maatwerk, overdracht
  bron "Test"
  maximum afronden(10% × verplichting, op € 0,01)
    bron "Maximaal 10%"

uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route)
  bron "Test"
uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)
uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)
  bron "Test"
uitkomst percentage: percentage optioneel = ${percentage}
  bron "Test"
uitkomst boete: bedrag = restant
  bron "Test"
`;

const compile = (text: string) => {
  const compiled = compileSource('klein.sroi', text);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { text, plan: Plan.fromIr(compiled.ir).value! };
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const contract = (activiteiten: unknown[], overrides: Record<string, unknown> = {}) => ({
  opdrachtsoort: 'diensten',
  waarde: '100000.00',
  gunningsdatum: '2024-05-01',
  activiteiten,
  ...overrides,
});
const placement = { soort: 'plaatsing', doelgroep: 'ww', contractvorm: 'bepaald', fte: 1, maanden: 6 };

describe('evaluating a compiled ruleset', () => {
  test('a bonus that does not apply is explained by its failed condition, its value and its place', () => {
    const { text, plan } = compile(ruleset());
    const result = plan.evaluate(contract([placement]), { explain: true }).value!;
    const bonus = result.waarderingen[0]!.uitleg!.onderdelen!.find(
      (u) => u.regel === 'definitie bonus_onbepaald',
    )!;
    const conditionLine = lineOf(text, 'als activiteit.contractvorm = onbepaald');
    const conditionColumn = text.split('\n')[conditionLine - 1]!.indexOf('activiteit.contractvorm') + 1;
    expect(bonus.waarde).toBe('€ 0,00');
    expect(bonus.bron).toEqual(['Bonus voor onbepaalde tijd']);
    expect(bonus.voorwaarden).toEqual([
      {
        formule: 'activiteit.contractvorm = onbepaald',
        uitkomst: false,
        waarden: [{ naam: 'activiteit.contractvorm', waarde: 'bepaald' }],
        plaats: { bestand: 'klein.sroi', regel: conditionLine, kolom: conditionColumn },
      },
    ]);
  });

  test('a cap that bites gives a melding of soort maximum at the maximum', () => {
    const { text, plan } = compile(ruleset());
    const result = plan.evaluate(contract([{ soort: 'maatschappelijk', uren: 60 }])).value!;
    expect(result.meldingen).toEqual([
      {
        soort: 'maximum',
        tekst: 'Route Overig begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee',
        route: 'overig',
      },
    ]);
    const explained = plan.evaluate(contract([{ soort: 'maatschappelijk', uren: 60 }]), {
      explain: true,
    }).value!;
    expect(explained.meldingen[0]!.plaats).toEqual({
      bestand: 'klein.sroi',
      regel: lineOf(text, 'maximum afronden'),
      kolom: 3,
    });
    expect([explained.waarderingen[0]!.bedrag, explained.gerealiseerd]).toEqual(['6000.00', '500.00']);
  });

  test('division by zero is SR5005 with the span of the division sign in the source', () => {
    const { text, plan } = compile(ruleset('afronden(gerealiseerd / verplichting, op 0,01%)'));
    const result = plan.evaluate(contract([], { waarde: '0.00' }));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect([d!.code, d!.args, d!.span?.file]).toEqual(['SR5005', { rule: 'deling' }, 'klein.sroi']);
    expect(text.slice(d!.span!.start, d!.span!.end)).toBe('/');
    expect(d!.span!.start).toBe(text.indexOf('gerealiseerd / verplichting') + 'gerealiseerd '.length);
  });

  test('a gunningsdatum in no period is SR5001 naming every period', () => {
    const { plan } = compile(ruleset());
    expect(plan.evaluate(contract([], { gunningsdatum: '2026-01-01' })).diagnostics).toEqual([
      {
        code: 'SR5001',
        severity: 'error',
        args: {
          field: 'gunningsdatum',
          date: '2026-01-01',
          ruleset: "'Klein'",
          periods: '2024 (2024-01-01 t/m 2024-12-31), 2025 (2025-01-01 t/m 2025-12-31)',
        },
        path: 'gunningsdatum',
      },
    ]);
  });

  test('a kind the ruleset does not value counts € 0 with a melding', () => {
    const { plan } = compile(ruleset());
    const result = plan.evaluate(contract([{ soort: 'scholing', kosten: '100.00' }])).value!;
    expect(result.waarderingen).toEqual([{ index: 0, soort: 'scholing', bedrag: '0.00', route: 'werken' }]);
    expect(result.meldingen).toEqual([
      {
        soort: 'niet-gewaardeerd',
        tekst: 'Activiteitsoort scholing wordt in Klein niet gewaardeerd',
        activiteit: 0,
      },
    ]);
  });
});

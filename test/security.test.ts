// Security: contract JSON cannot pollute prototypes (library and CLI), and names and texts in a
// ruleset cannot inject code into the JavaScript generated for it (compiled/codegen.ts keeps
// every IR text in a constants array; these tests hold it to that, through the whole pipeline).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { main } from '@sroi/cli';
import { compileSource } from '@sroi/compiler';
import { Plan, validateIr, type EvaluationResult } from '@sroi/evaluator';
import { contractArbitrary } from './support/arbitraries.js';
import { planOf, shippedIr, withoutExplanations } from './support/shipped.js';

const dir = mkdtempSync(join(tmpdir(), 'sroi-security-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const g = globalThis as Record<string, unknown>;
const prototypeNames = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
};

/** Nothing was added to the built-in prototypes, and no injected code ran. */
function expectNothingPolluted() {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeNames.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeNames.function);
  expect(g['pwned']).toBeUndefined();
}
afterEach(expectNothingPolluted);

describe('contract JSON cannot pollute prototypes', () => {
  const ir = shippedIr('rijnmond-2023-2027.sroi');
  const plan = planOf(ir);
  const payloads = [
    '{"__proto__": {"polluted": "ja"}}',
    '{"constructor": {"prototype": {"polluted": "ja"}}}',
    '{"prototype": {"polluted": "ja"}}',
    '{"__proto__": {"__proto__": {"polluted": "ja"}, "constructor": {"prototype": {"polluted": "ja"}}}}',
  ];
  const MARK = '"$hostile$"';

  /**
   * A valid contract with a hostile object spliced in at one place: its keys merged into the
   * contract or an activity, or the object in place of a field value or an activity. As JSON text,
   * so `__proto__` is an own key the way JSON.parse makes it.
   */
  const hostileJson = fc
    .tuple(
      contractArbitrary({ enumerations: plan.enumerations, dates: { from: '2023-07-01', to: '2027-12-31' } }),
      fc.constantFrom(...payloads),
      fc.nat(),
      fc.constantFrom('merge', 'value'),
    )
    .map(([contract, payload, at, how]) => {
      // Every object of the contract, and every field in it, is a possible place.
      const objects: Record<string, unknown>[] = [
        contract,
        ...(contract['activiteiten'] as Record<string, unknown>[]),
      ];
      const target = objects[at % objects.length]!;
      const keys = Object.keys(target);
      if (how === 'merge' || keys.length === 0) target['$hostile$'] = 0;
      else target[keys[at % keys.length]!] = '$hostile$';
      const text = JSON.stringify(contract);
      return how === 'merge' || keys.length === 0
        ? text.replace(`${MARK}:0`, payload.slice(1, -1))
        : text.replace(MARK, payload);
    });

  prop.prop([hostileJson], { numRuns: 300 })(
    'Plan.evaluate on JSON.parse’d contracts with __proto__, constructor.prototype or prototype keys anywhere refuses them with a path and pollutes nothing',
    (json) => {
      for (const explain of [false, true]) {
        const r = plan.evaluate(JSON.parse(json), { explain });
        expect(r.value).toBeUndefined();
        expect(r.diagnostics.length).toBeGreaterThan(0);
        for (const d of r.diagnostics) expect(d.path, d.code).toBeDefined();
      }
      expectNothingPolluted();
    },
  );

  test('hostile keys as activity kinds and enumeration values are unknown values, not inherited ones', () => {
    const base = { opdrachtsoort: 'diensten', waarde: '100000.00', gunningsdatum: '2024-05-01' };
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
      const kind = plan.evaluate({ ...base, activiteiten: [{ soort: name }] });
      expect(kind.diagnostics.map((d) => [d.code, d.path])).toEqual([['SR5018', 'activiteiten[0].soort']]);
      const value = plan.evaluate({ ...base, opdrachtsoort: name, activiteiten: [] });
      expect(value.diagnostics.map((d) => [d.code, d.path])).toEqual([['SR5004', 'opdrachtsoort']]);
      const field = plan.evaluate(
        JSON.parse(
          `{"opdrachtsoort": "diensten", "waarde": "1.00", "gunningsdatum": "2024-05-01", "activiteiten": [], "${name}": 1}`,
        ),
      );
      expect(field.diagnostics.map((d) => [d.code, d.path])).toEqual([['SR5006', name]]);
    }
  });

  test('sroi eval refuses contract files with these keys at every level, at a located place, and pollutes nothing', async () => {
    const irFile = join(dir, 'rijnmond.ir.json');
    writeFileSync(irFile, JSON.stringify(ir));
    const contract = (inner: string) =>
      `{"opdrachtsoort": "diensten", "waarde": "1000.00", "gunningsdatum": "2024-05-01",${inner}` +
      ` "activiteiten": [{"soort": "scholing", "kosten": "1.00"}]}`;
    const texts = payloads.flatMap((p) => [
      contract(` ${p.slice(1, -1)},`),
      contract(` "waarde2": ${p},`).replace('"waarde": "1000.00", ', '').replace('waarde2', 'waarde'),
      contract('').replace('"kosten": "1.00"', `"kosten": "1.00", ${p.slice(1, -1)}`),
      contract('').replace('[{"soort"', `[${p}, {"soort"`),
    ]);
    for (const [i, text] of texts.entries()) {
      expect(() => JSON.parse(text), text).not.toThrow(); // refused for its keys, not as bad JSON
      const file = join(dir, `proto-${i}.json`);
      writeFileSync(file, text);
      for (const ruleset of [irFile, join(import.meta.dirname, '../rulesets/rijnmond-2023-2027.sroi')]) {
        let err = '';
        const code = await main(['eval', '--format', 'gnu', ruleset, file], {
          out: () => {},
          err: (t) => (err += t),
        });
        expect(code, text).toBe(2);
        const lines = err.trimEnd().split('\n');
        for (const line of lines)
          expect(line).toMatch(
            new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:\\d+:\\d+: error SR50\\d\\d: `),
          );
        expectNothingPolluted();
      }
    }
  });
});

/** Texts that would break out of a JavaScript string, comment, template or HTML script. */
const breakouts = [
  `"); globalThis.pwned = 1; ("`,
  `'); globalThis.pwned = 2; ('`,
  `*/ globalThis.pwned = 3; /*`,
  '`; globalThis.pwned = 4; `',
  '${globalThis.pwned = 5}',
  `\\"); globalThis.pwned = 6; //`,
  `</script><script>globalThis.pwned = 7</script>`,
];
/** As a sroi string literal: backslash and quote escaped. */
const sroiString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;
/** In a melding template `{` and `}` are written twice. */
const templateString = (s: string) => sroiString(s.replace(/[{}]/g, '$&$&'));

/** A ruleset whose names are Object.prototype's and whose every text tries to break out. */
const hostileRuleset = () => `regeling ${sroiString(breakouts.join(' '))}
  bron ${sroiString(breakouts[0]!)}
  document toString ${sroiString(breakouts[6]!)} bestand "__proto__" vindplaats ${sroiString(breakouts[3]!)}
  periode ${sroiString(breakouts[2]!)} van 2024-01-01 tot en met 2024-12-31
    bron ${sroiString(breakouts[6]!)}

opsomming opdrachtsoort: diensten, werken, leveringen
  bron ${sroiString(breakouts[3]!)}
opsomming doelgroep: participatiewet, ww, constructor, __proto__, toString, hasOwnProperty
  bron "Test"
opsomming contractvorm: bepaald, onbepaald
  bron "Test"
opsomming opleiding: hbo
  bron "Test"
opsomming vorm: werk-fit
  bron "Test"
opsomming leverancier: sw-bedrijf
  bron "Test"

parameter constructor: bedrag per uur = € 100 per uur
  bron ${sroiString(breakouts[4]!)}

tabel toString(doelgroep: doelgroep): bedrag per maand [uniek]
  bron ${sroiString(breakouts[5]!)}
  | participatiewet  | € 1.000 per maand |
  | ww               | € 2.000 per maand |
  | constructor      | € 3.000 per maand |  bron toString ${sroiString(breakouts[1]!)}
  | __proto__        | € 4.000 per maand |
  | toString         | € 5.000 per maand |
  | hasOwnProperty   | € 6.000 per maand |

definitie hasOwnProperty bij plaatsing: bedrag =
  toString(activiteit.doelgroep) × activiteit.maanden
    met melding ${templateString(breakouts.join(' ') + ' ').slice(0, -1)}{activiteit.doelgroep}"
  bron "Test"

uitkomst verplichting: bedrag = afronden(contract.waarde × 5%, op € 0,01)
  bron "Test"

waardering plaatsing = afronden(hasOwnProperty, op € 0,01)
  bron "Test"
waardering maatschappelijk = afronden(constructor × activiteit.uren, op € 0,01)
  bron "Test"
waardering leerling = € 0 met melding ${templateString(breakouts[0]!)}
  bron "Test"

route valueOf ${sroiString(breakouts[0]!)}: plaatsing, leerling, arbeidsontwikkeling, scholing
  bron "Test"
route __proto__ ${sroiString(breakouts[4]!)}: inkoop, maatschappelijk, investering, maatwerk, overdracht
  bron "Test"
  maximum afronden(10% × verplichting, op € 0,01)
    bron ${sroiString(breakouts[2]!)}

uitkomst gerealiseerd: bedrag = som(route.gerealiseerd voor elke route waarbij route.naam ≠ "constructor")
  bron "Test"
uitkomst restant: bedrag = max(€ 0, verplichting - gerealiseerd)
uitkomst overschot: bedrag = max(€ 0, gerealiseerd - verplichting)
  bron "Test"
uitkomst percentage: percentage optioneel =
  als verplichting = € 0 dan onbekend anders afronden(gerealiseerd / verplichting, op 0,01%)
  bron "Test"
uitkomst boete: bedrag = restant
  bron "Test"
uitkomst __proto__: bedrag = gerealiseerd + € 1
  bron "Test"
uitkomst prototype: bedrag = gerealiseerd + € 2
  bron "Test"
`;

describe('names and texts in a ruleset cannot inject code into the generated JavaScript', () => {
  let plan: Plan;
  beforeAll(() => {
    const compiled = compileSource('kwaad.sroi', hostileRuleset());
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    plan = planOf(JSON.parse(JSON.stringify(compiled.ir)));
  });

  const contract = {
    opdrachtsoort: 'diensten',
    waarde: '100000.00',
    gunningsdatum: '2024-05-01',
    activiteiten: [
      { soort: 'plaatsing', doelgroep: 'constructor', contractvorm: 'bepaald', fte: 1, maanden: 2 },
      { soort: 'plaatsing', doelgroep: '__proto__', contractvorm: 'bepaald', fte: 1, maanden: 1 },
      { soort: 'plaatsing', doelgroep: 'hasOwnProperty', contractvorm: 'bepaald', fte: 1, maanden: 0.5 },
      { soort: 'maatschappelijk', uren: 60 },
      { soort: 'leerling', opleiding: 'hbo', fte: 1, maanden: 1 },
    ],
  };

  test('the generated source holds no text of the ruleset: no string literal but "use strict", no name of its own', () => {
    const { source, constants } = plan.compiled.generated;
    expect(source.match(/["'`]/g)).toEqual(['"', '"']);
    expect(source.startsWith('"use strict";')).toBe(true);
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'prototype',
      'pwned',
    ])
      expect(source).not.toContain(name);
    // The texts travel as constants instead.
    expect(constants).toContain('constructor');
    expect(constants).toContain('__proto__');
  });

  test('evaluation is correct in both engines, every text comes back verbatim and nothing runs', () => {
    const results: EvaluationResult[] = [
      plan.evaluate(contract).value!,
      plan.evaluate(contract, { engine: 'reference' }).value!,
      plan.evaluate(contract, { explain: true }).value!,
    ];
    expect(plan.compute(plan.validate(contract).value!)).toBeDefined(); // the generated code answered
    expect(JSON.stringify(results[0])).toBe(JSON.stringify(results[1]));
    for (const r of results) {
      expect(r.regeling).toBe(breakouts.join(' '));
      expect(r.waarderingen.map((w) => [w.route, w.bedrag])).toEqual([
        ['valueOf', '6000.00'],
        ['valueOf', '4000.00'],
        ['valueOf', '3000.00'],
        ['__proto__', '6000.00'],
        ['valueOf', '0.00'],
      ]);
      expect(r.routes.map((x) => [x.naam, x.label, x.gerealiseerd])).toEqual([
        ['valueOf', breakouts[0], '13000.00'],
        ['__proto__', breakouts[4], '500.00'],
      ]);
      expect(r.gerealiseerd).toBe('13500.00');
      expect(r.overige).toEqual(JSON.parse('{"__proto__": "13501.00", "prototype": "13502.00"}'));
      expect(r.meldingen.map((m) => m.tekst)).toEqual([
        `${breakouts.join(' ')} constructor`,
        `${breakouts.join(' ')} __proto__`,
        `${breakouts.join(' ')} hasOwnProperty`,
        `${breakouts[0]}`,
        `Route ${breakouts[4]} begrensd op € 500,00: € 6.000,00 gewaardeerd, € 5.500,00 telt niet mee`,
      ]);
    }
    expect(withoutExplanations(results[0]!)).toEqual(withoutExplanations(results[2]!));
  });

  test('IR written by hand may hold any text, U+2028, U+2029 and NUL included: still data, never code', () => {
    const ir = JSON.parse(JSON.stringify(plan.ir)) as Record<string, unknown>;
    const nasty = `ww\u2028\u2029\u0000 ${breakouts.join(' ')}`;
    // The enumeration value "ww" everywhere it stands (declaration and table row), and every label.
    const text = JSON.stringify(ir)
      .replaceAll('"ww"', JSON.stringify(nasty))
      .replaceAll(`"label":${JSON.stringify(breakouts[0])}`, `"label":${JSON.stringify(nasty)}`);
    const edited = planOf(JSON.parse(text));
    const { source } = edited.compiled.generated;
    expect(source.match(/["'`\u2028\u2029]/g)).toEqual(['"', '"']);
    expect(source.includes('\u0000')).toBe(false);
    const input = {
      ...contract,
      activiteiten: [{ soort: 'plaatsing', doelgroep: nasty, contractvorm: 'bepaald', fte: 1, maanden: 1 }],
    };
    for (const explain of [false, true]) {
      const r = edited.evaluate(input, { explain }).value!;
      expect(r.waarderingen[0]!.bedrag).toBe('2000.00');
      expect(r.routes[0]!.label).toBe(nasty);
      expect(r.meldingen[0]!.tekst).toBe(`${breakouts.join(' ')} ${nasty}`);
    }
  });

  test('IR that reads a field named after a prototype member is refused before any code is generated', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const scope of ['contract', 'activity'] as const) {
        const ir = JSON.parse(JSON.stringify(plan.ir)) as { valuations: { kind: string; expr: unknown }[] };
        ir.valuations.find((v) => v.kind === 'plaatsing')!.expr = { k: 'field', scope, name };
        const checked = validateIr(ir);
        expect(checked.value, `${scope}.${name}`).toBeUndefined();
        expect(Plan.fromIr(ir).value).toBeUndefined();
      }
    }
  });

  test('sroi eval on the hostile ruleset prints the same result and runs nothing', async () => {
    const rulesetFile = join(dir, 'kwaad.sroi');
    const contractFile = join(dir, 'kwaad.json');
    writeFileSync(rulesetFile, hostileRuleset());
    writeFileSync(contractFile, JSON.stringify(contract));
    let out = '';
    const code = await main(['eval', '--json', rulesetFile, contractFile], {
      out: (t) => (out += t),
      err: () => {},
    });
    expect(code).toBe(0);
    const printed = JSON.parse(out) as EvaluationResult;
    expect(printed.overige).toEqual(JSON.parse('{"__proto__": "13501.00", "prototype": "13502.00"}'));
    expect(printed.meldingen.map((m) => m.tekst)[0]).toBe(`${breakouts.join(' ')} constructor`);
  });
});

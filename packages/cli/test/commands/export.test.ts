import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, miniContract, rijnmond, rijnmondContract, scratch, sroi } from '../support/run.js';

const tmp = scratch('export');
afterAll(tmp.remove);

interface JsonSchema {
  $schema: string;
  $id: string;
  type: string;
  required: string[];
  additionalProperties: boolean;
  properties: Record<
    string,
    { type?: string; enum?: string[]; items?: { oneOf: { properties: { soort: { const: string } } }[] } }
  >;
}

describe('sroi export', () => {
  test('--schema prints a JSON Schema of the contract whose properties include activiteiten', async () => {
    const { code, out, err } = await sroi('export', '--schema');
    expect([code, err]).toEqual([0, '']);
    const schema = JSON.parse(out) as JsonSchema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://sroi.dev/schema/contract-v1.json');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['opdrachtsoort', 'waarde', 'gunningsdatum', 'activiteiten']);
    expect(schema.properties['activiteiten']!.type).toBe('array');
    expect(schema.properties['activiteiten']!.items!.oneOf.map((o) => o.properties.soort.const)).toEqual([
      'plaatsing',
      'leerling',
      'arbeidsontwikkeling',
      'scholing',
      'inkoop',
      'maatschappelijk',
      'investering',
      'maatwerk',
      'overdracht',
    ]);
  });

  test("--schema with a ruleset lists that ruleset's enumeration values", async () => {
    const schema = JSON.parse((await sroi('export', '--schema', mini)).out) as JsonSchema;
    expect(schema.properties['opdrachtsoort']!.enum).toEqual(['diensten', 'werken', 'leveringen']);
  });

  test('--schema describes the fields in Dutch by default and in English with --lang en, the rest the same', async () => {
    const described = async (...args: string[]) => {
      const schema = JSON.parse((await sroi('export', ...args)).out) as JsonSchema & {
        description: string;
        properties: Record<string, { description?: string }>;
      };
      return {
        schema,
        waarde: schema.properties['waarde']!.description,
        plaatsingFte: (
          schema.properties['activiteiten']!.items!.oneOf[0]!.properties as Record<
            string,
            { description?: string }
          >
        )['fte']!.description,
      };
    };
    const nl = await described('--schema');
    expect([nl.waarde, nl.plaatsingFte]).toEqual([
      'Contractwaarde exclusief btw',
      'Omvang; 1 fte is 36 uur per week',
    ]);
    expect(await described('--schema', '--lang', 'nl')).toEqual(nl);
    const en = await described('--schema', 'contract', mini, '--lang', 'en');
    expect([en.waarde, en.plaatsingFte]).toEqual([
      'Contract value excluding VAT',
      'Size; 1 fte is 36 hours a week',
    ]);
    expect(en.schema.description).toBe('Contract with social return activities (docs/contract-format.md)');
    expect(en.schema.properties['opdrachtsoort']!.enum).toEqual(['diensten', 'werken', 'leveringen']);
    expect(en.schema.required).toEqual(nl.schema.required);
    const result = async (lang: string) =>
      (
        JSON.parse((await sroi('export', '--schema', 'result', '--lang', lang)).out) as {
          description: string;
        }
      ).description;
    expect(await result('nl')).toBe('Resultaat van een doorgerekend contract (contract-format.md)');
    expect(await result('en')).toBe('Result of an evaluated contract (contract-format.md)');
  });

  test('--ir-schema prints the JSON Schema of the IR', async () => {
    const { code, out } = await sroi('export', '--ir-schema');
    expect(code).toBe(0);
    const schema = JSON.parse(out) as { $id: string; title: string };
    expect([schema.$id, schema.title]).toEqual(['https://sroi.dev/schema/ir-v2.json', 'sroi IR v2']);
  });

  test('--schema contract|result|ir names the schema; --schema ir is --ir-schema, --schema contract is --schema', async () => {
    const ids = async (...args: string[]) =>
      (JSON.parse((await sroi('export', ...args)).out) as JsonSchema).$id;
    expect(await ids('--schema', 'result')).toBe('https://sroi.dev/schema/result-v1.json');
    expect(await ids('--schema', 'ir')).toBe('https://sroi.dev/schema/ir-v2.json');
    expect(await sroi('export', '--schema', 'ir')).toEqual(await sroi('export', '--ir-schema'));
    expect(await sroi('export', '--schema', 'contract')).toEqual(await sroi('export', '--schema'));
    expect(await sroi('export', '--schema', 'contract', mini)).toEqual(
      await sroi('export', '--schema', mini),
    );
    expect(await sroi('export', '--schema', 'result', mini)).toEqual({
      code: 2,
      out: '',
      err: 'sroi: export --schema result: geen regeling nodig (alleen bij --schema contract)\n',
    });
  });

  test('exactly one of --schema, --ir-schema and --ir is required', async () => {
    const usage = {
      code: 2,
      out: '',
      err: 'sroi: export: kies --schema [contract|result|ir] [REGELING], --ir-schema, --ir REGELING of --to json-rules-engine REGELING\n',
    };
    expect(await sroi('export')).toEqual(usage);
    expect(await sroi('export', '--schema', '--ir', mini)).toEqual(usage);
    expect(await sroi('export', '--ir')).toEqual({
      code: 2,
      out: '',
      err: 'sroi: export --ir: geef een regeling\n',
    });
  });

  test('--ir of a ruleset with errors exits 1', async () => {
    const broken = tmp.write('kapot.sroi', 'regeling "x"\n');
    const { code, out } = await sroi('export', '--ir', broken);
    expect([code, out]).toEqual([1, '']);
  });

  test('the IR exported with --ir evaluates a contract exactly as the source does', async () => {
    const exported = await sroi('export', '--ir', mini);
    expect(exported.code).toBe(0);
    const ir = tmp.write('mini.ir.json', exported.out);
    const fromIr = await sroi('eval', '--json', ir, miniContract);
    const fromSource = await sroi('eval', '--json', mini, miniContract);
    expect(fromIr.code).toBe(0);
    expect(fromIr).toEqual(fromSource);
  });

  test('the IR of the Rijnmond ruleset evaluates the sample contract as the source does', async () => {
    const ir = tmp.write('rijnmond.ir.json', (await sroi('export', '--ir', rijnmond)).out);
    const fromIr = await sroi('eval', '--json', '--no-explain', ir, rijnmondContract);
    expect(fromIr.code).toBe(0);
    expect(fromIr).toEqual(await sroi('eval', '--json', '--no-explain', rijnmond, rijnmondContract));
  });

  test('--to json-rules-engine writes rules json-rules-engine accepts and the model of formulas', async () => {
    const { code, out, err } = await sroi('export', '--to', 'json-rules-engine', rijnmond);
    expect([code, err]).toEqual([0, '']);
    const doc = JSON.parse(out) as {
      format: string;
      regeling: string;
      rules: { name: string }[];
      model: object;
    };
    expect([doc.format, doc.regeling]).toEqual([
      'sroi-json-rules-engine/1',
      'Social Return Rijnmond 2023-2027',
    ]);
    expect(doc.rules.length).toBeGreaterThan(10);
    expect(Object.keys(doc.model)).toEqual([
      'referenceDate',
      'periods',
      'parameters',
      'tables',
      'definitions',
      'valuations',
      'routes',
      'outcomes',
    ]);
    expect(await sroi('export', '--to', 'drools', rijnmond)).toEqual({
      code: 2,
      out: '',
      err: "sroi: export --to: alleen json-rules-engine, niet 'drools'\n",
    });
  });

  test('-o writes the IR to a file, byte for byte what stdout gets, and prints nothing', async () => {
    const target = join(tmp.dir, 'mini.o.ir.json');
    expect(await sroi('export', '--ir', mini, '-o', target)).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(target, 'utf8')).toBe((await sroi('export', '--ir', mini)).out);
  });

  test('-o into a folder that does not exist is output not written (exit 3), not a crash', async () => {
    const target = join(tmp.dir, 'geen-map', 'x.json');
    expect(await sroi('export', '--ir', mini, '--output', target)).toEqual({
      code: 3,
      out: '',
      err: `sroi: export: kan ${target} niet schrijven: de map bestaat niet (ENOENT)\n`,
    });
  });

  test('an IR file that is not valid is refused with exit 2', async () => {
    const ir = tmp.write('oud.ir.json', JSON.stringify({ irVersion: 0 }));
    expect(await sroi('eval', '--format', 'gnu', ir, miniContract)).toEqual({
      code: 2,
      out: '',
      err: `${ir}:1:2: error SR6002: irVersion: IR-versie 0 wordt niet ondersteund (deze evaluator: 2) (Exporteer de regeling opnieuw met sroi export --ir.)\n`,
    });
  });
});

import { describe, expect, test } from 'vitest';
import { Plan } from '@sroi/evaluator';
import { compileSource } from '@sroi/compiler';
import { readFileSync } from 'node:fs';
import { evaluateLines } from '../../src/commands/batch-lines.js';
import { rijnmond, rijnmondContract } from '../support/run.js';

const plan = Plan.fromIr(compileSource(rijnmond, readFileSync(rijnmond, 'utf8')).ir).value!;
const contract = readFileSync(rijnmondContract, 'utf8').replace(/\s*\n\s*/g, ' ');
const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trimEnd().split('\n');

describe('evaluateLines', () => {
  test('writes one UTF-8 result line per contract line and skips blank lines', () => {
    const out = evaluateLines(plan, `${contract}\n\n${contract}\r\n`, 1, 'nl');
    expect(out.failed).toBe(0);
    expect(lines(out.bytes)).toEqual([
      JSON.stringify(plan.evaluate(JSON.parse(contract)).value),
      JSON.stringify(plan.evaluate(JSON.parse(contract)).value),
    ]);
  });

  test('reports a fault of sroi itself on its own line (SR5023), without what it wrote before failing, and goes on with the next', () => {
    const broken = Object.create(plan) as Plan;
    let calls = 0;
    broken.writeJson = (json, out, options) => {
      if (++calls > 1) return plan.writeJson(json, out, options);
      out.text('{"regeling":"half');
      throw new TypeError('kapot van binnen');
    };
    const out = evaluateLines(broken, `${contract}\n${contract}\n`, 7, 'en');
    expect(out.failed).toBe(1);
    const [first, second] = lines(out.bytes);
    expect(JSON.parse(first!)).toEqual({
      regel: 7,
      fouten: [{ code: 'SR5023', melding: 'Internal error on this contract: kapot van binnen' }],
    });
    expect(JSON.parse(second!)).toEqual(plan.evaluate(JSON.parse(contract)).value);
  });
});

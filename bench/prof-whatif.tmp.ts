import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSource } from '@sroi/compiler';
import { evaluateBatch, mergeTotals, emptyTotals, scenarioFromAssignments, WhatIfEngine } from '@sroi/analysis';
import { ContractGenerator } from './contracts.js';
import { root } from './spawn.js';
const path = join(root, 'rulesets', 'rijnmond-2023-2027.sroi');
const ir = compileSource(path, readFileSync(path, 'utf8')).ir!;
const scenarios = [
  ['jaarwaarde_plaatsing[participatiewet]=42000'],
  ['sr_percentage=6%', 'boetepercentage=50%'],
  ['uurtarief_maatschappelijk=120', 'inkoop_percentage=35%', 'jaarwaarde_plaatsing[ww]=16000'],
];
const attribution = process.argv.includes('--attr');
const engine = new WhatIfEngine({ base: [{ label: 'r', ir }], baseName: 'R', attribution,
  scenarios: scenarios.map((s, i) => scenarioFromAssignments(`S${i}`, [ir], s).value!) });
const contracts = JSON.parse(JSON.stringify(new ContractGenerator(2027).contracts(50_000)));
evaluateBatch(engine, contracts.slice(0, 500));
const t = process.hrtime.bigint();
const totals = emptyTotals(3, [0, 0, 0]);
for (let i = 0; i < contracts.length; i += 500) mergeTotals(totals, evaluateBatch(engine, contracts.slice(i, i + 500)).totals);
console.log('engine', Number(process.hrtime.bigint() - t) / 1e9, 's for', contracts.length);

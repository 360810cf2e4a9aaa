import { readFileSync, writeFileSync } from 'node:fs';
import { compileSource } from '@sroi/compiler';
import { Codegen } from '../packages/evaluator/src/compiled/codegen.js';
const f = process.argv[2] ?? 'rulesets/rijnmond-2023-2027.sroi';
const ir = compileSource(f, readFileSync(f, 'utf8')).ir!;
writeFileSync('/tmp/gen.js', new Codegen(ir).generate().source);

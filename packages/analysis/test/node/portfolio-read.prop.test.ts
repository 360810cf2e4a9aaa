// JSON Lines in chunks of whole lines (what runWhatIf sends to its workers): every line arrives
// exactly once at the row readJsonLines gives it, whatever the chunk size and line ends (a run on
// chunks against one line by line: test/whatif.prop.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { jsonLinesChunks, readJsonLines } from '../../src/node/portfolio-read.js';

const dir = mkdtempSync(join(tmpdir(), 'sroi-jsonl-'));
const line = fc.oneof(
  fc.constant(''),
  fc.constant('{"id":"a"}'),
  fc.string({ maxLength: 30 }).map((s) => JSON.stringify({ id: s })),
  fc.constant('niet json'),
);
const end = fc.constantFrom('\n', '\r\n', '\r');

test.prop([fc.array(fc.tuple(line, end), { maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 64 })], {
  numRuns: 60,
})('chunks of lines give every line once, at the row readJsonLines gives it', async (lines, last, size) => {
  const file = join(dir, 'p.jsonl');
  const text = lines.map(([l, e], i) => (i === lines.length - 1 && !last ? l : l + e)).join('');
  writeFileSync(file, '\uFEFF' + text);
  const expected: [number, unknown][] = [];
  for await (const item of readJsonLines(file))
    expected.push(
      'problem' in item ? [Number(item.problem.args['row']), 'problem'] : [item.where.row, item.contract],
    );
  const got: [number, unknown][] = [];
  for await (const chunk of jsonLinesChunks(file, size)) {
    const parts = new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk.bytes).split(/\r\n|\n|\r/);
    parts.forEach((p, i) => {
      const row = chunk.firstRow + i;
      const l = row === 1 ? p.replace(/^\uFEFF/, '') : p;
      if (l.trim() === '') return;
      try {
        got.push([row, JSON.parse(l)]);
      } catch {
        got.push([row, 'problem']);
      }
    });
  }
  expect(got).toEqual(expected);
});

import { describe, expect, test } from 'vitest';
import { joinSpans, SourceFile } from '../src/span.js';

describe('SourceFile', () => {
  const source = new SourceFile('f.sroi', 'ab\ncd\r\nef\rg');

  test('positions are 1-based lines and columns after \\n, \\r\\n and \\r', () => {
    expect([0, 2, 3, 5, 7, 10].map((o) => source.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  test('a text with only \\n line breaks (the fast path) has the same lines as a loop over every character', () => {
    const text = 'ab\ncd\n\nef\n';
    const lines = new SourceFile('n.sroi', text);
    expect(lines.lineCount).toBe(5);
    const offsets = Array.from({ length: text.length + 1 }, (_, o) => o);
    expect(offsets.map((o) => lines.position(o))).toEqual(
      offsets.map((o) => {
        const before = text.slice(0, o).split('\n');
        return { line: before.length, column: before.at(-1)!.length + 1 };
      }),
    );
  });

  test('offsets outside the text are clamped to it', () => {
    expect(source.position(-5)).toEqual({ line: 1, column: 1 });
    expect(source.position(1000)).toEqual({ line: 4, column: 2 });
  });

  test('lineText returns a line without its line break, and nothing past the end', () => {
    expect([1, 2, 3, 4, 5, 0].map((l) => source.lineText(l))).toEqual(['ab', 'cd', 'ef', 'g', '', '']);
    expect(source.lineCount).toBe(4);
  });

  test('an empty file has one empty line', () => {
    const empty = new SourceFile('e', '');
    expect([empty.lineCount, empty.lineText(1), empty.position(0)]).toEqual([1, '', { line: 1, column: 1 }]);
  });

  test('a text ending in a line break has an empty last line', () => {
    expect(new SourceFile('e', 'a\n').lineCount).toBe(2);
  });

  test('span names the file', () => {
    expect(source.span(2, 4)).toEqual({ file: 'f.sroi', start: 2, end: 4 });
  });
});

test('joinSpans covers both spans', () => {
  expect(joinSpans({ file: 'f', start: 5, end: 8 }, { file: 'f', start: 2, end: 6 })).toEqual({
    file: 'f',
    start: 2,
    end: 8,
  });
});

// A keystroke sends the worker only its change: the engine applies an edit's changes to its text
// as Monaco made them, and refuses (so the page sends the whole text) what does not fit.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/worker/engine.js';

const path = 'regeling.sroi';
const start = 'regeling "Proef"\n# tarief € 40.000\n';

function opened(text = start): Engine {
  const engine = new Engine();
  engine.open(path, text, { [path]: text });
  return engine;
}

const textOf = (engine: Engine) => {
  engine.refresh();
  return engine.compiled!.sources.get(path)!.text;
};

describe('Engine.change', () => {
  it('applies an insertion and a deletion as offsets into the text before each edit', () => {
    const engine = opened();
    const at = start.indexOf('40.000');
    expect(engine.change([{ start: at, end: at, text: '1' }], start.length + 1)).toBe(true);
    expect(textOf(engine)).toBe(start.replace('40.000', '140.000'));
    expect(engine.change([{ start: at, end: at + 1, text: '' }], start.length)).toBe(true);
    expect(textOf(engine)).toBe(start);
  });

  it('applies the changes of one edit (several cursors) in either order, all relative to the text before it', () => {
    const a = start.indexOf('Proef');
    const b = start.indexOf('tarief');
    const changes = [
      { start: b, end: b + 'tarief'.length, text: 'prijs' },
      { start: a, end: a + 'Proef'.length, text: 'Test' },
    ];
    const expected = start.replace('Proef', 'Test').replace('tarief', 'prijs');
    for (const order of [changes, [...changes].reverse()]) {
      const engine = opened();
      expect(engine.change(order, expected.length)).toBe(true);
      expect(textOf(engine)).toBe(expected);
    }
  });

  it('refuses, and keeps its text, when the changes do not give a text of the length the editor has', () => {
    const engine = opened();
    expect(engine.change([{ start: 0, end: 0, text: 'x' }], start.length + 2)).toBe(false);
    expect(textOf(engine)).toBe(start);
  });

  it('refuses changes outside the text or overlapping each other', () => {
    const engine = opened();
    const n = start.length;
    expect(engine.change([{ start: n + 1, end: n + 1, text: 'x' }], n + 1)).toBe(false);
    expect(engine.change([{ start: 3, end: 2, text: '' }], n + 1)).toBe(false);
    expect(
      engine.change(
        [
          { start: 0, end: 5, text: '' },
          { start: 3, end: 8, text: '' },
        ],
        n - 10,
      ),
    ).toBe(false);
    expect(textOf(engine)).toBe(start);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { mini, rijnmond, scratch, sroi } from '../support/run.js';

const tmp = scratch('fmt');
afterAll(tmp.remove);

const canonical = readFileSync(mini, 'utf8');
/** The mini ruleset with its layout disturbed but its meaning and comments intact. */
const messy = canonical
  .replace('parameter sr_percentage: percentage = 5%', 'parameter   sr_percentage :percentage=5%')
  .replace('route werken "Werken": plaatsing, leerling', 'route werken "Werken" :plaatsing,leerling');

describe('sroi fmt', () => {
  test('--check accepts the canonically formatted Rijnmond ruleset', async () => {
    expect(await sroi('fmt', '--check', rijnmond)).toEqual({ code: 0, out: '', err: '' });
  });

  test('--check accepts a formatted file silently', async () => {
    expect(await sroi('fmt', '--check', mini)).toEqual({ code: 0, out: '', err: '' });
  });

  test('--check names a file that is not formatted, leaves it alone and exits 1', async () => {
    const file = tmp.write('check.sroi', messy);
    expect(await sroi('fmt', '--check', file)).toEqual({
      code: 1,
      out: `${file}: niet geformatteerd\n`,
      err: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(messy);
  });

  test('without --check it rewrites the file into the canonical layout, comments kept', async () => {
    const file = tmp.write('write.sroi', messy);
    expect(await sroi('fmt', file)).toEqual({ code: 0, out: `${file}: geformatteerd\n`, err: '' });
    expect(readFileSync(file, 'utf8')).toBe(canonical);
  });

  test('formatting twice changes nothing the second time', async () => {
    const file = tmp.write('twice.sroi', messy);
    await sroi('fmt', file);
    expect(await sroi('fmt', file)).toEqual({ code: 0, out: '', err: '' });
  });

  test('a file with a syntax error is not formatted and exits 1', async () => {
    const text = 'regeling "x"\nparameter a bedrag = € 5\n';
    const file = tmp.write('syntax.sroi', text);
    const { code, out, err } = await sroi('fmt', '--format', 'gnu', file);
    expect([code, out]).toEqual([1, '']);
    expect(err).toBe(`${file}:2:13: error SR1002: Onverwacht 'bedrag'; verwacht: ':' (in een parameter)\n`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

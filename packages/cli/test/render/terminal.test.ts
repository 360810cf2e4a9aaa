import { readFileSync } from 'node:fs';
import { escapeControlCharacters } from '@sroi/core';
import { afterAll, describe, expect, test } from 'vitest';
import { rijnmond, rijnmondContract, scratch, sroi } from '../support/run.js';

const tmp = scratch('terminal');
afterAll(tmp.remove);

/** A contract whose id tries to forge a result line and hide the rest (ESC[8m), and an unknown key that forges a gnu line. */
function forged(): string {
  const contract = JSON.parse(readFileSync(rijnmondContract, 'utf8')) as Record<string, unknown>;
  contract['id'] = 'X\r\nBoete                 € 0,00\x1b[8m\u202e';
  return tmp.write('forged.json', JSON.stringify(contract));
}

describe('human-readable output on a terminal', () => {
  test('a contract id with CR, LF, escape sequences and a bidi override stays on its one line, escaped', async () => {
    const { code, out } = await sroi('eval', '--kort', rijnmond, forged());
    expect(code).toBe(0);
    const head = out.split('\n')[0]!;
    expect(head).toContain('contract X\\r\\nBoete                 € 0,00\\x1b[8m\\u202e');
    // Only line breaks remain of the control characters: none from the contract.
    expect(out.replace(/\n/g, '')).toBe(escapeControlCharacters(out.replace(/\n/g, '')));
  });

  test('JSON output keeps the contract text exactly', async () => {
    const { out } = await sroi('eval', '--json', rijnmond, forged());
    expect((JSON.parse(out) as { contract: string }).contract).toBe(
      'X\r\nBoete                 € 0,00\x1b[8m\u202e',
    );
  });

  test('an unknown key with a newline cannot forge a second gnu line', async () => {
    const path = tmp.write('key.json', '{"id":"a","x\\ny.sroi:1:1: error SR0000: vals\\u001b[2J":1}');
    const { code, err } = await sroi('eval', '--format', 'gnu', rijnmond, path);
    expect(code).toBe(2);
    const lines = err.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^\S+:\d+:\d+: (error|warning) SR\d{4}: /);
    expect(err).toContain('x\\ny.sroi:1:1: error SR0000: vals\\x1b[2J');
    expect(err).not.toContain('\x1b');
  });

  test('a file name with control characters is escaped in a usage error', async () => {
    const { code, err } = await sroi('eval', rijnmond, 'nergens\n\x1b[31m.json');
    expect(code).toBe(2);
    expect(err).toBe('sroi: nergens\\n\\x1b[31m.json: bestand bestaat niet\n');
  });
});

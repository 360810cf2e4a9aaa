import { describe, expect, it } from 'vitest';
import { compressText, decodeText, decompressText, encodeText, readLink, writeLink } from '../src/link.js';

describe('deep links and share links', () => {
  it('encodes a contract as base64url that Node decodes the same way (the documented format)', () => {
    const json = JSON.stringify({ omschrijving: 'Schoonmaak — €, ë, 🙂', waarde: '1.00' });
    const encoded = encodeText(json);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, 'base64url').toString('utf8')).toBe(json);
    expect(decodeText(Buffer.from(json).toString('base64url'))).toBe(json);
    expect(decodeText('%%%')).toBeUndefined();
  });

  it('round-trips an edited ruleset through deflate-raw and the hash', async () => {
    const text = 'regeling "X"\n'.repeat(200);
    const edits = await compressText(text);
    expect(edits.length).toBeLessThan(text.length / 4);
    const hash = writeLink({ ruleset: 'rijnmond-2023-2027', contract: encodeText('{}'), edits });
    const back = readLink(hash);
    expect(back.ruleset).toBe('rijnmond-2023-2027');
    expect(await decompressText(back.edits!)).toBe(text);
    expect(await decompressText('AAAA')).toBeUndefined();
  });
});

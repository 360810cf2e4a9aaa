import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { firstInvalidUtf8 } from '../src/utf8.js';

describe('firstInvalidUtf8', () => {
  test.prop([fc.string({ unit: 'binary' })])('valid UTF-8 (any string encoded) has no invalid byte', (s) => {
    expect(firstInvalidUtf8(new TextEncoder().encode(s))).toBe(-1);
  });

  test.prop([fc.uint8Array({ maxLength: 12 })])(
    'agrees with a fatal TextDecoder on whether bytes are UTF-8',
    (bytes) => {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        valid = false;
      }
      const at = firstInvalidUtf8(bytes);
      expect(at === -1).toBe(valid);
      // Everything before the reported byte is valid UTF-8.
      if (at >= 0) expect(firstInvalidUtf8(bytes.subarray(0, at))).toBe(-1);
    },
  );
});

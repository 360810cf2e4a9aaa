// UTF-8 validity at the byte level: where the first byte that is not UTF-8 is, so a diagnostic
// points there and not at a legitimate U+FFFD written earlier in the text.

/** The offset of the first byte that does not belong to valid UTF-8, or -1 when all is valid. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let i = from;
  while (i < to) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= to) return i; // cut off by the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** The UTF-16 offset in the decoded text of byte offset `at` (the bytes before it are valid). */
export const textOffset = (bytes: Uint8Array, from: number, at: number): number =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(from, at)).length;

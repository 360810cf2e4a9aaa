// Character classes for hand-written scanners that stand in for regular expressions on hot paths
// (each is property-tested against the expression it replaces).

/** Whether a UTF-16 code unit is white space for `\s` and `String.prototype.trim`. */
export function isWhiteSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether a UTF-16 code unit is a C1 control (U+0080–U+009F): terminals may act on them (CSI is U+009B). */
export function isC1Control(c: number): boolean {
  return c >= 0x80 && c <= 0x9f;
}

/**
 * Whether a UTF-16 code unit reorders text when shown: the bidi embeddings, overrides and isolates
 * (the "Trojan Source" characters) and the invisible direction marks.
 */
export function isBidiControl(c: number): boolean {
  return (
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c
  );
}

/** Whether a code unit must not reach a terminal raw: C0 (and DEL), C1, bidi controls, line separators. */
function needsEscape(c: number): boolean {
  return c < 0x20 || c === 0x7f || isC1Control(c) || isBidiControl(c) || c === 0x2028 || c === 0x2029;
}

const shortEscapes: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r' };

/**
 * Text made safe to print on a terminal: every control character becomes visible (`\n`, `\x1b`,
 * `\u202e`), so text from a contract or a file name can neither forge lines nor hide or reorder
 * what follows it. Characters in `keep` (e.g. "\n" for a whole report) pass unchanged.
 */
export function escapeControlCharacters(text: string, keep = ''): string {
  let out: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!needsEscape(c) || (keep.length > 0 && keep.includes(text[i]!))) continue;
    out = (out ?? '') + text.slice(from, i);
    out +=
      shortEscapes[c] ??
      (c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`);
    from = i + 1;
  }
  return out === undefined ? text : out + text.slice(from);
}

// Finding a quotation in a document's text: both are brought to one comparable form first, and a
// quotation that is not there gets the closest passage of the document (for "bedoelde je: ...").
//
// What does not count when comparing, and why:
// - blanks and line breaks, all of them: policy texts come out of PDFs, whose text extraction
//   breaks lines anywhere and also loses or adds spaces ("30%van", "maarook");
// - a hyphen between two letters: a word broken at the end of a line ("uit- stroom") and a
//   compound written with or without its hyphen are the same words;
// - typographic forms: curly quotes and apostrophes are straight ones, dashes are hyphens,
//   ligatures and other compatibility forms (Unicode NFKC) are their plain letters;
// - the case of the quotation's first letter, which a quotation adapts to its sentence.
// Everything else counts: every other letter with its case, digits and punctuation.

/** A text in comparable form, with for every character of it the offset it came from. */
export interface ComparableText {
  readonly text: string;
  /** `origin[i]` is the offset in the original text of character `i` of `text`. */
  readonly origin: Int32Array;
  /** `originEnd[i]` is the offset after the original character that character `i` came from. */
  readonly originEnd: Int32Array;
}

const letter = /\p{L}/u;
const blank = /\s/u;
/** Characters that carry nothing: soft hyphen, zero-width spaces and joiners, byte-order mark. */
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;

/** The plain form of a typographic character, after NFKC. */
function plain(c: string): string {
  switch (c) {
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
    case '`':
    case '\u00b4':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u201f':
    case '\u2033':
    case '\u00ab':
    case '\u00bb':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2212':
      return '-';
    default:
      return c;
  }
}

/** `text` in comparable form (see the top of this module). Offsets are those of `text` as given. */
export function comparable(text: string): ComparableText {
  const out: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const codePoint of text) {
    const at = offset;
    offset += codePoint.length;
    const code = codePoint.charCodeAt(0);
    // Plain ASCII needs no Unicode normalisation (most of a Dutch text, and the quick path).
    if (code < 0x80) {
      if (code > 0x20 && code !== 0x7f) {
        out.push(codePoint === '`' ? "'" : codePoint);
        origin.push(at);
      }
      continue;
    }
    if (blank.test(codePoint) || invisible.test(codePoint)) continue;
    for (const c of codePoint.normalize('NFKC')) {
      const p = plain(c);
      if (blank.test(p)) continue;
      out.push(p);
      origin.push(at);
    }
  }
  const end = (i: number) => origin[i]! + (text.codePointAt(origin[i]!)! > 0xffff ? 2 : 1);
  // Hyphens between letters go in a second pass: the next letter may lie after a line break.
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c === '-' && i > 0 && i + 1 < out.length && letter.test(out[i - 1]!) && letter.test(out[i + 1]!))
      continue;
    chars.push(c);
    from.push(origin[i]!);
    to.push(end(i));
  }
  return { text: chars.join(''), origin: Int32Array.from(from), originEnd: Int32Array.from(to) };
}

/** An omission mark at either end of a quotation ('... boven de 50.000 euro') is not part of it. */
const omission = /^(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*|\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])$/gu;

/**
 * The comparable form of a quotation. A hyphen at either end goes too: a quotation that starts
 * or ends inside a word broken at a line end ("uit-") has lost the letter that made it a break.
 */
export function comparableQuote(quote: string): string {
  return comparable(quote.replace(omission, '')).text.replace(/^-+|-+$/g, '');
}

/** Whether a quotation in comparable form occurs in a document in comparable form. */
export function occursIn(quote: string, document: ComparableText): boolean {
  if (quote.length === 0 || document.text.includes(quote)) return true;
  const first = quote[0]!;
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  return swapped !== first && document.text.includes(swapped + quote.slice(1));
}

/** The passage of a document closest to a quotation: offsets in the original text, and its distance. */
export interface Passage {
  readonly start: number;
  readonly end: number;
  /** Characters inserted or deleted (a replaced one counts twice) between quotation and passage. */
  readonly distance: number;
}

/**
 * The passage of `document` with the fewest edits to `quote` (both in comparable form, compared
 * without case): approximate substring matching by dynamic programming (Sellers), where the
 * passage may start anywhere in the document at no cost. Edits are insertions and deletions; a
 * replaced character counts as both, so that words added to a quotation are left out of the
 * passage instead of being matched against whatever follows it in the document. Time is the product of both lengths
 * (a 40 kB policy text and a quotation of 100 characters: 4 million steps), memory one column.
 * Only quotations that are not found come here.
 */
export function closestPassage(quote: string, document: ComparableText): Passage | undefined {
  const q = quote.toLowerCase();
  const d = document.text.toLowerCase();
  const m = q.length;
  const n = d.length;
  if (m === 0 || n === 0) return undefined;
  const qCodes = Int32Array.from({ length: m }, (_, i) => q.charCodeAt(i));
  // Column j: cost[i] = fewest edits between q[0..i) and some passage ending at d[j];
  // start[i] = where that passage starts.
  let cost = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let start = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  let best = { distance: m, start: 0, end: 0 };
  for (let j = 1; j <= n; j++) {
    const c = d.charCodeAt(j - 1);
    nextCost[0] = 0;
    nextStart[0] = j;
    for (let i = 1; i <= m; i++) {
      let v = qCodes[i - 1] === c ? cost[i - 1]! : cost[i - 1]! + 2;
      let s = start[i - 1]!;
      if (cost[i]! + 1 < v) {
        v = cost[i]! + 1;
        s = start[i]!;
      }
      if (nextCost[i - 1]! + 1 < v) {
        v = nextCost[i - 1]! + 1;
        s = nextStart[i - 1]!;
      }
      nextCost[i] = v;
      nextStart[i] = s;
    }
    if (nextCost[m]! < best.distance) best = { distance: nextCost[m]!, start: nextStart[m]!, end: j };
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
  }
  if (best.end <= best.start) return undefined;
  return {
    start: document.origin[best.start]!,
    end: document.originEnd[best.end - 1]!,
    distance: best.distance,
  };
}

const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * A passage as a reader sees it in the document: widened to whole words, blanks and line
 * breaks collapsed to single spaces.
 */
export function passageText(original: string, passage: Passage): string {
  let { start, end } = passage;
  while (start > 0 && wordCharacter.test(original[start - 1]!) && wordCharacter.test(original[start]!))
    start--;
  while (
    end < original.length &&
    wordCharacter.test(original[end]!) &&
    wordCharacter.test(original[end - 1]!)
  )
    end++;
  return original.slice(start, end).replace(/\s+/gu, ' ').trim();
}

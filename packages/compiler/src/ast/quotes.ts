// Finding the quotations ('...') inside a `bron` or `aanname` text, read while building the AST:
// a quotation is what the author claims the cited document says word for word.

/** Where a quotation lies in the text it was found in: `start` at its opening mark, `end` after its closing one. */
export interface QuoteRange {
  readonly start: number;
  readonly end: number;
}

const OPENING = new Set(["'", '\u2018']);
const CLOSING = new Set(["'", '\u2019']);
const letterOrDigit = /[\p{L}\p{N}]/u;
const space = /\s/u;
/** What may stand right before an opening mark: nothing, a blank, or opening punctuation. */
const beforeOpening = /[\s([{:;,"\u201c\u201e\u2013\u2014-]/u;
/** Dutch elisions that start with an apostrophe: 's middags, 't, 'n, 's-Gravenhage. */
const elision = /^['\u2018\u2019][stn](?![\p{L}\p{N}])/u;

/**
 * The quotations in `text`. An apostrophe inside a word (euro's, thema's) is neither an opening
 * nor a closing mark: an opening mark follows a blank or opening punctuation and precedes a
 * non-blank; a closing mark follows a non-blank and is not followed by a letter or digit.
 * `unclosed` is the offset of an opening mark that has no closing mark.
 */
export function findQuotes(text: string): { quotes: QuoteRange[]; unclosed?: number } {
  const quotes: QuoteRange[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!OPENING.has(c)) continue;
    if (i > 0 && !beforeOpening.test(text[i - 1]!)) continue;
    if (i + 1 >= text.length || space.test(text[i + 1]!) || elision.test(text.slice(i, i + 3))) continue;
    let j = i + 2;
    for (; j < text.length; j++) {
      if (!CLOSING.has(text[j]!) || space.test(text[j - 1]!)) continue;
      if (j + 1 < text.length && letterOrDigit.test(text[j + 1]!)) continue;
      break;
    }
    if (j >= text.length) return { quotes, unclosed: i };
    quotes.push({ start: i, end: j + 1 });
    i = j;
  }
  return { quotes };
}

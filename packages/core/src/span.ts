// Source positions: offsets as Chevrotain and Monaco use them; line and column are
// computed on demand from a SourceFile's line index.

/** A half-open range [start, end) of UTF-16 offsets in one file. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A file's text with a line index, to turn offsets into positions. */
export class SourceFile {
  private readonly lineStarts: number[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only \n line breaks (most files): indexOf finds them much faster than a loop over every
      // character, and an editor makes a SourceFile after each keystroke.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    this.lineStarts = starts;
  }

  /** 1-based line and column of an offset (clamped to the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    return this.text.slice(start, next ?? this.text.length).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  span(start: number, end: number): Span {
    return { file: this.path, start, end };
  }
}

/** The smallest span covering both. */
export const joinSpans = (a: Span, b: Span): Span => ({
  file: a.file,
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
});

// What reaches a terminal: human-readable output passes through here, so control characters from
// a contract, a file name or a ruleset are shown escaped and can neither forge nor hide lines.
import { escapeControlCharacters } from '@sroi/core';
import type { Io } from '../options.js';

/** One line of text for a person: every control character visible, line breaks included. */
export const safeLine = (text: string): string => escapeControlCharacters(text);

/** A report of several lines: control characters visible, its own line breaks and tabs kept. */
export const safeText = (text: string): string => escapeControlCharacters(text, '\n\t');

/**
 * `io` with human-readable streams escaped. Machine output (JSON, HTML, CSV, an IR) passes as is:
 * JSON escapes C0 characters itself, and its strings must keep the contract's exact text.
 */
export function terminalIo(io: Io, human: { readonly out: boolean; readonly err: boolean }): Io {
  return {
    out: human.out ? (t) => io.out(safeText(t)) : (t) => io.out(t),
    err: human.err ? (t) => io.err(safeText(t)) : (t) => io.err(t),
    ...(io.outBytes ? { outBytes: (b: Uint8Array) => io.outBytes!(b) } : {}),
  };
}

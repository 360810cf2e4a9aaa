// Options shared by the commands (kept apart from main.ts so commands never import their caller).
import type { Language } from '@sroi/core';

/** How diagnostics are shown: with the source line and a caret, as JSON, or one gnu line each. */
export type DiagnosticFormat = 'text' | 'json' | 'gnu';

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** UTF-8 bytes for `out`, when the destination takes them as they are (a batch's results). */
  outBytes?(bytes: Uint8Array): void;
}

export interface CommonOptions {
  readonly format: DiagnosticFormat;
  readonly lang: Language;
}

export interface EvalOptions extends CommonOptions {
  readonly json: boolean;
  readonly brief: boolean;
  readonly explain: boolean;
  readonly batch?: string;
  readonly workers?: string;
  readonly maxLineBytes?: string;
}

// Options shared by the commands (kept apart from main.ts so commands never import their caller).
import type { Language } from '@sroi/core';
import { UsageError } from './errors.js';

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

/**
 * A whole number given for `flag` (`--workers 2`), from `min` to `max`, or `fallback` when absent.
 * Decimal digits only (a seed may have a minus sign): `Number()` would take '0x2', '1e1' and ' 2'.
 */
export function wholeNumberOption(
  value: string | undefined,
  flag: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number;
export function wholeNumberOption(
  value: string | undefined,
  flag: string,
  range: { readonly min: number; readonly max: number },
): number | undefined;
export function wholeNumberOption(
  value: string | undefined,
  flag: string,
  range: { readonly min: number; readonly max: number },
  fallback?: number,
): number | undefined {
  if (value === undefined) return fallback;
  const n = /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw new UsageError('wholeNumber', {
      flag,
      min: { nl: range.min.toLocaleString('nl-NL'), en: range.min.toLocaleString('en-GB') },
      max: { nl: range.max.toLocaleString('nl-NL'), en: range.max.toLocaleString('en-GB') },
      value,
    });
  return n;
}

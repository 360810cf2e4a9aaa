// Usage and input problems that end a command with exit code 2: shown as one clear line.
import { diagnostic, type Diagnostic, type Language } from '@sroi/core';
import { renderUsage, type UsageArgs, type UsageMessage, type UsageText } from './usage-messages.js';

/**
 * A usage problem, named by its key in the usage catalogue: `text(lang)` is what the user reads
 * (main chooses the language); `message` is the Dutch text, for logs and `SROI_DEBUG`.
 */
export class UsageError extends Error {
  constructor(
    readonly key: UsageMessage,
    readonly args: UsageArgs = {},
  ) {
    super(renderUsage(key, args, 'nl'));
  }

  text(lang: Language): string {
    return renderUsage(this.key, this.args, lang);
  }

  /** Both texts, to pass on as an argument of another usage message. */
  get texts(): UsageText {
    return { nl: this.text('nl'), en: this.text('en') };
  }
}

/** A file the user named for output could not be written: one line, exit code 3 (EXIT.output). */
export class OutputError extends UsageError {}

/** Why a write failed, in Dutch and English, for the errors a user can do something about. */
export const writeReasons: Readonly<Record<string, UsageText>> = {
  EPIPE: { nl: 'de lezer is gestopt', en: 'the reader stopped' },
  ENOSPC: { nl: 'de schijf is vol', en: 'the disk is full' },
  EDQUOT: { nl: 'het schijfquotum is op', en: 'the disk quota is used up' },
  EIO: { nl: 'invoer-/uitvoerfout', en: 'input/output error' },
  EBADF: { nl: 'de uitvoer is gesloten', en: 'the output is closed' },
  ENOENT: { nl: 'de map bestaat niet', en: 'the folder does not exist' },
  EACCES: { nl: 'geen schrijfrechten', en: 'no permission to write' },
  EISDIR: { nl: 'dit is een map', en: 'this is a folder' },
};

/** Why a file could not be read, in Dutch and English, by error code. */
export const readReasons = {
  ENOENT: { nl: 'bestand bestaat niet', en: 'file does not exist' },
  EACCES: { nl: 'geen leesrechten', en: 'no permission to read' },
  EISDIR: { nl: 'dit is een map, geen bestand', en: 'this is a folder, not a file' },
} as const satisfies Record<string, UsageText>;

/** Exit codes (README): 0 ok, 1 ruleset or example failures, 2 bad input or usage, 3 output not written. */
export const EXIT = { ok: 0, failures: 1, input: 2, output: 3, interrupted: 130, terminated: 143 } as const;

/** What SR1006 says a file holds where its bytes are not UTF-8, in both languages. */
export const malformedUtf8 = {
  what: 'ongeldige UTF-8-reeks',
  'what@en': 'malformed UTF-8 sequence',
} as const;

/** The diagnostic for a file whose bytes are not UTF-8 text. */
export const notText = (path: string, offset: number): Diagnostic =>
  diagnostic(
    'SR1006',
    { ...malformedUtf8, offset },
    { span: { file: path, start: offset, end: offset + 1 } },
  );

/**
 * Evaluation problems that are the ruleset's fault (exit 1): a division by zero, a value or
 * table row missing for a date. Every other problem of an evaluation is the contract's (exit 2).
 */
export const rulesetFaults: ReadonlySet<string> = new Set(['SR5005', 'SR5007', 'SR5008', 'SR5009', 'SR5010']);

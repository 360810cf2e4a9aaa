// One document's latest compilation and what the requests read from it, computed on first use.
import type { CompileResult } from '@sroi/compiler';
import type { Language } from '@sroi/core';
import { collectOccurrences, type Occurrence } from './occurrences.js';

/** A document's compilation, with the names written in it resolved. */
export class DocumentAnalysis {
  private names: Occurrence[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly result: CompileResult,
  ) {}

  /** The document first, then the bases it extends, nearest first. */
  get chain(): string[] {
    return [...this.result.sources.keys()];
  }

  /** Every name written in this document, in text order. */
  get occurrences(): readonly Occurrence[] {
    if (!this.names) {
      const ast = this.result.ast;
      this.names = ast ? collectOccurrences(ast, this.result.model) : [];
    }
    return this.names;
  }
}

/** What cross-document requests (references, rename) need from the service. */
export interface Workspace {
  readonly language: Language;
  analyze(path: string): DocumentAnalysis | undefined;
  documentPaths(): string[];
}

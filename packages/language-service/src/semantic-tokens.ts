// Semantic tokens: what each name in a document refers to, from the occurrence index (so a
// parameter, a table call and an enumeration value are told apart, which the lexer cannot).
import type { Occurrence } from './occurrences.js';
import type { SemanticToken } from './types.js';

const kindOf = (o: Occurrence): SemanticToken['kind'] => {
  const s = o.symbol;
  switch (s.kind) {
    case 'value':
      return s.declared;
    case 'scoped-definition':
      return 'definition';
    case 'contract-field':
    case 'activity-field':
    case 'attribute':
    case 'reference-date':
      return 'field';
    default:
      return s.kind;
  }
};

/** One token per written name, in text order. */
export function semanticTokens(occurrences: readonly Occurrence[]): SemanticToken[] {
  return occurrences.map((o) => ({
    start: o.range.start,
    end: o.range.end,
    kind: kindOf(o),
    declaration: o.declaration,
  }));
}

// The type of a contract or activity field (from @sroi/core's vocabulary) as the language writes
// it, for completion details and hovers alike.
import type { FieldSpec } from '@sroi/core';

const typeWords = {
  money: 'bedrag',
  number: 'getal',
  percentage: 'percentage',
  date: 'datum',
  text: 'tekst',
  boolean: 'janee',
} as const;

/** `bedrag`, `duur in maanden`, `doelgroep` (an enumeration by its name). */
export function fieldTypeWord(spec: FieldSpec): string {
  const t = spec.type;
  if (t.kind === 'enum') return t.enumeration;
  if (t.kind === 'duration') return `duur in ${t.unit}`;
  return typeWords[t.kind];
}

// Which declaration a change belongs to: a table row to its table, a cap to its route, the
// requirements of a valuation to the valuation — the identities a variant's statements have.
import type { DiffChange } from '../../src/index.js';

export function declarationOf(c: DiffChange): string {
  if (c.key.startsWith('kop ')) return 'kop';
  if (c.subject === 'table-row') return `waarde ${c.key.split(' ')[1]}`;
  if (c.subject === 'cap') return `route ${c.name}`;
  if (c.subject === 'requirements') return `waardering ${c.name}`;
  return c.key;
}

/** A change of ruleset A → B seen from B → A. */
export const mirror = (c: DiffChange): DiffChange => {
  const { old, new: nu, addedValues, removedValues, fragments, ...rest } = c;
  return {
    ...rest,
    change: c.change === 'added' ? 'removed' : c.change === 'removed' ? 'added' : 'changed',
    ...(nu ? { old: nu } : {}),
    ...(old ? { new: old } : {}),
    ...(removedValues ? { addedValues: removedValues } : {}),
    ...(addedValues ? { removedValues: addedValues } : {}),
    ...(fragments ? { fragments: fragments.map((f) => ({ old: f.new, new: f.old })) } : {}),
  };
};

export const byKey = (changes: readonly DiffChange[]): DiffChange[] =>
  [...changes].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

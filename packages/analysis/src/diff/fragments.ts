// The differing parts of two formula texts, word by word ("≥ 6 maanden" → "> 12 maanden"), for
// showing a change that the structural comparison found. Only for display: never decides a change.

export interface Fragment {
  readonly old: string;
  readonly new: string;
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** The runs of words that differ, by a longest common subsequence of words. */
function align(a: readonly string[], b: readonly string[]): Fragment[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Fragment[] = [];
  let oldRun: string[] = [];
  let newRun: string[] = [];
  const flush = () => {
    if (oldRun.length || newRun.length) out.push({ old: oldRun.join(' '), new: newRun.join(' ') });
    oldRun = [];
    newRun = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) oldRun.push(a[i++]!);
    else newRun.push(b[j++]!);
  }
  flush();
  return out;
}

/**
 * The fragments that turn `oldText` into `newText`. Computed in one canonical orientation and
 * mirrored when needed, so that the fragments of (B, A) are exactly those of (A, B) reversed.
 */
export function formulaFragments(oldText: string, newText: string): Fragment[] {
  if (oldText === newText) return [];
  const flipped = oldText > newText;
  const [x, y] = flipped ? [newText, oldText] : [oldText, newText];
  const fragments = align(words(x), words(y));
  return flipped ? fragments.map((f) => ({ old: f.new, new: f.old })) : fragments;
}

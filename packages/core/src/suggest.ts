// "Did you mean ...?": the closest names in scope by edit distance.

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** The words of a name in alphabetical order: `percentage_sr` and `sr_percentage` give the same. */
const wordsOf = (name: string): string =>
  name
    .split('_')
    .filter((w) => w !== '')
    .sort()
    .join('_');

/**
 * Up to `max` candidates close enough to `name` to be a plausible typo, closest first.
 * Case differences count as near-misses; a candidate sharing a long prefix also qualifies, and
 * one with the same words in another order (`percentage_sr` for `sr_percentage`) comes first.
 */
export function suggestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const threshold = Math.max(1, Math.floor(name.length / 3));
  const words = lower.includes('_') ? wordsOf(lower) : undefined;
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const lc = c.toLowerCase();
    const prefix = lower.length >= 4 && lc.startsWith(lower);
    // The same words in another order: a name of the same length (checked first: it is cheap).
    const reordered = words !== undefined && lc.length === lower.length && wordsOf(lc) === words;
    // The distance is at least the difference in length: a far longer or shorter text (a
    // megabyte-long enumeration value in a contract) is no typo, and is not aligned at O(n·m).
    if (Math.abs(lower.length - lc.length) > threshold && !prefix) continue;
    const d = reordered ? 0 : editDistance(lower, lc);
    if (d <= threshold || prefix) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}

// Shapley attribution of a change over the parameters that caused it: exact over all 2^k
// subsets, in integers scaled by k!, then distributed to whole cents by largest remainder so the
// parts add up to the total change exactly.

/** Above this many changed parameters exact attribution is refused (2^k plans per contract). */
export const MAX_EXACT_PLAYERS = 10;

const factorials: bigint[] = [1n];
for (let i = 1; i <= MAX_EXACT_PLAYERS + 1; i++) factorials.push(factorials[i - 1]! * BigInt(i));

/** k! as a bigint, for k ≤ MAX_EXACT_PLAYERS + 1. */
export const factorial = (k: number): bigint => factorials[k]!;

const popcount = (m: number): number => {
  let c = 0;
  for (let x = m; x !== 0; x &= x - 1) c++;
  return c;
};

/** |S|!·(k−|S|−1)! for every |S| < k: the weight of a subset in k!·φ. */
const weights = (k: number): bigint[] =>
  Array.from({ length: k }, (_, s) => factorial(s) * factorial(k - s - 1));

/**
 * k!·φ_i for every player i, exact: `value(mask)` is the outcome (whole cents) with the players in
 * `mask` applied, for all 2^k masks. The Shapley value φ_i is this divided by k!; the scaled
 * values are integers and add up to k!·(value(all) − value(none)) (efficiency). Linear in
 * `value`: the values of a portfolio's totals give the sums of its contracts' values.
 */
export function scaledShapley(k: number, value: readonly bigint[]): bigint[] {
  const w = weights(k);
  const out: bigint[] = [];
  for (let i = 0; i < k; i++) {
    const bit = 1 << i;
    let exact = 0n;
    for (let m = 0; m < 1 << k; m++)
      if ((m & bit) === 0) exact += w[popcount(m)]! * (value[m | bit]! - value[m]!);
    out.push(exact);
  }
  return out;
}

/**
 * Whole cents for each player from scaled Shapley values (k!·φ_i) that add up to k!·total:
 * each part rounded down, and the cents left over (fewer than k) given one each to the parts
 * with the largest remainders, ties to the earlier player. The parts add up to `total` exactly,
 * and a player whose value is exactly zero gets zero (its remainder is zero, and fewer cents are
 * left over than there are parts with a positive remainder).
 */
export function distributeCents(scaled: readonly bigint[], scale: bigint, total: bigint): bigint[] {
  const floors = scaled.map((a) => floorDiv(a, scale));
  const remainders = scaled.map((a, i) => a - floors[i]! * scale);
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const order = scaled
    .map((_, i) => i)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (const i of order) {
    if (left <= 0n) break;
    if (remainders[i]! === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new Error(`Shapley parts do not add up: ${left} cents left`);
  return floors;
}

/** ⌊a / b⌋ for b > 0. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

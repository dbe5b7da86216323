/** Sequence matching shared by the alignment of units and of sub-items. */

/**
 * Index pairs [i, j] with a[i] === b[j], increasing in both, as many as possible. The equal
 * prefix is paired directly, since the versions of one document mostly agree, and the dynamic
 * programme runs only on what follows it.
 */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    pairs.push([start, start]);
    start++;
  }
  const rows = a.length - start;
  const columns = b.length - start;
  // lengths[i * (columns + 1) + j]: length of the common subsequence of a[start + i..] and b[start + j..].
  const lengths = new Uint32Array((rows + 1) * (columns + 1));
  const at = (i: number, j: number): number => lengths[i * (columns + 1) + j]!;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * (columns + 1) + j] = a[start + i] === b[start + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  // Walking forwards, a match is taken as early as possible: a repeated number pairs with its
  // first occurrence in the other version still free, i.e. by order of occurrence.
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (a[start + i] === b[start + j]) pairs.push([start + i++, start + j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

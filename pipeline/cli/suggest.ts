/**
 * "Did you mean …?": the known name closest to a mistyped one, for unknown options and commands.
 * Closeness is the edit distance (insertions, deletions, substitutions, and swaps of two adjacent
 * letters, the commonest typing slip), or a known name the typed one begins.
 */

/** Edits allowed per this many letters of the typed name: `--fromat` (1 swap) yes, `--x` nothing. */
const LETTERS_PER_EDIT = 3;

/** Optimal string alignment distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known name `typed` most likely meant, or null when none is close enough to suggest. */
export function closest(typed: string, known: readonly string[]): string | null {
  const prefixed = known.filter((name) => typed.length >= 2 && name.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0]!;
  const limit = Math.max(1, Math.floor(typed.length / LETTERS_PER_EDIT));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

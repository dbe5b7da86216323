/**
 * Stage — repair word splits: removes spaces that pdf.js put inside words ("internationa l",
 * "d igital") where a justified PDF spaces its glyphs widely.
 *
 * Two neighbouring pieces are joined when the joined word is printed whole elsewhere in the
 * document at least twice and one of the pieces is never printed as a word of its own: "into" is
 * never made of "in to", since both are words, but "igital" is no word, so "d igital" is "digital".
 * A space before a joining hyphen goes too (SPACE_BEFORE_HYPHEN).
 */
import type { Line, LinesPage, Reporter } from '../model.js';
import { alternation, CONJUNCTIONS } from '../languages/index.js';
import { removeRanges } from '../text/anchored-text.js';

/** The joined word must be printed whole at least this many times. */
const MIN_WHOLE_OCCURRENCES = 2;
const WORD = /\p{L}+/gu;
/**
 * A space between a word and the hyphen that joins it to the next: Word's text layer prints its
 * non-breaking hyphens so ("Secretary -General", "three -month"), and its hanging hyphens too
 * ("troop - and police-contributing"). A hyphen glued to the next word, or hanging before a
 * conjunction and another compound, is never a dash, which stands between spaces.
 */
const SPACE_BEFORE_HYPHEN = new RegExp(`(?<=\\p{L}) (?=-\\p{L}|- (?:${alternation(CONJUNCTIONS)}) \\p{L}+-)`, 'gu');

export function repairWordSplits(pages: LinesPage[], reporter: Reporter): LinesPage[] {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const line of page.lines)
      for (const word of line.text.toLowerCase().match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let repaired = 0;
  const repairedPages = pages.map((page) => ({
    ...page,
    lines: page.lines.map((line) => {
      const fixed = repairLine(line, counts);
      if (fixed !== line) repaired++;
      return fixed;
    }),
  }));
  if (repaired > 0) reporter.report('spacing/word-split', `Spaces inside words were removed on ${repaired} lines.`);
  return repairedPages;
}

function repairLine(line: Line, counts: Map<string, number>): Line {
  const count = (word: string) => counts.get(word.toLowerCase()) ?? 0;
  // Offsets of the spaces to remove.
  const removed: number[] = [];
  let previous: RegExpExecArray | null = null;
  for (const match of line.text.matchAll(WORD)) {
    const gapIsOneSpace =
      previous !== null && match.index === previous.index + previous[0].length + 1 && line.text[match.index - 1] === ' ';
    if (previous && gapIsOneSpace) {
      const left = previous[0],
        right = match[0];
      // A capital after the space starts a new word ("the UN"), whatever the counts say.
      const startsWord = /^\p{Lu}/u.test(right) && !/^\p{Lu}+$/u.test(left + right);
      if (!startsWord && count(left + right) >= MIN_WHOLE_OCCURRENCES && (count(left) <= 1 || count(right) <= 1)) {
        removed.push(match.index - 1);
      }
    }
    previous = match as RegExpExecArray;
  }
  for (const match of line.text.matchAll(SPACE_BEFORE_HYPHEN)) removed.push(match.index);
  removed.sort((a, b) => a - b);
  if (removed.length === 0) return line;
  return {
    ...line,
    ...removeRanges(
      line,
      removed.map((at) => [at, at + 1] as const),
    ),
  };
}

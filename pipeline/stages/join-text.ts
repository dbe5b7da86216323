/**
 * Joining printed lines into reading text: spaces between lines, line-end hyphenation undone
 * where the document itself shows the word unhyphenated, marker offsets carried along.
 */
import type { AnchoredText, FootnoteDraft, Line } from '../model.js';
import { join, removeRanges } from '../text/anchored-text.js';
import { markersOf } from '../text/line-anchors.js';
import { hyphenatesByDefault } from '../languages/index.js';

const CJK_CHAR = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** A word broken at the line end: letters, then a hyphen. */
const BROKEN_WORD = /(\p{L}+)-$/u;
const NEXT_WORD = /^(\p{Ll}[\p{L}]*)/u;
/** A URL or path broken at the line end continues without a space. */
const URL_TAIL = /(?:https?:\/\/|www\.)\S*[/._\-=?&#]$/;

/** The words a document prints whole (and its hyphenated compounds): evidence for undoing a line-end hyphen. */
export function vocabularyOf(lines: Iterable<Line>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const word of line.text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
      words.add(word);
      if (word.includes('-')) for (const part of word.split('-')) words.add(part);
    }
  }
  return words;
}

/** Lines joined into one text, whose anchors are the lines' footnote markers, each with its line's page. */
export type JoinedText = AnchoredText<FootnoteDraft>;

interface Joint {
  dropHyphen: boolean;
  /** The space before a line-end hyphen goes ("cross -" / "cutting", Word's non-breaking hyphen). */
  dropSpace?: boolean;
  separator: string;
}

/** A compound's first part and its hyphen after a space at the line end: "cross -". */
const SPACED_BROKEN_COMPOUND = /(\p{L}+) -$/u;

/**
 * Joins lines into one text. A line-end hyphen is dropped when the joined word occurs unbroken
 * elsewhere in the document and the hyphenated compound does not; otherwise it is a real hyphen
 * ("multi-stakeholder") and is kept, without a space.
 */
export function joinLines(lines: Line[], vocabulary: Set<string>): JoinedText {
  let joined: JoinedText = { text: '', anchors: [] };
  for (const line of lines) {
    const next: JoinedText = {
      text: line.text,
      anchors: markersOf(line).map((m) => ({ marker: m.marker, page: line.page, offset: m.offset })),
    };
    if (joined.text.length === 0) {
      joined = join([joined, next]);
      continue;
    }
    const joint = jointBetween(joined.text, line.text, vocabulary);
    const end = joined.text.length;
    if (joint.dropHyphen) joined = removeRanges(joined, [[end - 1, end]]);
    if (joint.dropSpace) joined = removeRanges(joined, [[end - 2, end - 1]]);
    joined = join([joined, next], joint.separator);
  }
  return joined;
}

function jointBetween(joined: string, next: string, vocabulary: Set<string>): Joint {
  // Only the last word matters: testing the whole paragraph at every line would be quadratic.
  const text = joined.slice(joined.lastIndexOf(' ') + 1);
  if (text === '-') return spacedHyphenJoint(joined, next, vocabulary);
  if (URL_TAIL.test(text)) return { dropHyphen: false, separator: '' };
  if (CJK_CHAR.test(text.slice(-1)) && CJK_CHAR.test(next.charAt(0))) return { dropHyphen: false, separator: '' };
  const broken = BROKEN_WORD.exec(text);
  const following = NEXT_WORD.exec(next);
  if (broken && following) {
    const joined = (broken[1]! + following[1]!).toLowerCase();
    const compound = `${broken[1]!.toLowerCase()}-${following[1]!.toLowerCase()}`;
    const known = vocabulary.has(joined) || vocabulary.has(compound);
    const dropHyphen = known ? vocabulary.has(joined) && !vocabulary.has(compound) : hyphenatesByDefault(broken[1]!, following[1]!);
    return { dropHyphen, separator: '' };
  }
  if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(next)) return { dropHyphen: false, separator: '' };
  return { dropHyphen: false, separator: ' ' };
}

/**
 * A line ending in a spaced hyphen ("cross -") continues a compound the document prints whole
 * elsewhere ("cross-cutting"): the space goes and the hyphen stays; otherwise it is a dash.
 */
function spacedHyphenJoint(joined: string, next: string, vocabulary: Set<string>): Joint {
  const before = SPACED_BROKEN_COMPOUND.exec(joined.slice(Math.max(0, joined.lastIndexOf(' ', joined.length - 3) + 1)));
  // Either case: "Secretary -" / "General" is the document's "Secretary-General".
  const following = /^(\p{L}+)/u.exec(next);
  const compound = before && following ? `${before[1]!.toLowerCase()}-${following[1]!.toLowerCase()}` : null;
  if (compound !== null && vocabulary.has(compound)) return { dropHyphen: false, dropSpace: true, separator: '' };
  return { dropHyphen: false, separator: ' ' };
}

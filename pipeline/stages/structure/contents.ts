/**
 * The table of contents: its label, then entries with dot leaders and page numbers, kept as one
 * `contents` block (entries of label, title, paragraphs, page) and never taken for headings. Leaders never occur in running text, so entries are
 * recognised even where the label is not.
 */
import { cellsOf } from '../../text/line-anchors.js';
import { ANNEX_LABEL, CONTENTS_COLUMN_WORDS, CONTENTS_LABEL } from '../../languages/index.js';
import type { Line, RawBlock } from '../../model.js';
import { extendProvenance } from '../../provenance.js';
import { ENDS_SENTENCE } from '../group-blocks.js';
import { addEntry, columnHeadings, entryOf, isColumnHeadings, type ContentsRow } from './contents-entries.js';
import { isHeadingLike } from './headings.js';
import type { StructureRule } from './view.js';

/**
 * Dot leaders running to a page number (and a paragraph range): "Introduction . . . . 1-3   4";
 * some documents draw them with ellipses ("Ethics……………5", DP/2025/20).
 */
const DOT_LEADER = /(?:[.…]\s?){4,}\s*[\d\-–\s]*$/;
/** A table-of-contents entry ends with dot leaders and/or a page number. */
const TOC_ENTRY = new RegExp(`(?:[.…]\\s?){3,}\\s*\\d{1,3}$|\\s\\d{1,3}$|^(?:(?:${CONTENTS_COLUMN_WORDS})\\s*)+$`, 'i');
/** An entry title wraps over at most this many lines before the line with its leader. */
const MAX_WRAPPED_ENTRY_LINES = 3;

export const contents: StructureRule<{ title: string | null; rows: ContentsRow[] }> = {
  name: 'contents',
  keeps: ['contents', 'annexTitle'],
  matches({ block, blocks, index, text, first, typography, state }) {
    const lines = block.lines;
    if (first.table) return null;
    const leaderLines = lines.filter((l) => DOT_LEADER.test(l.text)).length;
    const startsContents = CONTENTS_LABEL.test(text) && isHeadingLike(block, typography);
    const open = state.contents !== null;
    const entries = () => lines.filter(isContentsEntry).length;
    // An entry wrapped over two or three lines may be split from its leader line, even over two
    // blocks (E/2018/41-en: "B. Consideration of requests…" / "its specialized agencies…" /
    // "observers in the thirtieth session … 107-108 35"): it belongs to the next entry. A sentence,
    // or a paragraph with a number picture, is no entry title (E/2018/41-ar: "مقدمـة" and
    // paragraph 1 after the contents, whose line "…المؤرخ 31" ends like an entry's page number).
    const wrappedEntry = () => open && !ENDS_SENTENCE.test(text) && first.numberPicture === undefined && wrapsIntoEntry(blocks, index);
    if (!startsContents && leaderLines * 2 < lines.length && !(open && entries() * 2 >= lines.length) && !wrappedEntry()) return null;
    return startsContents ? { title: text, rows: [] } : { title: null, rows: contentsRows(lines) };
  },
  apply({ title, rows }, state, { prov }) {
    const open = state.contents;
    const contents = open ?? {
      type: 'contents',
      id: state.ids.take(`${state.scope.idPrefix}contents`),
      title,
      columns: [],
      entries: [],
      prov: [],
    };
    if (!open) {
      state.contents = contents;
      state.scope.blocks.push(contents);
    } else if (title !== null && contents.title === null && contents.entries.length === 0) contents.title = title;
    // A label again inside the contents ("Contents (continued)" on the next page) is kept as printed, where it stands.
    else if (title !== null) contents.entries.push({ label: null, title, page: null, prov });
    // The first line of the last entry: a wrapped title is indented from it.
    let entryStart = state.contentsLine;
    for (const row of rows) {
      if (contents.entries.length === 0 && isColumnHeadings(row.cells)) {
        contents.columns.push(...columnHeadings(row.cells));
        continue;
      }
      const indented = entryStart !== null && row.line.x > entryStart.x + row.line.size * INDENT_RATIO;
      if (addEntry(contents, entryOf(row), indented) === 'added') entryStart = row.line;
    }
    state.contentsLine = entryStart;
    contents.prov = extendProvenance(contents.prov, prov);
  },
};

/** Numbers only (a paragraph range and a page) after an entry's leader. */
const TRAILING_NUMBERS = /^\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s+\d{1,4}$/;

/** A wrapped entry title starts at least this many font sizes right of its entry's first line. */
const INDENT_RATIO = 0.5;

/** The block, and maybe the next, are the first lines of a contents entry whose leader line follows. */
function wrapsIntoEntry(blocks: readonly RawBlock[], index: number): boolean {
  const following = blocks.slice(index + 1, index + MAX_WRAPPED_ENTRY_LINES).flatMap((b) => b.lines);
  let titleLines = blocks[index]!.lines.length;
  for (const line of following) {
    if (titleLines > MAX_WRAPPED_ENTRY_LINES) return false;
    // Only a leader or table cells prove an entry here: body lines can end in a number too.
    if (DOT_LEADER.test(line.text) || (cellsOf(line)?.length ?? 0) > 1) return true;
    if (isContentsEntry(line) || ENDS_SENTENCE.test(line.text)) return false;
    titleLines++;
  }
  return false;
}

function isContentsEntry(line: Line): boolean {
  return DOT_LEADER.test(line.text) || TOC_ENTRY.test(line.text) || ANNEX_LABEL.test(line.text) || (cellsOf(line)?.length ?? 0) > 1;
}

/** The printed rows: a line's cells, leaders left out; a line drawn in one piece splits where its leader runs to the page. */
function contentsRows(lines: Line[]): ContentsRow[] {
  return lines.map((line) => {
    const cells = (cellsOf(line) ?? line.text.split(/(?:\s?[.…]){3,}\s*/)).map((cell) => cell.replace(/(?:\s?[.…]){3,}\s*/g, ' ').trim());
    // "1-3   4" after a leader: the paragraphs and the page, printed apart.
    const last = cells.at(-1) ?? '';
    const tail = cells.length > 1 && TRAILING_NUMBERS.test(last) ? last.split(/\s+/) : [last];
    return { cells: [...cells.slice(0, -1), ...tail].filter((c) => c !== ''), line };
  });
}

/**
 * The table of contents: its label, then entries with dot leaders and page numbers, kept as one
 * table and never taken for headings. Leaders never occur in running text, so entries are
 * recognised even where the label is not.
 */
import { cellsOf } from '../../text/line-anchors.js';
import { ANNEX_LABEL, CONTENTS_COLUMN_WORDS, CONTENTS_LABEL } from '../../languages/index.js';
import type { Line, RawBlock } from '../../model.js';
import { extendProvenance } from '../../provenance.js';
import { ENDS_SENTENCE } from '../group-blocks.js';
import { isHeadingLike } from './headings.js';
import type { StructureRule } from './view.js';

/** Dot leaders running to a page number (and a paragraph range): "Introduction . . . . 1-3   4". */
const DOT_LEADER = /(?:\.\s?){4,}\s*[\d\-–\s]*$/;
/** A table-of-contents entry ends with dot leaders and/or a page number. */
const TOC_ENTRY = new RegExp(`(?:\\.\\s?){3,}\\s*\\d{1,3}$|\\s\\d{1,3}$|^(?:(?:${CONTENTS_COLUMN_WORDS})\\s*)+$`, 'i');
/** An entry title wraps over at most this many lines before the line with its leader. */
const MAX_WRAPPED_ENTRY_LINES = 3;

export const contents: StructureRule<{ rows: string[][] }> = {
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
    return { rows: startsContents ? [[text]] : contentsRows(lines) };
  },
  apply({ rows }, state, { prov }) {
    if (!state.contents) {
      state.contents = { type: 'table', id: state.ids.take(`${state.scope.idPrefix}contents`), rows: [], prov: [] };
      state.scope.blocks.push(state.contents);
    }
    state.contents.rows.push(...rows.map((row) => row.map((text) => ({ text }))));
    state.contents.prov = extendProvenance(state.contents.prov, prov);
  },
};

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

function contentsRows(lines: Line[]): string[][] {
  return lines.map((line) => {
    const cells = cellsOf(line) ?? [line.text];
    return cells.map((cell) => cell.replace(/(?:\s?\.){3,}\s*/g, ' ').trim()).filter((c) => c !== '');
  });
}

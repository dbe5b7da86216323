/**
 * Stage — link footnotes: the notes areas of all pages → footnotes, and every marker left in the
 * text by the structure stage → a reference to its footnote.
 *
 * A note starts at a line opening with a marker; lines without one continue the note above, and
 * a notes area whose first line has no marker continues the last note of the previous page. A
 * marker resolves to the note with the same marker on its own page, else on the nearest page
 * after it (endnotes), else before it. A raised character that matches no note (a squared unit, an
 * ordinal) goes back into the text where it stood.
 */
import type {
  AnchoredText,
  Block,
  Footnote,
  FootnoteDraft,
  FootnoteRef,
  ItemBlock,
  Line,
  LinkedContent,
  PageLines,
  Provenance,
  Reporter,
  Structure,
  TableBlock,
  TableCell,
} from '../model.js';
import { provenanceOf } from '../provenance.js';
import { anchored, insert, removeRanges, withAnchors } from '../text/anchored-text.js';
import { markersOf } from '../text/line-anchors.js';
import { joinLines, vocabularyOf } from './join-text.js';
import { NOTE_OPENING } from './split-notes.js';
import { GLUED_CELL_MARKER, tableNoteOpening } from './find-tables.js';

const SAFE_MARKER_NAMES: Record<string, string> = {
  '*': 'star',
  '**': 'star2',
  '***': 'star3',
  '†': 'dagger',
  '‡': 'ddagger',
  '§': 'section',
};

interface NoteDraft {
  marker: string;
  page: number;
  lines: Line[];
  /** Characters of the first line that are the marker itself. */
  cut: number;
  /** A note printed under a table, for that table's cells only. */
  table?: true;
}

export function linkFootnotes(pages: PageLines[], structure: Structure, reporter: Reporter): LinkedContent {
  const drafts = mergeByPage(collectTableNotes(pages), collectNotes(pages));
  const vocabulary = vocabularyOf(pages.flatMap((p) => [...p.notes, ...(p.tableNotes ?? [])]));
  const used = new Set<string>();
  const allNotes: Footnote[] = drafts.map((draft) => {
    const base = `fn-${SAFE_MARKER_NAMES[draft.marker] ?? draft.marker.replace(/[^\p{L}\p{N}]/gu, '')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const text = joinLines(draft.lines, vocabulary).text.slice(draft.cut).trim();
    return { id, marker: draft.marker, text, page: draft.page, prov: provenanceOf(draft.lines) };
  });
  // The text's markers resolve to the pages' notes only: a table's notes are for its cells.
  const tableNotes = allNotes.filter((_, index) => drafts[index]!.table);
  const footnotes = allNotes.filter((_, index) => !drafts[index]!.table);
  const byMarker = new Map<string, Footnote[]>();
  for (const note of footnotes) byMarker.set(note.marker, [...(byMarker.get(note.marker) ?? []), note]);
  const tables = [...structure.body, ...structure.annexes.flatMap((annex) => annex.body)].filter((b) => b.type === 'table');
  const notesOfTable = tableNotesByTable(tables, tableNotes);

  // Two resolutions on one page number their notes from 1 each (E/2018/41-fr p.24): the page's
  // markers take its notes with that marker in turn, the last one taking any further call.
  const called = new Set<string>();
  const resolve = (marker: string, page: number): Footnote | undefined => {
    const candidates = byMarker.get(marker) ?? [];
    const onPage = candidates.filter((n) => n.page === page);
    const next = onPage.find((n) => !called.has(n.id)) ?? onPage.at(-1);
    if (next) called.add(next.id);
    return (
      next ??
      candidates.filter((n) => n.page > page).sort((a, b) => a.page - b.page)[0] ??
      candidates.filter((n) => n.page < page).sort((a, b) => b.page - a.page)[0]
    );
  };
  const relink = <T extends { text: string; footnoteRefs: FootnoteDraft[]; prov?: Provenance[] }>(
    node: T,
  ): Omit<T, 'footnoteRefs'> & { footnoteRefs: FootnoteRef[] } => {
    const marked = takePrintedStarCalls(anchored(node.text, node.footnoteRefs), node.prov ?? [], footnotes);
    const notes = marked.anchors.map((draft) => resolve(draft.marker, draft.page));
    const unmatched = notes.flatMap((note, index) => (note ? [] : [index]));
    let content: AnchoredText = marked;
    // Each unmatched marker goes back into the text where it stood, the last first.
    for (const index of [...unmatched].reverse()) content = insert(content, content.anchors[index]!.offset, marked.anchors[index]!.marker);
    // Reported right to left, and markers standing at one place in their printed order.
    const reportOrder = unmatched.sort((a, b) => marked.anchors[b]!.offset - marked.anchors[a]!.offset || a - b);
    for (const { marker, page } of reportOrder.map((index) => marked.anchors[index]!)) {
      reporter.report('footnotes/unmatched-marker', `The raised "${marker}" matches no footnote and was kept in the text.`, page);
    }
    const footnoteRefs = content.anchors.flatMap((anchor, index) => {
      const note = notes[index];
      return note ? [{ id: note.id, offset: anchor.offset }] : [];
    });
    return { ...node, text: content.text, footnoteRefs };
  };
  const relinkItem = ({ items, ...item }: ItemBlock<FootnoteDraft>): ItemBlock => {
    const linked = relink(item);
    return items ? { ...linked, items: items.map(relinkItem) } : linked;
  };
  const relinkBlock = (block: Block<FootnoteDraft>): Block => {
    if (block.type === 'table') return linkTableCells(block, notesOfTable.get(block.id) ?? [], footnotes);
    if (block.type === 'contents') return block;
    if (block.type === 'heading') return relink(block);
    const { items, ...paragraph } = block;
    const linked = relink(paragraph);
    return items ? { ...linked, items: items.map(relinkItem) } : linked;
  };
  return {
    body: structure.body.map(relinkBlock),
    annexes: structure.annexes.map(({ footnoteRefs, ...annex }) => {
      // A marker in the annex title ("Decisions of the third Meeting…¹") links as a heading's does, before the annex's body.
      const title = annex.title !== null ? relink({ text: annex.title, footnoteRefs: footnoteRefs ?? [], prov: annex.prov }) : null;
      const body = annex.body.map(relinkBlock);
      if (title === null) return { ...annex, body };
      return { ...annex, title: title.text, ...(title.footnoteRefs.length > 0 ? { footnoteRefs: title.footnoteRefs } : {}), body };
    }),
    footnotes: allNotes,
  };
}

/**
 * An asterisk printed at the text's size, not raised: "(see annex I). *" (S/2025/153 p.13),
 * "(4–7 February 2025)*" (E/2025/34 (Part I)), after a word, a figure or a closing sign, alone or
 * after one space, and followed by a space, a punctuation mark or the end.
 */
const PRINTED_STAR_CALL = /(?<=[\p{L}\p{N}).,;:”’\]]) ?(\*{1,3})(?=[\s,.;:)]|$)/gu;

/**
 * Printed asterisks that call a note: a block's "*" becomes a marker where a note "*" stands on one
 * of the block's pages (prose has no other use for a lone asterisk after a word); elsewhere it
 * stays text.
 */
function takePrintedStarCalls(
  marked: AnchoredText<FootnoteDraft>,
  prov: readonly Provenance[],
  notes: readonly Footnote[],
): AnchoredText<FootnoteDraft> {
  const pages = new Set(prov.map((p) => p.page));
  const calls = [...marked.text.matchAll(PRINTED_STAR_CALL)].flatMap((call) => {
    const note = notes.find((n) => n.marker === call[1] && pages.has(n.page));
    return note ? [{ call, page: note.page }] : [];
  });
  if (calls.length === 0) return marked;
  const drafts = calls.map(({ call, page }) => ({ marker: call[1]!, page, offset: call.index }));
  return removeRanges(
    withAnchors(marked, drafts),
    calls.map(({ call }) => [call.index, call.index + call[0].length] as const),
  );
}

/** A table's notes stand this close above its bottom edge at most (points), where boxes round. */
const TABLE_BOTTOM_TOLERANCE = 1;

/** Each table note belongs to the table whose bottom edge stands nearest above it on its page. */
function tableNotesByTable(tables: TableBlock<FootnoteDraft>[], notes: Footnote[]): Map<string, Footnote[]> {
  const byTable = new Map<string, Footnote[]>();
  for (const note of notes) {
    const top = note.prov[0]!.bbox[1];
    let owner: { id: string; bottom: number } | null = null;
    for (const table of tables)
      for (const { page, bbox } of table.prov)
        if (page === note.page && bbox[3] <= top + TABLE_BOTTOM_TOLERANCE && (owner === null || bbox[3] > owner.bottom))
          owner = { id: table.id, bottom: bbox[3] };
    if (owner) byTable.set(owner.id, [...(byTable.get(owner.id) ?? []), note]);
  }
  return byTable;
}

/**
 * The table with its notes listed, and each marker glued to the end of a cell's figure
 * ("2024/25a") cut off and linked, where the table has a note with that marker (its own, else a
 * page note on one of its pages): "a" after other text stays text ("Somalia").
 */
function linkTableCells(table: TableBlock<FootnoteDraft>, own: Footnote[], pageNotes: Footnote[]): TableBlock {
  const pages = new Set(table.pages ?? table.prov.map((p) => p.page));
  const noteFor = (marker: string) =>
    own.find((note) => note.marker === marker) ?? pageNotes.find((note) => note.marker === marker && pages.has(note.page));
  const linkCell = ({ footnoteRefs, ...cell }: TableCell<FootnoteDraft>): TableCell => {
    // A raised marker that matches no note is left out, as the grid read it (a squared unit's "2").
    const raised = (footnoteRefs ?? []).flatMap((draft) => noteFor(draft.marker) ?? []);
    const glued = GLUED_CELL_MARKER.exec(cell.text);
    const note = glued ? noteFor(glued[0]) : undefined;
    const text = glued && note ? cell.text.slice(0, glued.index) : cell.text;
    const notes = note ? [note, ...raised] : raised;
    return notes.length === 0 ? cell : { ...cell, text, footnoteRefs: notes.map(({ id }) => ({ id, offset: text.length })) };
  };
  const { repeatedHeaders, ...rest } = table;
  const linked: TableBlock = { ...rest, rows: table.rows.map((row) => row.map(linkCell)) };
  // The headings printed again on a later page call the same notes.
  if (repeatedHeaders) linked.repeatedHeaders = repeatedHeaders.map((r) => ({ ...r, rows: r.rows.map((row) => row.map(linkCell)) }));
  return own.length > 0 ? { ...linked, notes: own.map((note) => note.id) } : linked;
}

/** The notes under the tables of each page, each opening at a line that opens with a marker. */
function collectTableNotes(pages: PageLines[]): NoteDraft[] {
  return pages.flatMap((page) => {
    const notes: NoteDraft[] = [];
    for (const line of page.tableNotes ?? []) {
      const opening = tableNoteOpening(line);
      if (opening) notes.push({ marker: opening.marker, page: page.number, lines: [line], cut: opening.cut, table: true });
      else notes.at(-1)?.lines.push(line);
    }
    return notes;
  });
}

/** Both lists in page order, a page's table notes before its footnotes (they stand above them). */
function mergeByPage(first: NoteDraft[], second: NoteDraft[]): NoteDraft[] {
  const out: NoteDraft[] = [];
  let j = 0;
  for (const draft of second) {
    while (j < first.length && first[j]!.page <= draft.page) out.push(first[j++]!);
    out.push(draft);
  }
  return [...out, ...first.slice(j)];
}

/** Note markers that are symbols, not numbers or letters. */
const SYMBOL_MARKER = /^(?:\*{1,3}|[†‡§])$/;

function collectNotes(pages: PageLines[]): NoteDraft[] {
  const notes: NoteDraft[] = [];
  let lastNumber: number | null = null;
  // Where the notes' markers are raised, a number printed at a line start is text ("14 June 2024").
  const openings = pages.flatMap((page) => page.notes.map(openingMarker)).filter((o) => o !== null);
  const raisedMarkers = openings.length > 0 && openings.filter((o) => o.raised).length * 2 >= openings.length;
  for (const page of pages) {
    for (const [index, line] of page.notes.entries()) {
      const opening = openingMarker(line);
      // A printed number may still open a notes area of its own (the endnotes of A/61/187), and an
      // asterisk or dagger is never the start of running text (E/CN.5/2025/4: "** The present
      // report…" under "* E/CN.5/2025/1.", where the numbered notes are raised).
      const printedAllowed = !raisedMarkers || index === 0 || (opening !== null && SYMBOL_MARKER.test(opening.marker));
      if (opening && (opening.raised || (printedAllowed && continuesNumbering(opening.marker, lastNumber)))) {
        notes.push({ marker: opening.marker, page: page.number, lines: [line], cut: opening.cut });
        if (/^\d+$/.test(opening.marker)) lastNumber = Number(opening.marker);
      } else if (notes.length > 0) notes.at(-1)!.lines.push(line);
    }
  }
  return notes;
}

/**
 * A printed (not raised) number opens a new note only when it is the next note number, or a
 * restart at 1: "14 June 2024 (ILC.112/…)" continuing note 13 is no note 14 of its own.
 */
function continuesNumbering(marker: string, lastNumber: number | null): boolean {
  if (!/^\d+$/.test(marker) || lastNumber === null) return true;
  const number = Number(marker);
  return number === lastNumber + 1 || number === 1;
}

/** The marker a note line opens with, and how many characters of its text it takes. */
function openingMarker(line: Line): { marker: string; cut: number; raised: boolean } | null {
  const raised = markersOf(line).find((m) => m.offset === 0);
  if (raised) return { marker: raised.marker, cut: 0, raised: true };
  const printed = NOTE_OPENING.exec(line.text);
  if (printed) return { marker: printed[0].replace(/[/()]/g, ''), cut: printed[0].length, raised: false };
  return null;
}

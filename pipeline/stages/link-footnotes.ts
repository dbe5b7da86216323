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
  Reporter,
  Structure,
} from '../model.js';
import { provenanceOf } from '../provenance.js';
import { anchored, insert } from '../text/anchored-text.js';
import { markersOf } from '../text/line-anchors.js';
import { joinLines, vocabularyOf } from './join-text.js';
import { NOTE_OPENING } from './split-notes.js';

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
}

export function linkFootnotes(pages: PageLines[], structure: Structure, reporter: Reporter): LinkedContent {
  const drafts = collectNotes(pages);
  const vocabulary = vocabularyOf(pages.flatMap((p) => p.notes));
  const used = new Set<string>();
  const footnotes: Footnote[] = drafts.map((draft) => {
    const base = `fn-${SAFE_MARKER_NAMES[draft.marker] ?? draft.marker.replace(/[^\p{L}\p{N}]/gu, '')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const text = joinLines(draft.lines, vocabulary).text.slice(draft.cut).trim();
    return { id, marker: draft.marker, text, page: draft.page, prov: provenanceOf(draft.lines) };
  });
  const byMarker = new Map<string, Footnote[]>();
  for (const note of footnotes) byMarker.set(note.marker, [...(byMarker.get(note.marker) ?? []), note]);

  const resolve = (marker: string, page: number): Footnote | undefined => {
    const candidates = byMarker.get(marker) ?? [];
    return (
      candidates.find((n) => n.page === page) ??
      candidates.filter((n) => n.page > page).sort((a, b) => a.page - b.page)[0] ??
      candidates.filter((n) => n.page < page).sort((a, b) => b.page - a.page)[0]
    );
  };
  const relink = <T extends { text: string; footnoteRefs: FootnoteDraft[] }>(
    node: T,
  ): Omit<T, 'footnoteRefs'> & { footnoteRefs: FootnoteRef[] } => {
    const marked = anchored(node.text, node.footnoteRefs);
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
    if (block.type === 'table' || block.type === 'contents') return block;
    if (block.type === 'heading') return relink(block);
    const { items, ...paragraph } = block;
    const linked = relink(paragraph);
    return items ? { ...linked, items: items.map(relinkItem) } : linked;
  };
  return {
    body: structure.body.map(relinkBlock),
    annexes: structure.annexes.map((annex) => ({ ...annex, body: annex.body.map(relinkBlock) })),
    footnotes,
  };
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

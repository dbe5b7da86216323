/**
 * The entries of a table of contents from its printed rows: the column headings ("Paragraphs
 * Page"), then for each row its number ("I.", "A.", "Annex II"), title, paragraphs and page, and
 * an entry title wrapped onto the next row ("I. Issues for attention and action by the Economic" /
 * "and Social Council   3   5") joined into one entry.
 */
import { ANNEX_LABEL, CONTENTS_COLUMN_WORDS } from '../../languages/index.js';
import type { ContentsBlock, ContentsEntry, Line } from '../../model.js';
import { extendProvenance, provenanceOf } from '../../provenance.js';
import { joinLines } from '../tables/grid.js';

/** A page as printed at an entry's end: digits or a small Roman numeral (front matter). */
const PAGE = /^(?:\d{1,4}|[ivxlc]{1,6})$/i;
/** A paragraphs column's cell: "12", "1-3", "4–35". */
const PARAGRAPHS = /^\d{1,4}(?:\s*[-–]\s*\d{1,4})?$/;
/** An entry's number where it opens the title: "I.", "A.", "12.", "1.2", "(a)". */
const ENTRY_NUMBER = /^(?:[IVXLC]{1,6}\.|[A-Z]\.|\d{1,3}(?:\.\d{1,2})*\.?|\([a-z\d]{1,4}\))(?=\s)/;
/** An annex label opening the title ("Annex II", "Annexe"), at most this many words. */
const MAX_ANNEX_LABEL_WORDS = 2;
const COLUMN_HEADING = new RegExp(`^(?:${CONTENTS_COLUMN_WORDS})$`, 'i');

/** A printed row of the contents: its cells (leaders left out) and the line it was read from. */
export interface ContentsRow {
  cells: string[];
  line: Line;
}

/** The label that opens an entry's text, and the rest. */
function splitLabel(text: string): { label: string | null; title: string } {
  const number = ENTRY_NUMBER.exec(text);
  if (number) return { label: number[0], title: text.slice(number[0].length).trim() };
  const words = text.split(/\s+/);
  for (let count = Math.min(MAX_ANNEX_LABEL_WORDS, words.length); count >= 1; count--) {
    const label = words.slice(0, count).join(' ');
    if (ANNEX_LABEL.test(label)) return { label, title: words.slice(count).join(' ') };
  }
  return { label: null, title: text };
}

/** The entry a row prints: the last cell a page, the one before it the paragraphs, the rest the numbered title. */
export function entryOf({ cells, line }: ContentsRow): ContentsEntry {
  const rest = [...cells];
  const page = rest.length > 1 && PAGE.test(rest.at(-1)!) ? rest.pop()! : null;
  const paragraphs = page !== null && rest.length > 1 && PARAGRAPHS.test(rest.at(-1)!) ? rest.pop()! : undefined;
  const { label, title } = splitLabel(rest.join(' '));
  const entry: ContentsEntry = { label, title, page, prov: provenanceOf([line]) };
  if (paragraphs !== undefined) entry.paragraphs = paragraphs;
  return entry;
}

/** A row of column headings only: "Page", "Paragraphs Page", "Chapitre". */
export function isColumnHeadings(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((cell) => cell.split(/\s+/).every((word) => COLUMN_HEADING.test(word)));
}

/** The column headings of such a row, one per word ("Paragraphs Page" drawn in one piece is two). */
export function columnHeadings(cells: readonly string[]): string[] {
  return cells.flatMap((cell) => cell.split(/\s+/));
}

/**
 * Adds a row's entry to the contents: it goes on with the entry before when that one is
 * numbered, printed no page, and this row starts without a number of its own, indented under it
 * (a wrapped title) or under a bare label; otherwise it is an entry of its own.
 */
export function addEntry(contents: ContentsBlock, entry: ContentsEntry, indented: boolean): 'joined' | 'added' {
  const last = contents.entries.at(-1);
  // A bare label ("Annex") has its title on the next row, wherever that row starts.
  if (last && last.page === null && last.label !== null && entry.label === null && (indented || last.title === '')) {
    last.title = joinLines(last.title, entry.title);
    last.page = entry.page;
    if (entry.paragraphs !== undefined) last.paragraphs = entry.paragraphs;
    last.prov = extendProvenance(last.prov, entry.prov);
    return 'joined';
  }
  contents.entries.push(entry);
  return 'added';
}

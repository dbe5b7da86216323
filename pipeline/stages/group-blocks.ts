/**
 * Stage — group blocks: body lines → blocks of lines that belong together (a paragraph, a
 * heading, a sub-item, a table row group), in reading order over the whole document.
 *
 * A new block starts at a vertical gap wider than the line spacing, a change of type size, a
 * numbered or labelled line after a line that ended short, or an indented line after a short one.
 * A block cut by the page end (the last line runs to the right margin, or the text stops
 * mid-sentence) continues on the next page, across the footnotes that interrupted it, and so does a
 * block cut by the foot of a column at the top of the next one.
 */
import type { Line, PageLines, RawBlock, Typography } from '../model.js';
import { cellsOf } from '../text/line-anchors.js';
import { isCentred, SIZE_TOLERANCE } from './measure-typography.js';

/** A gap this many times the usual line spacing (scaled to the size) separates two blocks. */
const BLOCK_GAP_RATIO = 1.28;
/** A line ending this many font sizes before the right margin ended its paragraph. */
const SHORT_LINE_RATIO = 2.5;
/** A line starting this many font sizes right of the previous one is indented. */
const INDENT_RATIO = 1.2;

/** `12.`, `(a)`, `a)`, `(iv)`, bullets, `1-` (Arabic layouts): a line that opens a unit. */
export const UNIT_OPENING =
  /^(?:\d{1,3}[.-](?=\s)|\(?[a-z]{1,2}\)(?=\s)|\([ivxlc]{1,6}\)(?=\s)|[•●▪◦–-](?=\s)|[IVXLC]{1,6}\.(?=\s)|[A-Z]\.(?=\s))/;
/** A chapter or section number opening a line: "IV. ", "B. ". */
export const LATIN_SECTION_NUMBER = /^(?:[IVXLC]{1,6}|[A-Z])\.\s/;
/** Sentence-final punctuation, closing quotes allowed. */
export const ENDS_SENTENCE = /[.!?:;؟。]["'”’»)]*$/u;

/**
 * Groups the body lines of every page; the first `mastheadLines` of page 1, the `coverPages` after
 * it, and the first `bodyOpening` lines of the page after those are the masthead's.
 */
export function groupBlocks(
  pages: PageLines[],
  mastheadLines: number,
  typography: Typography,
  coverPages = 0,
  bodyOpening = 0,
): RawBlock[] {
  const blocks: RawBlock[] = [];
  // Pages 2 to 1 + coverPages are the cover's, read with the masthead.
  for (const page of pages.filter((p) => p.number === 1 || p.number > 1 + coverPages)) {
    const skipped = page.number === 1 ? mastheadLines : page.number === 2 + coverPages ? bodyOpening : 0;
    const lines = page.body.slice(skipped);
    let current: RawBlock | undefined;
    for (const line of lines) {
      // A table found in place of its lines is a block of its own.
      if (line.table || current?.lines.at(-1)?.table) {
        current = { page: page.number, lines: [line] };
        blocks.push(current);
        continue;
      }
      const previous = current?.lines.at(-1);
      if (!current || !previous || startsNewBlock(previous, line, typography, current.lines[0]!, current.lines)) {
        // The top of a page, or of the next column, may go on with the block the last one cut.
        const freshColumn = !current || previous?.column !== line.column;
        if (freshColumn && blocks.length > 0 && continuesAcrossBreak(blocks.at(-1)!, line, typography)) {
          current = blocks.at(-1)!;
          current.lines.push(line);
          continue;
        }
        current = { page: page.number, lines: [line] };
        blocks.push(current);
      } else current.lines.push(line);
    }
  }
  return blocks;
}

function normalGap(a: Line, b: Line, typography: Typography): number {
  return (typography.lineGap * Math.max(a.size, b.size)) / typography.bodySize;
}

/** The line stops well before the end of its measure (its column's, on a page in columns): at the left margin for right-to-left text. */
function isShortLine(line: Line, typography: Typography): boolean {
  if (line.rtl) return line.x > (line.column?.left ?? typography.leftMargin) + SHORT_LINE_RATIO * line.size;
  return line.right < (line.column?.right ?? typography.rightMargin) - SHORT_LINE_RATIO * line.size;
}

/** A letter of the Arabic alphabet (not its punctuation, which Latin text in Arabic takes: "؛"). */
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
/** Latin text set smaller than the Arabic around it is still at least this fraction of its size. */
const SMALLER_LATIN_MIN_RATIO = 0.7;

/**
 * Arabic documents set Latin text and digits smaller than the Arabic: a right-to-left line of
 * them only, between lines of the same block, does not open a block of its own (E/2018/41-ar,
 * paragraph 87: "(E/ESCWA/ECW/2017/IG.1/7/Report)؛" at 11 pt ends item (1) at 14 pt).
 */
function isSmallerLatinInArabic(previous: Line, line: Line): boolean {
  if (!line.rtl || !previous.rtl) return false;
  const [smaller, larger] = line.size < previous.size ? [line, previous] : [previous, line];
  return smaller.size >= SMALLER_LATIN_MIN_RATIO * larger.size && !ARABIC_LETTER.test(smaller.text) && /[A-Za-z\d]/.test(smaller.text);
}

function startsNewBlock(previous: Line, line: Line, typography: Typography, opening: Line, lines: Line[]): boolean {
  if (line.y - previous.y > BLOCK_GAP_RATIO * normalGap(previous, line, typography)) return !isGapInSentence(lines, line, typography);
  if (line.y < previous.y) return true; // a new column or a jump back up
  if (Math.abs(line.size - previous.size) > SIZE_TOLERANCE && !isSmallerLatinInArabic(previous, line)) return true;
  const short = isShortLine(previous, typography);
  if (UNIT_OPENING.test(line.text) && (short || ENDS_SENTENCE.test(previous.text))) return true;
  // A paragraph number printed as a picture opens a unit as surely as one printed as text.
  if (line.numberPicture) return true;
  if (short && line.font !== previous.font && !isBareSectionNumber(lines)) return true;
  // A first-line indent opens a body paragraph; headings wrap with a hanging indent instead.
  const bodyText = previous.font === typography.bodyFont && Math.abs(previous.size - typography.bodySize) <= SIZE_TOLERANCE;
  if (
    short &&
    bodyText &&
    !previous.rtl &&
    line.x - previous.x > INDENT_RATIO * line.size &&
    !isCentredHeadingLine(opening, previous, line, typography) &&
    !isHangingWrap(opening, previous, line)
  )
    return true;
  if (bodyText && isIndentAfterFullLastLine(lines, line)) return true;
  if (Boolean(cellsOf(line)) !== Boolean(cellsOf(previous))) return true;
  return false;
}

/**
 * A Roman numeral alone on its line, without its period, is a section's number: the section's
 * title under it, in a face of its own, is the same heading ("I" / "Implementation of the
 * Convention…", A/RES/80/110).
 */
function isBareSectionNumber(lines: Line[]): boolean {
  return lines.length === 1 && /^[IVXLC]{1,6}$/.test(lines[0]!.text.trim());
}

/** A blank this many line spacings high inside a paragraph is where a typewritten page ended. */
const PAGE_CUT_GAP_LINES = 3;
/** Ends on a letter or a digit: no sentence, clause or list item closes there. */
const ENDS_MID_PHRASE = /[\p{L}\p{N}]$/u;

/**
 * Typewriter-era documents break a paragraph with blank space where their original page ended
 * (TD/B/43/6 p.5: "…the United Nations New" / "Agenda for the Development of", four blank lines,
 * then "Africa (UN-NADAF) through practical action…"). A gap goes on with the paragraph when the
 * paragraph above is body text that ran to the margin, stopped mid-phrase, and the line below is
 * body text of the same face that opens no unit and opens in lower case (or, after a blank of
 * several lines, fills its measure).
 */
function isGapInSentence(lines: Line[], line: Line, typography: Typography): boolean {
  const previous = lines.at(-1)!;
  if (lines.length < 2 || !ENDS_MID_PHRASE.test(previous.text)) return false;
  const body = (l: Line) => l.font === typography.bodyFont && Math.abs(l.size - typography.bodySize) <= SIZE_TOLERANCE && !l.rtl;
  if (!body(previous) || !body(line) || line.font !== previous.font) return false;
  if (UNIT_OPENING.test(line.text) || line.numberPicture || cellsOf(line) || cellsOf(previous)) return false;
  if (!lines.some((l) => !isShortLine(l, typography)) || isCentred(lines[0]!, typography)) return false;
  if (Math.abs(line.x - Math.min(...lines.map((l) => l.x))) > INDENT_RATIO * line.size) return false;
  if (/^\p{Ll}/u.test(line.text)) return true;
  // A capital after the blank could open the next item of a list set without punctuation: only a
  // blank far wider than any spacing between items is the cut page, and then the line fills its measure.
  const gap = (line.y - previous.y) / normalGap(previous, line, typography);
  return gap >= PAGE_CUT_GAP_LINES && !isShortLine(line, typography);
}

/**
 * A justified paragraph's last line may fill its measure: a sentence ending there, then a first-line
 * indent, still opens a paragraph (A/79/924: "…the complete cleansing of historical memory." at the
 * margin, then "This report has been prepared…" set in). The line above must sit at the block's
 * margin, below its opening line, so that the wrap of a hanging or centred line is not taken for it.
 */
function isIndentAfterFullLastLine(lines: Line[], line: Line): boolean {
  const previous = lines.at(-1)!;
  if (lines.length < 2 || previous.rtl || line.rtl || !ENDS_SENTENCE.test(previous.text)) return false;
  if (line.font !== previous.font || cellsOf(line) || cellsOf(previous)) return false;
  const margin = Math.min(...lines.map((l) => l.x));
  return previous.x - margin <= INDENT_RATIO * line.size * 0.25 && line.x - previous.x > INDENT_RATIO * line.size;
}

/**
 * The lines of a centred heading under a section number each start elsewhere (E/2018/41-fr: "B.
 * Considération des requêtes …," / "qui ne sont pas membres …" / "(Point 4 de l'ordre du jour)"):
 * no first-line indent opens a paragraph there.
 */
function isCentredHeadingLine(opening: Line, previous: Line, line: Line, typography: Typography): boolean {
  return (
    LATIN_SECTION_NUMBER.test(opening.text) &&
    isCentred(opening, typography) &&
    isCentred(previous, typography) &&
    isCentred(line, typography)
  );
}

/**
 * A numbered line broken mid-phrase wraps under its text, not under its number: the next line,
 * set in and opening with a small letter, goes on with it (A/AC.109/2010/18, agenda item "3. The
 * role of the United Nations system in providing developmental" / "assistance to …:"), and so does
 * a line in capitals under a heading in capitals. A first-line
 * indent would open a paragraph with a capital, after a line that ended its sentence.
 */
function isHangingWrap(opening: Line, previous: Line, line: Line): boolean {
  if (opening !== previous || !UNIT_OPENING.test(opening.text) || /[.;:,!?]$/.test(previous.text)) return false;
  // Rows of a table (or of a list set like one) break where their cells do.
  if (cellsOf(previous) || cellsOf(line)) return false;
  // A heading in capitals wraps in capitals (TD/B/43/6: "I. UNCTAD'S POLICY … RELEVANT TO THE" / "UNITED NATIONS …").
  const capitals = (text: string) => text === text.toUpperCase() && /\p{Lu}{3}/u.test(text);
  return /^\p{Ll}/u.test(line.text) || (capitals(previous.text) && capitals(line.text));
}

/** The first line of a page (or column) continues the last block of the previous page (or column). */
function continuesAcrossBreak(last: RawBlock, line: Line, typography: Typography): boolean {
  const tail = last.lines.at(-1)!;
  if (tail.page === line.page && tail.column === line.column) return false;
  if (tail.table || line.table) return false;
  if (Math.abs(tail.size - line.size) > SIZE_TOLERANCE) return false;
  if (Math.abs(line.size - typography.bodySize) > SIZE_TOLERANCE) return false;
  if (UNIT_OPENING.test(line.text) || line.numberPicture) return false;
  if (Boolean(cellsOf(tail)) || Boolean(cellsOf(line))) return false;
  // A short line in another face opening the page is a heading (E/ESCWA/30/8's "مقدمـة" after the contents).
  if (line.font !== tail.font && isShortLine(line, typography)) return false;
  if (!isShortLine(tail, typography)) return true;
  // A short last line, then a first-line indent at the top of the page: a new paragraph, even after
  // a comma (E/2018/41-fr: the preambular "…pour le développement durable," then "Rappelant sa
  // résolution 305 (XXVII)…" opening page 11).
  const margin = Math.min(...last.lines.map((l) => l.x));
  if (!line.rtl && !tail.rtl && line.x - margin > INDENT_RATIO * line.size) return false;
  return !ENDS_SENTENCE.test(tail.text);
}

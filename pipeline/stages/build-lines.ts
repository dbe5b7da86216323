/**
 * Stage — build lines: positioned runs → printed lines, in reading order, per page.
 *
 * Runs sharing a baseline become one line; small raised runs (superscripts) are taken out of the
 * text and kept as footnote markers with their offset; gaps between runs become spaces, and very
 * wide gaps (tab stops, table columns) split the line into cells.
 */
import type { AnchoredText, ExtractedDocument, Line, LineAnchor, LinesPage, Page, Picture, TextRun } from '../model.js';
import { anchored, replace, trim } from '../text/anchored-text.js';

/** Runs whose baselines differ by less than this share a line (fraction of the font size). */
const BASELINE_TOLERANCE = 0.25;
/** A run at most this fraction of its line's size is small enough to be a superscript. */
const SUPERSCRIPT_SIZE_RATIO = 0.8;
/** A superscript's baseline sits above the line's by up to this fraction of the line's size. */
const SUPERSCRIPT_MAX_RISE = 0.75;
/**
 * The part of a run's em box above its baseline (the rest hangs below): pdf.js's own default
 * ascent, used where a font's metrics are not read, as here (fonts are not loaded).
 */
export const EM_ASCENT = 0.8;
/** A gap wider than this fraction of the font size separates two words. */
const WORD_GAP_RATIO = 0.12;
/** A gap wider than this many font sizes is a tab stop or a column gutter: a new cell. */
const CELL_GAP_RATIO = 1.8;
/**
 * A gap wider than this fraction of the font size between two runs is wider than any word space,
 * justified or not: the next run is drawn apart (a table cell of its own, perhaps) and starts a span.
 */
export const SPAN_GAP_RATIO = 0.8;
/** What a footnote marker can look like: a number, one letter, asterisks or daggers. */
const MARKER_TEXT = /^(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])$/;
/** Arabic, Hebrew, Syriac, Thaana and their presentation forms. */
/** A paragraph number, item label or bullet standing alone before a tab. */
const LABEL_CELL = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|\(?[a-z]{1,4}\)|\(\d{1,2}\)|[IVXLC]{1,6}\.|[A-Z]\.|[•●▪◦–-]|\d{1,3}-)$/;
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const STRONG_CHAR = /[\p{L}\p{N}]/gu;
const LETTER = /\p{L}/gu;
const CJK_CHAR = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

interface RowDraft {
  y: number;
  region: number | undefined;
  size: number;
  runs: TextRun[];
  superscripts: TextRun[];
}

/** Builds the lines of every page. */
export function buildLines(document: ExtractedDocument): LinesPage[] {
  const script = { mirrored: bracketsDrawnMirrored(document), rightToLeft: mostlyRightToLeft(document) };
  return document.pages.map((page) => ({
    number: page.number,
    width: page.width,
    height: page.height,
    lines: linesOfPage(page, script),
  }));
}

/** ")الإسكوا(": a bracket pair inside one Arabic run, stored the wrong way round. */
const INVERTED_PAIR = /\)[^()]*\(/g;
const UPRIGHT_PAIR = /\([^()]*\)/g;

/**
 * Whether the document's right-to-left text stores brackets as drawn (mirrored: E/ESCWA/30/8,
 * whose "(" reads ")") or as meant (E/ESCWA/30/7, drawn mirrored by the viewer). Producers differ;
 * the pairs inside single Arabic runs, which pdf.js has already put in logical order, tell which.
 */
function bracketsDrawnMirrored(document: ExtractedDocument): boolean {
  let inverted = 0;
  let upright = 0;
  for (const page of document.pages) {
    for (const run of page.runs) {
      if (!run.text.includes('(') || !RTL_CHAR.test(run.text)) continue;
      inverted += run.text.match(INVERTED_PAIR)?.length ?? 0;
      upright += run.text.match(UPRIGHT_PAIR)?.length ?? 0;
    }
  }
  return inverted > upright;
}

/** What the whole document's text says of its script: brackets stored mirrored, letters mostly right to left. */
interface Script {
  mirrored: boolean;
  rightToLeft: boolean;
}

function mostlyRightToLeft(document: ExtractedDocument): boolean {
  let rtl = 0,
    strong = 0;
  for (const run of document.pages.flatMap((page) => page.runs)) {
    rtl += countMatches(run.text, RTL_LETTER);
    strong += countMatches(run.text, STRONG_CHAR);
  }
  return rtl * 2 > strong;
}

function linesOfPage(page: Page, script: Script): Line[] {
  // Region by region in reading order (one region on pages without columns), top down in each.
  const runs = [...page.runs].sort((a, b) => (a.region ?? 0) - (b.region ?? 0) || a.y - b.y || a.x - b.x);
  const rows: RowDraft[] = [];
  for (const run of runs) {
    // Rows are built top-down, so the matching row, if any, is among the last few.
    let row: RowDraft | undefined;
    for (let i = rows.length - 1; i >= 0 && i >= rows.length - 4; i--) {
      const candidate = rows[i]!;
      if (candidate.region === run.region && Math.abs(candidate.y - run.y) <= BASELINE_TOLERANCE * Math.max(candidate.size, run.size)) {
        row = candidate;
        break;
      }
    }
    if (row) {
      row.runs.push(run);
      if (run.size > row.size) row.size = run.size;
    } else rows.push({ y: run.y, size: run.size, region: run.region, runs: [run], superscripts: [] });
  }
  attachSuperscripts(rows);
  const lines = rows.filter((row) => row.runs.length > 0).map((row) => toLine(row, page.number, script));
  if (page.regions)
    rows.filter((row) => row.runs.length > 0).forEach((row, index) => (lines[index]!.column = page.regions![row.region ?? 0]));
  if (page.pictures) {
    for (const line of lines) {
      const numberPicture = line.rtl ? numberPictureOf(line, page.pictures) : undefined;
      if (numberPicture) line.numberPicture = numberPicture;
    }
  }
  return lines;
}

/** A number picture is this many font sizes tall, its digits' height: between these two. */
const NUMBER_PICTURE_MIN_HEIGHT = 0.5;
const NUMBER_PICTURE_MAX_HEIGHT = 0.8;
/** Its bottom stands on the line's baseline, within this many font sizes. */
const PICTURE_BASELINE_TOLERANCE = 0.15;
/** The dash picture is a flat bar: at most this many font sizes tall. */
const DASH_PICTURE_MAX_HEIGHT = 0.2;
/** The label stands before the line's first word, within this many font sizes. */
const NUMBER_PICTURE_REACH = 3;
/** Width over height of a picture of one digit is below this; each further digit adds about this much. */
const ONE_DIGIT_MAX_RATIO = 0.9;
const RATIO_PER_DIGIT = 0.75;

/**
 * "4-" printed as two pictures before the first word of a right-to-left line (E/2018/41-ar
 * numbers its report's paragraphs so): a number picture standing on the baseline, and a dash
 * picture between it and the text. The picture's proportions tell how many digits it shows.
 */
function numberPictureOf(line: Line, pictures: Picture[]): Line['numberPicture'] {
  const { size } = line;
  const number = pictures.find(
    (p) =>
      p.height >= NUMBER_PICTURE_MIN_HEIGHT * size &&
      p.height <= NUMBER_PICTURE_MAX_HEIGHT * size &&
      Math.abs(p.y + p.height - line.y) <= PICTURE_BASELINE_TOLERANCE * size &&
      p.x >= line.right &&
      p.x <= line.right + NUMBER_PICTURE_REACH * size,
  );
  if (!number) return undefined;
  const dash = pictures.some(
    (p) =>
      p.height <= DASH_PICTURE_MAX_HEIGHT * size &&
      p.width > 2 * p.height &&
      p.x >= line.right &&
      p.x + p.width <= number.x + PICTURE_BASELINE_TOLERANCE * size &&
      p.y >= number.y &&
      p.y + p.height <= number.y + number.height,
  );
  if (!dash) return undefined;
  const ratio = number.width / number.height;
  return { digits: ratio < ONE_DIGIT_MAX_RATIO ? 1 : 1 + Math.ceil((ratio - ONE_DIGIT_MAX_RATIO) / RATIO_PER_DIGIT) };
}

/**
 * Moves rows made only of small raised runs (superscript markers drawn on their own baseline)
 * into the row just below them whose text they overlap, and marks small raised runs inside a row.
 */
function attachSuperscripts(rows: RowDraft[]): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const host = findHostBelow(rows, i);
    // "Mme" with its "me" raised onto a baseline of its own (E/2018/41-fr, paragraph 6): the
    // suffix goes back into its word, not into a line of its own that splits the paragraph.
    if (
      host &&
      row.runs.length > 0 &&
      row.runs.every((run) => run.size <= SUPERSCRIPT_SIZE_RATIO * host.size && isOrdinalSuffix(run, host.runs))
    ) {
      host.runs.push(...row.runs);
      row.runs = [];
      continue;
    }
    if (host && isMarkerRow(row, host)) {
      for (const run of row.runs) (isOrdinalSuffix(run, host.runs) ? host.runs : host.superscripts).push(run);
      row.runs = [];
      continue;
    }
    // A marker run inside a row: smaller and raised relative to the row's main text.
    const main = dominantSize(row.runs);
    const baseline = row.runs.find((run) => run.size === main)?.y ?? row.y;
    row.runs = row.runs.filter((run) => {
      const raised = baseline - run.y > 0.1 * main;
      if (run.size <= SUPERSCRIPT_SIZE_RATIO * main && raised && MARKER_TEXT.test(run.text.trim()) && !isOrdinalSuffix(run, row.runs)) {
        row.superscripts.push(run);
        return false;
      }
      return true;
    });
  }
}

/**
 * "XXe siècle", "2nd", "1.º": a raised letter glued to a number is an ordinal suffix, not a note;
 * so are raised letters glued to a capital, "Mme", "Mlle", "Mgr" (two letters at least: a single
 * raised letter after a capital, "UNDPa", is a table note).
 */
function isOrdinalSuffix(run: TextRun, runs: TextRun[]): boolean {
  const text = run.text.trim();
  if (!/^[a-z]+$/.test(text)) return false;
  const left = runs.find((r) => r !== run && Math.abs(r.x + r.width - run.x) < 0.15 * r.size);
  return left !== undefined && (/[\dIVXLC]$/.test(left.text) || (text.length >= 2 && /\p{Lu}$/u.test(left.text)));
}

function findHostBelow(rows: RowDraft[], index: number): RowDraft | undefined {
  const row = rows[index]!;
  for (let j = index + 1; j < rows.length && j <= index + 3; j++) {
    const below = rows[j]!;
    if (below.runs.length === 0) continue;
    const rise = below.y - row.y;
    if (rise <= 0 || rise > SUPERSCRIPT_MAX_RISE * below.size) return undefined;
    const left = Math.min(...below.runs.map((r) => r.x));
    const right = Math.max(...below.runs.map((r) => r.x + r.width));
    const overlaps = row.runs.every((r) => r.x >= left - 2 * below.size && r.x <= right + below.size);
    return overlaps ? below : undefined;
  }
  return undefined;
}

/** Several markers on one spot are printed "27,28,29" or "2 3". */
const MARKER_SEPARATORS = /[\s,;]+/;

/**
 * Arabic documents raise their markers in brackets, "(1)", drawn as three runs (or mirrored,
 * ")1("): the brackets belong to the marker and are no token of it.
 */
const MARKER_BRACKETS = /[()]/g;

function markerTokens(text: string): string[] {
  return text
    .replace(MARKER_BRACKETS, ' ')
    .split(MARKER_SEPARATORS)
    .filter((t) => t !== '');
}

function isMarkerRun(run: TextRun, host: RowDraft): boolean {
  return run.size <= SUPERSCRIPT_SIZE_RATIO * host.size && markerTokens(run.text).every((t) => MARKER_TEXT.test(t));
}

/**
 * A row of small raised runs is a marker when its runs are marker runs (a separator "," raised
 * between markers is one); brackets raised alone are none.
 */
function isMarkerRow(row: RowDraft, host: RowDraft): boolean {
  if (!row.runs.every((run) => isMarkerRun(run, host))) return false;
  return row.runs.some((run) => markerTokens(run.text).length > 0) || !row.runs.some((run) => /[()]/.test(run.text));
}

/**
 * The font size carrying the most characters among runs. In a right-to-left line, the most
 * letters (where there are any): Arabic documents set digits and Latin text smaller than Arabic
 * ("لعام 2030،" is a line of body text, E/2018/41-ar); leader dots still count elsewhere.
 */
function dominantSize(runs: TextRun[], rtl = false): number {
  const weight = new Map<number, number>();
  const letters = rtl && runs.some((run) => /\p{L}/u.test(run.text));
  for (const run of runs) weight.set(run.size, (weight.get(run.size) ?? 0) + (letters ? countMatches(run.text, LETTER) : run.text.length));
  let best = 0,
    bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight || (w === bestWeight && size > best)) [best, bestWeight] = [size, w];
  return best;
}

function dominantFont(runs: TextRun[]): string {
  const weight = new Map<string, number>();
  for (const run of runs) weight.set(run.font, (weight.get(run.font) ?? 0) + run.text.length);
  return [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

type Piece = { run: TextRun; marker: boolean };

/** A marker run that carries the space after it ("6 ", TD/B/43/6 "TRAINMAR6 centres") leaves that space in the text. */
function spaceAfterMarker(text: string, marker: string): string {
  return /\s$/.test(marker) && text !== '' && !/\s$/.test(text) ? text + ' ' : text;
}

/** A sentence's final punctuation drawn alone. */
const FINAL_PUNCTUATION = /^[.,;:]$/;
/** A note number in brackets at the right end of the line as drawn, ")8(" or "(8)": the note's opening. */
const NOTE_NUMBER_AT_RIGHT = /[()]\d{1,3}[()]$/;

/**
 * Letters and digits decide the direction (a contents line is mostly leader dots). In a document
 * set right to left, lines are set right to left unless they hold no Arabic letter: a note of a
 * reference in Latin script with a few Arabic words (E/2018/41-ar: "صE/ESCWA/29/12/Report )6("),
 * a line of Latin text whose leftmost run is its final punctuation alone (".A/810" for the note
 * "(1) A/810.", A/RES/217(III)-ar) or whose rightmost runs are its note number ("Data from the
 * United Nations … )8(", E/2018/41-ar).
 */
function isRightToLeft(row: RowDraft, script: Script): boolean {
  const rtlChars = row.runs.reduce((n, r) => n + countMatches(r.text, RTL_LETTER), 0);
  // Without a right-to-left letter the share of them decides nothing: the letters go uncounted.
  if (rtlChars > 0 && rtlChars > row.runs.reduce((n, r) => n + countMatches(r.text, STRONG_CHAR), 0) / 2) return true;
  if (!script.rightToLeft) return false;
  if (rtlChars > 0) return true;
  if (row.runs.length < 2) return false;
  const drawn = [...row.runs].sort((a, b) => a.x - b.x);
  return FINAL_PUNCTUATION.test(drawn[0]!.text.trim()) || NOTE_NUMBER_AT_RIGHT.test(drawn.map((run) => run.text.trim()).join(''));
}

function toLine(row: RowDraft, page: number, script: Script): Line {
  const { mirrored } = script;
  const rtl = isRightToLeft(row, script);
  const pieces: Piece[] = [
    ...(rtl ? embedPunctuation(row.runs) : row.runs).map((run) => ({ run, marker: false })),
    ...row.superscripts.map((run) => ({ run, marker: true })),
  ];
  // Visual order: left to right; a right-to-left line is read from its right edge.
  pieces.sort((a, b) => (rtl ? b.run.x + b.run.width - (a.run.x + a.run.width) : a.run.x - b.run.x));
  const groups = rtl ? restoreLeftToRightSequences(pieces) : undefined;
  const size = dominantSize(row.runs, rtl);
  let text = '';
  // Made here with the text, in the order met: markers where they stand, cells where they start.
  const anchors: LineAnchor[] = [];
  let previous: TextRun | undefined;
  let previousGroup: VisualGroup | undefined;
  let pendingMarks = '';
  let span: DraftSpan | undefined; // left-to-right lines only: the spans of a table row
  for (const [index, piece] of pieces.entries()) {
    let { run } = piece;
    const { marker } = piece;
    const group = groups?.[index];
    if (previous) {
      // Inside a left-to-right sequence the runs follow each other rightwards; elsewhere in a
      // right-to-left line the next run (or sequence) lies to the left of the previous one.
      const gap = group && previousGroup && group !== previousGroup ? previousGroup.x - group.right : run.x - (previous.x + previous.width);
      if (!rtl && !marker && span && gap > SPAN_GAP_RATIO * size) span = undefined;
      if (gap > CELL_GAP_RATIO * size) {
        text = text.trimEnd() + ' ';
        anchors.push({ kind: 'cell', offset: text.length });
      } else if (
        (gap > WORD_GAP_RATIO * size || (rtl && labelBeforeArabic(text, run.text)) || labelBeforeWord(text, run.text)) &&
        !/\s$/.test(text) &&
        !/^\s/.test(run.text) &&
        !marker &&
        !joinsWithoutSpace(text, run.text)
      ) {
        text += ' ';
      }
    }
    if (!marker && rtl) {
      // A run of marks alone (drawn with zero width) belongs on the first letter of the next run.
      if (ONLY_MARKS.test(run.text.trim())) {
        pendingMarks += run.text.trim();
        continue;
      }
      run = { ...run, text: logicalRtlRun(pendingMarks + run.text, group!, mirrored) };
      pendingMarks = '';
    }
    if (marker) {
      for (const token of markerTokens(run.text)) anchors.push({ kind: 'marker', marker: token, offset: text.trimEnd().length });
      text = spaceAfterMarker(text, run.text);
    } else {
      if (!rtl) span = widenSpan(span, run, text.length, anchors);
      text += run.text;
    }
    // A marker takes part in gap measuring: "completas¹." has none on either side, "Framework.¹ The" has one after it.
    previous = run;
    previousGroup = group;
  }
  // Every run of whitespace (tabs, no-break spaces) becomes one space; markers and cell starts move with the text.
  const content = tableCells(trim(replace(anchored(text, anchors), /\s+/g, () => ' ')));
  const xs = row.runs.map((r) => r.x);
  const rights = row.runs.map((r) => r.x + r.width);
  const line: Line = {
    page,
    x: Math.min(...xs),
    right: Math.max(...rights),
    y: row.runs.find((r) => r.size === size)?.y ?? row.y,
    top: Math.min(...row.runs.map((r) => r.y - EM_ASCENT * r.size)),
    bottom: Math.max(...row.runs.map((r) => r.y + (1 - EM_ASCENT) * r.size)),
    size,
    font: dominantFont(row.runs),
    text: content.text,
    anchors: content.anchors,
    rtl,
  };
  if (mostlyArtifact(row.runs)) line.artifact = true;
  return line;
}

/** Whether most of a row's characters were marked as artifacts (running heads and footers of tagged PDFs). */
function mostlyArtifact(runs: readonly TextRun[]): boolean {
  const allChars = runs.reduce((n, r) => n + r.text.length, 0);
  const artifactChars = runs.reduce((n, r) => n + (r.artifact ? r.text.length : 0), 0);
  return artifactChars * 2 > allChars;
}

type DraftSpan = { kind: 'span'; offset: number; x: number; right: number };

/** The span a run goes on (widened to take it), or a new one it opens at `offset`. */
function widenSpan(span: DraftSpan | undefined, run: TextRun, offset: number, anchors: LineAnchor[]): DraftSpan {
  if (span) {
    span.right = Math.max(span.right, run.x + run.width);
    return span;
  }
  const opened: DraftSpan = { kind: 'span', offset, x: run.x, right: run.x + run.width };
  anchors.push(opened);
  return opened;
}

/**
 * The cell starts of a table line: only those opening a cell with text, none after a label that
 * opens the line, none at all where a single cell is left.
 */
function tableCells(content: AnchoredText<LineAnchor>): AnchoredText<LineAnchor> {
  const cells = content.anchors.filter((anchor) => anchor.kind === 'cell');
  const starts = [0, ...cells.map((anchor) => anchor.offset)];
  const cellText = (index: number) => content.text.slice(starts[index], starts[index + 1]).trim();
  const filled = starts.map((_, index) => index).filter((index) => cellText(index) !== '');
  // "12.⇥Text", "(a)⇥Text", "I.⇥Introduction": a label at a tab stop opens the line, it is no table cell.
  const firstKept = filled.length > 1 && LABEL_CELL.test(cellText(filled[0]!)) ? 2 : 1;
  const kept = new Set(filled.slice(firstKept).map((index) => cells[index - 1]));
  return { text: content.text, anchors: content.anchors.filter((anchor) => anchor.kind !== 'cell' || kept.has(anchor)) };
}

/** Punctuation and symbols, no letter, digit or combining mark (a mark drawn apart is the next run's). */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]+$/u;
/** A punctuation run lies inside an Arabic run when it keeps this many font sizes from both its ends. */
const INSIDE_MARGIN = 0.1;

/**
 * Punctuation some producers draw apart from the Arabic run it stands in (A/RES/217(III)-ar: the
 * "." of "الإنساني. وكان" drawn over the run "الضمير الإنساني وكان …"): a run of punctuation alone
 * lying inside an Arabic run's extent goes into its text, at the word end nearest to where it
 * is drawn, counting characters from the run's right edge, where its text begins.
 */
function embedPunctuation(runs: TextRun[]): TextRun[] {
  const hosts = new Map<TextRun, { at: number; text: string }[]>();
  const rest = runs.filter((run) => {
    if (!PUNCTUATION_ONLY.test(run.text) || run.text.trim() === '') return true;
    const margin = INSIDE_MARGIN * run.size;
    const host = runs.find((h) => h !== run && RTL_CHAR.test(h.text) && run.x > h.x + margin && run.x + run.width < h.x + h.width - margin);
    if (!host) return true;
    const drawnAt = ((host.x + host.width - (run.x + run.width)) / host.width) * host.text.length;
    const ends = [...host.text.matchAll(/(?<=\S)(?=\s)/g)].map((m) => m.index);
    if (ends.length === 0) return true;
    const at = ends.reduce((best, end) => (Math.abs(end - drawnAt) < Math.abs(best - drawnAt) ? end : best));
    hosts.set(host, [...(hosts.get(host) ?? []), { at, text: [...run.text.trim()].reverse().join('') }]);
    return false;
  });
  return rest.map((run) => {
    const inserts = hosts.get(run);
    if (!inserts) return run;
    let text = run.text;
    for (const { at, text: mark } of [...inserts].sort((a, b) => b.at - a.at)) text = text.slice(0, at) + mark + text.slice(at);
    return { ...run, text };
  });
}

/** Digits and Latin letters: the runs that read left to right inside a right-to-left line. */
const LTR_RUN = /[0-9A-Za-z\u00C0-\u024F]/;
const NEUTRAL_RUN = /^[\s\-–/.,:%]+$/;
/** Punctuation and spaces only: such a run takes the direction of the line it stands in. */
const NEUTRAL_ONLY = /^[^\p{L}\p{N}]+$/u;

/**
 * What a right-to-left line is made of once read from its right edge: runs of Arabic text (and
 * neutral punctuation between them), each a group of its own, and sequences of left-to-right runs
 * ("22", "-", "24" drawn apart), one group read left to right inside. Gaps between groups are
 * measured edge to edge, whatever order the runs inside a sequence are read in.
 */
interface VisualGroup {
  leftToRight: boolean;
  x: number;
  right: number;
}

/**
 * "(10)" drawn as one run: a note number or list label, which stands where it is drawn and reads
 * as it is stored, never part of the Latin text beside it (E/2018/41-ar: "(10) E/ESCWA/EDID/2017/2.").
 */
const BRACKETED_NUMBER = /^\(\d{1,3}\)$/;

/**
 * In a right-to-left line, consecutive left-to-right runs are read left to right among themselves,
 * as the bidi algorithm displays them: puts them back in that order, and returns each piece's group.
 */
function restoreLeftToRightSequences(pieces: Piece[]): VisualGroup[] {
  const alone = (p: Piece) => BRACKETED_NUMBER.test(p.run.text.trim());
  const isLtr = (p: Piece) => !p.marker && LTR_RUN.test(p.run.text) && !RTL_CHAR.test(p.run.text) && !alone(p);
  const groups: VisualGroup[] = [];
  const extent = (slice: Piece[], leftToRight: boolean): VisualGroup => ({
    leftToRight,
    x: Math.min(...slice.map((p) => p.run.x)),
    right: Math.max(...slice.map((p) => p.run.x + p.run.width)),
  });
  let start = 0;
  while (start < pieces.length) {
    if (!isLtr(pieces[start]!)) {
      groups.push(extent([pieces[start]!], alone(pieces[start]!)));
      start++;
      continue;
    }
    let end = start;
    // Extend over LTR runs and the neutral separators between them.
    while (
      end + 1 < pieces.length &&
      (isLtr(pieces[end + 1]!) || (NEUTRAL_RUN.test(pieces[end + 1]!.run.text) && pieces[end + 2] !== undefined && isLtr(pieces[end + 2]!)))
    )
      end++;
    const sequence = pieces.slice(start, end + 1);
    if (drawnRightToLeft(sequence)) {
      for (const piece of sequence) groups.push(extent([piece], false));
      start = end + 1;
      continue;
    }
    if (end > start) pieces.splice(start, sequence.length, ...sequence.reverse());
    const group = extent(sequence, true);
    for (let i = start; i <= end; i++) groups.push(group);
    start = end + 1;
  }
  return groups;
}

/** Two numbers joined by a dash: a range, which always reads from the lower number. */
const NUMBER_RANGE = /^(\d+)\s*[-–]\s*(\d+)$/;

/**
 * Some Arabic documents lay a range out right to left, "14-13" on the page for 13-14 December
 * (E/ESCWA/2017/EC.4/4, E/ESCWA/30/7); others left to right, "22-24" (E/ESCWA/30/8). The runs of
 * such a range come here in right-to-left order: a range that would read downwards left to right
 * was drawn right to left and stays in that order.
 */
function drawnRightToLeft(sequence: Piece[]): boolean {
  const range = NUMBER_RANGE.exec(
    sequence
      .map((piece) => piece.run.text)
      .reverse()
      .join(''),
  );
  return range !== null && Number(range[1]) > Number(range[2]);
}

/** Arabic combining marks (harakat, shadda, superscript alef). */
const MARK = '[\\u064B-\\u065F\\u0670]';
/** pdf.js puts a zero-width space before a mark drawn apart from its letter, inside one run. */
const SPACE_BEFORE_MARK = new RegExp(`\\s+(?=${MARK})`, 'g');
/**
 * "وفضل ا ًعما" for "وفضلاً عما": a mark drawn after a word's final alef, where pdf.js puts the
 * word space before the mark instead of after it; a mark glued to the next word's first letter
 * ends the word before.
 */
const MARK_AFTER_SPACE_AFTER_ALEF = new RegExp(`\u0627\\s+(${MARK}+)(?=\\p{L})`, 'gu');
/** A run cannot start with a mark: the mark (and the space pdf.js put after it) goes onto the first letter. */
const LEADING_MARKS = new RegExp(`^(${MARK}+)\\s*(\\p{L})`, 'u');
/**
 * A mark opening a run before punctuation has no letter to sit on: it was drawn for a letter of
 * another line (E/ESCWA/30/8 para 23, "الركيزة 4: …"), and the space pdf.js put after it is not the text's.
 */
const STRAY_LEADING_MARKS = new RegExp(`^${MARK}+\\s*(?=[^\\p{L}\\s])`, 'u');
const ONLY_MARKS = new RegExp(`^${MARK}+$`);

/** Where a document stores brackets as drawn, ")الإسكوا(" reads "(الإسكوا)". */
const MIRRORED: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{' };
const BRACKET = /[()[\]{}]/g;

function unmirror(text: string): string {
  return text.replace(BRACKET, (bracket) => MIRRORED[bracket]!);
}

/**
 * A run of a right-to-left line as read. A left-to-right run stays as drawn. pdf.js hands an
 * Arabic run over in logical order, with brackets as the document stores them (mirrored or not);
 * a run of punctuation alone (".(" at the end of "(القاهرة، 2017)." ) is in visual order and
 * takes the line's direction. Spaces beside combining marks are removed and leading marks put on
 * their letter.
 */
function logicalRtlRun(text: string, group: VisualGroup, mirrored: boolean): string {
  if (group.leftToRight) return text;
  const ordered = NEUTRAL_ONLY.test(text) ? [...text].reverse().join('') : text;
  return (mirrored ? unmirror(ordered) : ordered)
    .replace(MARK_AFTER_SPACE_AFTER_ALEF, '\u0627$1 ')
    .replace(SPACE_BEFORE_MARK, '')
    .replace(STRAY_LEADING_MARKS, '')
    .replace(LEADING_MARKS, '$2$1');
}

/**
 * How many times `pattern` (global, one character a match) matches `text`. Counted with `test`,
 * which builds no array of matches: this runs over every run of a document, twice.
 */
function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.test(text)) count++;
  return count;
}

/** "2-" opening a right-to-left line: an Arabic paragraph or item number. */
const ARABIC_LABEL = /^\d{1,3}-$/;

/**
 * A number label ("2-") and the Arabic word after it are two words, even where the text run is
 * drawn over the label (A/RES/217(III)-ar, article 16: "2-لا يبرم" with no gap on the page).
 */
function labelBeforeArabic(before: string, next: string): boolean {
  return ARABIC_LABEL.test(before) && RTL_CHAR.test(next.trimStart().charAt(0));
}

/** A paragraph or item number alone opening a line: "100.", "(a)", "IV.". */
const LINE_LABEL = /^(?:\d{1,3}\.|\([a-z]{1,3}\)|\(\d{1,3}\)|[IVXLC]{1,6}\.)$/;

/**
 * A label drawn as a run of its own and the word after it are two words, however tight the label's
 * set width (S/2025/272: "100." in bold ends 0.9 pt before "The judgments…", so that every
 * three-digit paragraph number was read glued to its text and lost).
 */
function labelBeforeWord(before: string, next: string): boolean {
  return LINE_LABEL.test(before) && /^\p{L}/u.test(next);
}

/** Chinese and Japanese text carries no spaces between characters. */
function joinsWithoutSpace(before: string, next: string): boolean {
  return CJK_CHAR.test(before.slice(-1)) && CJK_CHAR.test(next.charAt(0));
}

/**
 * Stage — find tables: body lines → the same lines, with each table's lines replaced by one line
 * that carries the table (its grid of cells), where the table stood in reading order.
 *
 * A table is found from the evidence every table has: lines drawn in pieces apart from each other
 * (spans), whose pieces line up in columns down several lines, and the rules drawn above, inside
 * and under it. Its columns are the gutters that stay empty down the table; its rows are bands of
 * lines between rules, wider line gaps or lines that open a new row (a number, a new stub). A
 * numbered paragraph, a table of contents or a list in two text columns is never a table.
 */
import { CONTENTS_LABEL, FIGURE_LABEL } from '../languages/index.js';
import type { ExtractedDocument, Line, PageLines, Rule, TableDraft, Typography } from '../model.js';
import { buildGrid, isNumeric, rowsSpaced, segmentsOf } from './tables/grid.js';

/** Lines further apart than this many line gaps never belong to one table. */
const REGION_GAP_RATIO = 2.6;
/** At most this many one-piece lines in a row inside a table (wrapped cells, section rows). */
const MAX_PLAIN_RUN = 10;
/** A table has at least this many lines drawn in several pieces. */
export const MIN_TABULAR_LINES = 2;
/** A rule this close above a table's first line (in line gaps) is its top border; its header lines lie below it. */
const BORDER_REACH_RATIO = 3.2;
/** A rule across less than this share of the table's width is a group heading's, not a border. */
const HEADER_RULE_SHARE = 0.6;
/** More than this share of a table's cells opening in small letters is prose, not a grid. */
const PROSE_SHARE = 0.3;
/** Dot leaders: a table-of-contents line. */
const DOT_LEADER = /(?:\.\s?){4,}|…{2,}/;
/** A paragraph number opening a body line: "12. ", "(a) " at the body's left margin. */
const NUMBERED_PARAGRAPH = /^\d{1,3}\.\s+\p{Lu}/u;

/** Finds the tables of every page. */
export function findTables(pages: PageLines[], mastheadLines: number, source: ExtractedDocument, typography: Typography): PageLines[] {
  let continuing = false;
  return pages.map((page) => {
    const skipped = page.number === 1 ? mastheadLines : 0;
    const rules = source.pages[page.number - 1]?.rules ?? [];
    const body = page.body.slice(skipped);
    const tables = isContentsPage(body) ? [] : tablesOfPage(body, rules, typography);
    // A table running on from the previous page takes the plain lines above its first tabular one
    // (a wrapped stub) where they stand at a row's spacing, not a caption's distance above it.
    const first = tables[0];
    if (
      continuing &&
      first &&
      first.start > 0 &&
      first.start <= MAX_PLAIN_RUN &&
      !body.slice(0, first.start).some((l) => opensParagraph(l, typography)) &&
      body.slice(1, first.start + 1).every((l, k) => l.y - body[k]!.y <= REGION_GAP_RATIO * lineGap(typography, l))
    ) {
      const table = buildGrid(body.slice(0, first.end), rules.filter(isHorizontal), typography);
      if (table && table.columns === first.table.columns) tables[0] = { start: 0, end: first.end, table };
    }
    continuing = tables.at(-1)?.end === body.length;
    if (tables.length === 0) return page;
    const noted = tables.map(({ start, end, table }, k) => {
      const limit = tables[k + 1]?.start ?? body.length;
      return { start, end, table, notes: notesUnder(body.slice(start, limit), end - start, typography) };
    });
    const tableNotes = noted.flatMap((found) => body.slice(found.end, found.end + found.notes));
    const replaced = replaceLines(
      body,
      noted.map(({ start, end, table, notes }) => ({ start, end: end + notes, table })),
    );
    return { ...page, body: [...page.body.slice(0, skipped), ...replaced], ...(tableNotes.length > 0 ? { tableNotes } : {}) };
  });
}

/**
 * The pages on which a table may be found, so the pages whose drawn rules are worth reading
 * (pdf.js reads a page's drawing in a second pass over its content, which about doubles the
 * page's cost). Every table grows from a candidate region (candidateRegions); rules only widen a
 * region, or make one of a single row of figures under a top rule (a "Variance" box). So a page
 * with no region found without rules, and no line that could open such a box, has no table
 * whatever its rules: exact, not a guess.
 */
export function pagesThatMayHoldTables(pages: PageLines[], mastheadLines: number, typography: Typography): number[] {
  return pages
    .filter((page) => {
      const body = page.body.slice(page.number === 1 ? mastheadLines : 0);
      if (isContentsPage(body)) return false;
      if (candidateRegions(body, [], typography).length > 0) return true;
      return body.some((line, k) => opensRegion(body, k, typography) && segmentsOf(line).some((s) => isNumeric(s.text)));
    })
    .map((page) => page.number);
}

/** A page of the contents list holds no table: its lines are entries (see structure/contents.ts). */
function isContentsPage(body: Line[]): boolean {
  return body.some((line) => CONTENTS_LABEL.test(line.text));
}

/** A table's note stands at most this many body line gaps under the table's last line, or under the note above. */
const TABLE_NOTE_REACH_RATIO = 3;
/** "a Representing…", "* Funded…", "1/ Including…": a table note's printed opening. */
const TABLE_NOTE_OPENING = /^(?:[a-z]|\*{1,3}|\d{1,2}\/)(?=\s+\p{L})/u;
/** A marker glued to the end of a cell's figure or date ("2024/25a", "1 234.5a", "(3.2)*"). */
export const GLUED_CELL_MARKER = /(?<=[\d)])(?:[a-z]|\*{1,3})$/;

/** A table note's opening marker, raised or printed, and how many characters of its text it takes. */
export function tableNoteOpening(line: Line): { marker: string; cut: number } | null {
  const raised = line.anchors.find((a) => a.kind === 'marker' && a.offset === 0);
  if (raised?.kind === 'marker') return /^\p{L}/u.test(line.text) ? { marker: raised.marker, cut: 0 } : null;
  const printed = TABLE_NOTE_OPENING.exec(line.text)?.[0];
  return printed === undefined ? null : { marker: printed.replace('/', ''), cut: printed.length };
}

/**
 * How many lines right under a table (the table's lines are `lines[0, end)`) are its notes: set
 * smaller than the body, close under it, each note opening with a marker that a cell of the table
 * carries (raised after its text, or glued to its figure), its wrapped lines after it at the
 * note's size. A note no cell calls stays text, where it would be a note nothing refers to.
 */
function notesUnder(lines: Line[], end: number, typography: Typography): number {
  const called = new Set(
    lines
      .slice(0, end)
      .flatMap(segmentsOf)
      .flatMap((segment) => [...(segment.markers ?? []), ...(GLUED_CELL_MARKER.exec(segment.text)?.[0] ?? [])]),
  );
  let stop = end;
  let noteSize: number | null = null;
  while (stop < lines.length) {
    const [previous, line] = [lines[stop - 1]!, lines[stop]!];
    const small = line.size < typography.bodySize - SMALL_TYPE;
    if (!small || line.y <= previous.y || line.y - previous.y > TABLE_NOTE_REACH_RATIO * typography.lineGap || isTabular(line)) break;
    const opening = tableNoteOpening(line);
    if (opening !== null && called.has(opening.marker)) noteSize = line.size;
    else {
      // A note's wrapped line: at the note's size, at a line's spacing, opening with no marker.
      const wraps =
        opening === null &&
        noteSize !== null &&
        Math.abs(line.size - noteSize) <= SAME_SIZE &&
        line.y - previous.y <= WRAP_GAP_RATIO * lineGap(typography, line);
      if (!wraps) break;
    }
    stop++;
  }
  return stop - end;
}

function isHorizontal(rule: Rule): boolean {
  return rule.x1 - rule.x0 > rule.y1 - rule.y0;
}

/** The lines with each table's lines replaced by one line that carries it. */
function replaceLines(lines: Line[], tables: { start: number; end: number; table: TableDraft }[]): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const { start, end, table } of tables) {
    out.push(...lines.slice(at, start));
    const first = lines[start]!;
    const text = table.rows.map((row) => row.map((cell) => cell.text).join(' | ')).join(' / ');
    out.push({ ...first, text, anchors: [], right: Math.max(...lines.slice(start, end).map((l) => l.right)), table });
    at = end;
  }
  out.push(...lines.slice(at));
  return out;
}

function tablesOfPage(lines: Line[], rules: Rule[], typography: Typography): { start: number; end: number; table: TableDraft }[] {
  const found: { start: number; end: number; table: TableDraft }[] = [];
  const horizontal = rules.filter(isHorizontal);
  for (const [start, end] of candidateRegions(lines, horizontal, typography)) {
    const region = lines.slice(start, end);
    const table = buildGrid(region, horizontal, typography);
    if (!table || !isDataTable(table, isRuled(region, horizontal, typography)) || underFigure(lines, start, typography)) continue;
    const title = titleAbove(lines, start, typography);
    found.push({ start, end, table: title === null ? table : { ...table, title } });
  }
  return found;
}

/** At most this many lines stand between a figure's caption and the labels of its chart. */
const FIGURE_REACH_LINES = 40;

/**
 * Lines under a figure's caption ("Figure 2.I"), with nothing between but the chart's labels, its
 * title and units (small type, another face, brackets): a chart's axis and data labels, no table.
 * A table caption or a paragraph of body text between them ends the figure.
 */
function underFigure(lines: Line[], start: number, typography: Typography): boolean {
  for (let k = start - 1; k >= Math.max(0, start - FIGURE_REACH_LINES); k--) {
    const line = lines[k]!;
    if (FIGURE_LABEL.test(line.text)) return true;
    if (TABLE_LABEL.test(line.text) || line.table) return false;
    const label = line.size < typography.bodySize - SMALL_TYPE || line.font !== typography.bodyFont || /^\(.*\)$/.test(line.text);
    if (!label) return false;
  }
  return false;
}

/** A table caption: "Table 2.1", "Tableau 3", "Cuadro 1" and the like. */
const TABLE_LABEL = /^(?:Table|Tableau|Cuadro|Таблица|الجدول|表)\s?\d/u;
/** A caption stands at most this many body line gaps above its table. */
const TITLE_REACH_RATIO = 2.6;

/**
 * The table's caption, kept in the text where it is printed too: the line above the table set
 * in another face than the body (the bold "Performance of financial resources"), after its
 * "Table 2.1" label where one is printed on the line before.
 */
function titleAbove(lines: Line[], start: number, typography: Typography): string | null {
  const first = lines[start];
  const above = lines[start - 1];
  if (!first || !above || first.y - above.y > TITLE_REACH_RATIO * typography.lineGap || above.table) return null;
  const label = lines[start - 2];
  if (TABLE_LABEL.test(above.text)) return above.text;
  if (above.font === typography.bodyFont && !/^\(.*\)$/.test(above.text)) return null;
  // A units line in brackets, "(Thousands of United States dollars)", stands between the caption and the table.
  if (/^\(.*\)$/.test(above.text))
    return label && label.font !== typography.bodyFont ? captionEndingAt(lines, start - 2, typography) : null;
  return label && TABLE_LABEL.test(label.text) && above.y - label.y <= TITLE_REACH_RATIO * typography.lineGap
    ? `${label.text} ${above.text}`
    : captionEndingAt(lines, start - 1, typography);
}

/** A caption wraps over at most this many lines. */
const CAPTION_MAX_LINES = 4;
/** A caption's wrapped lines stand at most this many line gaps apart. */
const CAPTION_WRAP_RATIO = 1.5;

/**
 * The caption whose last line is `end`, with the lines it wraps from above, set in its face and
 * size at a line's spacing (A/80/604/Add.1: "Budgetary impact and financial implications …" over
 * three lines).
 */
function captionEndingAt(lines: Line[], end: number, typography: Typography): string {
  const last = lines[end]!;
  let from = end;
  while (from > 0 && end - from < CAPTION_MAX_LINES - 1) {
    const [previous, line] = [lines[from - 1]!, lines[from]!];
    const wraps =
      !previous.table &&
      previous.font === last.font &&
      Math.abs(previous.size - last.size) <= SAME_SIZE &&
      line.y > previous.y &&
      line.y - previous.y <= CAPTION_WRAP_RATIO * lineGap(typography, line) &&
      !/[.:;]$/.test(previous.text) &&
      !LABEL.test(previous.text.split(' ')[0]!);
    if (!wraps) break;
    from--;
  }
  return lines
    .slice(from, end + 1)
    .map((l) => l.text)
    .join(' ');
}

/** A paragraph number, item label or heading number set apart by a tab: it opens a line, it is no column. */
export const LABEL = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|\(?[a-z]{1,4}\)|\(\d{1,2}\)|[IVXLC]{1,6}\.|[A-Z]\.|[•●▪◦–-])$/;

function isTabular(line: Line): boolean {
  if (line.rtl || DOT_LEADER.test(line.text)) return false;
  const segments = segmentsOf(line);
  return segments.length - (segments.length > 0 && LABEL.test(segments[0]!.text) ? 1 : 0) > 1;
}

function lineGap(typography: Typography, line: Line): number {
  return (typography.lineGap * line.size) / typography.bodySize;
}

/** Spans of lines [start, end) that may hold a table: tabular lines with few plain lines among them. */
function candidateRegions(lines: Line[], rules: Rule[], typography: Typography): [number, number][] {
  const regions: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (!opensRegion(lines, i, typography)) {
      i++;
      continue;
    }
    let end = i + 1;
    let lastTabular = i;
    let tabular = 1;
    while (end < lines.length && end - lastTabular <= MAX_PLAIN_RUN) {
      const [previous, line] = [lines[end - 1]!, lines[end]!];
      if (line.y <= previous.y || line.y - previous.y > REGION_GAP_RATIO * lineGap(typography, line) || line.column !== previous.column)
        break;
      if ((opensParagraph(line, typography) && !numberedRow(lines, end, typography)) || DOT_LEADER.test(line.text)) break;
      if (isTabular(line)) {
        lastTabular = end;
        tabular++;
      }
      end++;
    }
    const top = headerStart(lines, i, rules, typography, regions.at(-1)?.[1] ?? 0);
    // One row of figures under a ruled heading is a table too (a "Variance" box).
    const ruledBox = top < i && segmentsOf(lines[i]!).some((s) => isNumeric(s.text));
    const last = trailingLines(lines, i, lastTabular + 1, typography);
    if (tabular >= MIN_TABULAR_LINES || ruledBox) regions.push([top, withBottomRule(lines, last, rules, typography)]);
    i = Math.max(lastTabular + 1, i + 1);
  }
  return regions;
}

/** A region opens at a line drawn in pieces that is no numbered paragraph. */
function opensRegion(lines: Line[], k: number, typography: Typography): boolean {
  const line = lines[k]!;
  return isTabular(line) && !(opensParagraph(line, typography) && !numberedRow(lines, k, typography));
}

/** A line starting within this many points of a column's start is aligned with it. */
const ALIGNED = 1.5;

/** A table set this much smaller than the body tells its own lines from the body's by their size. */
const SMALL_TYPE = 0.6;
/** A line this many line gaps under the one above, or closer, goes on with its cell. */
const WRAP_GAP_RATIO = 1.15;
/** Sizes this close are one size. */
const SAME_SIZE = 0.3;
/** A table note's opening: its marker ("a ", "* ") or its label ("Note:", "Source :"). */
const NOTE_OPENING = /^(?:[a-z*]\s|\p{L}+\s?:)/u;

/**
 * Plain lines after the last tabular one that start where a later column of the table starts
 * (the timetable's closing "Allocution …" under its session): the table's last rows. In a table
 * set smaller than the body, a line in small type, no smaller than the table's, that starts in its stub is one too (a
 * section row, a text row across the table); and so is a line that wraps the stub of the last
 * row, at a cell's spacing and short of the next column. A table note is never a row.
 */
function trailingLines(lines: Line[], start: number, end: number, typography: Typography): number {
  const region = lines.slice(start, end);
  const left = Math.min(...region.map((line) => line.x));
  const size = Math.max(...region.map((line) => line.size));
  const starts = region.flatMap((line) => segmentsOf(line).map((segment) => segment.x)).filter((x) => x > left + ALIGNED);
  const small = size < typography.bodySize - SMALL_TYPE;
  // The stub: the first piece of every line, as far as the nearest later column.
  const stubEnd = Math.min(...starts, Math.max(...region.map((line) => segmentsOf(line)[0]?.right ?? line.x)));
  const inStub = (line: Line) => line.x >= left - ALIGNED && line.x < stubEnd;
  // A table note under the table, wherever it starts: its marker or label opens it.
  const opensNote = (line: Line) => NOTE_OPENING.test(line.text) || line.anchors.some((a) => a.kind === 'marker' && a.offset === 0);
  // A stub wrapped under the last row: at a cell's line spacing, and short of the next column, in a
  // table whose rows stand apart by wider gaps (else the next line at that spacing is the next row).
  const spaced = rowsSpaced(region, typography);
  const wrapsStub = (line: Line, previous: Line) =>
    spaced && line.y - previous.y <= WRAP_GAP_RATIO * lineGap(typography, line) && line.right <= stubEnd + ALIGNED;
  const ownRow = (line: Line, previous: Line) =>
    inStub(line) && ((small && line.size < typography.bodySize - SMALL_TYPE && line.size >= size - SAME_SIZE) || wrapsStub(line, previous));
  let stop = end;
  while (stop < lines.length) {
    const [previous, line] = [lines[stop - 1]!, lines[stop]!];
    if (line.y <= previous.y || line.y - previous.y > REGION_GAP_RATIO * lineGap(typography, line) || line.column !== previous.column)
      break;
    if (isTabular(line) || opensParagraph(line, typography) || opensNote(line)) break;
    if (ownRow(line, previous)) {
      stop++;
      continue;
    }
    if (line.size > size + SMALL_TYPE || !starts.some((x) => Math.abs(x - line.x) <= ALIGNED)) break;
    stop++;
  }
  return stop;
}

/** A paragraph numbered by its chapter ("2.52 These actions …"), its text at the body's left margin. */
const DECIMAL_PARAGRAPH = /^\d{1,2}\.\d{1,3}\s+\p{Lu}/u;

/** A numbered row lines up with a neighbouring line in at least this many cells after its number. */
const MIN_ALIGNED_CELLS = 2;

/**
 * A numbered line that is a table's row, not a paragraph: after its number it is drawn in several
 * cells, at least two of them starting where cells of the line above or below start (a calendar's
 * "89. | Human Rights Council, | … | Geneva | 5 E" under the wrapped cells of the row before).
 * A justified paragraph's spaced words line up with no such neighbour.
 */
function numberedRow(lines: Line[], k: number, typography: Typography): boolean {
  const line = lines[k]!;
  const [number, ...cells] = segmentsOf(line);
  // A number at the body's left margin opens a paragraph, whatever is drawn beside it (a box).
  if (!number || Math.abs(number.x - typography.leftMargin) <= ALIGNED || cells.length < MIN_ALIGNED_CELLS) return false;
  return [lines[k - 1], lines[k + 1]].some((neighbour) => {
    if (!neighbour || neighbour.page !== line.page || neighbour.column !== line.column) return false;
    const starts = segmentsOf(neighbour).map((segment) => segment.x);
    return cells.filter((cell) => starts.some((x) => Math.abs(x - cell.x) <= ALIGNED)).length >= MIN_ALIGNED_CELLS;
  });
}

/** A numbered body paragraph: set in the body size at the left margin, never a table's row. */
function opensParagraph(line: Line, typography: Typography): boolean {
  if (line.size < typography.bodySize - SMALL_TYPE) return false;
  if (NUMBERED_PARAGRAPH.test(line.text)) return true;
  // A table row may open with a decimal number too ("1.1 Military observers"): the paragraph's
  // text starts where the body's lines do, its number hanging in the margin before it.
  const text = segmentsOf(line)[1];
  return DECIMAL_PARAGRAPH.test(line.text) && text !== undefined && Math.abs(text.x - typography.leftMargin) <= ALIGNED;
}

/** Lines above the first tabular one that stand under the table's top rule: spanning headers ("Variance"). */
function headerStart(lines: Line[], first: number, rules: Rule[], typography: Typography, floor: number): number {
  const line = lines[first]!;
  const reach = BORDER_REACH_RATIO * lineGap(typography, line);
  const above = rules.filter((r) => r.y0 < line.y - line.size && r.y0 > line.y - reach && r.x0 < line.right && r.x1 > line.x);
  if (above.length === 0) return first;
  const top = Math.min(...above.map((r) => r.y0));
  let start = first;
  while (start - 1 >= floor && lines[start - 1]!.y > top && lines[start - 1]!.y < line.y) start--;
  // A group heading stands on a rule drawn under it across part of the table only ("Variance").
  const heading = lines[start - 1];
  const rule = above.find((r) => r.y0 === top)!;
  const partial = rule.x1 - rule.x0 < HEADER_RULE_SHARE * (line.right - line.x);
  if (heading && start - 1 >= floor && partial && heading.y > top - heading.size && heading.y < top) start--;
  return start;
}

/** Plain lines after the last tabular one, down to a rule under them: the table's last row. */
function withBottomRule(lines: Line[], end: number, rules: Rule[], typography: Typography): number {
  const last = lines[end - 1]!;
  const reach = BORDER_REACH_RATIO * lineGap(typography, last);
  let stop = end;
  while (stop < lines.length && lines[stop]!.y - last.y < reach && !isTabular(lines[stop]!)) stop++;
  for (let k = stop; k > end; k--) {
    const candidate = lines[k - 1]!;
    const under = rules.some(
      (r) => r.y0 > candidate.y && r.y0 < candidate.y + candidate.size * 1.5 && r.x0 < candidate.right && r.x1 > candidate.x,
    );
    if (under && !opensParagraph(candidate, typography)) return k;
  }
  return end;
}

/** A rule is drawn just above, inside or just under the lines. */
function isRuled(lines: Line[], rules: Rule[], typography: Typography): boolean {
  const reach = BORDER_REACH_RATIO * lineGap(typography, lines[0]!);
  const top = lines[0]!.y - reach;
  const bottom = lines.at(-1)!.y + reach;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  // Two rules at least across most of the lines' width, at different heights: a frame, not a
  // name's underline, a heading's rule or a page's border.
  const across = (r: Rule) =>
    r.y0 > top && r.y0 < bottom && Math.min(r.x1, right) - Math.max(r.x0, left) >= HEADER_RULE_SHARE * (right - left);
  const heights = new Set(
    mergedRules(rules)
      .filter(across)
      .map((r) => Math.round(r.y0)),
  );
  return heights.size >= 2;
}

/** Pieces of one rule may leave this many points between them (at a cell border). */
const RULE_JOIN_GAP = 3;

/** Rules drawn in pieces on one height (a Word table's border, cell by cell) as one rule. */
function mergedRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => Math.round(a.y0) - Math.round(b.y0) || a.x0 - b.x0);
  const merged: Rule[] = [];
  for (const rule of sorted) {
    const last = merged.at(-1);
    if (last && Math.round(last.y0) === Math.round(rule.y0) && rule.x0 <= last.x1 + RULE_JOIN_GAP)
      merged[merged.length - 1] = { ...last, x1: Math.max(last.x1, rule.x1) };
    else merged.push(rule);
  }
  return merged;
}

/**
 * A grid of data, not a list laid out in two text columns, nor a contents list (its last column
 * ascending page numbers): two columns of text only are a table where rules are drawn.
 */
function isDataTable(table: TableDraft, ruled: boolean): boolean {
  const body = table.rows.slice(table.headerRows);
  if (table.columns < 2 || table.rows.length < 2) return false;
  const last = body.map((row) => row.find((cell) => cell.column + (cell.colspan ?? 1) === table.columns)?.text ?? '').filter(Boolean);
  // A page number, or a range of paragraphs ("61 - 69"): its first number counts.
  const pages = last.map((text) => (/^\d{1,3}(?:\s?[-–]\s?\d{1,3})?$/.test(text) ? Number.parseInt(text, 10) : NaN));
  if (pages.length >= 3 && pages.every((n, k) => !Number.isNaN(n) && (k === 0 || n >= pages[k - 1]!))) return false;
  const cells = body.flatMap((row) => row.filter((cell) => cell.column > 0));
  const numeric = cells.filter((cell) => isNumeric(cell.text)).length;
  if (table.columns === 2 && !ruled && numeric * 4 < cells.length) return false;
  // Text only, without rules: a justified paragraph whose word gaps happened to line up.
  const anyFigure = table.rows.some((row) => row.some((cell) => /\d/.test(cell.text)));
  // Cells that open in small letters go on with a sentence: prose whose word gaps line up.
  const filled = table.rows.flat().filter((cell) => cell.text !== '');
  if (filled.filter((cell) => /^\p{Ll}/u.test(cell.text)).length > PROSE_SHARE * filled.length) return false;
  if (!ruled && !anyFigure) return false;
  return true;
}

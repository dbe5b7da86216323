/**
 * A table's grid from its lines: columns from the gutters that stay empty down the lines, rows
 * from rules, line gaps and the lines that open a row, header rows from the rule under them, and
 * group headings spanning the columns their rule spans ("Variance" over Amount | Percentage).
 */
import type { DraftCell, Line, MarkerAnchor, Rule, SpanAnchor, TableDraft, Typography } from '../../model.js';
import { addPiece } from './cell-boxes.js';

export type { DraftCell, TableDraft };

/** A piece of a line drawn apart: its text and extent. */
export interface Segment {
  text: string;
  x: number;
  right: number;
  /** Note markers raised right after the piece's text ("Temporary positions" + raised "a"). */
  markers?: string[];
}

/** A gutter narrower than this many font sizes is a word space, not a column gap. */
const MIN_GUTTER_RATIO = 0.3;
/** Up to this share of the lines may cross a gutter (a long cell running into the next column). */
const GUTTER_CROSSING_SHARE = 0.25;
/** A line gap wider than this many times the document's line spacing (at the table's size) opens a new row. */
const ROW_GAP_FACTOR = 1.3;
/** A piece running this many font sizes into the next column spans it (less is a long word overhanging). */
const SPAN_OVERHANG_RATIO = 2;
/** A header rule covers at least this share of the table's width. */
const HEADER_RULE_SHARE = 0.6;
/** At most this many rows are headers. */
const MAX_HEADER_ROWS = 4;
/** At most this many lines above the header rule are headings. */
const MAX_HEADER_LINES = 8;
/** Figures as printed in tables: "37 339.0", "(11 103.5)", "–", "25.6%", "$2 912.8". */
const NUMERIC = /^[-–—(]?[$€£]?\d[\d\s,.]*%?\)?$|^[-–—]$/;

export function isNumeric(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/** The line's pieces drawn apart, in order (one piece for a line drawn in one). */
export function segmentsOf(line: Line): Segment[] {
  const spans = line.anchors.filter((a): a is SpanAnchor => a.kind === 'span');
  const raised = line.anchors.filter((a): a is MarkerAnchor => a.kind === 'marker');
  return spans
    .map((span, k) => {
      const end = spans[k + 1]?.offset ?? line.text.length;
      // A marker belongs to the piece it follows: it stands after the piece's start, up to where the next begins.
      const markers = raised.filter((m) => m.offset > span.offset && m.offset <= end).map((m) => m.marker);
      return {
        text: line.text.slice(span.offset, end).trim(),
        x: span.x,
        right: span.right,
        ...(markers.length > 0 ? { markers } : {}),
      };
    })
    .filter((segment) => segment.text !== '');
}

/** The grid of the lines, or null where no two columns are found. */
export function buildGrid(lines: Line[], rules: Rule[], typography: Typography): TableDraft | null {
  const segments = lines.map(segmentsOf);
  const columns = findColumns(segments, typography);
  if (columns.length < 2) return null;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const headerLines = headerLineCount(lines, rules, left, right);
  const pieces = lines.map((line, k) => ({ line, segments: segments[k]! }));
  const header = headerLines > 0 ? headerGrid(pieces.slice(0, headerLines), columns, rules) : [];
  const body = lines.slice(headerLines);
  const bands = body.length > 0 ? rowBands(body, segments.slice(headerLines), columns, rules, typography) : [];
  const rows = [
    ...header,
    ...bands.map((band) =>
      fillRow(
        rowCells(
          band.map((k) => pieces[headerLines + k]!),
          columns,
          rules,
        ),
        columns.length,
      ),
    ),
  ];
  return { columns: columns.length, headerRows: header.length, rows, pages: [...new Set(lines.map((l) => l.page))] };
}

/** The columns' extents: x-ranges covered by the pieces of lines drawn in several, between gutters. */
function findColumns(segments: Segment[][], typography: Typography): { x0: number; x1: number }[] {
  const multi = segments.filter((s) => s.length > 1);
  if (multi.length === 0) return [];
  const tolerance = Math.floor(GUTTER_CROSSING_SHARE * multi.length);
  const edges = multi.flat().flatMap((s) => [
    { x: s.x, delta: 1 },
    { x: s.right, delta: -1 },
  ]);
  edges.sort((a, b) => a.x - b.x || a.delta - b.delta);
  const columns: { x0: number; x1: number }[] = [];
  let depth = 0;
  let open: number | undefined;
  let closedAt = -Infinity;
  const minGutter = MIN_GUTTER_RATIO * typography.bodySize;
  for (const edge of edges) {
    depth += edge.delta;
    if (depth > tolerance && open === undefined) {
      // A gutter too narrow to separate columns: the previous column goes on.
      const last = columns.at(-1);
      if (last && edge.x - closedAt < minGutter) open = columns.pop()!.x0;
      else open = edge.x;
    } else if (depth <= tolerance && open !== undefined) {
      columns.push({ x0: open, x1: edge.x });
      closedAt = edge.x;
      open = undefined;
    }
  }
  return columns;
}

/** The column a piece starts in, and how many it spans. */
function placeSegment(segment: Segment, columns: { x0: number; x1: number }[], size = 0): { column: number; span: number } {
  let column = columns.findIndex((c) => segment.x < c.x1);
  if (column < 0) column = columns.length - 1;
  let end = column;
  while (end + 1 < columns.length) {
    const next = columns[end + 1]!;
    if (segment.right <= next.x0 + SPAN_OVERHANG_RATIO * size) break;
    end++;
  }
  return { column, span: end - column + 1 };
}

function ruleBetween(rules: Rule[], above: Line, below: Line): boolean {
  return rules.some((r) => r.y0 > above.y && r.y0 < below.y - below.size * 0.6 && r.x0 < below.right && r.x1 > below.x);
}

/** Lines grouped in rows: a rule, a wider gap or a line that opens a row starts one. */
function rowBands(
  lines: Line[],
  segments: Segment[][],
  columns: { x0: number; x1: number }[],
  rules: Rule[],
  typography: Typography,
): number[][] {
  const bands: number[][] = [[0]];
  // The document's line spacing at the table's size: lines of one cell stand that far apart.
  const wide = (k: number) => widerThanLines(lines[k - 1]!, lines[k]!, typography);
  const spaced = rowsSpaced(lines, typography);
  for (let k = 1; k < lines.length; k++) {
    const [line, previous, band] = [lines[k]!, lines[k - 1]!, bands.at(-1)!];
    const opens =
      ruleBetween(rules, previous, line) ||
      wide(k) ||
      (spaced
        ? collides(segments[k]!, band, segments, columns)
        : opensRow(
            segments[k]!,
            segments[k - 1]!,
            columns,
            band.some((j) => segments[j]!.some((x) => isNumeric(x.text))),
          ));
    if (opens) bands.push([k]);
    else band.push(k);
  }
  return bands;
}

/** A table whose rows stand apart by wider gaps has at least this many of them... */
const MIN_ROW_GAPS = 2;
/** ...making at least this share of its line gaps. */
const ROW_GAP_SHARE = 0.2;

/**
 * Rows set apart by wider gaps than the lines inside a cell (a Word table's cell padding): there,
 * the gap is the evidence and a line at the usual spacing goes on with its row, however it opens.
 */
export function rowsSpaced(lines: Line[], typography: Typography): boolean {
  const wideGaps = lines.slice(1).map((line, k) => widerThanLines(lines[k]!, line, typography));
  const count = wideGaps.filter(Boolean).length;
  return count >= MIN_ROW_GAPS && count >= ROW_GAP_SHARE * wideGaps.length && count < wideGaps.length;
}

/** The gap between the lines is wider than the document's line spacing (at their size) allows inside a cell. */
function widerThanLines(above: Line, line: Line, typography: Typography): boolean {
  return line.y - above.y > (ROW_GAP_FACTOR * typography.lineGap * line.size) / typography.bodySize;
}

/** A figure in a column where the row already holds one: the next value line, a row of its own. */
function collides(segments: Segment[], band: number[], all: Segment[][], columns: { x0: number; x1: number }[]): boolean {
  const taken = new Set(band.flatMap((j) => all[j]!.filter((s) => isNumeric(s.text)).map((s) => placeSegment(s, columns).column)));
  return segments.some((s) => isNumeric(s.text) && taken.has(placeSegment(s, columns).column));
}

/**
 * At the usual line spacing a line goes on with the row above when it holds no figure and either
 * starts in small letters or leaves the first column empty under a row that has it (a wrapped cell).
 */
function opensRow(segments: Segment[], above: Segment[], columns: { x0: number; x1: number }[], bandHasFigures: boolean): boolean {
  const first = segments[0];
  if (!first) return false;
  // "Military and police" / "personnel   41 945.0 …": a stub wrapped to the line its figures stand on.
  if (!bandHasFigures && /^\p{Ll}/u.test(first.text)) return false;
  if (segments.some((s) => isNumeric(s.text))) return true;
  if (/^\p{Ll}/u.test(first.text)) return false;
  const startsFirstColumn = placeSegment(first, columns).column === 0;
  const aboveFirstColumn = above[0] !== undefined && placeSegment(above[0], columns).column === 0;
  return startsFirstColumn || !aboveFirstColumn;
}

/** The lines above the first rule that runs across most of the table inside it are its headings. */
function headerLineCount(lines: Line[], rules: Rule[], left: number, right: number): number {
  const width = right - left;
  for (let k = 1; k < Math.min(lines.length, MAX_HEADER_LINES + 1); k++) {
    const [above, below] = [lines[k - 1]!, lines[k]!];
    const covered = rules
      .filter((rule) => rule.y0 > above.y && rule.y0 < below.y - below.size * 0.6)
      .reduce((sum, rule) => sum + Math.max(0, Math.min(rule.x1, right) - Math.max(rule.x0, left)), 0);
    if (covered >= HEADER_RULE_SHARE * width) return k;
  }
  return 0;
}

type Columns = { x0: number; x1: number }[];

/**
 * The header rows: a heading's lines are one cell, and a rule drawn across some columns inside
 * the header (under "Variance") starts a header row there; a heading with no rule under it in
 * its column fills the header's height ("Category" beside "Variance" over "Amount | Percentage").
 */
function headerGrid(band: { line: Line; segments: Segment[] }[], columns: Columns, rules: Rule[]): DraftCell[][] {
  const top = band[0]!.line;
  const levelOf = (line: Line, column: number) =>
    new Set(
      rules
        .filter((r) => r.y0 > top.y && r.y0 < line.y - line.size * 0.6 && r.x0 < columns[column]!.x1 && r.x1 > columns[column]!.x0)
        .map((r) => Math.round(r.y0)),
    ).size;
  const levels: DraftCell[][] = [];
  for (const { line, segments } of band) {
    const placements = segments.map((segment) => placeSegment(segment, columns, line.size));
    for (const [k, segment] of segments.entries()) {
      const placed = placements[k]!;
      const level = Math.min(levelOf(line, placed.column), MAX_HEADER_ROWS - 1);
      const cells = (levels[level] ??= []);
      const host = cells.find((c) => c.column <= placed.column && placed.column < c.column + (c.colspan ?? 1));
      if (host) {
        host.text = joinLines(host.text, segment.text);
        addPiece(host, segment, line);
        continue;
      }
      const room = (placements[k + 1]?.column ?? columns.length) - placed.column;
      const span = Math.min(Math.max(placed.span, ruledSpan(segment, line, columns, rules, placed.column)), Math.max(1, room));
      const cell: DraftCell = { text: segment.text, column: placed.column, header: true, ...(span > 1 ? { colspan: span } : {}) };
      addPiece(cell, segment, line);
      cells.push(cell);
    }
  }
  return layHeader(levels, columns.length);
}

/** The header levels laid out as rows, each cell given the rows below it that hold nothing in its columns. */
function layHeader(levels: DraftCell[][], width: number): DraftCell[][] {
  const height = levels.length;
  const covered = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  const rows: DraftCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: DraftCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[r]![c]) continue;
      const cell = (levels[r] ?? []).find((x) => x.column === c) ?? { text: '', column: c, header: true as const };
      const span = cell.colspan ?? 1;
      let depth = 1;
      while (r + depth < height && !(levels[r + depth] ?? []).some((x) => x.column < c + span && x.column + (x.colspan ?? 1) > c)) depth++;
      if (depth > 1 && cell.text !== '') cell.rowspan = depth;
      const rowsCovered = cell.text !== '' ? depth : 1;
      for (let dr = 0; dr < rowsCovered; dr++) for (let dc = 0; dc < span; dc++) if (c + dc < width) covered[r + dr]![c + dc] = true;
      row.push(cell);
      c += span - 1;
    }
    rows.push(row);
  }
  return rows;
}

/** The cells of one row, from its lines: each piece joins the cell of the column it starts in. */
function rowCells(band: { line: Line; segments: Segment[] }[], columns: { x0: number; x1: number }[], rules: Rule[]): DraftCell[] {
  const cells = new Map<number, DraftCell>();
  for (const { line, segments } of band) {
    const placements = segments.map((segment) => placeSegment(segment, columns, line.size));
    for (const [k, segment] of segments.entries()) {
      const placed = placements[k]!;
      // A piece spans no further than where the next piece of its line starts.
      const room = (placements[k + 1]?.column ?? columns.length) - placed.column;
      // A piece under a spanning cell of this row goes on with it.
      const host = [...cells.values()].find((c) => c.column <= placed.column && placed.column < c.column + (c.colspan ?? 1));
      if (host) {
        host.text = joinLines(host.text, segment.text);
        addPiece(host, segment, line);
        continue;
      }
      const span = Math.min(Math.max(placed.span, ruledSpan(segment, line, columns, rules, placed.column)), Math.max(1, room));
      const cell: DraftCell = { text: segment.text, column: placed.column };
      addPiece(cell, segment, line);
      if (span > 1) cell.colspan = Math.min(span, columns.length - placed.column);
      cells.set(placed.column, cell);
    }
  }
  const row = [...cells.values()].sort((a, b) => a.column - b.column);
  // A piece running over into the next columns with nothing to its right runs across the rest of
  // the table ("Consultation, advice and advocacy: …" under its section row), its line ending short.
  const last = row.at(-1);
  if (last && (last.colspan ?? 1) > 1) last.colspan = columns.length - last.column;
  return row;
}

/** A heading with a rule drawn right under it spans the columns the rule covers. */
function ruledSpan(segment: Segment, line: Line, columns: { x0: number; x1: number }[], rules: Rule[], column: number): number {
  const rule = rules.find((r) => r.y0 > line.y && r.y0 < line.y + line.size && r.x0 <= segment.x && r.x1 >= segment.right);
  if (!rule) return 1;
  let end = column;
  while (end + 1 < columns.length && columns[end + 1]!.x1 <= rule.x1 + line.size) end++;
  return end - column + 1;
}

/** Joins a cell's lines: with no space after a line-final hyphen, slash or en dash. */
export function joinLines(text: string, next: string): string {
  if (text === '') return next;
  return /[-/–]$/.test(text) ? text + next : `${text} ${next}`;
}

/** The row with empty cells where no cell stands, so that every cell takes its own column. */
function fillRow(cells: DraftCell[], width: number): DraftCell[] {
  const row: DraftCell[] = [];
  let column = 0;
  for (const cell of cells) {
    for (; column < cell.column; column++) row.push({ text: '', column });
    row.push(cell);
    column = cell.column + (cell.colspan ?? 1);
  }
  for (; column < width; column++) row.push({ text: '', column });
  return row;
}

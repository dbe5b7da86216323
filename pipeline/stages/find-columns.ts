/**
 * Stage — find columns: pages set in two columns (A/56/509, 2001) get their reading order, the
 * left column before the right one, with full-width parts (a title, a heading across both) kept in
 * place above and below.
 *
 * Evidence that holds for any such page: a vertical gutter near the middle of the page that no run
 * crosses over a stretch of rows, with prose on both sides of it — lines that fill their column
 * and have no tab-stop gaps inside, which is what tells two columns of text from a table whose
 * columns are separated by gaps too; and paragraphs that start independently in each column, where
 * the cells of a two-column table (a request beside the action taken on it) start together, row
 * by row. Every run of such a page is given the ordinal of its region
 * in reading order; pages without columns are left untouched.
 */
import type { ExtractedDocument, Page, Region, TextRun } from '../model.js';

/** The gutter lies in this middle part of the page width. */
const GUTTER_SEARCH_FROM = 0.3;
const GUTTER_SEARCH_TO = 0.7;
/** A gutter is at least this many font sizes wide: wider than any gap between words. */
const GUTTER_MIN_RATIO = 1;
/** Runs whose baselines differ by less than this share a row (fraction of the font size). */
const ROW_TOLERANCE = 0.25;
/** Each column holds at least this many rows. */
const MIN_COLUMN_ROWS = 4;
/** A prose row spans at least this share of its column's width… */
const FULL_ROW_SHARE = 0.75;
/** …and most rows of a column of prose are full: at least this share of them. */
const PROSE_ROW_SHARE = 0.5;
/** A gap this many font sizes wide inside a row is a tab stop or a table gutter, not a word space. */
const TAB_GAP_RATIO = 1.8;
/** A column is at least this share of the width of the text on the page. */
const MIN_COLUMN_SHARE = 0.3;
/** A gap this many times the usual row spacing of a side starts a new paragraph (or table cell) there. */
const PARAGRAPH_GAP_RATIO = 1.5;
/** Where at least this share of one side's paragraph starts have a start beside them on the other side, the sides are table cells. */
const ALIGNED_START_SHARE = 0.6;
/** Where more than this share of a page's runs cross every position of the middle, there is no gutter. */
const MAX_CROSSING_SHARE = 0.2;

interface Row {
  y: number;
  runs: TextRun[];
}

export function findColumns(document: ExtractedDocument): ExtractedDocument {
  const pages = document.pages.map(orderColumns);
  return pages.every((page, index) => page === document.pages[index]) ? document : { ...document, pages };
}

function orderColumns(page: Page): Page {
  const runs = page.runs.filter((run) => run.text.trim() !== '' && run.dir !== 'ttb');
  if (runs.length === 0) return page;
  const size = medianSize(runs);
  const gutter = findGutter(page, runs, size);
  if (gutter === null) return page;
  const rows = rowsOf(runs);
  const sections = splitSections(rows, gutter);
  const regions: Region[] = [];
  const regionOf = new Map<TextRun, number>();
  const textLeft = least(runs.map((run) => run.x));
  const textRight = most(runs.map((run) => run.x + run.width));
  const addRegion = (members: TextRun[]) => {
    if (members.length === 0) return;
    const index = regions.length;
    regions.push(boxOf(members));
    for (const run of members) regionOf.set(run, index);
  };
  let columnsFound = false;
  for (const section of sections) {
    const sides = section.columns ? sidesOf(section.rows, gutter) : null;
    const columns =
      sides !== null && isProseColumn(sides.left, size, textRight - textLeft) && isProseColumn(sides.right, size, textRight - textLeft);
    if (sides && columns && !startsRowByRow(sides, size)) {
      addRegion(sides.left.flatMap((row) => row.runs));
      addRegion(sides.right.flatMap((row) => row.runs));
      columnsFound = true;
    } else addRegion(section.rows.flatMap((row) => row.runs));
  }
  if (!columnsFound) return page;
  // Runs left out above (blank or vertical ones) join the region of the nearest run before them.
  let last = 0;
  const tagged = page.runs.map((run) => {
    last = regionOf.get(run) ?? last;
    return { ...run, region: last };
  });
  return { ...page, runs: tagged, regions };
}

/** The widest x-interval in the middle of the page that the fewest runs cross (none, for a gutter). */
function findGutter(page: Page, runs: TextRun[], size: number): { from: number; to: number } | null {
  const minWidth = GUTTER_MIN_RATIO * size;
  const from = GUTTER_SEARCH_FROM * page.width;
  const to = GUTTER_SEARCH_TO * page.width;
  // The x positions free of runs across the whole page rarely exist (titles cross), so count
  // crossings per position and keep the least-crossed positions as the gutter candidate.
  const step = 1;
  const crossings: number[] = [];
  for (let x = from; x <= to; x += step) {
    let crossing = 0;
    for (const run of runs) if (run.x < x && run.x + run.width > x) crossing++;
    crossings.push(crossing);
  }
  const fewest = least(crossings);
  if (fewest > MAX_CROSSING_SHARE * runs.length) return null;
  let best: { from: number; to: number } | null = null;
  for (let i = 0; i < crossings.length;) {
    if (crossings[i] !== fewest) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < crossings.length && crossings[j + 1] === fewest) j++;
    const candidate = { from: from + i * step, to: from + j * step };
    if (candidate.to - candidate.from >= minWidth && (!best || candidate.to - candidate.from > best.to - best.from)) best = candidate;
    i = j + 1;
  }
  return best;
}

/** Runs grouped by baseline, top down. */
function rowsOf(runs: TextRun[]): Row[] {
  const rows: Row[] = [];
  for (const run of [...runs].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= ROW_TOLERANCE * run.size) row.runs.push(run);
    else rows.push({ y: run.y, runs: [run] });
  }
  return rows;
}

/** Consecutive rows that no run crosses the gutter in are a section that may be two columns; the others are full width. */
function splitSections(rows: Row[], gutter: { from: number; to: number }): { rows: Row[]; columns: boolean }[] {
  const sections: { rows: Row[]; columns: boolean }[] = [];
  for (const row of rows) {
    const columns = !row.runs.some((run) => run.x < gutter.to && run.x + run.width > gutter.from);
    const section = sections.at(-1);
    if (section && section.columns === columns) section.rows.push(row);
    else sections.push({ rows: [row], columns });
  }
  return sections;
}

function sidesOf(rows: Row[], gutter: { from: number; to: number }): { left: Row[]; right: Row[] } {
  const side = (keep: (run: TextRun) => boolean) =>
    rows.map((row) => ({ y: row.y, runs: row.runs.filter(keep) })).filter((row) => row.runs.length > 0);
  return { left: side((run) => run.x + run.width <= gutter.from), right: side((run) => run.x >= gutter.to) };
}

/** Rows that fill the column and have no tab-stop gap inside (after a leading paragraph number or label). */
function isProseColumn(rows: Row[], size: number, textWidth: number): boolean {
  if (rows.length < MIN_COLUMN_ROWS) return false;
  const left = least(rows.map((row) => least(row.runs.map((run) => run.x))));
  const right = most(rows.map((row) => most(row.runs.map((run) => run.x + run.width))));
  const width = right - left;
  if (width < MIN_COLUMN_SHARE * textWidth) return false;
  const full = rows.filter((row) => {
    const runs = [...row.runs].sort((a, b) => a.x - b.x);
    const extent = runs.at(-1)!.x + runs.at(-1)!.width - runs[0]!.x;
    const gaps = runs.slice(1).map((run, i) => run.x - (runs[i]!.x + runs[i]!.width));
    // A paragraph number or label stands before a tab: the first gap may be wide.
    const tabbed = gaps.slice(runs[0]!.text.trim().length <= 4 ? 1 : 0).some((gap) => gap > TAB_GAP_RATIO * size);
    return extent >= FULL_ROW_SHARE * width && !tabbed;
  });
  return full.length >= PROSE_ROW_SHARE * rows.length;
}

/** The baselines where a side's paragraphs start: its first row, and each row after a wide gap. */
function paragraphStarts(rows: Row[]): number[] {
  const gaps = rows
    .slice(1)
    .map((row, i) => row.y - rows[i]!.y)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return rows.filter((row, i) => i === 0 || row.y - rows[i - 1]!.y > PARAGRAPH_GAP_RATIO * usual).map((row) => row.y);
}

/** The paragraphs of both sides start together: table rows, not columns of running text. */
function startsRowByRow(sides: { left: Row[]; right: Row[] }, size: number): boolean {
  const left = paragraphStarts(sides.left).slice(1);
  const right = paragraphStarts(sides.right);
  if (left.length === 0) return false;
  const beside = left.filter((y) => right.some((other) => Math.abs(other - y) <= ROW_TOLERANCE * size)).length;
  return beside >= ALIGNED_START_SHARE * left.length;
}

function boxOf(runs: TextRun[]): Region {
  return {
    left: least(runs.map((run) => run.x)),
    right: most(runs.map((run) => run.x + run.width)),
    top: least(runs.map((run) => run.y - run.size)),
    bottom: most(runs.map((run) => run.y)),
  };
}

function medianSize(runs: TextRun[]): number {
  const sizes = runs.map((run) => run.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)]!;
}

/** The smallest and largest of many values: a spread into Math.min would overflow the stack on a page of 200,000 runs. */
function least(values: readonly number[]): number {
  return values.reduce((a, b) => (b < a ? b : a), Infinity);
}

function most(values: readonly number[]): number {
  return values.reduce((a, b) => (b > a ? b : a), -Infinity);
}

/**
 * Stage — strip running furniture: the symbol header, page numbers, job numbers, the page-1 job
 * line and barcode text, `n/N` labels, `English / Page 2` and `/...` marks.
 *
 * A line is furniture when it sits in the top or bottom band of its page and either matches one of
 * the UN furniture patterns, is marked as an artifact in a tagged PDF, or repeats (digits aside) in
 * the same band on many pages. Nothing is cut by a fixed crop alone: a body line in the band that
 * matches nothing stays. Everything removed is kept in `furniture` for audit.
 */
import { PAGE_WORDS } from '../languages/index.js';
import { cellsOf, markersOf } from '../text/line-anchors.js';
import type { Furniture, FurnitureKind, Line, LinesPage, Reporter, StrippedPages } from '../model.js';
import { provenanceOf } from '../provenance.js';
import { isRaisedMarkerBeside } from './split-notes.js';

/** Running heads sit in the top 11% of the page, footers in the bottom 11.5%. */
const TOP_BAND = 0.11;
const BOTTOM_BAND = 0.885;
/** A text repeated in a band on this share of the pages (and at least twice) is running furniture. */
const REPEAT_SHARE = 0.3;

export const JOB_NUMBER = /(?<![\w/.-])(?:GE\.)?\d{2}-\d{5}(?![\w/-])/;
const PAGE_NUMBER = new RegExp(`^(?:(?:${PAGE_WORDS})\\s*)?[-–]?\\s*\\d{1,4}\\s*[-–]?$`, 'i');
const PAGE_OF_PAGES = /^\d{1,4}\s*\/\s*\d{1,4}$/;
const BARCODE = /^\*\s?[\dA-Z]{6,}\s?\*$/;
const CONTINUATION = /^\/\s?\.\.\.$|^\.\.\.\/$/;
/** `06-44787 (F)  010806  020806` and `GE.25-05795 (E) 170425 170425`, optionally with a page number. */
const JOB_LINE =
  /^(?:\d{1,4}\s+)?(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,4}(?:\s*\/\s*\d{1,4})?)?(?:\s*\/\.\.\.)?\s*(?:\*\s?[\dA-Z]{6,}\s?\*)?$/;
/** A short line that is nothing but a document symbol (the running head). */
const SYMBOL_ONLY = /^[A-Z]{1,10}(?:\.\d+)?\/[A-Za-z0-9.()\-–/ *]+$/;

/**
 * Templates with deep margins set the running head lower (UNDP/UNFPA/UNOPS Executive Board papers:
 * "DP/FPA/2025/7" at 11.5% of the page): the first or last line of a page stands in the band this
 * far in, when white space of at least a line of its own size sets it apart from the text (lines
 * of running text leave about a fifth of their size between them). A table row is never one: a
 * table continued on the next page repeats its header row there (A/79/847).
 */
const EDGE_TOP_BAND = 0.16;
const EDGE_BOTTOM_BAND = 0.84;
const EDGE_GAP_RATIO = 1;

type Band = 'top' | 'bottom';

/** The band each line of a page stands in, if any: by its place on the page, or as the page's set-apart edge line. */
function bandsOf(page: LinesPage): (Band | null)[] {
  const bands = page.lines.map((line): Band | null =>
    line.y < TOP_BAND * page.height ? 'top' : line.y > BOTTOM_BAND * page.height ? 'bottom' : null,
  );
  const ys = [...new Set(page.lines.map((line) => line.y))].sort((a, b) => a - b);
  /** The line on baseline `y` is an edge line when the white space to its neighbour's baseline is wide enough. */
  const edge = (y: number, neighbour: number | undefined, band: Band) => {
    const index = page.lines.findIndex((line) => line.y === y);
    if ((cellsOf(page.lines[index]!)?.length ?? 0) > 1) return;
    const [upper, lower] = band === 'top' ? [y, neighbour] : [neighbour, y];
    const size = (at: number | undefined) => page.lines.find((line) => line.y === at)!.size;
    if (upper === undefined || lower === undefined || lower - size(lower) - upper >= EDGE_GAP_RATIO * size(upper)) bands[index] ??= band;
  };
  if (ys.length > 0) {
    if (ys[0]! < EDGE_TOP_BAND * page.height) edge(ys[0]!, ys[1], 'top');
    if (ys.at(-1)! > EDGE_BOTTOM_BAND * page.height) edge(ys.at(-1)!, ys.at(-2), 'bottom');
  }
  return bands;
}

/** Digits vary from page to page in running furniture (page numbers); the rest repeats. */
function repetitionKey(band: Band, text: string): string {
  return `${band}|${text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
}

/**
 * The page-1 barcode with the recycling mark printed beside it as text ("*4807711* Please
 * recycle", a cell apart): a line whose first cell is the barcode is the barcode's, whatever the
 * language of the words beside it.
 */
function opensWithBarcode(line: Line): boolean {
  const first = cellsOf(line)?.[0];
  return first !== undefined && BARCODE.test(first);
}

function patternKind(text: string): FurnitureKind | null {
  if (BARCODE.test(text)) return 'barcode';
  if (JOB_LINE.test(text)) return 'job-number';
  if (PAGE_NUMBER.test(text) || PAGE_OF_PAGES.test(text)) return 'page-number';
  if (CONTINUATION.test(text)) return 'continuation';
  return null;
}

export function stripFurniture(pages: LinesPage[], reporter: Reporter): StrippedPages {
  // Which band each line stands in, decided once per page for the three passes below.
  const bandsByPage = pages.map(bandsOf);
  const counts = repetitionCounts(pages, bandsByPage);
  const repeatThreshold = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  const ownSymbols = symbolsOfRunningHeads(pages, bandsByPage, counts, repeatThreshold);
  const furniture: Furniture[] = [];
  const kept = pages.map((page, pageIndex) => {
    const lines: Line[] = [];
    const bands = bandsByPage[pageIndex]!;
    const notes = footnoteLines(page);
    page.lines.forEach((line, index) => {
      const band = bands[index] ?? null;
      const repeats = band !== null && !notes.has(line) && (counts.get(repetitionKey(band, line.text)) ?? 0) >= repeatThreshold;
      // A note's marker raised alone beside its note (DP/OPS/2025/4 p.4: "1") is no page number.
      const next = page.lines[index + 1];
      const kind = next !== undefined && isRaisedMarkerBeside(line, next) ? null : furnitureKind(line, band, page, repeats, ownSymbols);
      if (kind) furniture.push({ page: page.number, kind, text: line.text, prov: provenanceOf([line]) });
      else lines.push(line);
    });
    return { ...page, lines };
  });
  if (furniture.length === 0 && pages.length > 1) {
    reporter.report('furniture/none-found', 'No running header, footer or page number was recognised on any page.');
  }
  return { pages: kept, furniture };
}

/**
 * How many pages carry each band text (digits aside). Digits that vary from page to page are
 * page numbers, which go up with the page: a text whose numbers vary otherwise is no running
 * furniture (A/RES/217(III)-ar: "المادة 6", "المادة 14", "المادة 20" heading the top of three pages).
 */
function repetitionCounts(pages: LinesPage[], bandsByPage: (Band | null)[][]): Map<string, number> {
  const counts = new Map<string, number>();
  const numbers = new Map<string, { page: number; values: number[] }[]>();
  pages.forEach((page, pageIndex) => {
    const seen = new Map<string, number[]>();
    const bands = bandsByPage[pageIndex]!;
    page.lines.forEach((line, index) => {
      const band = bands[index];
      if (band) seen.set(repetitionKey(band, line.text), (line.text.match(/\d+/g) ?? []).map(Number));
    });
    for (const [key, values] of seen) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const onPages = numbers.get(key);
      if (onPages) onPages.push({ page: page.number, values });
      else numbers.set(key, [{ page: page.number, values }]);
    }
  });
  for (const [key, seen] of numbers) if (!numbersFollowPages(seen)) counts.delete(key);
  return counts;
}

/** Each number that varies among the pages stands at a fixed distance from the page number. */
function numbersFollowPages(seen: { page: number; values: number[] }[]): boolean {
  const width = seen[0]!.values.length;
  for (let i = 0; i < width; i++) {
    const values = seen.map((s) => s.values[i]!);
    if (values.every((v) => v === values[0])) continue;
    const offsets = new Set(seen.map((s) => s.values[i]! - s.page));
    if (offsets.size > 1) return false;
  }
  return true;
}

/** `repeats`: the line's text (digits aside) stands in the same band on many pages, and it is no footnote. */
function furnitureKind(line: Line, band: Band | null, page: LinesPage, repeats: boolean, ownSymbols: Set<string>): FurnitureKind | null {
  const text = line.text;
  const withoutJob = text.replace(JOB_NUMBER, '').trim();
  const hasJob = withoutJob !== text;
  // "E/ESCWA/SDD/2017/Technical Paper.8 17-00489": a symbol with a job number is furniture anywhere.
  if (hasJob && SYMBOL_ONLY.test(withoutJob)) return 'job-number';
  if (!band) {
    // Cover and title pages print the symbol and job number mid-page: a line of nothing else.
    if (JOB_LINE.test(text) && !(page.number === 1 && line.y < TOP_BAND * page.height * 3)) return 'job-number';
    if (page.number > 1 && ownSymbols.has(withoutJob)) return hasJob ? 'job-number' : 'header';
    return null;
  }
  const kind = patternKind(text) ?? (opensWithBarcode(line) ? 'barcode' : null);
  // Page 1's top band is the masthead (symbol, organ): the masthead stage reads it.
  if (page.number === 1 && band === 'top') return kind === 'barcode' ? kind : null;
  if (kind) return kind;
  if (line.artifact) return band === 'top' ? 'header' : 'footer';
  if (repeats) {
    if (band === 'bottom') return 'footer';
    return SYMBOL_ONLY.test(text) && text.length <= 60 ? 'header' : 'running-title';
  }
  if (band === 'top' && SYMBOL_ONLY.test(text) && text.length <= 40 && !/\s{2,}/.test(text)) return 'header';
  return null;
}

/** Lines of one note follow each other this closely: within this many times their size. */
const NOTE_LINE_SPACING = 1.5;

/**
 * The footnote lines of a page's bottom band: a line opening with a raised marker, and the lines
 * that go on with it in the same size and face. A note may recur word for word on many pages
 * (A/HRC/RES/59/25: "Adopted under the United Nations Framework Convention on Climate Change…" as
 * notes 2, 6, 10 and 19), which repetition alone would take for a running footer.
 */
function footnoteLines(page: LinesPage): Set<Line> {
  const notes = new Set<Line>();
  let previous: Line | null = null;
  for (const line of page.lines) {
    const opens = markersOf(line).some((marker) => marker.offset === 0);
    const goesOn =
      previous !== null &&
      notes.has(previous) &&
      line.size === previous.size &&
      line.font === previous.font &&
      line.y - previous.y <= NOTE_LINE_SPACING * line.size;
    if (opens || goesOn) notes.add(line);
    previous = line;
  }
  return notes;
}

/** The document's own symbols: symbol-only lines printed as running heads or in the page-1 masthead. */
function symbolsOfRunningHeads(
  pages: LinesPage[],
  bandsByPage: (Band | null)[][],
  counts: Map<string, number>,
  repeatThreshold: number,
): Set<string> {
  const symbols = new Set<string>();
  pages.forEach((page, pageIndex) => {
    page.lines.forEach((line, index) => {
      if (bandsByPage[pageIndex]![index] !== 'top' || !SYMBOL_ONLY.test(line.text) || line.text.length > 60) return;
      if (page.number === 1 || (counts.get(repetitionKey('top', line.text)) ?? 0) >= repeatThreshold) symbols.add(line.text);
    });
  });
  return symbols;
}

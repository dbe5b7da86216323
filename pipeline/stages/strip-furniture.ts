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
import type { Furniture, FurnitureKind, Line, Reporter } from '../model.js';
import type { LinesPage } from './build-lines.js';

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
const JOB_LINE = /^(?:\d{1,4}\s+)?(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,4}(?:\s*\/\s*\d{1,4})?)?(?:\s*\/\.\.\.)?\s*(?:\*\s?[\dA-Z]{6,}\s?\*)?$/;
/** A short line that is nothing but a document symbol (the running head). */
const SYMBOL_ONLY = /^[A-Z]{1,10}(?:\.\d+)?\/[A-Za-z0-9.()\-–/ *]+$/;

export interface StrippedPages {
  pages: LinesPage[];
  furniture: Furniture[];
}

type Band = 'top' | 'bottom';

function bandOf(line: Line, height: number): Band | null {
  if (line.y < TOP_BAND * height) return 'top';
  if (line.y > BOTTOM_BAND * height) return 'bottom';
  return null;
}

/** Digits vary from page to page in running furniture (page numbers); the rest repeats. */
function repetitionKey(band: Band, text: string): string {
  return `${band}|${text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
}

function patternKind(text: string): FurnitureKind | null {
  if (BARCODE.test(text)) return 'barcode';
  if (JOB_LINE.test(text)) return 'job-number';
  if (PAGE_NUMBER.test(text) || PAGE_OF_PAGES.test(text)) return 'page-number';
  if (CONTINUATION.test(text)) return 'continuation';
  return null;
}

export function stripFurniture(input: { lines: LinesPage[] }, reporter: Reporter): StrippedPages {
  const pages = input.lines;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of page.lines) {
      const band = bandOf(line, page.height);
      if (band) seen.add(repetitionKey(band, line.text));
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeatThreshold = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  const ownSymbols = symbolsOfRunningHeads(pages, counts, repeatThreshold);
  const furniture: Furniture[] = [];
  const kept = pages.map((page) => {
    const lines: Line[] = [];
    for (const line of page.lines) {
      const kind = furnitureKind(line, page, counts, repeatThreshold, ownSymbols);
      if (kind) furniture.push({ page: page.number, kind, text: line.text });
      else lines.push(line);
    }
    return { ...page, lines };
  });
  if (furniture.length === 0 && pages.length > 1) {
    reporter.report('furniture/none-found', 'No running header, footer or page number was recognised on any page.');
  }
  return { pages: kept, furniture };
}

function furnitureKind(line: Line, page: LinesPage, counts: Map<string, number>, repeatThreshold: number, ownSymbols: Set<string>): FurnitureKind | null {
  const text = line.text;
  const withoutJob = text.replace(JOB_NUMBER, '').trim();
  const hasJob = withoutJob !== text;
  // "E/ESCWA/SDD/2017/Technical Paper.8 17-00489": a symbol with a job number is furniture anywhere.
  if (hasJob && SYMBOL_ONLY.test(withoutJob)) return 'job-number';
  const band = bandOf(line, page.height);
  if (!band) {
    // Cover and title pages print the symbol and job number mid-page: a line of nothing else.
    if (JOB_LINE.test(text) && !(page.number === 1 && line.y < TOP_BAND * page.height * 3)) return 'job-number';
    if (page.number > 1 && ownSymbols.has(withoutJob)) return hasJob ? 'job-number' : 'header';
    return null;
  }
  const kind = patternKind(text);
  // Page 1's top band is the masthead (symbol, organ): the masthead stage reads it.
  if (page.number === 1 && band === 'top') return kind === 'barcode' ? kind : null;
  if (kind) return kind;
  if (line.artifact) return band === 'top' ? 'header' : 'footer';
  if ((counts.get(repetitionKey(band, text)) ?? 0) >= repeatThreshold) {
    if (band === 'bottom') return 'footer';
    return SYMBOL_ONLY.test(text) && text.length <= 60 ? 'header' : 'running-title';
  }
  if (band === 'top' && SYMBOL_ONLY.test(text) && text.length <= 40 && !/\s{2,}/.test(text)) return 'header';
  return null;
}

/** The document's own symbols: symbol-only lines printed as running heads or in the page-1 masthead. */
function symbolsOfRunningHeads(pages: LinesPage[], counts: Map<string, number>, repeatThreshold: number): Set<string> {
  const symbols = new Set<string>();
  for (const page of pages) {
    for (const line of page.lines) {
      const band = bandOf(line, page.height);
      if (band !== 'top' || !SYMBOL_ONLY.test(line.text) || line.text.length > 60) continue;
      if (page.number === 1 || (counts.get(repetitionKey(band, line.text)) ?? 0) >= repeatThreshold) symbols.add(line.text);
    }
  }
  return symbols;
}

/**
 * Stage 1 — extract: PDF bytes → positioned text runs per page, in top-left page space.
 *
 * This is the only module that touches pdf.js (loaded through unpdf, pointed at the pinned
 * pdfjs-dist). Coordinates are converted here, once; every later stage works in points from the page's top-left corner.
 */
import { createHash } from 'node:crypto';
import type { DocumentInitParameters, PDFDocumentProxy, PDFPageProxy, TextContent } from 'pdfjs-dist/types/src/display/api.js';
import { definePDFJSModule, getDocumentProxy } from 'unpdf';
import { drawingOf } from './extract-drawing.js';
import type { Diagnostic, Direction, ExtractedDocument, Page, Picture, Rule, TextRun } from './model.js';
import {
  hasSections,
  hiddenLayerTest,
  hiddenSections,
  hiddenTextDiagnostics,
  inHiddenLayer,
  unseenReason,
  type HiddenCount,
} from './hidden-text.js';
import { classifyNotice, collectingNotices, noticeDiagnostics, type PdfjsNotice } from './pdfjs-notices.js';

/** A document that cannot be converted; `message` is the one-line reason shown to the user. */
export class ConversionError extends Error {
  override name = 'ConversionError';
}

/** The pinned pdfjs-dist legacy build: the one that runs on Node 20. */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsReady: Promise<Pdfjs> | undefined;
/** Loads pdf.js once per thread (see loadPdfjsKeepingNativeBuiltins) and points unpdf at it instead of its bundled copy. */
export function usePinnedPdfjs(): Promise<Pdfjs> {
  pdfjsReady ??= loadPdfjsKeepingNativeBuiltins();
  return pdfjsReady;
}

/**
 * The legacy build bundles core-js polyfills that, on Node 20 (V8 11), replace Array.prototype.push,
 * JSON.parse and JSON.stringify process-wide with JavaScript versions, for corners of the standard
 * neither pdf.js nor undoc reaches (pushing onto an array whose length is read-only, JSON.parse's
 * source text). The replaced push alone took about a sixth of a conversion's time (measured with
 * --cpu-prof over the corpus). pdf.js and its worker code, which the fake worker runs in this
 * thread, are loaded first, then the native functions are put back. On Node 22 and later nothing
 * is replaced and this changes nothing.
 */
async function loadPdfjsKeepingNativeBuiltins(): Promise<Pdfjs> {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Loaded here rather than by pdf.js on the first document: it sets globalThis.pdfjsWorker, which
  // pdf.js's fake worker uses as it is, and its own copy of the polyfills is then loaded too.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(JSON, 'parse', { value: parse, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(JSON, 'stringify', { value: stringify, writable: true, enumerable: false, configurable: true });
  await definePDFJSModule(() => Promise.resolve(pdfjs));
  return pdfjs;
}

/**
 * pdf.js loading options: no script evaluation (PDF text is untrusted), no font rendering or
 * system-font lookups (only text positions are needed), quiet. unpdf adds the character maps
 * (CJK fonts need them to yield text) and standard font metrics of the installed pdfjs-dist.
 */
export const PDFJS_OPTIONS: DocumentInitParameters = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
};

/**
 * What extract itself asks: the same, with pdf.js's warnings on, which are what it says of damaged
 * content (pdfjs-notices.ts collects them as diagnostics while the document is read).
 */
const READING_OPTIONS: DocumentInitParameters = { ...PDFJS_OPTIONS, verbosity: 1 };

/** A run whose text matrix is skewed beyond this (|b|/|a|) is rotated text: margin notes, stamps. */
const ROTATION_TOLERANCE = 0.05;
/** Fewer extracted characters than this per page on average means the PDF is a scan. */
const MIN_TEXT_CHARS_PER_PAGE = 20;

/**
 * Characters that pdf.js hands over in presentation or compatibility form and that mean the same
 * as their canonical letters: Latin ligatures (ﬁ ﬂ), Arabic presentation forms. NFKC is applied to
 * them alone, so that no-break spaces and superscript digits elsewhere keep their identity.
 */
const COMPATIBILITY_FORMS = /[\uFB00-\uFB06\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
/** Soft hyphens and bidi controls carry no text. */
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Control characters (NUL, BEL, ESC, C1…) are no text either, and must reach no output; white-space ones read as a space. */
const CONTROL_SPACE = /[\t\n\v\f\r\u0085]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function cleanRunText(text: string): string {
  return text
    .replace(CONTROL_SPACE, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(COMPATIBILITY_FORMS, (s) => s.normalize('NFKC'))
    .normalize('NFC');
}

function checkSignature(data: Uint8Array): void {
  if (data.length === 0) throw new ConversionError('empty file: zero bytes');
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ConversionError('not a PDF: no %PDF- header in the first 1024 bytes');
}

function describeLoadFailure(error: unknown): ConversionError {
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: string })?.message ?? error);
  if (name === 'PasswordException') return new ConversionError('encrypted: a password is required');
  if (name === 'InvalidPDFException') return new ConversionError(`damaged PDF: ${message}`);
  return new ConversionError(`unreadable PDF: ${message.split('\n')[0]}`);
}

/** Page ranges to keep, 1-based and inclusive: `[[1, 3], [7, 7]]`; `Infinity` as last means to the end. */
export type PageRanges = ReadonlyArray<readonly [first: number, last: number]>;

export interface ExtractOptions {
  /** Only these pages are read; the others do not exist for the stages. Pages keep their numbers. */
  pages?: PageRanges;
  /** Called as each page kept starts being read: its rank among them (1-based) and their count. */
  onPage?: (started: number, total: number) => void;
}

/** The page numbers of a `numPages`-page PDF that `ranges` keeps, in order. */
export function selectPages(ranges: PageRanges | undefined, numPages: number): number[] {
  const all = Array.from({ length: numPages }, (_, index) => index + 1);
  if (!ranges) return all;
  return all.filter((number) => ranges.some(([first, last]) => number >= first && number <= last));
}

/**
 * A PDF being read: its text first, then the drawings of the pages a later stage asks for (see
 * pagesThatMayHoldTables), while it stays open. Drawings cost a second pass over a page's content,
 * and most pages need none.
 */
export interface PdfReading {
  /**
   * Opens the PDF and reads the pages' text runs, with the drawings of right-to-left pages, which
   * build-lines needs. Throws ConversionError with a one-line reason for bad input.
   */
  text(): Promise<ExtractedDocument>;
  /**
   * `document` with the rules drawn on `pages` too (a page read with its text keeps what it has),
   * and what pdf.js said while reading them, as diagnostics.
   */
  withRules(document: ExtractedDocument, pages: readonly number[]): Promise<{ document: ExtractedDocument; diagnostics: Diagnostic[] }>;
  /** The pages whose drawings have been read, in order: the pdf.js work beyond text content. */
  drawnPages(): number[];
}

/**
 * Hands `use` a reading of the PDF (PdfReading) and closes the PDF when it is done. pdf.js's
 * messages on damaged content become diagnostics of the document.
 */
export async function readPdf<T>(
  data: Uint8Array,
  file: string,
  options: ExtractOptions,
  use: (reading: PdfReading) => Promise<T>,
): Promise<T> {
  const { value } = await collectingNotices(async (onPage, heard) => {
    let pdf: PDFDocumentProxy | null = null;
    const drawn = new Set<number>();
    const reading: PdfReading = {
      text: async () => {
        checkSignature(data);
        await usePinnedPdfjs();
        pdf = await openPdf(data);
        const document = await loadFailures(() => extractText(pdf!, data, file, options, onPage, drawn));
        checkTextLayer(document, heard);
        const emptyPages = document.pages.filter((page) => page.runs.length === 0).map((page) => page.number);
        const diagnostics = [...(document.diagnostics ?? []), ...noticeDiagnostics(heard, emptyPages)];
        if (diagnostics.length > 0) document.diagnostics = diagnostics;
        return document;
      },
      withRules: async (source, pages) => {
        if (pdf === null) throw new Error('internal error: drawings asked for before the text was read');
        const from = heard.length;
        const ruled = await loadFailures(() =>
          withRulesOn(
            pdf!,
            source,
            pages.filter((number) => !drawn.has(number)),
            onPage,
          ),
        );
        for (const number of pages) drawn.add(number);
        return { document: ruled, diagnostics: noticeDiagnostics(heard.slice(from)) };
      },
      drawnPages: () => [...drawn].sort((a, b) => a - b),
    };
    try {
      return await use(reading);
    } finally {
      await (pdf as PDFDocumentProxy | null)?.destroy();
    }
  });
  return value;
}

/** What pdf.js throws while reading, as the one-line ConversionError the user sees. */
async function loadFailures<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw describeLoadFailure(error);
  }
}

/** Reads a PDF's text (see readPdf), without the rules drawn on its pages. */
export function extract(data: Uint8Array, file: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  return readPdf(data, file, options, (reading) => reading.text());
}

async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's stays intact.
    // (unpdf is typed against its own bundled pdf.js, hence the pinned pdfjs-dist types here.)
    return (await getDocumentProxy(new Uint8Array(data), READING_OPTIONS as never)) as unknown as PDFDocumentProxy;
  } catch (error) {
    throw describeLoadFailure(error);
  }
}

/** `source` with the rules drawn on `pages` read from the PDF (a page's own rules replaced). */
async function withRulesOn(
  pdf: PDFDocumentProxy,
  source: ExtractedDocument,
  pages: readonly number[],
  onPage: (page: number) => void,
): Promise<ExtractedDocument> {
  if (pages.length === 0) return source;
  const ruled = new Map<number, Rule[]>();
  for (const number of pages) {
    onPage(number);
    const page = await pdf.getPage(number);
    const [left, , , top] = page.view as [number, number, number, number];
    const { rules } = await drawnOn(page, left, top, [], false);
    page.cleanup();
    if (rules.length > 0) ruled.set(number, rules);
  }
  return { ...source, pages: source.pages.map((page) => (ruled.has(page.number) ? { ...page, rules: ruled.get(page.number)! } : page)) };
}

/**
 * A document with (almost) no text is a scan, or damaged content that pdf.js skipped: its
 * messages tell which, and the reason says so.
 */
function checkTextLayer(document: ExtractedDocument, notices: readonly PdfjsNotice[]): void {
  let characters = 0;
  for (const page of document.pages) for (const run of page.runs) characters += run.text.length;
  if (characters >= MIN_TEXT_CHARS_PER_PAGE * document.pages.length || characters >= 200) return;
  const damage = notices.find((notice) => classifyNotice(notice.message).severity !== 'noise');
  if (damage)
    throw new ConversionError(`damaged content: almost no text could be read (pdf.js: ${JSON.stringify(damage.message.slice(0, 120))})`);
  throw new ConversionError('no text layer: the PDF holds only images (scanned?)');
}

async function extractText(
  pdf: PDFDocumentProxy,
  data: Uint8Array,
  file: string,
  options: ExtractOptions,
  onPage: (page: number) => void,
  drawn: Set<number>,
): Promise<ExtractedDocument> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const [markInfo, info] = await Promise.all([pdf.getMarkInfo().catch(() => null), pdf.getMetadata().catch(() => null)]);
  const tagged = Boolean(markInfo?.Marked);
  const pages: Page[] = [];
  const kept = selectPages(options.pages, pdf.numPages);
  if (kept.length === 0) throw new ConversionError(`no pages selected: the PDF has ${pdf.numPages} pages`);
  const layers = await hiddenLayerTest(pdf);
  const hidden: HiddenCount[] = [];
  for (const [rank, number] of kept.entries()) {
    options.onPage?.(rank + 1, kept.length);
    onPage(number);
    const read = await readPage(pdf, number, tagged, layers);
    pages.push(read.page);
    hidden.push(...read.hidden);
    if (read.drawn) drawn.add(number);
  }
  if (pages.length === 0) throw new ConversionError('empty PDF: the document has no pages');
  // The document-information language tag is the masthead stage's last resort for the language.
  const language = (info?.info as Record<string, unknown> | undefined)?.Language;
  const documentInfo: ExtractedDocument['info'] = typeof language === 'string' && language.trim() ? { language: language.trim() } : {};
  const document: ExtractedDocument = { file, sha256, pages, tagged, info: documentInfo };
  if (kept.length < pdf.numPages) document.pageCount = pdf.numPages;
  const unseen = hiddenTextDiagnostics(hidden);
  if (unseen.length > 0) document.diagnostics = unseen;
  return document;
}

/**
 * One page: its upright text runs in top-left page space, and on a right-to-left page what it
 * draws (`drawn`); the text no reader sees (hidden-text.ts) is left out and counted. `layers`
 * tests a layer's default visibility, in documents with layers hidden by default.
 */
async function readPage(
  pdf: PDFDocumentProxy,
  number: number,
  tagged: boolean,
  layers: ((group: unknown) => boolean) | null,
): Promise<{ page: Page; hidden: HiddenCount[]; drawn: boolean }> {
  const page = await pdf.getPage(number);
  const [left, bottom, right, top] = page.view as [number, number, number, number];
  const content: TextContent = await page.getTextContent(textContentOptions(tagged || layers !== null));
  const inLayer =
    layers && hasSections(content.items) ? inHiddenLayer(content.items, await hiddenSections(page, layers, await opsOf())) : [];
  const { runs, hidden } = runsOf(content.items, [left, bottom, right, top], number, tagged, inLayer);
  const extracted: Page = { number, width: round(right - left), height: round(top - bottom), runs };
  // Labels have been seen printed as pictures on right-to-left pages ("4-" in E/2018/41-ar), and
  // build-lines needs them before any later stage could ask for a page's drawing.
  const drawn = isRightToLeftPage(runs);
  if (drawn) {
    const { pictures, rules } = await drawnOn(page, left, top, runs, true);
    if (pictures.length > 0) extracted.pictures = pictures;
    if (rules.length > 0) extracted.rules = rules;
  }
  page.cleanup();
  return { page: extracted, hidden, drawn };
}

/**
 * A page's text items as runs in top-left page space: upright ones only, the ones no reader sees
 * (`inLayer` marks those in hidden layers) counted apart, artifacts of tagged PDFs marked.
 */
function runsOf(
  items: TextContent['items'],
  [left, , , top]: readonly [left: number, bottom: number, right: number, top: number],
  number: number,
  tagged: boolean,
  inLayer: readonly boolean[],
): { runs: TextRun[]; hidden: HiddenCount[] } {
  const hidden: HiddenCount[] = [];
  const runs: TextRun[] = [];
  // Tagged PDFs wrap running heads and footers in /Artifact marked content: strong furniture evidence.
  // (Their structure tree, P/H/Note/TD, was measured to add nothing the layout rules miss, at a cost.)
  const artifactStack: boolean[] = [];
  for (const [index, item] of items.entries()) {
    if (!('str' in item)) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        const { tag } = item as { tag?: string };
        artifactStack.push((tagged && tag === 'Artifact') || (artifactStack.at(-1) ?? false));
      } else if (item.type === 'endMarkedContent') artifactStack.pop();
      continue;
    }
    const unseen = inLayer[index] ? 'hidden-layer' : unseenReason(item.transform);
    if (unseen) {
      hidden.push({ page: number, reason: unseen, characters: cleanRunText(item.str).replace(/\s/g, '').length });
      continue;
    }
    const [a, b, , d, e, f] = item.transform as number[] as [number, number, number, number, number, number];
    if (Math.abs(b) > ROTATION_TOLERANCE * Math.abs(a) || a <= 0) continue;
    // A damaged text matrix or font gives positions that are not numbers: no place on the page.
    if (![d, e, f, item.width].every(Number.isFinite)) continue;
    const text = cleanRunText(item.str);
    if (!text.trim()) continue;
    const run: TextRun = {
      text,
      x: round(e - left),
      y: round(top - f),
      width: round(item.width),
      size: round(Math.abs(d) || Math.abs(a)),
      font: item.fontName,
      dir: item.dir as Direction,
    };
    if (artifactStack.at(-1)) run.artifact = true;
    runs.push(run);
  }
  return { runs, hidden };
}

async function opsOf(): Promise<Record<string, number>> {
  return ((await usePinnedPdfjs()) as unknown as { OPS: Record<string, number> }).OPS;
}

/**
 * What undoc asks pdf.js's getTextContent for: marked content only where the PDF is tagged (for its
 * artifacts), and no normalisation, which the runs' own cleaning does once. The benchmark's floor
 * asks pdf.js for exactly this, so that the gap between the two is the pipeline's own cost.
 */
export function textContentOptions(tagged: boolean): { includeMarkedContent: boolean; disableNormalization: boolean } {
  return { includeMarkedContent: tagged, disableNormalization: true };
}

/** Arabic, Hebrew and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;

function isRightToLeftPage(runs: readonly TextRun[]): boolean {
  let rtl = 0;
  let all = 0;
  for (const run of runs) {
    rtl += run.text.match(RTL_LETTER)?.length ?? 0;
    all += run.text.length;
  }
  return rtl * 2 > all;
}

/** A picture taller than this many times the page's largest text is an illustration, no label. */
const LABEL_PICTURE_MAX_HEIGHT_RATIO = 1.5;

/**
 * What the page draws: its rules (table borders) always, and its small pictures on right-to-left
 * pages only, because only there has a text label been seen printed as pictures.
 */
async function drawnOn(
  page: PDFPageProxy,
  left: number,
  top: number,
  runs: TextRun[],
  pictures: boolean,
): Promise<{ pictures: Picture[]; rules: Rule[] }> {
  const { OPS } = (await usePinnedPdfjs()) as unknown as { OPS: Record<string, number> };
  const operators = await page.getOperatorList();
  if (!pictures) return drawingOf(operators, OPS, { left, top });
  // A loop, not a spread: a page may hold hundreds of thousands of runs.
  let largest = 0;
  for (const run of runs) largest = Math.max(largest, run.size);
  return drawingOf(operators, OPS, { left, top, maxPictureHeight: LABEL_PICTURE_MAX_HEIGHT_RATIO * largest });
}

/** Two decimals are far below a glyph's size and keep the output byte-stable across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * An independent reading of a PDF for the provenance checks: page sizes and pdf.js's text items,
 * placed by this file's own conversion into top-left page space (not by extract.ts), so that a
 * wrong box or a wrong conversion in the pipeline cannot agree with itself.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { BoundingBox, Provenance, UnDocument } from '../../pipeline/model.js';
import { PDFJS_OPTIONS, usePinnedPdfjs } from '../../pipeline/extract.js';

export interface PageSize {
  width: number;
  height: number;
}

/** A text item of pdf.js, by the centre of its em box (0.8 of its size above the baseline, 0.2 below). */
export interface PlacedItem {
  text: string;
  x: number;
  y: number;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  await usePinnedPdfjs();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) }).promise as unknown as Promise<PDFDocumentProxy>;
}

export async function pageSizes(pdf: PDFDocumentProxy): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const [left, bottom, right, top] = (await pdf.getPage(number)).view as [number, number, number, number];
    sizes.push({ width: right - left, height: top - bottom });
  }
  return sizes;
}

export async function placedItems(pdf: PDFDocumentProxy, number: number): Promise<PlacedItem[]> {
  const page = await pdf.getPage(number);
  const [left, , , top] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const items: PlacedItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(a, b) || Math.abs(d);
    items.push({ text: item.str, x: e - left + item.width / 2, y: top - f - 0.3 * size });
  }
  return items;
}

export function inside(box: BoundingBox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Every element of a document that carries provenance, with where it stands in the JSON. */
export function placedElements(document: UnDocument): { where: string; prov: Provenance[] }[] {
  const found: { where: string; prov: Provenance[] }[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((inner, index) => visit(inner, `${where}/${index}`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('prov' in record) found.push({ where, prov: record.prov as Provenance[] });
      for (const [key, inner] of Object.entries(record)) if (key !== 'prov' && typeof inner === 'object') visit(inner, `${where}/${key}`);
    }
  };
  visit({ masthead: document.masthead, body: document.body, annexes: document.annexes }, '');
  visit({ footnotes: document.footnotes, furniture: document.furniture }, '');
  return found;
}

/** Letters only: line-end hyphens, numbers and markers do not count. */
const LETTERS = /\p{L}/gu;
/** Letters and digits: a table cell's content is mostly its figures. */
const LETTERS_AND_DIGITS = /[\p{L}\p{N}]/gu;

/** The characters of a text that `pattern` matches, compatibility forms folded, lower case, as a multiset: the order of the items in a box is not the question. */
function characters(text: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const letter of text.normalize('NFKC').toLowerCase().match(pattern) ?? []) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  return counts;
}

/** Dice similarity of two texts' character multisets: 1 when the same characters, as often, 0 when none in common. */
function similarity(a: string, b: string, pattern: RegExp): number {
  const left = characters(a, pattern);
  const right = characters(b, pattern);
  let common = 0;
  let total = 0;
  for (const [letter, count] of left) {
    common += Math.min(count, right.get(letter) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 1 : (2 * common) / total;
}

/** Dice similarity of two texts' letters. */
export function letterSimilarity(a: string, b: string): number {
  return similarity(a, b, LETTERS);
}

/** Dice similarity of two texts' letters and digits (for table cells, whose figures are the point). */
export function letterAndDigitSimilarity(a: string, b: string): number {
  return similarity(a, b, LETTERS_AND_DIGITS);
}

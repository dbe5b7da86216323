/**
 * Provenance: where on which page an element of the document was printed, made from the lines it
 * was read from. Lines are already in top-left page space (extract.ts converted the coordinates
 * once); here they are only united into boxes and rounded, so that the same PDF always gives the
 * same bytes.
 */
import type { BoundingBox, Line, Provenance } from './model.js';

/** Boxes are rounded to tenths of a point: finer than any printed detail, coarse enough to be stable. */
const STEPS_PER_POINT = 10;

function rounded(value: number): number {
  // `+ 0` turns a rounded -0 into 0: JSON writes both as 0, but a deep-equal test tells them apart.
  return Math.round(value * STEPS_PER_POINT) / STEPS_PER_POINT + 0;
}

function union(a: BoundingBox, b: BoundingBox): BoundingBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The box of a line's text: from its left to its right edge, from the top to the bottom of its em boxes. */
export function lineBox(line: Line): BoundingBox {
  return [line.x, line.top, line.right, line.bottom];
}

/**
 * The provenance of an element read from `lines` (in reading order): one entry per page, and a
 * new one where the lines go on in another column of the same page, each the union of its
 * lines' boxes.
 */
export function provenanceOf(lines: readonly Line[]): Provenance[] {
  const entries: { page: number; column: Line['column']; box: BoundingBox }[] = [];
  for (const line of lines) {
    const last = entries.at(-1);
    if (last && last.page === line.page && last.column === line.column) last.box = union(last.box, lineBox(line));
    else entries.push({ page: line.page, column: line.column, box: lineBox(line) });
  }
  return entries.map(({ page, box }) => ({ page, bbox: box.map(rounded) as BoundingBox }));
}

/** A box on one page, not yet rounded: what an element's provenance is made of. */
export interface PageBoxDraft {
  page: number;
  box: BoundingBox;
}

/**
 * The provenance of an element made of boxes (a table cell's pieces, in reading order): one
 * entry per page, the union of the boxes on it, rounded as every other box.
 */
export function provenanceOfBoxes(boxes: readonly PageBoxDraft[]): Provenance[] {
  const entries: PageBoxDraft[] = [];
  for (const { page, box } of boxes) {
    const same = entries.find((entry) => entry.page === page);
    if (same) same.box = union(same.box, box);
    else entries.push({ page, box });
  }
  return entries.map(({ page, box }) => ({ page, bbox: box.map(rounded) as BoundingBox }));
}

/**
 * The provenance of an element that grew by more lines (a table continued by the next block):
 * the first new entry joins the last one when it is on the same page and overlaps it
 * horizontally (the same column); otherwise it follows it.
 */
export function extendProvenance(prov: readonly Provenance[], more: readonly Provenance[]): Provenance[] {
  const last = prov.at(-1);
  const next = more[0];
  if (!last || !next || last.page !== next.page || last.bbox[2] < next.bbox[0] || next.bbox[2] < last.bbox[0]) return [...prov, ...more];
  return [...prov.slice(0, -1), { page: last.page, bbox: union(last.bbox, next.bbox) }, ...more.slice(1)];
}

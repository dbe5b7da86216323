/**
 * Where a table cell's text was printed: each piece of a line that joins a cell adds its box
 * (the piece's left and right edges, the line's top and bottom), so that the cell's provenance
 * is the union of what it was read from, page by page.
 */
import type { DraftCell, Line } from '../../model.js';
import type { Segment } from './grid.js';

/** Records that `segment` of `line` was read into `cell`. */
export function addPiece(cell: DraftCell, segment: Segment, line: Line): void {
  (cell.boxes ??= []).push({ page: line.page, box: [segment.x, line.top, segment.right, line.bottom] });
  // Only a marker after the cell's last piece ends its text; one after an earlier piece stood inside it.
  if (segment.markers) cell.markers = [...segment.markers];
  else delete cell.markers;
}

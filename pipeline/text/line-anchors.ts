/** What a line's anchors say: its footnote markers, and its table cells. */
import type { Line, MarkerAnchor } from '../model.js';

/** The footnote markers raised inside the line, in order. */
export function markersOf(line: Line): MarkerAnchor[] {
  return line.anchors.filter((anchor): anchor is MarkerAnchor => anchor.kind === 'marker');
}

/** The line's table cells, when it was cut out of a table grid; otherwise undefined. */
export function cellsOf(line: Line): string[] | undefined {
  const starts = line.anchors.filter((anchor) => anchor.kind === 'cell').map((anchor) => anchor.offset);
  if (starts.length === 0) return undefined;
  return [0, ...starts].map((start, index) => line.text.slice(start, starts[index]).trim());
}

/** Small builders for literal stage inputs (runs and lines as pdf.js and build-lines produce them). */
import type { Line, LineAnchor, TextRun } from '../../pipeline/model.js';
import { EM_ASCENT } from '../../pipeline/stages/build-lines.js';

export function run(text: string, x: number, y: number, size = 10, font = 'f1', width = text.length * size * 0.45): TextRun {
  return { text, x, y, width, size, font, dir: 'ltr' };
}

/** A line's anchors written out: its markers, and its cells as they read in its text, in order. */
export interface LineOptions extends Partial<Omit<Line, 'anchors'>> {
  markers?: { marker: string; offset: number }[];
  cells?: string[];
}

export function line(text: string, x: number, y: number, { markers = [], cells = [], ...options }: LineOptions = {}): Line {
  const size = options.size ?? 10;
  const anchors: LineAnchor[] = markers.map((m) => ({ kind: 'marker', marker: m.marker, offset: m.offset }));
  let from = 0;
  for (const [index, cell] of cells.entries()) {
    const start = text.indexOf(cell, from);
    if (start < 0) throw new Error(`cell "${cell}" is not in "${text}"`);
    if (index > 0) anchors.push({ kind: 'cell', offset: start });
    from = start + cell.length;
  }
  return {
    page: 1,
    x,
    right: x + text.length * size * 0.45,
    y,
    // The em box as build-lines sets it: 0.8 of the size above the baseline, 0.2 below.
    top: y - EM_ASCENT * size,
    bottom: y + (1 - EM_ASCENT) * size,
    size,
    font: 'f1',
    text,
    anchors: anchors.sort((a, b) => a.offset - b.offset),
    rtl: false,
    ...options,
  };
}

export const silent = { report: () => undefined };

export function collecting() {
  const messages: { rule: string; message: string; page?: number }[] = [];
  return { messages, report: (rule: string, message: string, page?: number) => void messages.push({ rule, message, page }) };
}

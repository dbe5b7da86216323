/**
 * Stage — measure typography: the body font, size, line spacing and margins of the document.
 * Every later layout threshold is a multiple of these, never an absolute number of points.
 */
import type { Line, LinesPage, Typography } from '../model.js';

/** Sizes within this many points count as the same size (PDF producers round differently). */
export const SIZE_TOLERANCE = 0.6;

function mode<T>(weights: Map<T, number>, fallback: T): T {
  let best = fallback,
    bestWeight = -1;
  for (const [value, weight] of weights) if (weight > bestWeight) [best, bestWeight] = [value, weight];
  return best;
}

function add<T>(weights: Map<T, number>, key: T, weight: number): void {
  weights.set(key, (weights.get(key) ?? 0) + weight);
}

export function measureTypography(pages: LinesPage[]): Typography {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      add(sizes, Math.round(line.size * 2) / 2, line.text.length);
      add(fonts, line.font, line.text.length);
    }
  }
  const bodySize = mode(sizes, 10);
  const isBody = (size: number) => Math.abs(size - bodySize) <= SIZE_TOLERANCE;
  const gaps = new Map<number, number>();
  const lefts = new Map<number, number>();
  const rights = new Map<number, number>();
  const bodyFonts = new Map<string, number>();
  for (const page of pages) {
    const body = page.lines.filter((line) => isBody(line.size));
    for (let i = 0; i < body.length; i++) {
      const line = body[i]!;
      add(lefts, Math.round(line.x), 1);
      add(rights, Math.round(line.right), 1);
      add(bodyFonts, line.font, line.text.length);
      const next = body[i + 1];
      if (next) {
        const gap = Math.round((next.y - line.y) * 2) / 2;
        if (gap > 0.8 * bodySize && gap < 2 * bodySize) add(gaps, gap, 1);
      }
    }
  }
  return {
    bodySize,
    bodyFont: mode(bodyFonts, mode(fonts, '')),
    lineGap: mode(gaps, bodySize * 1.2),
    leftMargin: mode(lefts, 72),
    rightMargin: mode(rights, 540),
  };
}

/** A centred line starts at least this many font sizes in from the left margin… */
const CENTRED_INSET = 2;
/** …and its middle lies within this many font sizes of the middle of the measure. */
const CENTRED_TOLERANCE = 2;

/** Centred: both ends well inside the margins, its middle on the middle of the measure. */
export function isCentred(line: Line, typography: Typography): boolean {
  const middle = (typography.leftMargin + typography.rightMargin) / 2;
  const inset = CENTRED_INSET * line.size;
  return (
    line.x > typography.leftMargin + inset &&
    line.right < typography.rightMargin - inset &&
    Math.abs((line.x + line.right) / 2 - middle) < CENTRED_TOLERANCE * line.size
  );
}

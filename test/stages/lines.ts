/** Small builders for literal stage inputs (runs and lines as pdf.js and build-lines produce them). */
import type { Line, TextRun } from '../../pipeline/model.js';

export function run(text: string, x: number, y: number, size = 10, font = 'f1', width = text.length * size * 0.45): TextRun {
  return { text, x, y, width, size, font, dir: 'ltr' };
}

export function line(text: string, x: number, y: number, options: Partial<Line> = {}): Line {
  const size = options.size ?? 10;
  return {
    page: 1,
    x,
    right: x + text.length * size * 0.45,
    y,
    size,
    font: 'f1',
    text,
    markers: [],
    rtl: false,
    ...options,
  };
}

export const silent = { report: () => undefined };

export function collecting() {
  const messages: { rule: string; message: string; page?: number }[] = [];
  return { messages, report: (rule: string, message: string, page?: number) => void messages.push({ rule, message, page }) };
}

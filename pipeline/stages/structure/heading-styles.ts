/**
 * The heading styles of a document: the face and size each level of its numbered headings is set
 * in, read over the whole document before its structure is built, so that an unnumbered heading
 * takes its level from its style, wherever it stands (A/80/604/Add.1: "Recommendations on posts
 * and positions", bold like the "2." headings, is level 3; "Vacant posts", in a face no numbered
 * heading uses, is level 4, under "A." as under "2.").
 */
import { HeadingNumberReader, type NumberStyle } from '../../languages/numbering.js';
import type { RawBlock, Typography } from '../../model.js';
import { SIZE_TOLERANCE } from '../measure-typography.js';
import { HEADING_NUMBER, headingNumberOf, isHeadingLike } from './headings.js';

export interface HeadingStyle {
  font: string;
  size: number;
  level: number;
}

/** Chapters (I., أولاً-, 一、), sections (A., ألف-), numbered sub-sections (1., 1.2.), and the rest. */
export const LEVEL_OF_STYLE: Record<NumberStyle, number> = {
  roman: 1,
  labelled: 1,
  upper: 2,
  digits: 3,
  lower: 4,
  lowerRoman: 4,
  literal: 4,
};

/** Sentence or clause punctuation at the end of a text, closing quotes and brackets allowed. */
const ENDS_CLAUSE = /[.:;,]["'”’»)]*$/u;

/** The styles of the document's numbered headings, each with the highest level set in it. */
export function headingStyles(blocks: readonly RawBlock[], typography: Typography): HeadingStyle[] {
  const styles: HeadingStyle[] = [];
  const reader = new HeadingNumberReader();
  blocks.forEach((block, index) => {
    const text = block.lines
      .map((l) => l.text)
      .join(' ')
      .trim();
    const number = HEADING_NUMBER.exec(text);
    // A numbered block that ends a sentence is a paragraph set in a face of its own, not a heading
    // style (CEDAW/C/CAF/CO/6-ru: its regular observations "4. Комитет … отмечает …" beside bold recommendations).
    if (!number || ENDS_CLAUSE.test(text) || !isHeadingLike(block, typography, blocks[index + 1])) return;
    const reading = reader.read(headingNumberOf(number));
    // Labelled numbers ("Rule 3") nest where they stand, and literal ones have no level of their own.
    if (!reading || reading.style === 'labelled' || reading.style === 'literal') return;
    const { font, size } = block.lines[0]!;
    const level = LEVEL_OF_STYLE[reading.style];
    const known = styleOf(styles, font, size);
    if (known) known.level = Math.min(known.level, level);
    else styles.push({ font, size, level });
  });
  return styles;
}

export function styleOf(styles: readonly HeadingStyle[], font: string, size: number): HeadingStyle | undefined {
  return styles.find((style) => style.font === font && Math.abs(style.size - size) <= SIZE_TOLERANCE);
}

/**
 * The level of an unnumbered heading by its style: that of the numbered headings set alike, or
 * one below every numbered level set at least as large; null when the document numbers none.
 */
export function levelOfStyle(styles: readonly HeadingStyle[], font: string, size: number): number | null {
  const same = styleOf(styles, font, size);
  if (same) return same.level;
  const above = styles.filter((style) => style.size >= size - SIZE_TOLERANCE);
  if (above.length === 0) return null;
  return Math.min(6, Math.max(...above.map((style) => style.level)) + 1);
}

/**
 * The structure grammar: its rules in the order they are tried. The first rule that matches a
 * block builds it; the order is the grammar's priority (a contents entry before a heading, a
 * heading before a numbered paragraph, a paragraph last, taking whatever is left).
 */
import { annexLabel, annexTitle, annexTitleHeading } from './annexes.js';
import { contents } from './contents.js';
import { heading } from './headings.js';
import { item } from './items.js';
import { numberedParagraph, paragraph, pictureNumber, quotedParagraph } from './paragraphs.js';
import { table } from './tables.js';
import type { StructureRule } from './view.js';

export const STRUCTURE_RULES: readonly StructureRule[] = [
  table,
  contents,
  annexLabel,
  annexTitle,
  annexTitleHeading,
  heading,
  quotedParagraph,
  pictureNumber,
  numberedParagraph,
  item,
  paragraph,
];

/** The document's tables, for the emitters that write tables apart from the text (CSV). */
import type { TableBlock, UnDocument } from '../model.js';

/** Every table block of the body, then of each annex, in reading order. */
export function tablesOf(document: UnDocument): TableBlock[] {
  const blocks = [...document.body, ...document.annexes.flatMap((annex) => annex.body)];
  return blocks.filter((block): block is TableBlock => block.type === 'table');
}

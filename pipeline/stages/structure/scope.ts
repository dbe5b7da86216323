/**
 * A scope is the block list that structure is being built into — the body, or one annex — with
 * what its next blocks attach to: the open paragraph, the paragraph numbering, the section letters.
 */
import type { Block, FootnoteDraft, ParagraphBlock, RawBlock } from '../../model.js';

export interface Scope {
  blocks: Block<FootnoteDraft>[];
  idPrefix: string;
  lastNumber: number | null;
  /** The paragraph that items and quotations attach to. */
  openParagraph: ParagraphBlock<FootnoteDraft> | null;
  /** x of the open paragraph's text (after its number). */
  paragraphX: number;
  /** x of the open paragraph's first line (its number, or its first-line indent). */
  firstLineX: number;
  counters: Record<'h' | 'p' | 'table', number>;
  /** The letter of the last "A."-style section heading since the last chapter, if any. */
  lastSectionLetter: string | null;
  /** The furthest section letter since the last chapter: sections go on after a nested "A.", "B.". */
  highestSectionLetter: string | null;
  /** The furthest section letter of the chapter before: some documents letter on across chapters. */
  previousChapterLetter: string | null;
  /**
   * How far the first line of the scope's own numbered paragraphs stands out from their other
   * lines (0 when the number sits at the margin, negative when the text hangs after it), taken
   * from the first one that wraps; null until then.
   */
  numberedIndent: number | null;
  /** The last paragraph of a numbered text quoted inside the scope, while such paragraphs follow. */
  quoted: { lastNumber: number; firstLineX: number } | null;
}

export function newScope(idPrefix: string): Scope {
  return {
    blocks: [],
    idPrefix,
    lastNumber: null,
    openParagraph: null,
    paragraphX: 0,
    firstLineX: 0,
    counters: { h: 0, p: 0, table: 0 },
    lastSectionLetter: null,
    highestSectionLetter: null,
    previousChapterLetter: null,
    numberedIndent: null,
    quoted: null,
  };
}

/** Adds a paragraph to the scope as the one that items and quotations now attach to. */
export function openParagraph(scope: Scope, block: RawBlock, paragraph: ParagraphBlock<FootnoteDraft>): void {
  const first = block.lines[0]!;
  scope.blocks.push(paragraph);
  scope.openParagraph = paragraph;
  scope.paragraphX = block.lines[1]?.x ?? first.x;
  scope.firstLineX = first.x;
}

/** The left edge of a block's lines after the first. */
export function restX(block: RawBlock): number {
  return Math.min(...block.lines.slice(1).map((l) => l.x));
}

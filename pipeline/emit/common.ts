/**
 * What the emitters share: dispatch by block type, the document's display title, the metadata
 * summary shown above the text, and cutting a text at its footnote markers.
 */
import type { Annex, Block, FootnoteRef, Metadata, UnDocument } from '../model.js';

/** One handler per block type, each typed for its own kind of block. */
export type BlockHandlers<Context, Result> = {
  [Type in Block['type']]: (block: Extract<Block, { type: Type }>, context: Context) => Result;
};

/** Runs the handler for the block's type; an unknown type is an error, never a guess. */
export function dispatchBlock<Context, Result>(handlers: BlockHandlers<Context, Result>, block: Block, context: Context): Result {
  const type: string = block.type;
  // hasOwn: a type such as "constructor" must not find a method of Object.prototype.
  if (!Object.hasOwn(handlers, type)) throw new Error(`undoc: no emitter for block type ${JSON.stringify(type)}`);
  return (handlers[block.type] as (block: Block, context: Context) => Result)(block, context);
}

/** HTML has six heading ranks and Markdown six `#` levels; deeper outline levels share the last. */
const DEEPEST_HEADING_RANK = 6;

/**
 * Rank (1–6, `h1`…`h6` or `#`…`######`) of a heading of outline `level` placed under a heading of
 * rank `parentRank`: the document title is rank 1, so body level 1 is rank 2.
 */
export function headingRank(level: number, parentRank: number): number {
  return Math.min(parentRank + level, DEEPEST_HEADING_RANK);
}

/** Rank of the document title; the body's level-1 headings come right under it. */
export const TITLE_RANK = 1;
/** Rank of an annex's label (`Annexe`): a sibling of the body's level-1 headings. */
export const ANNEX_LABEL_RANK = 2;
/** Rank of an annex's title, under its label. */
export const ANNEX_TITLE_RANK = 3;

/** Rank under which an annex's own headings nest: below its title, or below its label when untitled. */
export function annexParentRank(annex: Annex): number {
  return annex.title === null ? ANNEX_LABEL_RANK : ANNEX_TITLE_RANK;
}

/** The title to show for the document: its title, else its symbol, else the PDF's file name. */
export function displayTitle(document: UnDocument): string {
  return document.metadata.title ?? document.metadata.symbol ?? document.source.file;
}

/** A labelled metadata value for the summary under the title. */
export interface MetadataField {
  label: string;
  value: string;
}

/**
 * The masthead facts readers look for, in masthead order, skipping those the document lacks.
 * The title is shown as the heading itself and the job number is printing furniture, so neither is listed.
 */
export function metadataFields(metadata: Metadata): MetadataField[] {
  const symbol = metadata.symbol ?? (metadata.symbols.length > 0 ? metadata.symbols.join(', ') : null);
  const candidates: Array<[label: string, value: string | null]> = [
    ['Symbol', symbol],
    ['Organ', metadata.organ],
    ['Distribution', metadata.distribution],
    ['Date', metadata.date],
    ['Language', metadata.language],
    ['Original language', metadata.originalLanguage],
    ['Session', metadata.session],
    ['Agenda items', metadata.agendaItems.length > 0 ? metadata.agendaItems.join(', ') : null],
    ['Subtitle', metadata.subtitle],
  ];
  const fields: MetadataField[] = [];
  for (const [label, value] of candidates) if (value !== null) fields.push({ label, value });
  return fields;
}

/** A footnote ref with the stretch of text between the previous ref (or the start) and it. */
export interface MarkedText {
  before: string;
  ref: FootnoteRef;
}

/** A text cut at its footnote markers, in offset order, and what follows the last marker. */
export interface TextWithRefs {
  marked: MarkedText[];
  rest: string;
}

/**
 * Cuts `text` at the offsets of its footnote refs, in offset order (refs at the same offset keep
 * their order). An offset past the end counts as the end, so a bad offset never loses text.
 */
export function splitAtFootnoteRefs(text: string, refs: readonly FootnoteRef[]): TextWithRefs {
  if (refs.length === 0) return { marked: [], rest: text };
  // Array.prototype.sort is stable, which keeps markers at the same offset in their given order.
  const ordered = [...refs].sort((a, b) => a.offset - b.offset);
  const marked: MarkedText[] = [];
  let start = 0;
  for (const ref of ordered) {
    const end = Math.min(Math.max(ref.offset, start), text.length);
    marked.push({ before: text.slice(start, end), ref });
    start = end;
  }
  return { marked, rest: text.slice(start) };
}

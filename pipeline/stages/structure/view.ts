/**
 * What the structure rules work with: a read-only view of the block being read (its joined text,
 * its neighbours, the typography, the state built so far), and the state that the fold owns and
 * that a rule changes only in its `apply` step.
 */
import { slice, trim } from '../../text/anchored-text.js';
import type { Annex, ContentsBlock, FootnoteDraft, Line, Provenance, RawBlock, Reporter, Typography } from '../../model.js';
import { provenanceOf } from '../../provenance.js';
import { joinLines, type JoinedText } from '../join-text.js';
import type { HeadingLevels } from './heading-levels.js';
import type { PictureNumbering } from './paragraphs.js';
import { newScope, type Scope } from './scope.js';

/** One rule of the structure grammar: what it looks for in a block, and what it then builds. */
export interface StructureRule<M = unknown> {
  name: string;
  /**
   * Pending state that survives this rule: the table of contents still open for more entries, the
   * annex still waiting for its title. All other rules close them.
   */
  keeps?: readonly ('contents' | 'annexTitle')[];
  /** A reading step rather than a rule: it records what it read and lets the rules after it read the block. */
  passes?: true;
  /** What the rule found in the block, or null when the block is not its kind. Reads only. */
  matches(view: BlockView): M | null;
  /** Builds the match into the state. */
  apply(match: M, state: StructureState, view: BlockView, reporter: Reporter): void;
}

/** Ids unique over the whole document: a repeated base gets `-2`, `-3`… */
export class UniqueIds {
  private readonly taken = new Set<string>();

  take(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

export interface StructureState {
  readonly main: Scope;
  /** The scope blocks go to: the body, then each annex in turn. */
  scope: Scope;
  readonly annexes: Annex<FootnoteDraft>[];
  /** An annex whose label was read, while its title may still follow. */
  awaitingAnnexTitle: Annex<FootnoteDraft> | null;
  /** The table of contents being read, while its entries follow each other. */
  contents: ContentsBlock | null;
  /** The first line of the contents' last entry: a wrapped entry title is indented from it. */
  contentsLine: Line | null;
  readonly headingLevels: HeadingLevels;
  readonly pictureNumbers: PictureNumbering;
  readonly ids: UniqueIds;
  /** The paragraph number the current block's number picture was counted as, once counted. */
  pictureNumber: number | null;
}

export function newState(headingLevels: HeadingLevels, pictureNumbers: PictureNumbering): StructureState {
  const main = newScope('');
  return {
    main,
    scope: main,
    annexes: [],
    awaitingAnnexTitle: null,
    contents: null,
    contentsLine: null,
    headingLevels,
    pictureNumbers,
    ids: new UniqueIds(),
    pictureNumber: null,
  };
}

export interface BlockView {
  readonly block: RawBlock;
  readonly first: Line;
  /** The block's lines joined into one text, trimmed. */
  readonly text: string;
  readonly joined: JoinedText;
  /** Where the block's lines were printed: what every element built from it carries. */
  readonly prov: Provenance[];
  /** All blocks of the document and this one's place among them, for rules that look ahead. */
  readonly blocks: readonly RawBlock[];
  readonly index: number;
  readonly previous: RawBlock | undefined;
  readonly next: RawBlock | undefined;
  readonly typography: Typography;
  /** The document's words, for joining other lines of the block (an annex title under its label). */
  readonly vocabulary: Set<string>;
  readonly state: Readonly<StructureState>;
  /** Whether blocks now go to an annex rather than the body. */
  readonly inAnnex: boolean;
  /** The block's footnote markers from offset `cut` of its text on, as pending references. */
  refs(cut?: number): FootnoteDraft[];
}

/** The view of block `index`, or null when it holds no text. */
export function viewOf(
  blocks: readonly RawBlock[],
  index: number,
  typography: Typography,
  vocabulary: Set<string>,
  state: StructureState,
): BlockView | null {
  const block = blocks[index]!;
  const joined = joinLines(block.lines, vocabulary);
  const text = joined.text.trim();
  if (!text) return null;
  return {
    block,
    first: block.lines[0]!,
    text,
    joined,
    prov: provenanceOf(block.lines),
    blocks,
    index,
    previous: blocks[index - 1],
    next: blocks[index + 1],
    typography,
    vocabulary,
    state,
    inAnnex: state.scope !== state.main,
    refs: (cut = 0) => [...slice(trim(joined), cut).anchors],
  };
}

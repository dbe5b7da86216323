/**
 * The document model: every type the pipeline passes between stages, defined once.
 *
 * Coordinates: extract.ts converts pdf.js's PDF space (origin bottom-left, y up) once into
 * page space: points from the top-left corner of the page, y growing downwards. `y` of a run or
 * line is its baseline. Nothing after extract.ts sees PDF space.
 */
import type { SCHEMA_VERSION } from './version.js';

/** A problem or a decision worth auditing, attached to the document by a stage. */
export interface Diagnostic {
  /** Stable rule id, e.g. `furniture/running-header`. */
  rule: string;
  /** One sentence: what was found and what was done or expected. */
  message: string;
  page?: number;
}

/** Collects diagnostics; stages receive one and never print. */
export interface Reporter {
  report(rule: string, message: string, page?: number): void;
}

/** Writing direction of a run, as pdf.js reports it. */
export type Direction = 'ltr' | 'rtl' | 'ttb';

/** One positioned piece of text as the PDF draws it (one pdf.js text item). */
export interface TextRun {
  text: string;
  /** Left edge, in points from the left of the page. */
  x: number;
  /** Baseline, in points from the top of the page. */
  y: number;
  width: number;
  /** Font size in points (the vertical scale of the text matrix). */
  size: number;
  /** pdf.js's per-document font key: runs with the same key share a font (face and weight). */
  font: string;
  dir: Direction;
  /** Marked as an artifact (page furniture: running head, footer) in a tagged PDF. */
  artifact?: true;
  /** Ordinal of the page region it stands in, in reading order: set on pages with columns only. */
  region?: number;
}

/** A part of a page read as one (a column, a full-width band), in the runs' top-left page space. */
export interface Region {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Page {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /**
   * Small pictures drawn on a right-to-left page (label pictures: some Arabic documents print
   * their paragraph numbers as images). Absent where none was looked for or found.
   */
  pictures?: Picture[];
  /** The regions of a page set in columns, indexed by the runs' `region`; absent on other pages. */
  regions?: Region[];
  /** Horizontal and vertical rules drawn on the page (table borders); absent where none was drawn. */
  rules?: Rule[];
}

/**
 * A drawn rule: a stroked straight segment or a thin filled rectangle, as the box it covers, in
 * the runs' top-left page space. Horizontal when wider than tall.
 */
export interface Rule {
  x0: number;
  /** Top edge from the page top. */
  y0: number;
  x1: number;
  y1: number;
}

/** Where a picture is drawn: its box, in the runs' top-left page space. */
export interface Picture {
  x: number;
  /** Top edge from the page top. */
  y: number;
  width: number;
  height: number;
}

/** What extract.ts hands to the stages. */
export interface ExtractedDocument {
  file: string;
  sha256: string;
  pages: Page[];
  /** Pages in the PDF, when a page selection kept fewer than all of them (then `pages` holds those kept). */
  pageCount?: number;
  /** True when the PDF carries a structure tree (tagged PDF). */
  tagged: boolean;
  /** Document-information dictionary entries the stages use: the language tag ("fr-FR"). */
  info: { language?: string };
  /** What reading the PDF found wrong with it (damaged content pdf.js recovered from), for the document's diagnostics. */
  diagnostics?: Diagnostic[];
}

/** A place in a text: the character at `offset` (or the end, at the text's length). */
export interface Anchor {
  readonly offset: number;
}

/**
 * A text and its anchors, edited together by the operations of text/anchored-text.ts, which keep
 * every anchor on its character. Anchors are in order of offset.
 */
export interface AnchoredText<A extends Anchor = Anchor> {
  readonly text: string;
  readonly anchors: readonly A[];
}

/** A raised footnote marker, taken out of the text: it stood before the character at `offset`. */
export interface MarkerAnchor extends Anchor {
  readonly kind: 'marker';
  readonly marker: string;
}

/** A table cell (other than a line's first) starts at `offset`. */
export interface CellAnchor extends Anchor {
  readonly kind: 'cell';
}

/**
 * A piece of the line drawn apart from the one before it (a gap wider than a word space): it
 * starts at `offset` and is drawn from `x` to `right`. Table columns are found from these.
 */
export interface SpanAnchor extends Anchor {
  readonly kind: 'span';
  readonly x: number;
  readonly right: number;
}

export type LineAnchor = MarkerAnchor | CellAnchor | SpanAnchor;

/** A footnote reference not yet resolved: the printed marker, its page and its offset in the block's text. */
export interface FootnoteDraft extends Anchor {
  readonly marker: string;
  readonly page: number;
}

/**
 * One printed line after furniture removal: runs on one baseline, joined into text. Its anchors
 * are the superscript footnote markers found inside it and, for a line cut out of a table grid
 * (cells separated by wide gaps), where each cell after the first starts.
 */
export interface Line extends AnchoredText<LineAnchor> {
  page: number;
  /** Left and right edges of the inked text. */
  x: number;
  right: number;
  /** Baseline from the page top. */
  y: number;
  /**
   * Top and bottom of the line's text from the page top: the em boxes of its runs (superscript
   * markers left out), what its provenance box is made of.
   */
  top: number;
  bottom: number;
  /** Dominant font size and font key of the line (by characters). */
  size: number;
  font: string;
  /** Right-to-left script dominates the line. */
  rtl: boolean;
  /** Most of the line's text is marked as an artifact in a tagged PDF. */
  artifact?: true;
  /** The column the line stands in, on a page set in columns: its measure, not the page's. */
  column?: Region;
  /**
   * A number printed as a picture where the line starts, followed by a dash picture: how some
   * Arabic documents print their paragraph numbers. Only how many digits it shows is known.
   */
  numberPicture?: { digits: number };
  /** A table found in place of the lines it was printed on (this line stands for them all). */
  table?: TableDraft;
}

/** A cell of the draft grid: `column` is where it starts (0-based). */
/** A table cell as found: its text and where it starts. */
export interface DraftCell {
  text: string;
  column: number;
  colspan?: number;
  rowspan?: number;
  header?: true;
  /** The boxes of the pieces of lines the cell's text was read from (none for an empty cell). */
  boxes?: { page: number; box: BoundingBox }[];
  /** Note markers raised at the end of the cell's text, for the footnotes stage to link. */
  markers?: string[];
}

/** A table as found on its lines, before it is given an id. */
export interface TableDraft {
  columns: number;
  headerRows: number;
  /** Rows top to bottom; each row's cells left to right, covering the row with empty cells where nothing is printed. */
  rows: DraftCell[][];
  pages: number[];
  /** The caption printed above the table, when it has one. */
  title?: string;
}

/** Per-document typographic facts every layout rule is relative to. */
export interface Typography {
  /** Most common body font size (by characters). */
  bodySize: number;
  /** Most common body font key. */
  bodyFont: string;
  /** Most common distance between consecutive body baselines. */
  lineGap: number;
  /** Most common left edge of body text lines. */
  leftMargin: number;
  rightMargin: number;
}

/** A page after the running furniture is gone, split into body lines and the notes area. */
export interface PageLines {
  number: number;
  width: number;
  height: number;
  body: Line[];
  /** Lines in the footnote area at the bottom of the page. */
  notes: Line[];
  /** The notes printed right under a table on the page ("a Representing…"), set by the tables stage. */
  tableNotes?: Line[];
}

/** A block of consecutive lines that belong together, before it is given a meaning. */
export interface RawBlock {
  page: number;
  lines: Line[];
}

/** A page as build-lines leaves it: its lines in reading order. */
export interface LinesPage {
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

/** The pages with their running furniture taken out, and the furniture, kept for audit. */
export interface StrippedPages {
  pages: LinesPage[];
  furniture: Furniture[];
}

/** What the page-1 masthead says, and how much of page 1 it takes. */
export interface Masthead {
  metadata: Metadata;
  /** The masthead's printed lines, with the field read from each. */
  lines: MastheadLine[];
  /** How many body lines at the top of page 1 belong to the masthead. */
  consumed: number;
  /** How many pages after page 1 belong to the cover: an Official Records supplement's title page and inside cover. */
  coverPages: number;
  /** How many lines at the top of the first page after the cover are the masthead's (a report's "[17 June 2025]"). */
  bodyOpening: number;
}

/** The document's blocks, footnote references still drafts. */
export interface Structure {
  body: Block<FootnoteDraft>[];
  annexes: Annex<FootnoteDraft>[];
}

/** The document's blocks with their footnote references resolved, and the footnotes. */
export interface LinkedContent {
  body: Block[];
  annexes: Annex[];
  footnotes: Footnote[];
}

// ───────────────────────────── output (the JSON contract) ─────────────────────────────

/** A box on a page, in points from its top-left corner: left, top, right, bottom. */
export type BoundingBox = [x0: number, y0: number, x1: number, y1: number];

/**
 * Where an element was printed: one page, and the box its lines cover there, rounded to 0.1 pt.
 * An element has one entry per page it spans (and per column, on a page set in columns).
 */
export interface Provenance {
  page: number;
  bbox: BoundingBox;
}

export interface FootnoteRef {
  /** Id of the footnote, e.g. `fn-1`. */
  id: string;
  /** Character offset in the block's text where the marker stood. */
  offset: number;
}

/**
 * Blocks carry their footnote references as `Ref`: resolved (`FootnoteRef`, in the output), or as
 * drafts (`FootnoteDraft`) between the structure and footnotes stages.
 */
export interface HeadingBlock<Ref = FootnoteRef> {
  type: 'heading';
  id: string;
  level: number;
  number: string | null;
  text: string;
  footnoteRefs: Ref[];
  prov: Provenance[];
}

/** A sub-item of a paragraph: `(a)`, `(i)`, `a)`, a bullet. */
export interface ItemBlock<Ref = FootnoteRef> {
  type: 'paragraph';
  label: string | null;
  text: string;
  footnoteRefs: Ref[];
  prov: Provenance[];
  items?: ItemBlock<Ref>[];
}

export interface ParagraphBlock<Ref = FootnoteRef> {
  type: 'paragraph';
  id: string;
  number: string | null;
  text: string;
  footnoteRefs: Ref[];
  prov: Provenance[];
  items?: ItemBlock<Ref>[];
}

/** A table cell as output: empty cells are kept, so that cells stand in place as in HTML. */
export interface TableCell<Ref = FootnoteRef> {
  text: string;
  /** A column heading (in the table's header rows). */
  header?: true;
  /** Columns and rows the cell covers, when more than one. */
  colspan?: number;
  rowspan?: number;
  /**
   * Where the cell's text was printed: one entry per page (two for a row broken across a page
   * end). Absent on an empty cell, where nothing was printed.
   */
  prov?: Provenance[];
  /** The footnote markers that stood in the cell's text ("Authorized 2024/25a"), when it had any. */
  footnoteRefs?: Ref[];
}

export interface TableBlock<Ref = FootnoteRef> {
  type: 'table';
  id: string;
  /** Rows top to bottom; a cell covered by a span from the left or above is left out, as in HTML. */
  rows: TableCell<Ref>[][];
  /** How many leading rows are column headings. */
  headerRows?: number;
  /** The caption printed above the table ("Table 2.1 Subprogramme 1: deliverables …"), or null; absent on the table of contents. */
  title?: string | null;
  /** The pages the table is printed on. */
  pages?: number[];
  /** The header rows printed again on each later page of the table, as printed there (not part of `rows`). */
  repeatedHeaders?: { page: number; rows: TableCell<Ref>[][] }[];
  /** Ids of the footnotes printed under the table as its own notes (a, b, *), when it has any. */
  notes?: string[];
  prov: Provenance[];
}

/** One entry of a table of contents, as printed: "I. Introduction ....... 1-3   6". */
export interface ContentsEntry {
  /** The entry's number as printed ("I.", "A.", "1.", "Annex II"), or null. */
  label: string | null;
  /** The entry's title, its wrapped lines joined (dot leaders left out). */
  title: string;
  /** The paragraphs the entry covers ("1-3"), when the contents print a paragraphs column. */
  paragraphs?: string;
  /** The page as printed ("6", "iv"), or null where none is printed (a part heading, an annex list). */
  page: string | null;
  prov: Provenance[];
}

/** The table of contents: never headings, never a table; its entries in order. */
export interface ContentsBlock {
  type: 'contents';
  id: string;
  /** The label printed over it ("Contents", "Table des matières"), or null where the entries stand alone. */
  title: string | null;
  /** The column headings printed over the entries ("Paragraphs", "Page"), in order. */
  columns: string[];
  entries: ContentsEntry[];
  prov: Provenance[];
}

export type Block<Ref = FootnoteRef> = HeadingBlock<Ref> | ParagraphBlock<Ref> | TableBlock<Ref> | ContentsBlock;

export interface Annex<Ref = FootnoteRef> {
  id: string;
  /** As printed: `Annex`, `Annexe II`, `Enclosure`. */
  label: string;
  title: string | null;
  /** The footnote markers that stood in the title ("Decisions of the third Meeting…¹"); absent where it had none. */
  footnoteRefs?: Ref[];
  /** Where the label and the title were printed. */
  prov: Provenance[];
  body: Block<Ref>[];
}

export interface Footnote {
  id: string;
  marker: string;
  text: string;
  page: number;
  prov: Provenance[];
}

export type FurnitureKind = 'header' | 'footer' | 'page-number' | 'job-number' | 'barcode' | 'continuation' | 'running-title';

export interface Furniture {
  page: number;
  kind: FurnitureKind;
  text: string;
  prov: Provenance[];
}

export interface Metadata {
  symbol: string | null;
  symbols: string[];
  organ: string | null;
  distribution: 'General' | 'Limited' | 'Restricted' | null;
  date: string | null;
  language: string | null;
  originalLanguage: string | null;
  jobNumber: string | null;
  session: string | null;
  agendaItems: string[];
  title: string | null;
  subtitle: string | null;
}

/** A line of the page-1 masthead as printed, and the metadata field read from it, if any. */
export interface MastheadLine {
  text: string;
  field: keyof Metadata | null;
  prov: Provenance[];
}

export interface UnDocument {
  /** The schema's version, as the schema's `const` has it (test/schema/types.test.ts holds the two equal). */
  schemaVersion: typeof SCHEMA_VERSION;
  source: { file: string; sha256: string; pages: number };
  metadata: Metadata;
  /** The masthead as printed, so that nothing on page 1 is lost to the metadata summary. */
  masthead: MastheadLine[];
  body: Block[];
  annexes: Annex[];
  footnotes: Footnote[];
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

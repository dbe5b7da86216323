/**
 * UnDocument → JSON text, byte-identical for the same document.
 *
 * Every object is rebuilt here field by field in the order of model.ts and the schema, so the output
 * never depends on the order in which the stages happened to set properties, and properties that are
 * not part of the contract never leak out. JSON.stringify keeps insertion order for non-numeric keys.
 */
import type {
  Annex,
  Block,
  ContentsBlock,
  ContentsEntry,
  Diagnostic,
  Footnote,
  FootnoteRef,
  Furniture,
  HeadingBlock,
  ItemBlock,
  Metadata,
  ParagraphBlock,
  Provenance,
  TableBlock,
  TableCell,
  UnDocument,
} from '../model.js';
import { type BlockHandlers, dispatchBlock } from './common.js';

function orderedRef(ref: FootnoteRef): FootnoteRef {
  return { id: ref.id, offset: ref.offset };
}

function orderedProvenance(prov: readonly Provenance[]): Provenance[] {
  return prov.map(({ page, bbox }) => ({ page, bbox: [bbox[0], bbox[1], bbox[2], bbox[3]] }));
}

function orderedItem(item: ItemBlock): ItemBlock {
  const ordered: ItemBlock = {
    type: item.type,
    label: item.label,
    text: item.text,
    footnoteRefs: item.footnoteRefs.map(orderedRef),
    prov: orderedProvenance(item.prov),
  };
  if (item.items !== undefined) ordered.items = item.items.map(orderedItem);
  return ordered;
}

const BLOCK_ORDERERS = {
  heading: (block): HeadingBlock => ({
    type: block.type,
    id: block.id,
    level: block.level,
    number: block.number,
    text: block.text,
    footnoteRefs: block.footnoteRefs.map(orderedRef),
    prov: orderedProvenance(block.prov),
  }),
  paragraph: (block): ParagraphBlock => {
    const ordered: ParagraphBlock = {
      type: block.type,
      id: block.id,
      number: block.number,
      text: block.text,
      footnoteRefs: block.footnoteRefs.map(orderedRef),
      prov: orderedProvenance(block.prov),
    };
    if (block.items !== undefined) ordered.items = block.items.map(orderedItem);
    return ordered;
  },
  table: (block): TableBlock => {
    const ordered: Omit<TableBlock, 'rows' | 'prov'> & Partial<Pick<TableBlock, 'rows' | 'prov'>> = { type: block.type, id: block.id };
    if (block.title !== undefined) ordered.title = block.title;
    if (block.headerRows !== undefined) ordered.headerRows = block.headerRows;
    if (block.pages !== undefined) ordered.pages = block.pages;
    const rows = block.rows.map((row) => row.map(orderedCell));
    const prov = orderedProvenance(block.prov);
    const notes = block.notes === undefined ? {} : { notes: [...block.notes] };
    if (block.repeatedHeaders === undefined) return { ...ordered, rows, ...notes, prov };
    const repeatedHeaders = block.repeatedHeaders.map((repeat) => ({
      page: repeat.page,
      rows: repeat.rows.map((row) => row.map(orderedCell)),
    }));
    return { ...ordered, rows, repeatedHeaders, ...notes, prov };
  },
  contents: (block): ContentsBlock => ({
    type: block.type,
    id: block.id,
    title: block.title,
    columns: block.columns,
    entries: block.entries.map(orderedEntry),
    prov: orderedProvenance(block.prov),
  }),
} satisfies BlockHandlers<undefined, Block>;

function orderedEntry(entry: ContentsEntry): ContentsEntry {
  const ordered: ContentsEntry = { label: entry.label, title: entry.title, page: entry.page, prov: orderedProvenance(entry.prov) };
  if (entry.paragraphs === undefined) return ordered;
  return { label: entry.label, title: entry.title, paragraphs: entry.paragraphs, page: entry.page, prov: ordered.prov };
}

function orderedCell(cell: TableCell): TableCell {
  const ordered: TableCell = { text: cell.text };
  if (cell.header) ordered.header = true;
  if (cell.colspan !== undefined) ordered.colspan = cell.colspan;
  if (cell.rowspan !== undefined) ordered.rowspan = cell.rowspan;
  if (cell.prov !== undefined) ordered.prov = orderedProvenance(cell.prov);
  if (cell.footnoteRefs !== undefined) ordered.footnoteRefs = cell.footnoteRefs.map(orderedRef);
  return ordered;
}

function orderedBlock(block: Block): Block {
  return dispatchBlock<undefined, Block>(BLOCK_ORDERERS, block, undefined);
}

function orderedMetadata(metadata: Metadata): Metadata {
  return {
    symbol: metadata.symbol,
    symbols: metadata.symbols,
    organ: metadata.organ,
    distribution: metadata.distribution,
    date: metadata.date,
    language: metadata.language,
    originalLanguage: metadata.originalLanguage,
    jobNumber: metadata.jobNumber,
    session: metadata.session,
    agendaItems: metadata.agendaItems,
    title: metadata.title,
    subtitle: metadata.subtitle,
  };
}

function orderedAnnex(annex: Annex): Annex {
  // The title's markers (since schema 1.4.0) stand right after the title they stood in.
  const refs = annex.footnoteRefs === undefined ? {} : { footnoteRefs: annex.footnoteRefs.map(orderedRef) };
  return {
    id: annex.id,
    label: annex.label,
    title: annex.title,
    ...refs,
    prov: orderedProvenance(annex.prov),
    body: annex.body.map(orderedBlock),
  };
}

function orderedFootnote(footnote: Footnote): Footnote {
  return { id: footnote.id, marker: footnote.marker, text: footnote.text, page: footnote.page, prov: orderedProvenance(footnote.prov) };
}

function orderedFurniture(furniture: Furniture): Furniture {
  return { page: furniture.page, kind: furniture.kind, text: furniture.text, prov: orderedProvenance(furniture.prov) };
}

function orderedDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const ordered: Diagnostic = { rule: diagnostic.rule, message: diagnostic.message };
  if (diagnostic.page !== undefined) ordered.page = diagnostic.page;
  return ordered;
}

/**
 * An array of numbers alone (a bounding box) spread by JSON.stringify over one line per number:
 * no string can match, since JSON strings hold no raw line break.
 */
const SPREAD_NUMBER_ARRAY = /\[\n\s*(-?\d[\d.e+-]*(?:,\n\s*-?\d[\d.e+-]*)*)\n\s*\]/g;
/** A provenance entry (a page and its box, once the box is on one line) spread over four lines. */
const SPREAD_PAGE_BOX = /\{\n\s*("page": \d+),\n\s*("bbox": \[[^\]\n]*\])\n\s*\}/g;

/** Serialises a document as JSON: fixed key order, 2-space indentation (a provenance entry on one line), trailing newline. */
export function toJson(document: UnDocument): string {
  const ordered: UnDocument = {
    schemaVersion: document.schemaVersion,
    source: { file: document.source.file, sha256: document.source.sha256, pages: document.source.pages },
    metadata: orderedMetadata(document.metadata),
    masthead: document.masthead.map((line) => ({ text: line.text, field: line.field, prov: orderedProvenance(line.prov) })),
    body: document.body.map(orderedBlock),
    annexes: document.annexes.map(orderedAnnex),
    footnotes: document.footnotes.map(orderedFootnote),
    furniture: document.furniture.map(orderedFurniture),
    diagnostics: document.diagnostics.map(orderedDiagnostic),
  };
  // Provenance on one line per entry: over the corpus its bytes are a quarter fewer than spread out, and it reads as easily.
  const text = JSON.stringify(ordered, null, 2)
    .replace(SPREAD_NUMBER_ARRAY, (_, numbers: string) => `[${numbers.replace(/,\n\s*/g, ', ')}]`)
    .replace(SPREAD_PAGE_BOX, '{ $1, $2 }');
  return `${text}\n`;
}

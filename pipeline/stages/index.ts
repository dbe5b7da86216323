/**
 * The pipeline, in order, as straight-line calls: each stage is a pure function that names the
 * values it reads as its parameters, so the compiler checks that each was made by a stage before it.
 *
 *   extract → columns → lines → furniture → spacing → ligatures → typography → notes → masthead → drawings → tables → blocks
 *           → structure → footnotes → document
 *
 * The PDF stays open from extract to drawings: the rules a page draws are read only on the pages
 * where the tables stage may find a table, which the stages before it tell.
 */
import { readPdf, type ExtractOptions } from '../extract.js';
import type { Reporter, UnDocument } from '../model.js';
import { assembleDocument } from './assemble-document.js';
import { buildLines } from './build-lines.js';
import { findColumns } from './find-columns.js';
import { findTables, pagesThatMayHoldTables } from './find-tables.js';
import { buildStructure } from './build-structure.js';
import { groupBlocks } from './group-blocks.js';
import { linkFootnotes } from './link-footnotes.js';
import { measureTypography } from './measure-typography.js';
import { readMasthead } from './read-masthead.js';
import { repairLamAlef } from './repair-lam-alef.js';
import { repairWordSplits } from './repair-word-splits.js';
import { splitNotes } from './split-notes.js';
import { stripFurniture } from './strip-furniture.js';

/** The stages by the names `undoc inspect --stage` and the timings know them, in pipeline order. */
export const STAGE_NAMES = [
  'extract',
  'columns',
  'lines',
  'furniture',
  'spacing',
  'ligatures',
  'typography',
  'notes',
  'masthead',
  'drawings',
  'tables',
  'blocks',
  'structure',
  'footnotes',
  'document',
] as const;

export type StageName = (typeof STAGE_NAMES)[number];

/** Runs each stage under its name, for the timings and for `undoc inspect`, and returns its value. */
export interface StageTimer {
  timed<T>(name: StageName, run: () => T): T;
  timedAsync<T>(name: StageName, run: () => Promise<T>): Promise<T>;
}

/**
 * One PDF's bytes → its UnDocument (not yet validated, diagnostics not yet attached), and the
 * pages whose drawings pdf.js was asked for besides their text.
 */
export function runPipeline(
  data: Uint8Array,
  file: string,
  reporter: Reporter,
  { timed, timedAsync }: StageTimer,
  extractOptions: ExtractOptions = {},
): Promise<{ document: UnDocument; drawnPages: number[] }> {
  return readPdf(data, file, extractOptions, async (reading) => {
    const source = await timedAsync('extract', () => reading.text());
    for (const { rule, message, page } of source.diagnostics ?? []) reporter.report(rule, message, page);
    const columnOrdered = timed('columns', () => findColumns(source));
    const linePages = timed('lines', () => buildLines(columnOrdered));
    const { pages, furniture } = timed('furniture', () => stripFurniture(linePages, reporter));
    const wordRepairedPages = timed('spacing', () => repairWordSplits(pages, reporter));
    const textPages = timed('ligatures', () => repairLamAlef(wordRepairedPages, reporter));
    const typography = timed('typography', () => measureTypography(textPages));
    const notedPages = timed('notes', () => splitNotes(textPages, typography, reporter));
    const masthead = timed('masthead', () => readMasthead(notedPages, furniture, typography, source.info, reporter));
    // Worked out apart from the drawings' timing, which the benchmark counts as pdf.js's work.
    const tablePages = pagesThatMayHoldTables(notedPages, masthead.consumed, typography);
    const drawn = await timedAsync('drawings', () => reading.withRules(source, tablePages));
    for (const { rule, message, page } of drawn.diagnostics) reporter.report(rule, message, page);
    const tabledPages = timed('tables', () => findTables(notedPages, masthead.consumed, drawn.document, typography));
    const blocks = timed('blocks', () =>
      groupBlocks(tabledPages, masthead.consumed, typography, masthead.coverPages, masthead.bodyOpening),
    );
    const structure = timed('structure', () => buildStructure({ blocks, typography }, reporter));
    const content = timed('footnotes', () => linkFootnotes(tabledPages, structure, reporter));
    const document = timed('document', () => assembleDocument(source, masthead, content, furniture));
    return { document, drawnPages: reading.drawnPages() };
  });
}

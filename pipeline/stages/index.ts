/**
 * The pipeline, in order. Each stage is a pure function of the outputs of the stages before it
 * (read by name) and a reporter for diagnostics; `extract` (pdf.js) runs before them all.
 *
 *   extract → columns → lines → furniture → spacing → ligatures → typography → notes → masthead → blocks → structure
 *           → footnotes → document
 */
import type { ExtractedDocument, PageLines, RawBlock, Reporter, Typography, UnDocument } from '../model.js';
import { assembleDocument } from './assemble-document.js';
import { buildLines, type LinesPage } from './build-lines.js';
import { findColumns } from './find-columns.js';
import { buildStructure, type Structure } from './build-structure.js';
import { groupBlocks } from './group-blocks.js';
import { linkFootnotes, type LinkedContent } from './link-footnotes.js';
import { measureTypography } from './measure-typography.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import { repairLamAlef } from './repair-lam-alef.js';
import { repairWordSplits } from './repair-word-splits.js';
import { splitNotes } from './split-notes.js';
import { stripFurniture, type StrippedPages } from './strip-furniture.js';

/** What each stage produces, by stage name. */
export interface StageOutputs {
  extract: ExtractedDocument;
  columns: ExtractedDocument;
  lines: LinesPage[];
  furniture: StrippedPages;
  spacing: StrippedPages;
  ligatures: StrippedPages;
  typography: Typography;
  notes: PageLines[];
  masthead: Masthead;
  blocks: RawBlock[];
  structure: Structure;
  footnotes: LinkedContent;
  document: UnDocument;
}

export type StageName = keyof StageOutputs;

interface Stage<N extends Exclude<StageName, 'extract'>> {
  name: N;
  run: (done: StageOutputs, reporter: Reporter) => StageOutputs[N];
}

const stage = <N extends Exclude<StageName, 'extract'>>(name: N, run: Stage<N>['run']): Stage<N> => ({ name, run });

/** The stage order: the one place it is written down. */
export const STAGES = [
  stage('columns', findColumns),
  stage('lines', (done) => buildLines({ extract: done.columns })),
  stage('furniture', stripFurniture),
  stage('spacing', repairWordSplits),
  stage('ligatures', repairLamAlef),
  stage('typography', measureTypography),
  stage('notes', splitNotes),
  stage('masthead', readMasthead),
  stage('blocks', groupBlocks),
  stage('structure', buildStructure),
  stage('footnotes', linkFootnotes),
  stage('document', assembleDocument),
] as const;

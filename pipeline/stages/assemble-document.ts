/**
 * Stage — assemble document: the stages' results → the UnDocument of the JSON contract.
 * Diagnostics are attached by the runner after all stages have spoken.
 */
import type { ExtractedDocument, UnDocument } from '../model.js';
import { SCHEMA_VERSION } from '../version.js';
import type { LinkedContent } from './link-footnotes.js';
import type { Masthead } from './read-masthead.js';
import type { StrippedPages } from './strip-furniture.js';

export function assembleDocument(input: {
  extract: ExtractedDocument;
  furniture: StrippedPages;
  masthead: Masthead;
  footnotes: LinkedContent;
}): UnDocument {
  const { extract, furniture, masthead, footnotes } = input;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { file: extract.file, sha256: extract.sha256, pages: extract.pages.length },
    metadata: masthead.metadata,
    masthead: masthead.lines,
    body: footnotes.body,
    annexes: footnotes.annexes,
    footnotes: footnotes.footnotes,
    furniture: furniture.furniture,
    diagnostics: [],
  };
}

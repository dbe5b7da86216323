/**
 * Stage — assemble document: the stages' results → the UnDocument of the JSON contract.
 * Diagnostics are attached by the runner after all stages have spoken.
 */
import type { ExtractedDocument, Furniture, LinkedContent, Masthead, UnDocument } from '../model.js';
import { SCHEMA_VERSION } from '../version.js';

export function assembleDocument(
  source: ExtractedDocument,
  masthead: Masthead,
  content: LinkedContent,
  furniture: Furniture[],
): UnDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { file: source.file, sha256: source.sha256, pages: source.pageCount ?? source.pages.length },
    metadata: masthead.metadata,
    masthead: masthead.lines,
    body: content.body,
    annexes: content.annexes,
    footnotes: content.footnotes,
    furniture,
    diagnostics: [],
  };
}

/**
 * Stage — build structure: blocks of lines → headings, numbered paragraphs with their sub-items,
 * tables, the table of contents (kept as a table, never taken for headings) and annexes.
 *
 * Each block is read by the rules of structure/rules.ts, in their order; the first that matches
 * builds it. This file is the fold that applies them and owns the state they build.
 *
 * Footnote markers stay where they stood, as draft references (marker, page, offset) that the
 * footnote stage resolves.
 */
import type { RawBlock, Reporter, Structure, Typography } from '../model.js';
import { vocabularyOf } from './join-text.js';
import { HeadingLevels } from './structure/heading-levels.js';
import { headingStyles } from './structure/heading-styles.js';
import { PictureNumbering } from './structure/paragraphs.js';
import { STRUCTURE_RULES } from './structure/rules.js';
import { newState, viewOf, type StructureRule, type StructureState } from './structure/view.js';

export function buildStructure(input: { blocks: RawBlock[]; typography: Typography }, reporter: Reporter): Structure {
  const { blocks, typography } = input;
  const vocabulary = vocabularyOf(blocks.flatMap((b) => b.lines));
  const pictureNumbers = new PictureNumbering(reporter);
  const state = newState(new HeadingLevels(typography, headingStyles(blocks, typography)), pictureNumbers);
  for (let index = 0; index < blocks.length; index++) {
    const view = viewOf(blocks, index, typography, vocabulary, state);
    if (view === null) continue;
    state.pictureNumber = null;
    for (const rule of STRUCTURE_RULES) {
      const match = rule.matches(view);
      if (match === null) continue;
      if (!rule.passes) closePending(state, rule);
      rule.apply(match, state, view, reporter);
      if (!rule.passes) break;
    }
  }
  pictureNumbers.finish();
  return { body: state.main.blocks, annexes: state.annexes };
}

/** A block that is no contents entry ends the table of contents; one that is no table or annex title ends the wait for the title. */
function closePending(state: StructureState, rule: StructureRule): void {
  if (!rule.keeps?.includes('contents')) {
    state.contents = null;
    state.contentsLine = null;
  }
  if (!rule.keeps?.includes('annexTitle')) state.awaitingAnnexTitle = null;
}

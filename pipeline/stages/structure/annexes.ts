/**
 * Annexes: a label ("Annex II", "المرفق الأول") opens a new scope, whose title is the rest of the
 * label's block or the short centred line or heading that follows it.
 */
import { ANNEX_LABEL } from '../../languages/index.js';
import type { Annex, FootnoteDraft, Provenance } from '../../model.js';
import { trim } from '../../text/anchored-text.js';
import { extendProvenance } from '../../provenance.js';
import { ENDS_SENTENCE } from '../group-blocks.js';
import { joinLines } from '../join-text.js';
import { isCentred } from '../measure-typography.js';
import { HEADING_NUMBER, isHeading, isHeadingLike } from './headings.js';
import { newScope } from './scope.js';
import type { StructureRule, StructureState } from './view.js';

/** The label alone on its line, as a heading or centred in any size ("المرفق الأول" at 12 pt). */
export const annexLabel: StructureRule<{ label: string; title: string; refs: FootnoteDraft[] }> = {
  name: 'annex label',
  matches({ block, first, typography, vocabulary }) {
    const label = first.text.trim();
    if (!ANNEX_LABEL.test(label) || !(isHeadingLike({ page: block.page, lines: [first] }, typography) || isCentred(first, typography)))
      return null;
    // "Annex" and its title set as one block: the lines after the label are the title.
    const rest = trim(joinLines(block.lines.slice(1), vocabulary));
    return { label, title: rest.text, refs: [...rest.anchors] };
  },
  apply({ label, title, refs }, state, { prov }) {
    const id = `annex-${state.annexes.length + 1}`;
    state.scope = newScope(`${id}-`);
    // The annex's body is its scope's block list, filled as the following blocks are read.
    const annex: Annex<FootnoteDraft> = { id, label: label.replace(/\.$/, ''), title: null, body: state.scope.blocks, prov };
    state.annexes.push(annex);
    if (title) setAnnexTitle(state, annex, { title, refs, prov: [] });
    else state.awaitingAnnexTitle = annex;
  },
};

/** The annex title under its label: a short centred line, in any size (E/2018/41-ar: "قائمة المشاركين"). */
export const annexTitle: StructureRule<{ annex: Annex<FootnoteDraft>; title: string; refs: FootnoteDraft[] }> = {
  name: 'annex title',
  matches({ block, text, typography, state, refs }) {
    const annex = state.awaitingAnnexTitle;
    if (
      !annex ||
      block.lines.length > 2 ||
      !block.lines.every((line) => isCentred(line, typography)) ||
      HEADING_NUMBER.test(text) ||
      ENDS_SENTENCE.test(text)
    )
      return null;
    return { annex, title: text, refs: refs() };
  },
  apply: ({ annex, title, refs }, state, { prov }) => setAnnexTitle(state, annex, { title, refs, prov }),
};

/** An unnumbered heading under an annex label is the annex's title, not a heading of its body. */
export const annexTitleHeading: StructureRule<{ annex: Annex<FootnoteDraft>; title: string; refs: FootnoteDraft[] }> = {
  name: 'annex title set as a heading',
  matches(view) {
    const annex = view.state.awaitingAnnexTitle;
    if (!annex || HEADING_NUMBER.test(view.text) || !isHeading(view)) return null;
    return { annex, title: view.text, refs: view.refs() };
  },
  apply: ({ annex, title, refs }, state, { prov }) => setAnnexTitle(state, annex, { title, refs, prov }),
};

/**
 * The annex gets its title and the markers that stood in it (linked to their notes by the footnotes
 * stage), and the title's place joins the label's (`prov` is empty for a title read from the label's block).
 */
function setAnnexTitle(
  state: StructureState,
  annex: Annex<FootnoteDraft>,
  { title, refs, prov }: { title: string; refs: FootnoteDraft[]; prov: Provenance[] },
): void {
  annex.title = title;
  if (refs.length > 0) annex.footnoteRefs = refs;
  annex.prov = extendProvenance(annex.prov, prov);
  state.headingLevels.annexTitle();
}

/**
 * Items: the labelled sub-items of a paragraph ("(a)", "(i)", bullets) and the blocks set in under
 * it (a quotation, a list without labels). Roman items nest under letter items.
 */
import { ARABIC_ITEM_LETTERS } from '../../languages/ar.js';
import { alternation } from '../../languages/index.js';
import { isNextLetter } from '../../languages/numbering.js';
import type { FootnoteDraft, ItemBlock, ParagraphBlock, RawBlock } from '../../model.js';
import { INDENT_RATIO, PARAGRAPH_NUMBER } from './paragraphs.js';
import type { Scope } from './scope.js';
import type { StructureRule } from './view.js';

/**
 * Arabic items are lettered in abjad order, "(أ)", "(ب)", … "(هـ)" (the lone hāʾ often drawn out
 * with a tatweel), and numbered in either set of digits: "(1)", "(١)".
 */
const ARABIC_ITEM_LABEL = `\\((?:${alternation(ARABIC_ITEM_LETTERS)})\u0640?\\)|\\([\u0660-\u0669]{1,2}\\)`;
const ITEM_LABEL = new RegExp(
  `^(\\(?[a-z]{1,2}\\)|\\([ivxlc]{1,6}\\)|[ivxlc]{1,6}\\)|\\(\\d{1,2}\\)|${ARABIC_ITEM_LABEL}|[•●▪◦–-])\\s+|^(（(?:[a-z]{1,2}|[ivxlc]{1,6}|\\d{1,2})）)\\s*`,
);

/** A sub-item of the open paragraph: labelled, numbered out of its sequence, or set in under it. */
export const item: StructureRule<{ paragraph: ParagraphBlock<FootnoteDraft>; item: ItemBlock<FootnoteDraft> }> = {
  name: 'item',
  matches({ block, text, state, refs, prov }) {
    const open = state.scope.openParagraph;
    if (open === null) return null;
    const label = ITEM_LABEL.exec(text) ?? PARAGRAPH_NUMBER.exec(text);
    if (!label && !isIndentedUnder(block, state.scope)) return null;
    const cut = label ? label[0].length : 0;
    return {
      paragraph: open,
      item: { type: 'paragraph', label: label ? label[0].trim() : null, text: text.slice(cut), footnoteRefs: refs(cut), prov },
    };
  },
  apply(match) {
    addItem(match.paragraph, match.item);
  },
};

/**
 * A block set in from the open paragraph's text (a quotation, a list without labels) belongs to it.
 * A paragraph that only indents its first line, as the preambular paragraphs of resolutions do, is
 * its sibling: its other lines are at the margin, or, on one line, it starts where the open one did.
 */
function isIndentedUnder(block: RawBlock, scope: Scope): boolean {
  const first = block.lines[0]!;
  if (first.rtl) return false;
  const slack = INDENT_RATIO * first.size;
  if (block.lines.length === 1) return first.x > scope.paragraphX + slack && Math.abs(first.x - scope.firstLineX) > first.size;
  return Math.min(...block.lines.slice(1).map((l) => l.x)) > scope.paragraphX + slack;
}

/** Roman and letter items nest: `(i)` after `(a)` is a sub-item of `(a)`. */
function addItem(paragraph: ParagraphBlock<FootnoteDraft>, item: ItemBlock<FootnoteDraft>): void {
  const items = (paragraph.items ??= []);
  const last = items.at(-1);
  const label = item.label ?? '';
  const roman = /^\(?[ivxlc]+\)$/.test(label);
  if (last && roman && isLetterLabel(last.label) && !followsLetter(last.label!, label)) {
    (last.items ??= []).push(item);
    return;
  }
  if (last && item.label === null && last.items?.length) {
    last.items.push(item);
    return;
  }
  items.push(item);
}

function isLetterLabel(label: string | null): boolean {
  return label !== null && /^\(?[a-z]{1,2}\)$/.test(label);
}

/** `(i)` after `(h)` is the letter i, not the roman numeral one. */
function followsLetter(previous: string, label: string): boolean {
  const a = previous.replace(/[()]/g, ''),
    b = label.replace(/[()]/g, '');
  return a.length === 1 && b.length === 1 && isNextLetter(b, a);
}

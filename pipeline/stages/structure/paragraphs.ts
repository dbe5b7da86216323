/**
 * Paragraphs: numbered ones (the number printed, or printed as a picture and counted), the
 * numbered paragraphs of a text quoted in the report, and plain ones.
 */
import type { FootnoteDraft, ParagraphBlock, Provenance, RawBlock, Reporter } from '../../model.js';
import { openParagraph, restX, type Scope } from './scope.js';
import type { StructureRule } from './view.js';

/** `23. ` in most layouts; `23- ` in Arabic ones (ESCWA), where the number stands at the right. */
export const PARAGRAPH_NUMBER = /^(\d{1,3})[.-]\s+/;
/** An item or quotation is indented at least this many font sizes from its paragraph's text. */
export const INDENT_RATIO = 1.2;
/** A one-line quoted paragraph starts within this many font sizes of the quoted one before it. */
const QUOTED_X_TOLERANCE = 0.5;

interface NumberedMatch {
  number: number;
  text: string;
  footnoteRefs: FootnoteDraft[];
}

function numberedMatch(number: number, cut: number, text: string, refs: (cut: number) => FootnoteDraft[]): NumberedMatch {
  return { number, text: text.slice(cut), footnoteRefs: refs(cut) };
}

function numberedParagraphBlock(id: string, match: NumberedMatch, prov: Provenance[]): ParagraphBlock<FootnoteDraft> {
  return { type: 'paragraph', id, number: String(match.number), text: match.text, footnoteRefs: match.footnoteRefs, prov };
}

/**
 * A resolution or declaration adopted and quoted in a report numbers its own paragraphs
 * (E/2018/41: the Beirut Consensus 1-34, then each resolution from 1 again). Its numbers are not
 * the report's: the report's sequence goes on after it as if it were not there. Only printed
 * numbers are quoted ones: checked before a number picture is counted.
 */
export const quotedParagraph: StructureRule<NumberedMatch> = {
  name: 'quoted numbered paragraph',
  matches({ block, text, state, refs }) {
    const printed = PARAGRAPH_NUMBER.exec(text);
    if (!printed || !isQuotedNumbered(block, state.scope)) return null;
    return numberedMatch(Number(printed[1]), printed[0].length, text, refs);
  },
  apply(match, state, { block, prov }, reporter) {
    const scope = state.scope;
    const expected = scope.quoted === null ? 1 : scope.quoted.lastNumber + 1;
    if (match.number !== 1 && match.number !== expected) {
      reporter.report(
        'structure/numbering',
        `Quoted paragraph ${match.number} follows quoted paragraph ${scope.quoted?.lastNumber ?? 'none'}.`,
        block.page,
      );
    }
    openParagraph(scope, block, numberedParagraphBlock(state.ids.take(`${scope.idPrefix}para-${match.number}`), match, prov));
    scope.quoted = { lastNumber: match.number, firstLineX: block.lines[0]!.x };
  },
};

/**
 * A number picture is counted when a block that carries one, and no printed number, reaches the
 * numbered paragraph rule: after it the count goes on, whether or not the block turns out to be
 * a numbered paragraph.
 */
export const pictureNumber: StructureRule<{ digits: number }> = {
  name: 'number picture counted',
  passes: true,
  matches({ first, text }) {
    return first.numberPicture !== undefined && !PARAGRAPH_NUMBER.test(text) ? first.numberPicture : null;
  },
  apply(picture, state, { block }) {
    state.pictureNumber = state.pictureNumbers.next(picture, block.page);
  },
};

/**
 * A paragraph of the scope's own numbering. A number that breaks the sequence on a block set in
 * from the open paragraph is a list inside that paragraph, not the next paragraph.
 */
export const numberedParagraph: StructureRule<NumberedMatch> = {
  name: 'numbered paragraph',
  matches({ first, text, state, refs }) {
    const printed = PARAGRAPH_NUMBER.exec(text);
    const number = printed ? Number(printed[1]) : state.pictureNumber;
    if (number === null) return null;
    const scope = state.scope;
    const expected = scope.lastNumber === null ? number : scope.lastNumber + 1;
    const indentedList = scope.openParagraph !== null && number !== expected && first.x > scope.paragraphX + INDENT_RATIO * first.size;
    if (indentedList) return null;
    return numberedMatch(number, printed ? printed[0].length : 0, text, refs);
  },
  apply(match, state, { block, prov }, reporter) {
    const scope = state.scope;
    const first = block.lines[0]!;
    if (scope.lastNumber !== null && match.number !== scope.lastNumber + 1) {
      reporter.report('structure/numbering', `Paragraph ${match.number} follows paragraph ${scope.lastNumber}.`, block.page);
    }
    openParagraph(scope, block, numberedParagraphBlock(state.ids.take(`${scope.idPrefix}para-${match.number}`), match, prov));
    scope.lastNumber = match.number;
    scope.quoted = null;
    if (scope.numberedIndent === null && block.lines.length > 1 && !first.rtl) scope.numberedIndent = first.x - restX(block);
  },
};

/** Any other block is a plain paragraph; at the margin it closes the numbered one: later items belong to it. */
export const paragraph: StructureRule<{ text: string; footnoteRefs: FootnoteDraft[] }> = {
  name: 'paragraph',
  matches: ({ text, refs }) => ({ text, footnoteRefs: refs() }),
  apply(match, state, { block, prov }) {
    const scope = state.scope;
    openParagraph(scope, block, {
      type: 'paragraph',
      id: state.ids.take(`${scope.idPrefix}p-${++scope.counters.p}`),
      number: null,
      ...match,
      prov,
    });
  },
};

/**
 * A numbered paragraph of a text quoted in the scope, not one of the scope's own: its first line
 * is indented from its other lines by a paragraph indent more than the scope's own numbered
 * paragraphs are (E/2018/41-fr: "1. Nous, représentants…" at 106 pt wrapping at 79 pt, where the
 * report's "3. Lors de sa 7e séance…" starts and wraps at 79 pt). A one-line paragraph is judged
 * by its neighbour: it starts where the quoted paragraph before it did. Right-to-left lines are
 * left alone: their indentation is on the other side, and Arabic reports print their own numbers
 * as pictures, which keeps the two sequences apart already.
 */
function isQuotedNumbered(block: RawBlock, scope: Scope): boolean {
  const first = block.lines[0]!;
  if (first.rtl || scope.numberedIndent === null) return false;
  if (block.lines.length > 1) return first.x - restX(block) - scope.numberedIndent >= INDENT_RATIO * first.size;
  return scope.quoted !== null && Math.abs(first.x - scope.quoted.firstLineX) <= QUOTED_X_TOLERANCE * first.size;
}

/**
 * Paragraph numbers printed as pictures (build-lines finds them) cannot be read, only counted:
 * the n-th such paragraph of the document is paragraph n, as long as each picture shows as many
 * digits as its count has. At the first picture that does not, counting stops: from there on a
 * wrong number would be worse than none.
 */
export class PictureNumbering {
  private count = 0;
  private stopped = false;

  constructor(private readonly reporter: Reporter) {}

  /** The number of the next picture-numbered paragraph, or null once counting has stopped. */
  next(picture: { digits: number }, page: number): number | null {
    if (this.stopped) return null;
    const number = this.count + 1;
    if (String(number).length !== picture.digits) {
      this.stopped = true;
      this.reporter.report(
        'structure/picture-number',
        `A paragraph number printed as a picture shows ${picture.digits} digit(s) where the count gives ${number}: counting stopped, the paragraphs from here on are unnumbered.`,
        page,
      );
      return null;
    }
    this.count = number;
    return number;
  }

  finish(): void {
    if (this.count > 0) {
      this.reporter.report(
        'structure/picture-number',
        `Paragraphs 1 to ${this.count} are numbered with pictures, not text: their numbers were counted, each checked against the digits its picture shows.`,
      );
    }
  }
}

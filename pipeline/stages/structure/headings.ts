/**
 * Headings: what a heading looks like (size, face, place, length), the number it opens with, and
 * the section letters that tell "M." (section M) from "M. Imad" (Monsieur).
 */
import type { HeadingBlock, FootnoteDraft, ItemBlock, ParagraphBlock, RawBlock, Typography } from '../../model.js';
import { LATIN_SECTION_NUMBER } from '../group-blocks.js';
import { ARABIC_CHAPTER_LABEL, ARABIC_CHAPTER_ORDINALS, ARABIC_LETTER_NAMES, ARABIC_ORDINAL_ADJECTIVES } from '../../languages/ar.js';
import {
  alternation,
  DRAFT_LABEL_LINE,
  FIGURE_LABEL,
  FIRST_WORDS,
  headingLabelsAround,
  headingLabelWords,
  SUMMARY_LABEL,
} from '../../languages/index.js';
import { isNextLetter, toRoman } from '../../languages/numbering.js';
import { CHINESE_NUMERALS } from '../../languages/zh.js';
import { isCentred, SIZE_TOLERANCE } from '../measure-typography.js';
import { PARAGRAPH_NUMBER } from './paragraphs.js';
import type { Scope } from './scope.js';
import type { BlockView, StructureRule } from './view.js';

/** A heading is at most this many lines and characters long. */
const HEADING_MAX_LINES = 4;
const HEADING_MAX_CHARS = 300;
/** A numbered chapter or section title set larger than the body is at most this many lines. */
const LARGE_CHAPTER_MAX_LINES = 8;
/** An unnumbered body-size heading starts within this many font sizes of the left margin. */
const HEADING_MARGIN_SLACK = 0.5;
/** Small capitals are set at least this fraction of the body size. */
const SMALL_CAPS_MIN_RATIO = 0.75;

/** The ordinal may carry its tanween (U+064B): "أولاً-". */
const ARABIC_HEADING_NUMBER = `(?:${alternation([...ARABIC_CHAPTER_ORDINALS, ...ARABIC_LETTER_NAMES])})\u064B?\\s?-\u064B?`;
const LABELLED_HEADING_WORDS = alternation((['Chapter', 'Part', 'Section', 'Rule', 'Article'] as const).flatMap(headingLabelWords));
/**
 * "الفصل الثاني": the Arabic chapter label and its ordinal adjective, longest first ("الثاني عشر"
 * before "الثاني"), each also as pdf.js returns its lam-alef reversed ("األول").
 */
const ARABIC_LABELLED_CHAPTER = `${ARABIC_CHAPTER_LABEL}\\s+(?:${alternation(
  [...new Set(ARABIC_ORDINAL_ADJECTIVES.flatMap((word) => [word, word.replace(/لأ/g, 'أل')]))].sort((a, b) => b.length - a.length),
)})(?![\\p{L}\\p{M}])`;
/** Labels set around their number: "第一条", "第3章"; and the bracketed Chinese numeral "（一）". */
const CHINESE_LABELLED = `${alternation(new Set(headingLabelsAround().map((l) => l.before)))}(?:[${CHINESE_NUMERALS}]{1,3}|\\d{1,3})(?:${alternation(
  headingLabelsAround()
    .map((l) => l.after)
    .sort((a, b) => b.length - a.length),
)})|（[${CHINESE_NUMERALS}]{1,3}）`;
/** Chapter and section numbers ("IV. ", "B. ", "ثانياً- "), but not paragraph numbers ("4. "). */
const CHAPTER_OR_SECTION_NUMBER = new RegExp(`${LATIN_SECTION_NUMBER.source}|^(?:${ARABIC_HEADING_NUMBER})`);
/**
 * `I.`, `A.`, `1.`, `1.2.`, `1-` (Arabic layouts), `(a)`, `(ii)`, `a)`, `أولاً-`, `一、` before a
 * heading's text; a labelled number (`Rule 3`, `Статья 5`, `المادة 12`, `الفصل الثاني`, `第一条`,
 * `（一）`) before it or as the whole heading ("Article 1" heads an article that has no title).
 * The number is the first group that took part (see headingNumberOf).
 */
export const HEADING_NUMBER = new RegExp(
  `^((?:[IVXLC]{1,6}|[A-Z]|\\d{1,2}(?:\\.\\d{1,2})*)\\.|\\d{1,2}-|${ARABIC_HEADING_NUMBER}|\\(?[a-z]\\)|\\([ivxlc]{2,6}\\)|（[a-z]）|\\d{1,2}\\))\\s+(?=\\S)` +
    `|^((?:${LABELLED_HEADING_WORDS})\\s+(?:[\\d\u0660-\u0669IVXLC]+[.:]?|(?:${alternation(FIRST_WORDS)})(?!\\p{L}))|${ARABIC_LABELLED_CHAPTER})(?:\\s+(?=\\S)|\\s*$)` +
    `|^([${CHINESE_NUMERALS}]{1,3}、)\\s*(?=\\S)|^(${CHINESE_LABELLED})\\s*`,
  'u',
);

/** The printed number of a HEADING_NUMBER match. */
export function headingNumberOf(match: RegExpExecArray): string {
  return (match[1] ?? match[2] ?? match[3] ?? match[4])!;
}

/** Section letters run A, B, C…: one may be missed, not this many. */
const MAX_SECTION_LETTER_STEP = 3;
const SECTION_LETTER = /^([A-Z])\.\s/;
const ROMAN_NUMBER = /^[IVXLC]{1,6}\.\s/;
/** One-letter chapter numbers: "L." (50) and "C." (100) are always section letters. */
const ONE_LETTER_ROMAN = /^[IVX]\.\s/;
/**
 * A Roman numeral standing alone, without its period, on a heading's first line, the title on the
 * lines under it: the sections of a General Assembly resolution ("I" / "Implementation of the
 * Convention…", A/RES/80/110, A/80/L.22).
 */
const BARE_ROMAN_LINE = /^[IVXLC]{1,6}$/;
const BARE_ROMAN_OPENING = /^([IVXLC]{1,6})\s+(?=\S)/;

/** The heading's printed number and where its text starts after it. */
function numberOf(view: BlockView): { number: string | null; cut: number } {
  const numberMatch = HEADING_NUMBER.exec(view.text);
  if (numberMatch) return { number: headingNumberOf(numberMatch), cut: numberMatch[0].length };
  const bare = view.block.lines.length > 1 && BARE_ROMAN_LINE.test(view.first.text.trim()) ? BARE_ROMAN_OPENING.exec(view.text) : null;
  return bare ? { number: bare[1]!, cut: bare[0].length } : { number: null, cut: 0 };
}

interface HeadingMatch {
  number: string | null;
  text: string;
  footnoteRefs: FootnoteDraft[];
  /** Type size and face of the first line: what an unnumbered heading's level follows. */
  size: number;
  font: string;
  /** The section letter the heading opens with, or null. */
  sectionLetter: string | null;
  /** A Roman chapter number: the sections start from A again after it. */
  opensChapter: boolean;
  /** Labelled as a draft on its first line ("Draft decision I"). */
  draft: boolean;
}

/** A heading: its number, level and text; it closes the open paragraph. */
export const heading: StructureRule<HeadingMatch> = {
  name: 'heading',
  matches(view) {
    if (!isHeading(view)) return null;
    const { text, state } = view;
    const { number, cut } = numberOf(view);
    return {
      number,
      text: text.slice(cut).trim(),
      footnoteRefs: view.refs(cut),
      size: view.first.size,
      font: view.first.font,
      sectionLetter: sectionLetterOf(text, state.scope),
      opensChapter: ROMAN_NUMBER.test(text) || (number !== null && BARE_ROMAN_LINE.test(number)),
      draft: DRAFT_LABEL_LINE.test(view.first.text.trim()),
    };
  },
  apply(match, state, { prov }) {
    const scope = state.scope;
    const block: HeadingBlock<FootnoteDraft> = {
      type: 'heading',
      id: state.ids.take(`${scope.idPrefix}h-${++scope.counters.h}`),
      level: match.draft ? state.headingLevels.draftLevel() : state.headingLevels.levelOf(match.number, match.size, match.font),
      number: match.number,
      text: match.text,
      footnoteRefs: match.footnoteRefs,
      prov,
    };
    scope.blocks.push(block);
    scope.openParagraph = null;
    // A chapter starts its sections from A again.
    const letter = match.sectionLetter;
    if (letter !== null) {
      scope.lastSectionLetter = letter;
      if (scope.highestSectionLetter === null || letter > scope.highestSectionLetter) scope.highestSectionLetter = letter;
    } else if (match.opensChapter) {
      scope.previousChapterLetter = scope.highestSectionLetter ?? scope.previousChapterLetter;
      scope.lastSectionLetter = null;
      scope.highestSectionLetter = null;
    }
  },
};

/**
 * The block is set as a heading, and is not one of the look-alikes: the summary box's label, a
 * bold paragraph continuing the numbering, a capital and period that breaks the section letters.
 */
export function isHeading(view: BlockView): boolean {
  const { block, text, typography, state } = view;
  // A line of asterisks or rules between texts ("* * *") separates them; it heads nothing.
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (isSubHeadingOverParagraphs(view) || isFaceHeadingOverParagraph(view)) return true;
  return (
    isHeadingLike(block, typography, view.next, view.inAnnex) &&
    !SUMMARY_LABEL.test(text) &&
    !isTableCaption(view) &&
    !isContinuingParagraph(text, state.scope) &&
    !breaksSectionLetters(text, state.scope)
  );
}

/** A table's units line in brackets: "(Thousands of United States dollars)". */
const UNITS_LINE = /^\(.*\)$/;

/**
 * An unnumbered line over a table (its units line between) that the table took for its title is
 * the table's caption, no section heading (A/80/604/Add.1: "Financial resources" over
 * "(Thousands of United States dollars)" and the table). A numbered heading over a table
 * ("1. Military and police personnel") heads its section all the same.
 */
function isTableCaption(view: BlockView): boolean {
  if (HEADING_NUMBER.test(view.text)) return false;
  const after = view.blocks.slice(view.index + 1, view.index + 3);
  const units = after[0]?.lines.length === 1 && UNITS_LINE.test(after[0].lines[0]!.text.trim());
  const title = after[units ? 1 : 0]?.lines[0]?.table?.title;
  const letters = (s: string) => s.replace(/\s+/g, '');
  return title != null && letters(title) === letters(view.text);
}

/** Bracketed Roman item numbers run at most this far. */
const MAX_ITEM_ROMAN = 40;
/** A sentence or list that is over: a colon still leads into what follows. */
const FINISHED_SENTENCE = /[.!?;؟。]["'”’»)]*$/u;
/** A sub-heading set in the body face is at most this many lines, its last one short. */
const SUB_HEADING_MAX_LINES = 2;
/** Sub-headings stacked over the paragraph they open ("1. Trade" / "(i) ITC…" / "(a) Objectives"): at most this many. */
const MAX_STACKED_SUB_HEADINGS = 3;
/** A line ending this many font sizes before the right margin is short (as in group-blocks). */
const SHORT_LINE_RATIO = 2.5;

/**
 * Layouts that set everything in the body face (TD/B/43/6, 1996) number their sub-headings as
 * they number paragraphs: "1. Official debt" between paragraphs 6 and 7. The paragraph numbering
 * tells the two sequences apart: a short numbered line that is no sentence, whose number does not
 * continue the paragraphs, over a paragraph that does (through at most a few such lines), is a
 * sub-heading. A line under a paragraph that opens a list (ends with a colon, or has items) is an
 * item of that list, and a line under a table is the table's, not a heading.
 */
function isSubHeadingOverParagraphs(view: BlockView): boolean {
  const { block, text, typography, state } = view;
  if (!isShortNumberedLine(block, text, typography)) return false;
  const scope = state.scope;
  const open = scope.openParagraph;
  if (open !== null && opensList(open, text)) return false;
  // Under a table the line is one of the table's (A/50/610's references "(u) A/50/23 (Part III), chapter V").
  // (The same under the contents, which was a table block before it had a kind of its own.)
  const above = scope.blocks.at(-1)?.type;
  if (above === 'table' || above === 'contents') return false;
  const expected = (scope.lastNumber ?? 0) + 1;
  const own = PARAGRAPH_NUMBER.exec(text);
  if (own !== null && Number(own[1]) === expected) return false;
  for (const next of view.blocks.slice(view.index + 1, view.index + 1 + MAX_STACKED_SUB_HEADINGS)) {
    const nextText = next.lines.map((l) => l.text).join(' ');
    const number = PARAGRAPH_NUMBER.exec(nextText);
    if (number !== null && Number(number[1]) === expected && !isShortNumberedLine(next, nextText, typography)) return true;
    if (!isShortNumberedLine(next, nextText, typography)) return false;
  }
  return false;
}

/**
 * Treaty-body concluding observations set their recommendations in bold, so that bold is the
 * commonest face and the bold unnumbered sub-headings look like body text (CEDAW/C/CAF/CO/6:
 * "Женщины и мир и безопасность" over "13. Комитет отмечает…"). Such a heading is one or two lines
 * at body size, the last one short ("Связанное с конфликтом насилие в отношении женщин и девочек и
 * доступ" / "к правосудию"), in another face than the paragraph under it, opening with a capital and
 * ending without punctuation, standing where that paragraph's number does, and the paragraph under
 * it continues the numbering. In the paragraph's own face it must follow a finished sentence
 * ("Поправка к пункту 1 статьи 20 Конвенции" after item "c) …;", over the bold paragraph 59).
 */
function isFaceHeadingOverParagraph(view: BlockView): boolean {
  const { block, text, typography, state, next } = view;
  const line = block.lines[0]!;
  const last = block.lines.at(-1)!;
  if (block.lines.length > SUB_HEADING_MAX_LINES || next === undefined || line.rtl) return false;
  if (block.lines.some((l) => l.font !== line.font || Math.abs(l.size - typography.bodySize) > SIZE_TOLERANCE)) return false;
  if (!/^\p{Lu}/u.test(text) || /[.;,:!?…)]$/.test(text) || HEADING_NUMBER.test(text) || PARAGRAPH_NUMBER.test(text)) return false;
  if (last.right >= (last.column?.right ?? typography.rightMargin) - SHORT_LINE_RATIO * last.size) return false;
  // A sub-heading in a face of its own may stand between it and the paragraph ("Группы женщин…" / "Женщины с инвалидностью").
  // (A numbered paragraph is none, though it may look like one: "57. Комитет … отмечает:"; nor is a figure's label over its caption.)
  const stacked =
    next.lines.length === 1 &&
    next.lines[0]!.font !== line.font &&
    !PARAGRAPH_NUMBER.test(next.lines[0]!.text) &&
    !FIGURE_LABEL.test(text) &&
    isHeadingLike(next, typography)
      ? view.blocks[view.index + 2]
      : undefined;
  const paragraph = stacked ?? next;
  const under = paragraph.lines[0]!;
  if (Math.abs(under.x - line.x) > line.size) return false;
  // In the face of the paragraph under it, the line must stand after a finished sentence, so that it continues nothing.
  const above = view.previous?.lines.at(-1)?.text ?? '';
  if (under.font === line.font && !FINISHED_SENTENCE.test(above)) return false;
  const number = PARAGRAPH_NUMBER.exec(paragraph.lines.map((l) => l.text).join(' '));
  return number !== null && Number(number[1]) === (state.scope.lastNumber ?? 0) + 1;
}

/**
 * The open paragraph leads into a list the line belongs to: it ends with a colon, or its last item
 * ends like a list entry or carries a label of the same kind (bullets under paragraph 66, then
 * "(iii) Capacity-building", TD/B/43/6: a bullet list does not make "(iii)" its item).
 */
function opensList(open: ParagraphBlock<FootnoteDraft>, text: string): boolean {
  const last = open.items?.at(-1);
  if (last === undefined) return /:$/.test(open.text);
  const numbered = HEADING_NUMBER.exec(text);
  const label = numbered ? headingNumberOf(numbered) : '';
  return /[;:,]$/.test(last.text) || (last.label !== null && continuesItems(last, label));
}

/**
 * The label goes on from the list's last item: a label of the same kind, except a bracketed Roman
 * numeral past "(i)" that follows neither the last letter nor a Roman item before it (TD/B/43/6:
 * the sub-heading "(iii) Capacity-building" under items "(a)"–"(d)", after headings "(i)", "(ii)").
 */
function continuesItems(last: ItemBlock<FootnoteDraft>, label: string): boolean {
  const kind = (l: string) => (l.startsWith('(') ? '(' : /^\d/.test(l) ? '1' : l);
  if (kind(last.label!) !== kind(label)) return false;
  const roman = romanValue(label);
  if (roman === null || roman === 1) return true;
  const bare = (l: string | null) => l?.replace(/[()]/g, '') ?? null;
  if (isNextLetter(bare(label)!, bare(last.label))) return true;
  const previous = [last, ...(last.items ?? [])].map((item) => romanValue(item.label ?? ''));
  return previous.includes(roman - 1);
}

/** The value of a bracketed lower-case Roman numeral, "(iii)" → 3; null for any other label. */
function romanValue(label: string): number | null {
  const core = /^\(([ivxlc]{1,6})\)$/.exec(label)?.[1];
  if (core === undefined) return null;
  for (let value = 1; value <= MAX_ITEM_ROMAN; value++) if (toRoman(value).toLowerCase() === core) return value;
  return null;
}

/** A block of one or two body-size lines under a heading number, the last one short, with no final punctuation. */
function isShortNumberedLine(block: RawBlock, text: string, typography: Typography): boolean {
  const lines = block.lines;
  const last = lines.at(-1)!;
  if (lines.length > SUB_HEADING_MAX_LINES || last.rtl || !HEADING_NUMBER.test(text) || /[.;,:!?。；，：？！]$/.test(text)) return false;
  if (lines.some((l) => Math.abs(l.size - typography.bodySize) > SIZE_TOLERANCE)) return false;
  return last.right < (last.column?.right ?? typography.rightMargin) - SHORT_LINE_RATIO * last.size;
}

/**
 * The section letter a heading opens with, or null. "I.", "V.", "X." are chapter numbers unless
 * they follow the letter before them ("I." after "H.").
 */
function sectionLetterOf(text: string, scope: Scope): string | null {
  const letter = SECTION_LETTER.exec(text)?.[1];
  if (letter === undefined) return null;
  if (!ONE_LETTER_ROMAN.test(text)) return letter;
  return isNextLetter(letter, scope.lastSectionLetter) ? letter : null;
}

/**
 * A line opening with a capital letter and a period is a section heading only where that letter
 * continues the sections before it: "M. Imad Abdul Ghani" in a French list of participants is
 * Monsieur, not section M after section A (E/2018/41-fr, annex I).
 */
function breaksSectionLetters(text: string, scope: Scope): boolean {
  const letter = sectionLetterOf(text, scope);
  // "A." may always open a (nested) run of sections.
  if (letter === null || letter === 'A') return false;
  const follows = (previous: string | null) => {
    const step = letter.charCodeAt(0) - (previous ?? '@').charCodeAt(0);
    return step >= 1 && step <= MAX_SECTION_LETTER_STEP;
  };
  // Letters that run on from the chapter before (UNW/2025/2: "A."–"D." under chapter III, "E.
  // Outcome 1" under chapter IV) go on from its last letter, with none missed.
  const runsOn = scope.lastSectionLetter === null && isNextLetter(letter, scope.previousChapterLetter);
  return !follows(scope.lastSectionLetter) && !follows(scope.highestSectionLetter) && !runsOn;
}

/**
 * A bold run-in paragraph continuing the numbering (`56. The Forum …`) is no heading, nor is a
 * numbered line that leads into a list (E/2018/41-en's agenda: "14. Reports of the Commission's
 * subsidiary bodies:" after item 13).
 */
function isContinuingParagraph(text: string, scope: Scope): boolean {
  const match = PARAGRAPH_NUMBER.exec(text);
  return match !== null && scope.lastNumber !== null && Number(match[1]) === scope.lastNumber + 1 && (text.length > 120 || /:$/.test(text));
}

/** The block is set like a heading: larger, in another face, in small capitals, or centred alone. */
export function isHeadingLike(block: RawBlock, typography: Typography, next?: RawBlock, inAnnex = false): boolean {
  const lines = block.lines;
  const first = lines[0]!;
  // A draft's label line over its title ("Draft decision I" / "International expert group meeting
  // on …", E/2025/43) labels the heading as "Chapter I" does: it does not count toward the title's
  // lines, and the two may stand indented, as the draft does under the paragraph that recommends it.
  const draft = DRAFT_LABEL_LINE.test(first.text.trim());
  const text = lines.map((l) => l.text).join(' ');
  // A chapter or section title set larger than the body runs as long as it is (A/61/187-fr, V.: six lines at 14 pt).
  const largeChapter = first.size > typography.bodySize + SIZE_TOLERANCE && CHAPTER_OR_SECTION_NUMBER.test(text);
  if (lines.length > (largeChapter ? LARGE_CHAPTER_MAX_LINES : HEADING_MAX_LINES + (draft ? 1 : 0))) return false;
  if (text.length > HEADING_MAX_CHARS) return false;
  // Headings in small capitals are set smaller than the body ("A. DATE AND VENUE" at 9 pt over 11 pt).
  const smallCaps = text === text.toUpperCase() && /\p{Lu}{3}/u.test(text) && first.size >= SMALL_CAPS_MIN_RATIO * typography.bodySize;
  const larger = first.size > typography.bodySize + SIZE_TOLERANCE;
  const distinctFont = lines.every((l) => l.font !== typography.bodyFont);
  // An annex may be set smaller than the body throughout (a list of participants): there a
  // section number in another face marks a heading at the annex's size (E/2018/41-ar, annex I:
  // "ألف- الدول الأعضاء في الإسكوا" at 12 pt over 14 pt). In the body, such lines label table rows.
  const smallNumberedSection =
    inAnnex && distinctFont && CHAPTER_OR_SECTION_NUMBER.test(text) && first.size >= SMALL_CAPS_MIN_RATIO * typography.bodySize;
  if (first.size < typography.bodySize - SIZE_TOLERANCE && !smallCaps && !smallNumberedSection) return false;
  if (!larger && !distinctFont) return isPlacedLikeHeading(block, text, smallCaps, typography, next);
  // A body-size line in another face that does not start at the margin (an indented "The General
  // Assembly", a right-set meeting line) is emphasis, not a heading; numbered headings hang left of it.
  if (!larger && !draft && !HEADING_NUMBER.test(text) && !first.rtl && first.x > typography.leftMargin + HEADING_MARGIN_SLACK * first.size)
    return false;
  // A sentence that ends like one is a (bold) paragraph, not a heading.
  return !/[.;,]$/.test(text) || /^[IVXLC]+\.$|^[A-Z]\.$/.test(text);
}

/**
 * Layouts that set headings in the body face (bioPDF, 1990s typewriter style) mark them by place:
 * one short line centred on the measure, or opening with a chapter or section number.
 */
function isPlacedLikeHeading(block: RawBlock, text: string, smallCaps: boolean, typography: Typography, next?: RawBlock): boolean {
  const lines = block.lines;
  const first = lines[0]!;
  if (/[.;,:；。]$/.test(text)) return false;
  // Lines centred together, in small capitals or under a section number (printed, or a number
  // picture), are one heading set like the one-line ones (E/2018/41-en: "B. LINKS BETWEEN …
  // PROCESSES" / "AND SUSTAINABLE DEVELOPMENT"; E/2018/41-fr: "H. Questions diverses" /
  // "(Point 23 de l'ordre du jour)"; E/ESCWA/30/7: "3-" as a picture over two centred lines).
  const numbered = CHAPTER_OR_SECTION_NUMBER.test(text) || first.numberPicture !== undefined;
  const centredBlock = (smallCaps || numbered) && lines.every((line) => isCentred(line, typography));
  // A chapter heading in capitals wraps at the margin as well (TD/B/43/6: "I. UNCTAD'S POLICY … TO THE" / "UNITED NATIONS …").
  const capitalChapter = smallCaps && CHAPTER_OR_SECTION_NUMBER.test(text);
  if (lines.length !== 1 && !centredBlock && !capitalChapter) return false;
  if (CHAPTER_OR_SECTION_NUMBER.test(text)) return true;
  // A centred line followed by another starting where it does is one of a centred list, no heading.
  const sibling = next !== undefined && Math.abs(next.lines[0]!.x - first.x) < first.size;
  return isCentred(first, typography) && !sibling;
}

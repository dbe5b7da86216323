/**
 * Stage — build structure: blocks of lines → headings, numbered paragraphs with their sub-items,
 * tables, the table of contents (kept as a table, never taken for headings) and annexes.
 *
 * Footnote markers stay where they stood, as draft references (the printed marker and its page);
 * the footnote stage resolves them.
 */
import type { Annex, Block, FootnoteDraft, HeadingBlock, ItemBlock, Line, ParagraphBlock, RawBlock, Reporter, Structure, TableBlock, Typography } from '../model.js';
import { slice, trim } from '../text/anchored-text.js';
import { cellsOf } from '../text/line-anchors.js';
import { ENDS_SENTENCE, LATIN_SECTION_NUMBER } from './group-blocks.js';
import { isCentred, SIZE_TOLERANCE } from './measure-typography.js';
import { joinLines, vocabularyOf, type JoinedText } from './join-text.js';
import { SUMMARY_LABEL } from './languages.js';

/** A heading is at most this many lines and characters long. */
const HEADING_MAX_LINES = 4;
const HEADING_MAX_CHARS = 300;
/** An item or quotation is indented at least this many font sizes from its paragraph's text. */
const INDENT_RATIO = 1.2;
/** A one-line quoted paragraph starts within this many font sizes of the quoted one before it. */
const QUOTED_X_TOLERANCE = 0.5;
/** An unnumbered body-size heading starts within this many font sizes of the left margin. */
const HEADING_MARGIN_SLACK = 0.5;
/** Small capitals are set at least this fraction of the body size. */
const SMALL_CAPS_MIN_RATIO = 0.75;
/** A heading this much larger than the body is chapter level when no numbering says otherwise. */
const CHAPTER_SIZE_RATIO = 1.3;

/** Arabic chapter numbers are ordinal words ("أولاً-" = I.), section letters are letter names ("ألف-" = A.). */
const ARABIC_CHAPTER_WORDS = ['أولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا'];
const ARABIC_LETTER_WORDS = ['ألف', 'باء', 'جيم', 'دال', 'هاء', 'واو', 'زاي', 'حاء', 'طاء', 'ياء'];
const ARABIC_CHAPTER = new RegExp(`^(?:${ARABIC_CHAPTER_WORDS.join('|')})`);
const ARABIC_LETTER = new RegExp(`^(?:${ARABIC_LETTER_WORDS.join('|')})`);
/** The ordinal may carry its tanween (U+064B): "أولاً-". */
const ARABIC_HEADING_NUMBER = `(?:${[...ARABIC_CHAPTER_WORDS, ...ARABIC_LETTER_WORDS].join('|')})\u064B?\\s?-\u064B?`;
const LABELLED_HEADING_WORDS = 'Chapter|Chapitre|Capítulo|Глава|Part|Partie|Parte|Часть|Section|Sección|Раздел|Rule|Règle|Regla|Article|Artículo|Статья';
/** Chinese chapter numbers: "一、" (I.), "二、"… and letter/number items in full-width brackets "（a）". */
const CHINESE_CHAPTER = /^[一二三四五六七八九十]{1,3}、/;
/** `I.`, `A.`, `1.`, `1.2.`, `1-` (Arabic layouts), `(a)`, `a)`, `أولاً-`, `一、`, `Rule 3` before a heading's text. */
/** Chapter and section numbers ("IV. ", "B. ", "ثانياً- "), but not paragraph numbers ("4. "). */
const CHAPTER_OR_SECTION_NUMBER = new RegExp(`${LATIN_SECTION_NUMBER.source}|^(?:${ARABIC_HEADING_NUMBER})`);
const HEADING_NUMBER = new RegExp(
  `^((?:[IVXLC]{1,6}|[A-Z]|\\d{1,2}(?:\\.\\d{1,2})*)\\.|\\d{1,2}-|${ARABIC_HEADING_NUMBER}|\\(?[a-z]\\)|（[a-z]）|\\d{1,2}\\)|(?:${LABELLED_HEADING_WORDS})\\s+[\\dIVXLC]+[.:]?)\\s+(?=\\S)|^([一二三四五六七八九十]{1,3}、)\\s*(?=\\S)`,
);
/** `23. ` in most layouts; `23- ` in Arabic ones (ESCWA), where the number stands at the right. */
const PARAGRAPH_NUMBER = /^(\d{1,3})[.-]\s+/;
const ITEM_LABEL = /^(\(?[a-z]{1,2}\)|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\)|\(\d{1,2}\)|[•●▪◦–-])\s+|^(（(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})）)\s*/;
/** Arabic annexes are numbered with ordinal adjectives: المرفق الأول, المرفق الثاني, … (first, second, …). */
const ARABIC_ANNEX_ORDINAL = 'الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر';
const ANNEX_LABEL = new RegExp(
  `^(?:Annex|Annexe|Anexo|Appendix|Appendice|Apéndice|Enclosure|Pièce jointe|Приложение|Добавление|المرفق|مرفق|附件)(?:\\s+(?:[IVXLC\\d]+|${ARABIC_ANNEX_ORDINAL}))?\\.?$`,
  'i',
);
const CONTENTS_LABEL = /^(?:Contents|Table des matières|Índice|Содержание|المحتويات|目录)(?:\s*\((?:continued|suite|continuación)\))?$/i;
/** Dot leaders running to a page number (and a paragraph range): "Introduction . . . . 1-3   4". */
const DOT_LEADER = /(?:\.\s?){4,}\s*[\d\-–\s]*$/;
/** A table-of-contents entry ends with dot leaders and/or a page number. */
const TOC_ENTRY = /(?:\.\s?){3,}\s*\d{1,3}$|\s\d{1,3}$|^(?:(?:Pages?|Paragraphs?|Chapter|Paragraphes|Chapitre|Página|Párrafos|Capítulo|Стр\.|Пункты|Глава)\s*)+$/i;
/** Labelled headings that nest under the current chapter rather than define a level of their own. */
const LABELLED_HEADING = /^(?:Section|Sección|Раздел|Rule|Règle|Regla|Article|Artículo|Статья)/i;

interface Scope {
  blocks: Block<FootnoteDraft>[];
  idPrefix: string;
  lastNumber: number | null;
  /** The paragraph that items and quotations attach to. */
  openParagraph: ParagraphBlock<FootnoteDraft> | null;
  /** x of the open paragraph's text (after its number). */
  paragraphX: number;
  /** x of the open paragraph's first line (its number, or its first-line indent). */
  firstLineX: number;
  counters: Record<'h' | 'p' | 'table', number>;
  /** The letter of the last "A."-style section heading since the last chapter, if any. */
  lastSectionLetter: string | null;
  /** The furthest section letter since the last chapter: sections go on after a nested "A.", "B.". */
  highestSectionLetter: string | null;
  /**
   * How far the first line of the scope's own numbered paragraphs stands out from their other
   * lines (0 when the number sits at the margin, negative when the text hangs after it), taken
   * from the first one that wraps; null until then.
   */
  numberedIndent: number | null;
  /** The last paragraph of a numbered text quoted inside the scope, while such paragraphs follow. */
  quoted: { lastNumber: number; firstLineX: number } | null;
}

function newScope(idPrefix: string): Scope {
  return { blocks: [], idPrefix, lastNumber: null, openParagraph: null, paragraphX: 0, firstLineX: 0, counters: { h: 0, p: 0, table: 0 }, lastSectionLetter: null, highestSectionLetter: null, numberedIndent: null, quoted: null };
}

/** Section letters run A, B, C…: one may be missed, not this many. */
const MAX_SECTION_LETTER_STEP = 3;
const SECTION_LETTER = /^([A-Z])\.\s/;
const ROMAN_NUMBER = /^[IVXLC]{1,6}\.\s/;
/** One-letter chapter numbers: "L." (50) and "C." (100) are always section letters. */
const ONE_LETTER_ROMAN = /^[IVX]\.\s/;

/**
 * The section letter a heading opens with, or null. "I.", "V.", "X." are chapter numbers unless
 * they follow the letter before them ("I." after "H.").
 */
function sectionLetterOf(text: string, scope: Scope): string | null {
  const letter = SECTION_LETTER.exec(text)?.[1];
  if (letter === undefined) return null;
  if (!ONE_LETTER_ROMAN.test(text)) return letter;
  return scope.lastSectionLetter !== null && letter.charCodeAt(0) - scope.lastSectionLetter.charCodeAt(0) === 1 ? letter : null;
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
  return !follows(scope.lastSectionLetter) && !follows(scope.highestSectionLetter);
}

/** The footnote markers of a block's trimmed text from `cut` on (after its number or label), as drafts. */
function refsOf(joined: JoinedText, cut = 0): FootnoteDraft[] {
  return [...slice(trim(joined), cut).anchors];
}

export function buildStructure(input: { blocks: RawBlock[]; typography: Typography }, reporter: Reporter): Structure {
  const { typography } = input;
  const vocabulary = vocabularyOf(input.blocks.flatMap((b) => b.lines));
  const annexes: Annex<FootnoteDraft>[] = [];
  const main = newScope('');
  let scope = main;
  const headingLevels = new HeadingLevels(typography);
  const pictureNumbers = new PictureNumbering(reporter);
  let awaitingAnnexTitle: Annex<FootnoteDraft> | null = null;
  /** The table of contents being read, while its entries follow each other. */
  let contents: TableBlock | null = null;
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  for (let index = 0; index < input.blocks.length; index++) {
    const block = input.blocks[index]!;
    const joined = joinLines(block.lines, vocabulary);
    const text = joined.text.trim();
    if (!text) continue;
    const first = block.lines[0]!;

    // The table of contents: its label, then entries with dot leaders and page numbers. Leaders
    // never occur in running text, so entries are recognised even where the label is not.
    const leaderLines = block.lines.filter((l) => DOT_LEADER.test(l.text)).length;
    const startsContents = CONTENTS_LABEL.test(text) && isHeadingLike(block, typography);
    const contentsEntries = block.lines.filter(isContentsEntry).length;
    // An entry wrapped over two or three lines may be split from its leader line, even over two
    // blocks (E/2018/41-en: "B. Consideration of requests…" / "its specialized agencies…" /
    // "observers in the thirtieth session … 107-108 35"): it belongs to the next entry. A sentence,
    // or a paragraph with a number picture, is no entry title (E/2018/41-ar: "مقدمـة" and
    // paragraph 1 after the contents, whose line "…المؤرخ 31" ends like an entry's page number).
    const wrappedEntry =
      contents !== null && !ENDS_SENTENCE.test(text) && first.numberPicture === undefined && wrapsIntoEntry(input.blocks, index);
    if (startsContents || leaderLines * 2 >= block.lines.length || (contents && contentsEntries * 2 >= block.lines.length) || wrappedEntry) {
      if (!contents) {
        contents = { type: 'table', id: uniqueId(`${scope.idPrefix}contents`), rows: [] };
        scope.blocks.push(contents);
      }
      contents.rows.push(...(startsContents ? [[text]] : contentsRows(block.lines)));
      continue;
    }
    contents = null;

    const annexLabel = first.text.trim();
    // The label alone on its line, as a heading or centred in any size ("المرفق الأول" at 12 pt).
    if (ANNEX_LABEL.test(annexLabel) && (isHeadingLike({ page: block.page, lines: [first] }, typography) || isCentred(first, typography))) {
      const id = `annex-${annexes.length + 1}`;
      scope = newScope(`${id}-`);
      // The annex's body is its scope's block list, filled as the following blocks are read.
      const annex: Annex<FootnoteDraft> = { id, label: annexLabel.replace(/\.$/, ''), title: null, body: scope.blocks };
      annexes.push(annex);
      // "Annex" and its title set as one block: the lines after the label are the title.
      const title = joinLines(block.lines.slice(1), vocabulary).text.trim();
      if (title) {
        annex.title = title;
        headingLevels.annexTitle();
      }
      awaitingAnnexTitle = title ? null : annex;
      continue;
    }

    // The annex title under its label: a short centred line, in any size (E/2018/41-ar: "قائمة المشاركين").
    if (awaitingAnnexTitle && block.lines.length <= 2 && block.lines.every((line) => isCentred(line, typography)) && !HEADING_NUMBER.test(text) && !ENDS_SENTENCE.test(text)) {
      awaitingAnnexTitle.title = text;
      awaitingAnnexTitle = null;
      headingLevels.annexTitle();
      continue;
    }

    if (isTableBlock(block)) {
      const previous = scope.blocks.at(-1);
      const rows = block.lines.map((l) => cellsOf(l) ?? [l.text]);
      if (previous?.type === 'table' && input.blocks[index - 1] && isTableBlock(input.blocks[index - 1]!)) previous.rows.push(...rows);
      else scope.blocks.push({ type: 'table', id: uniqueId(`${scope.idPrefix}table-${++scope.counters.table}`), rows });
      continue;
    }

    if (isHeadingLike(block, typography, input.blocks[index + 1], scope !== main) && !SUMMARY_LABEL.test(text) && !isContinuingParagraph(text, scope) && !breaksSectionLetters(text, scope)) {
      if (awaitingAnnexTitle && !HEADING_NUMBER.test(text)) {
        awaitingAnnexTitle.title = text;
        awaitingAnnexTitle = null;
        headingLevels.annexTitle();
        continue;
      }
      awaitingAnnexTitle = null;
      const numberMatch = HEADING_NUMBER.exec(text);
      const number = numberMatch ? (numberMatch[1] ?? numberMatch[2])! : null;
      const cut = numberMatch ? numberMatch[0].length : 0;
      const heading: HeadingBlock<FootnoteDraft> = {
        type: 'heading',
        id: uniqueId(`${scope.idPrefix}h-${++scope.counters.h}`),
        level: headingLevels.levelOf(number, first.size),
        number,
        text: text.slice(cut).trim(),
        footnoteRefs: refsOf(joined, cut),
      };
      scope.blocks.push(heading);
      scope.openParagraph = null;
      // A chapter starts its sections from A again.
      const sectionLetter = sectionLetterOf(text, scope);
      if (sectionLetter !== null) {
        scope.lastSectionLetter = sectionLetter;
        if (scope.highestSectionLetter === null || sectionLetter > scope.highestSectionLetter) scope.highestSectionLetter = sectionLetter;
      } else if (ROMAN_NUMBER.test(text)) {
        scope.lastSectionLetter = null;
        scope.highestSectionLetter = null;
      }
      continue;
    }
    awaitingAnnexTitle = null;

    const textNumber = PARAGRAPH_NUMBER.exec(text);
    // Only printed numbers are quoted ones: checked before a number picture is counted.
    if (textNumber && isQuotedNumbered(block, scope)) {
      // A resolution or declaration adopted and quoted in a report numbers its own paragraphs
      // (E/2018/41: the Beirut Consensus 1-34, then each resolution from 1 again). Its numbers are
      // not the report's: the report's sequence goes on after it as if it were not there.
      const number = Number(textNumber[1]);
      const quotedExpected = scope.quoted === null ? 1 : scope.quoted.lastNumber + 1;
      if (number !== 1 && number !== quotedExpected) {
        reporter.report('structure/numbering', `Quoted paragraph ${number} follows quoted paragraph ${scope.quoted?.lastNumber ?? 'none'}.`, block.page);
      }
      const cut = textNumber[0].length;
      openParagraph(scope, block, { type: 'paragraph', id: uniqueId(`${scope.idPrefix}para-${number}`), number: String(number), text: text.slice(cut), footnoteRefs: refsOf(joined, cut) });
      scope.quoted = { lastNumber: number, firstLineX: first.x };
      continue;
    }
    const paragraphNumber = textNumber ?? (first.numberPicture ? pictureNumbers.next(first.numberPicture, block.page) : null);
    if (paragraphNumber) {
      const number = Number(paragraphNumber[1]);
      const expected = scope.lastNumber === null ? number : scope.lastNumber + 1;
      const indentedList = scope.openParagraph !== null && number !== expected && first.x > scope.paragraphX + INDENT_RATIO * first.size;
      if (!indentedList) {
        if (number !== expected) {
          reporter.report('structure/numbering', `Paragraph ${number} follows paragraph ${scope.lastNumber}.`, block.page);
        }
        const cut = paragraphNumber[0].length;
        openParagraph(scope, block, { type: 'paragraph', id: uniqueId(`${scope.idPrefix}para-${number}`), number: String(number), text: text.slice(cut), footnoteRefs: refsOf(joined, cut) });
        scope.lastNumber = number;
        scope.quoted = null;
        if (scope.numberedIndent === null && block.lines.length > 1 && !first.rtl) scope.numberedIndent = first.x - restX(block);
        continue;
      }
    }

    const label = ITEM_LABEL.exec(text) ?? (textNumber && scope.openParagraph ? textNumber : null);
    if (scope.openParagraph && (label || isIndentedUnder(block, scope))) {
      const cut = label ? label[0].length : 0;
      const item: ItemBlock<FootnoteDraft> = {
        type: 'paragraph',
        label: label ? label[0].trim() : null,
        text: text.slice(cut),
        footnoteRefs: refsOf(joined, cut),
      };
      addItem(scope.openParagraph, item);
      continue;
    }

    const paragraph: ParagraphBlock<FootnoteDraft> = {
      type: 'paragraph',
      id: uniqueId(`${scope.idPrefix}p-${++scope.counters.p}`),
      number: null,
      text,
      footnoteRefs: refsOf(joined),
    };
    scope.blocks.push(paragraph);
    // An unnumbered paragraph at the margin closes the numbered one: later items belong to it.
    scope.openParagraph = paragraph;
    scope.paragraphX = block.lines[1]?.x ?? first.x;
    scope.firstLineX = first.x;
  }

  pictureNumbers.finish();
  return { body: main.blocks, annexes };
}

/**
 * Paragraph numbers printed as pictures (build-lines finds them) cannot be read, only counted:
 * the n-th such paragraph of the document is paragraph n, as long as each picture shows as many
 * digits as its count has. At the first picture that does not, counting stops: from there on a
 * wrong number would be worse than none.
 */
class PictureNumbering {
  private count = 0;
  private stopped = false;

  constructor(private readonly reporter: Reporter) {}

  /** The number of the next picture-numbered paragraph, shaped like a PARAGRAPH_NUMBER match (no text to cut). */
  next(picture: { digits: number }, page: number): [string, string] | null {
    if (this.stopped) return null;
    const number = this.count + 1;
    if (String(number).length !== picture.digits) {
      this.stopped = true;
      this.reporter.report('structure/picture-number', `A paragraph number printed as a picture shows ${picture.digits} digit(s) where the count gives ${number}: counting stopped, the paragraphs from here on are unnumbered.`, page);
      return null;
    }
    this.count = number;
    return ['', String(number)];
  }

  finish(): void {
    if (this.count > 0) {
      this.reporter.report('structure/picture-number', `Paragraphs 1 to ${this.count} are numbered with pictures, not text: their numbers were counted, each checked against the digits its picture shows.`);
    }
  }
}

/** Adds a paragraph to the scope as the one that items and quotations now attach to. */
function openParagraph(scope: Scope, block: RawBlock, paragraph: ParagraphBlock<FootnoteDraft>): void {
  const first = block.lines[0]!;
  scope.blocks.push(paragraph);
  scope.openParagraph = paragraph;
  scope.paragraphX = block.lines[1]?.x ?? first.x;
  scope.firstLineX = first.x;
}

/** The left edge of a block's lines after the first. */
function restX(block: RawBlock): number {
  return Math.min(...block.lines.slice(1).map((l) => l.x));
}

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

function isHeadingLike(block: RawBlock, typography: Typography, next?: RawBlock, inAnnex = false): boolean {
  const lines = block.lines;
  const first = lines[0]!;
  if (lines.length > HEADING_MAX_LINES) return false;
  const text = lines.map((l) => l.text).join(' ');
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
  // Layouts that set headings in the body face (bioPDF, 1990s typewriter style) mark them by place:
  // one short line centred on the measure, or opening with a chapter or section number.
  if (!larger && !distinctFont) {
    if (/[.;,:；。]$/.test(text)) return false;
    // Lines centred together, in small capitals or under a section number (printed, or a number
    // picture), are one heading set like the one-line ones (E/2018/41-en: "B. LINKS BETWEEN …
    // PROCESSES" / "AND SUSTAINABLE DEVELOPMENT"; E/2018/41-fr: "H. Questions diverses" /
    // "(Point 23 de l'ordre du jour)"; E/ESCWA/30/7: "3-" as a picture over two centred lines).
    const numbered = CHAPTER_OR_SECTION_NUMBER.test(text) || first.numberPicture !== undefined;
    const centredBlock = (smallCaps || numbered) && lines.every((line) => isCentred(line, typography));
    if (lines.length !== 1 && !centredBlock) return false;
    if (CHAPTER_OR_SECTION_NUMBER.test(text)) return true;
    // A centred line followed by another starting where it does is one of a centred list, no heading.
    const sibling = next !== undefined && Math.abs(next.lines[0]!.x - first.x) < first.size;
    return isCentred(first, typography) && !sibling;
  }
  // A body-size line in another face that does not start at the margin (an indented "The General
  // Assembly", a right-set meeting line) is emphasis, not a heading; numbered headings hang left of it.
  if (!larger && !HEADING_NUMBER.test(text) && !first.rtl && first.x > typography.leftMargin + HEADING_MARGIN_SLACK * first.size) return false;
  // A sentence that ends like one is a (bold) paragraph, not a heading.
  return !/[.;,]$/.test(text) || /^[IVXLC]+\.$|^[A-Z]\.$/.test(text);
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

function isTableBlock(block: RawBlock): boolean {
  const withCells = block.lines.filter((l) => (cellsOf(l)?.length ?? 0) > 1).length;
  return withCells > 0 && withCells * 2 >= block.lines.length && !(block.lines.length === 1 && HEADING_NUMBER.test(block.lines[0]!.text));
}

/** An entry title wraps over at most this many lines before the line with its leader. */
const MAX_WRAPPED_ENTRY_LINES = 3;

/** The block, and maybe the next, are the first lines of a contents entry whose leader line follows. */
function wrapsIntoEntry(blocks: RawBlock[], index: number): boolean {
  const following = blocks.slice(index + 1, index + MAX_WRAPPED_ENTRY_LINES).flatMap((b) => b.lines);
  let titleLines = blocks[index]!.lines.length;
  for (const line of following) {
    if (titleLines > MAX_WRAPPED_ENTRY_LINES) return false;
    // Only a leader or table cells prove an entry here: body lines can end in a number too.
    if (DOT_LEADER.test(line.text) || (cellsOf(line)?.length ?? 0) > 1) return true;
    if (isContentsEntry(line) || ENDS_SENTENCE.test(line.text)) return false;
    titleLines++;
  }
  return false;
}

function isContentsEntry(line: Line): boolean {
  return DOT_LEADER.test(line.text) || TOC_ENTRY.test(line.text) || ANNEX_LABEL.test(line.text) || (cellsOf(line)?.length ?? 0) > 1;
}

function contentsRows(lines: Line[]): string[][] {
  return lines.map((line) => {
    const cells = cellsOf(line) ?? [line.text];
    return cells.map((cell) => cell.replace(/(?:\s?\.){3,}\s*/g, ' ').trim()).filter((c) => c !== '');
  });
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
  const a = previous.replace(/[()]/g, ''), b = label.replace(/[()]/g, '');
  return a.length === 1 && b.length === 1 && b.charCodeAt(0) === a.charCodeAt(0) + 1;
}

/** Heading levels from the numbering scheme, and from type size when a heading is unnumbered. */
class HeadingLevels {
  private lastNumberedLevel = 0;
  /** Level of the last chapter, letter or number heading (or annex title): what rules nest under. */
  private structuralLevel = 0;
  private lastLetter: string | null = null;
  private chapterSize: number | null = null;

  constructor(private readonly typography: Typography) {}

  annexTitle(): void {
    this.lastNumberedLevel = 1;
    this.structuralLevel = 1;
    this.lastLetter = null;
  }

  levelOf(number: string | null, size: number): number {
    if (number === null) {
      const chapter = this.chapterSize ?? CHAPTER_SIZE_RATIO * this.typography.bodySize;
      if (size >= chapter - SIZE_TOLERANCE) return 1;
      return Math.min(6, this.lastNumberedLevel + 1);
    }
    const level = this.numberedLevel(number);
    if (level === 1) this.chapterSize ??= size;
    if (!LABELLED_HEADING.test(number)) this.structuralLevel = level;
    this.lastNumberedLevel = level;
    return level;
  }

  private numberedLevel(number: string): number {
    const bare = number.replace(/[.)(\s\-（）]/g, '');
    if (ARABIC_CHAPTER.test(bare) || CHINESE_CHAPTER.test(number)) return 1;
    if (ARABIC_LETTER.test(bare)) return 2;
    if (/^(?:Chapter|Chapitre|Capítulo|Глава|Part|Partie|Parte|Часть)/i.test(number)) return 1;
    // Rules and articles sit one level under the chapter or annex title that holds them.
    if (LABELLED_HEADING.test(number)) return Math.min(6, this.structuralLevel + 1);
    if (/^[IVX]$/.test(bare) && !(this.lastLetter && bare.charCodeAt(0) === this.lastLetter.charCodeAt(0) + 1)) {
      this.lastLetter = null;
      return 1;
    }
    if (/^[IVXLC]{2,}$/.test(bare)) {
      this.lastLetter = null;
      return 1;
    }
    if (/^[A-Z]$/.test(bare)) {
      this.lastLetter = bare;
      return 2;
    }
    if (/^\d+(?:\.\d+)*$/.test(bare)) return 3 + (bare.split('.').length - 1);
    return 4;
  }
}

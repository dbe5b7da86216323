/**
 * Heading and paragraph numbers read into one language-neutral form, so that the language versions
 * of a document can be matched by their numbering: "أولاً-" (Arabic), "一、" (Chinese) and "I."
 * are all chapter I; "ألف-" and "A." are section A; "a)" (French, Spanish), "(أ)" and "(a)" are
 * item a; "١٢" and "12" are paragraph 12.
 */

import {
  ARABIC_CHAPTER_LABEL,
  ARABIC_CHAPTER_ORDINALS,
  ARABIC_ITEM_LETTERS,
  ARABIC_LETTER_NAMES,
  ARABIC_ORDINAL_ADJECTIVES,
} from './ar.js';
import { alternation, escapeRegExp, FIRST_WORDS as FIRST, headingLabelsAround, headingLabelWords, type HeadingLabel } from './index.js';
import { CHINESE_DIGITS, CHINESE_NUMERALS } from './zh.js';

/**
 * What kind of counter a number is. Kept apart from its value because "I." is chapter one in
 * `roman` and the ninth section in `upper`, and the two must never match each other.
 */
export type NumberStyle = 'roman' | 'upper' | 'digits' | 'lower' | 'lowerRoman' | 'labelled' | 'literal';

/** A number read out of a heading or a paragraph, in the form every language shares. */
export interface CanonicalNumber {
  style: NumberStyle;
  /** As printed in English UN documents: `I.`, `A.`, `1.2.`, `(a)`, `(iv)`, `Rule 3`, `12`. */
  text: string;
}

const LATIN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Label words before a number ("Chapter I", "Règle 3") and the English word they stand for. A
 * chapter label is plain chapter numbering, the same as a bare "I."; the others keep their label.
 */
const LABEL_WORDS: ReadonlyArray<[RegExp, HeadingLabel]> = (['Chapter', 'Part', 'Section', 'Rule', 'Article'] as const).map((label) => [
  new RegExp(`^(?:${alternation(headingLabelWords(label))})$`, 'i'),
  label,
]);

/** Word forms of "first" after a chapter label ("Chapitre premier"). */
const FIRST_WORDS = new RegExp(`^(?:${alternation(FIRST)})$`, 'i');

/**
 * Cyrillic letters that look like Latin ones: Russian documents letter their sections A, B, C …
 * but a Cyrillic "А" or "В" is often what the PDF holds.
 */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
};

/** Punctuation that frames a number: "(a)", "a)", "I.", "12-", "一、", "Rule 3:". */
const FRAMING = /^[\s([]+|[\s.\-–—)\]:、,]+$/g;

/**
 * A key under which the spellings of one Arabic word compare equal: without short vowels, tanween
 * and tatweel, one alef for all its hamza forms, and lam-alef in one order, because pdf.js returns
 * the lam-alef ligature of Word-made PDFs reversed ("األول" for "الأول").
 */
function arabicKey(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/لا/g, 'ال')
    .replace(/\s+/g, ' ')
    .trim();
}

function indexByArabicKey(words: readonly string[]): Map<string, number> {
  return new Map(words.map((word, index) => [arabicKey(word), index + 1]));
}

const ARABIC_LETTER_INDEX = indexByArabicKey(ARABIC_LETTER_NAMES);
const ARABIC_ITEM_INDEX = indexByArabicKey(ARABIC_ITEM_LETTERS);
const ARABIC_CHAPTER_INDEX = indexByArabicKey(ARABIC_CHAPTER_ORDINALS);
const ARABIC_CHAPTER_ADJECTIVE_INDEX = indexByArabicKey(ARABIC_ORDINAL_ADJECTIVES);

/** The ordinals 11 to 19 are two words ("الحادي عشر"), taken whole. */
const ARABIC_CHAPTER_HEADING = new RegExp(`^${ARABIC_CHAPTER_LABEL}\\s+(\\S+(?:\\s+عشر)?)`);
/** An Arabic number word and its dash opening a text: "ثانياً- ", "حادي عشر- ", "ألف- ". */
const ARABIC_NUMBER_OPENING = /^([\p{Script=Arabic}\p{M}\u0640]+(?:\s+عشر)?)\s?[-–]\s/u;
/**
 * Labels written around their number ("第一条", "第3章"), longest first so that "部分" is not
 * read as another label's end; the number in Chinese numerals or digits.
 */
const LABELS_AROUND = headingLabelsAround()
  .sort((a, b) => b.after.length - a.after.length)
  .map(({ label, before, after }) => ({
    label,
    pattern: new RegExp(`^${escapeRegExp(before)}([${CHINESE_NUMERALS}]{1,3}|\\d{1,3})${escapeRegExp(after)}`),
  }));
/** A Chinese numeral in brackets, "（一）": the level under "一、" (chapter I), i.e. section A. */
const CHINESE_BRACKETED = new RegExp(`^\\(([${CHINESE_NUMERALS}]{1,3})\\)$`);
/** A label word and its number; the lookahead stands for \b, which knows no Cyrillic letters. */
const LABELLED_NUMBER = new RegExp(`^(\\p{L}+)\\s+([IVXLC]+|\\d+|${alternation(FIRST)})(?![\\p{L}\\p{N}])`, 'iu');

const ROMAN_VALUES: ReadonlyArray<[string, number]> = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

/** 14 → "XIV". */
export function toRoman(value: number): string {
  let rest = value;
  let roman = '';
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (rest >= amount) {
      roman += symbol;
      rest -= amount;
    }
  }
  return roman;
}

/** "XIV" → 14; null unless the letters are a well-formed Roman numeral (so "IC" or "VV" are not). */
function fromRoman(roman: string): number | null {
  if (!/^[IVXLCDM]+$/.test(roman)) return null;
  let value = 0;
  let rest = roman;
  for (const [symbol, amount] of ROMAN_VALUES) {
    while (rest.startsWith(symbol)) {
      value += amount;
      rest = rest.slice(symbol.length);
    }
  }
  return rest === '' && toRoman(value) === roman ? value : null;
}

/** "十二" → 12, for numbers up to 99 written in Chinese numerals. */
function fromChinese(numeral: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!match || numeral === '') return null;
  const [, first, ten, last] = match;
  if (!ten) return first && !last ? CHINESE_DIGITS.indexOf(first) + 1 : null;
  const tens = first ? CHINESE_DIGITS.indexOf(first) + 1 : 1;
  return tens * 10 + (last ? CHINESE_DIGITS.indexOf(last) + 1 : 0);
}

/** Full-width and Arabic-Indic characters in their ASCII form. */
function foldCharacters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

const chapter = (value: number): CanonicalNumber => ({ style: 'roman', text: `${toRoman(value)}.` });
const upper = (value: number): CanonicalNumber => ({ style: 'upper', text: `${LATIN_ALPHABET[value - 1]}.` });
const lower = (value: number): CanonicalNumber => ({ style: 'lower', text: `(${LATIN_ALPHABET[value - 1]!.toLowerCase()})` });
const lowerRoman = (value: number): CanonicalNumber => ({ style: 'lowerRoman', text: `(${toRoman(value).toLowerCase()})` });

/** The Latin letter a one-letter number stands for (a Cyrillic look-alike read as Latin), or null. */
function singleLatinLetter(core: string): string | null {
  const letter = core.length === 1 ? (CYRILLIC_LOOKALIKES[core] ?? core) : '';
  return /^[A-Za-z]$/.test(letter) ? letter : null;
}

/** Position in the alphabet (A = 1) of the letter a canonical `upper` or `lower` number stands for. */
function letterIndex(number: CanonicalNumber): number {
  return LATIN_ALPHABET.indexOf(number.text.replace(/[().]/g, '').toUpperCase()) + 1;
}

/**
 * "Chapter IV", "Règle 3", "Chapitre premier", "Статья 5", "المادة 12", "第十二条" at the start of
 * `text`: the label's English word and the number.
 */
function readLabelled(text: string): { label: string; value: number | null; printed: string; length: number } | null {
  for (const { label, pattern } of LABELS_AROUND) {
    const around = pattern.exec(text);
    if (around) {
      const printed = around[1]!;
      return { label, value: /^\d+$/.test(printed) ? Number(printed) : fromChinese(printed), printed, length: around[0].length };
    }
  }
  const match = LABELLED_NUMBER.exec(text);
  const label = match && LABEL_WORDS.find(([pattern]) => pattern.test(match[1]!))?.[1];
  if (!match || !label) return null;
  const printed = match[2]!;
  const value = FIRST_WORDS.test(printed) ? 1 : /^\d+$/.test(printed) ? Number(printed) : fromRoman(printed.toUpperCase());
  return { label, value, printed, length: match[0].length };
}

/** The chapter number of "الفصل الثاني …" at the start of `text`, or null. */
function arabicChapterHeading(text: string): number | null {
  const match = ARABIC_CHAPTER_HEADING.exec(arabicKey(text));
  return match ? (ARABIC_CHAPTER_ADJECTIVE_INDEX.get(arabicKey(match[1]!)) ?? null) : null;
}

/** Reads a number whose reading does not depend on the numbers before it; see HeadingNumberReader for "I.". */
function readNumber(core: string): CanonicalNumber {
  if (/^\d+(?:\.\d+)*$/.test(core)) return { style: 'digits', text: `${core}.` };
  const latin = singleLatinLetter(core) ?? core;
  // A lone I, V or X is a Roman numeral unless HeadingNumberReader knows better.
  if (/^[A-HJ-UWYZ]$/.test(latin)) return upper(LATIN_ALPHABET.indexOf(latin) + 1);
  const roman = fromRoman(latin);
  if (roman !== null) return chapter(roman);
  if (/^[a-hj-uwyz]$/.test(latin)) return lower(LATIN_ALPHABET.indexOf(latin.toUpperCase()) + 1);
  const romanLowerCase = /^[ivxlcdm]+$/.test(latin) ? fromRoman(latin.toUpperCase()) : null;
  if (romanLowerCase !== null) return lowerRoman(romanLowerCase);

  const chinese = fromChinese(core);
  if (chinese !== null) return chapter(chinese);
  const arabic = arabicKey(core);
  const arabicChapter = ARABIC_CHAPTER_INDEX.get(arabic) ?? arabicChapterHeading(core);
  if (arabicChapter !== undefined && arabicChapter !== null) return chapter(arabicChapter);
  const arabicLetter = ARABIC_LETTER_INDEX.get(arabic);
  if (arabicLetter !== undefined) return upper(arabicLetter);
  const arabicItem = ARABIC_ITEM_INDEX.get(arabic);
  if (arabicItem !== undefined) return lower(arabicItem);

  const labelled = readLabelled(core);
  if (labelled && labelled.length === core.length) {
    if (labelled.label === 'Chapter' && labelled.value !== null) return chapter(labelled.value);
    // By value, so that "Article 1", "Статья 1", "المادة ١" and "第一条" are one article.
    return { style: 'labelled', text: `${labelled.label} ${labelled.value ?? labelled.printed.toUpperCase()}` };
  }
  // Numbering of a kind not known here still matches the same spelling in another version.
  return { style: 'literal', text: core };
}

/**
 * The one real ambiguity of numbering: "I.", "V." and "X." are Roman chapter numbers, except right
 * after "H.", "U." and "W.", where they are the next letter (and likewise "(i)" after "(h)").
 * True when `letter` is the letter after `previous`, in either case.
 */
export function isNextLetter(letter: string, previous: string | null): boolean {
  return previous !== null && letter.toUpperCase().charCodeAt(0) - previous.toUpperCase().charCodeAt(0) === 1;
}

/** The letter at a 1-based position of the alphabet; null for 0 (no letter yet). */
function letterAt(index: number): string | null {
  return LATIN_ALPHABET[index - 1] ?? null;
}

/**
 * Reads the numbers of the headings of one numbering sequence (a document's body, or one annex)
 * in document order. It remembers the last section letter for the one real ambiguity: "I.", "V."
 * and "X." are Roman chapter numbers, except right after "H.", "U." and "W.", where they are
 * the next section letter (and likewise "(i)" after "(h)").
 */
export class HeadingNumberReader {
  private lastUpper = 0;
  private lastLower = 0;

  /** The canonical form of a heading's printed number; null when nothing is printed. */
  read(printed: string): CanonicalNumber | null {
    const folded = foldCharacters(printed).trim();
    const core = folded.replace(FRAMING, '');
    if (core === '') return null;
    const chineseSection = fromChinese(CHINESE_BRACKETED.exec(folded)?.[1] ?? '');
    let number = chineseSection !== null && chineseSection <= LATIN_ALPHABET.length ? upper(chineseSection) : readNumber(core);
    const letter = singleLatinLetter(core);
    if (letter !== null && number.style === 'roman' && isNextLetter(letter, letterAt(this.lastUpper))) {
      number = upper(this.lastUpper + 1);
    } else if (letter !== null && number.style === 'lowerRoman' && isNextLetter(letter, letterAt(this.lastLower))) {
      number = lower(this.lastLower + 1);
    }
    this.remember(number);
    return number;
  }

  /** Reads the number that opens an unnumbered heading's text (see numberOpeningText). */
  readFromText(text: string): CanonicalNumber | null {
    const number = numberOpeningText(text);
    if (number) this.remember(number);
    return number;
  }

  private remember(number: CanonicalNumber): void {
    // A new chapter restarts its section letters, a new section its item letters.
    if (number.style === 'roman') this.lastUpper = this.lastLower = 0;
    if (number.style === 'upper') [this.lastUpper, this.lastLower] = [letterIndex(number), 0];
    if (number.style === 'lower') this.lastLower = letterIndex(number);
  }
}

/**
 * The number that opens an unnumbered heading's text: a chapter label ("الفصل الثاني موضوع
 * الدورة…", "Chapter IV Work of the Commission", "Chapitre premier …") or an Arabic ordinal or
 * letter name with its dash ("أوال- آثار العنف…"). ESCWA reports print their Arabic chapters with a
 * label while the English and French versions number them "II.", and the converter leaves an
 * Arabic ordinal in the text when pdf.js reversed its lam-alef ("أوال-" for "أولاً-"); without this
 * those headings would have no number to be matched by.
 */
export function numberOpeningText(text: string): CanonicalNumber | null {
  const folded = foldCharacters(text).trim();
  const arabicChapter = arabicChapterHeading(folded);
  if (arabicChapter !== null) return chapter(arabicChapter);
  const arabicNumber = ARABIC_NUMBER_OPENING.exec(folded);
  if (arabicNumber) {
    const word = arabicKey(arabicNumber[1]!);
    const ordinal = ARABIC_CHAPTER_INDEX.get(word);
    if (ordinal !== undefined) return chapter(ordinal);
    const letter = ARABIC_LETTER_INDEX.get(word);
    if (letter !== undefined) return upper(letter);
  }
  const labelled = readLabelled(folded);
  return labelled?.label === 'Chapter' && labelled.value !== null ? chapter(labelled.value) : null;
}

/** Reads a paragraph number: "12", "12.", "١٢-" → "12"; anything else is kept as printed. */
export function canonicalParagraphNumber(printed: string): string {
  return foldCharacters(printed).replace(FRAMING, '');
}

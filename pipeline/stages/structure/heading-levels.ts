/** Heading levels from the numbering scheme, and from type size when a heading is unnumbered. */
import type { Typography } from '../../model.js';
import { SIZE_TOLERANCE } from '../measure-typography.js';

/** A heading this much larger than the body is chapter level when no numbering says otherwise. */
const CHAPTER_SIZE_RATIO = 1.3;

/** Arabic chapter numbers are ordinal words ("أولاً-" = I.), section letters are letter names ("ألف-" = A.). */
export const ARABIC_CHAPTER_WORDS = ['أولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا'];
export const ARABIC_LETTER_WORDS = ['ألف', 'باء', 'جيم', 'دال', 'هاء', 'واو', 'زاي', 'حاء', 'طاء', 'ياء'];
const ARABIC_CHAPTER = new RegExp(`^(?:${ARABIC_CHAPTER_WORDS.join('|')})`);
const ARABIC_LETTER = new RegExp(`^(?:${ARABIC_LETTER_WORDS.join('|')})`);
/** Chinese chapter numbers: "一、" (I.), "二、"…. */
const CHINESE_CHAPTER = /^[一二三四五六七八九十]{1,3}、/;
/** Labelled headings that nest under the current chapter rather than define a level of their own. */
export const LABELLED_HEADING = /^(?:Section|Sección|Раздел|Rule|Règle|Regla|Article|Artículo|Статья)/i;

export class HeadingLevels {
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

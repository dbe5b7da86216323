/** Heading levels from the numbering scheme, and from type size when a heading is unnumbered. */
import { HeadingNumberReader } from '../../languages/numbering.js';
import type { Typography } from '../../model.js';
import { SIZE_TOLERANCE } from '../measure-typography.js';
import { LEVEL_OF_STYLE, levelOfStyle, styleOf, type HeadingStyle } from './heading-styles.js';

/** A heading this much larger than the body is chapter level when no numbering says otherwise. */
const CHAPTER_SIZE_RATIO = 1.3;
/** Labels whose headings are chapters, like a bare "I.". */
const CHAPTER_LABELS = new Set(['Chapter', 'Part']);
/**
 * The tanween of an Arabic ordinal set after its dash ("ثانيا-ً", E/ESCWA/30/7-ar): the heading
 * number keeps it as printed, the reading drops it.
 */
const TANWEEN_AFTER_DASH = /(?<=-)\u064B$/;

export class HeadingLevels {
  private lastNumberedLevel = 0;
  /** Level of the last chapter, letter or number heading (or annex title): what rules nest under. */
  private structuralLevel = 0;
  /** The numbering read so far, restarted by each annex title: what tells section "I." from chapter "I.". */
  private numbers = new HeadingNumberReader();
  private chapterSize: number | null = null;
  /**
   * The bracketed styles ("(a)", "(i)") met under the last chapter, section or numbered heading,
   * in the order they nested: a document may put "(a)" under "(i)" (TD/B/43/6) or "(i)" under "(a)".
   */
  private bracketed: ('lower' | 'lowerRoman')[] = [];

  constructor(
    private readonly typography: Typography,
    private readonly styles: readonly HeadingStyle[] = [],
  ) {}

  annexTitle(): void {
    this.lastNumberedLevel = 1;
    this.structuralLevel = 1;
    this.numbers = new HeadingNumberReader();
  }

  /** The level of a heading, from its number, else from its style (font and size), else under the last numbered one. */
  levelOf(number: string | null, size: number, font = ''): number {
    if (number === null) {
      const chapter = this.chapterSize ?? CHAPTER_SIZE_RATIO * this.typography.bodySize;
      // Chapters set at the body's size tell nothing by size (S/2025/272: "II." and "A." at 12 pt
      // over a 12 pt body): there an unnumbered heading takes the level of the numbered ones set
      // in its very style, else nests under the last numbered heading.
      const sizeless = chapter <= this.typography.bodySize + SIZE_TOLERANCE;
      if (!sizeless && size >= chapter - SIZE_TOLERANCE) return 1;
      // Before the first numbered heading, an unnumbered one (an introduction) opens the text at level 1.
      const styled = sizeless ? (styleOf(this.styles, font, size)?.level ?? null) : levelOfStyle(this.styles, font, size);
      const byStyle = this.lastNumberedLevel > 0 ? styled : null;
      return byStyle ?? Math.min(6, this.lastNumberedLevel + 1);
    }
    const reading = this.numbers.read(number.replace(TANWEEN_AFTER_DASH, ''));
    const label = reading?.style === 'labelled' ? reading.text.slice(0, reading.text.indexOf(' ')) : null;
    const nests = label !== null && !CHAPTER_LABELS.has(label);
    const style = reading?.style ?? 'literal';
    const level = nests
      ? Math.min(6, this.structuralLevel + 1)
      : style === 'lower' || style === 'lowerRoman'
        ? this.bracketedLevel(style)
        : LEVEL_OF_STYLE[style];
    if (style !== 'lower' && style !== 'lowerRoman' && style !== 'literal' && !nests) this.bracketed = [];
    if (level === 1) this.chapterSize ??= size;
    if (!nests) this.structuralLevel = level;
    this.lastNumberedLevel = level;
    return level;
  }

  /**
   * A heading labelled as a draft ("Draft resolution I" and its title) nests one below the chapter
   * or section that recommends it, whatever its face: E/2025/31 set its drafts of resolutions and
   * of decisions in two faces, under sections "A." and "B." alike.
   */
  draftLevel(): number {
    return Math.min(6, this.structuralLevel + 1);
  }

  /** The first bracketed style under a heading is level 4; the other one, met under it, nests one deeper. */
  private bracketedLevel(style: 'lower' | 'lowerRoman'): number {
    const at = this.bracketed.indexOf(style);
    if (at >= 0) this.bracketed.length = at + 1;
    else this.bracketed.push(style);
    return Math.min(6, LEVEL_OF_STYLE[style] + this.bracketed.length - 1);
  }
}

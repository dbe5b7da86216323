/** The shape of what the converter knows about one language: one file per language fills it in. */

export type LanguageCode = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

/** The principal organs and main subsidiary bodies named in mastheads, by their English name. */
export type Organ = 'General Assembly' | 'Security Council' | 'Economic and Social Council' | 'Secretariat' | 'Trusteeship Council';

/** Words that label a heading's number ("Chapter IV", "Règle 3"), by the English word. */
export type HeadingLabel = 'Chapter' | 'Part' | 'Section' | 'Rule' | 'Article';

export interface Lexicon {
  code: LanguageCode;
  /** Month names in calendar order; a language may print more than one set (Russian genitive and nominative). */
  months: string[][];
  /** Further spellings of month names seen in UN documents → month number. */
  monthVariants?: Record<string, number>;
  /** How this language names each of the six ("Original: anglais"), lower case; several forms where printed so. */
  languageNames: Record<LanguageCode, string[]>;
  /** Frequent short words that tell this language from the other Latin-script ones. */
  stopwords?: string[];
  /** A character of the language's own script, where that is not the Latin one. */
  script?: RegExp;
  /**
   * Where a line-end hyphen in this script with no evidence either way is hyphenation (Russian
   * breaks inflected words far more often than it prints compounds): the second parts that still
   * make a compound ("какой-либо").
   */
  compoundParts?: string[];
  /**
   * The words that join two compounds sharing their last part, the first left with a hanging
   * hyphen ("troop- and police-contributing"): what tells that hyphen from a dash.
   */
  conjunctions?: string[];
  organs: Partial<Record<Organ, string>>;
  /** "Summary": the label of the box under the title. */
  summary: string[];
  /** "Contents": the label of the table of contents. */
  contents: string[];
  /** "(continued)" after a label repeated on the next page. */
  continued: string[];
  /** Labels of annexes and their kin: "Annex", "Appendix", "Enclosure". */
  annex: string[];
  /** "Original:" before the original language in the masthead. */
  original: string[];
  /** "Resolution … adopted by": the header above a resolution's title, which is no title itself. */
  resolutionHeader?: { resolution: string; adopted: string };
  /** The Official Records series lines of a cover ("Official Records", "Supplement No. 1"): no title. */
  officialRecords?: string[];
  /** "Supplement No": the series line of an Official Records supplement, whose cover runs over several pages. */
  supplement?: string[];
  /** The opening words of the note on document symbols printed on an Official Records inside cover. */
  symbolsNote?: string[];
  /** "Draft resolution", "Draft decision": the label line over a draft's title in a report that recommends it. */
  draftLabels?: string[];
  /** "of" between an agenda item's numbers and its description ("Item 4 of the provisional agenda"). */
  of: string[];
  headingLabels: Partial<Record<HeadingLabel, string>>;
  /**
   * Labels written around their number rather than before it, as [before, after]: Chinese "第一条"
   * (article 1), "第三章" (chapter 3). Longest "after" first where one ends another.
   */
  headingLabelsAround?: Partial<Record<HeadingLabel, [string, string]>>;
  /** "Page" before a page number in the running foot. */
  page: string[];
  /** Column headings of a table of contents ("Page", "Paragraphs"). */
  contentsColumns: string[];
  /** "Figure", "Chart": the label of a figure's caption ("Figure 2.I"), whose axis and data labels are no table. */
  figure: string[];
  /** "Chapitre premier": the word for "first" after a chapter label. */
  first?: string;
}

/**
 * The six official languages, one lexicon each, and the patterns the stages read with, composed
 * from them: dates, language and organ names, labels (summary, contents, annex), heading label
 * words. Numbering is read in numbering.ts.
 */
import { ar, ARABIC_ORDINAL_ADJECTIVES } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { HeadingLabel, LanguageCode, Lexicon, Organ } from './lexicon.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { HeadingLabel, LanguageCode, Lexicon, Organ } from './lexicon.js';

export const LEXICONS: readonly Lexicon[] = [en, fr, es, ru, ar, zh];
/** The languages with a script of their own, in the order that wins a tie of counts. */
const OWN_SCRIPTS: readonly Lexicon[] = [ar, ru, zh];
const LANGUAGE_CODES: readonly LanguageCode[] = LEXICONS.map((lexicon) => lexicon.code);

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation of the given words, each matched literally. */
export function alternation(words: Iterable<string>): string {
  return [...words].map(escapeRegExp).join('|');
}

/** The words each lexicon gives for one label, in lexicon order. */
function wordsOf(pick: (lexicon: Lexicon) => readonly string[]): string[] {
  return LEXICONS.flatMap(pick);
}

// Dates.

/** Month names (and their genitive or abbreviated forms) → month number. */
const MONTHS: Record<string, number> = {};
for (const lexicon of LEXICONS) for (const names of lexicon.months) names.forEach((name, index) => (MONTHS[name] = index + 1));
for (const lexicon of LEXICONS) Object.assign(MONTHS, lexicon.monthVariants);

const MONTH_ALTERNATION = alternation(Object.keys(MONTHS).sort((a, b) => b.length - a.length));
/** "31 juillet 2006", "15 de marzo de 2024", "1er mars 2024", "25 حزيران/يونيو 2018", "1 November2017". */
const DAY_MONTH_YEAR = new RegExp(
  `(\\d{1,2})(?:er|º)?\\s*(?:de\\s+)?(${MONTH_ALTERNATION})(?:\\s*/\\s*[\\p{L} ]+?)?\\s*(?:de(?:l)?\\s+)?(\\d{4})`,
  'u',
);
/** "March 15, 2024". */
const MONTH_DAY_YEAR = new RegExp(`(${MONTH_ALTERNATION})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'u');

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1945 || year > 2100) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Finds a printed date ("31 juillet 2006", "15 de marzo de 2024", "5 марта 2024 года", "2024年3月15日", "1 November2017") → ISO 8601. */
export function parseDate(text: string): string | null {
  const lower = text.toLowerCase().normalize('NFC');
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(lower);
  if (cjk) return iso(+cjk[1]!, +cjk[2]!, +cjk[3]!);
  const dayMonthYear = DAY_MONTH_YEAR.exec(lower);
  if (dayMonthYear) return iso(+dayMonthYear[3]!, MONTHS[dayMonthYear[2]!]!, +dayMonthYear[1]!);
  const monthDayYear = MONTH_DAY_YEAR.exec(lower);
  if (monthDayYear) return iso(+monthDayYear[3]!, MONTHS[monthDayYear[1]!]!, +monthDayYear[2]!);
  return null;
}

// Language names and the language of a text.

/** Language names as printed in "Original: English", "Original : anglais", "Оригинал: английский" → ISO 639-1. */
const LANGUAGE_NAMES: [RegExp, LanguageCode][] = LANGUAGE_CODES.map((code) => [
  new RegExp(`^(?:${alternation(wordsOf((l) => l.languageNames[code]))})`, 'i'),
  code,
]);

export function languageCode(name: string): string | null {
  const trimmed = name.trim().replace(/^[:\s]+/, '');
  for (const [pattern, code] of LANGUAGE_NAMES) if (pattern.test(trimmed)) return code;
  return null;
}

const LATIN_SCRIPT = /[A-Za-z\u00C0-\u024F]/;

/** Detects the language of a text by script, then by stopwords for Latin-script languages. */
export function detectLanguage(text: string): string | null {
  const scripts = OWN_SCRIPTS;
  const counts = new Map<string, number>([...scripts.map((l) => [l.code, 0] as [string, number]), ['latin', 0]]);
  for (const ch of text) {
    const script = scripts.find((l) => l.script!.test(ch))?.code ?? (LATIN_SCRIPT.test(ch) ? 'latin' : null);
    if (script !== null) counts.set(script, counts.get(script)! + 1);
  }
  const script = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (script[1] === 0) return null;
  if (script[0] !== 'latin') return script[0];
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null,
    bestScore = 0;
  for (const lexicon of LEXICONS) {
    if (!lexicon.stopwords) continue;
    const set = new Set(lexicon.stopwords);
    const score = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    if (score > bestScore) [best, bestScore] = [lexicon.code, score];
  }
  return best;
}

// Masthead.

const ORGAN_NAMES: readonly Organ[] = [
  'General Assembly',
  'Security Council',
  'Economic and Social Council',
  'Secretariat',
  'Trusteeship Council',
];

/** A Han character: Chinese mastheads space the organ's characters out ("大 会", "安 全 理 事 会"). */
const HAN = /\p{Script=Han}/u;

/** A name matched literally, spaces allowed between its Han characters. */
function spacedName(name: string): string {
  return HAN.test(name) ? [...name].map(escapeRegExp).join('\\s*') : escapeRegExp(name);
}

/** The principal organs and the main subsidiary bodies named in mastheads, in the six languages. */
export const ORGANS: [RegExp, Organ][] = ORGAN_NAMES.map((organ) => [
  new RegExp(`^(?:${LEXICONS.flatMap((l) => (l.organs[organ] ? [spacedName(l.organs[organ])] : [])).join('|')})$`, 'iu'),
  organ,
]);

/** "Distr.: General", "Distr. générale", "Distr. general", "Distr.: Limited", "LIMITED", "Общая", "عام" → normalised. */
export function distributionOf(text: string): 'General' | 'Limited' | 'Restricted' | null {
  const t = text.trim().toLowerCase();
  if (/\b(?:general|générale|generale)\b|^общая|^عام$/.test(t) || /distr.*(?:general|générale)/.test(t)) return 'General';
  if (/\b(?:limited|limitée|limitada)\b|^ограниченная|^محدود/.test(t)) return 'Limited';
  if (/\b(?:restricted|restreinte|reservada)\b|^для служебного|^مقيد/.test(t)) return 'Restricted';
  return null;
}

const RESOLUTION_HEADERS = LEXICONS.flatMap((l) => (l.resolutionHeader ? [l.resolutionHeader] : []));
/** "Resolution 78/1 adopted by the General Assembly": the header above a resolution's title. */
export const RESOLUTION_HEADER = new RegExp(
  // Word edges by letter, not by \b: \b knows only ASCII letters ("Резолюция, принятая", "قرار اتخذته").
  `^(?:${alternation(RESOLUTION_HEADERS.map((h) => h.resolution))})(?!\\p{L}).*(?<!\\p{L})(?:${alternation(RESOLUTION_HEADERS.map((h) => h.adopted))})`,
  'iu',
);
/** A cover's Official Records series line: "Official Records", "OFFICIAL RECORDS: 2018", "Supplément no 21". */
export const OFFICIAL_RECORDS = new RegExp(`^(?:${alternation(new Set(wordsOf((l) => l.officialRecords ?? [])))})`, 'i');
/**
 * An Official Records supplement's series line, alone or after the series name, ending with the
 * number: "Supplement No. 16", "Official Records, 2025 Supplement No. 2". A citation in running
 * text ("…Fifty-second Session, Supplement No. 23 (A/52/23)") goes on after the number.
 */
export const SUPPLEMENT_LINE = new RegExp(
  `^(?:.{0,40}\\s)?(?:${alternation(new Set(wordsOf((l) => l.supplement ?? [])))})\\.?\\s*[\\p{N}A-Z]{1,4}$`,
  'iu',
);
/** The note on document symbols opening an Official Records inside cover. */
export const SYMBOLS_NOTE = new RegExp(`^(?:${alternation(new Set(wordsOf((l) => l.symbolsNote ?? [])))})`, 'i');
/** A draft's label line alone: "Draft decision I", "Draft resolution B", "Projet de résolution 3". */
export const DRAFT_LABEL_LINE = new RegExp(
  `^(?:${alternation(new Set(wordsOf((l) => l.draftLabels ?? [])))})(?:\\s+(?:[IVXLC]{1,6}|[A-Z]|\\d{1,3}))?\\*?$`,
  'iu',
);
/** "of", "de", "del", "из", "من" between words, where an agenda item's description starts. */
export const AGENDA_DESCRIPTION_START = new RegExp(`\\s(?:${alternation(new Set(wordsOf((l) => l.of)))})\\s`);

/** "Original:" in the six languages, as a regex alternation. */
export const ORIGINAL_WORDS = alternation(new Set(wordsOf((l) => l.original)));

// Labels.

/** The label of the summary box under the title: front matter, neither subtitle nor section heading. */
export const SUMMARY_LABEL = new RegExp(`^(?:${alternation(wordsOf((l) => l.summary))})$`, 'i');

/** "Contents", "Table des matières", … as a regex alternation. */
export const CONTENTS_WORDS = alternation(wordsOf((l) => l.contents));
/** The contents label, maybe marked as continued from the page before. */
export const CONTENTS_LABEL = new RegExp(`^(?:${CONTENTS_WORDS})(?:\\s*\\((?:${alternation(wordsOf((l) => l.continued))})\\))?$`, 'i');
/** "Page", "página", "стр." before a page number, as a regex alternation. */
export const PAGE_WORDS = alternation(new Set(wordsOf((l) => l.page)));
/** Column headings of a table of contents ("Page", "Paragraphs", "Стр."), as a regex alternation. */
export const CONTENTS_COLUMN_WORDS = alternation(wordsOf((l) => l.contentsColumns));
/** A figure's caption label with its number: "Figure 2.I", "Graphique 3", "图 1" (capitalised as printed). */
export const FIGURE_LABEL = new RegExp(`^(?:${alternation(new Set(wordsOf((l) => l.figure)))})\\s*[\\p{N}IVXLC]`, 'u');

/** Arabic annexes are numbered with ordinal adjectives: المرفق الأول, المرفق الثاني, … (first, second, …). */
const ARABIC_ANNEX_ORDINAL = alternation(ARABIC_ORDINAL_ADJECTIVES);
/** An annex label alone: "Annex", "Annexe II", "Appendix 3", "المرفق الأول". */
export const ANNEX_LABEL = new RegExp(
  `^(?:${alternation(wordsOf((l) => l.annex))})(?:\\s+(?:[IVXLC\\d]+|${ARABIC_ANNEX_ORDINAL}))?\\.?$`,
  'i',
);

/** The words for one heading label ("Chapter", "Chapitre", "Capítulo", "Глава"). */
export function headingLabelWords(label: HeadingLabel): string[] {
  return LEXICONS.flatMap((l) => (l.headingLabels[label] ? [l.headingLabels[label]] : []));
}

/** The labels written around their number ("第一条"), as [before, after], with the label they stand for. */
export function headingLabelsAround(): Array<{ label: HeadingLabel; before: string; after: string }> {
  return LEXICONS.flatMap((l) =>
    Object.entries(l.headingLabelsAround ?? {}).map(([label, [before, after]]) => ({ label: label as HeadingLabel, before, after })),
  );
}

/** The words that ordinal "first" is written with after a chapter label ("Chapitre premier"). */
export const FIRST_WORDS = LEXICONS.flatMap((l) => (l.first ? [l.first] : []));

/** The conjunctions after a hanging hyphen ("troop- and police-"), of every language. */
export const CONJUNCTIONS: readonly string[] = [...new Set(LEXICONS.flatMap((l) => l.conjunctions ?? []))];

/**
 * A line-end hyphen with no evidence in the document's vocabulary: hyphenation, in a language
 * whose lexicon says so for its script, unless the next word is one of its compound parts.
 */
export function hyphenatesByDefault(before: string, after: string): boolean {
  const lexicon = LEXICONS.find((l) => l.compoundParts && l.script?.test(before) && l.script.test(after));
  return lexicon !== undefined && !lexicon.compoundParts!.includes(after.toLowerCase());
}

/**
 * Language facts the stages share: month names, language names, organ names and words that
 * identify each of the six official languages (and a few more seen in UN documents).
 */

/** Month names (and their genitive or abbreviated forms) → month number. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Record<string, string[]> = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ruNominative: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  // Arabic UN documents print both the Syriac and the Latin-derived month name: "حزيران/يونيو".
  arSyriac: ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  arLatin: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليه', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
};
for (const names of Object.values(MONTH_NAMES)) names.forEach((name, index) => (MONTHS[name] = index + 1));
MONTHS['setiembre'] = 9;
MONTHS['يوليو'] = 7;
MONTHS['ابريل'] = 4;
MONTHS['إبريل'] = 4;

const MONTH_ALTERNATION = Object.keys(MONTHS).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** "31 juillet 2006", "15 de marzo de 2024", "1er mars 2024", "25 حزيران/يونيو 2018", "1 November2017". */
const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})(?:er|º)?\\s*(?:de\\s+)?(${MONTH_ALTERNATION})(?:\\s*/\\s*[\\p{L} ]+?)?\\s*(?:de(?:l)?\\s+)?(\\d{4})`, 'u');
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Language names as printed in "Original: English", "Original : anglais", "Оригинал: английский" → ISO 639-1. */
const LANGUAGE_NAMES: [RegExp, string][] = [
  [/^(?:english|anglais|inglés|ingles|английский|الإنكليزية|الإنجليزية|بالإنكليزية|بالإنجليزية|انكليزي|إنكليزي|英文)/i, 'en'],
  [/^(?:french|français|francais|francés|frances|французский|الفرنسية|بالفرنسية|فرنسي|法文)/i, 'fr'],
  [/^(?:spanish|espagnol|español|espanol|испанский|الإسبانية|بالإسبانية|إسباني|西班牙文)/i, 'es'],
  [/^(?:russian|russe|ruso|русский|الروسية|بالروسية|روسي|俄文)/i, 'ru'],
  [/^(?:arabic|arabe|árabe|арабский|العربية|بالعربية|عربي|阿拉伯文)/i, 'ar'],
  [/^(?:chinese|chinois|chino|китайский|الصينية|بالصينية|صيني|中文)/i, 'zh'],
];

export function languageCode(name: string): string | null {
  const trimmed = name.trim().replace(/^[:\s]+/, '');
  for (const [pattern, code] of LANGUAGE_NAMES) if (pattern.test(trimmed)) return code;
  return null;
}

/** Frequent short words of each language: enough to tell the six apart on a page of text. */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'for', 'with', 'on', 'by', 'is', 'was', 'were', 'which'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'de', 'dans', 'pour', 'que', 'qui', 'une', 'sur', 'au', 'aux'],
  es: ['el', 'la', 'los', 'las', 'y', 'del', 'de', 'en', 'para', 'que', 'con', 'por', 'una', 'se'],
};

/** Detects the language of a text by script, then by stopwords for Latin-script languages. */
export function detectLanguage(text: string): string | null {
  const counts = { ar: 0, ru: 0, zh: 0, latin: 0 };
  for (const ch of text) {
    if (/[\u0600-\u06FF]/.test(ch)) counts.ar++;
    else if (/[\u0400-\u04FF]/.test(ch)) counts.ru++;
    else if (/[\u4E00-\u9FFF]/.test(ch)) counts.zh++;
    else if (/[A-Za-z\u00C0-\u024F]/.test(ch)) counts.latin++;
  }
  const script = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (script[1] === 0) return null;
  if (script[0] !== 'latin') return script[0];
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null, bestScore = 0;
  for (const [code, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const score = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    if (score > bestScore) [best, bestScore] = [code, score];
  }
  return best;
}

/** The principal organs and the main subsidiary bodies named in mastheads, in the six languages. */
export const ORGANS: [RegExp, string][] = [
  [/^(?:General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|الجمعية العامة|大会)$/i, 'General Assembly'],
  [/^(?:Security Council|Conseil de sécurité|Consejo de Seguridad|Совет Безопасности|مجلس الأمن|安全理事会)$/i, 'Security Council'],
  [/^(?:Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономический и Социальный Совет|المجلس الاقتصادي والاجتماعي|经济及社会理事会)$/i, 'Economic and Social Council'],
  [/^(?:Secretariat|Secrétariat|Secretaría|Секретариат|الأمانة العامة|秘书处)$/i, 'Secretariat'],
  [/^(?:Trusteeship Council|Conseil de tutelle|Consejo de Administración Fiduciaria)$/i, 'Trusteeship Council'],
];

/** "Distr.: General", "Distr. générale", "Distr. general", "Distr.: Limited", "LIMITED", "Общая", "عام" → normalised. */
export function distributionOf(text: string): 'General' | 'Limited' | 'Restricted' | null {
  const t = text.trim().toLowerCase();
  if (/\b(?:general|générale|generale)\b|^общая|^عام$/.test(t) || /distr.*(?:general|générale)/.test(t)) return 'General';
  if (/\b(?:limited|limitée|limitada)\b|^ограниченная|^محدود/.test(t)) return 'Limited';
  if (/\b(?:restricted|restreinte|reservada)\b|^для служебного|^مقيد/.test(t)) return 'Restricted';
  return null;
}

/** The label of the summary box under the title: front matter, neither subtitle nor section heading. */
export const SUMMARY_LABEL = /^(?:Summary|Résumé|Resumen|Резюме|موجز|موجـز|摘要)$/i;

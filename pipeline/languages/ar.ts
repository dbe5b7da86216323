/** Arabic. */
import type { Lexicon } from './lexicon.js';

export const ar: Lexicon = {
  code: 'ar',
  months: [
    // Arabic UN documents print both the Syriac and the Latin-derived month name: "حزيران/يونيو".
    ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
    ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليه', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ],
  monthVariants: { يوليو: 7, ابريل: 4, إبريل: 4 },
  languageNames: {
    en: ['الإنكليزية', 'الإنجليزية', 'بالإنكليزية', 'بالإنجليزية', 'انكليزي', 'إنكليزي'],
    fr: ['الفرنسية', 'بالفرنسية', 'فرنسي'],
    es: ['الإسبانية', 'بالإسبانية', 'إسباني'],
    ru: ['الروسية', 'بالروسية', 'روسي'],
    ar: ['العربية', 'بالعربية', 'عربي'],
    zh: ['الصينية', 'بالصينية', 'صيني'],
  },
  script: /[\u0600-\u06FF]/,
  organs: {
    'General Assembly': 'الجمعية العامة',
    'Security Council': 'مجلس الأمن',
    'Economic and Social Council': 'المجلس الاقتصادي والاجتماعي',
    Secretariat: 'الأمانة العامة',
  },
  // With and without the tatweel that justified text stretches it by.
  summary: ['موجز', 'موجـز'],
  contents: ['المحتويات'],
  continued: [],
  annex: ['المرفق', 'مرفق'],
  original: ['الأصل'],
  resolutionHeader: { resolution: 'قرار', adopted: 'اتخذته' },
  officialRecords: ['الوثائق الرسمية', 'الملحق رقم'],
  supplement: ['الملحق رقم'],
  of: ['من'],
  // The chapter label takes an ordinal adjective ("الفصل الثاني", see ARABIC_ORDINAL_ADJECTIVES); the article label digits ("المادة 12").
  headingLabels: { Chapter: 'الفصل', Article: 'المادة' },
  page: [],
  contentsColumns: [],
  figure: ['الشكل', 'شكل'],
};

/** Chapter numbers are adverbial ordinals: أولاً- ثانياً- … are I. II. …. */
export const ARABIC_CHAPTER_ORDINALS = [
  'أولا',
  'ثانيا',
  'ثالثا',
  'رابعا',
  'خامسا',
  'سادسا',
  'سابعا',
  'ثامنا',
  'تاسعا',
  'عاشرا',
  'حادي عشر',
  'ثاني عشر',
  'ثالث عشر',
  'رابع عشر',
  'خامس عشر',
  'سادس عشر',
  'سابع عشر',
  'ثامن عشر',
  'تاسع عشر',
  'عشرون',
];

/**
 * After a noun ("الفصل" chapter, "المرفق" annex) the ordinal is an adjective: الفصل الأول, المرفق
 * الثاني, … are chapter I, annex II, ….
 */
export const ARABIC_ORDINAL_ADJECTIVES = [
  'الأول',
  'الثاني',
  'الثالث',
  'الرابع',
  'الخامس',
  'السادس',
  'السابع',
  'الثامن',
  'التاسع',
  'العاشر',
  'الحادي عشر',
  'الثاني عشر',
  'الثالث عشر',
  'الرابع عشر',
  'الخامس عشر',
  'السادس عشر',
  'السابع عشر',
  'الثامن عشر',
  'التاسع عشر',
  'العشرون',
];

/**
 * Section letters are spelled out in abjad order: ألف- باء- جيم- … are A. B. C. … (UN Arabic
 * documents follow this order, not the modern alphabetical one).
 */
export const ARABIC_LETTER_NAMES = [
  'ألف',
  'باء',
  'جيم',
  'دال',
  'هاء',
  'واو',
  'زاي',
  'حاء',
  'طاء',
  'ياء',
  'كاف',
  'لام',
  'ميم',
  'نون',
  'سين',
  'عين',
  'فاء',
  'صاد',
  'قاف',
  'راء',
  'شين',
  'تاء',
  'ثاء',
  'خاء',
  'ذال',
  'ضاد',
];

/** Item labels are single letters in the same abjad order: (أ) (ب) (ج) … are (a) (b) (c) …. */
export const ARABIC_ITEM_LETTERS = [
  'أ',
  'ب',
  'ج',
  'د',
  'ه',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
];

/** The chapter label before an adjective ordinal: "الفصل الثاني". */
export const ARABIC_CHAPTER_LABEL = ar.headingLabels.Chapter!;

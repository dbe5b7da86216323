/** English. */
import type { Lexicon } from './lexicon.js';

export const en: Lexicon = {
  code: 'en',
  months: [['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']],
  languageNames: { en: ['english'], fr: ['french'], es: ['spanish'], ru: ['russian'], ar: ['arabic'], zh: ['chinese'] },
  stopwords: ['the', 'and', 'of', 'to', 'in', 'that', 'for', 'with', 'on', 'by', 'is', 'was', 'were', 'which'],
  conjunctions: ['and', 'or'],
  organs: {
    'General Assembly': 'General Assembly',
    'Security Council': 'Security Council',
    'Economic and Social Council': 'Economic and Social Council',
    Secretariat: 'Secretariat',
    'Trusteeship Council': 'Trusteeship Council',
  },
  summary: ['Summary'],
  contents: ['Contents'],
  continued: ['continued'],
  annex: ['Annex', 'Appendix', 'Enclosure'],
  original: ['Original'],
  resolutionHeader: { resolution: 'Resolution', adopted: 'adopted' },
  officialRecords: ['Official Records', 'Supplement No'],
  supplement: ['Supplement No'],
  symbolsNote: ['Symbols of United Nations documents are composed of'],
  draftLabels: ['Draft resolution', 'Draft decision'],
  of: ['of'],
  headingLabels: { Chapter: 'Chapter', Part: 'Part', Section: 'Section', Rule: 'Rule', Article: 'Article' },
  page: ['page'],
  contentsColumns: ['Page', 'Pages', 'Paragraph', 'Paragraphs', 'Chapter'],
  figure: ['Figure', 'Chart'],
  first: 'first',
};

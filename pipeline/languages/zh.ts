/** Chinese. */
import type { Lexicon } from './lexicon.js';

export const zh: Lexicon = {
  code: 'zh',
  // Dates are written with digits: "2024年3月15日".
  months: [],
  languageNames: { en: ['英文'], fr: ['法文'], es: ['西班牙文'], ru: ['俄文'], ar: ['阿拉伯文'], zh: ['中文'] },
  script: /[\u4E00-\u9FFF]/,
  organs: {
    'General Assembly': '大会',
    'Security Council': '安全理事会',
    'Economic and Social Council': '经济及社会理事会',
    Secretariat: '秘书处',
  },
  summary: ['摘要'],
  contents: ['目录'],
  continued: [],
  annex: ['附件'],
  original: ['原文'],
  officialRecords: ['正式记录', '补编第'],
  supplement: ['补编第'],
  of: [],
  headingLabels: {},
  // "第一条" is article 1, "第三章" chapter 3, "第二部分" part 2, "第四节" section 4.
  headingLabelsAround: { Article: ['第', '条'], Chapter: ['第', '章'], Part: ['第', '部分'], Section: ['第', '节'] },
  page: [],
  contentsColumns: [],
  figure: ['图'],
};

/** Chinese numerals one to nine: chapters are numbered "一、", "二、", … "十二、". */
export const CHINESE_DIGITS = '一二三四五六七八九';
/** The digits and ten (十): every chapter numeral up to 99 is written with these. */
export const CHINESE_NUMERALS = `${CHINESE_DIGITS}十`;

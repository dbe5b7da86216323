/** Russian. */
import type { Lexicon } from './lexicon.js';

export const ru: Lexicon = {
  code: 'ru',
  conjunctions: ['и', 'или'],
  months: [
    // Genitive ("5 марта 2024 года") and nominative.
    ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ],
  languageNames: { en: ['английский'], fr: ['французский'], es: ['испанский'], ru: ['русский'], ar: ['арабский'], zh: ['китайский'] },
  script: /[\u0400-\u04FF]/,
  compoundParts: ['либо', 'нибудь', 'то', 'таки', 'ка'],
  organs: {
    'General Assembly': 'Генеральная Ассамблея',
    'Security Council': 'Совет Безопасности',
    'Economic and Social Council': 'Экономический и Социальный Совет',
    Secretariat: 'Секретариат',
  },
  summary: ['Резюме'],
  contents: ['Содержание'],
  continued: [],
  annex: ['Приложение', 'Добавление'],
  original: ['Оригинал'],
  resolutionHeader: { resolution: 'Резолюция', adopted: 'принятая' },
  officialRecords: ['Официальные отчеты', 'Дополнение №', 'Дополнение No'],
  supplement: ['Дополнение №', 'Дополнение No'],
  draftLabels: ['Проект резолюции', 'Проект решения'],
  of: ['из'],
  headingLabels: { Chapter: 'Глава', Part: 'Часть', Section: 'Раздел', Rule: 'Правило', Article: 'Статья' },
  page: ['стр', 'стр.'],
  contentsColumns: ['Стр.', 'Пункты', 'Глава'],
  figure: ['Рисунок', 'Диаграмма'],
};

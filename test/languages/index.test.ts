import { describe, expect, it } from 'vitest';
import {
  ANNEX_LABEL,
  CONTENTS_LABEL,
  detectLanguage,
  distributionOf,
  languageCode,
  ORGANS,
  parseDate,
  SUMMARY_LABEL,
} from '../../pipeline/languages/index.js';

describe('languages', () => {
  it.each([
    ['31 juillet 2006', '2006-07-31'], // A/61/187
    ['22 April 2025', '2025-04-22'], // A/HRC/59/60
    ['29 de abril de 2024', '2024-04-29'], // A/AC.292/2024/3
    ['1 November2017', '2017-11-01'], // E/ESCWA/2017/EC.4/4(Part VII): no space in the text layer
    ['5 марта 2024 года', '2024-03-05'],
    ['25 حزيران/يونيو 2018', '2018-06-25'],
    ['2024年3月15日', '2024-03-15'],
  ])('parses the masthead date "%s"', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([
    ['anglais', 'en'],
    ['inglés', 'en'],
    ['ENGLISH', 'en'],
    ['SPANISH', 'es'],
    ['английский', 'en'],
    ['français', 'fr'],
  ])('maps the language name "%s"', (name, code) => expect(languageCode(name)).toBe(code));

  it.each([
    ['General', 'General'],
    ['générale', 'General'],
    ['general', 'General'],
    ['LIMITED', 'Limited'],
    ['Restricted', 'Restricted'],
  ])('normalises the distribution "%s"', (text, value) => expect(distributionOf(text)).toBe(value));

  it('tells French, Spanish and English apart by their short words', () => {
    expect(detectLanguage('Les participants ont souligné qu’il fallait protéger les droits de tous les migrants et de leur famille')).toBe(
      'fr',
    );
    expect(detectLanguage('La Secretaría preparó el presente documento de antecedentes para los Estados y las partes')).toBe('es');
    expect(detectLanguage('The Forum is organized by the Office of the High Commissioner for Human Rights')).toBe('en');
  });
});

describe('labels composed from the lexicons', () => {
  it('annex labels of the six languages, with their numbers', () => {
    for (const label of [
      'Annex',
      'Annexe II',
      'Anexo III',
      'Appendix 2',
      'Pièce jointe',
      'Приложение I',
      'المرفق الأول',
      'المرفق الحادي عشر',
      '附件',
    ]) {
      expect(ANNEX_LABEL.test(label), label).toBe(true);
    }
    expect(ANNEX_LABEL.test('Annex II to the report')).toBe(false);
  });

  it('contents labels, also as continued, and summary labels', () => {
    for (const label of [
      'Contents',
      'Table des matières (suite)',
      'Índice (continuación)',
      'Содержание',
      'المحتويات',
      '目录',
      'Contents (continued)',
    ]) {
      expect(CONTENTS_LABEL.test(label), label).toBe(true);
    }
    for (const label of ['Summary', 'Résumé', 'Resumen', 'Резюме', 'موجز', 'موجـز', '摘要'])
      expect(SUMMARY_LABEL.test(label), label).toBe(true);
  });

  it('organ names in every language name the same organ', () => {
    const organOf = (name: string) => ORGANS.find(([pattern]) => pattern.test(name))?.[1];
    expect(
      [
        'Economic and Social Council',
        'Conseil économique et social',
        'Consejo Económico y Social',
        'Экономический и Социальный Совет',
        'المجلس الاقتصادي والاجتماعي',
        '经济及社会理事会',
      ].map(organOf),
    ).toEqual(Array(6).fill('Economic and Social Council'));
  });

  it('A/RES/217(III)-zh: a Chinese masthead spaces the organ out, "大 会", "安 全 理 事 会"', () => {
    const organOf = (name: string) => ORGANS.find(([pattern]) => pattern.test(name))?.[1];
    expect(['大 会', '大会', '安 全 理 事 会'].map(organOf)).toEqual(['General Assembly', 'General Assembly', 'Security Council']);
    expect(organOf('大 会 堂')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  canonicalParagraphNumber,
  isNextLetter,
  numberOpeningText,
  HeadingNumberReader,
  toRoman,
} from '../../pipeline/languages/numbering.js';

/** Reads a sequence of heading numbers as one document would, returning each canonical form. */
function readAll(...printed: string[]): string[] {
  const reader = new HeadingNumberReader();
  return printed.map((number) => {
    const canonical = reader.read(number);
    return canonical ? `${canonical.style} ${canonical.text}` : 'none';
  });
}

describe('heading numbers in one form for every language', () => {
  it('E/2018/41: Arabic chapter ordinals and section letter names are Roman chapters and Latin letters', () => {
    expect(readAll('أولاً-', 'ألف-', 'باء-', 'ثانياً-', 'جيم-', 'عاشراً-', 'حادي عشر-')).toEqual([
      'roman I.',
      'upper A.',
      'upper B.',
      'roman II.',
      'upper C.',
      'roman X.',
      'roman XI.',
    ]);
  });

  it('reads the lam-alef pdf.js returns reversed ("األول") as the word it stands for', () => {
    expect(numberOpeningText('الفصل األول القضايا المرفوعة إلى المجلس')?.text).toBe('I.');
    expect(numberOpeningText('الفصل الأول القضايا المرفوعة إلى المجلس')?.text).toBe('I.');
    expect(numberOpeningText('الفصل الحادي عشر مسائل أخرى')?.text).toBe('XI.');
  });

  it('French and Spanish "a)", Arabic "(أ)" and "(ب)", Chinese full-width "（a）" are all (a), (b)', () => {
    expect(readAll('a)', '(أ)', '（a）', 'b)', '(ب)')).toEqual(['lower (a)', 'lower (a)', 'lower (a)', 'lower (b)', 'lower (b)']);
  });

  it('Chinese chapter numerals and Russian sections lettered in Cyrillic look-alikes', () => {
    expect(readAll('一、', '十二、', 'А.', 'В.')).toEqual(['roman I.', 'roman XII.', 'upper A.', 'upper B.']);
  });

  it('"I." is chapter one, except right after section "H.", where it is the ninth section', () => {
    expect(readAll('I.', 'G.', 'H.', 'I.', 'J.', 'II.')).toEqual(['roman I.', 'upper G.', 'upper H.', 'upper I.', 'upper J.', 'roman II.']);
    // The Arabic version spells the ninth letter out, so both sides meet on "upper I.".
    expect(readAll('حاء-', 'طاء-')).toEqual(['upper H.', 'upper I.']);
    expect(readAll('(h)', '(i)', '(ii)')).toEqual(['lower (h)', 'lower (i)', 'lowerRoman (ii)']);
  });

  it('decimal subsections, labelled headings and numbering of unknown kinds', () => {
    expect(readAll('1.', '1.2.', 'Chapter IV', 'Chapitre premier', 'Règle 3', 'Rule 3', '§ 7')).toEqual([
      'digits 1.',
      'digits 1.2.',
      'roman IV.',
      'roman I.',
      'labelled Rule 3',
      'labelled Rule 3',
      'literal § 7',
    ]);
    expect(readAll('', ' ')).toEqual(['none', 'none']);
  });

  it('E/ESCWA/2017/EC.4/4/Part VII: an Arabic ordinal left in the heading text, its lam-alef reversed ("أوال-")', () => {
    expect(numberOpeningText('أوال- آًثار العنف الزوجي على النساء')?.text).toBe('I.');
    expect(numberOpeningText('ثانياً- التحديات')?.text).toBe('II.');
    expect(numberOpeningText('حادي عشر- مسائل أخرى')?.text).toBe('XI.');
    expect(numberOpeningText('ألف- المسائل المتعلقة بالتعريف')?.text).toBe('A.');
    expect(numberOpeningText('الأطر السياساتية - مقدمة')).toBeNull();
  });

  it('an unnumbered heading opening with its chapter label has that chapter number; other text has none', () => {
    expect(numberOpeningText('Chapter IV Work of the Commission')?.text).toBe('IV.');
    expect(numberOpeningText('Глава 2 Организация работы')?.text).toBe('II.');
    expect(numberOpeningText('Enabling technological ecosystems')).toBeNull();
    expect(numberOpeningText('Part I General')).toBeNull();
  });
});

describe('paragraph numbers', () => {
  it('Arabic-Indic and Persian digits, trailing dots and dashes', () => {
    expect(['12', '12.', '١٢-', '۱۲', '１２'].map(canonicalParagraphNumber)).toEqual(['12', '12', '12', '12', '12']);
  });

  it('Roman numerals round-trip', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV']);
  });
});

describe('the forms of every language', () => {
  it('English: "I.", "A.", "1.", "(a)", "(iv)", "Chapter II", "Part 2", "Section 3", "Rule 4", "Article 5"', () => {
    expect(readAll('I.', 'A.', '1.', '(a)', '(iv)', 'Chapter II', 'Part 2', 'Section 3', 'Rule 4', 'Article 5')).toEqual([
      'roman I.',
      'upper A.',
      'digits 1.',
      'lower (a)',
      'lowerRoman (iv)',
      'roman II.',
      'labelled Part 2',
      'labelled Section 3',
      'labelled Rule 4',
      'labelled Article 5',
    ]);
  });

  it('French: "a)", "Chapitre III", "Partie 2", "Règle 4", "Article 5"', () => {
    expect(readAll('a)', 'Chapitre III', 'Partie 2', 'Règle 4', 'Article 5')).toEqual([
      'lower (a)',
      'roman III.',
      'labelled Part 2',
      'labelled Rule 4',
      'labelled Article 5',
    ]);
  });

  it('Spanish: "Capítulo primero", "Parte 2", "Sección 3", "Regla 4", "Artículo 5"', () => {
    expect(readAll('Capítulo primero', 'Parte 2', 'Sección 3', 'Regla 4', 'Artículo 5')).toEqual([
      'roman I.',
      'labelled Part 2',
      'labelled Section 3',
      'labelled Rule 4',
      'labelled Article 5',
    ]);
  });

  it('Russian: "Глава 3", "Часть 2", "Раздел 3", "Правило 4", "Статья 5"', () => {
    expect(readAll('Глава 3', 'Часть 2', 'Раздел 3', 'Правило 4', 'Статья 5')).toEqual([
      'roman III.',
      'labelled Part 2',
      'labelled Section 3',
      'labelled Rule 4',
      'labelled Article 5',
    ]);
  });

  it('Arabic: "أولاً-" with its tanween, "ألف-", "(ب)", "الفصل الثاني", "عشرون-"', () => {
    expect(readAll('أولاً-', 'ألف-', '(ب)', 'الفصل الثاني', 'عشرون-')).toEqual([
      'roman I.',
      'upper A.',
      'lower (b)',
      'roman II.',
      'roman XX.',
    ]);
  });

  it('Chinese: "一、", "十、", "二十一、", full-width "（b）"', () => {
    expect(readAll('一、', '十、', '二十一、', '（b）')).toEqual(['roman I.', 'roman X.', 'roman XXI.', 'lower (b)']);
  });

  it('Chinese labels around their number: "第一条", "第二十九条", "第3条", "第三章", "第二部分"; "（一）" under "一、" is section A', () => {
    expect(readAll('第一条', '第二十九条', '第3条', '第三章', '第二部分', '一、', '（一）', '（二）')).toEqual([
      'labelled Article 1',
      'labelled Article 29',
      'labelled Article 3',
      'roman III.',
      'labelled Part 2',
      'roman I.',
      'upper A.',
      'upper B.',
    ]);
  });
});

describe('A/RES/217(III): one article in the six languages', () => {
  it('"Article 1", "Article premier", "Artículo 1", "Статья 1", "المادة 1", "المادة ١", "第一条" are all article 1', () => {
    const printed = ['Article 1', 'Article premier', 'Artículo 1', 'Статья 1', 'المادة 1', 'المادة ١', '第一条'];
    expect(new Set(printed.map((number) => readAll(number)[0]))).toEqual(new Set(['labelled Article 1']));
    expect(readAll('Article 30', 'Статья 30', 'المادة 30', '第三十条')).toEqual(Array(4).fill('labelled Article 30'));
  });
});

describe('isNextLetter: the one ambiguity of numbering', () => {
  it('"I." after "H." and "(i)" after "(h)" are the next letter; after anything else, Roman numbers', () => {
    expect(isNextLetter('I', 'H')).toBe(true);
    expect(isNextLetter('i', 'h')).toBe(true);
    expect(isNextLetter('V', 'U')).toBe(true);
    expect(isNextLetter('I', 'G')).toBe(false);
    expect(isNextLetter('I', null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Block } from '../../pipeline/model.js';
import {
  alignDocuments,
  alignmentCoverage,
  AlignmentInputError,
  alignmentSummary,
  checkOneDocument,
  DifferentDocumentsError,
  documentLanguages,
  toTsv,
  type Alignment,
} from '../../pipeline/align/align.js';
import { ARABIC, ENGLISH, FRENCH, heading, paragraph, version } from './fixtures.js';

/** Each unit as `kind scope number languages`, to compare whole alignments at a glance. */
function outline(alignment: Alignment): string[] {
  return alignment.units.map((unit) => `${unit.kind} ${unit.scope ?? 'body'} ${unit.number} ${Object.keys(unit.texts).join(',')}`);
}

describe('alignDocuments on E/2018/41 (ar, en, fr)', () => {
  const alignment = alignDocuments([ENGLISH, FRENCH, ARABIC]);

  it('pairs paragraphs by number and headings by numbering, the annex on its own, in document order', () => {
    expect(alignment.languages).toEqual(['ar', 'en', 'fr']);
    expect(outline(alignment)).toEqual([
      'paragraph body 1 ar,en,fr',
      'paragraph body 2 ar,en,fr',
      'heading body I. ar,en,fr',
      'paragraph body 3 ar,en,fr',
      'heading body II. ar,en,fr',
      'heading body A. ar,en,fr',
      'paragraph body 4 ar,en,fr',
      'paragraph body 5 ar,en',
      // Sub-items are units of their own, after their paragraph, paired by label: "(أ)" = "(a)".
      'item body 5 (a) ar,en',
      'item body 5 (b) ar,en',
      'paragraph body 6 ar,en,fr',
      'heading body VII. ar,en,fr',
      'paragraph body 7 ar,en,fr',
      'paragraph body 1 ar,en,fr',
      'paragraph body 2 ar,en,fr',
      'heading annex-1 I. ar,en,fr',
      'paragraph annex-1 1 ar,en,fr',
      'paragraph annex-1 2 ar,en,fr',
    ]);
  });

  it('reads "الفصل الثاني" (chapter two) in the Arabic heading text as the "II." of the other versions', () => {
    const chapterTwo = alignment.units.find((unit) => unit.kind === 'heading' && unit.number === 'II.');
    expect(chapterTwo?.texts).toEqual({
      ar: 'الفصل الثاني موضوع الدورة: التكنولوجيا من أجل التنمية المستدامة',
      en: 'Session theme: technology for sustainable development',
      fr: 'Thème de la session : la technologie pour le développement durable',
    });
  });

  it('gives a paragraph its sub-items, labels as printed, and keeps paragraph 5 that French lacks', () => {
    const five = alignment.units.find((unit) => unit.number === '5');
    expect(five?.texts).toEqual({
      ar: 'وقدم المتحدثون توصيات: (أ) تعزيز البحث؛ (ب) دعم الابتكار.',
      en: 'The speakers recommended: (a) Strengthening research; (b) Supporting innovation.',
    });
  });

  it('pairs a number repeated in one scope by order of occurrence: the agenda list restarting at 1', () => {
    const ones = alignment.units.filter((unit) => unit.scope === null && unit.number === '1');
    expect(ones.map((unit) => unit.texts.fr)).toEqual([
      'La Commission économique et sociale pour l’Asie occidentale a tenu sa trentième session.',
      'Ouverture.',
    ]);
    expect(ones[1]?.texts).toEqual({ ar: 'الافتتاح.', en: 'Opening.', fr: 'Ouverture.' });
  });

  it('does not depend on the order of the inputs', () => {
    expect(alignDocuments([ARABIC, FRENCH, ENGLISH])).toEqual(alignment);
  });

  it('counts the units every version has', () => {
    expect(alignmentCoverage(alignment)).toEqual({
      paragraph: { complete: 10, total: 11 },
      heading: { complete: 5, total: 5 },
      item: { complete: 0, total: 2 },
    });
  });
});

describe('units that some versions lack', () => {
  it('E/2018/41 chapter I: a declaration numbered in Arabic only does not pull the chapters out of place', () => {
    const arabic = version('ar', [
      heading(null, 'الفصل الأول القضايا المرفوعة'),
      paragraph('1', 'نحن، ممثلي الدول الأعضاء.'),
      paragraph('2', 'نشير إلى قرار الجمعية العامة.'),
      heading(null, 'الفصل الثاني موضوع الدورة'),
      paragraph('4', 'اتخذت اللجنة التكنولوجيا موضوعاً رئيسياً.'),
    ]);
    const english = version('en', [
      paragraph('1', 'ESCWA held its thirtieth session.'),
      paragraph('2', 'The present report sets out the proceedings.'),
      heading('I.', 'Issues for attention'),
      paragraph(null, 'We, the representatives of the member States.'),
      heading('II.', 'Session theme'),
      paragraph('4', 'Technology for sustainable development was the main theme.'),
    ]);
    expect(outline(alignDocuments([arabic, english]))).toEqual([
      'paragraph body 1 en',
      'paragraph body 2 en',
      'heading body I. ar,en',
      'paragraph body 1 ar',
      'paragraph body 2 ar',
      'heading body II. ar,en',
      'paragraph body 4 ar,en',
    ]);
  });

  it('keeps a heading found in one version only between the same neighbours', () => {
    const english = version('en', [heading('A.', 'Opening'), paragraph('1', 'One.'), heading('B.', 'Attendance'), paragraph('2', 'Two.')]);
    const french = version('fr', [heading('A.', 'Ouverture'), paragraph('1', 'Un.'), paragraph('2', 'Deux.')]);
    expect(outline(alignDocuments([english, french]))).toEqual([
      'heading body A. en,fr',
      'paragraph body 1 en,fr',
      'heading body B. en',
      'paragraph body 2 en,fr',
    ]);
  });

  it('lists an annex that only one version has', () => {
    const french = version(
      'fr',
      [paragraph('1', 'Un.')],
      [{ id: 'annex-1', label: 'Annexe', title: null, prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }], body: [paragraph('1', 'Liste.')] }],
    );
    const english = version('en', [paragraph('1', 'One.')]);
    expect(outline(alignDocuments([english, french]))).toEqual(['paragraph body 1 en,fr', 'paragraph annex-1 1 fr']);
  });
});

describe('languages', () => {
  it('refuses a document without a language, two in one language, and a code that is not ISO 639-1', () => {
    expect(() => alignDocuments([ENGLISH, version(null, [])])).toThrow(AlignmentInputError);
    expect(() => alignDocuments([ENGLISH, version(null, [])])).toThrow(
      'E_2018_41-E_ESCWA_30_18_Report-null.pdf: metadata.language is not set',
    );
    expect(() => documentLanguages([ENGLISH, ENGLISH], ['a.json', 'b.json'])).toThrow('a.json and b.json are both in "en"');
    expect(() => documentLanguages([version('__proto__', [])])).toThrow('is not an ISO 639-1 code');
  });
});

describe('toTsv', () => {
  const tsv = toTsv(alignDocuments([ARABIC, ENGLISH, FRENCH]));
  const rows = tsv.split('\n');

  it('E/2018/41: a header, then one row per unit with an empty cell where a version lacks the unit', () => {
    expect(rows[0]).toBe('kind\tscope\tnumber\tar\ten\tfr');
    expect(rows).toContain(
      'paragraph\t\t5\tوقدم المتحدثون توصيات: (أ) تعزيز البحث؛ (ب) دعم الابتكار.\tThe speakers recommended: (a) Strengthening research; (b) Supporting innovation.\t',
    );
    expect(rows).toContain('heading\tannex-1\tI.\tقائمة المشاركين\tList of participants\tListe des participants');
    expect(rows).toContain('item\t\t5 (a)\tتعزيز البحث؛\tStrengthening research;\t');
    // The header, 16 paragraphs and headings, 2 sub-items, the final newline.
    expect(rows.length).toBe(1 + 16 + 2 + 1);
    expect(tsv.endsWith('\n')).toBe(true);
  });

  it('replaces tabs and line breaks inside a text by spaces, so every row has its six cells', () => {
    expect(rows).toContain(
      'paragraph\t\t6\tوخصصت الإسكوا حلقة نقاش.\tESCWA held a round-table discussion.\tLa CESAO a consacré une table ronde.',
    );
    expect(rows.filter((row) => row !== '').every((row) => row.split('\t').length === 6)).toBe(true);
  });
});

describe('numbering that starts again, and versions that print no numbers', () => {
  it('E/2018/41 chapter I: quoted resolutions numbered from 1 pair run by run, not with the first run of the other version', () => {
    const arabic = version('ar', [
      paragraph('3', 'اعتمدت اللجنة القرارات التالية.'),
      ...['نحن، ممثلي الدول الأعضاء.', 'نشير إلى القرار 72/167.', 'ونذكّر بالاستراتيجية العربية.', 'نحن على ثقة تامة.'].map((text, index) =>
        paragraph(String(index + 1), text),
      ),
      ...['تؤكد على وحدة الشعب الفلسطيني.', 'تدين بأشد العبارات الانتهاكات.', 'تدين أيضاً الاعتراف.'].map((text, index) =>
        paragraph(String(index + 1), text),
      ),
      heading(null, 'الفصل الثاني موضوع الدورة'),
    ]);
    // The English prints no numbers on the declaration, and only three quoted paragraphs remain numbered.
    const english = version('en', [
      paragraph('3', 'The Commission adopted the following resolutions.'),
      paragraph('1', 'Asserts the unity of the Palestinian people.'),
      paragraph('2', 'Condemns in the strongest terms continued violations.'),
      paragraph('3', 'Condemns also the recognition.'),
      heading('II.', 'Session theme'),
    ]);
    const alignment = alignDocuments([arabic, english]);
    expect(outline(alignment)).toEqual([
      'paragraph body 3 ar,en',
      'paragraph body 1 ar',
      'paragraph body 2 ar',
      'paragraph body 3 ar',
      'paragraph body 4 ar',
      'paragraph body 1 ar,en',
      'paragraph body 2 ar,en',
      'paragraph body 3 ar,en',
      'heading body II. ar,en',
    ]);
    expect(alignment.units[5]!.texts).toEqual({ ar: 'تؤكد على وحدة الشعب الفلسطيني.', en: 'Asserts the unity of the Palestinian people.' });
  });

  it('E/2018/41-en: the Beirut Consensus printed without numbers takes them by position, piece by piece between its unnumbered headings', () => {
    const french = version('fr', [
      heading('I.', 'Questions appelant une décision'),
      paragraph('1', 'Nous, représentants des États membres.'),
      paragraph('2', 'Nous rappelons la résolution 72/167.'),
      heading(null, 'Écosystèmes technologiques de soutien'),
      paragraph('3', 'Nous œuvrerons à la mise en place de politiques.'),
      paragraph(null, 'Nous tenons à souligner le travail important du secrétariat.'),
      heading(null, 'Systèmes éducatifs évolués'),
      paragraph('4', 'Nous faciliterons l’intégration des diplômés.'),
      heading('II.', 'Thème de la session'),
    ]);
    const english = version('en', [
      heading('I.', 'Issues for attention and action'),
      paragraph(null, 'We, the representatives of member States.'),
      paragraph(null, 'We recall General Assembly resolution 72/167.'),
      heading(null, 'Enabling technological ecosystems'),
      paragraph(null, 'We will seek to put in place national and regional policies.'),
      paragraph(null, 'We commend the ESCWA secretariat’s steadfast work.'),
      heading(null, 'Dynamic educational systems'),
      // One paragraph more than the French here: this piece is not paired, rather than paired wrongly.
      paragraph(null, 'We will facilitate the integration of graduates.'),
      paragraph(null, 'We will seek to bridge the persistent gender gap.'),
      heading('II.', 'Session theme'),
    ]);
    const alignment = alignDocuments([english, french]);
    expect(outline(alignment)).toEqual([
      'heading body I. en,fr',
      'paragraph body 1 en,fr',
      'paragraph body 2 en,fr',
      'paragraph body 3 en,fr',
      'paragraph body 4 fr',
      'heading body II. en,fr',
    ]);
    expect(alignment.units[3]!.texts.en).toBe('We will seek to put in place national and regional policies.');
  });
});

describe('lengths that a language pair makes plausible', () => {
  /** Eight paragraphs of about 100 characters in English, French a tenth longer, as translations run. */
  const english = Array.from({ length: 8 }, (_, index) =>
    paragraph(
      String(index + 1),
      `Paragraph ${index + 1} of the report sets out, in some detail, what the Commission considered and decided.`,
    ),
  );
  const french = english.map((block, index) =>
    paragraph(
      block.number,
      index === 1
        ? 'Le paragraphe 2'
        : `Le paragraphe ${index + 1} du rapport expose, de façon assez détaillée, ce que la Commission a examiné et décidé.`,
    ),
  );

  it('E/2018/41, Beirut Consensus paragraph 2 (86 Arabic characters against 566 English): a text cut short is rejected, not paired', () => {
    const alignment = alignDocuments([version('en', english), version('fr', french)]);
    const [ratio] = alignment.ratios;
    expect(ratio).toMatchObject({ first: 'en', second: 'fr', samples: 7 });
    expect(ratio!.median!).toBeGreaterThan(1);
    expect(ratio!.median!).toBeLessThan(1.2);
    const two = alignment.units.find((unit) => unit.number === '2')!;
    expect(two.texts).toEqual({ en: english[1]!.text });
    expect(two.rejected).toEqual({ fr: 'Le paragraphe 2' });
    expect(alignment.units.filter((unit) => unit.rejected !== undefined)).toHaveLength(1);
    expect(alignmentSummary(alignment)).toMatchObject({ complete: 7, paired: 7, unpaired: 1, rejected: 1 });
  });

  it('of three versions, keeps the two that agree and rejects the odd one out', () => {
    const arabic = english.map((block, index) =>
      paragraph(block.number, `تعرض الفقرة ${index + 1} من التقرير بشيء من التفصيل ما نظرت فيه اللجنة وما قررته في دورتها.`),
    );
    const alignment = alignDocuments([version('en', english), version('fr', french), version('ar', arabic)]);
    const two = alignment.units.find((unit) => unit.number === '2')!;
    expect(Object.keys(two.texts)).toEqual(['ar', 'en']);
    expect(Object.keys(two.rejected!)).toEqual(['fr']);
    const three = alignment.units.find((unit) => unit.number === '3')!;
    expect(Object.keys(three.texts)).toEqual(['ar', 'en', 'fr']);
    expect(three.rejected).toBeUndefined();
  });

  it('learns no ratio from fewer than five paragraphs, and then rejects nothing', () => {
    const alignment = alignDocuments([version('en', english.slice(0, 3)), version('fr', french.slice(0, 3))]);
    expect(alignment.ratios).toEqual([{ first: 'en', second: 'fr', median: null, tolerance: null, low: null, high: null, samples: 2 }]);
    expect(alignment.units.every((unit) => unit.rejected === undefined)).toBe(true);
  });
});

describe('versions of one document', () => {
  it('E/2018/41 in English with CEDAW/C/CAF/CO/6 in Russian: different symbols are refused, not aligned', () => {
    const cedaw = version('ru', [paragraph('1', 'Комитет рассмотрел шестой периодический доклад.')]);
    cedaw.metadata.symbol = 'CEDAW/C/CAF/CO/6';
    cedaw.metadata.symbols = ['CEDAW/C/CAF/CO/6'];
    expect(() => alignDocuments([ENGLISH, cedaw])).toThrow(DifferentDocumentsError);
    expect(() => checkOneDocument([ENGLISH, cedaw], ['en.json', 'ru.json'])).toThrow(
      'en.json is E/2018/41 and ru.json is CEDAW/C/CAF/CO/6: not language versions of one document',
    );
  });

  it('accepts a version whose symbol was not read, and symbols written with other spacing or case', () => {
    const unknown = version('ru', [paragraph('1', 'Комитет.')]);
    unknown.metadata.symbol = null;
    unknown.metadata.symbols = [];
    expect(() => checkOneDocument([ENGLISH, unknown])).not.toThrow();
    const spaced = version('ru', [paragraph('1', 'Комитет.')]);
    spaced.metadata.symbols = ['e/2018/ 41'];
    expect(() => checkOneDocument([ENGLISH, spaced])).not.toThrow();
  });
});

describe('sub-items and articles', () => {
  it('pairs nested items and bullets by label and position within their paragraph', () => {
    const en = paragraph('7', 'Invites member States:', [
      ['(a)', 'To intensify communication;'],
      ['•', 'by meetings;'],
      ['(b)', 'To provide support.'],
    ]);
    en.items![0]!.items = [
      { type: 'paragraph', label: '(i)', text: 'in the region;', footnoteRefs: [], prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] },
    ];
    const fr = paragraph('7', 'Appelle les États membres :', [
      ['a)', 'À intensifier la coopération ;'],
      ['•', 'par des réunions ;'],
      ['b)', 'À fournir un appui.'],
    ]);
    fr.items![0]!.items = [
      { type: 'paragraph', label: 'i)', text: 'dans la région ;', footnoteRefs: [], prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] },
    ];
    const alignment = alignDocuments([version('en', [en]), version('fr', [fr])]);
    expect(outline(alignment)).toEqual([
      'paragraph body 7 en,fr',
      'item body 7 (a) en,fr',
      'item body 7 (a)(i) en,fr',
      'item body 7 •1 en,fr',
      'item body 7 (b) en,fr',
    ]);
    expect(alignment.units[2]!.texts).toEqual({ en: 'in the region;', fr: 'dans la région ;' });
  });

  it('A/RES/217(III): "Article 1", "Статья 1", "المادة 1", "第一条" head one article, and its paragraphs 1 and 2 pair inside it', () => {
    const article = (label: string, one: string, two: string): Block[] => [heading(label, ''), paragraph('1', one), paragraph('2', two)];
    const en = version('en', [
      ...article('Article 13', 'Everyone has the right to freedom of movement.', 'Everyone has the right to leave any country.'),
      heading('Article 14', ''),
      paragraph('1', 'Everyone has the right to seek asylum.'),
    ]);
    const ru = version('ru', [
      ...article('Статья 13', 'Каждый человек имеет право свободно передвигаться.', 'Каждый человек имеет право покидать любую страну.'),
      heading('Статья 14', ''),
      paragraph('1', 'Каждый человек имеет право искать убежища.'),
    ]);
    const zh = version('zh', [
      ...article('第十三条', '人人在各国境内有权自由迁徙和居住。', '人人有权离开任何国家。'),
      heading('第十四条', ''),
      paragraph('1', '人人有权在其他国家寻求和享受庇护。'),
    ]);
    const alignment = alignDocuments([en, ru, zh]);
    expect(outline(alignment)).toEqual([
      'heading body Article 13 en,ru,zh',
      'paragraph body 1 en,ru,zh',
      'paragraph body 2 en,ru,zh',
      'heading body Article 14 en,ru,zh',
      'paragraph body 1 en,ru,zh',
    ]);
    // A heading that is all number is known by its number.
    expect(alignment.units[0]!.texts).toEqual({ en: 'Article 13', ru: 'Статья 13', zh: '第十三条' });
  });
});

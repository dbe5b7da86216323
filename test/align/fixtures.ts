/**
 * Small language versions of one document, modelled on E/2018/41 (the ESCWA report on its
 * thirtieth session) in Arabic, English and French: paragraphs 1-2 before chapter I, chapters
 * numbered "I." in English and French but "الفصل الأول" in Arabic, section letters "ألف-"/"A.",
 * sub-items "(أ)"/"(a)", an agenda list that restarts the numbering at 1 inside chapter VII,
 * and an annex whose numbering starts again at 1. The French version lacks paragraph 5.
 */
import type { Annex, Block, HeadingBlock, ItemBlock, ParagraphBlock, UnDocument } from '../../pipeline/model.js';

let blockCount = 0;

export function heading(number: string | null, text: string, level = 1): HeadingBlock {
  return {
    type: 'heading',
    id: `h-${++blockCount}`,
    level,
    number,
    text,
    footnoteRefs: [],
    prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
  };
}

export function paragraph(number: string | null, text: string, items?: Array<[string, string]>): ParagraphBlock {
  const block: ParagraphBlock = {
    type: 'paragraph',
    id: `p-${++blockCount}`,
    number,
    text,
    footnoteRefs: [],
    prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
  };
  if (items)
    block.items = items.map(([label, itemText]): ItemBlock => ({
      type: 'paragraph',
      label,
      text: itemText,
      footnoteRefs: [],
      prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
    }));
  return block;
}

export function version(language: string | null, body: Block[], annexes: Annex[] = []): UnDocument {
  return {
    schemaVersion: '1.4.0',
    source: { file: `E_2018_41-E_ESCWA_30_18_Report-${language}.pdf`, sha256: '0'.repeat(64), pages: 40 },
    metadata: {
      symbol: 'E/2018/41',
      symbols: ['E/2018/41'],
      organ: null,
      distribution: null,
      date: null,
      language,
      originalLanguage: null,
      jobNumber: null,
      session: null,
      agendaItems: [],
      title: null,
      subtitle: null,
    },
    masthead: [],
    body,
    annexes,
    footnotes: [],
    furniture: [],
    diagnostics: [],
  };
}

const annex = (label: string, body: Block[]): Annex => ({
  id: 'annex-1',
  label,
  title: null,
  prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
  body,
});

export const ARABIC = version(
  'ar',
  [
    paragraph('1', 'عقدت لجنة الأمم المتحدة الاقتصادية والاجتماعية لغربي آسيا دورتها الثلاثين.'),
    paragraph('2', 'يعرض هذا التقرير أعمال الدورة الثلاثين.'),
    // pdf.js returns the lam-alef ligature reversed: "األول" for "الأول".
    heading(null, 'الفصل األول القضايا المرفوعة إلى المجلس الاقتصادي والاجتماعي'),
    paragraph('3', 'اعتمدت اللجنة في جلستها العامة السابعة مجموعة من القرارات.'),
    heading(null, 'الفصل الثاني موضوع الدورة: التكنولوجيا من أجل التنمية المستدامة', 3),
    heading('ألف-', 'دمج التكنولوجيا والابتكار في خطط التنمية الوطنية', 2),
    paragraph('4', 'تشهد المنطقة العربية ظروفاً راهنة صعبة.'),
    paragraph('5', 'وقدم المتحدثون توصيات:', [
      ['(أ)', 'تعزيز البحث؛'],
      ['(ب)', 'دعم الابتكار.'],
    ]),
    paragraph('6', 'وخصصت الإسكوا حلقة نقاش.'),
    heading(null, 'الفصل السابع مسائل إجرائية وتنظيمية'),
    paragraph('7', 'أقرت اللجنة جدول الأعمال التالي:'),
    paragraph('1', 'الافتتاح.'),
    paragraph('2', 'انتخاب أعضاء المكتب.'),
  ],
  [annex('المرفق', [heading('أولاً-', 'قائمة المشاركين'), paragraph('1', 'الدول الأعضاء.'), paragraph('2', 'المراقبون.')])],
);

export const ENGLISH = version(
  'en',
  [
    paragraph('1', 'The Economic and Social Commission for Western Asia held its thirtieth session.'),
    paragraph('2', 'The present report sets out the proceedings of the thirtieth session.'),
    heading('I.', 'Issues for attention and action by the Economic and Social Council'),
    paragraph('3', 'At its seventh plenary meeting, the Commission adopted a set of resolutions.'),
    heading('II.', 'Session theme: technology for sustainable development'),
    heading('A.', 'Integrating technology and innovation into national development planning', 2),
    paragraph('4', 'The Arab region is going through difficult times.'),
    paragraph('5', 'The speakers recommended:', [
      ['(a)', 'Strengthening research;'],
      ['(b)', 'Supporting innovation.'],
    ]),
    paragraph('6', 'ESCWA held a\tround-table\ndiscussion.'),
    heading('VII.', 'Organization of work'),
    paragraph('7', 'The Commission adopted the following agenda:'),
    paragraph('1', 'Opening.'),
    paragraph('2', 'Election of officers.'),
  ],
  [annex('Annex', [heading('I.', 'List of participants'), paragraph('1', 'Member States.'), paragraph('2', 'Observers.')])],
);

export const FRENCH = version(
  'fr',
  [
    paragraph('1', 'La Commission économique et sociale pour l’Asie occidentale a tenu sa trentième session.'),
    paragraph('2', 'Le présent rapport donne un aperçu des travaux de la trentième session.'),
    heading('I.', 'Questions appelant une décision du Conseil économique et social'),
    paragraph('3', 'Lors de sa 7e séance plénière, la Commission a adopté une série de résolutions.'),
    heading('II.', 'Thème de la session : la technologie pour le développement durable'),
    heading('A.', 'Intégrer la technologie et l’innovation dans la planification nationale', 2),
    paragraph('4', 'La conjoncture actuelle est difficile dans la région arabe.'),
    // Paragraph 5 is missing, as when the converter takes it for part of paragraph 4.
    paragraph('6', 'La CESAO a consacré une table ronde.'),
    heading('VII.', 'Questions de procédure et d’organisation'),
    paragraph('7', 'La Commission a adopté l’ordre du jour suivant :'),
    paragraph('1', 'Ouverture.'),
    paragraph('2', 'Élection du Bureau.'),
  ],
  [annex('Annexe', [heading('I.', 'Liste des participants'), paragraph('1', 'États membres.'), paragraph('2', 'Observateurs.')])],
);

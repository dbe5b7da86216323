import { describe, expect, it } from 'vitest';
import { buildStructure } from '../../pipeline/stages/build-structure.js';
import type { FootnoteDraft, Line, ParagraphBlock, RawBlock, Typography } from '../../pipeline/model.js';
import { collecting, line, silent } from './lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 123, rightMargin: 488 };
const body = (text: string, x = 123, options: Partial<Line> = {}) => line(text, x, 100, { font: 'body', right: 488, ...options });
const bold = (text: string, x = 100, size = 10) => line(text, x, 100, { font: 'bold', size, right: x + 200 });
const blocks = (...groups: Line[][]): RawBlock[] => groups.map((lines) => ({ page: lines[0]!.page, lines }));

describe('build-structure', () => {
  it('A/61/187: numbered headings get levels from their numbering, paragraphs their numbers', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('I. Introduction', 102, 14)],
          [body('1. Les rencontres interactives informelles se sont tenues le 12 juillet 2006.')],
          [bold('B. Liens entre migration et développement', 100, 12)],
          [bold('1. Impact économique des migrations au niveau mondial', 104)],
          [body('2. Les participants ont estimé que les migrations étaient un facteur.')],
          // In another face than the numbered headings, as printed (A/61/187-fr: g_d0_f3 under g_d0_f2).
          [line('Migrantes', 123, 100, { font: 'italic', right: 200 })],
        ),
      },
      silent,
    );
    expect(
      result.map((b) => (b.type === 'heading' ? [b.level, b.number, b.text] : [b.type, b.type === 'paragraph' ? b.number : null])),
    ).toEqual([
      [1, 'I.', 'Introduction'],
      ['paragraph', '1'],
      [2, 'B.', 'Liens entre migration et développement'],
      [3, '1.', 'Impact économique des migrations au niveau mondial'],
      ['paragraph', '2'],
      [4, null, 'Migrantes'],
    ]);
  });

  it('A/61/187-fr p. 16: a chapter title set larger than the body is a heading over six lines; a bold paragraph of as many lines is none', () => {
    const big = (text: string, x = 123.2) => line(text, x, 100, { font: 'bold', size: 14, right: 440 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [
            big('V. Rencontres interactives : partie consacrée à l’action', 97.7),
            big('des pouvoirs publics – promotion des partenariats,'),
            big('renforcement des capacités et mise en commun'),
            big('des meilleures pratiques à tous les niveaux, y compris'),
            big('aux niveaux bilatéral et régional, dans l’intérêt des pays'),
            big('et des migrants'),
          ],
          [body('63. Les participants ont souligné le rôle des partenariats.')],
          ['A bold paragraph', 'of six lines', 'set at the body size', 'is no heading', 'however it', 'ends'].map((t) => bold(t, 123)),
        ),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'heading' ? [b.level, b.number, b.text.slice(0, 23)] : [b.type]))).toEqual([
      [1, 'V.', 'Rencontres interactives'],
      ['paragraph'],
      ['paragraph'],
    ]);
  });

  it('S/2025/272 annex: where chapters are set at the body size, an unnumbered heading in a style of its own nests under the last numbered one (under "A." at 3, under "IV." at 2), not at 1', () => {
    const head = (text: string, font: string, x = 101) => line(text, x, 100, { font, size: 12, right: 400 });
    const big = { ...typography, bodySize: 12, lineGap: 14 };
    const para = (text: string) => line(text, 101, 100, { font: 'body', size: 12, right: 488 });
    const { body: result } = buildStructure(
      {
        typography: big,
        blocks: blocks(
          [head('II. Political Update', 'bold', 92)],
          [head('A. General Political Environment', 'bold', 123)],
          [para('5. The political environment remained tense throughout the reporting period.')],
          [head('Developments in the Republika Srpska', 'bolditalic')],
          [para('6. The authorities of the Republika Srpska adopted several laws.')],
          [head('III. Developments Related to the State Institutions', 'bold', 87)],
          [head('A. Presidency and Council of Ministers', 'bold2', 123)],
          [para('7. The Presidency met in regular sessions.')],
          [head('Council of Ministers of Bosnia and Herzegovina', 'bolditalic')],
          [para('8. The Council of Ministers adopted the budget.')],
          // A deeper numbered style elsewhere ("(d)") does not push it down (DP/2025/10: "Budget" under "III.").
          [head('(d) Timeliness of the recommendations', 'bold3', 123)],
          [para('9. The recommendations were issued on time.')],
          [head('IV. Economy', 'bold', 92)],
          [head('Air Pollution', 'bolditalic')],
          [para('10. Air pollution remained a concern.')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => [b.level, b.number, b.text])).toEqual([
      [1, 'II.', 'Political Update'],
      [2, 'A.', 'General Political Environment'],
      [3, null, 'Developments in the Republika Srpska'],
      [1, 'III.', 'Developments Related to the State Institutions'],
      [2, 'A.', 'Presidency and Council of Ministers'],
      [3, null, 'Council of Ministers of Bosnia and Herzegovina'],
      [4, '(d)', 'Timeliness of the recommendations'],
      [1, 'IV.', 'Economy'],
      [2, null, 'Air Pollution'],
    ]);
  });

  it('A/48/653, A/52/613: a centred "* * *" between two draft resolutions is no heading', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('5. Requests the Special Committee to continue to examine this question.')],
          [line('* * *', 290, 100, { font: 'body', right: 320 })],
          [bold('Question of Gibraltar', 250, 12)],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual(['Question of Gibraltar']);
    // The separator stays in the text, with the paragraph it closes.
    expect((result[0] as ParagraphBlock<FootnoteDraft>).items!.map((i) => i.text)).toEqual(['* * *']);
  });

  it('A/RES/80/110: a section numeral alone on its line ("I", no period) numbers the title under it', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('Recalling its resolutions on the law of the sea, including resolution 79/144,')],
          [
            line('I', 123, 152, { font: 'bold', right: 127 }),
            line('Implementation of the Convention and related agreements and instruments', 123, 164, { font: 'bold', right: 460 }),
          ],
          [body('1. Reaffirms the unified character of the Convention and the vital importance of preserving its integrity;')],
          [line('II', 123, 300, { font: 'bold', right: 129 }), line('Capacity-building', 123, 312, { font: 'bold', right: 200 })],
          [body('2. Also reaffirms that capacity-building is essential to ensure that States are able to implement the Convention;')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => [b.level, b.number, b.text])).toEqual([
      [1, 'I', 'Implementation of the Convention and related agreements and instruments'],
      [1, 'II', 'Capacity-building'],
    ]);
  });

  it('UNW/2025/2: section letters that run on across a chapter ("E. Outcome 1" under chapter IV after "D." under III) are headings, and "I." after "H." is a section', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('III. Performance by impact area', 100, 12)],
          [bold('A. Impact 1: Governance', 100, 11)],
          [body('1. The first impact area.')],
          [bold('D. Impact 4: Women, peace and security', 100, 11)],
          [body('2. The fourth impact area.')],
          [bold('IV. Performance under the seven systemic outcomes', 100, 12)],
          [bold('E. Outcome 1: Global normative frameworks', 100, 11)],
          [body('3. The first outcome.')],
          [bold('H. Outcome 4: Access to services', 100, 11)],
          [bold('I. Outcome 5: Voice, leadership and agency', 100, 11)],
          [body('4. The fifth outcome.')],
          [bold('V. Strengthening organizational performance', 100, 12)],
          // A letter that does not follow the last one is still no section (a name in a list: "M. Imad").
          [bold('M. Imad Abdul Ghani', 100, 11)],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => [b.level, b.number])).toEqual([
      [1, 'III.'],
      [2, 'A.'],
      [2, 'D.'],
      [1, 'IV.'],
      [2, 'E.'],
      [2, 'H.'],
      [2, 'I.'],
      [1, 'V.'],
    ]);
  });

  it("CEDAW/C/CAF/CO/6-ru: a short line in another face than the numbered paragraph under it is a heading, though the document's commonest face is its own", () => {
    // The recommendations are bold, so bold is the body face; the observations are regular.
    const regular = (text: string) => line(text, 123, 100, { font: 'regular', right: 488 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('12. Комитет рекомендует государству-участнику обеспечить защиту женщин.')],
          [body('Женщины и мир и безопасность', 123, { right: 276 })],
          [regular('13. Комитет отмечает подписанное 6 февраля 2019 года в Банги Политическое соглашение.')],
          // A bold line under which the numbering does not go on is no heading.
          [body('Комитет рекомендует государству-участнику', 123, { right: 330 })],
          [regular('15. Комитет с обеспокоенностью отмечает ограниченное понимание.')],
        ),
      },
      silent,
    );
    expect(result.map((b) => [b.type, b.type === 'heading' ? b.text : b.type === 'paragraph' ? b.number : null])).toEqual([
      ['paragraph', '12'],
      ['heading', 'Женщины и мир и безопасность'],
      ['paragraph', '13'],
      ['paragraph', null],
      ['paragraph', '15'],
    ]);
  });

  it('CEDAW/C/CAF/CO/6-ru pp. 11-13: a short line in the face of the paragraph under it, after a finished item, is a heading; so is one over a sub-heading in a face of its own', () => {
    const italic = (text: string) => line(text, 123, 100, { font: 'italic', right: 250 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('58. Комитет рекомендует государству-участнику:')],
          [body('c) обеспечить, чтобы обычные законы и практика соответствовали Конвенции.', 147)],
          [body('Поправка к пункту 1 статьи 20 Конвенции', 123, { right: 326 })],
          [body('59. Комитет призывает государство-участник как можно скорее принять поправку.')],
          [body('Группы женщин, находящиеся в неблагоприятном положении', 123, { right: 419 })],
          [italic('Женщины с инвалидностью')],
          [body('60. Комитет рекомендует государству-участнику принять меры.')],
          // After a colon the line is the list's, not a heading.
          [body('61. Комитет рекомендует государству-участнику:')],
          [body('Провести реформу законодательства', 123, { right: 300 })],
          [body('62. Комитет просит государство-участник представить доклад.')],
          // A one-line paragraph in another face under the heading is its paragraph, no stacked sub-heading.
          [body('Брак и семейные отношения', 123, { right: 260 })],
          [line('63. Комитет с обеспокоенностью отмечает:', 123, 100, { font: 'regular', right: 327 })],
          [body('a) тревожное число случаев заключения детских браков;', 147)],
        ),
      },
      silent,
    );
    expect(result.map((b) => [b.type, b.type === 'heading' ? b.text : b.type === 'paragraph' ? b.number : null])).toEqual([
      ['paragraph', '58'],
      ['heading', 'Поправка к пункту 1 статьи 20 Конвенции'],
      ['paragraph', '59'],
      ['heading', 'Группы женщин, находящиеся в неблагоприятном положении'],
      ['heading', 'Женщины с инвалидностью'],
      ['paragraph', '60'],
      ['paragraph', '61'],
      ['paragraph', null],
      ['paragraph', '62'],
      ['heading', 'Брак и семейные отношения'],
      ['paragraph', '63'],
    ]);
  });

  it("A/79/352 p. 8: a figure's label over its caption and the next paragraph is no heading", () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('19. The independent risk management firm prepares Monte Carlo simulations.')],
          [body('Figure I', 123, { right: 160 })],
          [line('Cost histogram of the strategic heritage plan project risks, July 2024', 123, 100, { font: 'bold', right: 420 })],
          [body('20. Figure I depicts both the relative frequency of forecast cost.')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'Cost histogram of the strategic heritage plan project risks, July 2024',
    ]);
  });

  it('CEDAW/C/CAF/CO/6-ru: a heading in the body face wrapped over two lines, the second short, is a heading too', () => {
    const regular = (text: string) => line(text, 123, 100, { font: 'regular', right: 488 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [regular('10. Комитет принимает к сведению национальную политику в области прав человека.')],
          [
            body('Связанное с конфликтом насилие в отношении женщин и девочек и доступ', 123, { right: 481 }),
            line('к правосудию', 123, 112, { font: 'body', right: 188 }),
          ],
          [regular('11. Комитет с удовлетворением отмечает предпринятые государством-участником усилия.')],
          // Two bold lines ending a sentence are a paragraph's, not a heading.
          [
            body('Комитет рекомендует государству-участнику обеспечить защиту женщин и девочек', 123, { right: 481 }),
            line('в полном объеме.', 123, 112, { font: 'body', right: 200 }),
          ],
          [regular('12. Комитет отмечает подписанное 6 февраля 2019 года соглашение.')],
        ),
      },
      silent,
    );
    expect(result.map((b) => [b.type, b.type === 'heading' ? b.text : b.type === 'paragraph' ? b.number : null])).toEqual([
      ['paragraph', '10'],
      ['heading', 'Связанное с конфликтом насилие в отношении женщин и девочек и доступ к правосудию'],
      ['paragraph', '11'],
      ['paragraph', null],
      ['paragraph', '12'],
    ]);
  });

  it('CEDAW/C/CAF/CO/6-ru: an unnumbered sub-heading under a section ("B.") is level 3; numbered paragraphs in another face make no heading style', () => {
    // Bold is the body face (the recommendations); the observations are regular, and so look heading-like by face.
    const regular = (text: string) => line(text, 123, 100, { font: 'regular', right: 488 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('A. Факторы и трудности', 100, 12)],
          [regular('3. Комитет выражает признательность делегации высокого уровня государства-участника.')],
          [line('4. Комитет с обеспокоенностью отмечает:', 123, 100, { font: 'regular', right: 327 })],
          [line('a) тревожное число случаев заключения детей под стражу;', 147, 112, { font: 'regular', right: 488 })],
          [bold('B. Основные вопросы, вызывающие обеспокоенность, и рекомендации', 100, 12)],
          [body('Женщины и мир и безопасность', 123, { right: 276 })],
          [regular('5. Комитет отмечает подписанное 6 февраля 2019 года в Банги Политическое соглашение.')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => [b.level, b.number, b.text])).toEqual([
      [2, 'A.', 'Факторы и трудности'],
      [2, 'B.', 'Основные вопросы, вызывающие обеспокоенность, и рекомендации'],
      [3, null, 'Женщины и мир и безопасность'],
    ]);
  });

  it("E/2025/43: an indented draft's label and its four-line title, under the paragraph recommending it, are one heading nested in the section", () => {
    const draftLine = (text: string, y: number) => line(text, 147, y, { font: 'bold', right: 476 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('A. Draft decisions recommended by the Permanent Forum for adoption by the Council', 100, 12)],
          [
            body(
              '1. The Permanent Forum on Indigenous Issues recommends to the Economic and Social Council the adoption of the following draft decisions:',
            ),
          ],
          [
            draftLine('Draft decision I', 209),
            draftLine('International expert group meeting on the theme “Recognition of', 221),
            draftLine('Indigenous Peoples’ rights in the context of the climate crisis, biodiversity', 233),
            draftLine('governance and territorial integrity: focusing on nomadic and', 245),
            draftLine('semi-nomadic peoples, including pastoralists and shifting cultivators”', 257),
          ],
          [body('The Economic and Social Council decides to authorize a three-day international expert group meeting.', 170)],
        ),
      },
      silent,
    );
    const headings = result.filter((b) => b.type === 'heading').map((b) => [b.level, b.text.slice(0, 40)]);
    expect(headings).toEqual([
      [2, 'Draft decisions recommended by the Perma'],
      [3, 'Draft decision I International expert gr'],
    ]);
  });

  it('A/HRC/59/60 paras 56-64: a bold numbered paragraph continuing the numbering is no heading', () => {
    const long =
      '56. The Working Group calls upon States to adopt a smart mix of measures, national and international, mandatory and voluntary, to foster business respect for human rights.';
    const { body: result } = buildStructure(
      { typography, blocks: blocks([body('55. Text of the previous paragraph.')], [line(long, 123, 100, { font: 'bold', right: 488 })]) },
      silent,
    );
    expect(result.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect((result[1] as ParagraphBlock<FootnoteDraft>).number).toBe('56');
  });

  it('A/50/610 para 6: (a), (b) are items of the paragraph, (i) nests under (b), and "(i)" after "(h)" is a letter', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('6. At the 14th meeting, the representative of Spain introduced amendments:')],
          [body('(a) The title of the item would be replaced;', 150)],
          [body('(b) In the third preambular paragraph:', 150)],
          [body('(i) The phrase would be deleted;', 160)],
          [body('(ii) The word would be inserted;', 160)],
        ),
      },
      silent,
    );
    const paragraph = result[0] as ParagraphBlock<FootnoteDraft>;
    expect(paragraph.items!.map((i) => i.label)).toEqual(['(a)', '(b)']);
    expect(paragraph.items![1]!.items!.map((i) => i.label)).toEqual(['(i)', '(ii)']);

    const letters = buildStructure(
      {
        typography,
        blocks: blocks([body('7. The participants:')], [body('(h) first;', 150)], [body('(i) second;', 150)]),
      },
      silent,
    ).body[0] as ParagraphBlock<FootnoteDraft>;
    expect(letters.items!.map((i) => i.label)).toEqual(['(h)', '(i)']);
  });

  it('A/AC.109/2009/17 para 6: an indented numbered list that breaks the numbering stays inside the paragraph', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('6. The provisional agenda of the seminar is as follows:')],
          [body('1. Opening of the seminar.', 160)],
          [body('2. Election of officers.', 160)],
          [body('7. The seminar will be open to:')],
        ),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? b.number : b.type))).toEqual(['6', '7']);
    expect((result[0] as ParagraphBlock<FootnoteDraft>).items!.map((i) => i.label)).toEqual(['1.', '2.']);
  });

  it('A/61/187 annex: the "Annexe" label starts an annex scope whose title follows, numbering restarts', () => {
    const { body: main, annexes } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('76. Plusieurs participants ont souligné les incidences positives.')],
          [bold('Annexe', 60, 14), bold('Programme de rencontres interactives informelles', 123, 14)],
          [body('1. Premier paragraphe de l’annexe.')],
        ),
      },
      silent,
    );
    expect(main).toHaveLength(1);
    expect(annexes).toHaveLength(1);
    expect(annexes[0]).toMatchObject({ id: 'annex-1', label: 'Annexe', title: 'Programme de rencontres interactives informelles' });
    expect(annexes[0]!.body[0]).toMatchObject({ type: 'paragraph', id: 'annex-1-para-1', number: '1' });
  });

  it('E/2018/41: the table of contents becomes one contents block, never headings: its label, column headings and entries, a wrapped entry title joined', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('CONTENTS', 250, 12)],
          [body('Paragraphs Page', 400)],
          [body('Introduction ................................................ 1-2 4')],
          [body('I. ISSUES FOR ATTENTION AND ACTION BY THE ECONOMIC', 123, { font: 'body', right: 400 })],
          [body('AND SOCIAL COUNCIL ............................................. 3 5', 141)],
          [bold('INTRODUCTION', 250, 12)],
        ),
      },
      silent,
    );
    expect(result.map((b) => b.type)).toEqual(['contents', 'heading']);
    const contents = result[0]!;
    if (contents.type !== 'contents') throw new Error('the contents come first');
    expect([contents.id, contents.title, contents.columns]).toEqual(['contents', 'CONTENTS', ['Paragraphs', 'Page']]);
    expect(contents.entries.map(({ label, title, paragraphs, page }) => [label, title, paragraphs, page])).toEqual([
      [null, 'Introduction', '1-2', '4'],
      ['I.', 'ISSUES FOR ATTENTION AND ACTION BY THE ECONOMIC AND SOCIAL COUNCIL', '3', '5'],
    ]);
    // The joined entry has a box per line on its page, united.
    expect(contents.entries[1]!.prov).toHaveLength(1);
  });

  it('DP/2025/20: contents entries led with ellipses ("Ethics……………5") are contents, never headings', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('I. Organizational matters…………………………………………………………………………………..3', 123)],
          [bold('II. Internal audit and investigation …………………………………………………………………………3', 123)],
          [bold('III. Ethics…………………………………………………………………………………………………….5', 123)],
          [bold('I. Organizational matters', 100, 14)],
        ),
      },
      silent,
    );
    expect(result.map((b) => b.type)).toEqual(['contents', 'heading']);
    const contents = result[0]!;
    if (contents.type !== 'contents') throw new Error('the contents come first');
    expect(contents.entries.map(({ label, title, page }) => [label, title, page])).toEqual([
      ['I.', 'Organizational matters', '3'],
      ['II.', 'Internal audit and investigation', '3'],
      ['III.', 'Ethics', '5'],
    ]);
  });

  it('E/ESCWA/30/8 (Arabic): "أولاً-" is a chapter number and "1-" a paragraph number', () => {
    const rtl = { rtl: true };
    const { body: result } = buildStructure(
      {
        typography: { ...typography, bodySize: 13 },
        blocks: blocks(
          [line('أولاً- التفويضات من الدول الأعضاء', 216, 385, { font: 'bold', size: 15, ...rtl })],
          [line('1- عقدت اللجنة التنفيذية اجتماعها الرابع في بيروت.', 79, 400, { font: 'body', size: 13, right: 533, ...rtl })],
        ),
      },
      silent,
    );
    expect(result[0]).toMatchObject({ type: 'heading', level: 1, number: 'أولاً-', text: 'التفويضات من الدول الأعضاء' });
    expect(result[1]).toMatchObject({ type: 'paragraph', number: '1' });
  });
});

describe('build-structure, Chinese', () => {
  it('reads "一、" as a chapter number, "1." paragraphs and "（a）" items, without spaces inserted', () => {
    const zh = (text: string, x = 123, options: Partial<Line> = {}) => line(text, x, 100, { font: 'body', right: 488, ...options });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [line('一、导言', 100, 100, { font: 'bold', size: 12 })],
          [zh('1. 大会第七十九届会议审议了本项目。')],
          [zh('（a） 加强区域合作；', 150)],
          [zh('（b） 提高数据质量。', 150)],
        ),
      },
      silent,
    );
    expect(result[0]).toMatchObject({ type: 'heading', level: 1, number: '一、', text: '导言' });
    expect(result[1]).toMatchObject({ type: 'paragraph', number: '1', text: '大会第七十九届会议审议了本项目。' });
    expect((result[1] as ParagraphBlock<FootnoteDraft>).items!.map((i) => [i.label, i.text])).toEqual([
      ['（a）', '加强区域合作；'],
      ['（b）', '提高数据质量。'],
    ]);
  });
});

describe('build-structure, resolutions', () => {
  it('A/C.3/80/L.3: preambular paragraphs that indent only their first line are siblings, not items', () => {
    const preambular = (first: string, rest: string) => [body(first, 147), body(rest, 123)];
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          preambular('Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16', 'September 2005 and 67/1 of 24 September 2012,'),
          preambular(
            'Welcoming the results achieved by the Fourteenth United Nations',
            'Congress on Crime Prevention and Criminal Justice,',
          ),
          [body('Recalling its resolution 78/1,', 147)],
          [body('A quotation set in on every line of it', 160), body('and continuing set in.', 160)],
        ),
      },
      silent,
    );
    expect(result.map((b) => b.type === 'paragraph' && b.text.slice(0, 12))).toEqual(['Reaffirming ', 'Welcoming th', 'Recalling it']);
    expect((result[2] as ParagraphBlock<FootnoteDraft>).items!.map((i) => i.text)).toEqual([
      'A quotation set in on every line of it and continuing set in.',
    ]);
  });

  it('E/2018/41-ar: paragraphs numbered with pictures are counted, and counting stops where a picture shows the wrong number of digits', () => {
    const pictured = (text: string, digits: number) => [body(text, 123, { rtl: true, numberPicture: { digits } })];
    const reporter = collecting();
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          pictured('اتخذت اللجنة قرارات.', 1),
          [body('نص غير مرقم بين الفقرتين.', 123, { rtl: true })],
          pictured('ورحبت اللجنة بالتقرير.', 1),
          pictured('وأكدت اللجنة على أهمية.', 2),
          pictured('وطلبت اللجنة.', 1),
        ),
      },
      reporter,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? b.number : b.type))).toEqual(['1', null, '2', null, null]);
    expect(reporter.messages.map((m) => m.rule)).toEqual(['structure/picture-number', 'structure/picture-number']);
    expect(reporter.messages[0]!.message).toContain('3');
  });

  it('E/2018/41-en: a section heading in small capitals centred over two lines is one heading ("B. LINKS BETWEEN …")', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks([
          line('B. LINKS BETWEEN INFORMATION AND COMMUNICATIONS TECHNOLOGY PROCESSES', 160, 100, { font: 'body', size: 9, right: 451 }),
          line('AND SUSTAINABLE DEVELOPMENT', 245, 111, { font: 'body', size: 9, right: 366 }),
        ]),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'heading' ? [b.number, b.text] : b.type))).toEqual([
      ['B.', 'LINKS BETWEEN INFORMATION AND COMMUNICATIONS TECHNOLOGY PROCESSES AND SUSTAINABLE DEVELOPMENT'],
    ]);
  });

  it('E/2018/41-en agenda: "14. Reports of the Commission\'s subsidiary bodies:" after item 13 leads into a list, it is no heading', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('13. Reports of the Executive Committee.')],
          [line('14. Reports of the Commission’s subsidiary bodies:', 123, 100, { font: 'bold', right: 350 })],
        ),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? b.number : b.type))).toEqual(['13', '14']);
  });

  it('E/2018/41-fr annex I: "M. Walid al-Bukhaari" after section A is Monsieur, not section M', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('A. ÉTATS MEMBRES DE LA CESAO')],
          [bold('M. Walid al-Bukhaari')],
          [bold('B. ÉTATS MEMBRES DE L’ORGANISATION')],
        ),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'heading' ? b.number : b.type))).toEqual(['A.', 'paragraph', 'B.']);
  });

  it('E/2018/41-ar: "المرفق الأول" centred in the annex\'s smaller size opens annex I, whose "ألف-" headings are set at that size', () => {
    const rtl = (text: string, x: number, right: number, font: string) => line(text, x, 100, { rtl: true, size: 8.5, font, right });
    const { body: result, annexes } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('123. آخر فقرة من التقرير.')],
          [rtl('المرفق الأول', 281, 330, 'body')],
          [rtl('قائمة المشاركين', 276, 335, 'bold')],
          [rtl('ألف- الدول الأعضاء في الإسكوا', 250, 361, 'bold')],
        ),
      },
      silent,
    );
    expect(result).toHaveLength(1);
    expect(annexes.map((annex) => [annex.label, annex.title])).toEqual([['المرفق الأول', 'قائمة المشاركين']]);
    expect(annexes[0]!.body.map((b) => (b.type === 'heading' ? b.number : b.type))).toEqual(['ألف-']);
  });

  it('E/2018/41-en contents: an entry wrapped over two blocks before its leader line stays in the contents ("B. Consideration of requests …")', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('Contents', 280, 12)],
          [body('A. Date and venue ........................................ 106 35', 150)],
          [body('B. Consideration of requests by States Members of the United Nations and/or', 150, { right: 470 })],
          [body('its specialized agencies that are not members of ESCWA to participate as', 170, { right: 460 })],
          [body('observers in the thirtieth session of the Commission ...... 107-108 35', 170)],
        ),
      },
      silent,
    );
    expect(result.map((b) => b.type)).toEqual(['contents']);
    const contents = result[0]!;
    if (contents.type !== 'contents') throw new Error('the contents are the only block');
    expect(contents.entries.map(({ label, title, paragraphs, page }) => [label, title, paragraphs, page])).toEqual([
      ['A.', 'Date and venue', '106', '35'],
      [
        'B.',
        'Consideration of requests by States Members of the United Nations and/or its specialized agencies that are not members of ESCWA to participate as observers in the thirtieth session of the Commission',
        '107-108',
        '35',
      ],
    ]);
  });

  it('E/2018/41-fr: "H. Questions diverses" centred over "(Point 23 de l\'ordre du jour)" in the body face is one heading', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          ...[...'ABCDEFG'].map((letter) => [line(`${letter}. Section ${letter}`, 270, 88, { font: 'body', right: 341 })]),
          [body('122. Il a été décidé que la Commission tiendrait sa trente et unième session.')],
          [
            line('H. Questions diverses', 258, 100, { font: 'body', right: 353 }),
            line('(Point 23 de l’ordre du jour)', 247, 112, { font: 'body', right: 364 }),
          ],
        ),
      },
      silent,
    );
    expect(result.slice(-2).map((b) => (b.type === 'heading' ? [b.number, b.text] : b.type))).toEqual([
      'paragraph',
      ['H.', 'Questions diverses (Point 23 de l’ordre du jour)'],
    ]);
  });

  it('E/ESCWA/30/7 p.5: two centred lines under a number picture are a sub-heading, not picture-numbered paragraph 1', () => {
    const reporter = collecting();
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('10. وشدد برنامج عمل تونس بشأن مجتمع المعلومات على ضرورة المتابعة.', 123, { rtl: true })],
          [
            line('تجديد ولاية القمة العالمية لمجتمع المعلومات والمنتدى', 200, 100, {
              font: 'body',
              rtl: true,
              right: 411,
              numberPicture: { digits: 1 },
            }),
            line('لحوكمة الإنترنت حتى عام 2025', 250, 112, { font: 'body', rtl: true, right: 361 }),
          ],
          [body('11. في عام 2015، تم تجديد ولاية القمة العالمية.', 123, { rtl: true })],
        ),
      },
      reporter,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? b.number : b.type))).toEqual(['10', 'heading', '11']);
    expect(reporter.messages.filter((m) => m.rule === 'structure/picture-number')).toEqual([]);
  });

  it("E/2018/41-fr chapter I: the Beirut Consensus quoted with a first-line indent keeps its numbers 1-34 without taking over the report's", () => {
    // The report's paragraphs start and wrap at the margin; the quoted ones indent their first line.
    const reportParagraph = (number: string, text: string) => [
      body(`${number}. ${text}`),
      body('suite du paragraphe du rapport.', 123, { y: 112 }),
    ];
    const quoted = (number: string, text: string) => [body(`${number}. ${text}`, 151), body('suite du paragraphe cité.', 123, { y: 112 })];
    const reporter = collecting();
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          reportParagraph('3', 'Lors de sa 7e séance plénière, la Commission a adopté une série de résolutions présentées ci-après.'),
          quoted('1', 'Nous, représentants des États membres de la Commission économique et sociale pour l’Asie occidentale,'),
          quoted('2', 'Nous rappelons la résolution 72/167 du 19 décembre 2017 sur le droit au développement,'),
          quoted('3', 'Nous rappelons l’adoption de la Stratégie arabe pour la recherche scientifique et technologique,'),
          quoted('4', 'Nous sommes convaincus que la technologie et l’innovation sont parmi les principaux moteurs,'),
          [bold('II. Thème de la session', 100, 14)],
          reportParagraph('4', 'La Commission a choisi la technologie pour le développement durable comme thème principal.'),
        ),
      },
      reporter,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? `${b.id} ${b.number}` : b.type))).toEqual([
      'para-3 3',
      'para-1 1',
      'para-2 2',
      'para-3-2 3',
      'para-4 4',
      'heading',
      'para-4-2 4',
    ]);
    expect(reporter.messages.filter((m) => m.rule === 'structure/numbering')).toEqual([]);
  });

  it('E/2018/41-en: resolution paragraph "4. Warns…" indented like its quoted neighbours is not the report\'s paragraph 4', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [
            body('3. At its seventh plenary meeting, the Commission adopted the following resolutions.'),
            body('and brought them to the attention of the Council.', 123, { y: 112 }),
          ],
          [
            body('3. Condemns also the recognition by the Government of the United States of America', 151),
            body('of Jerusalem as the capital of Israel;', 123, { y: 112 }),
          ],
          [
            body('4. Warns of the implications of politicizing humanitarian and development aid', 151),
            body('provided to the Palestinian people;', 123, { y: 112 }),
          ],
          [body('7. Invites member States to undertake the following:', 151, { right: 380 })],
        ),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'paragraph' ? b.id : b.type))).toEqual(['para-3', 'para-3-2', 'para-4', 'para-7']);
    // The report's own paragraph 4 is still to come: the quoted 4 took its id only because it came first.
  });

  it('E/2018/41-ar chapter VII.C: a heading numbered "1-" in an Arabic layout carries its number', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks([line('1- اجتماعات كبار المسؤولين', 300, 100, { rtl: true, font: 'bold', size: 10, right: 488 })]),
      },
      silent,
    );
    expect(result.map((b) => (b.type === 'heading' ? [b.number, b.text] : b.type))).toEqual([['1-', 'اجتماعات كبار المسؤولين']]);
  });

  it('a Russian annex: "Приложение" opens an annex scope whose title follows, numbering restarts', () => {
    const { body: main, annexes } = buildStructure(
      {
        typography,
        blocks: blocks(
          [body('12. Участники подчеркнули важность сотрудничества.')],
          [bold('Приложение', 60, 14), bold('Правила процедуры', 123, 14)],
          [body('1. Первый пункт приложения.')],
        ),
      },
      silent,
    );
    expect(main).toHaveLength(1);
    expect(annexes).toHaveLength(1);
    expect(annexes[0]).toMatchObject({ label: 'Приложение', title: 'Правила процедуры' });
    expect(annexes[0]!.body[0]).toMatchObject({ type: 'paragraph', id: 'annex-1-para-1', number: '1' });
  });

  // TD/B/43/6 (1996) sets everything in the body face: sub-headings are told from paragraphs by the numbering.
  const short = (text: string) => line(text, 65, 100, { font: 'body', right: 65 + text.length * 5 });
  const heads = (result: ReturnType<typeof buildStructure>['body']) =>
    result.map((b) => (b.type === 'heading' ? [b.level, b.number, b.text] : [b.type, b.type === 'paragraph' ? b.number : null]));

  it('TD/B/43/6: a short numbered line over the paragraph that continues the numbering is a sub-heading', () => {
    const { body: result } = buildStructure(
      {
        typography: { ...typography, leftMargin: 65, rightMargin: 553 },
        blocks: blocks(
          [short('I. UNCTAD’S POLICY RESEARCH AND ANALYSIS')],
          [
            line('6. An oral progress report will be provided to the Board on UNCTAD’s contribution to the SIA.', 65, 100, {
              font: 'body',
              right: 553,
            }),
          ],
          [short('1. Official debt')],
          [
            line('7. In 1995 and 1996, the Trade and Development Report has dealt with the debt problems.', 65, 100, {
              font: 'body',
              right: 553,
            }),
          ],
          [short('2. Trade')],
          [short('(i) ITC/UNCTAD/WTO integrated programme')],
          [short('(a) Objectives')],
          [line('8. African countries have a pressing need for technical cooperation.', 65, 100, { font: 'body', right: 553 })],
          [short('(ii) Trade and environment')],
          [line('9. Five African countries have been included in the research work.', 65, 100, { font: 'body', right: 553 })],
        ),
      },
      silent,
    );
    expect(heads(result)).toEqual([
      [1, 'I.', 'UNCTAD’S POLICY RESEARCH AND ANALYSIS'],
      ['paragraph', '6'],
      [3, '1.', 'Official debt'],
      ['paragraph', '7'],
      [3, '2.', 'Trade'],
      [4, '(i)', 'ITC/UNCTAD/WTO integrated programme'],
      [5, '(a)', 'Objectives'],
      ['paragraph', '8'],
      [4, '(ii)', 'Trade and environment'],
      ['paragraph', '9'],
    ]);
  });

  it('TD/B/43/6 para 66: "(iii) Capacity-building" after items (a)-(d) of the paragraph is the sub-heading after "(ii)", no fifth item', () => {
    const full = (text: string, x = 65) => line(text, x, 100, { font: 'body', right: 553 });
    const { body: result } = buildStructure(
      {
        typography: { ...typography, leftMargin: 65, rightMargin: 553 },
        blocks: blocks(
          [full('65. UNCTAD has advised several African Governments on their privatization programmes.')],
          [short('(ii) Advisory services on investment and technology')],
          [full('66. In the biennium 1996-1997, the following activities are foreseen:')],
          [full('(a) Assistance will be provided to more countries in Africa;', 80)],
          [full('(b) Assistance will be provided to firms in the structuring of joint ventures;', 80)],
          [full('(c) Assistance will be provided to Governments in the privatization of state-owned enterprises.', 80)],
          [short('(iii) Capacity-building')],
          [full('67. Under a project specially designed to foster technological capacity-building, case studies were prepared.')],
        ),
      },
      silent,
    );
    expect(heads(result)).toEqual([
      ['paragraph', '65'],
      [4, '(ii)', 'Advisory services on investment and technology'],
      ['paragraph', '66'],
      [4, '(iii)', 'Capacity-building'],
      ['paragraph', '67'],
    ]);
    const paragraph = result[2] as ParagraphBlock<FootnoteDraft>;
    expect(paragraph.items!.map((i) => i.label)).toEqual(['(a)', '(b)', '(c)']);
  });

  it('TD/B/43/6 look-alikes: the items of a list a paragraph opens, and a paragraph that continues the numbering, stay paragraphs', () => {
    const { body: result } = buildStructure(
      {
        typography: { ...typography, leftMargin: 65, rightMargin: 553 },
        blocks: blocks(
          [line('5. The agenda of the session is as follows:', 65, 100, { font: 'body', right: 300 })],
          [short('(a) Opening of the session')],
          [short('(b) Election of officers')],
          [short('6. Other matters')],
          [line('7. The Board adopted the agenda.', 65, 100, { font: 'body', right: 300 })],
        ),
      },
      silent,
    );
    expect(heads(result)).toEqual([
      ['paragraph', '5'],
      ['paragraph', '6'],
      ['paragraph', '7'],
    ]);
  });

  it('A/80/604/Add.1 pp. 5-13: an unnumbered caption the table below took for its title is no heading; a numbered one over its table is', () => {
    const tableLine = (title: string) => ({
      ...line('Category | 2025/26 | 2026/27', 123, 100),
      table: {
        columns: 3,
        headerRows: 1,
        pages: [5],
        title,
        rows: [['Category', '2025/26', '2026/27'].map((text, column) => ({ text, column }))],
      },
    });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('B. Resource requirements', 123, 12)],
          [body('18. Resource requirements of $61,615,100 for the period 2026/27 represent an increase.')],
          [bold('Financial resources', 123)],
          [body('(Thousands of United States dollars)', 123, { right: 300 })],
          [tableLine('Financial resources')],
          [bold('1. Military and police personnel', 123)],
          [tableLine('1. Military and police personnel')],
          [line('Vacancy rates', 123, 100, { font: 'italic', right: 200 })],
          [bold('Vacancy rates', 123)],
          [tableLine('Vacancy rates')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => [b.level, b.number, b.text])).toEqual([
      [2, 'B.', 'Resource requirements'],
      [3, '1.', 'Military and police personnel'],
      [4, null, 'Vacancy rates'],
    ]);
    // The caption's text stays, as a paragraph and as the table's title.
    expect(result.filter((b) => b.type === 'table').map((b) => b.type === 'table' && b.title)).toEqual([
      'Financial resources',
      '1. Military and police personnel',
      'Vacancy rates',
    ]);
  });

  it('A/80/590 pp. 14–18: a table going on at the top of the next page continues it, its repeated headings written once', () => {
    const cell = (text: string, column: number, header = false) => ({ text, column, ...(header ? { header: true as const } : {}) });
    const draft = (page: number, rows: string[][]) => ({
      columns: 3,
      headerRows: 1,
      pages: [page],
      rows: [['Planned outputs', 'Completed', 'Remarks'], ...rows].map((row, r) => row.map((text, c) => cell(text, c, r === 0))),
    });
    const tableLine = (page: number, rows: string[][]) => ({
      ...line('Planned outputs | Completed | Remarks', 65, 100, { page }),
      table: draft(page, rows),
    });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [tableLine(14, [['Oversight of aviation safety', '4', 'Aircraft']])],
          [tableLine(15, [['Operation of generators', '8', 'Handed over']])],
        ),
      },
      silent,
    );
    expect(result).toHaveLength(1);
    const [table] = result;
    if (table?.type !== 'table') throw new Error('expected a table');
    expect(table.rows.map((row) => row[0]!.text)).toEqual(['Planned outputs', 'Oversight of aviation safety', 'Operation of generators']);
    expect(table.pages).toEqual([14, 15]);
    expect(table.repeatedHeaders).toEqual([
      {
        page: 15,
        rows: [
          [
            { text: 'Planned outputs', header: true },
            { text: 'Completed', header: true },
            { text: 'Remarks', header: true },
          ],
        ],
      },
    ]);
  });

  it('A/80/604/Add.1: an unnumbered heading takes its level from its style over the whole document, not from the last numbered heading', () => {
    const italic = (text: string) => line(text, 123, 100, { font: 'italic', right: 300 });
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks(
          [bold('I. Introduction', 102, 14)],
          [bold('Financial matters', 123, 14)],
          [italic('Matters pertaining to the report of the Board of Auditors')],
          [bold('A. Mandate and planning assumptions', 99, 12)],
          [italic('Operational constraints')],
          [bold('1. Military and police personnel', 103)],
          [body('1. The Advisory Committee recommends the approval of the proposals.')],
          [bold('Recommendations on posts and positions', 123)],
          [italic('Vacant posts')],
        ),
      },
      silent,
    );
    expect(result.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? [b.level, b.text] : null))).toEqual([
      [1, 'Introduction'],
      [1, 'Financial matters'],
      [4, 'Matters pertaining to the report of the Board of Auditors'],
      [2, 'Mandate and planning assumptions'],
      [4, 'Operational constraints'],
      [3, 'Military and police personnel'],
      [3, 'Recommendations on posts and positions'],
      [4, 'Vacant posts'],
    ]);
  });

  it('E/ESCWA/30/8: an unnumbered introduction before the first chapter is level 1 whatever its style', () => {
    const { body: result } = buildStructure(
      {
        typography,
        blocks: blocks([bold('Introduction', 123, 12)], [body('1. Text.')], [bold('I. Mandates', 100, 14)]),
      },
      silent,
    );
    expect(result[0]).toMatchObject({ type: 'heading', level: 1, text: 'Introduction' });
  });
});

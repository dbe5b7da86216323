import { describe, expect, it } from 'vitest';
import type { Line, ParagraphBlock, RawBlock, Typography } from '../../../pipeline/model.js';
import { annexLabel, annexTitle, annexTitleHeading } from '../../../pipeline/stages/structure/annexes.js';
import { contents } from '../../../pipeline/stages/structure/contents.js';
import { HeadingLevels } from '../../../pipeline/stages/structure/heading-levels.js';
import { heading } from '../../../pipeline/stages/structure/headings.js';
import { item } from '../../../pipeline/stages/structure/items.js';
import {
  numberedParagraph,
  paragraph,
  PictureNumbering,
  pictureNumber,
  quotedParagraph,
} from '../../../pipeline/stages/structure/paragraphs.js';
import { STRUCTURE_RULES } from '../../../pipeline/stages/structure/rules.js';
import { table } from '../../../pipeline/stages/structure/tables.js';
import { newState, viewOf, type StructureRule, type StructureState } from '../../../pipeline/stages/structure/view.js';
import { line, silent, type LineOptions } from '../lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 123, rightMargin: 488 };
const body = (text: string, x = 123, options: LineOptions = {}) => line(text, x, 100, { font: 'body', right: 488, ...options });
const bold = (text: string, x = 100, size = 10) => line(text, x, 100, { font: 'bold', size, right: x + 200 });
/** A short line centred on the measure (123–488). */
const centred = (text: string) => line(text, 255, 100, { font: 'body', right: 356 });

function freshState(): StructureState {
  return newState(new HeadingLevels(typography), new PictureNumbering(silent));
}

/** What `rule` finds in the only block made of `lines`, with the state as `prepare` leaves it. */
function match(rule: StructureRule, lines: Line[], prepare: (state: StructureState) => void = () => undefined): unknown {
  const state = freshState();
  prepare(state);
  const blocks: RawBlock[] = [{ page: 1, lines }];
  const view = viewOf(blocks, 0, typography, new Set(), state);
  return view && rule.matches(view);
}

/** A state whose scope has an open paragraph, as after "5. …" wrapping at the margin. */
function withOpenParagraph(state: StructureState): void {
  const open: ParagraphBlock = {
    type: 'paragraph',
    id: 'para-5',
    number: '5',
    text: 'The participants:',
    footnoteRefs: [],
    prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
  };
  Object.assign(state.scope, { openParagraph: open, paragraphX: 123, firstLineX: 123, lastNumber: 5 });
}

describe('structure rules', () => {
  it('are tried in the order of the grammar', () => {
    expect(STRUCTURE_RULES.map((rule) => rule.name)).toEqual([
      'table',
      'contents',
      'annex label',
      'annex title',
      'annex title set as a heading',
      'heading',
      'quoted numbered paragraph',
      'number picture counted',
      'numbered paragraph',
      'item',
      'paragraph',
    ]);
  });

  it('contents: the label, and an entry with dot leaders (its paragraphs and page apart)', () => {
    expect(match(contents, [bold('Contents', 100, 12)])).toEqual({ title: 'Contents', rows: [] });
    expect(match(contents, [body('Introduction . . . . . . . . 1-3 4')])).toMatchObject({
      title: null,
      rows: [{ cells: ['Introduction', '1-3', '4'] }],
    });
    expect(match(contents, [body('The Commission adopted the report without a vote.')])).toBeNull();
  });

  it('annex label: "Annex II" alone on its line, the lines under it its title', () => {
    expect(match(annexLabel, [bold('Annex II', 100, 12), bold('List of participants', 100, 12)])).toEqual({
      label: 'Annex II',
      title: 'List of participants',
      refs: [],
    });
    expect(match(annexLabel, [body('Annex II to the report contains the list of participants.')])).toBeNull();
  });

  it('TPNW/MSP/2025/11 annex II: the raised marker after the annex title goes with the title, under its label or as a heading', () => {
    const title = 'Decisions of the third Meeting of States Parties';
    const marked = line(title, 100, 100, { font: 'bold', size: 12, right: 400, markers: [{ marker: '1', offset: title.length }] });
    expect(match(annexLabel, [bold('Annex II', 100, 12), marked])).toMatchObject({ title, refs: [{ marker: '1', offset: title.length }] });
    const awaiting = (state: StructureState) =>
      void (state.awaitingAnnexTitle = {
        id: 'annex-2',
        label: 'Annex II',
        title: null,
        prov: [{ page: 1, bbox: [72, 80, 523, 92] }],
        body: [],
      });
    expect(match(annexTitleHeading, [marked], awaiting)).toMatchObject({ title, refs: [{ marker: '1', offset: title.length }] });
  });

  it('annex title: a short centred line, or an unnumbered heading, while an annex waits for its title', () => {
    const awaiting = (state: StructureState) =>
      void (state.awaitingAnnexTitle = {
        id: 'annex-1',
        label: 'Annex',
        title: null,
        prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
        body: [],
      });
    expect(match(annexTitle, [centred('List of participants')], awaiting)).toMatchObject({ title: 'List of participants' });
    expect(match(annexTitle, [centred('List of participants')])).toBeNull();
    expect(match(annexTitleHeading, [bold('Statement by the Chair', 123, 12)], awaiting)).toMatchObject({
      title: 'Statement by the Chair',
    });
    expect(match(annexTitleHeading, [bold('I. Statement by the Chair', 100, 12)], awaiting)).toBeNull();
  });

  it('table: a line the tables stage put in place of a table, and no line made of cells alone', () => {
    const draft = { columns: 3, headerRows: 0, pages: [1], rows: [['Country', '2017', '2018'].map((text, column) => ({ text, column }))] };
    expect(match(table, [{ ...body('Country | 2017 | 2018', 123), table: draft }])).toEqual({ draft, continues: null });
    expect(match(table, [body('Country 2017 2018', 123, { cells: ['Country', '2017', '2018'] })])).toBeNull();
  });

  it('heading: its number, its text and the section letter it opens with', () => {
    expect(match(heading, [bold('B. Liens entre migration et développement', 100, 12)])).toMatchObject({
      number: 'B.',
      text: 'Liens entre migration et développement',
      sectionLetter: 'B',
      opensChapter: false,
    });
    expect(match(heading, [bold('IV. Conclusions', 100, 14)])).toMatchObject({ number: 'IV.', opensChapter: true });
    expect(match(heading, [body('1. The participants noted that migration was a factor of development in the region.')])).toBeNull();
  });

  it('A/RES/217(III): an article heading that is all label and number is numbered in the six languages, its text empty', () => {
    const printed = ['Article 1', 'Article premier', 'Artículo 1', 'Статья 1', 'المادة 1', '第一条'];
    for (const number of printed) expect(match(heading, [bold(number, 100, 12)])).toMatchObject({ number, text: '' });
    expect(match(heading, [bold('Rule 3 Secretariat', 100, 12)])).toMatchObject({ number: 'Rule 3', text: 'Secretariat' });
    expect(match(heading, [bold('第二条 人人有资格享有本宣言所载的一切权利', 100, 12)])).toMatchObject({ number: '第二条' });
    expect(match(heading, [bold('Articles of association', 100, 12)])).toMatchObject({ number: null });
  });

  it('E/2018/41-ar: the chapter label and its ordinal adjective are the number of the chapter heading', () => {
    expect(match(heading, [bold('الفصل الثاني موضوع الدورة', 100, 14)])).toMatchObject({ number: 'الفصل الثاني', text: 'موضوع الدورة' });
    expect(match(heading, [bold('الفصل الثاني عشر مسائل أخرى', 100, 14)])).toMatchObject({
      number: 'الفصل الثاني عشر',
      text: 'مسائل أخرى',
    });
    expect(match(heading, [bold('الفصل األول القضايا', 100, 14)])).toMatchObject({ number: 'الفصل األول', text: 'القضايا' });
    expect(match(heading, [bold('الفصل الدراسي', 100, 14)])).toMatchObject({ number: null });
  });

  it("quoted numbered paragraph: indented by a paragraph indent more than the scope's own numbered paragraphs", () => {
    const ownNumbersAtTheMargin = (state: StructureState) => void (state.scope.numberedIndent = 0);
    const quoted = [body('1. Nous, représentants des États membres,', 150), body('réunis à Beyrouth du 25 au 28 juin 2018,')];
    expect(match(quotedParagraph, quoted, ownNumbersAtTheMargin)).toMatchObject({
      number: 1,
      text: 'Nous, représentants des États membres, réunis à Beyrouth du 25 au 28 juin 2018,',
    });
    expect(
      match(quotedParagraph, [body('3. Lors de sa 7e séance,', 123), body('la Commission a adopté')], ownNumbersAtTheMargin),
    ).toBeNull();
  });

  it('number picture counted: a paragraph number printed as a picture, with no number in the text', () => {
    expect(match(pictureNumber, [body('تعقد اللجنة دورتها', 123, { numberPicture: { digits: 1 } })])).toEqual({ digits: 1 });
    expect(match(pictureNumber, [body('3. The Commission', 123, { numberPicture: { digits: 1 } })])).toBeNull();
  });

  it('numbered paragraph: the printed number, or the picture number counted for the block', () => {
    expect(match(numberedParagraph, [body('5. The participants noted the report.')])).toMatchObject({
      number: 5,
      text: 'The participants noted the report.',
    });
    expect(match(numberedParagraph, [body('تعقد اللجنة دورتها')], (state) => void (state.pictureNumber = 3))).toMatchObject({
      number: 3,
      text: 'تعقد اللجنة دورتها',
    });
    // Out of sequence and set in under the open paragraph: a list inside it.
    expect(match(numberedParagraph, [body('1. first point;', 150)], withOpenParagraph)).toBeNull();
  });

  it('item: a labelled line under the open paragraph', () => {
    expect(match(item, [body('(a) The title of the item would be replaced;', 150)], withOpenParagraph)).toMatchObject({
      item: { label: '(a)', text: 'The title of the item would be replaced;' },
    });
    expect(match(item, [body('(a) The title of the item would be replaced;', 150)])).toBeNull();
    // E/2018/41-ar, resolution 330, paragraph 7: Arabic items lettered in abjad order, "(هـ)" with its tatweel.
    for (const [label, text] of [
      ['(أ)', 'تكثيف التواصل مع الأمانة العامة لجامعة الدول العربية؛'],
      ['(هـ)', 'رصد وتحليل وتوثيق التداعيات الاقتصادية والاجتماعية؛'],
      ['(١)', 'تقرير لجنة المرأة عن دورتها الثامنة؛'],
    ]) {
      expect(match(item, [body(`${label} ${text}`, 150, { rtl: true })], withOpenParagraph)).toMatchObject({ item: { label, text } });
    }
  });

  it('paragraph: any other block', () => {
    expect(match(paragraph, [body('The Commission adopted the report.')])).toEqual({
      text: 'The Commission adopted the report.',
      footnoteRefs: [],
    });
  });
});

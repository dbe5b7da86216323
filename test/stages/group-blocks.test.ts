import { describe, expect, it } from 'vitest';
import { groupBlocks } from '../../pipeline/stages/group-blocks.js';
import type { Line, PageLines, Typography } from '../../pipeline/model.js';
import { line } from './lines.js';

const typography: Typography = { bodySize: 13, bodyFont: 'body', lineGap: 15, leftMargin: 79, rightMargin: 532 };
const pageOf = (number: number, body: Line[]): PageLines => ({ number, width: 612, height: 792, body, notes: [] });
const rtlLine = (text: string, x: number, right: number, y: number, font: string, page: number): Line =>
  line(text, x, y, { page, right, size: 13, font, rtl: true });

describe('group-blocks', () => {
  it('E/ESCWA/30/8 p.2-3: the heading "مقدمـة" opening a page does not continue the contents line that ended the page before', () => {
    const blocks = groupBlocks(
      [
        pageOf(2, [rtlLine('10 38-39 ........................ الخطوات المقبلة', 85.92, 532.35, 397.44, 'body', 2)]),
        pageOf(3, [
          rtlLine('مقدمـة', 292.08, 319.82, 96.48, 'bold', 3),
          rtlLine('1- عقدت اللجنة التنفيذية في اللجنة الاقتصادية والاجتماعية لغربي آسيا', 79.44, 532.57, 126.72, 'body', 3),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.map((l) => l.text.slice(0, 6)))).toEqual([['10 38-'], ['مقدمـة'], ['1- عقد']]);
  });

  it('E/2018/41-ar paragraph 87: a line of Latin text set smaller than the Arabic ends its item instead of opening a block', () => {
    const small = (text: string, x: number, y: number): Line => line(text, x, y, { right: 475, size: 11.04, font: 'body', rtl: true });
    const big = (text: string, x: number, y: number): Line => line(text, x, y, { right: 503, size: 14.04, font: 'body', rtl: true });
    const blocks = groupBlocks(
      [
        pageOf(1, [
          big('(1) تقرير لجنة المرأة عن دورتها الثامنة، بيروت، 4-5 تشرين الأول/أكتوبر 2017', 57, 298),
          small('(E/ESCWA/ECW/2017/IG.1/7/Report)؛', 287, 315),
          big('(2) تقرير لجنة التنمية الاجتماعية عن دورتها الحادية عشرة، الخرطوم', 57, 339),
          // A smaller line with Arabic letters in it (a note, a caption) still opens a block.
          small('المصدر: الإسكوا', 300, 356),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.map((l) => l.text.slice(0, 3)))).toEqual([['(1)', '(E/'], ['(2)'], ['الم']]);
  });

  it('a body line opening a page continues the paragraph the page before cut mid-sentence', () => {
    const blocks = groupBlocks(
      [
        pageOf(1, [
          line('The Commission took note of the report and requested the secretariat to', 79, 700, { right: 532, size: 13, font: 'body' }),
        ]),
        pageOf(2, [line('continue its work.', 79, 96, { page: 2, right: 200, size: 13, font: 'body' })]),
      ],
      0,
      typography,
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines).toHaveLength(2);
  });

  it('E/2018/41-fr p.10-11: a preambular paragraph ending in a comma does not swallow the indented one opening the next page', () => {
    const blocks = groupBlocks(
      [
        pageOf(10, [
          line('Ayant à l’esprit l’Accord de Paris sur les changements climatiques, le Programme de', 106, 680, {
            page: 10,
            right: 532,
            size: 13,
            font: 'body',
          }),
          line('développement durable,', 79, 695, { page: 10, right: 230, size: 13, font: 'body' }),
        ]),
        pageOf(11, [
          line('Rappelant sa résolution 305 (XXVII) du 10 mai 2012 sur le développement durable', 106, 96, {
            page: 11,
            right: 532,
            size: 13,
            font: 'body',
          }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines[0]!.text.slice(0, 10))).toEqual(['Ayant à l’', 'Rappelant ']);
  });

  it('E/2018/41-fr p.45: the centred lines of heading "B. Considération des requêtes…" stay one block though each starts elsewhere', () => {
    const centred = (text: string, x: number, right: number, y: number) => line(text, x, y, { page: 45, right, size: 13, font: 'body' });
    const blocks = groupBlocks(
      [
        pageOf(45, [
          centred('B. Considération des requêtes des États Membres de l’ONU et/ou de ses agences spécialisées,', 109.3, 502.8, 286.9),
          centred('qui ne sont pas membres de la CESAO, pour participer en qualité d’observateur', 149.4, 479.5, 298.8),
          centred('à la trentième session de la Commission', 231.4, 397.6, 310.7),
          centred('(Point 4 de l’ordre du jour)', 250.1, 361.9, 322.6),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines).toHaveLength(4);
  });

  it('A/56/509 (two columns): a paragraph cut at the foot of the left column goes on at the top of the right one', () => {
    const left = { left: 79, right: 300, top: 100, bottom: 700 };
    const right = { left: 312, right: 532, top: 100, bottom: 700 };
    const inColumn = (text: string, column: typeof left, y: number) =>
      line(text, column.left, y, { page: 2, size: 13, font: 'body', right: column.right, column });
    const pages = [
      pageOf(2, [
        inColumn('5. On the basis of the political agreement, draft', left, 670),
        inColumn('access to technologies, and mechanisms for', left, 685),
        inColumn('the transfer of technology. An expert group on', right, 110),
        inColumn('the transfer of technology has been established.', right, 125),
      ]),
    ];
    const blocks = groupBlocks(pages, 0, typography);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines).toHaveLength(4);
  });

  it('A/AC.109/2010/18 agenda item 3: a numbered line broken mid-phrase goes on under its text, not as a new block', () => {
    const blocks = groupBlocks(
      [
        pageOf(3, [
          line('3. The role of the United Nations system in providing developmental', 103, 258, {
            page: 3,
            right: 447,
            size: 13,
            font: 'body',
          }),
          line('assistance to Non-Self-Governing Territories:', 127, 273, { page: 3, right: 361, size: 13, font: 'body' }),
          line('(a) Presentations by the United Nations Development Programme and', 127, 291, {
            page: 3,
            right: 480,
            size: 13,
            font: 'body',
          }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.length)).toEqual([2, 1]);
  });

  it('TD/B/43/6: a chapter heading in capitals wraps in capitals; a first-line indent after a short line still opens a paragraph', () => {
    const blocks = groupBlocks(
      [
        pageOf(6, [
          line('I. UNCTAD’S POLICY RESEARCH AND ANALYSIS RELEVANT TO THE', 79, 100, { page: 6, right: 490, size: 13, font: 'body' }),
          line('UNITED NATIONS NEW AGENDA FOR THE DEVELOPMENT OF AFRICA', 102, 115, { page: 6, right: 510, size: 13, font: 'body' }),
          line('The Board took note of the report.', 79, 140, { page: 6, right: 300, size: 13, font: 'body' }),
          line('It then adjourned.', 106, 155, { page: 6, right: 300, size: 13, font: 'body' }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.length)).toEqual([2, 1, 1]);
  });

  it('TD/B/43/6 p.5 and p.8: a paragraph broken by a blank where the typed page ended goes on after it', () => {
    const body = { size: 13, font: 'body' };
    const blocks = groupBlocks(
      [
        pageOf(5, [
          line('United Nations in March 1996. The SIA aims to reinforce the United Nations New', 79, 95, { page: 5, right: 532, ...body }),
          line('Agenda for the Development of', 79, 110, { page: 5, right: 250, ...body }),
          // Five line spacings of blank, then a capital that fills the measure.
          line('Africa (UN-NADAF) through practical action to maximise the support provided by the', 79, 185, {
            page: 5,
            right: 532,
            ...body,
          }),
          line('UN system to African development.', 79, 200, { page: 5, right: 300, ...body }),
        ]),
        pageOf(8, [
          line('to facilitate the access of African countries to the international pool of capital. The', 79, 95, {
            page: 8,
            right: 532,
            ...body,
          }),
          line('discussion showed that prospects', 79, 110, { page: 8, right: 260, ...body }),
          line('are bright for the use of investment funds or venture capital funds to channel more', 79, 140, {
            page: 8,
            right: 532,
            ...body,
          }),
          line('foreign capital to Africa.', 79, 155, { page: 8, right: 260, ...body }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => [block.lines[0]!.text.slice(0, 12), block.lines.length])).toEqual([
      ['United Natio', 4],
      ['to facilitat', 4],
    ]);
  });

  it('A/C.5/80/L.1: items of a list without punctuation stay apart across the spacing between them', () => {
    const body = { size: 13, font: 'body' };
    const blocks = groupBlocks(
      [
        pageOf(2, [
          line('Note by the Secretariat on the status of preparedness of documentation for the Fifth', 79, 95, {
            page: 2,
            right: 532,
            ...body,
          }),
          line('Committee', 79, 110, { page: 2, right: 140, ...body }),
          line('Report of the Secretary-General on revised estimates: effect of changes in rates of', 79, 135, {
            page: 2,
            right: 532,
            ...body,
          }),
          line('exchange and inflation', 79, 150, { page: 2, right: 220, ...body }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.length)).toEqual([2, 2]);
  });

  it('a paragraph ending mid-phrase above a blank does not swallow the heading below it', () => {
    const body = { size: 13, font: 'body' };
    const blocks = groupBlocks(
      [
        pageOf(3, [
          line('The secretariat prepared a study on foreign direct investment in Africa and on the', 79, 95, {
            page: 3,
            right: 532,
            ...body,
          }),
          line('prospects of its growth in the region', 79, 110, { page: 3, right: 300, ...body }),
          line('(iv) Advance Technology Assessment', 79, 170, { page: 3, right: 300, ...body }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.length)).toEqual([2, 1]);
  });

  it("A/80/16: the report's bracketed date atop the first page after the cover is the masthead's, not a block", () => {
    const pages = [
      pageOf(1, [line('A/80/16', 517, 48), line('Supplement No. 16', 123, 437)]),
      pageOf(2, [line('Note', 123, 163, { page: 2 })]),
      pageOf(3, [line('[17 June 2025]', 480, 80, { page: 3 }), line('Contents', 79, 120, { page: 3, size: 14 })]),
    ];
    const blocks = groupBlocks(pages, 2, typography, 1, 1);
    expect(blocks.map((block) => block.lines.map((l) => l.text))).toEqual([['Contents']]);
  });

  it('A/RES/80/110: a section numeral alone on its line ("I") and its title under it in another face are one block', () => {
    const bodyLine = (text: string, y: number) => line(text, 123, y, { page: 6, font: 'body', size: 13, right: 488 });
    const blocks = groupBlocks(
      [
        pageOf(6, [
          bodyLine('the Law of the Sea (the Tribunal) in accordance with the Convention,', 128),
          line('I', 123, 152, { page: 6, font: 'bold', size: 13, right: 127 }),
          line('Implementation of the Convention and related agreements and instruments', 123, 164, {
            page: 6,
            font: 'bolder',
            size: 13,
            right: 468,
          }),
          line('1. Reaffirms the unified character of the Convention', 147, 182, { page: 6, font: 'body', size: 13, right: 488 }),
        ]),
      ],
      0,
      typography,
    );
    expect(blocks.map((block) => block.lines.map((l) => l.text.slice(0, 14)))).toEqual([
      ['the Law of the'],
      ['I', 'Implementation'],
      ['1. Reaffirms t'],
    ]);
  });
});

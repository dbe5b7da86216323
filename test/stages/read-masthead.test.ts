import { describe, expect, it } from 'vitest';
import { readMasthead } from '../../pipeline/stages/read-masthead.js';
import type { Furniture, Line } from '../../pipeline/model.js';
import { line, silent } from './lines.js';

const typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 123, rightMargin: 488 };

function masthead(
  lines: Line[],
  furniture: Furniture[] = [
    { page: 1, kind: 'job-number', text: '06-44787 (F) 010806 020806', prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] },
  ],
) {
  return readMasthead([{ number: 1, width: 612, height: 792, body: lines, notes: [] }], furniture, typography, {}, silent);
}

describe('read-masthead', () => {
  it('A/61/187: reads every field of the French masthead and consumes it up to the subtitle', () => {
    const lines = [
      line('Nations Unies A/61/187', 123, 64, { size: 14, cells: ['Nations Unies', 'A/61/187'] }),
      line('Assemblée générale Distr. générale', 123, 93, { size: 20, cells: ['Assemblée générale', 'Distr. générale'] }),
      line('31 juillet 2006', 397, 106),
      line('Français', 397, 118),
      line('Original : anglais', 397, 130),
      line('Soixante et unième session', 60, 231, { font: 'bold' }),
      line('Point 55 b) de la liste préliminaire', 60, 243),
      line('Mondialisation et interdépendance : migrations', 60, 255, { font: 'bold' }),
      line('Résumé des rencontres interactives informelles', 123, 300, { size: 14, font: 'bold' }),
      line('de l’Assemblée générale', 123, 315, { size: 14, font: 'bold' }),
      line('Note du Président de l’Assemblée générale', 123, 370, { size: 12, font: 'bold' }),
      line('Le Président de l’Assemblée générale a l’honneur de transmettre', 147, 394, { font: 'body' }),
    ];
    const result = masthead(lines);
    expect(result.metadata).toEqual({
      symbol: 'A/61/187',
      symbols: ['A/61/187'],
      organ: 'General Assembly',
      distribution: 'General',
      date: '2006-07-31',
      language: 'fr',
      originalLanguage: 'en',
      jobNumber: '06-44787',
      session: 'Soixante et unième session',
      agendaItems: ['55 b)'],
      title: 'Résumé des rencontres interactives informelles de l’Assemblée générale',
      subtitle: 'Note du Président de l’Assemblée générale',
    });
    expect(result.consumed).toBe(11);
    expect(result.lines.map((l) => l.field)).toEqual([
      'symbol',
      'distribution',
      'date',
      'language',
      'originalLanguage',
      'session',
      'agendaItems',
      null,
      'title',
      'title',
      'subtitle',
    ]);
  });

  it('A/RES/78/1: skips "Resolution adopted by …" and takes the resolution title without its number', () => {
    const lines = [
      line('United Nations A/RES/78/1', 123, 58, { cells: ['United Nations', 'A/RES/78/1'] }),
      line('Seventy-eighth session', 60, 222),
      line('Agenda items 13 and 117', 60, 234),
      line('Resolution adopted by the General Assembly', 123, 321, { size: 14.3, font: 'bold' }),
      line('on 29 September 2023', 123, 336, { size: 14.3, font: 'bold' }),
      line('78/1. Political declaration of the high-level political forum', 85, 385, { size: 12.3, font: 'bold' }),
    ];
    const result = masthead(lines, []);
    expect(result.metadata).toMatchObject({
      symbol: 'A/RES/78/1',
      session: 'Seventy-eighth session',
      agendaItems: ['13', '117'],
      title: 'Political declaration of the high-level political forum',
    });
  });

  it('a document without a UN masthead (WHA66.10) consumes nothing and reports it', () => {
    const messages: string[] = [];
    const pages = [
      { number: 1, width: 612, height: 792, body: [line('The Sixty-sixth World Health Assembly,', 123, 100, { font: 'body' })], notes: [] },
    ];
    const result = readMasthead(pages, [], typography, {}, { report: (rule) => void messages.push(rule) });
    expect(result.consumed).toBe(0);
    expect(result.metadata.symbol).toBeNull();
    expect(messages).toContain('masthead/not-found');
  });
});

describe('read-masthead, Chinese', () => {
  it('reads a Chinese masthead: 大会, the date 2024年3月15日, 原文：英文, 第七十九届会议, 议程项目', () => {
    const lines = [
      line('联合国 A/79/100', 123, 58, { cells: ['联合国', 'A/79/100'] }),
      line('大会 Distr.: General', 123, 86, { size: 20, cells: ['大会', 'Distr.: General'] }),
      line('2024年3月15日', 397, 98),
      line('Chinese', 397, 110),
      line('原文：英文', 397, 122),
      line('第七十九届会议', 60, 222),
      line('临时议程项目 12', 60, 234),
      line('可持续发展', 123, 300, { size: 14, font: 'bold' }),
    ];
    expect(masthead(lines, []).metadata).toMatchObject({
      symbol: 'A/79/100',
      organ: 'General Assembly',
      distribution: 'General',
      date: '2024-03-15',
      language: 'zh',
      originalLanguage: 'en',
      session: '第七十九届会议',
      agendaItems: ['12'],
      title: '可持续发展',
    });
  });
  it('A/HRC/RES/59/25: the numbered title hanging in the margin is the title; the agenda-item title and the header above it are masthead lines', () => {
    const lines = [
      line('United Nations A/HRC/RES/59/25', 120, 50, { size: 14, cells: ['United Nations', 'A/HRC/RES/59/25'] }),
      line('General Assembly Distr.: General', 120, 80, { size: 20, cells: ['General Assembly', 'Distr.: General'] }),
      line('16 July 2025', 392, 91),
      line('Fifty-ninth session', 57, 242, { font: 'bold' }),
      line('Agenda item 3', 57, 266),
      line('Promotion and protection of all human rights, civil,', 57, 278, { font: 'bold' }),
      line('including the right to development', 57, 290, { font: 'bold' }),
      line('Resolution adopted by the Human Rights Council', 113, 334, { size: 14, font: 'bold' }),
      line('on 8 July 2025', 113, 349, { size: 14, font: 'bold' }),
      line('59/25. Human rights and climate change', 71, 381, { size: 12, font: 'bold' }),
      line('The Human Rights Council,', 142, 405, { font: 'italic' }),
    ];
    const result = masthead(lines);
    expect(result.metadata.title).toBe('Human rights and climate change');
    expect(result.consumed).toBe(10);
  });

  it('A/RES/217 (III) in Arabic: the header "قرار اتخذته الجمعية العامة" is no title; the numbered block is, without its number', () => {
    const lines = [
      line('الأمم المتحدة A/RES/217(III)', 60, 68, { size: 16, cells: ['الأمم المتحدة', 'A/RES/217(III)'] }),
      line('الجمعية العامة Distr.: General', 60, 94, { cells: ['الجمعية العامة', 'Distr.: General'] }),
      line('الدورة الثالثة', 495, 219, { font: 'bold' }),
      line('البند 58 من جدول الأعمال', 441, 233),
      line('قرار اتخذته الجمعية العامة', 333, 284, { size: 16, font: 'bold' }),
      line('217 ألف د( -3) - الإعلان العالمي لحقوق الإنسان', 263, 361, { size: 10.5, font: 'bold' }),
      line('لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية', 123, 421, { font: 'body' }),
    ];
    const result = masthead(lines);
    expect(result.metadata.title).toBe('الإعلان العالمي لحقوق الإنسان');
    expect(result.consumed).toBe(6);
  });

  it('TD/B/43/6: "Dist." with the kind on the next line, and the title set centred in capitals at body size', () => {
    const lines = [
      line('Conference', 147, 149, { size: 16 }),
      line('Dist.', 401, 156, { size: 10 }),
      line('on Trade and GENERAL', 147, 167, { size: 16, cells: ['on Trade and', 'GENERAL'] }),
      line('Development TD/B/43/6', 147, 185, { size: 16, cells: ['Development', 'TD/B/43/6'] }),
      line('15 August 1996', 401, 198, { font: 'body' }),
      line('Forty-third session', 65, 282, { font: 'body' }),
      line('Item 5 of the provisional agenda', 65, 310, { font: 'body' }),
      line('UNCTAD’s CONTRIBUTION TO THE IMPLEMENTATION OF', 128, 436, { font: 'body', right: 484 }),
      line('THE UNITED NATIONS NEW AGENDA FOR THE DEVELOPMENT OF AFRICA', 73, 450, { font: 'body', right: 538 }),
      line('Progress report by the Secretary-General of UNCTAD', 157, 548, { font: 'body', right: 454 }),
    ];
    const result = masthead(lines);
    expect(result.metadata.distribution).toBe('General');
    expect(result.metadata.agendaItems).toEqual(['5']);
    expect(result.metadata.title).toBe(
      'UNCTAD’s CONTRIBUTION TO THE IMPLEMENTATION OF THE UNITED NATIONS NEW AGENDA FOR THE DEVELOPMENT OF AFRICA',
    );
    // The centred line under a body-size title is its subtitle, no heading of the body.
    expect(result.metadata.subtitle).toBe('Progress report by the Secretary-General of UNCTAD');
    expect(result.consumed).toBe(10);
  });

  it('A/48/653, A/50/610: under a body-size capitals title, the second agenda item\'s title, the committee\'s report line and the rapporteur are the title zone, up to "I. INTRODUCTION"', () => {
    const lines = [
      line('A/50/610', 437, 144),
      line('24 November 1995', 437, 156),
      line('Fiftieth session', 65, 229, { font: 'body' }),
      line('Agenda items 89 and 18', 65, 241, { font: 'body' }),
      line('ACTIVITIES OF FOREIGN ECONOMIC AND OTHER INTERESTS WHICH IMPEDE', 125, 284, { font: 'body', right: 502 }),
      line('THE IMPLEMENTATION OF THE DECLARATION ON THE GRANTING OF', 125, 296, { font: 'body', right: 461 }),
      line('UNDER COLONIAL DOMINATION', 231, 308, { font: 'body', right: 381 }),
      line('IMPLEMENTATION OF THE DECLARATION ON THE GRANTING OF', 150, 342, { font: 'body', right: 462 }),
      line('INDEPENDENCE TO COLONIAL COUNTRIES AND PEOPLES', 168, 354, { font: 'body', right: 444 }),
      line('Report of the Special Political and Decolonization Committee', 126, 378, { font: 'body', right: 486 }),
      line('(Fourth Committee)', 252, 389, { font: 'body', right: 360 }),
      line('Rapporteur: Mr. Allan BREIER-CASTRO (Venezuela)', 162, 413, { font: 'body', right: 450 }),
      line('I. INTRODUCTION', 258, 448, { font: 'body', right: 354 }),
      // Most lines of the body are set in (quotations, lists): its commonest start (123) is not its margin.
      line('1. At its 3rd plenary meeting, on 22 September 1995, the General Assembly, on', 65, 471, { font: 'body', right: 539 }),
    ];
    const result = masthead(lines);
    expect(result.metadata.title).toBe(
      'ACTIVITIES OF FOREIGN ECONOMIC AND OTHER INTERESTS WHICH IMPEDE THE IMPLEMENTATION OF THE DECLARATION ON THE GRANTING OF UNDER COLONIAL DOMINATION',
    );
    expect(result.metadata.subtitle).toBe('Report of the Special Political and Decolonization Committee (Fourth Committee)');
    expect(result.lines.at(-1)!.text).toBe('Rapporteur: Mr. Allan BREIER-CASTRO (Venezuela)');
    expect(result.consumed).toBe(12);
  });

  it('A/52/613: left-aligned body text under the fields is no capitals title', () => {
    const lines = [
      line('A/52/613', 437, 152),
      line('19 November 1997', 437, 164),
      line('Agenda item 18', 65, 249),
      line('The Committee considered the item at its meetings', 65, 284, { font: 'body', right: 488 }),
    ];
    expect(masthead(lines).metadata.title).toBeNull();
  });
  it('A/80/1 cover: the title is set larger than the "United Nations" banner; the Official Records lines under it are the cover\'s', () => {
    const lines = [
      line('A/80/1', 524, 48),
      line('United Nations', 123, 152, { size: 20, font: 'bold' }),
      line('Report of the Secretary-General', 123, 216, { size: 28.5, font: 'bold' }),
      line('on the work of the Organization', 123, 243, { size: 28.5, font: 'bold' }),
      line('General Assembly', 123, 361, { size: 20, font: 'bold' }),
      line('Official Records', 123, 378, { size: 14, font: 'bold' }),
      line('Eightieth Session', 123, 394, { size: 14, font: 'bold' }),
      line('Supplement No. 1', 123, 410, { size: 14, font: 'bold' }),
    ];
    const result = masthead(lines);
    expect(result.metadata.title).toBe('Report of the Secretary-General on the work of the Organization');
    expect(result.metadata.subtitle).toBeNull();
    expect(result.consumed).toBe(8);
  });

  it('E/2018/41 cover: "OFFICIAL RECORDS: 2018" and "SUPPLEMENT No. 21" are neither title nor subtitle', () => {
    const lines = [
      line('E/2018/41', 425, 81),
      line('REPORT OF THE THIRTIETH SESSION', 57, 282, { size: 16.5, font: 'bold' }),
      line('25-28 June 2018', 57, 298, { size: 13, font: 'bold' }),
      line('ECONOMIC AND SOCIAL COUNCIL', 57, 411, { size: 16.5, font: 'bold' }),
      line('OFFICIAL RECORDS: 2018', 57, 427, { size: 13, font: 'bold' }),
      line('SUPPLEMENT No. 21', 57, 541, { size: 18, font: 'bold' }),
    ];
    const result = masthead(lines);
    expect(result.metadata.title).toBeNull();
    expect(result.metadata.subtitle).toBeNull();
    expect(result.consumed).toBe(6);
  });

  it("TPNW/MSP/2025/11: a larger numbered heading under a two-line title stays the body's", () => {
    const lines = [
      line('TPNW/MSP/2025/11', 400, 50),
      line('Agenda item 20', 60, 250),
      line('Report of the third Meeting of States Parties to the Treaty on the', 123, 300, { size: 14, font: 'bold' }),
      line('Prohibition of Nuclear Weapons', 123, 316, { size: 14, font: 'bold' }),
      line('I. Introduction', 90, 380, { size: 16, font: 'bold' }),
    ];
    expect(masthead(lines).metadata.title).toBe(
      'Report of the third Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons',
    );
  });

  it("A/80/16: an Official Records supplement's cover gives the title above the session dates, and its title page and inside cover are the cover's", () => {
    const page = (number: number, body: Line[]) => ({
      number,
      width: 612,
      height: 792,
      body: body.map((l) => ({ ...l, page: number })),
      notes: [],
    });
    const big = (text: string, y: number, size: number) => line(text, 123, y, { size, font: 'cover' });
    const pages = [
      page(1, [
        line('A/80/16', 517, 48),
        big('United Nations', 152, 20),
        big('Report of the Committee for', 216, 28.56),
        big('Programme and Coordination', 243, 28.56),
        big('Sixty-fifth session', 285, 20),
        big('(12 May–13 June 2025)', 304, 20),
        big('General Assembly', 388, 20),
        big('Official Records', 405, 14),
        big('Eightieth Session', 421, 14),
        big('Supplement No. 16', 437, 14),
      ]),
      page(2, []),
      page(3, [
        line('General Assembly A/80/16', 66, 84),
        line('Official Records', 66, 97),
        line('Supplement No. 16', 66, 124),
        big('Report of the Committee for Programme', 208, 20),
      ]),
      page(4, [
        line('Note', 123, 163),
        line('Symbols of United Nations documents are composed of letters combined with figures.', 147, 186),
        line('ISSN 0255-2213', 123, 679),
      ]),
      page(5, [line('[17 June 2025]', 480, 80), line('Contents', 57, 120, { size: 14 })]),
    ];
    const result = readMasthead(pages, [], typography, {}, silent);
    expect(result.metadata.title).toBe('Report of the Committee for Programme and Coordination');
    expect(result.consumed).toBe(10);
    expect(result.coverPages).toBe(3);
    expect(result.lines.map((l) => l.text)).toContain('ISSN 0255-2213');
    // The report's own date, in square brackets atop page 5, outranks the session dates of the cover.
    expect(result.metadata.date).toBe('2025-06-17');
    expect(result.lines.at(-1)).toMatchObject({ text: '[17 June 2025]', field: 'date' });
    expect(result.bodyOpening).toBe(1);
  });

  it("A/80/16: a bracketed line that is no date stays the body's", () => {
    const page = (number: number, body: Line[]) => ({
      number,
      width: 612,
      height: 792,
      body: body.map((l) => ({ ...l, page: number })),
      notes: [],
    });
    const pages = [
      page(1, [line('A/80/16', 517, 48), line('Official Records', 123, 405), line('Supplement No. 16', 123, 437)]),
      page(2, [line('[Original: French]', 480, 80), line('Contents', 57, 120, { size: 14 })]),
    ];
    const result = readMasthead(pages, [], typography, {}, silent);
    expect(result.bodyOpening).toBe(0);
    expect(result.lines.map((l) => l.text)).not.toContain('[Original: French]');
  });

  it("E/2018/41: an inside cover after a blank page (page 5) is still the cover's, and the body starts after it", () => {
    const page = (number: number, body: Line[]) => ({
      number,
      width: 595,
      height: 842,
      body: body.map((l) => ({ ...l, page: number })),
      notes: [],
    });
    const bold = (text: string, y: number, size: number) => line(text, 57, y, { size, font: 'bold' });
    const cover = (number: number) =>
      page(number, [
        line('E/2018/41', 425, 81),
        bold('REPORT OF THE THIRTIETH SESSION', 282, 16.5),
        bold('25-28 June 2018', 298, 13),
        bold('ECONOMIC AND SOCIAL COUNCIL', 411, 16.5),
        bold('OFFICIAL RECORDS: 2018', 427, 13),
        bold('SUPPLEMENT No. 21', 541, 18),
      ]);
    const pages = [
      cover(1),
      page(2, []),
      cover(3),
      page(4, []),
      page(5, [
        line('NOTE', 280, 100),
        line('Symbols of United Nations documents are composed of capital letters combined with figures.', 57, 130),
        line('ISSN: 1011-7024', 260, 600),
        line('United Nations Publication', 240, 640),
      ]),
      page(6, [
        line('Summary', 280, 120, { font: 'bold' }),
        line('The Economic and Social Commission for Western Asia held its session.', 57, 150),
      ]),
    ];
    const result = readMasthead(pages, [], typography, {}, silent);
    expect(result.coverPages).toBe(4);
    expect(result.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['NOTE', 'ISSN: 1011-7024', 'United Nations Publication']));
    expect(result.lines.map((l) => l.text)).not.toContain('Summary');
  });

  it('A/79/PV.64: an Official Records masthead with no supplement line has no cover pages', () => {
    const pages = [
      {
        number: 1,
        width: 612,
        height: 792,
        notes: [],
        body: [
          line('A/79/PV.64', 480, 60),
          line('Official Records', 123, 90),
          line('The meeting was called to order at 10 a.m.', 123, 300),
        ],
      },
      {
        number: 2,
        width: 612,
        height: 792,
        notes: [],
        body: [line('Official Records', 123, 90, { page: 2 }), line('The President: I give the floor.', 123, 120, { page: 2 })],
      },
    ];
    expect(readMasthead(pages, [], typography, {}, silent).coverPages).toBe(0);
  });

  it('A/52/613: a citation of a supplement in page 1\'s text ("…Session, Supplement No. 23 (A/52/23).") makes no cover', () => {
    const lines = [
      line('A/52/613', 437, 152),
      line('Fifty-second session', 65, 237),
      line('IMPLEMENTATION OF THE DECLARATION ON THE GRANTING', 167, 284),
      line('2. Official Records of the General Assembly, Fifty-second Session, Supplement No. 23 (A/52/23).', 65, 483),
    ];
    const result = masthead(lines);
    expect(result.coverPages).toBe(0);
    expect(result.consumed).toBeLessThan(lines.length);
  });
});

import { describe, expect, it } from 'vitest';
import { splitNotes } from '../../pipeline/stages/split-notes.js';
import type { Line, Typography } from '../../pipeline/model.js';
import { markersOf } from '../../pipeline/text/line-anchors.js';
import { collecting, line } from './lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'f2', lineGap: 11.5, leftMargin: 65, rightMargin: 539 };
const at = (text: string, y: number, x = 64.8): Line => line(text, x, y, { font: 'f2', right: 539 });
const pagesOf = (...pages: Line[][]) => pages.map((lines, index) => ({ number: index + 1, width: 612, height: 792, lines }));

describe('split-notes', () => {
  it("DP/OPS/2025/4 p.4: a note whose marker is raised alone at the note's own size opens the notes area with that marker", () => {
    const small = { font: 'f2', size: 8 };
    const [page] = splitNotes(
      pagesOf([
        at('(c) the continuous auditing and data analytics programme; (d) findings from investigations.', 736.66),
        line('1', 59.76, 771.46, { ...small, right: 63.78 }),
        line('Audit engagements included assurance audits, advisory reviews, internal audits.', 65.42, 776.02, { ...small, right: 421.6 }),
      ]),
      typography,
      collecting(),
    );
    expect(page!.body.map((l) => l.text.slice(0, 8))).toEqual(['(c) the ']);
    expect(page!.notes.map((l) => [l.text.slice(0, 20), l.x])).toEqual([['1 Audit engagements ', 59.76]]);
  });

  it('A/48/653 p.2: body-size notes opening "1/" under a drawn rule are notes, and the inline "1/" calls become markers', () => {
    const [page] = splitNotes(
      pagesOf([
        at('relating to military activities by colonial Powers in Territories under their administration. 1/', 614.76),
        at('(a) The title of the item would be replaced by:', 673.26, 95.16),
        at('1/ See A/48/23 (Part III). To be incorporated in Official Records of the', 719.1, 94.8),
        at('General Assembly, Forty-eighth Session, Supplement No. 23 (A/48/23).', 730.8),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 12))).toEqual(['1/ See A/48/', 'General Asse']);
    const call = page!.body[0]!;
    expect(call.text).toBe('relating to military activities by colonial Powers in Territories under their administration.');
    expect(markersOf(call)).toEqual([{ kind: 'marker', marker: '1', offset: call.text.length }]);
    // "A/48/23" and "(a)" are no calls.
    expect(markersOf(page!.body[1]!)).toEqual([]);
  });

  it('A/48/653: a "2/" that no note carries stays text, and a line opening "1/" right under the text is no note area', () => {
    const [page] = splitNotes(
      pagesOf([at('The voting was as follows: 2/ and then', 600), at('1/ Items considered in plenary meeting', 611.5)]),
      typography,
      collecting(),
    );
    expect(page!.notes).toEqual([]);
    expect(page!.body.map((l) => l.text)).toEqual(['The voting was as follows: 2/ and then', '1/ Items considered in plenary meeting']);
  });

  it('TD/B/43/6 (1996): body-size notes opening "2", after a wide gap, that the text calls with a raised "2" are notes', () => {
    const called = line('problems faced by developing countries, including African countries.', 64.8, 220.7, {
      font: 'f2',
      right: 539,
      markers: [{ marker: '2', offset: 68 }],
    });
    const [page] = splitNotes(
      pagesOf([
        called,
        at('from MFIs.', 598),
        at('2 See UNCTAD, Trade and Development Report 1995 and 1996.', 711.8),
        at('3 The 12 African countries are: Burkina Faso, Cameroon, Chad, Guinea,', 737.8),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 5))).toEqual(['2 See', '3 The']);
  });

  it('DP/2025/14 p.7: body-size notes whose markers are raised (not printed) at their start, after a wide gap, are notes when the text calls them', () => {
    const dp = { ...typography, bodySize: 9.96, lineGap: 11.4 };
    const body = (text: string, y: number, markers: { marker: string; offset: number }[] = []) =>
      line(text, 108, y, { size: 9.96, font: 'f1', right: 518, markers });
    const note = (text: string, y: number, marker?: string) =>
      line(text, 113.2, y, { size: 9.96, font: 'f1', right: 518, markers: marker ? [{ marker, offset: 0 }] : [] });
    const [page] = splitNotes(
      pagesOf([
        body('Independent evaluations completed in 2024 numbered 42, up from 36 in 2023.', 580, [{ marker: '2', offset: 76 }]),
        body('Staff time was self-reported by country offices.', 603.9, [{ marker: '3', offset: 49 }]),
        body('conducted by the Office.', 626.7),
        note('Based on Evaluation Resource Centre data downloaded on 3 February 2025.', 664.6, '2'),
        note('Staff time allocations for evaluation and additional evaluation costs were self-reported through the', 676, '3'),
        note('results-oriented annual reports.', 687.5),
      ]),
      dp,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 10))).toEqual(['Based on E', 'Staff time', 'results-or']);
    expect(page!.body.map((l) => l.text.slice(0, 10))).toEqual(['Independen', 'Staff time', 'conducted ']);
  });

  it('DP/2025/18 p.3: raised-marker notes at body size 2.4 line gaps under the text are notes; a printed "2" opening as close stays text', () => {
    const body = (text: string, y: number, markers: { marker: string; offset: number }[] = []) =>
      line(text, 95.2, y, { font: 'f2', right: 513, markers });
    const gap = 2.4 * typography.lineGap;
    const raised = splitNotes(
      pagesOf([
        body('and some 500 million people still lack access to electricity.', 574.3, [{ marker: '1', offset: 61 }]),
        body('financing to the public and private sector in early-stage markets', 585.8),
        line('Rocky Mountain Institute (RMI), Opportunities for Achieving Universal Energy Access', 102.5, 585.8 + gap, {
          font: 'f2',
          right: 513,
          markers: [{ marker: '1', offset: 0 }],
        }),
      ]),
      typography,
      collecting(),
    )[0]!;
    expect(raised.notes.map((l) => l.text.slice(0, 12))).toEqual(['Rocky Mounta']);
    const printed = splitNotes(
      pagesOf([
        body('and some 500 million people still lack access to electricity.', 574.3, [{ marker: '2', offset: 61 }]),
        body('financing to the public and private sector in early-stage markets', 585.8),
        body('2 countries reported in 2024 that their access had grown.', 585.8 + gap),
      ]),
      typography,
      collecting(),
    )[0]!;
    expect(printed.notes).toEqual([]);
  });

  it('E/ESCWA/EDID/2016/IG.1/4/Part I/Rev.1 p.6: a figure\'s small "Note:" line above the notes stays text, and the called notes under it are notes', () => {
    const small = (text: string, y: number, x: number, marker?: string) =>
      line(text, x, y, { font: 'f2', size: 9, right: 538, markers: marker ? [{ marker, offset: 0 }] : [] });
    const [page] = splitNotes(
      pagesOf([
        at('Trade facilitation matters for the region as much as infrastructure does.', 600, 64.8),
        line('connectivity rankings of the region.', 64.8, 612, { font: 'f2', right: 300, markers: [{ marker: '8', offset: 36 }] }),
        small('for the LPI: World Bank, Connecting to Compete 2016.', 644.5, 56.6),
        small('Note: The Kiel Index covered 165 countries, while the LPI Index covered 159 countries.', 660.8, 85),
        small('Ben Shepherd, “Infrastructure, trade facilitation and network connectivity in sub-Saharan Africa”,', 672, 93.5, '8'),
        small('paper prepared for the Overseas Development Institute.', 683, 56.6),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 12))).toEqual(['Ben Shepherd', 'paper prepar']);
    expect(page!.body.map((l) => l.text.slice(0, 12))).toContain('Note: The Ki');
  });

  it('TD/B/43/6: a line opening with a number that no raised marker calls stays text, even after a wide gap', () => {
    const [page] = splitNotes(
      pagesOf([at('The table below shows the figures.', 598), at('2 countries reported in 1995.', 711.8)]),
      typography,
      collecting(),
    );
    expect(page!.notes).toEqual([]);
  });

  it('E/2018/41-ar p.20: a note opening ")1(", its brackets stored as drawn, opens the notes area under the text that calls it', () => {
    const arabic = { ...typography, bodySize: 14.04, lineGap: 16 };
    const rtlAt = (text: string, y: number, size: number, markers: { marker: string; offset: number }[] = []): Line =>
      line(text, 56.9, y, { size, rtl: true, markers });
    const [page] = splitNotes(
      pagesOf([
        rtlAt('وإذ تعي التحديات الناشئة في المنطقة العربية', 623.98, 14.04),
        rtlAt('لعام 2030،', 640.18, 14.04, [{ marker: '1', offset: 9 }]),
        rtlAt(')1( قرار الجمعية العامة 70/1 المؤرخ 25 أيلول/سبتمبر 2015.', 720, 11.04),
      ]),
      arabic,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 3))).toEqual([')1(']);
  });

  it('DP/FPA/2025/6 p.23: a small line at the foot opening "18." that the text calls with a raised "18" is a note, its number its marker', () => {
    const small = { font: 'f2', size: 7.9, right: 539 };
    const [page] = splitNotes(
      pagesOf([
        line('by other units or departments or requests for advice, which required further review and action. This', 93.6, 118.8, {
          font: 'f2',
          right: 553,
          markers: [{ marker: '18', offset: 96 }],
        }),
        at('79. Table 6 below depicts the breakdown of cases opened in 2024, at headquarters and by region.', 657.5),
        line('18. In 2024, OAIS sent nine referrals/advisory memoranda concerning nine of these non-cases to the', 94, 712.3, small),
        line('Nations agency, where appropriate.', 94, 721.7, small),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => [l.text.slice(0, 14), markersOf(l).map((m) => [m.marker, m.offset])])).toEqual([
      ['In 2024, OAIS ', [['18', 0]]],
      ['Nations agency', []],
    ]);
    expect(page!.body.map((l) => l.text.slice(0, 4))).toEqual(['by o', '79. ']);
  });

  it('DP/FPA/2025/6: a small "19." line that no raised marker calls, and a called "18." in the upper part of the page, stay text', () => {
    const small = { font: 'f2', size: 7.9, right: 539 };
    const [page] = splitNotes(
      pagesOf([
        line('18. Small print high on the page, in a box.', 94, 200, small),
        line('which required further review and action. This', 93.6, 500, {
          font: 'f2',
          right: 553,
          markers: [{ marker: '18', offset: 41 }],
        }),
        line('19. For cases closed by case closure note, OAIS collected evidence.', 94, 712.3, small),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes).toEqual([]);
    expect(page!.body.map((l) => l.text.slice(0, 4))).toEqual(['18. ', 'whic', '19. ']);
  });

  it("S/2025/472 p.1: a letter set smaller than the annexes' body, far above the page's note, stays text, and the note under it is the notes area", () => {
    const letter = { font: 'f2', size: 10, right: 539 };
    const note = { font: 'f2', size: 8.5, right: 539 };
    const [page] = splitNotes(
      pagesOf([
        line('17 July 2025', 397, 98.4, letter),
        line('The Permanent Mission of the Republic of Kenya to the United Nations has the', 147, 274.7, letter),
        line('dated 10 July 2025 (see annex).*', 123, 310.7, letter),
        line('* Circulated in the language of submission only in line with current liquidity management', 115, 708.1, note),
        line('measures.', 123, 717.9, note),
      ]),
      { ...typography, bodySize: 12 },
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 12))).toEqual(['* Circulated', 'measures.']);
    expect(page!.body.map((l) => l.text.slice(0, 12))).toEqual(['17 July 2025', 'The Permanen', 'dated 10 Jul']);
  });

  it('DP/2025/L.2 p.1: a list of items set small at the foot, with dot leaders to its pages, is no notes area', () => {
    const small = { font: 'f2', size: 9, right: 539 };
    const [page] = splitNotes(
      pagesOf([
        at('The Executive Board will consider the following items:', 560),
        line('8 Field visits . . . . . . . . . . . . . . . . . . . . . . . . 6', 80, 690, small),
        line('UNDP segment', 100, 700, small),
        line('9 Annual report of the Administrator . . . . . . . . . . . . 6', 80, 710, small),
        line('10 Gender equality at UNDP . . . . . . . . . . . . . . . . . . 7', 80, 720, small),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes).toEqual([]);
    expect(page!.body).toHaveLength(5);
  });

  it('S/2025/71/Rev.1 p.4: under a contents entry set small, the notes below it are still the notes area', () => {
    const small = { font: 'f2', size: 8, right: 539 };
    const [page] = splitNotes(
      pagesOf([
        at('Designation of individuals and entities, as at', 600),
        line('31 December 2024. . . . . . . . . . . . . . . . . . . . . . . . . . 25', 80, 690, small),
        line('1 See resolution 2734 (2024), para. 4.', 80, 710, small),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text)).toEqual(['1 See resolution 2734 (2024), para. 4.']);
  });

  it('TD/B/CN.4/48 (1995) p.9: body-size "1/" and "2/" notes set as far apart as from the text are one notes area, both calls markers', () => {
    const tdLines = { ...typography, lineGap: 10 };
    const [page] = splitNotes(
      pagesOf([
        at('of the subjects. The Group reviewed the four technical reports 1/ completed', 500.2, 85),
        at('in 1992 and another two 2/ finalized in 1993. The Group carried out a', 510.2, 85),
        at('The Group considered training one of the most important domains where', 590.4, 85),
        at('1/ The principles of modern port management and organization, TD/BC.4/AC.7/13;', 634.2, 93),
        at('UNCTAD/SHIP/639; and The management and development of human resources in ports.', 663.3, 79),
        at('2/ Strategic planning for port authorities, UNCTAD/SHIP/646; and Sustainable', 692.4, 93),
        at('UNCTAD/SDD/PORT/1.', 706.9, 79),
      ]),
      tdLines,
      collecting(),
    );
    expect(page!.notes.map((l) => l.text.slice(0, 8))).toEqual(['1/ The p', 'UNCTAD/S', '2/ Strat', 'UNCTAD/S']);
    expect(page!.body.map((l) => markersOf(l).map((m) => m.marker))).toEqual([['1'], ['2'], []]);
  });

  it('DP/2025/23 p.15: a note marker raised alone in superscript, smaller than its note, opens the notes area with that marker', () => {
    const [page] = splitNotes(
      pagesOf([
        at('regional window and consolidated development-effectiveness line rise modestly versus latest 2022-', 695.71, 85.7),
        line('5', 72.02, 725.5, { font: 'f2', size: 6.96, right: 75.5 }),
        line('Latest estimates for 2022-2025 exclude Regular Resources Programme expenditure of $52.4 million', 77.54, 730.06, {
          font: 'f2',
          size: 7.92,
          right: 538,
        }),
        line('19 Rapid Response Facility.', 72.02, 739.9, { font: 'f2', size: 7.92, right: 162 }),
      ]),
      typography,
      collecting(),
    );
    expect(page!.notes.map((l) => [l.text.slice(0, 16), l.x])).toEqual([
      ['5 Latest estimat', 72.02],
      ['19 Rapid Respons', 72.02],
    ]);
  });
});

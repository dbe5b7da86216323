import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPdf } from '../../pipeline/convert.js';
import { drawingOf } from '../../pipeline/extract-drawing.js';
import type { ExtractedDocument, PageLines, Rule, TableBlock, TextRun, Typography } from '../../pipeline/model.js';
import { buildLines } from '../../pipeline/stages/build-lines.js';
import { findTables, pagesThatMayHoldTables } from '../../pipeline/stages/find-tables.js';
import { REPLICA_PDF } from '../e2e/shared.js';
import { run } from './lines.js';

const TYPOGRAPHY: Typography = { bodySize: 10, bodyFont: 'f2', lineGap: 12, leftMargin: 72, rightMargin: 540 };

function tablesOf(runs: TextRun[], rules: Rule[]): PageLines {
  const source: ExtractedDocument = {
    file: 'x.pdf',
    sha256: '',
    tagged: false,
    info: {},
    pages: [{ number: 1, width: 612, height: 792, runs, rules }],
  };
  const [lines] = buildLines(source);
  const page: PageLines = { number: 1, width: 612, height: 792, body: lines!.lines, notes: [] };
  return findTables([page], 0, source, TYPOGRAPHY)[0]!;
}

const rule = (x0: number, y: number, x1: number): Rule => ({ x0, y0: y, x1, y1: y + 0.5 });

/** The pages through the tables stage, each given as its runs (no rules drawn). */
function tablesOfPages(pages: TextRun[][]): PageLines[] {
  const { source, lines } = linedPages(pages.map((runs) => ({ runs, rules: [] })));
  return findTables(lines, 0, source, TYPOGRAPHY);
}

const tableOf = (page: PageLines) => page.body.find((line) => line.table)?.table;
const texts = (row: { text: string }[] | undefined) => row?.map((cell) => cell.text);

describe('find-tables', () => {
  it('A/80/590 p.3: "Variance" spans Amount | Percentage, the headings beside it fill both header rows, and neighbouring figures stay apart', () => {
    const size = 8.5;
    const page = tablesOf(
      [
        run('Performance of financial resources', 123.6, 463, 10, 'f3', 156),
        run('(Thousands of United States dollars)', 123.6, 475, 7, 'f2', 120),
        run('Variance', 426.5, 500, 7, 'f8', 27),
        run('Category', 123.6, 516.7, 7, 'f8', 28),
        run('Apportionment', 288, 516.7, 7, 'f8', 45.5),
        run('Expenditure', 347.9, 516.7, 7, 'f8', 36.9),
        run('Amount', 412.7, 516.7, 7, 'f8', 23.3),
        run('Percentage', 453, 516.7, 7, 'f8', 34.2),
        run('Military and police personnel', 123.6, 538.4, size, 'f2', 108.6),
        run('37 339.0', 301.7, 538.4, size, 'f2', 31.9),
        run('48 442.5', 352.9, 538.4, size, 'f2', 31.9),
        run('(11 103.5)', 398.2, 538.4, size, 'f2', 37.8),
        run('(29.7)', 465.2, 538.4, size, 'f2', 22.1),
        run('Civilian personnel', 123.6, 552.9, size, 'f2', 67.6),
        run('68 552.0', 301.7, 552.9, size, 'f2', 31.9),
        run('50 969.8', 352.9, 552.9, size, 'f2', 31.9),
        run('17 582.2', 404.1, 552.9, size, 'f2', 31.9),
        run('25.6', 471.5, 552.9, size, 'f2', 15.8),
      ],
      [rule(123.6, 489.1, 489.7), rule(392.8, 505.7, 489.7), { x0: 123.6, y0: 522.3, x1: 489.7, y1: 523.8 }, rule(123.6, 558, 489.7)],
    );
    // The caption and the units line stay in the text; the caption is the table's title too.
    expect(page.body).toHaveLength(3);
    const table = page.body[2]!.table!;
    expect(table.title).toBe('Performance of financial resources');
    expect(table.headerRows).toBe(2);
    expect(table.rows[0]!.map((c) => [c.text, c.colspan ?? 1, c.rowspan ?? 1])).toEqual([
      ['Category', 1, 2],
      ['Apportionment', 1, 2],
      ['Expenditure', 1, 2],
      ['Variance', 2, 1],
    ]);
    expect(table.rows[1]!.map((c) => c.text)).toEqual(['Amount', 'Percentage']);
    expect(table.rows[2]!.map((c) => c.text)).toEqual(['Military and police personnel', '37 339.0', '48 442.5', '(11 103.5)', '(29.7)']);
    expect(table.rows).toHaveLength(4);
  });

  it('a justified paragraph whose wide word gaps happen to line up is no table', () => {
    const page = tablesOf(
      [
        run('The Advisory Committee on Administrative and', 72, 100, 10, 'f2', 200),
        run('recommended that the', 300, 100, 10, 'f2', 100),
        run('General Assembly take note of the report and', 72, 112, 10, 'f2', 200),
        run('request the Secretary', 300, 112, 10, 'f2', 100),
      ],
      [],
    );
    expect(page.body.some((line) => line.table)).toBe(false);
  });
});

describe('find-tables: rows, trailing rows and tables across pages', () => {
  const small = 8.5;
  /** A row of a deliverables table in small type: the stub, then one figure under each year. */
  const figures = (stub: string, y: number, values: string[], x = 89) => [
    run(stub, x, y, small, 'f2', stub.length * 3.9),
    ...values.map((value, k) => run(value, 440 + 36 * k - value.length * 4.5, y, small, 'f2', value.length * 4.5)),
  ];

  it('A/81/6 (Sect. 2) Table 2.1: rows set apart by wider gaps keep a stub wrapped over three lines in one row, its figures on the last', () => {
    const [page] = tablesOfPages([
      [
        ...figures('Substantive services for meetings', 100, ['22', '9', '23', '22'], 74),
        run('Meetings of:', 74, 114.5, small, 'f2', 47),
        ...figures('3. The General Assembly related to multilingualism', 129, ['–', '–', '1', '–']),
        run('4. The Committee on Conferences, the Advisory Committee on Administrative and', 89, 143.5, small, 'f2', 295),
        run('Budgetary Questions and the Fifth Committee on the pattern of', 89, 154, small, 'f2', 276),
        ...figures('conferences', 164.5, ['16', '4', '16', '16']),
        ...figures('5. The Committee for Programme and Coordination', 179, ['6', '5', '6', '6']),
      ],
    ]);
    const table = tableOf(page!)!;
    expect(table.rows).toHaveLength(5);
    expect(texts(table.rows[3])).toEqual([
      '4. The Committee on Conferences, the Advisory Committee on Administrative and Budgetary Questions and the Fifth Committee on the pattern of conferences',
      '16',
      '4',
      '16',
      '16',
    ]);
    expect(texts(table.rows[1])![0]).toBe('Meetings of:');
  });

  it('A/80/604/Add.1 p. 7: a table note starting under the indented "Total" is no row of the table', () => {
    const [page] = tablesOfPages([
      [
        ...figures('International staff', 504.8, ['2', '2', '–', '(2)'], 123),
        ...figures('Total', 523.9, ['145', '128', '118', '(7)'], 138),
        run('a', 134.6, 543, 5.5, 'f2', 2.8),
        run('Funded under general temporary assistance.', 137.4, 546, small, 'f2', 162),
        run('The proposed resources for civilian personnel amount to $15,322,700.', 123, 569.6, 10, 'f2', 364),
      ],
    ]);
    const table = tableOf(page!)!;
    expect(table.rows.map((row) => row[0]!.text)).toEqual(['International staff', 'Total']);
    // No cell calls the "a": the note stays text, where it would be a note nothing refers to.
    expect(page!.body[1]!.text).toMatch(/Funded under general temporary assistance\.$/);
    expect(page!.tableNotes).toBeUndefined();
  });

  it('A/80/604/Add.1 p. 7: a note whose raised "a" a cell carries ("Temporary positions" + "a") is the table\'s', () => {
    const [page] = tablesOfPages([
      [
        ...figures('International staff', 485.7, ['2', '2', '–', '(2)'], 123),
        run('Temporary positions', 123, 504.8, small, 'f2', 80.4),
        run('a', 203.9, 502, 5.5, 'f2', 2.8),
        ...figures('Total', 523.9, ['145', '128', '118', '(7)'], 138),
        run('a', 134.6, 543, 5.5, 'f2', 2.8),
        run('Funded under general temporary assistance.', 137.4, 546, small, 'f2', 162),
        run('The proposed resources for civilian personnel amount to $15,322,700.', 123, 569.6, 10, 'f2', 364),
      ],
    ]);
    expect(tableOf(page!)!.rows.map((row) => row[0]!.text)).toEqual(['International staff', 'Temporary positions', 'Total']);
    expect(tableOf(page!)!.rows[1]![0]!.markers).toEqual(['a']);
    // The note, its raised "a" opening it, is the table's: out of the body, into the page's table notes.
    expect(page!.tableNotes?.map((l) => l.text)).toEqual(['Funded under general temporary assistance.']);
    expect(page!.body.map((l) => l.text)).toEqual([
      expect.any(String),
      'The proposed resources for civilian personnel amount to $15,322,700.',
    ]);
  });

  it('A/80/604/Add.1 p. 6: a printed "a" note is the table\'s where a cell carries the marker glued ("2024/25a"), and wraps', () => {
    const [page] = tablesOfPages([
      [
        ...figures('Authorized 2024/25a', 361, ['1 250', '1 175', '970', '–'], 123),
        ...figures('Military contingent personnel', 380, ['1 250', '1 175', '970', '–'], 123),
        run('a Representing the highest level of authorized strength, as', 137.4, 399, small, 'f2', 220),
        run('approved by the Security Council.', 137.4, 408.5, small, 'f2', 120),
        run('a Not a note: no cell of the table carries this marker under a letter.', 123, 430, 10, 'f2', 300),
      ],
    ]);
    expect(tableOf(page!)!.rows).toHaveLength(2);
    expect(page!.tableNotes?.map((l) => l.text)).toEqual([
      'a Representing the highest level of authorized strength, as',
      'approved by the Security Council.',
    ]);
    // Body-size text under the notes is the body's again.
    expect(page!.body.at(-1)!.text).toBe('a Not a note: no cell of the table carries this marker under a letter.');
  });

  it('A/81/6 (Sect. 2) Table 2.5: a table in small type keeps its closing section row and text row across it, but not the note under it', () => {
    const [page] = tablesOfPages([
      [
        ...figures('Publications (number of publications)', 100, ['1', '1', '1', '1'], 74),
        run('B. Generation and transfer of knowledge', 60, 114, small, 'f3', 160),
        ...figures('18. Delegates Handbook', 128, ['1', '1', '1', '1'], 74),
        run('C. Substantive deliverables', 60, 142, small, 'f3', 109),
        run(
          'Databases and substantive digital materials: online portals, including e-deleGATE, for Member States',
          74,
          156,
          small,
          'f2',
          466,
        ),
        run('a Includes the meetings of subsidiary bodies.', 60, 174, small, 'f2', 170),
        run('The Department will continue to plan and manage meetings and documentation services.', 72, 198, 10, 'f2', 440),
      ],
    ]);
    const table = tableOf(page!)!;
    expect(table.rows).toHaveLength(5);
    expect(texts(table.rows[3])).toEqual(['C. Substantive deliverables', '', '', '', '']);
    // The text row runs across every column, though its line ends before the last one's right edge.
    expect(table.rows[4]!.map((c) => [c.text.slice(0, 9), c.colspan])).toEqual([['Databases', 5]]);
    expect(page!.body.at(-2)!.text).toBe('a Includes the meetings of subsidiary bodies.');
  });

  /** A row of a "Planned outputs | Completed | Remarks" table, rows 20 points apart, its cells' lines 12 apart. */
  const output = (y: number, stub: string[], completed: string, remark: string) => [
    ...stub.map((text, k) => run(text, 60, y + 12 * k, 10, 'f2', text.length * 4.4)),
    run(completed, 263, y, 10, 'f2', completed.length * 5),
    run(remark, 309, y, 10, 'f2', remark.length * 4.4),
  ];

  it('A/80/590 pp. 14-15: a table broken by a page end keeps the stub wrapped under its last row, and its rows on the next page are one table with it', () => {
    const pages = tablesOfPages([
      [
        ...output(100, ['Implementation of pending audit', 'recommendations'], '1', 'Board of Auditors recommendation'),
        ...output(132, ['Performance of liquidation risk'], 'Yes', 'Risk assessment completed'),
        run('Provision of human resource services for', 60, 152, 10, 'f2', 180),
        run('Yes', 263, 152, 10, 'f2', 16),
        run('settlement of claims, entitlements and', 60, 164, 10, 'f2', 170),
        run('delegated authority', 60, 176, 10, 'f2', 82),
      ],
      [
        run('Facility, infrastructure and engineering', 60, 86, 10, 'f3', 180),
        run('services', 60, 98, 10, 'f3', 35),
        ...output(118, ['Operation and maintenance of 32', 'generators in Bamako'], '8', 'Generators handed over'),
        ...output(150, ['Disposal of inventory'], 'Yes', 'Property written off'),
      ],
    ]);
    const [first, second] = pages.map((page) => page.body);
    // Nothing of the page's last row is left out of its table.
    expect(first!).toHaveLength(1);
    expect(texts(first![0]!.table!.rows.at(-1))).toEqual([
      'Provision of human resource services for settlement of claims, entitlements and delegated authority',
      'Yes',
      '',
    ]);
    // The section row printed at the top of the next page is that table's row.
    expect(second!).toHaveLength(1);
    expect(texts(second![0]!.table!.rows[0])).toEqual(['Facility, infrastructure and engineering services', '', '']);
  });

  it('A/80/590 pp. 3-4: the caption of a table opening the page after a table is its title, not a stub wrapped from the table before', () => {
    const pages = tablesOfPages([
      [
        ...output(100, ['Military and police personnel'], '37 339.0', '48 442.5'),
        ...output(120, ['Civilian personnel'], '68 552.0', '50 969.8'),
      ],
      [
        run('Human resources incumbency performance', 124, 84.4, 10, 'f3', 195),
        run('Category', 124, 109.8, 7, 'f8', 28),
        run('Approved', 364, 109.8, 7, 'f8', 29),
        run('Actual', 467, 109.8, 7, 'f8', 20),
        run('Approved deployment', 124, 131.6, small, 'f2', 90),
        run('687', 382, 131.6, small, 'f2', 13),
        run('1 July 2024', 124, 146.1, small, 'f2', 42),
        run('190', 382, 146.1, small, 'f2', 13),
        run('–', 483, 146.1, small, 'f2', 4),
      ],
    ]);
    const body = pages[1]!.body;
    expect(body[0]!.text).toBe('Human resources incumbency performance');
    expect(body[1]!.table!.title).toBe('Human resources incumbency performance');
    expect(texts(body[1]!.table!.rows[0])).toEqual(['Category', 'Approved', 'Actual']);
  });
});

describe('find-tables: captions', () => {
  it('A/80/604/Add.1 p. 13: a caption wrapped over three lines is the whole title, the paragraph above it none of it', () => {
    const [page] = tablesOfPages([
      [
        run('Committee with regard to the financing of UNDOF is presented in the table below.', 124, 60, 10, 'f2', 360),
        run('Budgetary impact and financial implications resulting from the recommendations', 124, 84, 10, 'f3', 360),
        run('of the Advisory Committee for the United Nations Disengagement Observer', 124, 96, 10, 'f3', 340),
        run('Force for the period from 1 July 2026 to 30 June 2027', 124, 108, 10, 'f3', 250),
        run('Category', 124, 130, 8, 'f8', 28),
        run('Paragraph', 300, 130, 8, 'f8', 40),
        run('Implication', 450, 130, 8, 'f8', 40),
        run('Official travel', 124, 146, 8, 'f2', 60),
        run('32', 310, 146, 8, 'f2', 10),
        run('(29 800)', 455, 146, 8, 'f2', 30),
        run('Medical', 124, 160, 8, 'f2', 30),
        run('35', 310, 160, 8, 'f2', 10),
        run('(14 500)', 455, 160, 8, 'f2', 30),
      ],
    ]);
    const table = page!.body.find((l) => l.table)!.table!;
    expect(table.title).toBe(
      'Budgetary impact and financial implications resulting from the recommendations of the Advisory Committee for the United Nations Disengagement Observer Force for the period from 1 July 2026 to 30 June 2027',
    );
  });
});

describe('find-tables: figures and numbered paragraphs', () => {
  const typography: Typography = { ...TYPOGRAPHY, leftMargin: 123 };
  const pageOf = (runs: TextRun[]) => {
    const source: ExtractedDocument = {
      file: 'x.pdf',
      sha256: '',
      tagged: false,
      info: {},
      pages: [{ number: 1, width: 612, height: 792, runs, rules: [] }],
    };
    const [built] = buildLines(source);
    return findTables([{ number: 1, width: 612, height: 792, body: built!.lines, notes: [] }], 0, source, typography)[0]!;
  };
  /** A chart's axis and data labels: the values over the bars, the y axis, the years under them. */
  const chart = (top: number) => [
    run('25', 70, top, 8.5, 'f1', 9),
    run('23', 318, top + 4, 8.5, 'f4', 9),
    run('23', 473, top + 4, 8.5, 'f4', 9),
    ...['20', '15', '10', '5'].map((label, k) => run(label, 70, top + 33 + 32.8 * k, 8.5, 'f1', 9)),
    run('0', 74, top + 164, 8.5, 'f1', 5),
    run('2023 – seventy-eighth session', 114, top + 174.3, 8.5, 'f1', 102),
    run('2024 – seventy-ninth session', 270, top + 174.3, 8.5, 'f1', 98),
    run('2025 – eightieth session', 433, top + 174.3, 8.5, 'f1', 82),
    ...[152, 306, 461].map((x) => run('(actual)', x, top + 184.2, 8.5, 'f1', 26)),
  ];

  it('A/81/6 (Sect. 2) figure 2.I: the axis and data labels of a chart under its figure caption are no table', () => {
    const page = pageOf([
      run('Figure 2.I', 60, 254, 10, 'f2', 41),
      run('Performance measure: number of informal consultations (annual)', 60, 266, 10, 'f3', 300),
      ...chart(290),
    ]);
    expect(page.body.some((line) => line.table)).toBe(false);
  });

  it('A/81/6 (Sect. 2) para. 2.52: a paragraph numbered by its chapter, its word gaps lined up, starts no table above a chart', () => {
    const words = ['These', 'actions,', 'together', 'with', 'the', 'flexibility', 'and', 'professionalism'];
    const page = pageOf([
      run('2.52', 92, 126.5, 10, 'f2', 18),
      ...words.map((word, k) => run(word, 123 + 55 * k, 126.5, 10, 'f2', word.length * 4.4)),
      run('notwithstanding the liquidity constraints, to ensure the timely issuance of documents.', 123, 138.5, 10, 'f2', 428),
      run('Figure 2.V', 60, 162.5, 10, 'f2', 45),
      run('Performance measure: percentage of documentation issued on time', 60, 174.5, 10, 'f3', 400),
      ...chart(199),
    ]);
    expect(page.body.some((line) => line.table)).toBe(false);
    expect(page.body[0]!.text).toMatch(/^2\.52 These actions, together/);
  });
});

describe('find-tables: numbered rows', () => {
  it('A/AC.172/2025/2 annex: a calendar whose rows open with their running number, set in the body size, is one table', () => {
    const typography: Typography = { bodySize: 8.5, bodyFont: 'f2', lineGap: 10.5, leftMargin: 81, rightMargin: 600 };
    const size = 8.4;
    /** A meeting's row: its number, organ, mandate, session, dates, place; then its wrapped lines. */
    const meeting = (y: number, number: string, cells: string[], wrapped: string[][]) => [
      run(number, 58, y, size, 'f2', 11),
      ...cells.map((text, k) => run(text, [81, 195, 312, 393, 465][k]!, y, size, 'f2', Math.min(text.length * 3.8, 105))),
      ...wrapped.flatMap((line, j) => line.map((text, k) => run(text, [81, 195][k]!, y + 10.6 * (j + 1), size, 'f2', text.length * 3.8))),
    ];
    const runs = [
      run('Organ', 81, 78.7, 7, 'f7', 20),
      run('Mandate', 195, 78.7, 7, 'f7', 26),
      run('Meeting', 312, 78.7, 7, 'f7', 26),
      run('Dates (2025)', 393, 78.7, 7, 'f7', 38),
      run('Location', 465, 78.7, 7, 'f7', 27),
      ...meeting(
        100.4,
        '89.',
        ['Human Rights Council,', 'Commission on Human', '102nd session', '1–10 April', 'Geneva'],
        [
          ['Working Group on Arbitrary', 'Rights resolutions 1991/42'],
          ['Detention', 'and 1997/50'],
        ],
      ),
      ...meeting(
        146,
        '90.',
        ['Human Rights Council,', 'Human Rights Council', 'Eleventh session', '2–4 April', 'New York'],
        [['Expert Mechanism on the', 'resolution 42/23']],
      ),
      ...meeting(
        181,
        '91.',
        ['United Nations Voluntary', 'Economic and Social Council', 'Sixtieth session', '2–4 April', 'Geneva'],
        [['Fund for Technical', 'decision 1993/283']],
      ),
    ];
    const source: ExtractedDocument = {
      file: 'x.pdf',
      sha256: '',
      tagged: false,
      info: {},
      pages: [{ number: 1, width: 792, height: 612, runs, rules: [] }],
    };
    const [built] = buildLines(source);
    const page = findTables([{ number: 1, width: 792, height: 612, body: built!.lines, notes: [] }], 0, source, typography)[0]!;
    expect(page.body).toHaveLength(1);
    const table = page.body[0]!.table!;
    expect(table.rows.map((row) => row[0]!.text)).toEqual(['', '89.', '90.', '91.']);
    expect(texts(table.rows[1])).toEqual([
      '89.',
      'Human Rights Council, Working Group on Arbitrary Detention',
      'Commission on Human Rights resolutions 1991/42 and 1997/50',
      '102nd session',
      '1–10 April',
      'Geneva',
    ]);
  });
});

/** Pages given as runs and rules, through build-lines, as the tables stage and its page test see them. */
function linedPages(pages: { runs: TextRun[]; rules: Rule[] }[]): { source: ExtractedDocument; lines: PageLines[] } {
  const source: ExtractedDocument = {
    file: 'x.pdf',
    sha256: '',
    tagged: false,
    info: {},
    pages: pages.map(({ runs, rules }, k) => ({ number: k + 1, width: 612, height: 792, runs, rules })),
  };
  const lines = buildLines(source).map((page, k) => ({ number: k + 1, width: 612, height: 792, body: page.lines, notes: [] }));
  return { source, lines };
}

/** A page of justified prose, a title underlined by a rule. */
const PROSE_PAGE = {
  runs: [
    run('Introduction', 72, 100, 10, 'f3', 60),
    run('The Committee considered the report of the Secretary-General at its first meeting, and', 72, 130),
    run('took note of the measures described in it, in particular those on the budget of the', 72, 142),
    run('missions and on the accountability framework adopted by the General Assembly.', 72, 154),
  ],
  rules: [rule(72, 103, 132)],
};

/** Two rows of figures under their headings, between rules: a table. */
const TABLE_PAGE = {
  runs: [
    run('Category', 72, 120, 9, 'f8', 40),
    run('Apportionment', 300, 120, 9, 'f8', 60),
    run('Expenditure', 400, 120, 9, 'f8', 50),
    run('Military personnel', 72, 140, 9, 'f2', 80),
    run('37 339.0', 310, 140, 9, 'f2', 32),
    run('48 442.5', 410, 140, 9, 'f2', 32),
    run('Civilian personnel', 72, 152, 9, 'f2', 80),
    run('68 552.0', 310, 152, 9, 'f2', 32),
    run('50 969.8', 410, 152, 9, 'f2', 32),
  ],
  rules: [rule(72, 110, 450), rule(72, 128, 450), rule(72, 158, 450)],
};

/** One row of figures under a ruled heading: a table only because of its rules (a "Variance" box). */
const RULED_BOX_PAGE = {
  runs: [
    run('Variance', 300, 100, 9, 'f8', 40),
    run('Total', 72, 120, 9, 'f2', 30),
    run('1 234.5', 310, 120, 9, 'f2', 30),
    run('(5.2)', 410, 120, 9, 'f2', 22),
  ],
  rules: [rule(72, 90, 450), rule(290, 106, 450), rule(72, 128, 450)],
};

describe('find-tables: the pages whose drawings are worth reading', () => {
  it('lists a page with a table, and neither a page of prose nor a contents page, whatever they draw', () => {
    const contents = {
      runs: [run('Contents', 72, 100, 10, 'f3', 40), run('Introduction', 72, 130), run('3', 530, 130, 10, 'f2', 5)],
      rules: [],
    };
    contents.runs.push(run('Budget', 72, 142), run('7', 530, 142, 10, 'f2', 5));
    const { lines } = linedPages([PROSE_PAGE, TABLE_PAGE, contents]);
    expect(pagesThatMayHoldTables(lines, 0, TYPOGRAPHY)).toEqual([2]);
  });

  it('lists a single row of figures, which its rules may make a table (a ruled "Variance" box)', () => {
    const { lines } = linedPages([PROSE_PAGE, RULED_BOX_PAGE]);
    expect(pagesThatMayHoldTables(lines, 0, TYPOGRAPHY)).toEqual([2]);
  });

  it("finds the same tables with the listed pages' rules alone as with every page's rules", () => {
    const { source, lines } = linedPages([PROSE_PAGE, TABLE_PAGE, RULED_BOX_PAGE]);
    const listed = new Set(pagesThatMayHoldTables(lines, 0, TYPOGRAPHY));
    const onlyListed: ExtractedDocument = {
      ...source,
      pages: source.pages.map((page) => (listed.has(page.number) ? page : { ...page, rules: [] })),
    };
    const tables = (document: ExtractedDocument) =>
      findTables(lines, 0, document, TYPOGRAPHY).map((page) => page.body.filter((line) => line.table).map((line) => line.table));
    const withEveryRule = tables(source);
    expect(withEveryRule.flat().length).toBeGreaterThan(0);
    expect(tables(onlyListed)).toEqual(withEveryRule);
  });
});

describe('extract-drawing', () => {
  it('reads thin filled rectangles and stroked segments as rules, in top-left page space', () => {
    const OPS = { save: 1, restore: 2, transform: 3, constructPath: 4, fill: 5, stroke: 6, eoFill: 7 } as Record<string, number>;
    // moveTo 100 700, lineTo 300 700, lineTo 300 700.5, lineTo 100 700.5, close: a filled hairline.
    const filled = [0, 100, 700, 1, 300, 700, 1, 300, 700.5, 1, 100, 700.5, 4];
    const stroked = [0, 100, 600, 1, 100, 650];
    const { rules } = drawingOf(
      {
        fnArray: [OPS.constructPath!, OPS.constructPath!],
        argsArray: [
          [OPS.fill, [filled]],
          [OPS.stroke, [stroked]],
        ],
      },
      OPS,
      { left: 0, top: 792 },
    );
    expect(rules).toEqual([
      { x0: 100, y0: 91.5, x1: 300, y1: 92 },
      { x0: 100, y0: 142, x1: 100, y1: 192 },
    ]);
  });
});

describe('A/61/187-fr annex timetable', () => {
  it('is one table of 12 rows x 3 columns', async () => {
    const { document } = await convertPdf(new Uint8Array(readFileSync(REPLICA_PDF)), 'A_61_187-fr.pdf');
    const tables = document.annexes.flatMap((annex) => annex.body).filter((block): block is TableBlock => block.type === 'table');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table!.rows).toHaveLength(12);
    expect(table!.rows[0]!.map((c) => c.text)).toEqual(['10 heures-13 heures', '– Séance du matin', '']);
    expect(table!.rows[5]!.map((c) => c.text.slice(0, 20))).toEqual(['10 h 35-11 h 45', '– Première partie :', 'Promotion d’une appr']);
    expect(table!.rows[11]!.at(-1)!.text).toBe('Allocution du Président en exercice de l’Assemblée générale');
  }, 60_000);
});

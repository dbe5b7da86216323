import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, FootnoteDraft, PageLines, Rule, TableBlock, TextRun, Typography } from '../../pipeline/model.js';
import { buildLines } from '../../pipeline/stages/build-lines.js';
import { buildStructure } from '../../pipeline/stages/build-structure.js';
import { findTables } from '../../pipeline/stages/find-tables.js';
import { groupBlocks } from '../../pipeline/stages/group-blocks.js';
import { line, run, silent } from './lines.js';

const TYPOGRAPHY: Typography = { bodySize: 10, bodyFont: 'f2', lineGap: 12, leftMargin: 72, rightMargin: 540 };
const rule = (x0: number, y: number, x1: number): Rule => ({ x0, y0: y, x1, y1: y + 0.5 });
const SIZE = 8.5;

/** The runs and rules of A/80/590 p.3's "Performance of financial resources" table, as pdf.js gives them. */
const PAGE_3: { runs: TextRun[]; rules: Rule[] } = {
  runs: [
    run('Performance of financial resources', 123.6, 463, 10, 'f3', 156),
    run('Variance', 426.5, 500, 7, 'f8', 27),
    run('Category', 123.6, 516.7, 7, 'f8', 28),
    run('Apportionment', 288, 516.7, 7, 'f8', 45.5),
    run('Expenditure', 347.9, 516.7, 7, 'f8', 36.9),
    run('Amount', 412.7, 516.7, 7, 'f8', 23.3),
    run('Percentage', 453, 516.7, 7, 'f8', 34.2),
    run('Military and police personnel', 123.6, 538.4, SIZE, 'f2', 108.6),
    run('37 339.0', 301.7, 538.4, SIZE, 'f2', 31.9),
    run('48 442.5', 352.9, 538.4, SIZE, 'f2', 31.9),
    run('(11 103.5)', 398.2, 538.4, SIZE, 'f2', 37.8),
    run('(29.7)', 465.2, 538.4, SIZE, 'f2', 22.1),
    run('Civilian personnel', 123.6, 552.9, SIZE, 'f2', 67.6),
    run('68 552.0', 301.7, 552.9, SIZE, 'f2', 31.9),
    run('50 969.8', 352.9, 552.9, SIZE, 'f2', 31.9),
    run('17 582.2', 404.1, 552.9, SIZE, 'f2', 31.9),
    run('25.6', 471.5, 552.9, SIZE, 'f2', 15.8),
  ],
  rules: [rule(123.6, 489.1, 489.7), rule(392.8, 505.7, 489.7), { x0: 123.6, y0: 522.3, x1: 489.7, y1: 523.8 }, rule(123.6, 558, 489.7)],
};

/** The table blocks of one page, through the tables, blocks and structure stages. */
function tablesOf(runs: TextRun[], rules: Rule[]): TableBlock<FootnoteDraft>[] {
  const source: ExtractedDocument = {
    file: 'x.pdf',
    sha256: '',
    tagged: false,
    info: {},
    pages: [{ number: 1, width: 612, height: 792, runs, rules }],
  };
  const [lines] = buildLines(source);
  const page: PageLines = { number: 1, width: 612, height: 792, body: lines!.lines, notes: [] };
  const blocks = groupBlocks(findTables([page], 0, source, TYPOGRAPHY), 0, TYPOGRAPHY);
  return buildStructure({ blocks, typography: TYPOGRAPHY }, silent).body.filter(
    (block): block is TableBlock<FootnoteDraft> => block.type === 'table',
  );
}

describe('table cell provenance', () => {
  it('A/80/590 p.3: every cell with text carries the box of the text read into it, and the table the union of its cells', () => {
    const [table] = tablesOf(PAGE_3.runs, PAGE_3.rules);
    expect(table).toBeDefined();
    // 8.5 pt figures on the baseline 538.4: the em box runs 6.8 pt above it and 1.7 pt below.
    expect(table!.rows[2]!.map((cell) => [cell.text, cell.prov])).toEqual([
      ['Military and police personnel', [{ page: 1, bbox: [123.6, 531.6, 232.2, 540.1] }]],
      ['37 339.0', [{ page: 1, bbox: [301.7, 531.6, 333.6, 540.1] }]],
      ['48 442.5', [{ page: 1, bbox: [352.9, 531.6, 384.8, 540.1] }]],
      ['(11 103.5)', [{ page: 1, bbox: [398.2, 531.6, 436, 540.1] }]],
      ['(29.7)', [{ page: 1, bbox: [465.2, 531.6, 487.3, 540.1] }]],
    ]);
    // "Variance" is a heading over two columns: its box is its own text, not the columns it spans.
    const variance = table!.rows[0]!.find((cell) => cell.text === 'Variance');
    expect(variance?.prov).toEqual([{ page: 1, bbox: [426.5, 494.4, 453.5, 501.4] }]);
    // From the top of "Variance" to the bottom of the last row, from the stub's left to the figures' right.
    expect(table!.prov).toEqual([{ page: 1, bbox: [123.6, 494.4, 487.3, 554.6] }]);
  });

  it('an empty cell (a figure not printed) has no provenance, and a table has the union of its cells on each page', () => {
    // As the tables stage leaves it: the table's lines are one line carrying the grid and its cells' boxes.
    const cell = (text: string, column: number, x: number, y: number) => ({
      text,
      column,
      ...(text === '' ? {} : { boxes: [{ page: 2, box: [x, y - 8, x + 40, y + 2] as [number, number, number, number] }] }),
    });
    const draft = {
      columns: 3,
      headerRows: 0,
      pages: [2],
      rows: [
        [cell('Posts', 0, 72, 100), cell('1 200.0', 1, 300, 100), cell('12.5', 2, 400, 100)],
        [cell('Travel', 0, 72, 112), cell('', 1, 0, 0), cell('3.1', 2, 400, 112)],
      ],
    };
    const tableLine = { ...line('Posts 1 200.0 12.5', 72, 100, { font: 'f2', page: 2 }), table: draft };
    const page: PageLines = { number: 2, width: 612, height: 792, body: [tableLine], notes: [] };
    const blocks = groupBlocks([page], 0, TYPOGRAPHY);
    const [table] = buildStructure({ blocks, typography: TYPOGRAPHY }, silent).body.filter(
      (b): b is TableBlock<FootnoteDraft> => b.type === 'table',
    );
    expect(table!.rows[1]!.map((c) => [c.text, c.prov])).toEqual([
      ['Travel', [{ page: 2, bbox: [72, 104, 112, 114] }]],
      ['', undefined],
      ['3.1', [{ page: 2, bbox: [400, 104, 440, 114] }]],
    ]);
    expect(table!.prov).toEqual([{ page: 2, bbox: [72, 92, 440, 114] }]);
  });

  it('a cell printed on two lines has one box over both (a wrapped stub)', () => {
    const runs = [
      run('Category', 100, 100, 10, 'f2', 40),
      run('Amount', 300, 100, 10, 'f2', 35),
      run('Share', 400, 100, 10, 'f2', 25),
      run('Operational', 100, 115, 10, 'f2', 55),
      run('1 200.0', 300, 115, 10, 'f2', 35),
      run('12.5', 400, 115, 10, 'f2', 20),
      run('costs of the mission', 100, 127, 10, 'f2', 90),
      run('Other costs', 100, 142, 10, 'f2', 50),
      run('300.0', 300, 142, 10, 'f2', 25),
      run('3.1', 400, 142, 10, 'f2', 15),
    ];
    const [table] = tablesOf(runs, [rule(100, 90, 420), rule(100, 104, 420), rule(100, 146, 420)]);
    const stub = table!.rows.flat().find((cell) => cell.text.startsWith('Operational'));
    expect(stub?.text).toBe('Operational costs of the mission');
    expect(stub?.prov).toEqual([{ page: 1, bbox: [100, 107, 190, 129] }]);
  });
});

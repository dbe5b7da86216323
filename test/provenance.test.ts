import { describe, expect, it } from 'vitest';
import type { Line, PageLines, Region, Typography } from '../pipeline/model.js';
import { extendProvenance, provenanceOf } from '../pipeline/provenance.js';
import { buildLines } from '../pipeline/stages/build-lines.js';
import { buildStructure } from '../pipeline/stages/build-structure.js';
import { groupBlocks } from '../pipeline/stages/group-blocks.js';
import { line, type LineOptions, run, silent } from './stages/lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 72, rightMargin: 523 };
const body = (text: string, y: number, options: LineOptions = {}) => line(text, 72, y, { font: 'body', right: 523, ...options });

function pageLines(number: number, lines: Line[]): PageLines {
  return { number, width: 595, height: 842, body: lines.map((l) => ({ ...l, page: number })), notes: [] };
}

describe('provenanceOf', () => {
  it('unites the boxes of the lines on one page: left to right edge, top of the first em box to the bottom of the last', () => {
    const lines = [body('First line of the paragraph', 100), body('second line', 112, { right: 300 })];
    // 10 pt type: the em box reaches 8 pt above the baseline and 2 pt below it.
    expect(provenanceOf(lines)).toEqual([{ page: 1, bbox: [72, 92, 523, 114] }]);
  });

  it('gives one entry per page a paragraph spans, in reading order', () => {
    const lines = [body('end of page 3', 770, { page: 3 }), body('top of page 4', 80, { page: 4, x: 90 })];
    expect(provenanceOf(lines)).toEqual([
      { page: 3, bbox: [72, 762, 523, 772] },
      { page: 4, bbox: [90, 72, 523, 82] },
    ]);
  });

  it('gives one more entry where the lines go on in the next column of the same page', () => {
    const left: Region = { left: 72, right: 290, top: 80, bottom: 780 };
    const right: Region = { left: 305, right: 523, top: 80, bottom: 780 };
    const lines = [
      body('foot of the left column', 770, { column: left, right: 290 }),
      body('top of the right column', 90, { column: right, x: 305 }),
    ];
    expect(provenanceOf(lines)).toEqual([
      { page: 1, bbox: [72, 762, 290, 772] },
      { page: 1, bbox: [305, 82, 523, 92] },
    ]);
  });

  it('rounds to 0.1 pt, and never writes -0', () => {
    const [entry] = provenanceOf([line('x', 72.349, 100.04, { size: 9.96, right: 80.051, top: -0.04, bottom: 102.06 })]);
    expect(entry!.bbox).toEqual([72.3, 0, 80.1, 102.1]);
    expect(Object.is(entry!.bbox[1], -0)).toBe(false);
  });
});

describe('extendProvenance', () => {
  const page5 = { page: 5, bbox: [72, 100, 523, 200] as [number, number, number, number] };

  it('joins more lines of the same column of the same page into the last box', () => {
    expect(extendProvenance([page5], [{ page: 5, bbox: [80, 204, 500, 260] }])).toEqual([{ page: 5, bbox: [72, 100, 523, 260] }]);
  });

  it('adds an entry for another page, or for another column of the same page', () => {
    const left = { page: 5, bbox: [72, 100, 290, 700] as [number, number, number, number] };
    expect(extendProvenance([left], [{ page: 5, bbox: [305, 90, 523, 300] }])).toHaveLength(2);
    expect(extendProvenance([page5], [{ page: 6, bbox: [72, 80, 523, 120] }])).toHaveLength(2);
    expect(extendProvenance([], [page5])).toEqual([page5]);
  });
});

describe('line boxes from build-lines', () => {
  it('reach from the tallest run to the lowest descender, raised markers left out', () => {
    const [page] = buildLines({
      file: 'x.pdf',
      sha256: '',
      tagged: false,
      info: {},
      pages: [
        {
          number: 1,
          width: 595,
          height: 842,
          runs: [run('Large', 72, 200, 12, 'f1', 40), run('and small', 115, 200, 10, 'f1', 50), run('1', 166, 196, 6, 'f1', 3)],
        },
      ],
    });
    const [only] = page!.lines;
    expect(only!.text).toBe('Large and small');
    expect(provenanceOf([only!])).toEqual([{ page: 1, bbox: [72, 190.4, 165, 202.4] }]);
  });
});

describe('provenance through group-blocks and build-structure', () => {
  it('a numbered paragraph cut by the page end carries a box on each page; its items carry their own', () => {
    const pages = [
      pageLines(1, [
        line('I. Introduction', 72, 90, { font: 'bold', size: 12, right: 180 }),
        body('1. The Commission considered the report and decided that the work should', 120),
        body('go on over the next two years with the same', 132),
      ]),
      pageLines(2, [body('working methods as before.', 80, { right: 200 }), body('(a) The first item;', 104, { x: 100, right: 200 })]),
    ];
    const blocks = groupBlocks(pages, 0, typography);
    const { body: result } = buildStructure({ blocks, typography }, silent);
    expect(result.map((block) => [block.type, block.prov])).toEqual([
      ['heading', [{ page: 1, bbox: [72, 80.4, 180, 92.4] }]],
      [
        'paragraph',
        [
          { page: 1, bbox: [72, 112, 523, 134] },
          { page: 2, bbox: [72, 72, 200, 82] },
        ],
      ],
    ]);
    const paragraph = result[1]!;
    expect(paragraph.type === 'paragraph' && paragraph.items?.map((item) => item.prov)).toEqual([[{ page: 2, bbox: [100, 96, 200, 106] }]]);
  });

  it('a table continued on the next page carries a box per page; an annex carries its label and title', () => {
    // As the tables stage leaves them: each table's lines become one line carrying its grid.
    const draft = (page: number, rows: string[][]) => ({
      columns: 2,
      headerRows: 1,
      pages: [page],
      rows: [['Country', 'Delegates'], ...rows].map((row, r) =>
        row.map((text, column) => ({ text, column, ...(r === 0 ? { header: true as const } : {}) })),
      ),
    });
    const tableLine = (page: number, y: number, rows: string[][]) => ({
      ...body('Country  Delegates', y, { page }),
      table: draft(page, rows),
    });
    const pages = [
      pageLines(3, [
        line('Annex', 280, 80, { font: 'bold', size: 12, right: 320, page: 3 }),
        line('List of participants', 250, 100, { font: 'bold', size: 12, right: 350, page: 3 }),
        tableLine(3, 700, [['Chile', '3']]),
      ]),
      pageLines(4, [tableLine(4, 80, [['Peru', '2']])]),
    ];
    const blocks = groupBlocks(pages, 0, typography);
    const { annexes } = buildStructure({ blocks, typography }, silent);
    expect(annexes).toHaveLength(1);
    expect(annexes[0]!.prov).toEqual([{ page: 3, bbox: [250, 70.4, 350, 102.4] }]);
    const tables = annexes[0]!.body.filter((block) => block.type === 'table');
    expect(tables.map((table) => [table.rows.length, table.prov])).toEqual([
      [
        3,
        [
          { page: 3, bbox: [72, 692, 523, 702] },
          { page: 4, bbox: [72, 72, 523, 82] },
        ],
      ],
    ]);
  });
});

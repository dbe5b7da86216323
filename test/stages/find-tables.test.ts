import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPdf } from '../../pipeline/convert.js';
import { drawingOf } from '../../pipeline/extract-drawing.js';
import type { ExtractedDocument, PageLines, Rule, TableBlock, TextRun, Typography } from '../../pipeline/model.js';
import { buildLines } from '../../pipeline/stages/build-lines.js';
import { findTables } from '../../pipeline/stages/find-tables.js';
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

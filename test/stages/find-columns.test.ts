import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, TextRun } from '../../pipeline/model.js';
import { findColumns } from '../../pipeline/stages/find-columns.js';
import { run } from './lines.js';

function documentOf(runs: TextRun[]): ExtractedDocument {
  return { file: 'x.pdf', sha256: '', tagged: false, info: {}, pages: [{ number: 1, width: 612, height: 792, runs }] };
}

/** A column of prose: rows that fill the measure from `x` to `x + width`, one run per row. */
function column(x: number, width: number, top: number, rows: number, label: string): TextRun[] {
  return Array.from({ length: rows }, (_, i) => run(`${label} line ${i + 1}`, x, top + 12 * i, 10, 'f1', width));
}

const regionsOf = (document: ExtractedDocument) => document.pages[0]!.runs.map((r) => [r.text, r.region]);

describe('find-columns', () => {
  it('A/56/509 (2001): a full-width title, then the left column read before the right one', () => {
    const title = run('Report of the Executive Secretary of the Framework Convention', 90, 80, 14, 'f2', 430);
    const runs = [title, ...column(72, 220, 120, 8, 'left'), ...column(320, 220, 120, 8, 'right')];
    const ordered = findColumns(documentOf(runs));
    const regions = new Map(regionsOf(ordered) as [string, number][]);
    expect(regions.get(title.text)).toBe(0);
    expect(regions.get('left line 8')).toBe(1);
    expect(regions.get('right line 1')).toBe(2);
    expect(ordered.pages[0]!.regions).toHaveLength(3);
  });

  it('leaves a page in one column untouched', () => {
    const extract = documentOf(column(72, 460, 100, 20, 'body'));
    expect(findColumns(extract)).toBe(extract);
  });

  it('A/80/590: a two-column table whose cells start row by row stays rows, not columns', () => {
    // Each cell is three lines; the request and the action taken on it start on the same baseline.
    const cells = (x: number, label: string) => [0, 1, 2].flatMap((row) => column(x, 220, 120 + row * 60, 3, `${label} ${row + 1}`));
    const extract = documentOf([...cells(72, 'request'), ...cells(320, 'action')]);
    expect(findColumns(extract)).toBe(extract);
  });

  it('a table of numbers is no pair of columns: its rows have tab-stop gaps', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [
      run(`Item ${i}`, 72, 100 + 12 * i, 10, 'f1', 150),
      run('37 339.0', 330, 100 + 12 * i, 10, 'f1', 40),
      run('35 000.0', 420, 100 + 12 * i, 10, 'f1', 40),
      run('2 339.0', 500, 100 + 12 * i, 10, 'f1', 40),
    ]).flat();
    const extract = documentOf(rows);
    expect(findColumns(extract)).toBe(extract);
  });

  it('a page of 200,000 runs (a hostile PDF) is read without overflowing the stack', () => {
    const runs = Array.from({ length: 200_000 }, (_, i) => run('w', 72 + (i % 40) * 12, 72 + Math.floor(i / 40) * 0.1, 10, 'f1', 8));
    const extract = documentOf(runs);
    expect(findColumns(extract)).toBe(extract);
  });
});

import { describe, expect, it } from 'vitest';
import { stripFurniture } from '../../pipeline/stages/strip-furniture.js';
import type { Line } from '../../pipeline/model.js';
import { line, silent } from './lines.js';
import { cellsOf } from '../../pipeline/text/line-anchors.js';

function pages(...lists: Line[][]) {
  return lists.map((lines, i) => ({ number: i + 1, width: 612, height: 792, lines: lines.map((l) => ({ ...l, page: i + 1 })) }));
}

describe('strip-furniture', () => {
  it('DP/OPS/2025/4 p.4: a note marker raised alone beside its note in the bottom band is no page number; the page number under it is', () => {
    const input = pages([
      line('The Group reviewed the following evidence.', 109, 700),
      line('1', 59.76, 771.46, { size: 8, right: 63.78 }),
      line('Audit engagements included assurance audits.', 65.42, 776.02, { size: 8, right: 300 }),
      line('4', 59.76, 790, { size: 7, right: 63 }),
    ]);
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(furniture.map((f) => [f.kind, f.text])).toEqual([['page-number', '4']]);
    expect(kept[0]!.lines.map((l) => l.text.slice(0, 5))).toEqual(['The G', '1', 'Audit']);
  });

  it('A/61/187: removes the symbol header, page number + job number footer, job line and barcode', () => {
    const input = pages(
      [
        line('Nations Unies A/61/187', 123, 57),
        line('Le Président a l’honneur de transmettre', 147, 398),
        line('06-44787 (F) 010806 020806', 60, 720),
        line('*0644787*', 60, 739),
      ],
      [line('A/61/187', 60, 66), line('1. Les rencontres interactives informelles', 123, 135), line('2 06-44787', 60, 728)],
      [line('A/61/187', 520, 66), line('Ces rencontres ont rassemblé', 123, 96), line('06-44787 3', 60, 728)],
    );
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(furniture.map((f) => [f.page, f.kind, f.text])).toEqual([
      [1, 'job-number', '06-44787 (F) 010806 020806'],
      [1, 'barcode', '*0644787*'],
      [2, 'header', 'A/61/187'],
      [2, 'job-number', '2 06-44787'],
      [3, 'header', 'A/61/187'],
      [3, 'job-number', '06-44787 3'],
    ]);
    // Page 1's masthead stays for the masthead stage; body lines stay everywhere.
    expect(kept[0]!.lines.map((l) => l.text)).toEqual(['Nations Unies A/61/187', 'Le Président a l’honneur de transmettre']);
    expect(kept[1]!.lines.map((l) => l.text)).toEqual(['1. Les rencontres interactives informelles']);
  });

  it('A/50/610 (1995): "English", "Page 2" and the "/..." continuation mark are furniture', () => {
    const input = pages(
      [line('Distr. GENERAL', 437, 117), line('1. At its 3rd plenary meeting', 65, 471), line('95-37106 (E) 011295 /...', 65, 717)],
      [
        line('A/50/610', 65, 43),
        line('English', 65, 54),
        line('Page 2', 65, 66),
        line('regard to the Implementation', 65, 112),
        line('/...', 523, 731),
      ],
      [line('A/50/610', 65, 43), line('English', 65, 54), line('Page 3', 65, 66), line('II. CONSIDERATION OF PROPOSALS', 213, 170)],
    );
    const { pages: kept } = stripFurniture(input, silent);
    expect(kept[1]!.lines.map((l) => l.text)).toEqual(['regard to the Implementation']);
    expect(kept[2]!.lines.map((l) => l.text)).toEqual(['II. CONSIDERATION OF PROPOSALS']);
    expect(kept[0]!.lines.map((l) => l.text)).toEqual(['Distr. GENERAL', '1. At its 3rd plenary meeting']);
  });

  it('keeps a body line that happens to sit in the bottom band and matches nothing', () => {
    const input = pages([line('Intro', 72, 300)], [line('the last line of a long paragraph runs low', 72, 705)]);
    const { pages: kept } = stripFurniture(input, silent);
    expect(kept[1]!.lines).toHaveLength(1);
  });

  it('DP/FPA/2025/7: the Executive Board running head set lower (at 11.5% of the page) is furniture', () => {
    const input = pages(
      [line('DP/FPA/2025/7', 72, 60), line('Report of the Ethics Office', 72, 300)],
      [
        line('DP/FPA/2025/7', 78, 91, { size: 8.5 }),
        line('I. Introduction', 81, 117, { size: 14 }),
        line('1. This report outlines the outputs', 117, 143),
      ],
      [line('DP/FPA/2025/7', 488, 91, { size: 8.5 }), line('(d) Administering the financial disclosure programme;', 117, 113)],
    );
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(furniture.map((f) => [f.page, f.kind, f.text])).toEqual([
      [2, 'header', 'DP/FPA/2025/7'],
      [3, 'header', 'DP/FPA/2025/7'],
    ]);
    expect(kept[1]!.lines.map((l) => l.text)).toEqual(['I. Introduction', '1. This report outlines the outputs']);
  });

  it('keeps a first line in the deeper band when it runs on with the text (no white space sets it apart)', () => {
    // A symbol-only line in the band would be a running head: here it is a wrapped citation.
    const input = pages([line('Intro', 72, 300)], [line('A/RES/79/1', 72, 100), line('and the paragraph goes on', 72, 112)]);
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(furniture).toEqual([]);
    expect(kept[1]!.lines).toHaveLength(2);
  });

  it('A/79/847: a table header row repeated at the top of the next page stays in the table', () => {
    const header = () => line('No. Date/Time Name of object', 72, 100, { cells: ['No.', 'Date/Time', 'Name of object'] });
    const input = pages([line('Intro', 72, 300)], [header(), line('1 2024 shell', 72, 130)], [header(), line('2 2024 mine', 72, 130)]);
    const { pages: kept } = stripFurniture(input, silent);
    expect(cellsOf(kept[1]!.lines[0]!)).toEqual(['No.', 'Date/Time', 'Name of object']);
    expect(kept[2]!.lines).toHaveLength(2);
  });

  it('A/HRC/RES/59/25: a note recurring word for word on many pages is a note, not a running footer', () => {
    const note = (marker: string, y: number) => [
      line('Adopted under the United Nations Framework Convention on Climate Change; see', 113, y, {
        size: 9,
        markers: [{ marker, offset: 0 }],
      }),
      line('FCCC/CP/2015/10/Add.1, decision 1/CP.21.', 113, y + 11, { size: 9 }),
    ];
    const input = pages(
      [line('Intro', 72, 300), ...note('2', 750)],
      [line('Recalling the Paris Agreement', 72, 300), ...note('6', 750), line('Page footer', 72, 775)],
      [line('Noting', 72, 300), ...note('10', 750), line('Page footer', 72, 775)],
    );
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(kept.map((page) => page.lines.length)).toEqual([3, 3, 3]);
    expect(furniture.map((f) => [f.page, f.text])).toEqual([
      [2, 'Page footer'],
      [3, 'Page footer'],
    ]);
  });

  it('A/RES/217(III)-en p.1: the barcode with "Please recycle" printed beside it, a cell apart, is the barcode', () => {
    const input = pages([
      line('Universal Declaration of Human Rights', 123, 300),
      line('*4807711* Please recycle', 60, 761, { cells: ['*4807711*', 'Please recycle'] }),
    ]);
    const { pages: kept, furniture } = stripFurniture(input, silent);
    expect(furniture.map((f) => [f.kind, f.text])).toEqual([['barcode', '*4807711* Please recycle']]);
    expect(kept[0]!.lines.map((l) => l.text)).toEqual(['Universal Declaration of Human Rights']);
  });

  it('A/RES/217(III)-ar: headings "المادة 6", "المادة 14", "المادة 20" at the top of three pages are no running title (their numbers do not follow the pages)', () => {
    const body = (n: number) => line(`نص الصفحة ${n}`, 123, 300);
    const input = pages(
      [body(1)],
      [body(2)],
      [line('المادة 6', 480, 80), body(3)],
      [line('المادة 14', 480, 80), body(4)],
      [line('المادة 20', 480, 80), body(5)],
    );
    const { furniture } = stripFurniture(input, silent);
    expect(furniture.map((f) => f.text)).toEqual([]);
    // A page number goes up with the page: "Page 3", "Page 4", "Page 5" is furniture.
    const numbered = pages(
      [body(1)],
      [body(2)],
      [line('Page 3', 480, 80), body(3)],
      [line('Page 4', 480, 80), body(4)],
      [line('Page 5', 480, 80), body(5)],
    );
    expect(stripFurniture(numbered, silent).furniture.map((f) => f.text)).toEqual(['Page 3', 'Page 4', 'Page 5']);
  });
});

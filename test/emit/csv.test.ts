import { describe, expect, it } from 'vitest';
import { tableGrid, tableToCsv, toCsv } from '../../pipeline/emit/csv.js';
import { renderFiles } from '../../pipeline/emit/index.js';
import type { TableBlock } from '../../pipeline/model.js';
import { a61187 } from '../fixtures/documents.js';

const at = [{ page: 3, bbox: [123.6, 511.1, 151.8, 518.1] as [number, number, number, number] }];

/** A/80/590 p.3 as the JSON has it: "Variance" over Amount | Percentage, the other headings filling both header rows. */
const PERFORMANCE: TableBlock = {
  type: 'table',
  id: 'table-1',
  title: 'Performance of financial resources',
  headerRows: 2,
  pages: [3],
  rows: [
    [
      { text: 'Category', header: true, rowspan: 2, prov: at },
      { text: 'Apportionment', header: true, rowspan: 2, prov: at },
      { text: 'Expenditure', header: true, rowspan: 2, prov: at },
      { text: 'Variance', header: true, colspan: 2, prov: at },
    ],
    [
      { text: 'Amount', header: true, prov: at },
      { text: 'Percentage', header: true, prov: at },
    ],
    [
      { text: 'Military and police personnel', prov: at },
      { text: '37 339.0', prov: at },
      { text: '48 442.5', prov: at },
      { text: '(11 103.5)', prov: at },
      { text: '(29.7)', prov: at },
    ],
    [{ text: 'Total', prov: at }, { text: '' }, { text: '1,234' }, { text: 'said "none"' }, { text: 'two\nlines' }],
  ],
  prov: at,
};

describe('CSV', () => {
  it("A/80/590 p.3: header rows first, a span's text in its top-left position and empty fields where it reaches, every record the full width", () => {
    expect(tableGrid(PERFORMANCE).slice(0, 3)).toEqual([
      ['Category', 'Apportionment', 'Expenditure', 'Variance', ''],
      ['', '', '', 'Amount', 'Percentage'],
      ['Military and police personnel', '37 339.0', '48 442.5', '(11 103.5)', '(29.7)'],
    ]);
  });

  it('quotes as RFC 4180 does: only fields with a comma, a quote or a line break, quotes doubled; CRLF after every record', () => {
    const csv = tableToCsv(PERFORMANCE);
    expect(csv.split('\r\n')).toEqual([
      'Category,Apportionment,Expenditure,Variance,',
      ',,,Amount,Percentage',
      'Military and police personnel,37 339.0,48 442.5,(11 103.5),(29.7)',
      'Total,,"1,234","said ""none""","two\nlines"',
      '',
    ]);
    // UTF-8 with no byte order mark.
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('A/61/187 annex timetable: one file per table, named by the document and the table id, with its text', () => {
    const document = a61187();
    expect(toCsv(document)).toEqual([
      { id: 'annex-1-table-1', csv: 'Heure,Séance\r\n10 heures-10 h 30,Séance inaugurale\r\n10 h 30-13 heures,\r\n' },
    ]);
    expect(renderFiles(document, 'csv').map((file) => file.suffix)).toEqual(['.annex-1-table-1.csv']);
  });

  it('a document without tables has no CSV file', () => {
    const document = a61187();
    document.annexes = [];
    expect(renderFiles(document, 'csv')).toEqual([]);
  });
});

/**
 * UnDocument → CSV: every table as its own file, for data users (RFC 4180, UTF-8).
 *
 * - One record per row of the grid, header rows first (a table continued over pages is one
 *   table, its repeated headings written once, as in the JSON); every record has the table's full
 *   width, so that a column of figures stays one column.
 * - A spanning cell's text stands in its top-left position; the positions its colspan and rowspan
 *   cover are empty fields. Nothing is repeated, so no figure is counted twice, and every field
 *   keeps the column it was printed in.
 * - Fields are quoted only when they hold a comma, a double quote, CR or LF (a quote doubled);
 *   records end with CRLF, the last one too.
 * - UTF-8 without a byte order mark: the bytes tools expect (csv modules, pandas, R, databases,
 *   `cat` of several files). Excel opens it as UTF-8 through Data › From Text/CSV; a double-click
 *   may not guess the encoding. The table's title and notes are in the JSON, not in the CSV.
 */
import type { TableBlock, UnDocument } from '../model.js';
import { tablesOf } from './tables.js';

/** One table's CSV file: the table's id (the file is `<document>.<id>.csv`) and its text. */
export interface TableCsv {
  id: string;
  csv: string;
}

const NEEDS_QUOTES = /[",\r\n]/;

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table's grid, cells placed as in HTML: each cell's text at its top-left position, covered positions empty. */
export function tableGrid(table: TableBlock): string[][] {
  const grid: (string | undefined)[][] = [];
  table.rows.forEach((row, r) => {
    const line = (grid[r] ??= []);
    let column = 0;
    for (const cell of row) {
      while (line[column] !== undefined) column++;
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      for (let dr = 0; dr < rowspan; dr++) {
        const covered = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) covered[column + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      column += colspan;
    }
  });
  // A rowspan running past the last row adds no row of its own.
  const rows = grid.slice(0, table.rows.length);
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** One table as CSV text. */
export function tableToCsv(table: TableBlock): string {
  return tableGrid(table)
    .map((row) => `${row.map(field).join(',')}\r\n`)
    .join('');
}

/** Every table of the document (body, then annexes, in reading order) as CSV. */
export function toCsv(document: UnDocument): TableCsv[] {
  return tablesOf(document).map((table) => ({ id: table.id, csv: tableToCsv(table) }));
}

/**
 * A table as HTML, shared by the HTML output and by the Markdown output for tables GFM cannot
 * hold (spans, several header rows): header rows in `<thead>` with `<th scope>`, spans kept.
 */
import type { TableBlock, TableCell } from '../model.js';

type Escape = (text: string) => string;
/** Attributes a cell's element gets besides its spans (HTML's provenance; none in Markdown). */
export type CellAttributes = (cell: TableCell) => string;

const NO_ATTRIBUTES: CellAttributes = () => '';
/** A cell's content as HTML: its text, and where it has footnote markers, their references. */
export type CellContent = (cell: TableCell) => string;

/** Whether any cell spans columns or rows. */
export function hasSpans(block: TableBlock): boolean {
  return block.rows.some((row) => row.some((cell) => (cell.colspan ?? 1) > 1 || (cell.rowspan ?? 1) > 1));
}

function cellHtml(cell: TableCell, inHeader: boolean, content: CellContent, attributes: CellAttributes): string {
  const spans = `${(cell.colspan ?? 1) > 1 ? ` colspan="${cell.colspan}"` : ''}${(cell.rowspan ?? 1) > 1 ? ` rowspan="${cell.rowspan}"` : ''}${attributes(cell)}`;
  const text = content(cell);
  if (inHeader || cell.header) return `<th scope="${(cell.colspan ?? 1) > 1 ? 'colgroup' : 'col'}"${spans}>${text}</th>`;
  return `<td${spans}>${text}</td>`;
}

/** The `<table>` element; `id` is left out where the caller anchors the table itself. */
export function tableHtml(
  block: TableBlock,
  escape: Escape,
  id?: string,
  attributes = '',
  cellAttributes: CellAttributes = NO_ATTRIBUTES,
  content: CellContent = (cell) => escape(cell.text),
): string {
  const headerRows = block.headerRows ?? 0;
  const row = (cells: TableCell[], inHeader: boolean) =>
    `<tr>${cells.map((cell) => cellHtml(cell, inHeader, content, cellAttributes)).join('')}</tr>`;
  const parts = [id === undefined ? `<table${attributes}>` : `<table id="${escape(id)}"${attributes}>`];
  if (headerRows > 0)
    parts.push(
      `<thead>${block.rows
        .slice(0, headerRows)
        .map((cells) => row(cells, true))
        .join('')}</thead>`,
    );
  const body = block.rows.slice(headerRows);
  if (body.length > 0) parts.push(`<tbody>${body.map((cells) => row(cells, false)).join('')}</tbody>`);
  parts.push('</table>');
  return parts.join('');
}

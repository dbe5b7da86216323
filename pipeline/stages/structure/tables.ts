/**
 * Tables: the blocks the tables stage found. A table that goes on at the top of the next page
 * (after a page break, with the same columns) continues the one before it, its repeated column
 * headings written once.
 */
import type { DraftCell, FootnoteDraft, RawBlock, TableBlock, TableCell, TableDraft } from '../../model.js';
import { extendProvenance, provenanceOfBoxes } from '../../provenance.js';
import type { StructureRule } from './view.js';

export const table: StructureRule<{ draft: TableDraft; continues: TableBlock<FootnoteDraft> | null }> = {
  name: 'table',
  // A table between an annex label and its title leaves the title still to come.
  keeps: ['annexTitle'],
  matches({ block, blocks, index, state }) {
    const draft = block.lines[0]?.table;
    if (!draft) return null;
    const last = state.scope.blocks.at(-1);
    const previous = blocks[index - 1];
    const continues = last?.type === 'table' && previous !== undefined && continuesOnNextPage(previous, block, last, draft) ? last : null;
    return { draft, continues };
  },
  apply({ draft, continues }, state, { block, prov: linesProv }) {
    const scope = state.scope;
    const rows = draft.rows.map(outputRow);
    // The table's box is its cells' (the line that carries the grid only has its first line's height).
    const cellBoxes = draft.rows.flat().flatMap((cell) => cell.boxes ?? []);
    const prov = cellBoxes.length > 0 ? provenanceOfBoxes(cellBoxes) : linesProv;
    if (continues) {
      const header = continues.rows.slice(0, continues.headerRows ?? 0);
      const repeated = header.length > 0 && header.every((row, r) => sameRow(row, rows[r]));
      continues.rows.push(...rows.slice(repeated ? header.length : 0));
      // The headings printed again on the new page are kept apart, as printed, so that no text is lost.
      if (repeated) (continues.repeatedHeaders ??= []).push({ page: block.page, rows: rows.slice(0, header.length) });
      continues.pages = [...new Set([...(continues.pages ?? []), ...draft.pages])];
      continues.prov = extendProvenance(continues.prov, prov);
      return;
    }
    scope.blocks.push({
      type: 'table',
      id: state.ids.take(`${scope.idPrefix}table-${++scope.counters.table}`),
      title: draft.title ?? null,
      headerRows: draft.headerRows,
      pages: draft.pages,
      rows,
      prov,
    });
  },
};

/**
 * The table opens its page, right after the previous page's table with as many columns (what
 * stood between them was the page's furniture and notes).
 */
function continuesOnNextPage(previous: RawBlock, block: RawBlock, last: TableBlock<FootnoteDraft>, draft: TableDraft): boolean {
  const before = previous.lines.at(-1)?.table;
  if (!before || previous.page === block.page || before.columns !== draft.columns) return false;
  return (last.pages ?? []).at(-1) === block.page - 1;
}

function outputRow(row: DraftCell[]): TableCell<FootnoteDraft>[] {
  return row.map((cell) => {
    const out: TableCell<FootnoteDraft> = { text: cell.text };
    if (cell.header) out.header = true;
    if ((cell.colspan ?? 1) > 1) out.colspan = cell.colspan!;
    if ((cell.rowspan ?? 1) > 1) out.rowspan = cell.rowspan!;
    if (cell.text !== '' && cell.boxes !== undefined && cell.boxes.length > 0) out.prov = provenanceOfBoxes(cell.boxes);
    // A marker raised after the cell's text, for the footnotes stage to link (its page: the cell's last piece's).
    const page = cell.boxes?.at(-1)?.page;
    if (cell.markers && page !== undefined) out.footnoteRefs = cell.markers.map((marker) => ({ marker, page, offset: cell.text.length }));
    return out;
  });
}

function sameRow(a: TableCell<FootnoteDraft>[], b: TableCell<FootnoteDraft>[] | undefined): boolean {
  return b !== undefined && a.map((c) => c.text).join('|') === b.map((c) => c.text).join('|');
}

/** Tables: blocks whose lines are mostly cells; a table block right after another one continues it. */
import { cellsOf } from '../../text/line-anchors.js';
import type { RawBlock, TableBlock } from '../../model.js';
import { extendProvenance } from '../../provenance.js';
import { HEADING_NUMBER } from './headings.js';
import type { StructureRule } from './view.js';

export const table: StructureRule<{ rows: string[][]; continues: TableBlock | null }> = {
  name: 'table',
  // A table between an annex label and its title leaves the title still to come.
  keeps: ['annexTitle'],
  matches({ block, previous, state }) {
    if (!isTableBlock(block)) return null;
    const last = state.scope.blocks.at(-1);
    const continues = last?.type === 'table' && previous !== undefined && isTableBlock(previous) ? last : null;
    return { rows: block.lines.map((l) => cellsOf(l) ?? [l.text]), continues };
  },
  apply({ rows, continues }, state, { prov }) {
    const scope = state.scope;
    if (continues) {
      continues.rows.push(...rows);
      continues.prov = extendProvenance(continues.prov, prov);
    } else scope.blocks.push({ type: 'table', id: state.ids.take(`${scope.idPrefix}table-${++scope.counters.table}`), rows, prov });
  },
};

/** A numbered line split in at most this many cells is a heading with a gap after its number ("1.   Official debt"). */
const HEADING_CELLS = 2;

function isTableBlock(block: RawBlock): boolean {
  const withCells = block.lines.filter((l) => (cellsOf(l)?.length ?? 0) > 1).length;
  const first = block.lines[0]!;
  // A numbered row of a table with more cells is the table's (A/79/352: "(ii) Concept / March / February …").
  const numberedHeading = block.lines.length === 1 && HEADING_NUMBER.test(first.text) && (cellsOf(first)?.length ?? 0) <= HEADING_CELLS;
  return withCells > 0 && withCells * 2 >= block.lines.length && !numberedHeading;
}

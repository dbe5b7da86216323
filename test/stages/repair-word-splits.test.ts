import { describe, expect, it } from 'vitest';
import { repairWordSplits } from '../../pipeline/stages/repair-word-splits.js';
import { cellsOf, markersOf } from '../../pipeline/text/line-anchors.js';
import { line, silent } from './lines.js';

describe('repair-word-splits', () => {
  it('A/RES/78/1 para 5: "internationa l human rights" becomes "international human rights"', () => {
    const lines = [
      line('grounded in the Universal Declaration of Human Rights, internationa l human rights', 123, 100, {
        markers: [{ marker: '4', offset: 83 }],
      }),
      line('respect for international law and international cooperation', 123, 112),
    ];
    const result = repairWordSplits([{ number: 1, width: 612, height: 792, lines }], silent);
    const fixed = result[0]!.lines[0]!;
    expect(fixed.text).toBe('grounded in the Universal Declaration of Human Rights, international human rights');
    expect(markersOf(fixed)[0]!.offset).toBe(82);
  });

  it("JIU/NOTE/2022/1/Rev.1 table: a cell gets the repair its line gets, its text being the line's", () => {
    const lines = [
      line('internationa l law 5', 123, 100, { cells: ['internationa l law', '5'] }),
      line('respect for international law and international cooperation', 123, 112),
    ];
    const fixed = repairWordSplits([{ number: 1, width: 612, height: 792, lines }], silent)[0]!.lines[0]!;
    expect(fixed.text).toBe('international law 5');
    expect(cellsOf(fixed)).toEqual(['international law', '5']);
  });

  it('A/80/604/Add.1 para 11: the space Word prints before a joining hyphen goes ("three -month", "troop - and police-"), a dash stays', () => {
    const lines = [
      line('sufficient to cover the three -month operating reserve of the Secretary -General', 123, 100),
      line('(excluding reimbursements to troop - and police-', 123, 112),
      line('personnel died - two in armed attacks', 123, 124),
    ];
    const result = repairWordSplits([{ number: 1, width: 612, height: 792, lines }], silent)[0]!.lines;
    expect(result.map((l) => l.text)).toEqual([
      'sufficient to cover the three-month operating reserve of the Secretary-General',
      '(excluding reimbursements to troop- and police-',
      'personnel died - two in armed attacks',
    ]);
  });

  it('never joins two real words ("in to" stays, although "into" is a word)', () => {
    const lines = [line('came in to see it go into it into that', 0, 0), line('in to in to', 0, 12)];
    const result = repairWordSplits([{ number: 1, width: 612, height: 792, lines }], silent);
    expect(result[0]!.lines[0]!.text).toBe('came in to see it go into it into that');
  });
});

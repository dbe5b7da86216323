import { describe, expect, it } from 'vitest';
import { groupBlocks } from '../../pipeline/stages/group-blocks.js';
import type { Line, PageLines, Typography } from '../../pipeline/model.js';
import type { Masthead } from '../../pipeline/stages/read-masthead.js';
import { line } from './lines.js';

const typography: Typography = { bodySize: 13, bodyFont: 'body', lineGap: 15, leftMargin: 79, rightMargin: 532 };
const noMasthead = { consumed: 0 } as Masthead;
const pageOf = (number: number, body: Line[]): PageLines => ({ number, width: 612, height: 792, body, notes: [] });
const rtlLine = (text: string, x: number, right: number, y: number, font: string, page: number): Line =>
  line(text, x, y, { page, right, size: 13, font, rtl: true });

describe('group-blocks', () => {
  it('E/ESCWA/30/8 p.2-3: the heading "مقدمـة" opening a page does not continue the contents line that ended the page before', () => {
    const blocks = groupBlocks({
      typography,
      masthead: noMasthead,
      notes: [
        pageOf(2, [rtlLine('10 38-39 ........................ الخطوات المقبلة', 85.92, 532.35, 397.44, 'body', 2)]),
        pageOf(3, [
          rtlLine('مقدمـة', 292.08, 319.82, 96.48, 'bold', 3),
          rtlLine('1- عقدت اللجنة التنفيذية في اللجنة الاقتصادية والاجتماعية لغربي آسيا', 79.44, 532.57, 126.72, 'body', 3),
        ]),
      ],
    });
    expect(blocks.map((block) => block.lines.map((l) => l.text.slice(0, 6)))).toEqual([['10 38-'], ['مقدمـة'], ['1- عقد']]);
  });

  it('a body line opening a page continues the paragraph the page before cut mid-sentence', () => {
    const blocks = groupBlocks({
      typography,
      masthead: noMasthead,
      notes: [
        pageOf(1, [line('The Commission took note of the report and requested the secretariat to', 79, 700, { right: 532, size: 13, font: 'body' })]),
        pageOf(2, [line('continue its work.', 79, 96, { page: 2, right: 200, size: 13, font: 'body' })]),
      ],
    });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines).toHaveLength(2);
  });
});

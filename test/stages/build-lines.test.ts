import { describe, expect, it } from 'vitest';
import { buildLines } from '../../pipeline/stages/build-lines.js';
import type { ExtractedDocument, TextRun } from '../../pipeline/model.js';
import { run } from './lines.js';

function page(runs: TextRun[]): ExtractedDocument {
  return { file: 'x.pdf', sha256: '', tagged: false, info: {}, pages: [{ number: 1, width: 612, height: 792, runs }] };
}

describe('build-lines', () => {
  it('A/HRC/59/60 p.2: a marker drawn on its own raised baseline joins the line below as a footnote marker', () => {
    const [result] = buildLines({
      extract: page([
        run('1', 252.65, 153, 6, 'f1', 3),
        run('Respect and Remedy” Framework.', 113.3, 156, 10, 'f1', 139.31),
        run('The Forum is mandated', 258.17, 156, 10, 'f1', 100),
      ]),
    });
    expect(result!.lines).toHaveLength(1);
    const [only] = result!.lines;
    expect(only!.text).toBe('Respect and Remedy” Framework. The Forum is mandated');
    expect(only!.markers).toEqual([{ marker: '1', offset: 'Respect and Remedy” Framework.'.length }]);
  });

  it('A/CONF.230/2025/10 p.10: markers printed "27,28,29" give three markers', () => {
    const [result] = buildLines({
      extract: page([
        run('27', 380, 155, 6.5, 'f1', 6),
        run(',', 386, 155, 6.5, 'f2', 2),
        run('28', 388, 155, 6.5, 'f1', 6),
        run('and seagrass meadows.', 250, 158, 10, 'f1', 129),
      ]),
    });
    expect(result!.lines[0]!.markers.map((m) => m.marker)).toEqual(['27', '28']);
    expect(result!.lines[0]!.text).toBe('and seagrass meadows.');
  });

  it('A/AC.292/2024/3 para 4: a marker before the period leaves no space ("completas¹.")', () => {
    const [result] = buildLines({
      extract: page([run('escritas completas', 123.41, 407.4, 10.08, 'f1', 78.41), run('1', 202.15, 403.8, 6.48, 'f1', 3.24), run('.', 205.51, 407.4, 10.08, 'f1', 2.52)]),
    });
    expect(result!.lines[0]!.text).toBe('escritas completas.');
    expect(result!.lines[0]!.markers).toEqual([{ marker: '1', offset: 'escritas completas'.length }]);
  });

  it('a raised "e" glued to a number is an ordinal suffix ("XXe siècle"), not a marker', () => {
    const [result] = buildLines({
      extract: page([run('au XX', 100, 200, 10, 'f1', 25), run('e', 125, 197, 6, 'f1', 3), run(' siècle', 128, 200, 10, 'f1', 30)]),
    });
    expect(result!.lines[0]!.markers).toEqual([]);
  });

  it('a label at a tab stop opens the line instead of making it a table row ("12.⇥Text")', () => {
    const [result] = buildLines({ extract: page([run('12.', 123, 300, 10, 'f1', 12), run('The Forum was held', 160, 300, 10, 'f1', 90)]) });
    expect(result!.lines[0]!.cells).toBeUndefined();
    expect(result!.lines[0]!.text).toBe('12. The Forum was held');
  });

  it('wide gaps between runs split a line into cells (A/HRC/59/60 p.3 participation table)', () => {
    const [result] = buildLines({ extract: page([run('Academic institutions', 113, 186, 9, 'f1', 90), run('13', 480, 186, 9, 'f1', 9)]) });
    expect(result!.lines[0]!.cells).toEqual(['Academic institutions', '13']);
  });
});

describe('build-lines, right-to-left', () => {
  const rtl = (text: string, x: number, width: number, size = 13): TextRun => ({ ...run(text, x, 400, size, 'f1', width), dir: 'rtl' });
  const ltr = (text: string, x: number, width: number): TextRun => ({ ...run(text, x, 400, 10.4, 'f5', width), dir: 'ltr' });

  it('E/ESCWA/30/8 p.3: reads an Arabic line from its right edge and puts the range "22-24" back in order', () => {
    const [result] = buildLines({
      extract: page([rtl('عن دورتها', 300, 50), ltr('22', 264, 10), ltr('-', 276, 3.5), ltr('24', 280, 10), rtl('آذار', 220, 30)]),
    });
    expect(result!.lines[0]!.text).toBe('عن دورتها 22-24 آذار');
    expect(result!.lines[0]!.rtl).toBe(true);
  });

  it('E/ESCWA/30/8: mirrored brackets read the logical way round ("(الإسكوا)")', () => {
    const [result] = buildLines({ extract: page([rtl('لغربي آسيا )الإسكوا(', 300, 120)]) });
    expect(result!.lines[0]!.text).toBe('لغربي آسيا (الإسكوا)');
  });

  it('E/ESCWA/30/8 para 38: a zero-width mark and spaces pdf.js put beside marks do not split the word "تعد"', () => {
    const [result] = buildLines({
      extract: page([rtl('\u064F', 494.88, 0), rtl('\u064E ت', 495.35, 3.19), rtl('\u0651 ع', 490.31, 5.16), rtl('\u064B د', 485.76, 4.41), rtl('حاليا', 461.04, 19.17)]),
    });
    expect(result!.lines[0]!.text.replace(/[\u064B-\u065F]/g, '')).toBe('تعد حاليا');
  });
});

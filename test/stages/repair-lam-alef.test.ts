import { describe, expect, it } from 'vitest';
import { repairLamAlef } from '../../pipeline/stages/repair-lam-alef.js';
import type { Line } from '../../pipeline/model.js';
import { cellsOf } from '../../pipeline/text/line-anchors.js';
import { collecting, line, type LineOptions } from './lines.js';

const pages = (lines: Line[]) => [{ number: 1, width: 595, height: 842, lines }];
const rtl = (text: string, options: LineOptions = {}) => line(text, 79, 100, { rtl: true, ...options });
/** Enough ordinary alef-lam pairs (the article) for the document to be judged. */
const filler = Array.from({ length: 30 }, () => rtl('اللجنة المعنية بالمعلومات'));

describe('repair-lam-alef', () => {
  it('E/ESCWA/30/7 (Word 2016): puts reversed lam-alef ligatures back ("اإلسكوا" → "الإسكوا", "لألمم" → "للأمم")', () => {
    const reporter = collecting();
    const result = repairLamAlef(
      pages([
        ...filler,
        rtl('اللجنة االقتصادية واالجتماعية لغربي آسيا (اإلسكوا) لألمم المتحدة', {
          cells: ['اللجنة االقتصادية واالجتماعية لغربي آسيا', '(اإلسكوا) لألمم المتحدة'],
        }),
      ]),
      reporter,
    );
    const repaired = result[0]!.lines.at(-1)!;
    expect(repaired.text).toBe('اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا) للأمم المتحدة');
    expect(cellsOf(repaired)).toEqual(['اللجنة الاقتصادية والاجتماعية لغربي آسيا', '(الإسكوا) للأمم المتحدة']);
    expect(reporter.messages.map((m) => m.rule)).toEqual(['arabic/reversed-lam-alef']);
  });

  it('E/ESCWA/2017/EC.4/4: "لا" standing as a word comes back from "ال", "وال", "إال", "أوالً" ("ولا سيما", "أولاً")', () => {
    const result = repairLamAlef(pages([...filler, rtl('أوال\u064B- وال سيما إال أن ال يوجد أعمال مثال')]), collecting());
    expect(result[0]!.lines.at(-1)!.text).toBe('أولا\u064B- ولا سيما إلا أن لا يوجد أعمال مثال');
  });

  it('keeps word-initial pairs that are words of their own ("إلى", "ألف")', () => {
    const result = repairLamAlef(pages([...filler, rtl('إلى ألف شخص')]), collecting());
    expect(result[0]!.lines.at(-1)!.text).toBe('إلى ألف شخص');
  });

  it('E/ESCWA/30/8 (bioPDF, correct text): leaves a document that prints lam before alef untouched', () => {
    const correct = [...filler, ...Array.from({ length: 5 }, () => rtl('الاقتصادية والاجتماعية للأمم المتحدة'))];
    const input = pages(correct);
    expect(repairLamAlef(input, collecting())).toBe(input);
  });

  it('A/RES/217(III)-ar: a lam-alef drawn as two glyphs apart, with a space between, is one "لا" ("ل ا يجوز", "لكيل ا"); "جدول الأعمال" stays', () => {
    const result = repairLamAlef(pages([rtl('ل ا يجوز لكيل ا يضطر عادل ا\u064B من جدول الأعمال')]), collecting());
    expect(result[0]!.lines[0]!.text).toBe('لا يجوز لكيلا يضطر عادلا\u064B من جدول الأعمال');
  });
});

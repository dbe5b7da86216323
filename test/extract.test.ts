import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanRunText, extract } from '../pipeline/extract.js';

const isNative = (fn: unknown) => Function.prototype.toString.call(fn).includes('[native code]');

describe('extract', () => {
  it('A/61/187: leaves Array.prototype.push and JSON native after loading pdf.js (its legacy build replaces them on Node 20)', async () => {
    const document = await extract(new Uint8Array(readFileSync('input/A_61_187-fr.pdf')), 'A_61_187-fr.pdf');
    expect(document.pages).toHaveLength(20);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
  });
});

describe('cleanRunText: control characters reach no output', () => {
  it('strips NUL, BEL, ESC, DEL and C1 controls, and reads tabs and line breaks as spaces', () => {
    expect(cleanRunText('a\u0000b\u0007c\u001b[2Jd\u007fe\u009bf')).toBe('abc[2Jdef');
    expect(cleanRunText('one\ttwo\nthree\r\nfour')).toBe('one two three  four');
  });
});

const ESCWA_PART_VII = new URL('../../shared/corpus/pdf/E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf', import.meta.url);
/** Byte offset → XOR mask: a mutant of E/ESCWA/2017/EC.4/4 Part VII (Arabic) found by scripts/mutate.mjs. */
const ESCWA_PART_VII_FLIPS: ReadonlyArray<readonly [number, number]> = [
  [7065, 39],
  [53016, 226],
  [58961, 156],
  [72326, 24],
  [76465, 144],
  [84630, 198],
  [92229, 239],
  [128271, 217],
  [198755, 220],
  [232217, 222],
  [235909, 134],
  [252266, 214],
  [275301, 2],
  [280831, 86],
  [281017, 142],
  [305231, 242],
  [311029, 50],
  [314178, 153],
  [341556, 228],
  [364560, 100],
  [365108, 219],
  [372103, 194],
  [383774, 164],
  [398733, 11],
  [401205, 161],
  [402848, 49],
  [404995, 97],
  [411251, 199],
  [417337, 11],
];

describe.skipIf(!existsSync(ESCWA_PART_VII))('E/ESCWA/2017/EC.4/4 Part VII with 29 bytes flipped (needs ../shared/corpus/pdf)', () => {
  it('keeps no run whose position is not a number (its damaged pages made later stages crash)', async () => {
    const data = new Uint8Array(readFileSync(ESCWA_PART_VII));
    for (const [offset, mask] of ESCWA_PART_VII_FLIPS) data[offset]! ^= mask;
    const document = await extract(data, 'E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf');
    const runs = document.pages.flatMap((page) => page.runs);
    expect(runs.length).toBeGreaterThan(1000);
    expect(runs.filter((run) => ![run.x, run.y, run.width, run.size].every(Number.isFinite))).toEqual([]);
    // Defect 12 (damaged content converts silently): what pdf.js recovered from is said, per page.
    const said = document.diagnostics?.map(({ rule, page }) => `${rule} ${page}`);
    expect(said).toEqual(
      expect.arrayContaining(['pdf/text-lost 6', 'pdf/text-lost 7', 'pdf/text-lost 9', 'pdf/text-lost 11', 'pdf/text-lost 12']),
    );
    expect(said).toContain('pdf/drawing-lost 6');
    expect(said?.filter((entry) => entry.startsWith('pdf/unclassified'))).toEqual([]);
  }, 60_000);
});

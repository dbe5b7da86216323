import { readFileSync } from 'node:fs';
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

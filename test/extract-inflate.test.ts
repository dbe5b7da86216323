/**
 * pipeline/extract-inflate.ts: the one-shot inflater undoc's conversion processes give pdf.js must
 * give what the built-in DecompressionStream gives, bytes and failures alike, since pdf.js falls
 * back to its own decoder on a failure and a damaged stream must convert as it did.
 */
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { installOneShotInflate } from '../pipeline/extract-inflate.js';

const Native = globalThis.DecompressionStream;

/** Decodes as pdf.js's asyncGetBytesFromDecompressionStream does: one write, then the readable to its end. */
async function asPdfjsDecodes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  try {
    const { readable, writable } = new DecompressionStream('deflate');
    const writer = writable.getWriter();
    await writer.ready;
    writer
      .write(bytes)
      .then(async () => {
        await writer.ready;
        await writer.close();
      })
      .catch(() => undefined);
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('latin1');
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 700 Td (The General Assembly,) Tj ET\n'.repeat(2000)));
const STREAMS: Record<string, Uint8Array> = {
  whole: content,
  'cut short': content.subarray(0, content.length - 10),
  'followed by an end-of-line': Buffer.concat([content, Buffer.from('\r\n')]),
  'with damaged bytes': Buffer.concat([content.subarray(0, 100), Buffer.alloc(50, 0xff), content.subarray(150)]),
  'a header alone': Buffer.from([0x78, 0x9c]),
};

describe('one-shot inflate', () => {
  afterAll(() => {
    globalThis.DecompressionStream = Native;
  });

  it('a content stream whole, cut short, followed by an end-of-line, damaged, or a header alone: the bytes or the failure of the built-in stream', async () => {
    const expected: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(STREAMS)) expected[name] = await asPdfjsDecodes(new Uint8Array(bytes));
    expect(expected.whole).toContain('(The General Assembly,) Tj');
    expect(expected['cut short']).toMatch(/^error: /);
    installOneShotInflate();
    expect(globalThis.DecompressionStream).not.toBe(Native);
    for (const [name, bytes] of Object.entries(STREAMS)) expect(await asPdfjsDecodes(new Uint8Array(bytes)), name).toBe(expected[name]);
  });

  it('a format other than deflate is the built-in stream', () => {
    installOneShotInflate();
    expect(new DecompressionStream('gzip')).toBeInstanceOf(Native);
  });
});

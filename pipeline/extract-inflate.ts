/**
 * Flate streams inflated in one call of zlib instead of through a web DecompressionStream.
 *
 * pdf.js decodes a FlateDecode stream (most content streams, fonts, images) with
 * `new DecompressionStream('deflate')`, written once and read to the end. On Node that stream is
 * zlib behind the web-streams adapter, which hands the output over in 16 KiB chunks, each a round
 * trip through the thread pool and several promises: measured with --cpu-prof over the corpus, the
 * adapter cost more than the inflating itself. zlib's inflateSync is the same inflater (the same
 * output, the same errors on damaged data, on which pdf.js falls back to its own decoder) in one
 * call.
 *
 * The replacement serves only that use (a 'deflate' stream written once, then read), so it is
 * installed only in processes that undoc owns, its conversion processes, never in a library
 * user's: any other format is the built-in stream.
 */
import { inflateSync } from 'node:zlib';

/** The one use pdf.js makes of a DecompressionStream: get a writer, write the bytes, close; iterate the readable. */
class OneShotInflateStream {
  readonly writable: { getWriter(): { ready: Promise<void>; write(bytes: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor() {
    const written: Uint8Array[] = [];
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: (bytes) => {
          written.push(bytes);
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        const inflated = inflateSync(written.length === 1 ? written[0]! : Buffer.concat(written));
        yield new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
      },
    };
  }
}

let installed = false;

/** Makes `new DecompressionStream('deflate')` the one-shot inflater in this process; other formats keep the built-in. */
export function installOneShotInflate(): void {
  const Native = globalThis.DecompressionStream as (new (format: string) => unknown) | undefined;
  if (installed || Native === undefined) return;
  installed = true;
  function DecompressionStream(format: string): unknown {
    return format === 'deflate' ? new OneShotInflateStream() : new Native!(format);
  }
  Object.defineProperty(globalThis, 'DecompressionStream', {
    value: DecompressionStream,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
